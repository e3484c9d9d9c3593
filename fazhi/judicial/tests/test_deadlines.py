"""Worked examples of the two statutory clocks, across holidays and make-up working days."""

import datetime

import pytest

from fazhi.core import clocks
from fazhi.judicial import services
from fazhi.judicial.models import ReconsiderationCase

D = datetime.date
pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("served", "due"), [
    (D(2023, 3, 1), D(2023, 3, 16)),   # 15 calendar days, an ordinary Thursday
    (D(2024, 9, 20), D(2024, 10, 8)),  # day 15 = 10-05 falls in the National Day holiday → 10-08
    (D(2025, 1, 20), D(2025, 2, 5)),   # day 15 = 02-04, last day of the Spring Festival holiday → 02-05
])
def test_al_67_answer_due_is_15_calendar_days_rolled_off_holidays(make_litigation, served, due):
    case = make_litigation(served=served)
    assert case.answer_due == due
    clock = clocks.get(case, services.AL_67)
    assert (clock.unit, clock.length, clock.due_date) == ("d", 15, due)
    assert "第六十七条" in clock.article


def test_ar_48_reply_due_is_10_working_days_counting_make_up_saturday(make_reconsideration):
    # Served Fri 2024-09-27: 09-29 (Sun, 调休上班)=1, 09-30=2, holiday 10-01..07, 10-08..11=3..6,
    # 10-12 (Sat, 调休上班)=7, 10-14..16=8..10 → 2024-10-16 (行政复议法第四十八条、第八十八条).
    case = make_reconsideration(served=D(2024, 9, 27))
    assert case.reply_due == D(2024, 10, 16)
    assert clocks.get(case, services.AR_48).unit == "wd"


def test_ar_54_summary_reply_due_is_5_working_days(make_reconsideration):
    # 09-29=1, 09-30=2, 10-08=3, 10-09=4, 10-10=5 (行政复议法第五十四条).
    case = make_reconsideration(served=D(2024, 9, 27), procedure=ReconsiderationCase.Procedure.SUMMARY)
    assert case.reply_due == D(2024, 10, 10)
    assert clocks.get(case, services.AR_48) is None
    assert clocks.get(case, services.AR_54).length == 5
