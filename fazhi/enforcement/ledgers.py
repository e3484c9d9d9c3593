"""The enforcement case ledger (行政执法案件台账), exported as Excel with personal data masked."""

from fazhi.core.ledgers import Column, ColumnType, Ledger, register
from fazhi.core.personal import Kind

from .models import Case, Outcome, PartyType, PenaltyType, Procedure


def export_rows(town):
    return (Case.objects.filter(town=town).select_related("unit", "matter")
            .prefetch_related("officers").order_by("filed_date", "id"))


CASES = register(Ledger(
    name="enforcement.cases",
    title="行政执法案件台账",
    columns=[
        Column("案号", "number"),
        Column("程序", "procedure", type=ColumnType.CHOICE, choices=Procedure),
        Column("状态", "status", type=ColumnType.CHOICE, choices=Case.Status),
        Column("承办单位", "unit.name"),
        Column("执法事项", "matter.name"),
        Column("当事人类型", "party_type", type=ColumnType.CHOICE, choices=PartyType),
        Column("当事人", "party_masked"),
        Column("身份证号码", "id_number", type=Kind.ID_NUMBER),
        Column("统一社会信用代码", "credit_code", type=Kind.CREDIT_CODE),
        Column("违法行为", "violation"),
        Column("违法行为发生日", "occurred_date", type=ColumnType.DATE),
        Column("立案日期", "filed_date", type=ColumnType.DATE),
        Column("决定期限", "decision_due", type=ColumnType.DATE),
        Column("处理结果", "outcome", type=ColumnType.CHOICE, choices=Outcome),
        Column("处罚种类", "penalty_type", type=ColumnType.CHOICE, choices=PenaltyType),
        Column("罚款金额(元)", "fine_amount", type=ColumnType.DECIMAL),
        Column("超出裁量基准", "outside_benchmark", type=ColumnType.BOOL),
        Column("法制审核", "review_passed", type=ColumnType.BOOL),
        Column("决定日期", "decided_date", type=ColumnType.DATE),
        Column("送达日期", "served_date", type=ColumnType.DATE),
        Column("缴款日期", "paid_date", type=ColumnType.DATE),
        Column("加处罚款(元)", "surcharge", type=ColumnType.DECIMAL),
        Column("公示期限", "publicity_due", type=ColumnType.DATE),
        Column("公示日期", "published_date", type=ColumnType.DATE),
        Column("撤回公示日期", "withdrawn_date", type=ColumnType.DATE),
        Column("结案日期", "closed_date", type=ColumnType.DATE),
    ],
    export_rows=export_rows,
))
