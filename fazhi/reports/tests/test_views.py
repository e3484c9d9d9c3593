"""Pages: who sees what (404 across towns, drafts hidden from the district), editing, actions,
preview, DOCX, portal, the checker page, the disclosure link, query counts."""

import datetime
import io

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch

from fazhi.reports import views
from fazhi.reports.models import ReportStatus
from fazhi.reports.services import report_approve, report_create, report_publish, report_submit

from .conftest import SEED_PATH

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(world, users, seed_figures):
    return report_create(actor=users["fengsheng_clerk"], town=world.fengsheng, year=2023)


def test_the_clerk_creates_a_draft_from_the_index(client_as, seed_figures):
    client = client_as("fengsheng_clerk")
    assert client.get("/reports/").status_code == 200
    response = client.post("/reports/", {"year": 2023})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "全年调处各类矛盾纠纷396起" in page and "（六）健全社会矛盾纠纷行政预防调处化解体系" in page


def test_another_towns_report_answers_404(draft, client_as):
    client = client_as("mudong_leader")
    for url in [f"/reports/{draft.pk}/", f"/reports/{draft.pk}/preview/", f"/reports/{draft.pk}/docx/",
                f"/reports/{draft.pk}/versions/", f"/reports/{draft.pk}/paragraphs/{draft.paragraphs.first().pk}/"]:
        assert client.get(url).status_code == 404, url
    assert client.post(f"/reports/{draft.pk}/approve/").status_code == 404


def test_the_district_reads_only_submitted_reports(draft, users, client_as):
    client = client_as("banan_supervisor")
    assert client.get(f"/reports/{draft.pk}/preview/").status_code == 404
    report = report_approve(actor=users["fengsheng_leader"], report=draft, on=datetime.date(2024, 2, 20))
    report_submit(actor=users["fengsheng_leader"], report=report, on=datetime.date(2024, 2, 26))
    assert client.get(f"/reports/{draft.pk}/preview/").status_code == 200
    assert client.get(f"/reports/{draft.pk}/docx/").status_code == 200


def test_a_clerk_edits_a_paragraph_and_the_leader_approves(draft, client_as, users):
    paragraph = draft.paragraphs.get(section=2)
    client = client_as("fengsheng_clerk")
    response = client.post(f"/reports/{draft.pk}/paragraphs/{paragraph.pk}/", {"text": "镇长亲自部署法治建设工作。"})
    assert response.status_code == 302
    assert "镇长亲自部署法治建设工作。" in client.get(f"/reports/{draft.pk}/").content.decode()
    # the clerk cannot approve: the refusal is shown, nothing changes
    client.post(f"/reports/{draft.pk}/approve/", {"on": "2024-02-20"})
    draft.refresh_from_db()
    assert draft.status == ReportStatus.DRAFT
    client = client_as("fengsheng_leader")
    client.post(f"/reports/{draft.pk}/approve/", {"on": "2024-02-20"})
    draft.refresh_from_db()
    assert draft.status == ReportStatus.APPROVED and draft.document_date == datetime.date(2024, 2, 20)
    versions = client.get(f"/reports/{draft.pk}/versions/").content.decode()
    assert "李娜" in versions and "镇长亲自部署" in versions
    # version 1 reads as it did before the clerk's change
    first = client.get(f"/reports/{draft.pk}/versions/1/").content.decode()
    assert "镇长亲自部署" not in first and "党政主要负责人担任法治建设第一责任人" in first
    assert "镇长亲自部署" in client.get(f"/reports/{draft.pk}/versions/2/").content.decode()
    assert client_as("mudong_leader").get(f"/reports/{draft.pk}/versions/1/").status_code == 404


def test_the_docx_download_of_an_approved_report_is_dated(draft, users, client_as):
    report_approve(actor=users["fengsheng_leader"], report=draft, on=datetime.date(2024, 2, 20))
    response = client_as("fengsheng_clerk").get(f"/reports/{draft.pk}/docx/")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    texts = [p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs]
    assert texts[-1] == "2024年2月20日" and texts[-2] == "重庆市巴南区丰盛镇人民政府"


def test_the_portal_shows_only_published_reports(draft, users, client):
    assert client.get("/portal/fengsheng/reports/2023/").status_code == 404
    report = report_approve(actor=users["fengsheng_leader"], report=draft, on=datetime.date(2024, 2, 20))
    report_publish(actor=users["fengsheng_leader"], report=report, on=datetime.date(2024, 3, 20))
    index = client.get("/portal/fengsheng/reports/").content.decode()
    assert "关于2023年法治政府建设情况的报告" in index
    page = client.get("/portal/fengsheng/reports/2023/").content.decode()
    assert "全年调处各类矛盾纠纷396起" in page and "编辑" not in page
    assert client.get("/portal/fengsheng/reports/2023/docx/").status_code == 200
    assert client.get("/portal/mudong/reports/2023/").status_code == 404
    assert "法治政府建设年度报告" in client.get("/portal/fengsheng/").content.decode()


def test_the_check_page_reads_an_uploaded_seed(client_as):
    with open(SEED_PATH, "rb") as fh:
        upload = SimpleUploadedFile("seed.txt", fh.read(), content_type="text/plain")
    page = client_as("fengsheng_clerk").post("/reports/check/", {"file": upload}).content.decode()
    assert page.count("numbering") == 2 and "缺少成文日期" in page


def test_the_check_page_refuses_another_file_type(client_as):
    upload = SimpleUploadedFile("seed.pdf", b"%PDF", content_type="application/pdf")
    page = client_as("fengsheng_clerk").post("/reports/check/", {"file": upload}).content.decode()
    assert "请上传 .docx 或 .txt 文件" in page


def test_the_disclosure_report_is_linked_when_its_url_resolves(monkeypatch, client_as, draft):
    monkeypatch.setattr(views, "reverse", lambda name, **kw: "/disclosure/annual-report/")
    assert views.disclosure_report_url(2023) == "/disclosure/annual-report/?year=2023"
    assert "/disclosure/annual-report/?year=2023" in client_as("fengsheng_clerk").get(
        f"/reports/{draft.pk}/").content.decode()

    def missing(name, **kw):
        raise NoReverseMatch(name)

    monkeypatch.setattr(views, "reverse", missing)
    assert views.disclosure_report_url(2023) == ""
    assert 'data-testid="disclosure-link"' not in client_as("fengsheng_clerk").get("/reports/").content.decode()


def test_index_query_count_does_not_grow_with_reports(world, users, client_as, seed_figures):
    client = client_as("banan_supervisor")
    for year in (2021, 2022, 2023):
        r = report_create(actor=users["fengsheng_clerk"], town=world.fengsheng, year=year)
        r = report_approve(actor=users["fengsheng_leader"], report=r, on=datetime.date(year + 1, 2, 1))
        report_submit(actor=users["fengsheng_leader"], report=r, on=datetime.date(year + 1, 2, 2))
    with CaptureQueriesContext(connection) as few:
        client.get("/reports/")
    for year in range(2010, 2021):
        r = report_create(actor=users["fengsheng_clerk"], town=world.fengsheng, year=year)
        r = report_approve(actor=users["fengsheng_leader"], report=r, on=datetime.date(year + 1, 2, 1))
        report_submit(actor=users["fengsheng_leader"], report=r, on=datetime.date(year + 1, 2, 2))
    with CaptureQueriesContext(connection) as many:
        page = client.get("/reports/").content.decode()
    assert page.count("/reports/") >= 14
    assert len(many) == len(few)
