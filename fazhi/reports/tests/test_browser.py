"""In Debian's Chromium: a clerk edits a paragraph, the leader approves and publishes, the DOCX
downloads, the report appears on the portal, and the district sees it submitted and the year locked."""

import io

import docx
import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_clerk_edits_leader_approves_docx_downloads_portal_shows(live_world, seed_figures, login, page):
    login("fengsheng_clerk")
    page.wait_for_url("**/workbench/")
    page.goto(f"{page.base_url}/reports/")
    page.fill("#id_year", "2023")
    page.click("[data-testid=create-report]")
    page.wait_for_selector("[data-testid=report-document]")
    assert "全年调处各类矛盾纠纷396起" in page.inner_text("[data-testid=report-document]")

    # the clerk edits the paragraph of part 二
    from fazhi.reports.models import Paragraph

    paragraph = Paragraph.objects.get(section=2)
    page.click(f"[data-testid=edit-{paragraph.pk}]")
    page.fill("#id_text", "镇党委书记、镇长亲自部署、亲自督办法治建设重要工作。")
    page.click("[data-testid=save-paragraph]")
    page.wait_for_selector("[data-testid=report-document]")
    assert "亲自部署、亲自督办法治建设重要工作" in page.inner_text("[data-testid=report-document]")
    report_url = page.url.split("#")[0]
    page.click("text=退出")

    # the leader approves, publishes and submits
    login("fengsheng_leader")
    page.wait_for_url("**/workbench/")
    page.goto(report_url)
    page.fill("form[action$='/approve/'] input[name=on]", "2024-02-20")
    page.click("[data-testid=action-approve]")
    page.wait_for_selector("[data-testid=report-status]:has-text('已审定')")
    page.fill("form[action$='/submit/'] input[name=on]", "2024-02-26")
    page.click("[data-testid=action-submit]")
    page.wait_for_selector("text=已报送区政府")
    page.fill("form[action$='/publish/'] input[name=on]", "2024-03-20")
    page.click("[data-testid=action-publish]")
    page.wait_for_selector("[data-testid=report-status]:has-text('已公开')")

    with page.expect_download() as info:
        page.click("[data-testid=download-docx]")
    download = info.value
    assert download.suggested_filename == "丰盛镇2023年法治政府建设情况报告.docx"
    texts = [p.text for p in docx.Document(io.BytesIO(open(download.path(), "rb").read())).paragraphs]
    assert "镇党委书记、镇长亲自部署、亲自督办法治建设重要工作。" in texts and texts[-1] == "2024年2月20日"
    page.click("text=退出")

    # the public portal, no login
    page.goto(f"{page.base_url}/portal/fengsheng/")
    page.click("text=法治政府建设年度报告")
    page.click("text=关于2023年法治政府建设情况的报告")
    page.wait_for_selector("[data-testid=report-document]")
    body = page.inner_text("[data-testid=report-document]")
    assert "亲自部署、亲自督办法治建设重要工作" in body and "重庆市巴南区丰盛镇人民政府" in body

    # the district sees it submitted on time, and the year locked
    login("banan_supervisor")
    page.wait_for_url("**/workbench/")
    page.goto(f"{page.base_url}/supervision/?year=2023")
    assert page.inner_text("[data-testid=state-fengsheng]") == "按时报送"
    assert page.locator("[data-testid=locked-fengsheng]").count() == 1


def test_the_report_page_works_on_a_phone(live_world, seed_figures, browser, live_server):
    from fazhi.reports.services import report_create

    report = report_create(actor=live_world.users["fengsheng_clerk"], town=live_world.fengsheng, year=2023)
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    pg = context.new_page()
    errors = []
    pg.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    pg.goto(f"{live_server.url}/login/")
    pg.fill("#id_username", "fengsheng_clerk")
    pg.fill("#id_password", "Fazhi@2023")
    pg.click("button[type=submit]")
    pg.wait_for_url("**/workbench/")
    pg.goto(f"{live_server.url}/reports/{report.pk}/")
    width = pg.evaluate("document.documentElement.scrollWidth")
    assert width <= 400
    context.close()
    assert not errors
