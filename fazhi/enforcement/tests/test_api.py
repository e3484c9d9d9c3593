"""/api/v1/officers/ and /api/v1/enforcement-cases/: fields, creation of both procedures,
action endpoints with hyphens, refusals as 400/409 changing nothing, tenancy as 404."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from fazhi.enforcement.models import Case

from .conftest import CREDIT_CODE, ID_NUMBER, D


@pytest.fixture
def body(officers, unit, matter):
    return {"procedure": "general", "unit": unit.pk, "matter": matter.pk, "party_type": "natural_person",
            "party_name": "张三丰", "id_number": ID_NUMBER, "violation": "擅自占用道路经营",
            "occurred_date": "2023-03-01", "filed_date": "2023-03-06", "officers": [o.pk for o in officers[:2]]}


def test_officers_list_and_create(api_as, officers, unit):
    api = api_as("fengsheng_leader")
    rows = api.get("/api/v1/officers/").json()["results"]
    assert {r["certificate_number"] for r in rows} == {o.certificate_number for o in officers}
    assert set(rows[0]) >= {"name", "certificate_number", "valid_from", "valid_until", "unit"}
    r = api.post("/api/v1/officers/", {"name": "新人", "certificate_number": "渝执NEW", "valid_from": "2024-01-01",
                                       "valid_until": "2028-12-31", "unit": unit.pk}, format="json")
    assert r.status_code == 201, r.json()
    r = api_as("fengsheng_officer").post("/api/v1/officers/", {
        "name": "x", "certificate_number": "渝执X", "valid_from": "2024-01-01", "valid_until": "2028-12-31",
        "unit": unit.pk}, format="json")
    assert r.status_code == 409


def test_officers_of_another_town_are_invisible(api_as, officers, mudong_officers):
    rows = api_as("mudong_officer").get("/api/v1/officers/").json()["results"]
    assert {r["id"] for r in rows} == {o.pk for o in mudong_officers}
    assert api_as("mudong_officer").get(f"/api/v1/officers/{officers[0].pk}/").status_code == 404


def test_create_general_case_and_walk_it(api_as, body):
    api = api_as("fengsheng_officer")
    r = api.post("/api/v1/enforcement-cases/", body, format="json")
    assert r.status_code == 201, r.json()
    case = r.json()
    assert case["status"] == "filed" and case["decision_due"] == "2023-06-05" and case["publicity_due"] is None
    assert case["party_name"] == "张*丰" and case["id_number"] == "110105********002X"
    url = f"/api/v1/enforcement-cases/{case['id']}"
    r = api.post(f"{url}/investigate/", {"date": "2023-03-10", "findings": "占道", "certificates_shown": True},
                 format="json")
    assert r.status_code == 200, r.json()
    r = api.post(f"{url}/notify/", {"date": "2023-03-20", "penalty_type": "fine", "fine_amount": "1000"},
                 format="json")
    assert r.json()["status"] == "notified"
    r = api.post(f"{url}/request-hearing/", {"date": "2023-03-21"}, format="json")
    assert r.status_code == 409 and "第六十三条" in r.json()["detail"]
    r = api.post(f"{url}/decide/", {"date": "2023-04-03", "party_present": True}, format="json")
    assert r.json()["status"] == "served" and r.json()["payment_due"] == "2023-04-18"
    # 7 WD from 2023-04-03: 04-04, (04-05 清明), 04-06, 04-07, 04-10, 04-11, 04-12, 04-13.
    assert r.json()["publicity_due"] == "2023-04-13"
    r = api.post(f"{url}/publish/", {"date": "2023-04-04"}, format="json")
    assert r.json()["published_date"] == "2023-04-04"
    r = api.post(f"{url}/record-payment/", {"date": "2023-04-10", "amount": "1000"}, format="json")
    assert r.json()["status"] == "executed"
    r = api.post(f"{url}/close/", {"date": "2023-04-11"}, format="json")
    assert r.json()["status"] == "closed"
    r = api.post(f"{url}/revoke-decision/", {"date": "2023-05-04", "kind": "changed", "reason": "复议变更"},
                 format="json")
    # 3 WD from 2023-05-04: 05-05, 05-06 (Saturday make-up day for 劳动节), 05-08.
    assert r.json()["withdrawal_due"] == "2023-05-08"


def test_refusals_answer_409_or_400_and_change_nothing(api_as, body, officers):
    api = api_as("fengsheng_officer")
    one = {**body, "officers": [officers[0].pk]}
    r = api.post("/api/v1/enforcement-cases/", one, format="json")
    assert r.status_code == 409 and "不得少于两人" in r.json()["detail"]
    expired = {**body, "filed_date": "2023-07-03", "officers": [officers[0].pk, officers[2].pk]}
    assert api.post("/api/v1/enforcement-cases/", expired, format="json").status_code == 409
    late = {**body, "occurred_date": "2020-01-01"}
    r = api.post("/api/v1/enforcement-cases/", late, format="json")
    assert r.status_code == 409 and "第三十六条" in r.json()["detail"]
    assert api.post("/api/v1/enforcement-cases/", {**body, "filed_date": "2023-13-01"},
                    format="json").status_code == 400
    assert not Case.objects.exists()
    case = api.post("/api/v1/enforcement-cases/", body, format="json").json()
    r = api.post(f"/api/v1/enforcement-cases/{case['id']}/decide/", {"date": "2023-03-10"}, format="json")
    assert r.status_code == 409 and r.json()["code"] == "bad_state"
    r = api.post(f"/api/v1/enforcement-cases/{case['id']}/investigate/", {"date": "2023-03-10"}, format="json")
    assert r.status_code == 400  # findings missing
    assert Case.objects.get().status == "filed"


def test_simple_procedure_in_one_call_and_thresholds(api_as, officers, unit):
    api = api_as("fengsheng_officer")
    body = {"procedure": "simple", "unit": unit.pk, "party_type": "natural_person", "party_name": "李四",
            "violation": "乱扔垃圾", "occurred_date": "2023-05-10", "decided_date": "2023-05-10",
            "officers": [o.pk for o in officers[:2]], "penalty_type": "fine", "fine_amount": "200"}
    r = api.post("/api/v1/enforcement-cases/", body, format="json")
    assert r.status_code == 201, r.json()
    assert r.json()["status"] == "served" and r.json()["publicity_due"] == "2023-05-19"
    r = api.post("/api/v1/enforcement-cases/", {**body, "fine_amount": "201"}, format="json")
    assert r.status_code == 409 and "第五十一条" in r.json()["detail"]
    org = {**body, "party_type": "legal_person", "party_name": "某公司", "credit_code": CREDIT_CODE,
           "fine_amount": "3000"}
    assert api.post("/api/v1/enforcement-cases/", org, format="json").status_code == 201
    assert api.post("/api/v1/enforcement-cases/", {**org, "fine_amount": "3500"}, format="json").status_code == 409
    assert Case.objects.count() == 2


def test_another_town_gets_404_and_cannot_use_our_officers(api_as, body, mudong_officers):
    case = api_as("fengsheng_officer").post("/api/v1/enforcement-cases/", body, format="json").json()
    other = api_as("mudong_officer")
    assert other.get(f"/api/v1/enforcement-cases/{case['id']}/").status_code == 404
    r = other.post(f"/api/v1/enforcement-cases/{case['id']}/investigate/",
                   {"date": "2023-03-10", "findings": "x", "certificates_shown": True}, format="json")
    assert r.status_code == 404
    r = other.post("/api/v1/enforcement-cases/", {**body, "unit": None}, format="json")
    assert r.status_code == 400
    # The district supervisor reads, but cannot act.
    sup = api_as("banan_supervisor")
    assert sup.get(f"/api/v1/enforcement-cases/{case['id']}/").status_code == 200
    r = sup.post(f"/api/v1/enforcement-cases/{case['id']}/investigate/",
                 {"date": "2023-03-10", "findings": "x", "certificates_shown": True}, format="json")
    assert r.status_code == 409


def test_wrong_role_for_legal_review_is_refused(api_as, body):
    case = api_as("fengsheng_officer").post("/api/v1/enforcement-cases/", body, format="json").json()
    r = api_as("fengsheng_clerk").post(f"/api/v1/enforcement-cases/{case['id']}/investigate/",
                                       {"date": "2023-03-10", "findings": "x", "certificates_shown": True},
                                       format="json")
    assert r.status_code == 409 and r.json()["code"] == "forbidden_role"


def test_list_query_counts_are_the_same_for_3_and_30(api_as, make_case, officers):
    api = api_as("fengsheng_officer")
    counts = {"cases": [], "officers": []}
    for total in (3, 30):
        for i in range(total - (3 if counts["cases"] else 0)):
            make_case(violation=f"违法{total}-{i}")
        for url, key in (("/api/v1/enforcement-cases/", "cases"), ("/api/v1/officers/", "officers")):
            with CaptureQueriesContext(connection) as ctx:
                assert api.get(url).status_code == 200
            counts[key].append(len(ctx.captured_queries))
    assert Case.objects.count() == 30
    assert counts["cases"][0] == counts["cases"][1] and counts["officers"][0] == counts["officers"][1], counts


def test_money_roundtrip(api_as, body):
    api = api_as("fengsheng_officer")
    case = api.post("/api/v1/enforcement-cases/", body, format="json").json()
    url = f"/api/v1/enforcement-cases/{case['id']}"
    api.post(f"{url}/investigate/", {"date": "2023-03-10", "findings": "x", "certificates_shown": True},
             format="json")
    r = api.post(f"{url}/notify/", {"date": "2023-03-20", "penalty_type": "fine", "fine_amount": "1234.5"},
                 format="json")
    assert Decimal(r.json()["fine_amount"]) == Decimal("1234.50")
    assert D(r.json()["filed_date"]) == D("2023-03-06")
