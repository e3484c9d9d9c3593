"""Ledgers (台账): all-or-nothing import with every bad cell named, masked export, the command."""

import datetime
import decimal
import io
import zipfile
from io import StringIO

import openpyxl
import pytest
from django.core.management import CommandError, call_command
from django.db import models

from fazhi.core import ledgers
from fazhi.core.errors import DomainError
from fazhi.core.ledgers import Column, ColumnType, Ledger, LedgerErrors
from fazhi.core.models import AuditEvent, Grid, Village
from fazhi.core.personal import Kind, id_number_check_char

HEADERS = ["村/社区", "类型", "统计用区划代码", "网格", "户数"]


def _xlsx(rows, headers=HEADERS) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(headers)
    for row in rows:
        ws.append(list(row))
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _counts():
    return Village.objects.count(), Grid.objects.count(), AuditEvent.objects.count()


def _import_villages(data, town, actor="测试"):
    return ledgers.import_xlsx(
        ledgers.VILLAGES, data, actor=actor, town=town,
        create=lambda row: ledgers.village_row_import(row, town=town, actor=actor),
    )


def _errors(exc_info) -> set[tuple[int, str]]:
    return {(e.row, e.column) for e in exc_info.value.errors}


# --- core.villages --------------------------------------------------------------------------


def test_villages_export_then_import_into_another_town_recreates_them(world):
    data = ledgers.export_xlsx(ledgers.VILLAGES, ledgers.VILLAGES.export_rows(world.fengsheng))

    _import_villages(data, world.mudong)

    def picture(town):
        return sorted(
            (g.village.name, g.village.kind, g.name, g.households)
            for g in Grid.objects.filter(town=town).select_related("village")
        )

    assert {"丰盛社区", "双碑村", "白鹤村", "桥上村"} <= set(Village.objects.filter(town=world.mudong).values_list("name", flat=True))
    fengsheng = picture(world.fengsheng)
    assert [p for p in picture(world.mudong) if p[0] in {"丰盛社区", "双碑村", "白鹤村", "桥上村"}] == fengsheng
    assert Village.objects.get(town=world.mudong, name="丰盛社区").kind == Village.Kind.COMMUNITY


def test_villages_created_by_import_get_stable_ascii_slugs_and_audit_events(world):
    data = _xlsx([("新华村", "村", "500113108201", "第一网格", 120)])
    before = AuditEvent.objects.count()

    _import_villages(data, world.fengsheng, actor="台账导入测试")

    village = Village.objects.get(town=world.fengsheng, name="新华村")
    assert village.slug.startswith("v-") and village.slug.isascii() and village.code == "500113108201"
    grid = Grid.objects.get(village=village)
    assert (grid.name, grid.households, grid.town_id) == ("第一网格", 120, world.fengsheng.pk)
    actions = list(AuditEvent.objects.order_by("id").values_list("action", flat=True)[before:])
    assert actions == ["village.create", "grid.create", "ledger.import"]
    assert AuditEvent.objects.order_by("-id").first().actor_label == "台账导入测试"


def test_importing_an_export_of_the_same_town_changes_nothing_but_the_import_record(world):
    data = ledgers.export_xlsx(ledgers.VILLAGES, ledgers.VILLAGES.export_rows(world.fengsheng))
    villages, grids, events = _counts()

    _import_villages(data, world.fengsheng)

    assert _counts() == (villages, grids, events + 1)


def test_export_writes_one_row_per_grid_and_kind_as_its_chinese_label(world):
    data = ledgers.export_xlsx(ledgers.VILLAGES, ledgers.VILLAGES.export_rows(world.fengsheng))
    ws = openpyxl.load_workbook(io.BytesIO(data)).active

    rows = list(ws.iter_rows(values_only=True))
    assert list(rows[0]) == HEADERS
    assert ("丰盛社区", "社区", None, "第一网格", 180) in rows
    assert len(rows) == 1 + 8


def test_an_import_with_bad_rows_reports_each_and_writes_nothing(world):
    data = _xlsx([
        ("新华村", "村", "", "第一网格", 100),  # row 2: fine on its own
        ("", "村", "", "第一网格", 100),  # row 3: village missing
        ("红星村", "镇", "", "第一网格", 100),  # row 4: not a kind of village
        ("红星村", "村", "12345", "第一网格", 100),  # row 5: code not 12 digits
        ("红星村", "村", "", "第二网格", "很多"),  # row 6: households not a number
        (None, None, None, None, None),  # row 7: blank, skipped
        ("新华村", "村", "", "第一网格", 100),  # row 8: the same grid as row 2
        ("新华村", "村", "", "", 30),  # row 9: households without a grid
    ])
    before = _counts()

    with pytest.raises(LedgerErrors) as exc:
        _import_villages(data, world.fengsheng)

    assert _errors(exc) == {(3, "村/社区"), (4, "类型"), (5, "统计用区划代码"), (6, "户数"), (8, "网格"), (9, "户数")}
    messages = {(e.row, e.column): e.message for e in exc.value.errors}
    assert messages[(3, "村/社区")] == "必须填写。"
    assert "村、社区" in messages[(4, "类型")]
    assert "12位数字" in messages[(5, "统计用区划代码")]
    assert messages[(6, "户数")] == "应为整数。"
    assert "第2行" in messages[(8, "网格")]
    assert [e.row for e in exc.value.errors] == sorted(e.row for e in exc.value.errors)
    assert _counts() == before


def test_a_villages_code_need_be_written_on_one_of_its_rows_only(world):
    data = _xlsx([("新华村", "村", "", "第一网格", 10), ("新华村", "村", "500113108201", "第二网格", 20)])

    _import_villages(data, world.fengsheng)

    assert Village.objects.get(town=world.fengsheng, name="新华村").code == "500113108201"


def test_rows_of_one_village_that_disagree_on_its_kind_or_code_are_reported(world):
    data = _xlsx([
        ("新华村", "村", "500113108201", "第一网格", 10),
        ("新华村", "社区", "500113108202", "第二网格", 20),
    ])
    with pytest.raises(LedgerErrors) as exc:
        ledgers.parse_xlsx(ledgers.VILLAGES, data)
    assert _errors(exc) == {(3, "类型"), (3, "统计用区划代码")}


def test_a_missing_header_is_reported_and_nothing_is_read(world):
    data = _xlsx([("新华村", "村", "", "第一网格")], headers=HEADERS[:4])

    with pytest.raises(LedgerErrors) as exc:
        ledgers.parse_xlsx(ledgers.VILLAGES, data)

    assert [tuple(e) for e in exc.value.errors] == [(1, "户数", "缺少此列。")]


def test_an_unknown_or_repeated_header_is_reported(world):
    data = _xlsx([], headers=[*HEADERS, "备注", "网格"])

    with pytest.raises(LedgerErrors) as exc:
        ledgers.parse_xlsx(ledgers.VILLAGES, data)

    assert _errors(exc) == {(1, "备注"), (1, "网格")}


def test_columns_may_come_in_any_order(world):
    order = [3, 0, 4, 1, 2]
    headers = [HEADERS[i] for i in order]
    values = ("新华村", "社区", "", "第一网格", 7)
    data = _xlsx([[values[i] for i in order]], headers=headers)

    assert ledgers.parse_xlsx(ledgers.VILLAGES, data) == [
        {"village": "新华村", "kind": Village.Kind.COMMUNITY, "code": "", "grid": "第一网格", "households": 7}
    ]


def test_a_refusal_by_the_service_is_reported_with_its_row_and_rolls_back_earlier_rows(world):
    data = _xlsx([
        ("新华村", "村", "", "第一网格", 100),  # row 2: would be created
        ("双碑村", "社区", "", "", None),  # row 3: 双碑村 exists as a 村
        ("白鹤村", "村", "", "第一网格", 999),  # row 4: its 第一网格 has 180 households
    ])
    before = _counts()

    with pytest.raises(LedgerErrors) as exc:
        _import_villages(data, world.fengsheng)

    assert _errors(exc) == {(3, "类型"), (4, "户数")}
    assert "不修改已有记录" in exc.value.errors[0].message
    assert _counts() == before
    assert not Village.objects.filter(name="新华村").exists()


def test_a_file_that_is_not_xlsx_is_refused_in_chinese(world):
    from fazhi.core.errors import InvalidInput

    with pytest.raises(InvalidInput) as exc:
        ledgers.parse_xlsx(ledgers.VILLAGES, b"not a spreadsheet")
    assert ".xlsx" in exc.value.message


def test_a_file_with_only_the_header_imports_nothing_and_says_so(world):
    from fazhi.core.errors import InvalidInput

    before = _counts()
    with pytest.raises(InvalidInput) as exc:
        _import_villages(_xlsx([(None,) * 5]), world.fengsheng)
    assert "没有数据行" in exc.value.message
    assert _counts() == before


def test_a_value_under_no_header_is_reported(world):
    data = _xlsx([("新华村", "村", "", "第一网格", 10, "备注内容")])
    with pytest.raises(LedgerErrors) as exc:
        ledgers.parse_xlsx(ledgers.VILLAGES, data)
    assert [str(e) for e in exc.value.errors] == ["第2行: 第F列有内容但没有表头。"]


def test_the_villages_ledger_is_found_by_name():
    assert ledgers.get("core.villages") is ledgers.VILLAGES
    assert "core.villages" in ledgers.names()
    with pytest.raises(LookupError):
        ledgers.get("core.nothing")


def test_a_second_ledger_of_the_same_name_cannot_be_registered():
    with pytest.raises(ValueError):
        ledgers.register(Ledger(name="core.villages", title="重复", columns=[Column("名称", "name")]))


# --- a ledger with personal data, declared here -------------------------------------------


class Gender(models.TextChoices):
    MALE = "m", "男"
    FEMALE = "f", "女"


PEOPLE = Ledger(
    name="tests.people",
    title="当事人台账",
    columns=[
        Column("姓名", "name", required=True, max_length=10),
        Column("身份证号", "id_number", type=Kind.ID_NUMBER, required=True),
        Column("电话", "phone", type=Kind.PHONE),
        Column("统一社会信用代码", "credit_code", type=Kind.CREDIT_CODE),
        Column("性别", "gender", choices=Gender),
        Column("登记日期", "registered_on", type=ColumnType.DATE),
        Column("已调解", "mediated", type=ColumnType.BOOL),
        Column("标的额", "amount", type=ColumnType.DECIMAL),
    ],
)
ID_NUMBER = "11010519491231002X"
CREDIT_CODE = "91350100M000100Y43"


def _person(**overrides):
    return {"name": "张三", "id_number": ID_NUMBER, "phone": "13812345678", "credit_code": CREDIT_CODE,
            "gender": Gender.MALE, "registered_on": datetime.date(2023, 3, 15), "mediated": True,
            "amount": decimal.Decimal("1200.50"), **overrides}


def _xml_of(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())


def test_personal_data_is_masked_in_exports():
    data = ledgers.export_xlsx(PEOPLE, [_person()])
    ws = openpyxl.load_workbook(io.BytesIO(data)).active

    assert [c.value for c in ws[2]][1:4] == ["110105********002X", "138****5678", "9135**********0Y43"]
    # So that a number typed into the sheet later keeps all its digits.
    assert ws.column_dimensions["B"].number_format == "@" and ws["B2"].number_format == "@"
    xml = _xml_of(data)
    for clear in (ID_NUMBER, "13812345678", CREDIT_CODE, "19491231"):
        assert clear not in xml


def test_export_has_a_bold_frozen_header_dates_as_dates_and_labels_for_choices():
    data = ledgers.export_xlsx(PEOPLE, [_person()])
    ws = openpyxl.load_workbook(io.BytesIO(data)).active

    assert all(cell.font.bold for cell in ws[1])
    assert ws.freeze_panes == "A2"
    name, _id, _phone, _credit, gender, registered, mediated, amount = (c.value for c in ws[2])
    assert gender == "男" and mediated == "是" and amount == pytest.approx(1200.5)
    assert ws["F2"].is_date and registered.date() == datetime.date(2023, 3, 15)
    lists = {str(dv.sqref).split(":")[0]: dv.formula1 for dv in ws.data_validations.dataValidation}
    assert lists["E2"] == '"男,女"' and lists["G2"] == '"是,否"'


def test_objects_are_exported_through_their_attributes():
    class Person:
        name = "李四"
        id_number = ID_NUMBER
        phone = ""
        credit_code = None
        gender = Gender.FEMALE
        registered_on = datetime.date(2023, 1, 2)
        mediated = False
        amount = None

    ws = openpyxl.load_workbook(io.BytesIO(ledgers.export_xlsx(PEOPLE, [Person()]))).active
    assert [c.value for c in ws[2]][:7] == ["李四", "110105********002X", None, None, "女", ws["F2"].value, "否"]


def test_text_that_looks_like_a_formula_is_exported_as_text():
    data = ledgers.export_xlsx(PEOPLE, [_person(name='=HYPERLINK("http://x","点我")')])
    ws = openpyxl.load_workbook(io.BytesIO(data)).active
    assert ws["A2"].data_type == "s"
    assert "<f>" not in _xml_of(data)


def test_personal_data_is_validated_and_normalised_on_import():
    good = ["张三", ID_NUMBER.lower(), "+86 138 1234 5678", "", "男", "2023-03-15", "是", "12.5"]
    bad_id = ["李四", ID_NUMBER[:-1] + "1", "", "", "", "", "", ""]
    bad_phone = ["王五", ID_NUMBER, "12345", "91350100M000100Y44", "", "", "", ""]
    data = _xlsx([good, bad_id, bad_phone], headers=[c.header for c in PEOPLE.columns])

    with pytest.raises(LedgerErrors) as exc:
        ledgers.parse_xlsx(PEOPLE, data)

    assert _errors(exc) == {(3, "身份证号"), (4, "电话"), (4, "统一社会信用代码")}
    assert "校验位" in {(e.row, e.column): e.message for e in exc.value.errors}[(3, "身份证号")]

    rows = ledgers.parse_xlsx(PEOPLE, _xlsx([good], headers=[c.header for c in PEOPLE.columns]))
    assert rows == [_person(phone="13812345678", credit_code="", registered_on=datetime.date(2023, 3, 15),
                            amount=decimal.Decimal("12.5"))]


def test_an_id_number_stored_by_excel_as_a_number_is_refused_with_the_reason():
    data = _xlsx([["张三", 110105194912310021, "", "", "", "", "", ""]], headers=[c.header for c in PEOPLE.columns])
    with pytest.raises(LedgerErrors) as exc:
        ledgers.parse_xlsx(PEOPLE, data)
    assert "文本格式" in exc.value.errors[0].message


def test_text_longer_than_its_column_allows_is_refused():
    data = _xlsx([["张" * 11, ID_NUMBER, "", "", "", "", "", ""]], headers=[c.header for c in PEOPLE.columns])
    with pytest.raises(LedgerErrors) as exc:
        ledgers.parse_xlsx(PEOPLE, data)
    assert _errors(exc) == {(2, "姓名")}


def test_every_cell_of_a_bad_row_is_reported_not_only_the_first():
    first17 = "50011320230101123"
    data = _xlsx([["", first17 + id_number_check_char(first17), "", "", "男士", "明天", "对", "许多"]],
                 headers=[c.header for c in PEOPLE.columns])
    with pytest.raises(LedgerErrors) as exc:
        ledgers.parse_xlsx(PEOPLE, data)
    assert _errors(exc) == {(2, "姓名"), (2, "性别"), (2, "登记日期"), (2, "已调解"), (2, "标的额")}


def test_a_domain_error_naming_a_field_is_reported_under_that_column(db):
    data = _xlsx([["张三", ID_NUMBER, "", "", "", "", "", ""]], headers=[c.header for c in PEOPLE.columns])

    def refuse(row):
        raise DomainError("该当事人已登记。", field="id_number")

    with pytest.raises(LedgerErrors) as exc:
        ledgers.import_xlsx(PEOPLE, data, actor="测试", create=refuse)
    assert [tuple(e) for e in exc.value.errors] == [(2, "身份证号", "该当事人已登记。")]


# --- the command ----------------------------------------------------------------------------


def test_command_exports_a_towns_villages(world, tmp_path):
    path = tmp_path / "villages.xlsx"
    out = StringIO()

    call_command("ledger", "export", "core.villages", "--town", "fengsheng", "--output", str(path), stdout=out)

    assert "已导出" in out.getvalue()
    assert len(ledgers.parse_xlsx(ledgers.VILLAGES, path.read_bytes())) == 8


def test_command_imports_a_good_file(world, tmp_path):
    path = tmp_path / "villages.xlsx"
    path.write_bytes(_xlsx([("新华村", "村", "", "第一网格", 100), ("新华村", "村", "", "第二网格", 90)]))
    out = StringIO()

    call_command("ledger", "import", "core.villages", "--town", "mudong", str(path), stdout=out)

    assert Grid.objects.filter(village__town=world.mudong, village__name="新华村").count() == 2
    assert "共2行" in out.getvalue()


def test_command_prints_each_error_on_its_own_line_exits_1_and_writes_nothing(world, tmp_path):
    path = tmp_path / "villages.xlsx"
    path.write_bytes(_xlsx([("新华村", "村", "", "第一网格", 100), ("", "镇", "", "", None)]))
    err = StringIO()
    before = _counts()

    with pytest.raises(CommandError) as exc:
        call_command("ledger", "import", "core.villages", "--town", "mudong", str(path), stderr=err)

    assert exc.value.returncode == 1
    assert err.getvalue().splitlines() == ["第3行 「村/社区」: 必须填写。", "第3行 「类型」: 应为以下之一:村、社区。"]
    assert _counts() == before


def test_command_refuses_an_unknown_ledger_or_town(world, tmp_path):
    with pytest.raises(CommandError, match="没有名为"):
        call_command("ledger", "export", "core.nothing", "--town", "fengsheng", "--output", str(tmp_path / "x.xlsx"))
    with pytest.raises(CommandError, match="没有简称为"):
        call_command("ledger", "export", "core.villages", "--town", "nowhere", "--output", str(tmp_path / "x.xlsx"))
