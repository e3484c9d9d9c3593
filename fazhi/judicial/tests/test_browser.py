"""A clerk registers a lawsuit served on the town; its answer clock shows on the workbench."""

import datetime

import pytest

from fazhi.core import clocks

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_registered_lawsuit_shows_its_answer_clock_on_the_workbench(live_world, login, page):
    served = clocks.today() - datetime.timedelta(days=5)
    login("fengsheng_clerk")
    page.wait_for_url("**/workbench/")
    page.goto(f"{page.base_url}/judicial/")
    page.click("#litigation summary")
    form = page.locator("#litigation form")
    form.locator("input[name=court]").fill("重庆市巴南区人民法院")
    form.locator("input[name=case_number]").fill("(2026)渝0113行初9号")
    form.locator("input[name=plaintiff]").fill("黄某")
    form.locator("input[name=cause]").fill("不服房屋征收补偿决定")
    form.locator("input[name=served_date]").fill(served.isoformat())
    form.locator("button[type=submit]").click()
    page.wait_for_url("**/judicial/litigation/*/")
    due = page.get_by_test_id("answer-due").inner_text()[:10]
    page.goto(f"{page.base_url}/workbench/")
    page.select_option("#within", "20")
    page.wait_for_selector("text=行政诉讼 (2026)渝0113行初9号")
    assert due in page.locator("#clock-table").inner_text()


def test_clerk_corrects_the_served_date_and_uploads_evidence_on_the_case_page(live_world, login, page, tmp_path):
    from fazhi.judicial import services

    clerk = live_world.users["fengsheng_clerk"]
    case = services.litigation_create(actor=clerk, town=live_world.fengsheng, court="巴南区人民法院",
                                      case_number="(2024)渝0113行初21号", plaintiff="黄某", cause="行政强制",
                                      served_date=datetime.date(2024, 9, 10))
    login("fengsheng_clerk")
    page.wait_for_url("**/workbench/")
    page.goto(f"{page.base_url}{case.get_absolute_url()}")
    assert page.get_by_test_id("answer-due").inner_text().startswith("2024-09-25")
    page.fill("input[name=correct-served_date]", "2024-09-20")
    page.fill("input[name=correct-reason]", "以法院送达回证为准")
    page.click("input[name=correct-reason] >> xpath=ancestor::form//button[@type='submit']")
    page.wait_for_selector("text=已办理")
    # Day 15 falls on 2024-10-05, inside the National Day holiday: the last day is 10-08.
    assert page.get_by_test_id("answer-due").inner_text().startswith("2024-10-08")

    evidence = tmp_path / "送达回证.txt"
    evidence.write_text("送达回证:2024年9月20日", encoding="utf-8")
    page.fill("#att-title", "送达回证")
    page.set_input_files("#attachments input[type=file]", str(evidence))
    page.click("#attachments button[type=submit]")
    page.wait_for_selector("text=附件已上传")
    link = page.locator("[data-testid=attachments] a", has_text="送达回证")
    assert link.get_attribute("href").startswith("/attachments/")
