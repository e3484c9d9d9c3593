"""A clerk changes a service guide in the browser; the portal shows the new version and its history."""

import datetime

import pytest
from django.utils import timezone

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_clerk_changes_a_guide_and_the_portal_shows_the_new_version(live_world, login, page):
    from fazhi.functions import services

    clerk = live_world.users["fengsheng_clerk"]
    item = services.service_item_create(actor=clerk, town=live_world.fengsheng, code="GG-001", name="人民调解",
                                        unit="司法所", effective_on=datetime.date(2026, 1, 5))
    guide = services.guide_create(actor=clerk, town=live_world.fengsheng, code="ZN-001", title="人民调解申请",
                                  service_item=item, materials="1.调解申请书\n2.身份证明", steps="申请—受理—调解",
                                  place="丰盛镇司法所", promised_limit="15个工作日", effective_on=datetime.date(2026, 1, 5))

    login("fengsheng_clerk")
    page.goto(f"{page.base_url}/functions/")
    page.click("text=人民调解申请")
    page.wait_for_url(f"**/functions/guides/{guide.pk}/")
    form = page.locator("[data-testid=change-form]")
    form.locator("[name=promised_limit]").fill("3个工作日")
    form.locator("[name=reason]").fill("压缩承诺时限")
    form.locator("button[type=submit]").click()
    page.wait_for_url(f"**/functions/guides/{guide.pk}/")
    assert "已调整办事指南" in page.locator(".messages").inner_text()
    versions = page.locator("[data-testid=version]")
    assert versions.count() == 2
    assert "压缩承诺时限" in versions.first.inner_text()
    # The textarea came back with CRLF: only the time limit was recorded as changed.
    assert "申请材料" not in versions.first.inner_text()

    page.click("text=门户公开页")
    page.wait_for_url(f"**/portal/fengsheng/guides/{guide.pk}/")
    facts = page.locator("dl.facts").inner_text()
    assert "3个工作日" in facts and "15个工作日" not in facts
    history = page.locator("[data-testid=guide-version]")
    assert history.count() == 2
    latest = history.first.inner_text()
    today = timezone.localdate().isoformat()
    assert today in latest and "压缩承诺时限" in latest and "15个工作日 → 3个工作日" in latest

    page.goto(f"{page.base_url}/portal/fengsheng/lists/")
    assert "压缩承诺时限" in page.locator("[data-testid=list-change]").first.inner_text()
    # The phone width still shows the guide page.
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(f"{page.base_url}/functions/guides/{guide.pk}/")
    assert page.locator("[data-testid=change-form]").is_visible()
