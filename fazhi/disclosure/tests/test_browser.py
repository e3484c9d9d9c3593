"""Browser: a citizen files a request on the portal and tracks it; a clerk replies and downloads
the letter."""

import pytest

from .conftest import ID_NUMBER

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_citizen_files_a_request_and_tracks_it(page, live_world):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{page.base_url}/portal/fengsheng/disclosure/")
    page.click("[data-testid=apply]")
    page.select_option("#id_applicant_type", "natural_person")
    page.fill("#id_applicant_name", "张三丰")
    page.fill("#id_id_number", ID_NUMBER)
    page.fill("#id_phone", "13812345678")
    page.fill("#id_content", "丰盛镇2026年道路修缮项目预算")
    page.click("button[type=submit]")
    code = page.inner_text("[data-testid=query-code]").strip()
    assert len(code) == 10
    page.goto(f"{page.base_url}/portal/fengsheng/disclosure/track/")
    page.fill("#id_code", code)
    page.click("button[type=submit]")
    assert "待确认收到" in page.inner_text("[data-testid=stage]")
    body = page.inner_text("body")
    assert "张三丰" not in body and ID_NUMBER not in body


def test_clerk_replies_and_downloads_the_letter(page, live_world, login):
    from fazhi.disclosure import services

    from .conftest import person

    req = services.request_register(actor=live_world.users["fengsheng_clerk"], town=live_world.fengsheng,
                                    data=person(received_date="2025-09-28"))
    login("fengsheng_clerk")
    page.goto(f"{page.base_url}/disclosure/{req.pk}/")
    assert page.inner_text("[data-testid=due-date]").strip() == "2025-10-31"
    page.click("[data-testid=action-reply] summary")
    page.fill("#id_reply-date", "2025-10-20")
    page.select_option("#id_reply-reply_type", "disclosed")
    page.fill("#id_reply-released_text", "预算表见附件。")
    page.click("[data-testid=action-reply] button[type=submit]")
    assert page.inner_text("[data-testid=status]").strip() == "已答复"
    with page.expect_download() as info:
        page.click("[data-testid=letter-disclosed]")
    download = info.value
    assert download.suggested_filename.endswith(".docx")
    assert "予以公开告知书" in download.suggested_filename
