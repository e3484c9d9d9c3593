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
