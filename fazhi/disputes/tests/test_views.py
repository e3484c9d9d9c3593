import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from docx import Document
from openpyxl import Workbook, load_workbook

from fazhi.core import ledgers
from fazhi.disputes import services
from fazhi.disputes.figures import figures
from fazhi.disputes.models import Dispute, Status

D = datetime.date


def _settled(mediating, village_mediator, on=None):
    on = on or D(2026, 11, 10)
    return services.dispute_settle(actor=village_mediator, dispute=mediating, facts="排水沟堵塞,双方各有责任。",
                                   terms="李四疏通排水沟并赔偿张三3000元。", performance="2026年11月30日前付清。",
                                   agreement_amount=3000, date=on)


def test_grid_worker_registers_from_the_form(client_as, users):
    c = client_as("fengsheng_grid")
    page = c.get("/disputes/new/")
    assert page.status_code == 200
    r = c.post("/disputes/new/", {
        "source": "grid", "category": "neighbour", "received_date": "2026-11-20", "title": "噪音纠纷",
        "description": "夜间噪音", "amount": "0", "people_involved": "2", "risk_level": "low",
        "p1_name": "张三", "p1_role": "applicant", "p1_phone": "13812345678", "p1_id_number": "",
        "p2_name": "李四", "p2_role": "respondent", "p2_phone": "", "p2_id_number": "",
        "p3_role": "third",
    })
    d = Dispute.objects.get()
    assert r.status_code == 302 and r["Location"] == f"/disputes/{d.pk}/"
    assert d.grid_id == users["fengsheng_grid"].grid_id and d.source == "grid"


def test_form_shows_chinese_refusal(client_as):
    r = client_as("fengsheng_clerk").post("/disputes/new/", {
        "source": "court", "category": "neighbour", "received_date": "2026-11-20", "title": "t", "description": "d",
        "people_involved": "2", "risk_level": "low", "p1_name": "张三", "p1_role": "applicant",
        "p2_name": "李四", "p2_role": "respondent", "p3_role": "third"})
    assert r.status_code == 200 and "移交单位" in r.content.decode()
    assert not Dispute.objects.exists()


def test_case_page_and_actions(client_as, mediating, village_mediator):
    c = client_as("fengsheng_clerk")
    page = c.get(f"/disputes/{mediating.pk}/").content.decode()
    assert mediating.code in page and "110101199003074514" in page  # clear inside the case for the clerk
    c.force_login(village_mediator)
    r = c.post(f"/disputes/{mediating.pk}/act/settle/", {"date": "2026-11-10", "facts": "f", "terms": "t",
                                                         "performance": "p", "form": "written"})
    assert r.status_code == 302
    mediating.refresh_from_db()
    assert mediating.status == Status.SETTLED
    r = c.post(f"/disputes/{mediating.pk}/act/close/", {"date": "2026-11-11"}, follow=True)
    assert "应先回访" in r.content.decode()


def test_grid_worker_page_masks(client_as, mediating):
    page = client_as("fengsheng_grid").get(f"/disputes/{mediating.pk}/").content.decode()
    assert "110101199003074514" not in page and "110101********4514" in page


def test_agreement_docx_has_the_contents_of_article_29(client_as, mediating, village_mediator):
    d = _settled(mediating, village_mediator)
    c = client_as("fengsheng_clerk")
    r = c.get(f"/disputes/{d.pk}/agreement.docx")
    assert r.status_code == 200
    text = "\n".join(p.text for p in Document(io.BytesIO(r.content)).paragraphs)
    for expected in ("人民调解协议书", d.code, "申请人:张三", "110101199003074514",          # (一) 当事人基本情况
                     "纠纷的主要事实、争议事项以及各方当事人的责任", "排水沟堵塞,双方各有责任。",  # (二)
                     "李四疏通排水沟并赔偿张三3000元。", "履行方式和期限", "2026年11月30日前付清。",  # (三)
                     "加盖人民调解委员会印章之日起生效", "三十日内(即2026年12月10日前)", "司法确认",
                     "丰盛镇丰盛社区人民调解委员会", "一式三份"):
        assert expected in text, expected


def test_no_agreement_for_oral_or_unsettled(client_as, mediating, village_mediator):
    c = client_as("fengsheng_clerk")
    assert c.get(f"/disputes/{mediating.pk}/agreement.docx").status_code == 404
    services.dispute_settle(actor=village_mediator, dispute=mediating, facts="f", terms="t", form="oral",
                            date=D(2026, 11, 10))
    assert c.get(f"/disputes/{mediating.pk}/agreement.docx").status_code == 404


def test_figures_count_concluded_in_the_year(make_dispute, mediating, village_mediator, users):
    _settled(mediating, village_mediator)
    make_dispute()  # registered only: not mediated
    f = figures(users["fengsheng_clerk"].town, 2026)
    assert (f["disputes.received"], f["disputes.mediated"], f["disputes.settled"]) == (2, 1, 1)
    assert f["disputes.settlement_rate"] == 100.0
    assert f["disputes.by_category"] == {"邻里纠纷": 1}
    assert f["disputes.by_level"] == {"村/社区调委会": 1}
    assert figures(users["fengsheng_clerk"].town, 2025)["disputes.mediated"] == 0


def test_statistics_export(client_as, mediating, village_mediator):
    _settled(mediating, village_mediator)
    r = client_as("fengsheng_clerk").get("/disputes/statistics/2026.xlsx")
    wb = load_workbook(io.BytesIO(r.content))
    rows = list(wb["按调委会类型"].iter_rows(values_only=True))
    assert rows[1][:5] == ("调委会类型", "受理数", "调结数", "调解成功数", "成功率(%)")
    community = next(r for r in rows if r[0] == "居(社区)调委会")
    assert community[1:5] == (1, 1, 1, 100.0)
    total = rows[-1]
    assert total[0] == "合计" and total[7] == 3000
    cats = {r[0]: r for r in wb["按纠纷类型"].iter_rows(values_only=True)}
    assert cats["邻里纠纷"][1:3] == (1, 1)


def test_ledger_export_masks(client_as, make_dispute):
    make_dispute()
    r = client_as("fengsheng_clerk").get("/disputes/ledger.xlsx")
    wb = load_workbook(io.BytesIO(r.content))
    values = [c for row in wb.active.iter_rows(values_only=True) for c in row if c]
    assert "张*" in values and "张三" not in values


def _screening_file(rows):
    ledger = ledgers.get("disputes.screening")
    wb = Workbook()
    ws = wb.active
    ws.append([c.header for c in ledger.columns])
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    out.seek(0)
    out.name = "screening.xlsx"
    return out


def test_screening_import_all_or_nothing(client_as):
    good = ["2026-11-01", "丰盛社区", "第一网格", "邻里纠纷", "噪音", "夜间噪音", "张三", "110101199003074514",
            "13812345678", "李四", "", 0, 2, "一般"]
    bad = ["2026-11-02", "不存在村", "", "邻里纠纷", "噪音", "夜间噪音", "王五", "", "", "赵六", "", 0, 2, "一般"]
    c = client_as("fengsheng_clerk")
    r = c.post("/disputes/import/", {"file": _screening_file([good, bad])})
    assert "第3行" in r.content.decode() and not Dispute.objects.exists()
    r = c.post("/disputes/import/", {"file": _screening_file([good])})
    assert r.status_code == 302
    d = Dispute.objects.get()
    assert d.source == "grid" and d.grid.name == "第一网格"


def test_portal_request_and_track(client, world):
    r = client.post("/portal/fengsheng/mediation/", {"name": "王小明", "phone": "13900001111", "respondent": "李大",
                                                     "category": "neighbour", "title": "漏水", "description": "楼上漏水"})
    d = Dispute.objects.get()
    assert d.source == "portal" and d.code in r.content.decode()
    r = client.post("/portal/fengsheng/mediation/track/", {"code": d.code, "phone": "13900001111"})
    assert "已登记" in r.content.decode()
    r = client.post("/portal/fengsheng/mediation/track/", {"code": d.code, "phone": "13900002222"})
    assert "没有找到" in r.content.decode() and "王小明" not in r.content.decode()
    assert client.post("/portal/mudong/mediation/track/", {"code": d.code, "phone": "13900001111"}).content.decode().count("已登记") == 0


def test_index_query_count_is_flat(make_dispute, client_as):
    c = client_as("fengsheng_clerk")
    counts = []
    for n in (3, 27):
        for _ in range(n):
            make_dispute()
        with CaptureQueriesContext(connection) as ctx:
            assert c.get("/disputes/").status_code == 200
        counts.append(len(ctx))
    assert counts[0] == counts[1]


def test_statistics_only_for_the_whole_town(client_as, users, village_mediator, client):
    assert client_as("fengsheng_grid").get("/disputes/statistics/2026.xlsx").status_code == 404
    client.force_login(village_mediator)
    assert client.get("/disputes/statistics/2026.xlsx").status_code == 404
    c = client_as("banan_supervisor")
    assert c.get("/disputes/statistics/2026.xlsx").status_code == 404
    assert c.get("/disputes/statistics/2026.xlsx?town=fengsheng").status_code == 200


@pytest.mark.parametrize("url", ["/admin/disputes/dispute/", "/admin/disputes/session/", "/admin/grid/gridevent/",
                                 "/admin/grid/gridassignment/", "/admin/safety/hazard/", "/admin/safety/accident/",
                                 "/admin/safety/patrol/"])
def test_admin_pages_open(client_as, make_dispute, url):
    make_dispute()
    assert client_as("admin").get(url).status_code == 200


def test_admin_cannot_register_without_a_town(client_as):
    assert client_as("admin").get("/disputes/new/").status_code == 404
