import datetime

import pytest

from fazhi.core.models import Unit
from fazhi.judicial import services
from fazhi.judicial.figures import figures
from fazhi.judicial.models import LitigationCase, Outcome

D = datetime.date
pytestmark = pytest.mark.django_db
A = LitigationCase.Appearance


def _hear(clerk, case, appearance, **kw):
    return services.litigation_hear(actor=clerk, case=case, hearing_date=case.served_date + datetime.timedelta(30),
                                    appearance=appearance, appearer_name="某", **kw)


def test_head_appearance_rate_counts_heads_over_hearings(make_litigation, clerk, town):
    a, b, c = (make_litigation(number=f"案{i}") for i in range(3))
    make_litigation(number="未开庭")
    _hear(clerk, a, A.PRINCIPAL)
    _hear(clerk, b, A.IN_CHARGE)
    _hear(clerk, c, A.STAFF, absence_reason="duty")
    f = figures(town, 2024)
    assert f["judicial.litigation_cases"] == 4
    assert f["judicial.litigation_hearings"] == 3
    assert f["judicial.head_appearance_rate"] == 66.7


def test_head_appearance_rate_is_none_without_hearings(town, world):
    f = figures(town, 2023)
    assert f["judicial.head_appearance_rate"] is None
    assert f["judicial.litigation_cases"] == 0


def test_lost_counts_in_the_year_closed(make_litigation, clerk, town):
    case = make_litigation(served=D(2024, 11, 1))
    services.litigation_close(actor=clerk, case=case, closed_on=D(2025, 2, 1), outcome=Outcome.CORRECTED, lost=True)
    assert figures(town, 2024)["judicial.litigation_lost"] == 0
    assert figures(town, 2025)["judicial.litigation_lost"] == 1


def test_disclosure_table_four_figures(make_litigation, make_reconsideration, clerk, town):
    r1 = make_reconsideration(number="复1", concerns_disclosure=True)
    make_reconsideration(number="复2", concerns_disclosure=True)
    make_reconsideration(number="复3")  # not about disclosure
    services.reconsideration_decide(actor=clerk, case=r1, decided_on=D(2024, 12, 1), outcome=Outcome.CORRECTED)
    d = make_litigation(number="诉1", concerns_disclosure=True)
    services.litigation_close(actor=clerk, case=d, closed_on=D(2025, 1, 10), outcome=Outcome.MAINTAINED)
    make_litigation(number="诉2", concerns_disclosure=True, after_reconsideration=True)
    f = figures(town, 2024)
    assert f["judicial.disclosure_reconsideration_corrected"] == 1
    assert f["judicial.disclosure_reconsideration_pending"] == 1
    assert f["judicial.disclosure_reconsideration_total"] == 2
    # Closed only in 2025: still pending at the end of 2024.
    assert f["judicial.disclosure_litigation_direct_pending"] == 1
    assert f["judicial.disclosure_litigation_direct_maintained"] == 0
    assert f["judicial.disclosure_litigation_after_reconsideration_total"] == 1
    for prefix in ("disclosure_reconsideration", "disclosure_litigation_direct",
                   "disclosure_litigation_after_reconsideration"):
        parts = sum(f[f"judicial.{prefix}_{s}"] for s in ("maintained", "corrected", "other", "pending"))
        assert parts == f[f"judicial.{prefix}_total"]


def test_missing_zero_reports_are_counted_for_ended_quarters(town, clerk, today):
    today(D(2024, 7, 15))
    units = list(Unit.objects.filter(town=town))
    assert figures(town, 2024)["judicial.zero_reports_missing"] == 2 * len(units)
    for unit in units:
        for q in (1, 2):
            services.zero_report_confirm(actor=clerk, town=town, unit=unit, year=2024, quarter=q)
    assert figures(town, 2024)["judicial.zero_reports_missing"] == 0


def test_every_key_is_prefixed(town, world):
    assert all(k.startswith("judicial.") for k in figures(town, 2024))
