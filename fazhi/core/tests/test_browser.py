"""Click through the shell in Debian's Chromium: login, workbench (htmx under the CSP), the
clock explanation, the admin."""

import datetime

import pytest

from fazhi.core import clocks
from fazhi.core.clocks import ClockRule

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_login_lands_on_the_workbench_with_due_clocks(live_world, login, page):
    village = live_world.fengsheng.villages.first()
    start = clocks.today() - datetime.timedelta(days=1)
    clock = clocks.start(subject=village, rule=ClockRule("TEST-5", "测试补正告知期限", 5, "wd", "测试条例第三十条"),
                         start=start, subject_label="张某信息公开申请")
    login("fengsheng_clerk")
    page.wait_for_url("**/workbench/")
    assert page.get_by_test_id("who").inner_text().startswith("李娜")
    assert page.locator("text=张某信息公开申请").count() == 1

    # htmx swaps the table when the horizon changes; it runs under the CSP with no inline script.
    page.select_option("#within", "20")
    page.wait_for_selector("text=20个工作日内到期")

    page.click(f"a[href='/clocks/{clock.pk}/']")
    page.wait_for_url(f"**/clocks/{clock.pk}/")
    assert page.get_by_test_id("due-date").inner_text().startswith(clock.due_date.isoformat())


def test_wrong_password_is_refused_in_chinese(live_world, login, page):
    login("fengsheng_clerk", "Wrong-pass-1")
    assert "用户名或密码不正确" in page.get_by_test_id("login-error").inner_text()


def test_admin_opens_a_model_page(live_world, login, page):
    login("admin")
    page.wait_for_url("**/workbench/")
    page.goto(f"{page.base_url}/admin/core/town/")
    assert page.locator("text=丰盛镇").count() >= 1


def test_portal_works_on_a_phone(live_world, browser, live_server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    pg = context.new_page()
    pg.goto(f"{live_server.url}/")
    pg.click("text=丰盛镇")
    pg.wait_for_url("**/portal/fengsheng/")
    assert pg.locator("h1").inner_text() == "重庆市巴南区丰盛镇人民政府"
    context.close()
