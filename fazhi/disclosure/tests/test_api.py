"""/api/v1/disclosure-requests/: register, read (masked), each action with its JSON body,
refusals answering 400/409 in Chinese and changing nothing, other towns answering 404."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from fazhi.disclosure.models import DisclosureRequest

from .conftest import ID_NUMBER, D, person

URL = "/api/v1/disclosure-requests/"


@pytest.fixture
def created(api_as):
    resp = api_as("fengsheng_clerk").post(URL, person(), format="json")
    assert resp.status_code == 201, resp.content
    return resp.json()


def test_create_answers_masked_data_and_computed_fields(created):
    assert created["status"] == "registered"
    assert created["due_date"] == "2025-10-31"
    assert created["id_number"] == "110105********002X"
    assert created["phone"] == "138****5678"
    assert created["applicant_name"] == "张*丰"
    assert len(created["query_code"]) == 10
    assert "reply" in created["actions"] and "extend" not in created["actions"]


def test_read_only_fields_cannot_be_set(api_as):
    resp = api_as("fengsheng_clerk").post(URL, person(status="closed", due_date="2030-01-01", query_code="X"),
                                          format="json")
    body = resp.json()
    assert (body["status"], body["due_date"]) == ("registered", "2025-10-31") and body["query_code"] != "X"


def test_invalid_id_number_is_refused_in_chinese(api_as):
    resp = api_as("fengsheng_clerk").post(URL, person(id_number=ID_NUMBER[:-1] + "1"), format="json")
    assert resp.status_code == 400
    assert "校验位" in resp.json()["detail"]
    assert DisclosureRequest.objects.count() == 0


def test_full_workflow_through_actions(api_as, created):
    clerk, leader = api_as("fengsheng_clerk"), api_as("fengsheng_leader")
    base = f"{URL}{created['id']}/"
    r = clerk.post(base + "request-correction/", {"date": "2025-10-09", "items": "写明文号", "deadline": "2025-10-24"},
                   format="json")
    assert r.status_code == 200 and r.json()["status"] == "correction"
    r = clerk.post(base + "receive-correction/", {"date": "2025-10-20"}, format="json")
    assert r.json()["due_date"] == "2025-11-17"
    r = clerk.post(base + "consult-third-party/", {"date": "2025-10-21", "party": "某公司"}, format="json")
    assert r.json()["status"] == "consulting"
    r = clerk.post(base + "third-party-replied/", {"date": "2025-10-23", "opinion": "agree"}, format="json")
    assert r.json()["status"] == "registered"
    r = clerk.post(base + "extend/", {"date": "2025-10-24", "workdays": 10, "reason": "调档"}, format="json")
    assert r.status_code == 409 and "角色" in r.json()["detail"]
    r = leader.post(base + "extend/", {"date": "2025-10-24", "workdays": 21, "reason": "调档"}, format="json")
    assert r.status_code == 400 and "20个工作日" in r.json()["detail"]
    r = leader.post(base + "extend/", {"date": "2025-10-24", "workdays": 10, "reason": "调档"}, format="json")
    assert r.status_code == 200 and r.json()["extension_workdays"] == 10
    r = leader.post(base + "extend/", {"date": "2025-10-24", "workdays": 5, "reason": "再延"}, format="json")
    assert r.status_code == 409
    r = clerk.post(base + "reply/", {"date": "2025-11-03", "reply_type": "disclosed", "reason": ""}, format="json")
    assert r.status_code == 200 and r.json()["replied_on_time"] is True
    r = clerk.post(base + "deliver/", {"date": "2025-11-04", "method": "post"}, format="json")
    assert r.json()["status"] == "delivered"
    r = clerk.post(base + "close/", {"date": "2025-11-05"}, format="json")
    assert r.json()["status"] == "closed"
    r = clerk.post(base + "withdraw/", {"date": "2025-11-06"}, format="json")
    assert r.status_code == 409 and "不能执行" in r.json()["detail"]


def test_refused_action_changes_nothing(api_as, created):
    before = DisclosureRequest.objects.get(pk=created["id"])
    r = api_as("fengsheng_clerk").post(f"{URL}{created['id']}/reply/", {"date": "2025-10-20", "reply_type": "withheld",
                                                                        "reason": "process"}, format="json")
    assert r.status_code == 409 and "法制审核" in r.json()["detail"]
    after = DisclosureRequest.objects.get(pk=created["id"])
    assert (after.status, after.reply_type, after.due_date) == (before.status, before.reply_type, before.due_date)


def test_action_date_defaults_to_today_and_rejects_bad_dates(api_as, created):
    r = api_as("fengsheng_clerk").post(f"{URL}{created['id']}/withdraw/", {"date": "2025-13-01"}, format="json")
    assert r.status_code == 400
    r = api_as("fengsheng_clerk").post(f"{URL}{created['id']}/withdraw/", {}, format="json")
    assert r.status_code == 200 and r.json()["withdrawn_on"]


def test_other_town_gets_404_and_supervisor_reads_but_cannot_act(api_as, created):
    assert api_as("mudong_clerk").get(f"{URL}{created['id']}/").status_code == 404
    assert api_as("mudong_clerk").post(f"{URL}{created['id']}/withdraw/", {}, format="json").status_code == 404
    listed = api_as("mudong_clerk").get(URL).json()
    assert (listed["results"] if isinstance(listed, dict) else listed) == []
    sup = api_as("banan_supervisor")
    assert sup.get(f"{URL}{created['id']}/").status_code == 200
    assert sup.post(f"{URL}{created['id']}/withdraw/", {}, format="json").status_code == 409
    assert sup.post(URL, person(), format="json").status_code == 403


def test_grid_worker_sees_nothing(api_as, created):
    assert api_as("fengsheng_grid").get(f"{URL}{created['id']}/").status_code == 404


def test_list_query_count_is_flat(api_as, make_request):
    client = api_as("fengsheng_clerk")

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(URL).status_code == 200
        return len(ctx.captured_queries)

    for _ in range(3):
        make_request()
    count()  # the persona's roles are read once and cached
    three = count()
    for _ in range(27):
        make_request()
    assert count() == three


def test_receipt_date_is_checked(api_as):
    r = api_as("fengsheng_clerk").post(URL, person(channel="post", arrived_date="2025-09-28",
                                                   received_date="2025-09-26"), format="json")
    assert r.status_code == 400
    r = api_as("fengsheng_clerk").post(URL, person(channel="post", arrived_date="2025-09-26",
                                                   received_date="2025-09-28"), format="json")
    assert r.status_code == 201 and r.json()["received_date"] == str(D("2025-09-28"))
