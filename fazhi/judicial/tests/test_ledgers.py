"""The litigation and reconsideration registers: the year's cases, a citizen's name masked,
downloaded by the town's staff and exported by ``manage.py ledger``."""

import datetime
import io

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from fazhi.core import ledgers as core_ledgers
from fazhi.judicial import services
from fazhi.judicial.models import Outcome

D = datetime.date
pytestmark = pytest.mark.django_db


def _rows(data: bytes):
    ws = load_workbook(io.BytesIO(data)).active
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    header = rows[0]
    return [dict(zip(header, row, strict=True)) for row in rows[1:]]


@pytest.fixture
def cases(make_litigation, make_reconsideration, clerk, users):
    answered = services.litigation_answer(actor=clerk, case=make_litigation(plaintiff="张三丰"), on=D(2024, 10, 9))
    make_litigation(number="(2024)渝0113行初2号", plaintiff="重庆某某建材有限公司", party_is_organisation=True)
    make_litigation(number="(2023)渝0113行初9号", served=D(2023, 6, 1), plaintiff="王五")
    services.litigation_create(actor=users["mudong_clerk"], town=users["mudong_clerk"].town, court="巴南区人民法院",
                               case_number="(2024)渝0113行初3号", plaintiff="木洞人", cause="行政处罚",
                               served_date=D(2024, 9, 2))
    recon = services.reconsideration_decide(actor=clerk, case=make_reconsideration(applicant="李四光"),
                                            decided_on=D(2024, 11, 20), outcome=Outcome.CORRECTED)
    return answered, recon


def test_the_ledgers_are_registered():
    assert {"judicial.litigation", "judicial.reconsideration"} <= set(core_ledgers.names())


def test_litigation_download_is_the_years_cases_of_the_town_masked(cases, client_as):
    r = client_as("fengsheng_clerk").get("/judicial/ledger/litigation.xlsx?year=2024")
    assert r.status_code == 200
    assert r["Content-Type"].startswith("application/vnd.openxmlformats")
    rows = _rows(r.content)
    assert [row["案号"] for row in rows] == ["(2024)渝0113行初1号", "(2024)渝0113行初2号"]
    by_number = {row["案号"]: row for row in rows}
    person = by_number["(2024)渝0113行初1号"]
    assert person["原告"] == "张*丰"
    assert person["答辩期限届满日"].date() == D(2024, 10, 8)
    assert person["按期答辩"] == "否" and person["状态"] == "已答辩"
    assert by_number["(2024)渝0113行初2号"]["原告"] == "重庆某某建材有限公司"
    assert not any("张三丰" in str(v) for row in rows for v in row.values())
    rows_2023 = _rows(client_as("fengsheng_clerk").get("/judicial/ledger/litigation.xlsx?year=2023").content)
    assert [(row["案号"], row["原告"]) for row in rows_2023] == [("(2023)渝0113行初9号", "王*")]


def test_reconsideration_download_masks_the_applicant(cases, client_as):
    rows = _rows(client_as("fengsheng_leader").get("/judicial/ledger/reconsideration.xlsx?year=2024").content)
    assert len(rows) == 1
    assert rows[0]["申请人"] == "李*光"
    assert rows[0]["结果"] == "纠正" and rows[0]["状态"] == "已决定"


def test_other_town_downloads_only_its_own_cases(cases, client_as):
    rows = _rows(client_as("mudong_clerk").get("/judicial/ledger/litigation.xlsx?year=2024").content)
    assert [row["案号"] for row in rows] == ["(2024)渝0113行初3号"]


def test_district_supervisor_and_anonymous_cannot_download(cases, client_as, client):
    assert client.get("/judicial/ledger/litigation.xlsx").status_code == 302  # to the login page
    assert client_as("banan_supervisor").get("/judicial/ledger/litigation.xlsx").status_code == 403
    assert client_as("fengsheng_clerk").get("/judicial/ledger/nothing.xlsx").status_code == 404


def test_index_links_the_downloads_for_town_staff_only(cases, client_as):
    page = client_as("fengsheng_clerk").get("/judicial/?year=2024").content.decode()
    assert "/judicial/ledger/litigation.xlsx?year=2024" in page
    assert "/judicial/ledger/reconsideration.xlsx?year=2024" in page
    assert "ledger/litigation.xlsx" not in client_as("banan_supervisor").get("/judicial/").content.decode()


def test_manage_py_ledger_export_is_masked(cases, world, tmp_path, today):
    today(D(2024, 12, 1))  # the command exports the current year
    out = tmp_path / "litigation.xlsx"
    call_command("ledger", "export", "judicial.litigation", "--town", world.fengsheng.slug, "--output", str(out))
    rows = _rows(out.read_bytes())
    assert sorted(row["案号"] for row in rows) == ["(2024)渝0113行初1号", "(2024)渝0113行初2号"]
    assert "张*丰" in [row["原告"] for row in rows]
    out = tmp_path / "reconsideration.xlsx"
    call_command("ledger", "export", "judicial.reconsideration", "--town", world.fengsheng.slug,
                 "--output", str(out))
    assert [row["申请人"] for row in _rows(out.read_bytes())] == ["李*光"]


def test_ledger_command_exports_a_past_year(world, clerk, make_litigation, tmp_path):
    import openpyxl
    from django.core.management import CommandError, call_command

    make_litigation(served=datetime.date(2024, 9, 20))
    out = tmp_path / "2024.xlsx"
    call_command("ledger", "export", "judicial.litigation", "--town", "fengsheng", "--year", "2024",
                 "--output", str(out))
    sheet = openpyxl.load_workbook(out).active
    assert sheet.max_row == 2  # the header and the 2024 case
    with pytest.raises(CommandError, match="不按年度"):
        call_command("ledger", "export", "core.villages", "--town", "fengsheng", "--year", "2024",
                     "--output", str(tmp_path / "v.xlsx"))
