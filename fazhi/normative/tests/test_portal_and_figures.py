import datetime

import pytest

from fazhi.normative import services
from fazhi.normative.figures import figures
from fazhi.normative.selectors import documents_in_force

D = datetime.date
pytestmark = pytest.mark.django_db


def test_in_force_view_lists_only_published_valid_unrepealed_documents(make_doc, clerk, world, client):
    live = make_doc("in_force", title="有效文件", number="丰府发〔2026〕1号")
    published = make_doc("published", title="已公布待备案", number="丰府发〔2026〕2号")
    make_doc("deliberated", title="未公布文件", number="")
    gone = make_doc("in_force", title="已废止文件", number="丰府发〔2026〕3号")
    services.document_repeal(actor=clerk, document=gone, reason="不再适用", date=D(2026, 11, 1))
    assert set(documents_in_force(world.fengsheng, D(2026, 11, 2))) == {live, published}
    # before its repeal, the repealed document was in force
    assert gone in documents_in_force(world.fengsheng, D(2026, 10, 31))
    html = client.get("/portal/fengsheng/normative/").content.decode()
    assert "有效文件" in html and "已公布待备案" in html
    assert "未公布文件" not in html and "已废止文件" not in html
    assert "有效文件" not in client.get("/portal/mudong/normative/").content.decode()


def test_figures_of_a_year(make_doc, clerk, world):
    a = make_doc("in_force", start=D(2025, 3, 2), number="丰府发〔2025〕1号")
    late = make_doc("published", start=D(2025, 6, 2), number="丰府发〔2025〕2号")
    services.document_file(actor=clerk, document=late, date=D(2025, 8, 30), late_reason="遗漏")
    services.document_filing_result(actor=clerk, document=late, result="correction", opinion="纠正", date=D(2025, 9, 5))
    services.document_correct(actor=clerk, document=late, date=D(2025, 9, 20))
    services.document_clean_up(actor=clerk, document=a, decision="keep", date=D(2025, 12, 1))
    services.document_repeal(actor=clerk, document=late, reason="废止", date=D(2025, 12, 10))
    f = figures(world.fengsheng, 2025)
    assert f["normative.issued"] == 2
    assert f["normative.reviewed"] == 2
    assert f["normative.filed_on_time"] == 1 and f["normative.filed_late"] == 1
    assert f["normative.corrected"] == 1 and f["normative.correction_ordered"] == 1
    assert f["normative.cleaned_up"] == 1 and f["normative.cleanup_rounds"] == 1
    assert f["normative.repealed_in_year"] == 1
    assert f["normative.in_force"] == 1
    assert figures(world.fengsheng, 2024)["normative.issued"] == 0
    assert figures(world.mudong, 2025)["normative.issued"] == 0


def test_staff_pages_render(make_doc, client_as):
    doc = make_doc("reviewing")
    client = client_as("fengsheng_reviewer")
    assert client.get("/normative/").status_code == 200
    page = client.get(f"/normative/{doc.pk}/").content.decode()
    assert "合法性审核" in page and 'data-action="review"' in page
    r = client.post(f"/normative/{doc.pk}/review/", {"review-result": "fail", "review-opinion": "退回",
                                                    "review-date": "2026-09-05"})
    assert r.status_code == 302
    doc.refresh_from_db()
    assert doc.status == "drafting"
    assert client_as("mudong_clerk").get(f"/normative/{doc.pk}/").status_code == 404


def test_register_page_query_count_does_not_grow(make_doc, client_as):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_as("fengsheng_clerk")

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/normative/").status_code == 200
        return len(ctx.captured_queries)

    for i in range(3):
        make_doc(title=f"文件{i}")
    count()
    few = count()
    for i in range(3, 30):
        make_doc(title=f"文件{i}")
    assert count() == few


def test_settings_page_shows_defaults_and_only_the_leader_saves(client_as, world):
    from fazhi.normative.models import NormativeSettings

    page = client_as("fengsheng_clerk").get("/normative/settings/").content.decode()
    assert 'value="30"' in page and "只有镇领导可以修改" in page
    assert client_as("fengsheng_clerk").post("/normative/settings/", {}).status_code == 403
    leader = client_as("fengsheng_leader")
    r = leader.post("/normative/settings/", {"filing_days": 20, "validity_years": 5, "trial_validity_years": 2,
                                             "expiry_notice_months": 6})
    assert r.status_code == 302
    assert NormativeSettings.objects.get(town=world.fengsheng).filing_days == 20
    assert client_as("banan_supervisor").get("/normative/settings/").status_code == 403
