"""The REST API: authentication, scoping, clocks, schema."""

import datetime

import pytest
from django.core.management import call_command
from rest_framework.test import APIClient

from fazhi.core import clocks
from fazhi.core.clocks import ClockRule
from fazhi.core.models import Clock

RULE = ClockRule(code="TEST-20", label="测试答复期限", length=20, unit="wd", article="测试条例第一条")
SHORT = ClockRule(code="TEST-3", label="测试短期限", length=3, unit="wd", article="测试条例第二条")


@pytest.mark.parametrize("path", ["/api/v1/towns/", "/api/v1/villages/", "/api/v1/grids/", "/api/v1/units/",
                                  "/api/v1/clocks/"])
def test_anonymous_callers_are_refused(db, path):
    assert APIClient().get(path).status_code in (401, 403)


def test_token_auth_works_with_drf_create_token(users, capsys):
    call_command("drf_create_token", "fengsheng_clerk")
    token = capsys.readouterr().out.split()[2]
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    response = client.get("/api/v1/towns/")
    assert response.status_code == 200
    assert [t["slug"] for t in response.json()["results"]] == ["fengsheng"]


def test_org_endpoints_are_scoped(api_as, world):
    clerk = api_as("mudong_clerk")
    villages = clerk.get("/api/v1/villages/").json()["results"]
    assert villages and {v["town"] for v in villages} == {"mudong"}
    fengsheng_village = world.fengsheng.villages.first()
    assert clerk.get(f"/api/v1/villages/{fengsheng_village.pk}/").status_code == 404


def test_supervisor_lists_every_town_and_filters_by_town(api_as):
    sup = api_as("banan_supervisor")
    assert {t["slug"] for t in sup.get("/api/v1/towns/").json()["results"]} == {"fengsheng", "mudong"}
    grids = sup.get("/api/v1/grids/", {"town": "mudong"}).json()["results"]
    assert grids and {g["town"] for g in grids} == {"mudong"}


def test_clocks_list_due_and_overdue_within_scope(api_as, world, monkeypatch):
    today = datetime.date(2025, 9, 26)
    monkeypatch.setattr(clocks, "today", lambda: today)
    monkeypatch.setattr("fazhi.core.api.local_today", lambda: today)
    v_feng = world.fengsheng.villages.first()
    v_mu = world.mudong.villages.first()
    overdue = clocks.start(subject=v_feng, rule=SHORT, start=datetime.date(2025, 9, 1))
    # The 20th working day is Sunday 2025-09-28, a make-up working day (调休上班) before National Day.
    soon = clocks.start(subject=v_feng, rule=RULE, start=datetime.date(2025, 9, 1))
    clocks.start(subject=v_mu, rule=SHORT, start=datetime.date(2025, 9, 1))
    data = api_as("fengsheng_clerk").get("/api/v1/clocks/", {"within": 5}).json()["results"]
    assert [c["id"] for c in data] == [overdue.pk, soon.pk]
    assert data[0]["overdue"] is True and data[1]["overdue"] is False
    assert data[1]["due_date"] == "2025-09-28"
    only_overdue = api_as("fengsheng_clerk").get("/api/v1/clocks/", {"overdue": "true"}).json()["results"]
    assert [c["id"] for c in only_overdue] == [overdue.pk]
    assert len(api_as("banan_supervisor").get("/api/v1/clocks/").json()["results"]) == 3


def test_a_paused_clock_is_never_listed_as_overdue(api_as, world, monkeypatch):
    monkeypatch.setattr("fazhi.core.api.local_today", lambda: datetime.date(2025, 12, 1))
    village = world.fengsheng.villages.first()
    clock = clocks.start(subject=village, rule=SHORT, start=datetime.date(2025, 9, 1))
    clocks.pause(clock, on=datetime.date(2025, 9, 2))
    assert Clock.objects.get(pk=clock.pk).state == Clock.State.PAUSED
    assert api_as("fengsheng_clerk").get("/api/v1/clocks/", {"overdue": "true"}).json()["results"] == []


def test_schema_is_served_and_lists_the_endpoints(client):
    response = client.get("/api/schema/")
    assert response.status_code == 200
    body = response.content.decode()
    for path in ["/api/v1/towns/", "/api/v1/villages/", "/api/v1/grids/", "/api/v1/units/", "/api/v1/clocks/"]:
        assert path in body


def test_docs_page_loads_swagger_from_local_assets_only(client):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "cdn" not in html.lower() and "https://" not in html.replace("https://swagger.io", "")
