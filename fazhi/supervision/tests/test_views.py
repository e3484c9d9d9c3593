"""The district's view: which towns submitted, when, on time or not; the reports; the figures side
by side; the locked years. Town users get 404."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from fazhi.core import figures as core_figures
from fazhi.reports.services import report_approve, report_create, report_publish, report_submit
from fazhi.supervision import selectors

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def figures(monkeypatch):
    def fake():
        yield "disputes", lambda town, year: {"disputes.mediated": 396 if town.slug == "fengsheng" else 120}
    monkeypatch.setattr(core_figures, "providers", fake)


@pytest.fixture
def fengsheng_submitted(world, users, figures):
    r = report_create(actor=users["fengsheng_clerk"], town=world.fengsheng, year=2023)
    r = report_approve(actor=users["fengsheng_leader"], report=r, on=D(2024, 2, 20))
    r = report_submit(actor=users["fengsheng_leader"], report=r, on=D(2024, 2, 26))
    return report_publish(actor=users["fengsheng_leader"], report=r, on=D(2024, 3, 20))


def test_submissions_say_who_submitted_and_when(fengsheng_submitted, users):
    rows = {s.town.slug: s for s in selectors.submissions(users["banan_supervisor"], 2023)}
    assert rows["fengsheng"].state == "on_time" and rows["fengsheng"].submitted_on == D(2024, 2, 26)
    assert rows["fengsheng"].locked and rows["fengsheng"].readable
    assert rows["mudong"].report is None and rows["mudong"].state == "overdue"  # today is after 1 March 2024


def test_a_late_submission_shows_late(world, users, figures):
    r = report_create(actor=users["mudong_clerk"], town=world.mudong, year=2023)
    r = report_approve(actor=users["mudong_leader"], report=r, on=D(2024, 3, 5))
    report_submit(actor=users["mudong_leader"], report=r, on=D(2024, 3, 6))
    rows = {s.town.slug: s for s in selectors.submissions(users["banan_supervisor"], 2023)}
    assert rows["mudong"].state == "late"


def test_the_page_shows_submissions_comparison_and_locks(fengsheng_submitted, client_as):
    page = client_as("banan_supervisor").get("/supervision/?year=2023").content.decode()
    assert 'data-testid="state-fengsheng">按时报送' in page
    assert 'data-testid="state-mudong">逾期未报送' in page
    assert 'data-testid="locked-fengsheng"' in page
    assert "<td>396</td>" in page and "<td>120</td>" in page
    assert f"/reports/{fengsheng_submitted.pk}/preview/" in page


@pytest.mark.parametrize("persona", ["fengsheng_leader", "fengsheng_clerk", "mudong_grid"])
def test_town_users_get_404(persona, client_as, world):
    assert client_as(persona).get("/supervision/").status_code == 404


def test_query_count_is_flat_in_the_number_of_reports(world, users, client_as, figures):
    client = client_as("banan_supervisor")
    with CaptureQueriesContext(connection) as before:
        client.get("/supervision/?year=2023")
    r = report_create(actor=users["fengsheng_clerk"], town=world.fengsheng, year=2023)
    r = report_approve(actor=users["fengsheng_leader"], report=r, on=D(2024, 2, 20))
    report_submit(actor=users["fengsheng_leader"], report=r, on=D(2024, 2, 26))
    with CaptureQueriesContext(connection) as after:
        client.get("/supervision/?year=2023")
    assert len(after) == len(before)


def test_the_submissions_api(fengsheng_submitted, api_as):
    data = api_as("banan_supervisor").get("/api/v1/supervision/submissions/?year=2023").json()
    rows = {r["town"]: r for r in data["results"]}
    assert rows["fengsheng"]["state"] == "on_time" and rows["fengsheng"]["locked"] is True
    assert rows["mudong"]["report_id"] is None and rows["mudong"]["state"] == "overdue"
    assert api_as("fengsheng_leader").get("/api/v1/supervision/submissions/").status_code == 404
