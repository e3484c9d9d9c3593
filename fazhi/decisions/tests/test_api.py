import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from fazhi.decisions import services
from fazhi.decisions.figures import figures
from fazhi.decisions.models import Decision

D = datetime.date
pytestmark = pytest.mark.django_db
URL = "/api/v1/major-decisions/"


def post(client, d, action, **body):
    return client.post(f"{URL}{d.pk}/{action}/", body, format="json")


def test_whole_procedure_through_the_api(api_as):
    clerk, reviewer, leader = api_as("fengsheng_clerk"), api_as("fengsheng_reviewer"), api_as("fengsheng_leader")
    r = clerk.post(URL, {"title": "丰盛镇农贸市场改造", "category": "project", "started_on": "2026-05-04"}, format="json")
    assert r.status_code == 201, r.content
    d = Decision.objects.get(pk=r.data["id"])
    r = post(clerk, d, "open-consultation", start="2026-05-06", end="2026-06-05", date="2026-05-06")
    assert r.status_code == 200 and r.data["status"] == "consulting"
    assert post(clerk, d, "expert-opinion", opinion="可行", date="2026-05-20").status_code == 200
    assert post(clerk, d, "risk-assessment", not_required="不涉及群众切身利益", date="2026-05-20").status_code == 200
    assert post(clerk, d, "counsel-opinion", opinion="合法", date="2026-06-08").status_code == 200
    r = post(reviewer, d, "legality-review", result="pass", opinion="合法", date="2026-06-10")
    assert r.status_code == 200 and r.data["status"] == "reviewed"
    r = post(leader, d, "collective-discussion", result="pass", meeting="常务会", date="2026-06-15")
    assert r.data["status"] == "discussed"
    assert post(leader, d, "decide", date="2026-06-16").data["status"] == "decided"
    assert post(clerk, d, "publish", date="2026-06-18").data["status"] == "published"


def test_refusals_are_409_or_400_and_change_nothing(api_as, make_decision):
    clerk, leader = api_as("fengsheng_clerk"), api_as("fengsheng_leader")
    d = make_decision("reviewed")
    r = post(leader, d, "decide", date="2026-05-01")
    assert r.status_code == 409 and "作出决定" in r.data["detail"]
    d2 = make_decision(title="乙")
    r = post(clerk, d2, "open-consultation", start="2026-03-03", end="2026-03-20")
    assert r.status_code == 400 and "30日" in r.data["detail"]
    r = post(clerk, d2, "open-consultation", start="2026-03-03")
    assert r.status_code == 400
    r = post(api_as("fengsheng_reviewer"), d2, "legality-review", result="pass", date="2026-05-01")
    assert r.status_code == 409 and r.data["code"] == "no_consultation"
    assert Decision.objects.get(pk=d.pk).status == "reviewed"
    assert Decision.objects.get(pk=d2.pk).status == "drafting"


def test_another_towns_decision_is_404(api_as, make_decision, world):
    d = make_decision(town=world.mudong)
    assert api_as("fengsheng_leader").get(f"{URL}{d.pk}/").status_code == 404
    assert post(api_as("fengsheng_leader"), d, "decide").status_code == 404


def test_list_query_count_does_not_grow(api_as, make_decision):
    client = api_as("fengsheng_clerk")

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(URL).status_code == 200
        return len(ctx.captured_queries)

    for i in range(3):
        make_decision(title=f"决策{i}")
    count()
    few = count()
    for i in range(3, 30):
        make_decision(title=f"决策{i}")
    assert count() == few


def test_figures_count_decisions_with_counsel_and_review(make_decision, world, users):
    make_decision("decided", start=D(2025, 3, 3))
    d = make_decision("discussed", title="乙", start=D(2025, 6, 2))
    services.decision_decide(actor=users["fengsheng_leader"], decision=d, date=D(2025, 8, 1))
    make_decision("reviewed", title="丙", start=D(2025, 7, 1))
    services.incident_create(actor=users["fengsheng_clerk"], town=world.fengsheng, title="群众上访",
                             occurred_on=D(2025, 9, 1), cause="procedure", decision=d, major=False)
    f = figures(world.fengsheng, 2025)
    assert f["decisions.major"] == 2
    assert f["decisions.with_counsel_opinion"] == 2 and f["decisions.with_legality_review"] == 2
    assert f["decisions.reviewed_rate"] == 100
    assert f["decisions.with_collective_discussion"] == 2
    assert f["decisions.incidents"] == 1 and f["decisions.major_incidents"] == 0
    assert figures(world.fengsheng, 2024)["decisions.reviewed_rate"] == 0


def test_portal_shows_published_catalogue_and_decisions(make_decision, world, users, client):
    clerk = users["fengsheng_clerk"]
    cat = services.catalogue_create(actor=clerk, town=world.fengsheng, year=2026)
    make_decision("published", title="公开的决策")
    make_decision(title="草拟中的决策")
    html = client.get("/portal/fengsheng/decisions/").content.decode()
    assert "尚未公布决策事项目录" in html and "公开的决策" in html
    services.catalogue_approve(actor=clerk, catalogue=cat, date=D(2026, 3, 1))
    services.catalogue_publish(actor=clerk, catalogue=cat, date=D(2026, 3, 5))
    html = client.get("/portal/fengsheng/decisions/").content.decode()
    assert "2026年度" in html and "草拟中的决策" in html


def test_staff_pages_render(make_decision, client_as):
    d = make_decision("discussed")
    client = client_as("fengsheng_leader")
    assert client.get("/decisions/").status_code == 200
    assert 'data-action="decide"' in client.get(f"/decisions/{d.pk}/").content.decode()
    assert client.post(f"/decisions/{d.pk}/decide/", {"decide-date": "2026-04-25"}).status_code == 302
    d.refresh_from_db()
    assert d.status == "decided"


def test_list_page_query_count_does_not_grow(make_decision, client_as):
    client = client_as("fengsheng_clerk")

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/decisions/").status_code == 200
        return len(ctx.captured_queries)

    for i in range(3):
        make_decision(title=f"决策{i}")
    count()
    few = count()
    for i in range(3, 30):
        make_decision(title=f"决策{i}")
    assert count() == few
