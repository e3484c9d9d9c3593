import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from fazhi.normative.models import NormativeDocument

D = datetime.date
S = NormativeDocument.Status
pytestmark = pytest.mark.django_db
URL = "/api/v1/normative-documents/"


def post(client, doc, action, **body):
    return client.post(f"{URL}{doc.pk}/{action}/", body, format="json")


def test_create_and_walk_the_whole_workflow(api_as):
    clerk, reviewer = api_as("fengsheng_clerk"), api_as("fengsheng_reviewer")
    r = clerk.post(URL, {"title": "丰盛镇村规民约管理规定", "drafting_unit": "党政办公室", "drafted_on": "2026-08-03",
                         "status": "in_force"}, format="json")
    assert r.status_code == 201, r.content
    assert r.data["status"] == "drafting" and r.data["town"] == "fengsheng"
    doc = NormativeDocument.objects.get(pk=r.data["id"])
    assert post(clerk, doc, "submit-review", date="2026-08-05").data["review_due"] == "2026-08-26"
    r = post(reviewer, doc, "review", result="fail", opinion="程序不完备", date="2026-08-10")
    assert r.status_code == 200 and r.data["status"] == "drafting"
    post(clerk, doc, "submit-review", date="2026-08-12")
    assert post(reviewer, doc, "review", result="pass", opinion="同意", date="2026-08-17").data["status"] == "reviewed"
    assert post(clerk, doc, "deliberate", date="2026-08-20").data["status"] == "deliberated"
    # day 30 is Sunday 2026-09-20, a make-up working day (调休上班): no roll.
    r = post(clerk, doc, "publish", doc_number="丰府发〔2026〕8号", date="2026-08-21")
    assert r.data["status"] == "published" and r.data["filing_due"] == "2026-09-20" and r.data["valid_until"] == "2031-08-20"
    assert "file" in r.data["actions"]
    assert post(clerk, doc, "file", date="2026-09-01").data["status"] == "filed"
    r = post(clerk, doc, "filing-result", result="correction", opinion="第三条超越权限", date="2026-09-20")
    assert r.data["status"] == "correction"
    assert post(clerk, doc, "correct", date="2026-10-08").data["status"] == "in_force"
    assert post(clerk, doc, "clean-up", decision="keep", date="2026-11-02").status_code == 200
    r = post(clerk, doc, "repeal", reason="已被新规定替代", date="2026-11-20")
    assert r.data["status"] == "repealed"


def test_refusals_answer_409_or_400_in_chinese_and_change_nothing(api_as, make_doc):
    clerk = api_as("fengsheng_clerk")
    doc = make_doc("reviewing")
    r = post(clerk, doc, "publish", doc_number="丰府发〔2026〕9号", date="2026-09-20")
    assert r.status_code == 409 and "公布" in r.data["detail"]
    r = post(clerk, doc, "review", result="pass", opinion="同意", date="2026-09-20")
    assert r.status_code == 409 and r.data["code"] == "forbidden_role"
    r = post(api_as("fengsheng_reviewer"), doc, "review", result="maybe")
    assert r.status_code == 400
    r = post(api_as("fengsheng_reviewer"), doc, "review", result="pass", opinion="同意", date="2099-01-01")
    assert r.status_code == 400 and "日期" in r.data["detail"]
    assert NormativeDocument.objects.get(pk=doc.pk).status == S.REVIEWING


def test_late_filing_answers_400(api_as, make_doc):
    doc = make_doc("published", start=D(2026, 8, 1))
    r = post(api_as("fengsheng_clerk"), doc, "file", date="2026-09-30")
    assert r.status_code == 400 and r.data["code"] == "filing_late" and "逾期" in r.data["detail"]
    assert NormativeDocument.objects.get(pk=doc.pk).status == S.PUBLISHED


def test_another_towns_document_is_404(api_as, make_doc, world):
    doc = make_doc("reviewing", town=world.mudong)
    client = api_as("fengsheng_clerk")
    assert client.get(f"{URL}{doc.pk}/").status_code == 404
    assert post(client, doc, "submit-review").status_code == 404
    data = client.get(URL).json()
    rows = data["results"] if isinstance(data, dict) else data
    assert doc.pk not in [row["id"] for row in rows]
    assert api_as("mudong_clerk").get(f"{URL}{doc.pk}/").status_code == 200


def test_district_supervisor_reads_but_cannot_create(api_as, make_doc, users):
    sup = next(n for n in users if users[n].level == "district")
    make_doc()
    client = api_as(sup)
    assert client.get(URL).status_code == 200
    r = client.post(URL, {"title": "x", "drafting_unit": "y"}, format="json")
    assert r.status_code == 403


def test_list_query_count_does_not_grow_with_rows(api_as, make_doc):
    client = api_as("fengsheng_clerk")

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(URL).status_code == 200
        return len(ctx.captured_queries)

    for i in range(3):
        make_doc(title=f"文件{i}")
    count()  # warm the per-process caches (content types)
    few = count()
    for i in range(3, 30):
        make_doc(title=f"文件{i}")
    assert count() == few
