"""A reviewer sends a draft back, then passes it; a clerk publishes and files it."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def switch(page, login, username):
    page.context.clear_cookies()
    login(username)


def test_review_send_back_then_pass_then_publish_and_file(page, login, live_world):
    from fazhi.normative import services
    from fazhi.normative.models import NormativeDocument

    # The clerk registers the draft through the page.
    login("fengsheng_clerk")
    page.goto(f"{page.base_url}/normative/new/")
    page.fill("#id_title", "丰盛镇农村集体经济组织财务管理规定")
    page.fill("#id_drafting_unit", "财政办")
    page.click("main button.primary")
    page.click("[data-testid=do-submit_review]")
    assert page.text_content("[data-testid=status]") == "合法性审核中"
    doc = NormativeDocument.objects.get()
    url = f"{page.base_url}/normative/{doc.pk}/"

    # The 司法所 reviewer sends it back for redrafting.
    switch(page, login, "fengsheng_reviewer")
    page.goto(url)
    page.select_option("#id_review-result", "fail")
    page.fill("#id_review-authority", "第六条设定罚款,超越镇政府权限。")
    page.fill("#id_review-opinion", "删除第六条后重新报送。")
    page.click("[data-testid=do-review]")
    assert page.text_content("[data-testid=status]") == "起草中"
    assert "删除第六条后重新报送" in page.content()
    assert page.locator("[data-testid=do-review]").count() == 0

    # The clerk redrafts and sends it again; the reviewer passes it.
    switch(page, login, "fengsheng_clerk")
    page.goto(url)
    assert page.locator("[data-testid=do-publish]").count() == 0
    page.click("[data-testid=do-submit_review]")
    switch(page, login, "fengsheng_reviewer")
    page.goto(url)
    page.select_option("#id_review-result", "pass")
    page.fill("#id_review-opinion", "主体、程序、内容合法。")
    page.click("[data-testid=do-review]")
    assert page.text_content("[data-testid=status]") == "审核通过,待集体审议"

    # The clerk records the deliberation, publishes and files it.
    switch(page, login, "fengsheng_clerk")
    page.goto(url)
    page.fill("#id_deliberate-meeting", "镇政府常务会议")
    page.click("[data-testid=do-deliberate]")
    page.fill("#id_publish-doc_number", "丰府发〔2026〕11号")
    page.click("[data-testid=do-publish]")
    assert page.text_content("[data-testid=status]") == "已公布,待报备"
    page.click("[data-testid=do-file]")
    assert page.text_content("[data-testid=status]") == "已报备,待备案审查结果"
    doc.refresh_from_db()
    assert doc.status == "filed" and doc.reviews.count() == 2
    assert services.TRANSITIONS.allows(doc, "filing_result")

    # The public sees it among the documents in force.
    page.goto(f"{page.base_url}/portal/fengsheng/normative/")
    assert "丰府发〔2026〕11号" in page.text_content("[data-testid=in-force]")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(url)
