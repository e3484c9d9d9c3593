import datetime
import io

import pytest
from openpyxl import Workbook

from fazhi.core import ledgers
from fazhi.functions import services
from fazhi.functions.figures import figures
from fazhi.functions.ledgers import POWER_ITEMS, import_row
from fazhi.functions.models import ListChange, PowerItem

D = datetime.date
pytestmark = pytest.mark.django_db


def test_power_items_api_create_change_remove(api_as):
    client = api_as("fengsheng_clerk")
    r = client.post("/api/v1/power-items/", {"code": "CF-009", "name": "对乱倒垃圾的处罚", "category": "penalty",
                                             "unit": "综合行政执法办公室", "effective_on": "2026-01-05"}, format="json")
    assert r.status_code == 201, r.content
    pk = r.data["id"]
    r = client.patch(f"/api/v1/power-items/{pk}/", {"name": "对乱倒建筑垃圾的处罚"}, format="json")
    assert r.status_code == 400 and "理由" in r.data["detail"]
    r = client.patch(f"/api/v1/power-items/{pk}/", {"name": "对乱倒建筑垃圾的处罚", "reason": "名称规范",
                                                    "effective_on": "2026-03-01"}, format="json")
    assert r.status_code == 200 and r.data["changed_on"] == "2026-03-01"
    r = client.post(f"/api/v1/power-items/{pk}/remove/", {"reason": "上收区级", "date": "2026-06-01"}, format="json")
    assert r.status_code == 200 and r.data["removed_on"] == "2026-06-01"
    assert ListChange.objects.filter(item_code="CF-009").count() == 3


def test_only_clerks_and_leaders_edit_and_other_towns_are_404(api_as, power, world):
    item = power(town=world.mudong)
    r = api_as("fengsheng_officer").post("/api/v1/power-items/", {"code": "X", "name": "x", "category": "other",
                                                                   "unit": "y"}, format="json")
    assert r.status_code == 403
    assert api_as("fengsheng_clerk").get(f"/api/v1/power-items/{item.pk}/").status_code == 404


def test_service_guides_api(api_as, power):
    item = power()
    client = api_as("fengsheng_clerk")
    r = client.post("/api/v1/service-guides/", {"code": "ZN-9", "title": "规划许可办事指南", "power_item": item.pk,
                                                "materials": "申请书", "steps": "受理—审批", "place": "便民服务中心",
                                                "promised_limit": "10个工作日"}, format="json")
    assert r.status_code == 201, r.content
    assert client.get("/api/v1/service-guides/").status_code == 200


def _xlsx(rows):
    wb = Workbook()
    ws = wb.active
    ws.append([c.header for c in POWER_ITEMS.columns])
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_excel_import_adds_and_changes_and_is_all_or_nothing(world, clerk, power):
    power()
    good = _xlsx([
        ["XK-001", "乡村建设规划许可证核发", "行政许可", "规划建设管理环保办", "城乡规划法", "受理、审查", "不依法审查的"],
        ["CF-010", "对占道经营的处罚", "行政处罚", "综合行政执法办公室", "", "", ""],
    ])
    bad = _xlsx([["CF-011", "事项", "行政处理", "单位", "", "", ""], ["CF-012", "", "行政处罚", "单位", "", "", ""]])
    with pytest.raises(ledgers.LedgerErrors) as exc:
        ledgers.import_xlsx(POWER_ITEMS, bad, actor=clerk, town=world.fengsheng,
                            create=lambda row: import_row(row, town=world.fengsheng, actor=clerk))
    assert len(exc.value.errors) == 2
    assert PowerItem.objects.count() == 1
    ledgers.import_xlsx(POWER_ITEMS, good, actor=clerk, town=world.fengsheng,
                        create=lambda row: import_row(row, town=world.fengsheng, actor=clerk))
    assert PowerItem.objects.get(code="XK-001").unit == "规划建设管理环保办"
    assert ListChange.objects.filter(item_code="XK-001", action="change", reason="台账导入").exists()
    assert PowerItem.objects.filter(code="CF-010", category="penalty").exists()
    exported = ledgers.parse_xlsx(POWER_ITEMS, ledgers.export_xlsx(POWER_ITEMS, POWER_ITEMS.export_rows(world.fengsheng)))
    assert {r["code"] for r in exported} == {"XK-001", "CF-010"}


def test_import_page(client_as, world):
    client = client_as("fengsheng_clerk")
    data = _xlsx([["CF-010", "对占道经营的处罚", "行政处罚", "综合行政执法办公室", "", "", ""]])
    from django.core.files.uploadedfile import SimpleUploadedFile

    r = client.post("/functions/powers/import/", {"file": SimpleUploadedFile("list.xlsx", data)})
    assert r.status_code == 302
    assert PowerItem.objects.filter(town=world.fengsheng, code="CF-010").exists()


def test_portal_shows_current_version_and_history(power, clerk, client, world):
    item = power()
    gone = power("CF-001", name="已取消的处罚事项", category="penalty")
    services.power_item_remove(actor=clerk, item=gone, reason="事项取消", effective_on=D(2023, 5, 1))
    services.power_item_change(actor=clerk, item=item, reason="名称规范", name="乡村建设规划许可", effective_on=D(2023, 6, 1))
    html = client.get("/portal/fengsheng/lists/").content.decode()
    assert "乡村建设规划许可" in html and "乡村建设规划许可证核发" in html  # current name, and history row
    assert html.count('data-testid="power-item"') == 1
    assert "事项取消" in html and "名称规范" in html
    assert "乡村建设规划许可" not in client.get("/portal/mudong/lists/").content.decode()


def test_portal_guide_shows_commitment_certificates_without_applicants(power, clerk, client, world):
    guide = services.guide_create(actor=clerk, town=world.fengsheng, code="ZN-1", title="宅基地审批", power_item=power(),
                                  materials="申请表", steps="申请—审批", place="便民服务中心", promised_limit="15个工作日",
                                  effective_on=D(2023, 1, 5))
    cert = services.certificate_create(actor=clerk, guide=guide, name="无其他宅基地证明", verification="信息比对",
                                       effective_on=D(2023, 1, 5))
    services.commitment_record(actor=clerk, certificate=cert, applicant_name="王小明", committed_on=D(2023, 3, 1))
    html = client.get(f"/portal/fengsheng/guides/{guide.pk}/").content.decode()
    assert "无其他宅基地证明" in html and "15个工作日" in html and "王小明" not in html
    assert client.get("/portal/fengsheng/guides/").status_code == 200
    staff = client.get("/functions/commitments/")
    assert staff.status_code == 302  # login required


def test_commitments_page_masks_applicants(power, clerk, client_as, world):
    guide = services.guide_create(actor=clerk, town=world.fengsheng, code="ZN-1", title="宅基地审批", power_item=power(),
                                  materials="申请表", steps="申请—审批", place="便民服务中心", effective_on=D(2023, 1, 5))
    cert = services.certificate_create(actor=clerk, guide=guide, name="证明", verification="比对",
                                       effective_on=D(2023, 1, 5))
    services.commitment_record(actor=clerk, certificate=cert, applicant_name="王小明", committed_on=D(2023, 3, 1))
    html = client_as("fengsheng_clerk").get("/functions/commitments/").content.decode()
    assert "王*明" in html and "王小明" not in html


def test_figures(power, clerk, world):
    item = power()
    power("CF-001", category="penalty", on=D(2023, 3, 1))
    services.power_item_change(actor=clerk, item=item, reason="调整", unit="便民服务中心", effective_on=D(2023, 7, 1))
    f = figures(world.fengsheng, 2023)
    assert f["functions.power_items"] == 2 and f["functions.power_categories"] == 2
    assert f["functions.power_items.penalty"] == 1 and f["functions.power_items.reward"] == 0
    assert f["functions.list_changes"] == 3
    assert f["functions.last_change"] == "2023-07-01"
    assert figures(world.fengsheng, 2022)["functions.power_items"] == 0
    assert figures(world.mudong, 2023)["functions.power_items"] == 0
