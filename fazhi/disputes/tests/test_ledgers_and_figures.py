import datetime
import io

from django.core.management import call_command
from openpyxl import Workbook, load_workbook

from fazhi.core import ledgers
from fazhi.disputes import services
from fazhi.disputes.figures import figures
from fazhi.disputes.models import Dispute, Level
from fazhi.disputes.selectors import dispute_list

D = datetime.date


def test_escalating_disputes_come_first_for_the_leader(make_dispute, users):
    make_dispute(title="一般")
    hot = make_dispute(title="激化", risk_level="escalating", received_date=D(2026, 10, 1))
    make_dispute(title="关注", risk_level="attention")
    titles = [d.title for d in dispute_list(users["fengsheng_leader"])]
    assert titles[0] == hot.title and titles[1] == "关注"
    page = __import__("django.test", fromlist=["Client"]).Client()
    page.force_login(users["fengsheng_leader"])
    html = page.get("/disputes/").content.decode()
    assert html.index("激化") < html.index("关注") < html.index("一般")


def test_linkage_statistics_show_who_sent_and_who_settled(mediating, users, court, make_dispute):
    services.dispute_escalate(actor=users["fengsheng_mediator"], dispute=mediating, reason="村调未果",
                              mediator=users["fengsheng_mediator"], date=D(2026, 11, 6))
    d = services.dispute_escalate(actor=users["fengsheng_mediator"], dispute=mediating, reason="诉前调解",
                                  linkage_body=court, mediator=users["fengsheng_mediator"], date=D(2026, 11, 6))
    services.dispute_record_session(actor=users["fengsheng_mediator"], dispute=d, record="法院联动调解",
                                    date=D(2026, 11, 7))
    services.dispute_settle(actor=users["fengsheng_mediator"], dispute=d, facts="f", terms="t", performance="p",
                            date=D(2026, 11, 8))
    make_dispute(source="court", source_body=court)
    f = figures(users["fengsheng_clerk"].town, 2026)
    assert f["disputes.settled_by_linkage_body"] == {"巴南区人民法院": 1}
    assert f["disputes.received_from_linkage_body"] == {"巴南区人民法院": 1}
    assert f["disputes.by_level"] == {str(Level.LINKAGE.label): 1}


def test_ledger_command_export_and_import(tmp_path, make_dispute, world):
    make_dispute()
    out = tmp_path / "cases.xlsx"
    call_command("ledger", "export", "disputes.cases", "--town", "fengsheng", "--output", str(out))
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert rows[0][0] == "编号" and rows[1][0] == "2026-0001" and rows[1][7] == "张*"

    ledger = ledgers.get("disputes.screening")
    wb = Workbook()
    wb.active.append([c.header for c in ledger.columns])
    wb.active.append(["2026-11-03", "双碑村", "", "婚姻家庭纠纷", "赡养", "赡养老人", "王五", "", "", "王六", "", 0, 3,
                      "需关注"])
    path = tmp_path / "screening.xlsx"
    wb.save(path)
    call_command("ledger", "import", "disputes.screening", "--town", "fengsheng", str(path), stdout=io.StringIO())
    d = Dispute.objects.get(title="赡养")
    assert d.village.name == "双碑村" and d.risk_level == "attention" and d.grid_id is None
