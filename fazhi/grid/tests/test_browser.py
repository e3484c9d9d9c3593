"""A grid worker reports an event from the field on a phone; the clerk routes it into a dispute."""

import pytest

from fazhi.grid.models import GridEvent

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_grid_worker_reports_an_event_on_a_phone_and_clerk_routes_it(live_world, login, page):
    page.set_viewport_size({"width": 390, "height": 844})
    login("fengsheng_grid")
    page.wait_for_url("**/workbench/")
    page.goto(f"{page.base_url}/grid/")
    page.get_by_test_id("report-event").click()
    page.wait_for_url("**/grid/report/")
    page.select_option("#e-kind", "dispute")
    page.fill("#e-title", "土地流转租金纠纷")
    page.fill("#e-desc", "流转户与村民因租金发生争执。")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.click("button[type=submit].primary")
    page.wait_for_url("**/grid/")
    assert page.locator("text=土地流转租金纠纷").count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    event = GridEvent.objects.get()
    assert event.grid_id == live_world.users["fengsheng_grid"].grid_id

    page.context.clear_cookies()
    login("fengsheng_clerk")
    page.wait_for_url("**/workbench/")
    page.goto(f"{page.base_url}/grid/")
    page.locator("summary", has_text="分流").first.click()
    page.fill("input[name=applicant]", "王五")
    page.fill("input[name=respondent]", "赵六")
    page.locator("form[action$='/route/'] button[type=submit]").click()
    page.wait_for_selector("text=事件已分流")
    event.refresh_from_db()
    assert event.status == GridEvent.Status.ROUTED and event.dispute.source == "grid"
