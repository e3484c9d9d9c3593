import pytest

from fazhi.reports.services import report_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(world, users, seed_figures):
    return report_create(actor=users["fengsheng_clerk"], town=world.fengsheng, year=2023)


def test_list_and_document_for_the_town(draft, api_as):
    api = api_as("fengsheng_clerk")
    rows = api.get("/api/v1/annual-reports/").json()["results"]
    assert [(r["town"], r["year"], r["status"]) for r in rows] == [("fengsheng", 2023, "draft")]
    data = api.get(f"/api/v1/annual-reports/{draft.pk}/document/").json()
    assert data["figures"]["disputes.mediated"] == 396 and data["sections"][0]["number"] == "一"


def test_another_town_gets_404(draft, api_as):
    api = api_as("mudong_leader")
    assert api.get(f"/api/v1/annual-reports/{draft.pk}/").status_code == 404
    assert api.post(f"/api/v1/annual-reports/{draft.pk}/approve/", {}).status_code == 404


def test_actions_through_the_api(draft, api_as):
    clerk, leader = api_as("fengsheng_clerk"), api_as("fengsheng_leader")
    response = clerk.post(f"/api/v1/annual-reports/{draft.pk}/approve/", {}, format="json")
    assert response.status_code == 409 and response.json()["code"] == "forbidden_role"
    response = leader.post(f"/api/v1/annual-reports/{draft.pk}/approve/", {"on": "2024-02-20"}, format="json")
    assert response.status_code == 200 and response.json()["status"] == "approved"
    response = leader.post(f"/api/v1/annual-reports/{draft.pk}/submit/", {"on": "2024-03-02"}, format="json")
    assert response.json()["submitted_on_time"] is False
    response = leader.post(f"/api/v1/annual-reports/{draft.pk}/publish/", {"on": "2024-03-20"}, format="json")
    assert response.json()["status"] == "published"


def test_create_through_the_api(api_as, seed_figures):
    response = api_as("fengsheng_clerk").post("/api/v1/annual-reports/", {"year": 2023}, format="json")
    assert response.status_code == 201
    response = api_as("fengsheng_clerk").post("/api/v1/annual-reports/", {"year": 2023}, format="json")
    assert response.status_code == 409


def test_check_endpoint(api_as, seed_figures):
    from .conftest import SEED_PATH

    text = open(SEED_PATH, encoding="utf-8").read()
    findings = api_as("fengsheng_clerk").post("/api/v1/annual-reports/check/", {"text": text},
                                              format="json").json()["findings"]
    assert sorted(f["code"] for f in findings) == ["missing-signature"] * 2 + ["numbering"] * 2
