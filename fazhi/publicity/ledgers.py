"""The legal-publicity activity ledger (普法活动台账): export and all-or-nothing import."""

from fazhi.core.errors import InvalidInput
from fazhi.core.ledgers import Column, ColumnType, Ledger, register
from fazhi.core.models import Unit

from . import services
from .models import Activity, KeyDate


def export_rows(town):
    return Activity.objects.filter(town=town).select_related("unit").order_by("date", "id")


def import_row(row, *, town, actor):
    unit = Unit.objects.filter(town=town, name=row["unit.name"]).first()
    if unit is None:
        raise InvalidInput(f"本镇街没有单位“{row['unit.name']}”。", field="unit.name")
    return services.activity_create(actor=actor, unit=unit, date=row["date"], theme=row["theme"], place=row["place"],
                                    audience=row["audience"], participants=row.get("participants") or 0,
                                    materials=row.get("materials") or 0, key_date=row.get("key_date") or None)


ACTIVITIES = register(Ledger(
    name="publicity.activities",
    title="普法活动台账",
    columns=[
        Column("开展单位", "unit.name", required=True),
        Column("日期", "date", type=ColumnType.DATE, required=True),
        Column("主题", "theme", required=True, max_length=200),
        Column("地点", "place", required=True, max_length=200),
        Column("对象", "audience", required=True, max_length=200),
        Column("参与人数", "participants", type=ColumnType.INT),
        Column("发放资料(份)", "materials", type=ColumnType.INT),
        Column("重要节点", "key_date", type=ColumnType.CHOICE, choices=KeyDate),
    ],
    export_rows=export_rows,
    import_row=import_row,
))
