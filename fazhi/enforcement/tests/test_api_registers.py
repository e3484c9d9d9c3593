"""/api/v1/enforcement-matters/, /api/v1/discretion-benchmarks/ and /api/v1/inspections/: writes
through the services, refusals as 400/409 changing nothing, another town's rows as 404."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from fazhi.core.models import AuditEvent, Unit
from fazhi.enforcement import services
from fazhi.enforcement.models import Benchmark, Case, Inspection, Matter, PenaltyType

from .conftest import D

MATTERS = "/api/v1/enforcement-matters/"
BENCHMARKS = "/api/v1/discretion-benchmarks/"
INSPECTIONS = "/api/v1/inspections/"


@pytest.fixture
def mudong_matter(users, world):
    unit = Unit.objects.get(town=world.mudong, slug="zhifaban")
    return services.matter_create(actor=users["mudong_leader"], unit=unit, name="木洞事项", legal_basis="依据")


# --- matters -----------------------------------------------------------------------------------


def test_matters_list_create_update(api_as, unit, matter, mudong_matter):
    api = api_as("fengsheng_clerk")
    rows = api.get(MATTERS).json()["results"]
    assert [r["id"] for r in rows] == [matter.pk]
    assert rows[0]["unit_name"] == unit.name and rows[0]["category_label"] == "行政处罚"
    r = api.post(MATTERS, {"name": "违规设置广告", "category": "penalty", "legal_basis": "《广告法》", "unit": unit.pk,
                           "requires_legal_review": True}, format="json")
    assert r.status_code == 201, r.json()
    new = Matter.objects.get(pk=r.json()["id"])
    assert new.requires_legal_review and new.town_id == unit.town_id
    assert AuditEvent.objects.filter(action="matter.create", object_id=str(new.pk)).exists()
    r = api.patch(f"{MATTERS}{new.pk}/", {"power_list_ref": "XZCF-8"}, format="json")
    assert r.status_code == 200 and r.json()["power_list_ref"] == "XZCF-8" and r.json()["name"] == "违规设置广告"
    r = api.put(f"{MATTERS}{new.pk}/", {"name": "违规设置户外广告", "category": "penalty", "legal_basis": "《广告法》",
                                        "unit": unit.pk, "power_list_ref": "", "requires_legal_review": False},
                format="json")
    assert r.status_code == 200, r.json()
    new.refresh_from_db()
    assert (new.name, new.requires_legal_review) == ("违规设置户外广告", False)
    assert AuditEvent.objects.filter(action="matter.update", object_id=str(new.pk)).count() == 2
    assert api.delete(f"{MATTERS}{new.pk}/").status_code == 405


def test_matters_across_towns_and_roles(api_as, unit, matter, mudong_matter):
    mudong = api_as("mudong_leader")
    assert mudong.get(f"{MATTERS}{matter.pk}/").status_code == 404
    assert mudong.patch(f"{MATTERS}{matter.pk}/", {"name": "x"}, format="json").status_code == 404
    # Another town's unit is unknown.
    r = mudong.post(MATTERS, {"name": "x", "category": "penalty", "legal_basis": "y", "unit": unit.pk}, format="json")
    assert r.status_code == 400 and r.json()["detail"] == "实施单位不存在。"
    officer = api_as("fengsheng_officer")
    assert officer.get(f"{MATTERS}{matter.pk}/").status_code == 200
    r = officer.patch(f"{MATTERS}{matter.pk}/", {"name": "x"}, format="json")
    assert r.status_code == 409 and r.json()["code"] == "forbidden_role"
    r = officer.post(MATTERS, {"name": "x", "category": "penalty", "legal_basis": "y", "unit": unit.pk}, format="json")
    assert r.status_code == 409
    r = api_as("fengsheng_leader").patch(f"{MATTERS}{matter.pk}/", {"legal_basis": "  "}, format="json")
    assert r.status_code == 400
    matter.refresh_from_db()
    assert matter.name == "占道经营" and matter.legal_basis.startswith("《城市市容")
    assert Matter.objects.count() == 2


# --- benchmarks --------------------------------------------------------------------------------


def test_benchmarks_list_create_update(api_as, matter, benchmark):
    api = api_as("fengsheng_leader")
    rows = api.get(BENCHMARKS, {"matter": matter.pk}).json()["results"]
    assert rows[0]["range_label"] == "罚款500.00元至2000.00元" and rows[0]["matter_name"] == "占道经营"
    r = api.post(BENCHMARKS, {"matter": matter.pk, "violation": "擅自占道经营", "circumstance": "serious",
                              "penalty_type": "fine", "fine_min": "2000", "fine_max": "5000"}, format="json")
    assert r.status_code == 201, r.json()
    pk = r.json()["id"]
    r = api.patch(f"{BENCHMARKS}{pk}/", {"fine_max": "6000"}, format="json")
    assert r.status_code == 200 and r.json()["fine_max"] == "6000.00" and r.json()["fine_min"] == "2000.00"
    assert AuditEvent.objects.filter(action="benchmark.update", object_id=str(pk)).count() == 1
    r = api.patch(f"{BENCHMARKS}{pk}/", {"fine_min": "9000"}, format="json")
    assert r.status_code == 400 and "上限不能低于下限" in r.json()["detail"]
    r = api.patch(f"{BENCHMARKS}{pk}/", {"matter": matter.pk + 1000}, format="json")
    assert r.status_code == 400
    assert Benchmark.objects.get(pk=pk).fine_min == 2000


def test_benchmarks_across_towns_and_roles(api_as, matter, benchmark, mudong_matter):
    mudong = api_as("mudong_clerk")
    assert mudong.get(BENCHMARKS).json()["results"] == []
    assert mudong.get(f"{BENCHMARKS}{benchmark.pk}/").status_code == 404
    assert mudong.patch(f"{BENCHMARKS}{benchmark.pk}/", {"fine_max": "1"}, format="json").status_code == 404
    r = mudong.post(BENCHMARKS, {"matter": matter.pk, "violation": "x", "circumstance": "minor",
                                 "penalty_type": "warning"}, format="json")
    assert r.status_code == 400 and r.json()["detail"] == "执法事项不存在。"
    r = api_as("fengsheng_officer").post(BENCHMARKS, {"matter": matter.pk, "violation": "x", "circumstance": "minor",
                                                      "penalty_type": "warning"}, format="json")
    assert r.status_code == 409 and r.json()["code"] == "forbidden_role"
    assert Benchmark.objects.count() == 1


@pytest.mark.parametrize("url", [MATTERS, BENCHMARKS, INSPECTIONS])
def test_list_query_count_does_not_grow(api_as, users, unit, officers, url):
    leader, officer = users["fengsheng_leader"], users["fengsheng_officer"]
    api = api_as("fengsheng_leader")

    def add(start, n):
        for i in range(start, start + n):
            m = services.matter_create(actor=leader, unit=unit, name=f"事项{i}", legal_basis="依据")
            services.benchmark_create(actor=leader, matter=m, violation="行为", circumstance="minor",
                                      penalty_type=PenaltyType.WARNING)
            services.inspection_plan(actor=officer, unit=unit, kind="planned", subject_name=f"商铺{i}",
                                     planned_date=D("2024-05-01"), matter=m, officers=officers[:2])

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert api.get(url, {"page_size": 100}).status_code == 200
        return len(ctx)

    add(0, 3)
    few = count()
    add(3, 27)
    assert count() == few


# --- inspections -------------------------------------------------------------------------------


@pytest.fixture
def planned(api_as, unit, matter, officers):
    r = api_as("fengsheng_officer").post(INSPECTIONS, {
        "unit": unit.pk, "matter": matter.pk, "kind": "planned", "subject_name": "张三丰", "subject_is_person": True,
        "place": "丰盛老街", "planned_date": "2023-04-10", "officers": [o.pk for o in officers[:2]]}, format="json")
    assert r.status_code == 201, r.json()
    return r.json()


def test_inspection_create_and_list_mask_a_person(api_as, planned, officers):
    assert planned["subject_name"] == "张*丰" and planned["result"] == "pending"
    assert sorted(planned["officers"]) == sorted(o.pk for o in officers[:2])
    rows = api_as("fengsheng_clerk").get(INSPECTIONS).json()["results"]
    assert [r["id"] for r in rows] == [planned["id"]] and "张三丰" not in str(rows)


def test_inspection_record_action(api_as, planned):
    url = f"{INSPECTIONS}{planned['id']}/record/"
    r = api_as("fengsheng_officer").post(url, {"date": "2023-04-11", "findings": "占道已清理", "result": "rectify"},
                                         format="json")
    assert r.status_code == 200, r.json()
    assert r.json()["result"] == "rectify" and r.json()["inspected_date"] == "2023-04-11"
    r = api_as("fengsheng_officer").post(url, {"date": "2023-04-12", "findings": "再次", "result": "no_issue"},
                                         format="json")
    assert r.status_code == 409 and r.json()["detail"] == "该检查已登记结果。"
    assert Inspection.objects.get(pk=planned["id"]).inspected_date == D("2023-04-11")


def test_inspection_record_refusals(api_as, planned, officers):
    url = f"{INSPECTIONS}{planned['id']}/record/"
    r = api_as("fengsheng_clerk").post(url, {"date": "2023-04-11", "findings": "x"}, format="json")
    assert r.status_code == 409 and r.json()["code"] == "forbidden_role"
    # 第四十二条: the expired certificate (2023-06-30) is refused on 2023-07-03.
    r = api_as("fengsheng_officer").post(url, {"date": "2023-07-03", "findings": "x",
                                               "officers": [officers[0].pk, officers[2].pk]}, format="json")
    assert r.status_code == 409 and "第四十二条" in r.json()["detail"]
    r = api_as("fengsheng_officer").post(url, {"date": "2099-01-01", "findings": "x"}, format="json")
    assert r.status_code == 400
    assert api_as("mudong_officer").post(url, {"date": "2023-04-11", "findings": "x"},
                                         format="json").status_code == 404
    inspection = Inspection.objects.get(pk=planned["id"])
    assert inspection.result == "pending" and inspection.inspected_date is None
    assert set(inspection.officers.values_list("pk", flat=True)) == {o.pk for o in officers[:2]}


def test_inspection_open_case_action(api_as, planned):
    url = f"{INSPECTIONS}{planned['id']}/open-case/"
    body = {"date": "2023-04-10", "findings": "占道经营", "violation": "擅自占用道路经营", "party_type": "natural_person",
            "party_name": "张三丰", "occurred_date": "2023-04-10"}
    assert api_as("mudong_officer").post(url, body, format="json").status_code == 404
    r = api_as("fengsheng_officer").post(url, body, format="json")
    assert r.status_code == 201, r.json()
    case = r.json()
    assert case["status"] == "filed" and case["party_name"] == "张*丰" and case["decision_due"] == "2023-07-10"
    detail = api_as("fengsheng_officer").get(f"{INSPECTIONS}{planned['id']}/").json()
    assert detail["result"] == "case" and detail["cases"] == [case["id"]]
    r = api_as("fengsheng_officer").post(url, body, format="json")
    assert r.status_code == 409 and Case.objects.count() == 1


def test_inspection_open_case_refused_for_a_clerk_changes_nothing(api_as, planned):
    r = api_as("fengsheng_clerk").post(f"{INSPECTIONS}{planned['id']}/open-case/", {
        "date": "2023-04-10", "violation": "x", "party_type": "legal_person", "party_name": "某公司",
        "occurred_date": "2023-04-10"}, format="json")
    assert r.status_code == 409
    assert not Case.objects.exists() and Inspection.objects.get(pk=planned["id"]).result == "pending"


def test_inspection_create_across_towns(api_as, unit, officers, matter, mudong_officers):
    r = api_as("mudong_officer").post(INSPECTIONS, {"unit": unit.pk, "kind": "adhoc", "subject_name": "x",
                                                    "planned_date": "2024-01-05"}, format="json")
    assert r.status_code == 400 and r.json()["detail"] == "检查单位不存在。"
    mudong_unit = mudong_officers[0].unit
    r = api_as("mudong_officer").post(INSPECTIONS, {"unit": mudong_unit.pk, "kind": "adhoc", "subject_name": "x",
                                                    "planned_date": "2024-01-05",
                                                    "officers": [officers[0].pk]}, format="json")
    assert r.status_code == 400 and r.json()["detail"] == "所选执法人员不存在。"
    r = api_as("mudong_officer").post(INSPECTIONS, {"unit": mudong_unit.pk, "kind": "adhoc", "subject_name": "x",
                                                    "planned_date": "2024-01-05", "matter": matter.pk}, format="json")
    assert r.status_code == 400
    assert not Inspection.objects.exists()
