"""Ledgers (台账): the Excel sheets a town keeps, imported and exported the same way in every app.

An app declares its ledger once, in its ``ledgers.py``::

    ledgers.register(Ledger(
        name="disputes.cases", title="矛盾纠纷台账",
        columns=[Column("当事人身份证号", "id_number", type=Kind.ID_NUMBER, required=True), ...],
        export_rows=lambda town: ..., import_row=lambda row, *, town, actor: services.case_create(...),
    ))

Import is all or nothing: every row is checked before anything is written, and the answer
names each bad row (as Excel numbers it), column and reason, in Chinese. Rows are then written
through the app's service function, one savepoint per row inside a single transaction, so that
a rule the service enforces is reported with its row too and still nothing is kept.

Export masks personal data, always: a ledger leaves the platform, and the design allows clear
personal data only inside its own case.
"""

from __future__ import annotations

import datetime
import decimal
import hashlib
import io
import re
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation

from . import audit, orgs
from .errors import DomainError, InvalidInput
from .models import Grid, Town, Village
from .personal import NORMALIZERS, Kind, mask


class ColumnType(models.TextChoices):
    TEXT = "text", "文本"
    INT = "int", "整数"
    DECIMAL = "decimal", "数值"
    DATE = "date", "日期"
    BOOL = "bool", "是/否"
    CHOICE = "choice", "选项"


YES, NO = "是", "否"
MAX_ROWS = 10000
_EXCEL_MAX_ROW = 1048576
_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日", "%Y%m%d")


@dataclass(frozen=True)
class Column:
    """One column: its Chinese header, the key of the row dict (or attribute path of an
    exported object, dotted for relations), and how a cell is read and written.

    ``type`` is a ``ColumnType`` or a personal-data ``Kind``; ``choices`` (a TextChoices class)
    makes it a choice column, written and read as the Chinese labels. ``validators`` are Django
    style callables run on the converted, non-empty value.
    """

    header: str
    key: str
    type: str = ColumnType.TEXT
    required: bool = False
    choices: type[models.Choices] | None = None
    validators: tuple[Callable[[Any], None], ...] = ()
    max_length: int | None = None
    width: int | None = None

    def __post_init__(self):
        if self.choices is not None and self.type == ColumnType.TEXT:
            object.__setattr__(self, "type", ColumnType.CHOICE)
        if self.type not in ColumnType.values and self.type not in Kind.values:
            raise ValueError(f"column {self.header!r}: unknown type {self.type!r}")
        if self.type == ColumnType.CHOICE and self.choices is None:
            raise ValueError(f"column {self.header!r}: a choice column needs choices")

    @property
    def personal_kind(self) -> Kind | None:
        return Kind(self.type) if self.type in Kind.values else None

    def labels(self) -> list[str]:
        if self.type == ColumnType.BOOL:
            return [YES, NO]
        if self.choices is not None:
            return [str(label) for label in self.choices.labels]
        return []


@dataclass(frozen=True)
class Ledger:
    """A named ledger. ``export_rows(town)`` and ``import_row(row, *, town, actor)`` let the
    ``ledger`` command export and import it for a town; ``check_rows`` sees all parsed rows at
    once, for rules across rows (duplicates, consistency), and returns their errors."""

    name: str
    title: str
    columns: tuple[Column, ...]
    export_rows: Callable[[Town], Iterable[Any]] | None = None
    import_row: Callable[..., Any] | None = None
    check_rows: Callable[[list[tuple[int, dict]]], list[RowError]] | None = None
    max_rows: int = MAX_ROWS

    def __post_init__(self):
        object.__setattr__(self, "columns", tuple(self.columns))
        headers = [c.header for c in self.columns]
        if len(set(headers)) != len(headers):
            raise ValueError(f"ledger {self.name!r}: duplicate headers")

    def column(self, key: str) -> Column | None:
        return next((c for c in self.columns if c.key == key), None)


class RowError(NamedTuple):
    row: int  # as Excel shows it: the header is row 1
    column: str  # the column's header, or "" when the whole row is wrong
    message: str

    def __str__(self):
        if self.column:
            return f"第{self.row}行 「{self.column}」: {self.message}"
        return f"第{self.row}行: {self.message}"


class LedgerErrors(InvalidInput):
    """Every problem found in a ledger file; nothing of it was written."""

    def __init__(self, errors: list[RowError]):
        self.errors = sorted(errors, key=lambda e: e.row)
        super().__init__(_("台账中有 %(count)d 处错误,未导入任何记录。") % {"count": len(self.errors)}, code="ledger")

    def lines(self) -> list[str]:
        return [str(e) for e in self.errors]


# --- registry -------------------------------------------------------------------------------

_registry: dict[str, Ledger] = {}
_discovered = False


def register(ledger: Ledger) -> Ledger:
    existing = _registry.get(ledger.name)
    if existing is not None and existing is not ledger:
        raise ValueError(f"ledger {ledger.name!r} is already registered")
    _registry[ledger.name] = ledger
    return ledger


def _discover():
    # Apps declare their ledgers in <app>/ledgers.py; importing those modules registers them.
    global _discovered
    if not _discovered:
        from django.utils.module_loading import autodiscover_modules

        autodiscover_modules("ledgers")
        _discovered = True


def get(name: str) -> Ledger:
    _discover()
    try:
        return _registry[name]
    except KeyError:
        raise LookupError(name) from None


def names() -> list[str]:
    _discover()
    return sorted(_registry)


# --- export ---------------------------------------------------------------------------------


def _value_of(row, key: str):
    if isinstance(row, dict):
        return row.get(key)
    value = row
    for part in key.split("."):
        value = getattr(value, part, None)
        if value is None:
            return None
    return value


def _export_value(column: Column, value):
    if value is None or value == "":
        return None
    kind = column.personal_kind
    if kind is not None:
        return mask(kind, value)
    if column.type == ColumnType.CHOICE:
        try:
            return str(column.choices(value).label)
        except ValueError:
            return str(value)  # an out-of-list value is shown as it is, not hidden
    if column.type == ColumnType.BOOL:
        return YES if value else NO
    if column.type == ColumnType.DATE:
        if isinstance(value, datetime.datetime):
            return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
        return value
    if column.type in (ColumnType.INT, ColumnType.DECIMAL):
        return value
    return str(value)


def _is_text_column(column: Column) -> bool:
    return column.type == ColumnType.TEXT or column.personal_kind is not None


def _sheet_title(title: str) -> str:
    return re.sub(r"[\[\]:*?/\\]", "", title)[:31] or "台账"


def export_xlsx(ledger: Ledger, rows: Iterable[Any]) -> bytes:
    """The ledger as an .xlsx file: bold frozen header, dates as dates, choices as labels with a
    drop-down, personal data masked."""
    wb = Workbook()
    ws = wb.active
    ws.title = _sheet_title(ledger.title)
    ws.append([c.header for c in ledger.columns])
    bold = Font(bold=True)
    for cell in ws[1]:
        cell.font = bold
    ws.freeze_panes = "A2"

    for row in rows:
        values = [_export_value(c, _value_of(row, c.key)) for c in ledger.columns]
        ws.append(values)
        for cell, column, value in zip(ws[ws.max_row], ledger.columns, values, strict=True):
            if isinstance(value, str):
                # A text cell is text: openpyxl would turn "=..." into a formula, which a
                # citizen's input must never become when a clerk opens the file.
                cell.data_type = "s"
            if column.type == ColumnType.DATE:
                cell.number_format = "yyyy-mm-dd"
            elif _is_text_column(column):
                cell.number_format = "@"

    list_sheet = None
    for index, column in enumerate(ledger.columns, start=1):
        letter = get_column_letter(index)
        ws.column_dimensions[letter].width = column.width or max(10, len(column.header) * 2 + 4)
        if _is_text_column(column):
            # Text format for the blank rows too, so that a number typed into the template (an
            # ID number, a phone number) keeps its digits instead of becoming 4.4E+17.
            ws.column_dimensions[letter].number_format = "@"
        labels = column.labels()
        if labels:
            inline = ",".join(labels)
            if len(inline) <= 250 and not any("," in label or '"' in label for label in labels):
                formula = f'"{inline}"'
            else:
                # Excel limits an inline list to 255 characters; longer lists live on a hidden sheet.
                if list_sheet is None:
                    list_sheet = wb.create_sheet("选项")
                    list_sheet.sheet_state = "hidden"
                for r, label in enumerate(labels, start=1):
                    list_sheet.cell(row=r, column=index, value=label).data_type = "s"
                formula = f"'选项'!${letter}$1:${letter}${len(labels)}"
            dv = DataValidation(type="list", formula1=formula, allow_blank=not column.required)
            dv.error = _("请从下拉列表中选择:%(labels)s") % {"labels": "、".join(labels)}
            dv.errorTitle = column.header
            dv.showErrorMessage = True
            ws.add_data_validation(dv)
            dv.add(f"{letter}2:{letter}{_EXCEL_MAX_ROW}")

    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


# --- import ---------------------------------------------------------------------------------


def _is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _as_text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat(sep=" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value).strip()


def _convert(column: Column, value):
    """The cell's value as the row dict holds it; raises ValidationError with a Chinese reason."""
    kind = column.personal_kind
    if kind is not None:
        if kind == Kind.ID_NUMBER and isinstance(value, (int, float)):
            # Excel keeps 15 significant digits: the number it shows is not what was typed.
            raise ValidationError(_("身份证号码被Excel存成了数字,末几位已丢失;请将该列设为文本格式后重新填写。"))
        return NORMALIZERS[kind](_as_text(value))
    if column.type == ColumnType.TEXT:
        text = _as_text(value)
        if column.max_length is not None and len(text) > column.max_length:
            raise ValidationError(_("不能超过%(n)d个字,现为%(m)d个字。") % {"n": column.max_length, "m": len(text)})
        return text
    if column.type == ColumnType.INT:
        if isinstance(value, bool):
            raise ValidationError(_("应为整数。"))
        if isinstance(value, int):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, str) and re.fullmatch(r"[+-]?[0-9]+", value.strip()):
            return int(value.strip())
        raise ValidationError(_("应为整数。"))
    if column.type == ColumnType.DECIMAL:
        if isinstance(value, bool):
            raise ValidationError(_("应为数值。"))
        try:
            number = decimal.Decimal(str(value).strip().replace(",", ""))
        except decimal.InvalidOperation:
            raise ValidationError(_("应为数值。")) from None
        if not number.is_finite():
            raise ValidationError(_("应为数值。"))
        return number
    if column.type == ColumnType.DATE:
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        text = _as_text(value)
        for fmt in _DATE_FORMATS:
            try:
                return datetime.datetime.strptime(text, fmt).date()
            except ValueError:
                continue
        raise ValidationError(_("应为日期,例如 2023-03-15。"))
    if column.type == ColumnType.BOOL:
        if isinstance(value, bool):
            return value
        text = _as_text(value)
        if text in (YES, NO):
            return text == YES
        raise ValidationError(_("应填写“是”或“否”。"))
    if column.type == ColumnType.CHOICE:
        text = _as_text(value)
        for choice_value, label in column.choices.choices:
            if text == str(label):
                return choice_value
        raise ValidationError(_("应为以下之一:%(labels)s。") % {"labels": "、".join(column.labels())})
    raise AssertionError(column.type)


def _empty_value(column: Column):
    if column.type in (ColumnType.TEXT, ColumnType.CHOICE) or column.personal_kind is not None:
        return ""
    return None


def _messages(exc: ValidationError) -> str:
    return ";".join(str(m) for m in exc.messages)


def _open_workbook(file):
    if isinstance(file, (bytes, bytearray)):
        file = io.BytesIO(file)
    elif hasattr(file, "seek"):
        file.seek(0)
    try:
        return load_workbook(file, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError):
        raise InvalidInput(
            _("无法读取该文件:请使用Excel 2007及以上版本的 .xlsx 格式(可由“另存为”得到)。"), code="ledger_file"
        ) from None


def _parse(ledger: Ledger, file) -> list[tuple[int, dict]]:
    wb = _open_workbook(file)
    try:
        ws = wb.worksheets[0]
        lines = ws.iter_rows(values_only=True)
        header_row = next(lines, None) or ()
        headers = [_as_text(h) if not _is_blank(h) else "" for h in header_row]

        errors: list[RowError] = []
        known = {c.header: c for c in ledger.columns}
        positions: dict[str, int] = {}
        for index, header in enumerate(headers):
            if not header:
                continue
            if header not in known:
                errors.append(RowError(1, header, _("无法识别的列,本台账的列为:%(cols)s。")
                                       % {"cols": "、".join(known)}))
            elif header in positions:
                errors.append(RowError(1, header, _("该列出现了不止一次。")))
            else:
                positions[header] = index
        for header in known:
            if header not in positions:
                errors.append(RowError(1, header, _("缺少此列。")))
        if errors:
            # Without the right columns the cells cannot be read; the header comes first.
            raise LedgerErrors(errors)

        known_positions = set(positions.values())
        rows: list[tuple[int, dict]] = []
        bad_rows: set[int] = set()
        for number, values in enumerate(lines, start=2):
            cells = {h: values[i] if i < len(values) else None for h, i in positions.items()}
            if all(_is_blank(v) for v in values or ()):
                continue
            stray = [i for i, v in enumerate(values) if i not in known_positions and not _is_blank(v)]
            if stray:
                errors.append(RowError(number, "", _("第%(col)s列有内容但没有表头。") % {"col": get_column_letter(stray[0] + 1)}))
                bad_rows.add(number)
            if len(rows) + len(bad_rows) >= ledger.max_rows:
                errors.append(RowError(number, "", _("一次最多导入%(n)d行,请分批导入。") % {"n": ledger.max_rows}))
                break
            row: dict = {}
            for column in ledger.columns:
                value = cells[column.header]
                if _is_blank(value):
                    if column.required:
                        errors.append(RowError(number, column.header, _("必须填写。")))
                        bad_rows.add(number)
                    row[column.key] = _empty_value(column)
                    continue
                try:
                    converted = _convert(column, value)
                    for validator in column.validators:
                        validator(converted)
                except ValidationError as exc:
                    errors.append(RowError(number, column.header, _messages(exc)))
                    bad_rows.add(number)
                    continue
                row[column.key] = converted
            if number not in bad_rows:
                rows.append((number, row))
        if ledger.check_rows is not None:
            errors.extend(ledger.check_rows(rows))
        if errors:
            raise LedgerErrors(errors)
        return rows
    finally:
        wb.close()


def parse_xlsx(ledger: Ledger, file) -> list[dict]:
    """Every non-blank row of the file as a dict keyed by column key, or ``LedgerErrors`` naming
    every bad cell. Writes nothing."""
    return [row for _number, row in _parse(ledger, file)]


def import_xlsx(ledger: Ledger, file, *, actor, create: Callable[[dict], Any], town: Town | None = None,
                filename: str = "") -> list:
    """Parse, then ``create(row)`` for each row in one transaction. A DomainError of any row is
    reported with its row number (and column, when the error names a field) and rolls back
    every row; the other rows are still tried, so that one answer lists every refusal."""
    rows = _parse(ledger, file)
    if not rows:
        raise InvalidInput(_("台账中没有数据行,未导入任何记录。"), code="ledger_empty")
    results = []
    errors: list[RowError] = []
    with transaction.atomic():
        for number, row in rows:
            try:
                # A savepoint per row: a refused row leaves no half-written state behind for the
                # rows after it, which are still tried so that every refusal is reported at once.
                with transaction.atomic():
                    results.append(create(row))
            except DomainError as exc:
                column = ledger.column(exc.field) if exc.field else None
                errors.append(RowError(number, column.header if column else "", exc.message))
        if errors:
            raise LedgerErrors(errors)
        audit.record(actor=actor, action="ledger.import", object_type="ledger", object_id=ledger.name,
                     object_repr=ledger.title, town_id=town.pk if town else None,
                     after={"rows": len(rows), "file": filename}, note=filename)
    return results


# --- core.villages: the villages/communities of a town and their grids ----------------------


def _slug(prefix: str, name: str) -> str:
    # Names are Chinese; a stable hash gives an ASCII slug that is the same on every import.
    return f"{prefix}-{hashlib.sha1(name.encode('utf-8')).hexdigest()[:8]}"


def _division_code(value: str):
    if not re.fullmatch(r"[0-9]{12}", value):
        raise ValidationError(_("统计用区划代码应为12位数字。"))


def _non_negative(value: int):
    if value < 0:
        raise ValidationError(_("不能为负数。"))


VILLAGE_COLUMNS = (
    Column("村/社区", "village", required=True, max_length=50),
    Column("类型", "kind", choices=Village.Kind, required=True),
    Column("统计用区划代码", "code", validators=(_division_code,)),
    Column("网格", "grid", max_length=50),
    Column("户数", "households", type=ColumnType.INT, validators=(_non_negative,)),
)


def _village_rows(town: Town) -> Iterable[dict]:
    villages = Village.objects.filter(town=town).prefetch_related("grids").order_by("name")
    for village in villages:
        base = {"village": village.name, "kind": village.kind, "code": village.code}
        grids = sorted(village.grids.all(), key=lambda g: g.name)
        if not grids:
            yield {**base, "grid": "", "households": None}
        for grid in grids:
            yield {**base, "grid": grid.name, "households": grid.households}


def _check_village_rows(rows: list[tuple[int, dict]]) -> list[RowError]:
    errors = []
    kinds: dict[str, tuple[int, str]] = {}
    codes: dict[str, tuple[int, str]] = {}
    seen_grids: dict[tuple[str, str], int] = {}
    for number, row in rows:
        if not row["grid"] and row["households"] is not None:
            errors.append(RowError(number, "户数", _("未填写网格时不应填写户数。")))
        first_number, kind = kinds.setdefault(row["village"], (number, row["kind"]))
        if row["kind"] != kind:
            errors.append(RowError(number, "类型", _("与第%(n)d行同一村/社区的类型不一致。") % {"n": first_number}))
        if row["code"]:
            first_number, code = codes.setdefault(row["village"], (number, row["code"]))
            if row["code"] != code:
                errors.append(RowError(number, "统计用区划代码",
                                       _("与第%(n)d行同一村/社区的区划代码不一致。") % {"n": first_number}))
        if row["grid"]:
            key = (row["village"], row["grid"])
            if key in seen_grids:
                errors.append(RowError(number, "网格", _("与第%(n)d行重复。") % {"n": seen_grids[key]}))
            else:
                seen_grids[key] = number
    # The code needs writing on one row of a village only; the others take it from there.
    for _number, row in rows:
        if not row["code"] and row["village"] in codes:
            row["code"] = codes[row["village"]][1]
    return errors


def _conflict(what: str, key: str, stored: str, given: str) -> DomainError:
    header = VILLAGES.column(key).header
    return DomainError(
        _("%(what)s已登记的%(header)s为“%(stored)s”,与表中“%(given)s”不符;台账导入只新增,不修改已有记录。")
        % {"what": what, "header": header, "stored": stored, "given": given},
        field=key,
    )


def village_row_import(row: dict, *, town: Town, actor) -> Grid | Village:
    """Create the row's village and grid when missing. An existing one is matched by name and
    must agree with the row: a difference is refused rather than silently ignored."""
    village = Village.objects.filter(town=town, name=row["village"]).first()
    if village is None:
        village = orgs.village_ensure(actor=actor, town=town, slug=_slug("v", row["village"]), name=row["village"],
                                      kind=row["kind"], code=row["code"])
        if village.name != row["village"]:
            raise DomainError(_("村/社区“%(name)s”的简称与“%(other)s”冲突,请联系管理员。")
                              % {"name": row["village"], "other": village.name})
    else:
        if village.kind != row["kind"]:
            raise _conflict(village.name, "kind", village.get_kind_display(), Village.Kind(row["kind"]).label)
        if village.code != row["code"]:
            raise _conflict(village.name, "code", village.code or "空", row["code"] or "空")
    if not row["grid"]:
        return village
    households = row["households"] or 0
    grid = Grid.objects.filter(village=village, name=row["grid"]).first()
    if grid is None:
        grid = orgs.grid_ensure(actor=actor, village=village, slug=_slug("g", row["grid"]), name=row["grid"],
                                households=households)
        if grid.name != row["grid"]:
            raise DomainError(_("网格“%(name)s”的简称与“%(other)s”冲突,请联系管理员。")
                              % {"name": row["grid"], "other": grid.name})
    elif row["households"] is not None and grid.households != households:
        raise _conflict(f"{village.name}{grid.name}", "households", str(grid.households), str(households))
    return grid


VILLAGES = register(Ledger(
    name="core.villages",
    title="村(社区)及网格台账",
    columns=VILLAGE_COLUMNS,
    export_rows=_village_rows,
    import_row=village_row_import,
    check_rows=_check_village_rows,
))
