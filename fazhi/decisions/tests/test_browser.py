"""The 司法所 reviews a decision draft, the leader has it discussed and decides, a clerk publishes it."""

import datetime

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
D = datetime.date


def test_review_discuss_decide_publish(page, login, live_world):
    from fazhi.decisions import services
    from fazhi.decisions.models import Decision

    u = live_world.users
    clerk = u["fengsheng_clerk"]
    d = services.decision_create(actor=clerk, town=live_world.fengsheng, title="丰盛镇场镇停车秩序管理方案",
                                 category="policy", started_on=D(2026, 3, 2))
    services.decision_open_consultation(actor=clerk, decision=d, start=D(2026, 3, 3), end=D(2026, 4, 3), date=D(2026, 3, 3))
    services.decision_expert_opinion(actor=clerk, decision=d, not_required="专业性不强", date=D(2026, 3, 20))
    services.decision_risk_assessment(actor=clerk, decision=d, opinion="低风险", date=D(2026, 3, 25))
    url = f"{page.base_url}/decisions/{d.pk}/"

    login("fengsheng_reviewer")
    page.goto(url)
    page.select_option("#id_legality_review-result", "pass")
    page.fill("#id_legality_review-opinion", "合法。")
    page.click("[data-testid=do-legality_review]")
    # refused: the counsel's opinion is missing; the page says so and nothing changes
    assert "法律顾问意见" in page.text_content(".messages")
    assert page.text_content("[data-testid=status]") == "公开征求意见中"
    page.fill("#id_counsel_opinion-counsel", "镇法律顾问")
    page.fill("#id_counsel_opinion-opinion", "程序合法。")
    page.click("[data-testid=do-counsel_opinion]")
    page.select_option("#id_legality_review-result", "pass")
    page.click("[data-testid=do-legality_review]")
    assert page.text_content("[data-testid=status]") == "审查通过,待集体讨论"

    page.context.clear_cookies()
    login("fengsheng_leader")
    page.goto(url)
    page.select_option("#id_collective_discussion-result", "pass")
    page.fill("#id_collective_discussion-meeting", "镇政府常务会议")
    page.click("[data-testid=do-collective_discussion]")
    page.click("[data-testid=do-decide]")
    assert page.text_content("[data-testid=status]") == "已决定"

    page.context.clear_cookies()
    login("fengsheng_clerk")
    page.goto(url)
    assert page.locator("[data-testid=do-decide]").count() == 0
    page.click("[data-testid=do-publish]")
    assert page.text_content("[data-testid=status]") == "已公布"
    assert Decision.objects.get(pk=d.pk).status == "published"
    page.goto(f"{page.base_url}/portal/fengsheng/decisions/")
    assert "丰盛镇场镇停车秩序管理方案" in page.content()
