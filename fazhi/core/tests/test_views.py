"""Pages: portal, workbench, clock explanation, health, security headers, 404s."""

import datetime

import pytest

from fazhi.core import clocks
from fazhi.core.clocks import ClockRule

RULE = ClockRule(code="TEST-7", label="测试送达期限", length=7, unit="wd", article="《行政处罚法》第六十一条")


def test_healthz_answers_200_when_the_database_answers(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}


def test_portal_home_lists_the_towns(client, world):
    html = client.get("/").content.decode()
    assert '<html lang="zh-CN">' in html
    assert "丰盛镇" in html and "木洞镇" in html


def test_town_portal_page(client, world):
    response = client.get("/portal/fengsheng/")
    assert response.status_code == 200
    assert "重庆市巴南区丰盛镇人民政府" in response.content.decode()
    assert client.get("/portal/nowhere/").status_code == 404


def test_workbench_needs_login(client, db):
    response = client.get("/workbench/")
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_workbench_shows_clocks_due_soon_and_overdue_of_own_town_only(client_as, world, monkeypatch):
    today = datetime.date(2024, 10, 8)
    monkeypatch.setattr(clocks, "today", lambda: today)
    monkeypatch.setattr("fazhi.core.selectors.local_today", lambda: today)
    feng = world.fengsheng.villages.first()
    clocks.start(subject=feng, rule=RULE, start=datetime.date(2024, 9, 27), subject_label="丰盛送达")  # due 10-12
    clocks.start(subject=feng, rule=ClockRule("TEST-1", "测试一日", 1, "wd", "测试"),
                 start=datetime.date(2024, 9, 20), subject_label="丰盛超期")
    clocks.start(subject=world.mudong.villages.first(), rule=RULE, start=datetime.date(2024, 9, 27),
                 subject_label="木洞送达")
    html = client_as("fengsheng_clerk").get("/workbench/").content.decode()
    assert "丰盛送达" in html and "丰盛超期" in html
    assert "木洞送达" not in html
    assert 'data-testid="overdue-count">1<' in html


def test_workbench_htmx_request_returns_the_table_fragment(client_as, world):
    response = client_as("fengsheng_clerk").get("/workbench/?within=10", HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200 and html.lstrip().startswith('<div id="clock-table">')
    assert "10个工作日内到期" in html


def test_clock_page_explains_the_due_date_day_by_day(client_as, world):
    clock = clocks.start(subject=world.fengsheng.villages.first(), rule=RULE, start=datetime.date(2024, 9, 27))
    html = client_as("fengsheng_leader").get(f"/clocks/{clock.pk}/").content.decode()
    assert "2024-10-12" in html
    assert "国庆节放假" in html and "调休上班" in html
    assert "《行政处罚法》第六十一条" in html
    assert "7个工作日" in html


def test_another_towns_clock_page_is_404(client_as, world):
    clock = clocks.start(subject=world.mudong.villages.first(), rule=RULE, start=datetime.date(2024, 9, 27))
    assert client_as("fengsheng_leader").get(f"/clocks/{clock.pk}/").status_code == 404


def test_supervisor_sees_clocks_of_every_town(client_as, world):
    clock = clocks.start(subject=world.mudong.villages.first(), rule=RULE, start=datetime.date(2024, 9, 27))
    assert client_as("banan_supervisor").get(f"/clocks/{clock.pk}/").status_code == 200


def test_security_headers_on_every_response(client, db):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"


def test_pages_have_no_inline_script(client_as, world):
    import re

    for path in ["/", "/login/", "/portal/fengsheng/"]:
        html = client_as("fengsheng_clerk").get(path).content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), path
    html = client_as("fengsheng_clerk").get("/workbench/").content.decode()
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)
    assert " on" not in re.sub(r"<[^>]*>", "", "") and "onclick" not in html


def test_org_page_lists_own_town_units_and_grids(client_as, world):
    html = client_as("fengsheng_clerk").get("/org/").content.decode()
    assert "综合行政执法办公室" in html and "双碑村" in html and "中坝村" not in html


@pytest.mark.parametrize("path", ["/admin/core/town/", "/admin/core/user/", "/admin/core/auditevent/",
                                  "/admin/core/calendarday/", "/admin/core/clock/", "/admin/core/village/"])
def test_admin_pages_work(client_as, world, path):
    assert client_as("admin").get(path).status_code == 200


@pytest.mark.parametrize("path", ["/workbench/?within=20", "/clocks/", "/api/v1/clocks/?within=20"])
def test_clock_lists_issue_the_same_queries_for_3_or_30_rows(client_as, world, path, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_as("banan_supervisor")
    villages = list(world.fengsheng.villages.all()) + list(world.mudong.villages.all())
    start = clocks.today()

    def add(n, offset):
        for i in range(n):
            rule = ClockRule(f"Q-{offset + i}", "查询测试期限", 10, "wd", "测试")
            clocks.start(subject=villages[i % len(villages)], rule=rule, start=start)

    add(3, 0)
    client.get(path)
    with CaptureQueriesContext(connection) as few:
        client.get(path)
    add(27, 3)
    with CaptureQueriesContext(connection) as many:
        response = client.get(path)
    assert response.status_code == 200
    assert len(many.captured_queries) == len(few.captured_queries)


def _png_upload(name="证据.png"):
    import io
    import struct
    import zlib

    from django.core.files.uploadedfile import SimpleUploadedFile

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
    raw += chunk(b"IDAT", zlib.compress(b"\x00\x00")) + chunk(b"IEND", b"")
    return SimpleUploadedFile(name, io.BytesIO(raw).getvalue(), content_type="image/png")


def test_attachment_downloads_only_within_scope(client_as, world, users):
    from fazhi.core.attachments import attachment_add

    village = world.mudong.villages.first()
    attachment = attachment_add(actor=users["mudong_clerk"], subject=village, upload=_png_upload())
    assert client_as("fengsheng_clerk").get(f"/attachments/{attachment.pk}/").status_code == 404
    response = client_as("mudong_clerk").get(f"/attachments/{attachment.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")


def test_a_changed_file_is_refused_on_download_and_audited(client_as, world, users):
    from fazhi.core.attachments import attachment_add
    from fazhi.core.models import AuditEvent

    attachment = attachment_add(actor=users["fengsheng_clerk"], subject=world.fengsheng.villages.first(),
                                upload=_png_upload())
    with open(attachment.file.path, "ab") as handle:
        handle.write(b"tampered")
    response = client_as("fengsheng_clerk").get(f"/attachments/{attachment.pk}/")
    assert response.status_code == 409
    assert "校验值不符" in response.content.decode()
    assert AuditEvent.objects.filter(action="attachment.tamper_detected", object_id=str(attachment.pk)).exists()


def test_pages_stay_chinese_whatever_language_the_browser_asks_for(client, db):
    response = client.post("/login/", {"username": "", "password": ""}, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    html = response.content.decode()
    assert "该字段是必填项" in html
    assert "This field is required" not in html
