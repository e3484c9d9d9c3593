import datetime

import pytest

from fazhi.leadership import services

D = datetime.date
pytestmark = pytest.mark.django_db


def test_duties_list_and_evidence(api_as, clerk, town):
    services.meeting_create(actor=clerk, town=town, date=D(2023, 3, 2), body="party_committee", topic="法治",
                            decision="部署")
    api = api_as("fengsheng_clerk")
    rows = api.get("/api/v1/leadership-duties/?year=2023").json()
    assert [r["duty"] for r in rows if r["evidenced"]] == ["deploy"]
    r = api.post("/api/v1/leadership-duties/oversee/evidence/", {"date": "2023-06-01", "description": "督办"},
                 format="json")
    assert r.status_code == 201 and r.json()["evidenced"] is True
    assert api.get("/api/v1/leadership-duties/oversee/?year=2023").json()["evidence"][0]["text"] == "督办"
    assert api.get("/api/v1/leadership-duties/nope/?year=2023").status_code == 404


def test_other_town_and_district(api_as, clerk, town):
    services.meeting_create(actor=clerk, town=town, date=D(2023, 3, 2), body="party_committee", topic="法治",
                            decision="部署")
    other = api_as("mudong_clerk").get("/api/v1/leadership-duties/?year=2023&town=fengsheng")
    assert other.status_code == 404
    sup = api_as("banan_supervisor")
    assert sup.get("/api/v1/leadership-duties/?year=2023").status_code == 404
    rows = sup.get("/api/v1/leadership-duties/?year=2023&town=fengsheng").json()
    assert rows[0]["evidenced"] is True
    r = sup.post("/api/v1/leadership-duties/oversee/evidence/", {"date": "2023-06-01", "description": "x"},
                 format="json")
    assert r.status_code == 409


def test_page(client_as, clerk, town):
    c = client_as("fengsheng_clerk")
    r = c.post("/leadership/meetings/new/", {"date": "2023-03-02", "body": "party_committee", "topic": "研究法治建设",
                                             "decision": "部署", "duties": ["oversee"]})
    assert r.status_code == 302
    r = c.get("/leadership/?year=2023")
    assert r.status_code == 200 and "研究法治建设" in r.content.decode()
    assert "28.6%" in r.content.decode()
