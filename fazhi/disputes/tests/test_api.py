import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from fazhi.disputes.models import Dispute, Status

from .conftest import PARTIES

D = datetime.date


def body(grid, **kw):
    data = {"source": "visit", "category": "neighbour", "received_date": "2026-11-02", "grid": grid.pk,
            "title": "排水纠纷", "description": "排水沟堵塞", "parties": PARTIES, "amount": "3000.00",
            "people_involved": 2, "risk_level": "escalating"}
    data.update(kw)
    return data


def test_create_and_list_masks_personal_data(api_as, grid):
    api = api_as("fengsheng_clerk")
    r = api.post("/api/v1/disputes/", body(grid), format="json")
    assert r.status_code == 201, r.content
    pk = r.json()["id"]
    listed = api.get("/api/v1/disputes/").json()["results"][0]
    assert listed["parties"][0] == {"name": "张*", "id_number": "110101********4514", "phone": "138****5678",
                                    "role": "applicant"}
    assert "110101199003074514" not in api.get("/api/v1/disputes/").content.decode()
    detail = api.get(f"/api/v1/disputes/{pk}/").json()
    assert detail["parties"][0]["id_number"] == "110101199003074514"
    assert detail["actions"] == ["accept", "decline"]
    # A grid worker sees the case of their grid, but never clear personal data.
    worker = api_as("fengsheng_grid").get(f"/api/v1/disputes/{pk}/").json()
    assert worker["parties"][0]["id_number"] == "110101********4514"


def test_create_refuses_bad_id_number_with_chinese_message(api_as, grid):
    bad = [{**PARTIES[0], "id_number": "110101199003074515"}, PARTIES[1]]
    r = api_as("fengsheng_clerk").post("/api/v1/disputes/", body(grid, parties=bad), format="json")
    assert r.status_code == 400 and "校验位" in r.json()["detail"]
    assert not Dispute.objects.exists()


def test_create_refuses_another_towns_grid(api_as, world):
    from fazhi.core.models import Grid

    mudong_grid = Grid.objects.filter(town=world.mudong).first()
    r = api_as("fengsheng_clerk").post("/api/v1/disputes/", body(mudong_grid), format="json")
    assert r.status_code == 400


def test_full_workflow_through_the_api(api_as, grid, village_mediator, users):
    from rest_framework.test import APIClient

    clerk = api_as("fengsheng_clerk")
    pk = clerk.post("/api/v1/disputes/", body(grid), format="json").json()["id"]
    assert clerk.post(f"/api/v1/disputes/{pk}/accept/", {"date": "2026-11-03"}, format="json").status_code == 200
    r = clerk.post(f"/api/v1/disputes/{pk}/assign/", {"date": "2026-11-03", "mediator": village_mediator.pk},
                   format="json")
    assert r.json()["status"] == "assigned" and r.json()["level"] == "village"
    med = APIClient()
    med.force_authenticate(village_mediator)
    r = med.post(f"/api/v1/disputes/{pk}/record-session/", {"date": "2026-11-05", "record": "协商"}, format="json")
    assert r.json()["status"] == "mediating"
    r = med.post(f"/api/v1/disputes/{pk}/settle/", {"date": "2026-11-06", "facts": "f", "terms": "t",
                                                    "performance": "p"}, format="json")
    assert r.status_code == 200 and r.json()["status"] == "settled"
    r = med.post(f"/api/v1/disputes/{pk}/close/", {"date": "2026-11-07"}, format="json")
    assert r.status_code == 409 and "回访" in r.json()["detail"]
    r = med.post(f"/api/v1/disputes/{pk}/return-visit/", {"date": "2026-11-07", "performed": True}, format="json")
    assert r.status_code == 200
    r = med.post(f"/api/v1/disputes/{pk}/close/", {"date": "2026-11-08"}, format="json")
    assert r.status_code == 409 and r.json()["code"] == "window_open"
    r = med.post(f"/api/v1/disputes/{pk}/close/", {"date": "2026-11-08", "confirmation_waived": True}, format="json")
    assert r.json()["status"] == "closed"


def test_action_with_bad_date(api_as, make_dispute):
    d = make_dispute()
    r = api_as("fengsheng_clerk").post(f"/api/v1/disputes/{d.pk}/accept/", {"date": "2099-01-01"}, format="json")
    assert r.status_code == 400
    d.refresh_from_db()
    assert d.status == Status.REGISTERED


def test_openapi_lists_enumerations(api_as):
    r = api_as("fengsheng_clerk").get("/api/schema/", HTTP_ACCEPT="application/json")
    schema = r.json() if r.headers["Content-Type"].startswith("application/json") else None
    text = r.content.decode()
    for value in ("neighbour", "labour", "escalating", "handed_over", "court", "petition", "/api/v1/disputes/{id}/hand-over/"):
        assert value in text, value
    assert schema is None or "paths" in schema


def test_list_query_count_is_flat(make_dispute, api_as):
    api = api_as("fengsheng_clerk")
    counts = []
    for n in (3, 27):
        for _ in range(n):
            make_dispute()
        with CaptureQueriesContext(connection) as ctx:
            assert api.get("/api/v1/disputes/").status_code == 200
        counts.append(len(ctx))
    assert counts[0] == counts[1], counts
