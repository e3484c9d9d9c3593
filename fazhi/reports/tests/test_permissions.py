import datetime

import pytest

from fazhi.reports import permissions
from fazhi.reports.services import report_approve, report_create, report_submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def reports(world, users, seed_figures):
    fs = report_create(actor=users["fengsheng_clerk"], town=world.fengsheng, year=2023)
    md = report_create(actor=users["mudong_clerk"], town=world.mudong, year=2023)
    md = report_approve(actor=users["mudong_leader"], report=md, on=datetime.date(2024, 2, 1))
    md = report_submit(actor=users["mudong_leader"], report=md, on=datetime.date(2024, 2, 2))
    return fs, md


@pytest.mark.parametrize("persona,expected", [
    ("fengsheng_clerk", {"fengsheng"}), ("fengsheng_leader", {"fengsheng"}), ("mudong_mediator", {"mudong"}),
    ("banan_supervisor", {"mudong"}),  # the district reads submitted reports only
    ("admin", {"fengsheng", "mudong"}),
    ("fengsheng_grid", set()),  # a grid worker's place holds no report
])
def test_who_sees_which_report(reports, users, persona, expected):
    assert {r.town.slug for r in permissions.reports_visible_to(users[persona])} == expected


def test_who_may_edit(reports, users):
    fs, md = reports
    assert permissions.can_edit_report(users["fengsheng_clerk"], fs)
    assert permissions.can_edit_report(users["fengsheng_leader"], fs)
    assert not permissions.can_edit_report(users["fengsheng_mediator"], fs)
    assert not permissions.can_edit_report(users["mudong_clerk"], fs)
    assert not permissions.can_edit_report(users["mudong_clerk"], md)  # approved
    assert not permissions.can_edit_report(users["banan_supervisor"], fs)
