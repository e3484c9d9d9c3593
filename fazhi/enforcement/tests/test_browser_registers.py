"""A town leader keeps the 执法事项 and 裁量基准 on the staff pages in Chromium, at desktop size
and on a phone."""

import re

import pytest

from fazhi.core.models import AuditEvent, Unit
from fazhi.enforcement.models import Benchmark, Matter

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_leader_adds_a_matter_and_a_benchmark(live_world, login, page):
    unit = Unit.objects.get(town=live_world.fengsheng, slug="zhifaban")
    login("fengsheng_leader")
    page.wait_for_url("**/workbench/")
    page.goto(f"{page.base_url}/enforcement/officers/")
    page.get_by_test_id("new-matter").click()
    page.wait_for_url("**/enforcement/matters/new/")
    page.fill("#id_name", "违规设置户外广告")
    page.select_option("#id_category", "penalty")
    page.fill("#id_legal_basis", "《重庆市市容环境卫生管理条例》第二十条")
    page.select_option("#id_unit", str(unit.pk))
    page.fill("#id_power_list_ref", "XZCF-0901")
    page.check("#id_requires_legal_review")
    page.click("main button.primary")
    page.wait_for_url("**/enforcement/officers/")
    matters = page.get_by_test_id("matters")
    assert "违规设置户外广告" in matters.inner_text() and "重大执法决定" in matters.inner_text()
    matter = Matter.objects.get(name="违规设置户外广告")
    assert matter.requires_legal_review and matter.town_id == live_world.fengsheng.pk

    # The benchmark from the matter's row: the matter is preselected.
    matters.locator("tr", has_text="违规设置户外广告").get_by_role("link", name="添加裁量基准").click()
    page.wait_for_url(re.compile(r"/enforcement/benchmarks/new/\?matter=\d+$"))
    assert page.locator("#id_matter").input_value() == str(matter.pk)
    page.fill("#id_violation", "未经批准设置户外广告")
    page.select_option("#id_circumstance", "ordinary")
    page.select_option("#id_penalty_type", "fine")
    page.fill("#id_fine_min", "2000")
    page.fill("#id_fine_max", "500")
    page.click("main button.primary")
    # A refusal stays on the form with its Chinese reason, and saves nothing.
    assert "罚款上限不能低于下限" in page.locator("main").inner_text()
    assert not Benchmark.objects.exists()
    page.fill("#id_fine_max", "10000")
    page.click("main button.primary")
    page.wait_for_url("**/enforcement/officers/")
    benchmarks = page.get_by_test_id("benchmarks")
    assert "罚款2000.00元至10000.00元" in benchmarks.inner_text()

    # Edit it: the new range shows and the change is audited.
    benchmarks.locator("tr", has_text="未经批准设置户外广告").get_by_role("link", name="修改").click()
    page.wait_for_url(re.compile(r"/enforcement/benchmarks/\d+/edit/$"))
    page.fill("#id_fine_max", "20000")
    page.click("main button.primary")
    page.wait_for_url("**/enforcement/officers/")
    assert "罚款2000.00元至20000.00元" in page.get_by_test_id("benchmarks").inner_text()
    benchmark = Benchmark.objects.get(matter=matter)
    assert AuditEvent.objects.filter(action="benchmark.update", object_id=str(benchmark.pk)).exists()


def test_matter_form_on_a_phone(live_world, login, page):
    page.set_viewport_size({"width": 390, "height": 844})
    login("fengsheng_clerk")
    page.wait_for_url("**/workbench/")
    page.goto(f"{page.base_url}/enforcement/matters/new/")
    assert page.locator("h1").inner_text() == "登记执法事项"
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1
