"""The request ledger (政府信息公开申请台账): export (personal data masked) and import (each row
registered through ``request_register``, all or nothing)."""

from fazhi.core.ledgers import Column, ColumnType, Ledger, register
from fazhi.core.personal import Kind

from . import services
from .models import (
    ApplicantType,
    Channel,
    DeliveryMethod,
    DisclosureRequest,
    FormWanted,
    OrgKind,
    ReplyReason,
    ReplyType,
    RequestStatus,
)

COLUMNS = [
    Column("查询码", "query_code"),
    Column("申请人类型", "applicant_type", choices=ApplicantType, required=True),
    Column("组织类别", "org_kind", choices=OrgKind),
    Column("申请人姓名/名称", "applicant_name", required=True, max_length=100),
    Column("身份证号码", "id_number", type=Kind.ID_NUMBER),
    Column("统一社会信用代码", "credit_code", type=Kind.CREDIT_CODE),
    Column("联系电话", "phone", type=Kind.PHONE, required=True),
    Column("提交方式", "channel", choices=Channel, required=True),
    Column("申请到达日期", "arrived_date", type=ColumnType.DATE, required=True),
    Column("收到申请之日", "received_date", type=ColumnType.DATE),
    Column("申请内容", "content", required=True, width=40),
    Column("获取信息的方式", "form_wanted", choices=FormWanted),
    Column("获取信息的途径", "delivery_wanted", choices=DeliveryMethod),
    Column("状态", "status", choices=RequestStatus),
    Column("答复期限", "due_date", type=ColumnType.DATE),
    Column("答复类型", "reply_type", choices=ReplyType),
    Column("答复理由", "reply_reason", choices=ReplyReason),
    Column("答复日期", "replied_on", type=ColumnType.DATE),
    Column("按期答复", "replied_on_time", type=ColumnType.BOOL),
]

# Columns an import reads; the rest are the platform's own (status, dates of the workflow).
IMPORTED = {"applicant_type", "org_kind", "applicant_name", "id_number", "credit_code", "phone", "channel",
            "arrived_date", "received_date", "content", "form_wanted", "delivery_wanted"}


def export_rows(town, user=None):
    qs = DisclosureRequest.objects.filter(town=town).order_by("arrived_date", "id")
    for req in qs:
        row = {c.key: getattr(req, c.key) for c in COLUMNS}
        # A person's name leaves the case masked (the numbers are masked by the ledger itself).
        row["applicant_name"] = req.applicant_masked
        yield row


def import_row(row, *, town, actor):
    data = {k: v for k, v in row.items() if k in IMPORTED and v not in (None, "")}
    return services.request_register(actor=actor, town=town, data=data)


REQUESTS = register(Ledger(
    name="disclosure.requests", title="政府信息公开申请台账", columns=COLUMNS,
    export_rows=export_rows, import_row=import_row,
))
