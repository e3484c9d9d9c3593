"""Ledgers of patrols and hazards (export, and import of patrols)."""

from fazhi.core.ledgers import Column, ColumnType, Ledger, register

from . import services
from .models import Hazard, Patrol

PATROLS = register(Ledger(
    name="safety.patrols", title="平安联动巡查台账",
    columns=[
        Column("巡查日期", "date", type=ColumnType.DATE, required=True),
        Column("类型", "kind", choices=Patrol.Kind, required=True),
        Column("巡查路线", "route", required=True, max_length=200, width=30),
        Column("参加人员", "participants", required=True, max_length=300, width=30),
        Column("参加人数", "people_count", type=ColumnType.INT, required=True),
        Column("发现问题", "findings", width=30),
    ],
    export_rows=lambda town: Patrol.objects.filter(town=town),
    import_row=lambda row, *, town, actor: services.patrol_create(actor=actor, town=town, **row),
))

HAZARDS = register(Ledger(
    name="safety.hazards", title="安全隐患整改台账",
    columns=[
        Column("发现日期", "found_date", type=ColumnType.DATE, required=True),
        Column("隐患", "title", required=True, max_length=100, width=30),
        Column("位置", "location"),
        Column("村/社区", "village.name"),
        Column("网格", "grid.name"),
        Column("等级", "level", choices=Hazard.Level),
        Column("整改责任单位/人", "responsible"),
        Column("整改期限(日)", "rectify_days", type=ColumnType.INT),
        Column("整改届满日", "due_date", type=ColumnType.DATE),
        Column("状态", "status", choices=Hazard.Status),
        Column("整改完成日期", "rectified_date", type=ColumnType.DATE),
        Column("按期整改", "on_time", type=ColumnType.BOOL),
    ],
    export_rows=lambda town: Hazard.objects.filter(town=town).select_related("village", "grid"),
))
