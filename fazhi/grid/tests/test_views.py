import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from fazhi.core.models import Grid
from fazhi.grid import services
from fazhi.grid.models import GridEvent


@pytest.fixture
def events(users, world):
    mine = services.event_report(actor=users["fengsheng_grid"], kind="dispute", title="甲", description="d")
    other = Grid.objects.filter(town=world.fengsheng).exclude(pk=users["fengsheng_grid"].grid_id).first()
    theirs = services.event_report(actor=users["fengsheng_clerk"], kind="dispute", title="乙", description="d",
                                   grid=other)
    mudong = services.event_report(actor=users["mudong_grid"], kind="hazard", title="丙", description="d")
    return mine, theirs, mudong


def test_grid_worker_sees_only_their_grid(events, api_as, client_as):
    mine, theirs, mudong = events
    ids = {e["id"] for e in api_as("fengsheng_grid").get("/api/v1/grid-events/").json()["results"]}
    assert ids == {mine.pk}
    assert api_as("mudong_clerk").get(f"/api/v1/grid-events/{mine.pk}/").status_code == 404
    page = client_as("fengsheng_grid").get("/grid/").content.decode()
    assert "甲" in page and "乙" not in page


def test_report_page_on_phone_form(client_as, users):
    c = client_as("fengsheng_grid")
    assert c.get("/grid/report/").status_code == 200
    r = c.post("/grid/report/", {"kind": "hazard", "title": "护栏缺失", "description": "河边", "date": ""})
    assert r.status_code == 302
    assert GridEvent.objects.get().grid_id == users["fengsheng_grid"].grid_id


def test_route_from_page(client_as, events):
    mine = events[0]
    c = client_as("fengsheng_clerk")
    c.post(f"/grid/events/{mine.pk}/route/", {"route": "disputes", "category": "land", "applicant": "王五",
                                              "respondent": "赵六"})
    mine.refresh_from_db()
    assert mine.status == GridEvent.Status.ROUTED and mine.dispute.category == "land"
    assert client_as("mudong_clerk").post(f"/grid/events/{mine.pk}/route/", {"route": "disputes"}).status_code == 404


def test_assign_from_page_and_coverage_shown(client_as, users):
    c = client_as("fengsheng_clerk")
    grid = users["fengsheng_grid"].grid
    c.post("/grid/assignments/new/", {"grid": grid.pk, "worker": users["fengsheng_grid"].pk,
                                      "date": datetime.date(2026, 1, 1).isoformat()})
    page = c.get("/grid/").content.decode()
    assert "覆盖率" in page and "12.5%" in page


def test_index_query_count_is_flat(users, client_as):
    c = client_as("fengsheng_clerk")
    counts = []
    for n in (3, 27):
        for i in range(n):
            services.event_report(actor=users["fengsheng_grid"], kind="dispute", title=f"e{i}", description="d")
        with CaptureQueriesContext(connection) as ctx:
            assert c.get("/grid/").status_code == 200
        counts.append(len(ctx))
    assert counts[0] == counts[1]
