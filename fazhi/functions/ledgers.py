"""The 权责清单 ledger: export the current power list, import an existing spreadsheet (new codes
are added; a known code whose content differs becomes a dated change with reason 台账导入)."""

from django.utils import timezone

from fazhi.core.ledgers import Column, Ledger, RowError, register

from . import services
from .models import PowerCategory, PowerItem
from .selectors import current_power_items

COLUMNS = (
    Column("事项编码", "code", required=True, max_length=40),
    Column("事项名称", "name", required=True, max_length=200, width=36),
    Column("权力类别", "category", choices=PowerCategory, required=True),
    Column("实施主体", "unit", required=True, max_length=100, width=20),
    Column("设定依据", "legal_basis", width=40),
    Column("责任事项", "responsibilities", width=40),
    Column("追责情形", "accountability", width=40),
)

IMPORT_REASON = "台账导入"


def _check_rows(rows):
    errors, seen = [], {}
    for number, row in rows:
        if row["code"] in seen:
            errors.append(RowError(number, "事项编码", f"与第{seen[row['code']]}行重复。"))
        else:
            seen[row["code"]] = number
    return errors


def import_row(row, *, town, actor):
    item = PowerItem.objects.filter(town=town, code=row["code"]).first()
    values = {k: row[k] for k in ("name", "category", "unit", "legal_basis", "responsibilities", "accountability")}
    if item is None:
        return services.power_item_create(actor=actor, town=town, code=row["code"], reason=IMPORT_REASON, **values)
    if all(getattr(item, k) == v for k, v in values.items()) and not item.removed_on:
        return item
    return services.power_item_change(actor=actor, item=item, reason=IMPORT_REASON,
                                      effective_on=max(timezone.localdate(), item.changed_on), **values)


POWER_ITEMS = register(Ledger(
    name="functions.power_items",
    title="权责清单",
    columns=COLUMNS,
    export_rows=lambda town: current_power_items(town),
    import_row=import_row,
    check_rows=_check_rows,
))
