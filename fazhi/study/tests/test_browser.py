"""A clerk records a study session and imports its attendance from Excel, in Chromium."""

import datetime

import pytest
from openpyxl import load_workbook

from fazhi.core.models import Unit
from fazhi.study import services
from fazhi.study.models import Attendance, StudySession

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_clerk_records_a_session_with_attendance_imported_from_excel(live_world, login, page, tmp_path):
    town = live_world.fengsheng
    clerk = live_world.users["fengsheng_clerk"]
    unit = Unit.objects.get(town=town, slug="dangzhengban")
    for name in ("王明", "刘建国", "李娜"):
        services.official_create(actor=clerk, town=town, name=name, unit=unit, joined_on=datetime.date(2020, 1, 1))
    services.official_create(actor=clerk, town=town, name="后到岗", unit=unit, joined_on=datetime.date(2023, 9, 1))

    login("fengsheng_clerk")
    page.wait_for_url("**/workbench/")
    page.goto(f"{page.base_url}/study/?year=2023")
    page.click("#new-session summary")
    form = page.locator("#new-session form")
    form.locator("input[name=date]").fill("2023-06-28")
    form.locator("select[name=form]").select_option("party_day")
    form.locator("input[name=title]").fill("七一主题党日:学习民法典")
    form.locator("input[name=texts]").fill("民法典、宪法")
    form.locator("input[name=speaker]").fill("陈静")
    form.locator("button[type=submit]").click()
    page.wait_for_url("**/study/sessions/*/")
    assert "七一主题党日:学习民法典" in page.locator("h1").inner_text()

    # The template lists the officials on staff that day; the clerk fills in 是/否 and uploads it.
    with page.expect_download() as download:
        page.click("text=下载出席名单模板")
    path = tmp_path / "出席名单.xlsx"
    download.value.save_as(path)
    wb = load_workbook(path)
    ws = wb.active
    names = [ws.cell(row=r, column=1).value for r in range(2, ws.max_row + 1)]
    assert sorted(names) == sorted(["王明", "刘建国", "李娜"])
    for r in range(2, ws.max_row + 1):
        absent = ws.cell(row=r, column=1).value == "刘建国"
        ws.cell(row=r, column=3).value = "否" if absent else "是"
        ws.cell(row=r, column=4).value = "参加区级会议" if absent else None
    wb.save(path)

    page.set_input_files("#id_file", str(path))
    page.click("button:has-text('导入出席名单')")
    page.wait_for_selector("text=已导入3行")
    table = page.get_by_test_id("attendance").inner_text()
    assert "参加区级会议" in table and "王明" in table
    assert "已登记 3 人,其中出席 2 人" in page.get_by_test_id("attendance-summary").inner_text()

    session = StudySession.objects.get(town=town)
    assert session.texts == ["民法典", "宪法"]
    assert Attendance.objects.filter(session=session, present=True).count() == 2


def test_a_bad_sheet_is_refused_row_by_row_and_nothing_is_kept(live_world, login, page, tmp_path):
    from openpyxl import Workbook

    town = live_world.fengsheng
    clerk = live_world.users["fengsheng_clerk"]
    services.official_create(actor=clerk, town=town, name="王明")
    session = services.session_create(actor=clerk, town=town, date=datetime.date(2023, 3, 1), form="lecture",
                                      title="专题讲座", texts="宪法")
    wb = Workbook()
    ws = wb.active
    ws.append(["姓名", "单位", "是否出席", "缺席原因"])
    ws.append(["王明", "", "是", ""])
    ws.append(["查无此人", "", "是", ""])
    path = tmp_path / "bad.xlsx"
    wb.save(path)

    login("fengsheng_clerk")
    page.wait_for_url("**/workbench/")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{page.base_url}/study/sessions/{session.pk}/")
    page.set_input_files("#id_file", str(path))
    page.click("button:has-text('导入出席名单')")
    page.wait_for_selector("text=花名册中没有“查无此人”")
    assert "第3行" in page.locator(".messages").inner_text()
    assert not Attendance.objects.exists()
