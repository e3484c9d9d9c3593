"""An officer takes a general-procedure case from 立案 to 结案 in Chromium, and the decision
appears on the portal with the party's personal data masked."""

import datetime
import re

import pytest

from fazhi.core.models import Unit, User
from fazhi.enforcement import services

from .conftest import ID_NUMBER

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_officer_general_procedure_to_closing_and_masked_portal(live_world, login, page):
    town = live_world.fengsheng
    unit = Unit.objects.get(town=town, slug="zhifaban")
    leader = User.objects.get(username="fengsheng_leader")
    officers = [services.officer_create(actor=leader, unit=unit, name=name, certificate_number=number,
                                        valid_from=datetime.date(2021, 1, 1), valid_until=datetime.date(2030, 12, 31))
                for name, number in (("王强", "渝执B001"), ("何勇", "渝执B002"))]
    today = datetime.date.today()

    def day(n):
        return (today - datetime.timedelta(days=n)).isoformat()

    login("fengsheng_officer")
    page.wait_for_url("**/workbench/")
    page.goto(f"{page.base_url}/enforcement/")
    page.get_by_test_id("new-case").click()
    page.wait_for_url("**/enforcement/new/")
    page.select_option("#id_procedure", "general")
    page.select_option("#id_unit", str(unit.pk))
    page.select_option("#id_party_type", "natural_person")
    page.fill("#id_party_name", "张三丰")
    page.fill("#id_id_number", ID_NUMBER)
    page.fill("#id_violation", "擅自占用道路经营")
    page.fill("#id_occurred_date", day(40))
    page.fill("#id_filed_date", day(38))
    for officer in officers:
        page.check(f"input[name=officers][value='{officer.pk}']")
    page.click("main button.primary")
    page.wait_for_url(re.compile(r"/enforcement/\d+/$"))
    assert page.get_by_test_id("status").inner_text() == "已立案"
    assert page.locator("text=作出行政处罚决定").count() >= 1  # the 90-day clock

    def act(name, date, **fields):
        form = page.locator(f"form[data-testid=form-{name}]")
        details = page.locator(f"details[data-action={name}]")
        if not details.evaluate("e => e.open"):
            details.locator("summary").click()
        form.locator("[name=date]").fill(date)
        for key, value in fields.items():
            el = form.locator(f"[name={key}]")
            if value is True:
                el.check()
            elif el.evaluate("e => e.tagName") == "SELECT":
                el.select_option(value)
            else:
                el.fill(value)
        form.locator("button[type=submit]").click()
        page.wait_for_load_state()

    act("investigate", day(35), findings="现场占道经营,有照片为证", certificates_shown=True)
    assert page.get_by_test_id("status").inner_text() == "调查取证完毕"
    act("notify", day(30), penalty_type="fine", fine_amount="1000")
    assert page.get_by_test_id("status").inner_text() == "已告知"
    act("decide", day(20), decision_number="丰盛执罚〔2026〕1号")
    assert page.get_by_test_id("status").inner_text() == "已送达"
    act("publish", day(18))
    assert page.get_by_test_id("published").is_visible()
    act("record-payment", day(10), amount="1000")
    assert page.get_by_test_id("status").inner_text() == "已执行"
    act("close", day(9))
    assert page.get_by_test_id("status").inner_text() == "已结案"

    page.goto(f"{page.base_url}/portal/{town.slug}/enforcement/")
    table = page.get_by_test_id("decisions")
    assert "丰盛执罚〔2026〕1号" in table.inner_text()
    assert "张*丰" in table.inner_text()
    assert "张三丰" not in page.content() and ID_NUMBER not in page.content()
    page.click("text=丰盛执罚〔2026〕1号")
    assert page.get_by_test_id("party").inner_text().startswith("张*丰")
    assert ID_NUMBER not in page.content()


def test_case_page_on_a_phone(live_world, browser, live_server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    pg = context.new_page()
    pg.goto(f"{live_server.url}/portal/fengsheng/enforcement/")
    assert "行政执法公示" in pg.locator("h1").inner_text()
    context.close()
