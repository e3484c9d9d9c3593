import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from fazhi.judicial import services

D = datetime.date
pytestmark = pytest.mark.django_db


def test_create_litigation_computes_read_only_answer_due(api_as):
    api = api_as("fengsheng_clerk")
    r = api.post("/api/v1/litigation-cases/", {"court": "巴南区人民法院", "case_number": "(2024)渝0113行初7号",
                                               "plaintiff": "张某", "cause": "行政处罚", "served_date": "2024-09-20",
                                               "answer_due": "2030-01-01"}, format="json")
    assert r.status_code == 201, r.content
    assert r.json()["answer_due"] == "2024-10-08"
    assert r.json()["status"] == "served"


def test_answer_hear_close_through_actions(api_as, make_litigation):
    case = make_litigation()
    api = api_as("fengsheng_clerk")
    r = api.post(f"/api/v1/litigation-cases/{case.pk}/answer/", {"on": "2024-10-08"}, format="json")
    assert r.json()["status"] == "answered"
    r = api.post(f"/api/v1/litigation-cases/{case.pk}/hear/", {"hearing_date": "2024-11-05", "appearance": "deputy",
                                                                 "appearer_name": "副镇长"}, format="json")
    assert r.json()["head_appeared"] is True
    r = api.post(f"/api/v1/litigation-cases/{case.pk}/close/", {"closed_on": "2024-12-05", "outcome": "corrected",
                                                                  "lost": True}, format="json")
    assert r.json()["lost"] is True
    r = api.post(f"/api/v1/litigation-cases/{case.pk}/answer/", {"on": "2024-12-06"}, format="json")
    assert r.status_code == 409 and "不能执行" in r.json()["detail"]


def test_status_cannot_be_patched(api_as, make_litigation):
    case = make_litigation()
    r = api_as("fengsheng_clerk").patch(f"/api/v1/litigation-cases/{case.pk}/", {"status": "closed"}, format="json")
    assert r.status_code == 405


def test_another_towns_case_is_404(api_as, make_litigation):
    case = make_litigation()
    api = api_as("mudong_clerk")
    assert api.get(f"/api/v1/litigation-cases/{case.pk}/").status_code == 404
    assert api.post(f"/api/v1/litigation-cases/{case.pk}/answer/", {}, format="json").status_code == 404
    assert api.get("/api/v1/litigation-cases/").json()["count"] == 0


def test_district_supervisor_reads_but_cannot_create(api_as, make_litigation):
    make_litigation()
    api = api_as("banan_supervisor")
    assert api.get("/api/v1/litigation-cases/").json()["count"] == 1
    r = api.post("/api/v1/litigation-cases/", {"court": "x", "case_number": "y", "plaintiff": "z", "cause": "c",
                                               "served_date": "2024-01-02"}, format="json")
    assert r.status_code == 409


def test_grid_worker_is_refused_the_action(api_as, make_litigation):
    case = make_litigation()
    # A grid worker's scope is their grid; a town case has no grid, so it does not exist for them.
    assert api_as("fengsheng_grid").post(f"/api/v1/litigation-cases/{case.pk}/answer/", {}).status_code == 404


def test_reconsideration_api_with_reply_due(api_as):
    api = api_as("fengsheng_clerk")
    r = api.post("/api/v1/reconsideration-cases/", {"authority": "巴南区人民政府", "case_number": "复1",
                                                    "applicant": "李某", "act_challenged": "信息公开答复",
                                                    "procedure": "summary", "served_date": "2024-09-27",
                                                    "concerns_disclosure": True}, format="json")
    assert r.status_code == 201 and r.json()["reply_due"] == "2024-10-10"
    pk = r.json()["id"]
    r = api.post(f"/api/v1/reconsideration-cases/{pk}/reply/", {"on": "2024-10-09"}, format="json")
    assert r.json()["status"] == "replied"
    r = api.post(f"/api/v1/reconsideration-cases/{pk}/decide/", {"decided_on": "2024-11-01", "outcome": "maintained"},
                 format="json")
    assert r.json()["outcome"] == "maintained"


def test_interference_record_and_refusal_in_chinese(api_as, world):
    from fazhi.core.models import Unit

    unit = Unit.objects.get(town=world.fengsheng, slug="sifasuo")
    api = api_as("fengsheng_clerk")
    r = api.post("/api/v1/interference-zero-reports/", {"unit": unit.pk, "year": 2024, "quarter": 1}, format="json")
    assert r.status_code == 201, r.content
    r = api.post("/api/v1/interference-records/", {"unit": unit.pk, "occurred_on": "2024-02-01", "official_name": "某",
                                                   "case_reference": "案", "conduct": "过问", "handling": "recorded"},
                 format="json")
    assert r.status_code == 409 and "零报告" in r.json()["detail"]


def test_list_query_count_is_the_same_for_3_and_30_rows(api_as, make_litigation, make_reconsideration):
    def count(url):
        with CaptureQueriesContext(connection) as ctx:
            assert api_as("fengsheng_clerk").get(url).status_code == 200
        return len(ctx.captured_queries)

    for i in range(3):
        make_litigation(number=f"案{i}")
        make_reconsideration(number=f"复{i}")
    few = count("/api/v1/litigation-cases/"), count("/api/v1/reconsideration-cases/")
    for i in range(3, 30):
        make_litigation(number=f"案{i}")
        make_reconsideration(number=f"复{i}")
    assert (count("/api/v1/litigation-cases/"), count("/api/v1/reconsideration-cases/")) == few


def test_views_render_for_clerk_and_supervisor(client_as, make_litigation, make_reconsideration, users, client):
    case = make_litigation()
    recon = make_reconsideration()
    c = client_as("fengsheng_clerk")
    r = c.get("/judicial/?year=2024")
    assert r.status_code == 200 and case.case_number in r.content.decode()
    assert c.get(case.get_absolute_url()).status_code == 200
    r = c.post(case.get_absolute_url(), {"action": "answer", "answer-on": "2024-10-08"})
    assert r.status_code == 302
    case.refresh_from_db()
    assert case.status == "answered"
    r = c.post(recon.get_absolute_url(), {"action": "decide", "decide-decided_on": "2024-09-01",
                                          "decide-outcome": "maintained"})
    assert r.status_code == 400 and "不能早于" in r.content.decode()
    c.force_login(users["mudong_clerk"])
    assert c.get(case.get_absolute_url()).status_code == 404
    c.force_login(users["banan_supervisor"])
    assert c.get("/judicial/").status_code == 200


def test_view_create_litigation(client_as):
    c = client_as("fengsheng_clerk")
    r = c.post("/judicial/litigation/new/", {"court": "巴南区人民法院", "case_number": "A1", "plaintiff": "张",
                                             "cause": "强拆", "stage": "first", "served_date": "2024-09-20"})
    assert r.status_code == 302
    r = c.post("/judicial/litigation/new/", {"court": "巴南区人民法院", "case_number": "A1", "plaintiff": "张",
                                             "cause": "强拆", "stage": "first", "served_date": "2024-09-20"})
    assert r.status_code == 400 and "已登记" in r.content.decode()
    _ = services


def test_index_page_query_count_is_the_same_for_3_and_30_rows(client_as, make_litigation, make_reconsideration):
    def add(start, stop):
        for i in range(start, stop):
            make_litigation(number=f"诉{i}")
            make_reconsideration(number=f"复{i}")

    def count():
        c = client_as("fengsheng_clerk")
        with CaptureQueriesContext(connection) as ctx:
            assert c.get("/judicial/?year=2024").status_code == 200
        return len(ctx.captured_queries)

    add(0, 3)
    few = count()
    add(3, 30)
    assert count() == few


def test_a_citizens_name_is_masked_in_lists_but_not_in_the_case(api_as, make_litigation):
    person = make_litigation(number="1")
    company = make_litigation(number="2", party_is_organisation=True)
    api = api_as("fengsheng_clerk")
    rows = {r["id"]: r for r in api.get("/api/v1/litigation-cases/").json()["results"]}
    assert rows[person.pk]["plaintiff"] == "张*"
    assert rows[company.pk]["plaintiff"] == "张某"
    assert api.get(f"/api/v1/litigation-cases/{person.pk}/").json()["plaintiff"] == "张某"


def test_zero_report_matrix_shows_missing_quarters(client_as, world, clerk, today):
    from fazhi.core.models import Unit

    today(D(2024, 7, 15))
    unit = Unit.objects.get(town=world.fengsheng, slug="sifasuo")
    services.zero_report_confirm(actor=clerk, town=world.fengsheng, unit=unit, year=2024, quarter=1)
    html = client_as("fengsheng_clerk").get("/judicial/?year=2024").content.decode()
    assert "已零报告" in html and "未报告" in html and "季度未结束" in html
    assert "2024年无干预记录" in html
