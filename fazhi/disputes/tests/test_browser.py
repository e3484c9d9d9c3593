"""In Debian's Chromium: a grid worker reports a dispute on a phone; a mediator settles one and
downloads the agreement."""

import datetime
import io
import re

import pytest
from docx import Document

from fazhi.core import orgs
from fazhi.core.demo import DEMO_PASSWORD
from fazhi.disputes import services
from fazhi.disputes.models import Dispute, Status

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_grid_worker_reports_a_dispute_on_a_phone(live_world, login, page):
    page.set_viewport_size({"width": 390, "height": 844})
    login("fengsheng_grid")
    page.wait_for_url("**/workbench/")
    page.goto(f"{page.base_url}/disputes/")
    page.get_by_test_id("new-dispute").click()
    page.wait_for_url("**/disputes/new/")
    page.select_option("#id_category", "neighbour")
    page.fill("#id_title", "排水沟堵塞引发争执")
    page.fill("#id_description", "两户因排水沟堵塞发生争执,情绪激动。")
    page.select_option("#id_risk_level", "attention")
    page.fill("#id_p1_name", "张三")
    page.fill("#id_p1_phone", "13812345678")
    page.fill("#id_p2_name", "李四")
    # Nothing is wider than the phone's screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.click("button[type=submit].primary")
    page.wait_for_url(re.compile(r"/disputes/\d+/$"))
    d = Dispute.objects.get()
    assert page.get_by_test_id("status").inner_text() == "已登记"
    assert d.grid_id == live_world.users["fengsheng_grid"].grid_id and d.source == "grid"
    assert "138****5678" in page.content() and "13812345678" not in page.content()


def test_mediator_settles_and_downloads_the_agreement(live_world, login, page):
    users = live_world.users
    grid = users["fengsheng_grid"].grid
    mediator = orgs.user_create(username="fs_village_med", password=DEMO_PASSWORD, display_name="周调解",
                                roles=["mediator"], village=grid.village)
    day = datetime.date.today() - datetime.timedelta(days=5)
    d = services.dispute_create(actor=users["fengsheng_clerk"], town=live_world.fengsheng, source="visit",
                                category="housing", received_date=day, title="宅基地界址纠纷",
                                description="两户宅基地界址不清。", grid=grid, amount=8000,
                                parties=[{"name": "王五", "role": "applicant", "id_number": "110101199003074514"},
                                         {"name": "赵六", "role": "respondent"}])
    services.dispute_accept(actor=users["fengsheng_clerk"], dispute=d, date=day)
    services.dispute_assign(actor=users["fengsheng_clerk"], dispute=d, mediator=mediator, date=day)
    services.dispute_record_session(actor=mediator, dispute=d, record="现场勘查,双方陈述。", date=day)

    login("fs_village_med")
    page.wait_for_url("**/workbench/")
    page.goto(f"{page.base_url}/disputes/{d.pk}/")
    page.get_by_test_id("action-settle").click()
    page.fill("#settle-facts", "双方宅基地相邻,界址不清,各有责任。")
    page.fill("#settle-terms", "以原界桩为准重新埋设界桩,赵六补偿王五8000元。")
    page.fill("#settle-performance", "本协议签订之日起十日内付清。")
    page.fill("#settle-amount", "8000")
    page.get_by_test_id("submit-settle").click()
    page.wait_for_selector("text=已调解成功")
    assert page.get_by_test_id("status").inner_text() == "调解成功"
    d.refresh_from_db()
    assert d.status == Status.SETTLED

    with page.expect_download() as info:
        page.get_by_test_id("agreement").click()
    download = info.value
    assert download.suggested_filename == f"agreement-{d.code}.docx"
    text = "\n".join(p.text for p in Document(io.BytesIO(open(download.path(), "rb").read())).paragraphs)
    assert "人民调解协议书" in text and "赵六补偿王五8000元" in text and "司法确认" in text
