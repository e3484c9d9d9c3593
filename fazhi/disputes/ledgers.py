"""Ledgers: the dispute register (export) and a village's 矛盾纠纷排查台账 (import)."""

from fazhi.core.errors import DomainError
from fazhi.core.ledgers import Column, ColumnType, Ledger, register
from fazhi.core.models import Grid, Village
from fazhi.core.personal import Kind

from . import services
from .models import Category, Dispute, PartyRole, RiskLevel, Source


def ledger_rows(qs):
    for d in qs.prefetch_related("parties"):
        parties = list(d.parties.all())
        yield {
            "code": d.code, "received_date": d.received_date, "source": d.source, "category": d.category,
            "village": d.village.name if d.village else "", "grid": d.grid.name if d.grid else "",
            "title": d.title,
            "applicants": "、".join(p.masked_name for p in parties if p.role == PartyRole.APPLICANT),
            "respondents": "、".join(p.masked_name for p in parties if p.role == PartyRole.RESPONDENT),
            "amount": d.amount, "people_involved": d.people_involved, "risk_level": d.risk_level,
            "status": d.get_status_display(), "level": d.get_level_display(), "mediator": d.mediator_label,
            "concluded_date": d.concluded_date, "outcome": d.get_outcome_display(),
        }


CASES = register(Ledger(
    name="disputes.cases", title="矛盾纠纷台账",
    columns=[
        Column("编号", "code"), Column("登记日期", "received_date", type=ColumnType.DATE),
        Column("来源", "source", choices=Source), Column("纠纷类型", "category", choices=Category),
        Column("村/社区", "village"), Column("网格", "grid"), Column("纠纷简述", "title", width=30),
        Column("申请人", "applicants"), Column("被申请人", "respondents"),
        Column("涉及金额(元)", "amount", type=ColumnType.DECIMAL), Column("涉及人数", "people_involved", type=ColumnType.INT),
        Column("风险等级", "risk_level", choices=RiskLevel), Column("状态", "status"), Column("调解层级", "level"),
        Column("调解员", "mediator"), Column("调结日期", "concluded_date", type=ColumnType.DATE),
        Column("调解结果", "outcome"),
    ],
    export_rows=lambda town: ledger_rows(Dispute.objects.filter(town=town).select_related("village", "grid")),
))


def screening_row_import(row: dict, *, town, actor) -> Dispute:
    village = Village.objects.filter(town=town, name=row["village"]).first()
    if village is None:
        raise DomainError(f"本镇街没有名为“{row['village']}”的村/社区。", field="village")
    grid = None
    if row.get("grid"):
        grid = Grid.objects.filter(village=village, name=row["grid"]).first()
        if grid is None:
            raise DomainError(f"{village.name}没有名为“{row['grid']}”的网格。", field="grid")
    parties = [
        {"name": row["applicant"], "role": PartyRole.APPLICANT, "id_number": row.get("applicant_id_number", ""),
         "phone": row.get("applicant_phone", "")},
        {"name": row["respondent"], "role": PartyRole.RESPONDENT, "phone": row.get("respondent_phone", "")},
    ]
    return services.dispute_create(
        actor=actor, town=town, source=Source.GRID, category=row["category"], received_date=row["received_date"],
        title=row["title"], description=row["description"], parties=parties, village=village, grid=grid,
        amount=row.get("amount") or 0, people_involved=row.get("people_involved") or 2,
        risk_level=row.get("risk_level") or RiskLevel.LOW,
    )


SCREENING = register(Ledger(
    name="disputes.screening", title="矛盾纠纷排查台账",
    columns=[
        Column("排查日期", "received_date", type=ColumnType.DATE, required=True),
        Column("村/社区", "village", required=True, max_length=50),
        Column("网格", "grid", max_length=50),
        Column("纠纷类型", "category", choices=Category, required=True),
        Column("纠纷简述", "title", required=True, max_length=100, width=30),
        Column("纠纷情况", "description", required=True, width=40),
        Column("申请人", "applicant", required=True, max_length=80),
        Column("申请人身份证号码", "applicant_id_number", type=Kind.ID_NUMBER),
        Column("申请人电话", "applicant_phone", type=Kind.PHONE),
        Column("被申请人", "respondent", required=True, max_length=80),
        Column("被申请人电话", "respondent_phone", type=Kind.PHONE),
        Column("涉及金额(元)", "amount", type=ColumnType.DECIMAL),
        Column("涉及人数", "people_involved", type=ColumnType.INT),
        Column("风险等级", "risk_level", choices=RiskLevel),
    ],
    export_rows=lambda town: [],
    import_row=screening_row_import,
))


