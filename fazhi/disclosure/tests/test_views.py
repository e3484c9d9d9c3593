"""Staff pages, the portal (form, rate limit, tracker) and the ledger."""

import io

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from docx import Document
from openpyxl import Workbook, load_workbook

from fazhi.core.ledgers import import_xlsx
from fazhi.disclosure import ledgers, services
from fazhi.disclosure.models import DisclosureRequest, PortalSubmission, ProactiveItem, RequestStatus

from .conftest import ID_NUMBER, person


def test_case_page_shows_clocks_and_actions(client_as, make_request):
    req = make_request()
    page = client_as("fengsheng_clerk").get(f"/disclosure/{req.pk}/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "2025-10-31" in html and "依申请公开答复" in html
    assert 'data-testid="action-reply"' in html and 'data-testid="action-extend"' not in html
    assert ID_NUMBER in html  # inside its case, for its handlers


def test_case_page_of_another_town_is_404(client_as, make_request):
    req = make_request()
    assert client_as("mudong_clerk").get(f"/disclosure/{req.pk}/").status_code == 404
    assert client_as("mudong_clerk").post(f"/disclosure/{req.pk}/withdraw/", {}).status_code == 404


def test_supervisor_sees_the_case_masked(client_as, make_request):
    req = make_request()
    html = client_as("banan_supervisor").get(f"/disclosure/{req.pk}/").content.decode()
    assert ID_NUMBER not in html and "张*丰" in html and "data-testid=\"action-" not in html


def test_leader_extends_from_the_page(client_as, make_request):
    req = make_request()
    resp = client_as("fengsheng_leader").post(f"/disclosure/{req.pk}/extend/", {
        "extend-date": "2025-10-20", "extend-workdays": "20", "extend-reason": "调取档案"}, follow=True)
    assert "已延长答复期限" in resp.content.decode()
    assert DisclosureRequest.objects.get(pk=req.pk).due_date.isoformat() == "2025-11-28"


def test_refused_page_action_shows_the_chinese_message(client_as, make_request):
    req = make_request()
    resp = client_as("fengsheng_clerk").post(f"/disclosure/{req.pk}/reply/", {
        "reply-date": "2025-10-20", "reply-reply_type": "withheld", "reply-reason": "process"}, follow=True)
    assert "法制审核" in resp.content.decode()
    assert DisclosureRequest.objects.get(pk=req.pk).status == RequestStatus.REGISTERED


def test_register_from_the_page(client_as, world):
    data = person(arrived_date="2025-09-28", form_wanted="paper", delivery_wanted="post")
    resp = client_as("fengsheng_clerk").post("/disclosure/new/", data)
    req = DisclosureRequest.objects.get()
    assert resp.status_code == 302 and resp["Location"] == f"/disclosure/{req.pk}/"
    bad = client_as("fengsheng_clerk").post("/disclosure/new/", {**data, "id_number": "110105194912310021"})
    assert "校验位" in bad.content.decode()


def test_index_masks_and_keeps_a_flat_query_count(client_as, make_request):
    client = client_as("fengsheng_clerk")
    for _ in range(3):
        make_request()
    client.get("/disclosure/")

    def count():
        with CaptureQueriesContext(connection) as ctx:
            resp = client.get("/disclosure/")
        assert resp.status_code == 200 and "张三丰" not in resp.content.decode()
        return len(ctx.captured_queries)

    three = count()
    for _ in range(27):
        make_request()
    assert count() == three


def test_reply_letter_is_a_docx_with_remedies(client_as, make_request, clerk):
    req = services.request_reply(actor=clerk, request=make_request(), date="2025-10-20", reply_type="unavailable",
                                 reason="not_held", explanation="经检索", responsible_agency="巴南区某局")
    letter = req.letters.get()
    resp = client_as("fengsheng_clerk").get(f"/attachments/{letter.attachment_id}/")
    assert resp.status_code == 200
    doc = Document(io.BytesIO(b"".join(resp.streaming_content)))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "本机关不掌握相关政府信息" in text and "巴南区某局" in text
    assert "六十日内" in text and "六个月内" in text and "巴南区人民政府" in text
    assert client_as("mudong_clerk").get(f"/attachments/{letter.attachment_id}/").status_code == 404


def test_letter_template_from_the_admin_wins(make_request, clerk, world):
    from fazhi.disclosure.models import LetterTemplate

    LetterTemplate.objects.create(town=world.fengsheng, kind="disclosed", title="公开告知书(本镇)",
                                  body="{申请人}:您的申请{查询码}已予公开。{不存在的占位}")
    req = services.request_reply(actor=clerk, request=make_request(), date="2025-10-20", reply_type="disclosed")
    from fazhi.core.attachments import attachment_open

    doc = Document(attachment_open(req.letters.get().attachment))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "公开告知书(本镇)" in text and f"张三丰:您的申请{req.query_code}已予公开。{{不存在的占位}}" in text


# --- portal -------------------------------------------------------------------------------------


def test_portal_request_and_tracker(world, client_as, clerk):
    anon = Client()
    resp = anon.post("/portal/fengsheng/disclosure/apply/", person(form_wanted="electronic", delivery_wanted="email"))
    assert resp.status_code == 200
    req = DisclosureRequest.objects.get()
    assert req.status == RequestStatus.SUBMITTED and req.channel == "online"
    assert req.query_code in resp.content.decode()
    track = anon.get(f"/portal/fengsheng/disclosure/track/?code={req.query_code.lower()}").content.decode()
    assert "待确认收到" in track and "张" not in track and ID_NUMBER not in track
    other = anon.get("/portal/mudong/disclosure/track/?code=" + req.query_code).content.decode()
    assert "没有找到" in other


def test_portal_tracker_shows_due_date_once_received(world, make_request):
    req = make_request()
    html = Client().get(f"/portal/fengsheng/disclosure/track/?code={req.query_code}").content.decode()
    assert "办理中" in html and "2025-10-31" in html and "张三丰" not in html and "138" not in html


def test_portal_tracker_shows_the_correction_deadline(world, make_request, clerk):
    req = services.request_request_correction(actor=clerk, request=make_request(), date="2025-10-09",
                                              items="写明文号", deadline="2025-10-24")
    html = Client().get(f"/portal/fengsheng/disclosure/track/?code={req.query_code}").content.decode()
    assert "待申请人补正" in html and "2025-10-24" in html and "写明文号" not in html


def test_portal_rate_limit_per_address(world, settings):
    settings.FAZHI_DISCLOSURE_PORTAL_LIMIT = 2
    anon = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(2):
        anon.post("/portal/fengsheng/disclosure/apply/", person(form_wanted="paper", delivery_wanted="post"))
    resp = anon.post("/portal/fengsheng/disclosure/apply/", person(form_wanted="paper", delivery_wanted="post"))
    assert "提交过于频繁" in resp.content.decode()
    assert DisclosureRequest.objects.count() == 2
    assert "203.0.113.9" not in str(list(PortalSubmission.objects.values_list("client_digest", flat=True)))
    other = Client(REMOTE_ADDR="203.0.113.10")
    other.post("/portal/fengsheng/disclosure/apply/", person(form_wanted="paper", delivery_wanted="post"))
    assert DisclosureRequest.objects.count() == 3


def test_proactive_item_clock_publish_redaction_and_portal_search(world, client_as, clerk):
    item = services.item_create(actor=clerk, town=world.fengsheng, title="2025年临时救助名单", category="subsidies",
                                formed_date="2025-09-26", content="户主:王小明,电话13900001111。")
    # 第二十六条: 2025-09-26 (Fri) + 20 WD: 1=09-28(日,调休上班), 2=09-29, 3=09-30; 10-01…10-08 off;
    # 4=10-09, 5=10-10, 6=10-11(六,调休上班), 7…11=10-13…10-17, 12…16=10-20…10-24, 17…20=10-27…10-30.
    assert item.due_date.isoformat() == "2025-10-30"
    assert "2025年临时救助名单" not in Client().get("/portal/fengsheng/disclosure/").content.decode()
    item = services.item_publish(actor=clerk, item=item, date="2025-10-31")
    assert item.on_time is False and "王小明" not in item.content and "13900001111" not in item.content
    html = Client().get("/portal/fengsheng/disclosure/?q=救助").content.decode()
    assert "2025年临时救助名单" in html
    assert "2025年临时救助名单" not in Client().get("/portal/fengsheng/disclosure/?q=预算").content.decode()
    assert "2025年临时救助名单" not in Client().get("/portal/mudong/disclosure/").content.decode()
    detail = Client().get(f"/portal/fengsheng/disclosure/items/{item.pk}/").content.decode()
    assert "王*明" in detail


def test_item_pages(client_as, world):
    client = client_as("fengsheng_clerk")
    resp = client.post("/disclosure/items/new/", {"title": "通告", "category": "emergency", "formed_date": "2025-10-09"})
    item = ProactiveItem.objects.get()
    assert resp.status_code == 302
    client.post(f"/disclosure/items/{item.pk}/publish/", {"date": "2025-10-10"})
    assert ProactiveItem.objects.get().status == "published"
    assert client_as("mudong_clerk").get(f"/disclosure/items/{item.pk}/").status_code == 404


def test_annual_report_page_and_docx(client_as, world, make_request):
    client = client_as("fengsheng_clerk")
    make_request()
    html = client.get("/disclosure/annual-report/?year=2025").content.decode()
    assert "三、收到和处理政府信息公开申请情况" in html and "勾稽关系核对一致" in html
    resp = client.get("/disclosure/annual-report/?year=2025&format=docx")
    assert resp["Content-Type"].startswith("application/vnd.openxmlformats")
    Document(io.BytesIO(resp.content))


# --- ledger -------------------------------------------------------------------------------------


def test_ledger_export_masks_personal_data(client_as, make_request):
    make_request()
    resp = client_as("fengsheng_clerk").get("/disclosure/ledger.xlsx")
    ws = load_workbook(io.BytesIO(resp.content)).active
    values = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
    assert "张*丰" in values and ID_NUMBER not in values and "13812345678" not in values


def _sheet(rows):
    wb = Workbook()
    ws = wb.active
    ws.append([c.header for c in ledgers.COLUMNS])
    for row in rows:
        ws.append([row.get(c.key) for c in ledgers.COLUMNS])
    out = io.BytesIO()
    wb.save(out)
    out.seek(0)
    return out


def test_ledger_import_is_all_or_nothing(world, clerk):
    good = {"applicant_type": "自然人", "applicant_name": "李四", "id_number": ID_NUMBER, "phone": "13812345678",
            "channel": "当面提交", "arrived_date": "2025-09-28", "received_date": "2025-09-28", "content": "预算"}
    bad = {**good, "id_number": "110105194912310021"}
    town = world.fengsheng
    with pytest.raises(Exception) as exc:
        import_xlsx(ledgers.REQUESTS, _sheet([good, bad]), actor=clerk, town=town,
                    create=lambda row: ledgers.import_row(row, town=town, actor=clerk))
    assert "第3行" in str(exc.value.lines())
    assert DisclosureRequest.objects.count() == 0
    import_xlsx(ledgers.REQUESTS, _sheet([good]), actor=clerk, town=town,
                create=lambda row: ledgers.import_row(row, town=town, actor=clerk))
    assert DisclosureRequest.objects.get().due_date.isoformat() == "2025-10-31"
