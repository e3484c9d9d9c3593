"""The judicial registers (台账), export only: the administrative lawsuits and reconsiderations of
a year (served in that year), with a natural person's name masked (张某某 → 张*某).

    manage.py ledger export judicial.litigation --town fengsheng --output 行政诉讼台账.xlsx

The command has no year argument: it exports the current year; the page's download takes ?year=.
"""

from __future__ import annotations

from fazhi.core import clocks
from fazhi.core.ledgers import Column, ColumnType, Ledger, register
from fazhi.core.personal import mask_name

from .models import LitigationCase, Outcome, ReconsiderationCase

D, B = ColumnType.DATE, ColumnType.BOOL

LITIGATION_COLUMNS = [
    Column("案号", "case_number", width=24),
    Column("受理法院", "court", width=20),
    Column("原告", "plaintiff"),
    Column("原告为法人或其他组织", "party_is_organisation", type=B),
    Column("案由", "cause", width=30),
    Column("审级", "stage", choices=LitigationCase.Stage),
    Column("收到起诉状副本日期", "served_date", type=D),
    Column("答辩期限届满日", "answer_due", type=D),
    Column("提交答辩状和证据日期", "answered_on", type=D),
    Column("按期答辩", "answered_in_time", type=B),
    Column("状态", "status", choices=LitigationCase.Status),
    Column("开庭日期", "hearing_date", type=D),
    Column("出庭情况", "appearance", choices=LitigationCase.Appearance),
    Column("负责人出庭", "head_appeared", type=B),
    Column("出庭人员职务", "appearer_position"),
    Column("负责人未出庭理由", "absence_reason", choices=LitigationCase.AbsenceReason),
    Column("审结日期", "closed_on", type=D),
    Column("结果", "outcome", choices=Outcome),
    Column("败诉", "lost", type=B),
    Column("裁判结果", "result_detail", width=30),
    Column("涉及政府信息公开", "concerns_disclosure", type=B),
    Column("经复议后起诉", "after_reconsideration", type=B),
]

RECONSIDERATION_COLUMNS = [
    Column("案号", "case_number", width=24),
    Column("复议机关", "authority", width=20),
    Column("申请人", "applicant"),
    Column("申请人为法人或其他组织", "party_is_organisation", type=B),
    Column("被申请复议的行政行为", "act_challenged", width=30),
    Column("程序", "procedure", choices=ReconsiderationCase.Procedure),
    Column("收到申请书副本日期", "served_date", type=D),
    Column("书面答复期限届满日", "reply_due", type=D),
    Column("提交书面答复日期", "replied_on", type=D),
    Column("按期答复", "replied_in_time", type=B),
    Column("状态", "status", choices=ReconsiderationCase.Status),
    Column("复议决定日期", "decided_on", type=D),
    Column("结果", "outcome", choices=Outcome),
    Column("复议决定", "decision_detail", width=30),
    Column("涉及政府信息公开", "concerns_disclosure", type=B),
]


def _party(name: str, is_organisation: bool) -> str:
    # An organisation's name is public; a citizen's leaves the case masked.
    return name if is_organisation else mask_name(name)


def _in_time(done_on, due):
    if done_on is None or due is None:
        return None
    return done_on <= due


def _year(year):
    return int(year) if year else clocks.today().year


def litigation_rows(town, year=None, queryset=None):
    """The lawsuits served on ``town`` in ``year`` (default: this year). ``queryset`` lets a page
    pass the rows its user may see (the scoper); the command passes none."""
    qs = queryset if queryset is not None else LitigationCase.objects.all()
    qs = qs.filter(town=town, served_date__year=_year(year)).order_by("served_date", "id")
    for case in qs:
        row = {c.key: getattr(case, c.key, None) for c in LITIGATION_COLUMNS}
        row["plaintiff"] = _party(case.plaintiff, case.party_is_organisation)
        row["answered_in_time"] = _in_time(case.answered_on, case.answer_due)
        row["head_appeared"] = case.head_appeared if case.appearance else None
        yield row


def reconsideration_rows(town, year=None, queryset=None):
    qs = queryset if queryset is not None else ReconsiderationCase.objects.all()
    qs = qs.filter(town=town, served_date__year=_year(year)).order_by("served_date", "id")
    for case in qs:
        row = {c.key: getattr(case, c.key, None) for c in RECONSIDERATION_COLUMNS}
        row["applicant"] = _party(case.applicant, case.party_is_organisation)
        row["replied_in_time"] = _in_time(case.replied_on, case.reply_due)
        yield row


LITIGATION = register(Ledger(name="judicial.litigation", title="行政诉讼案件台账", columns=LITIGATION_COLUMNS,
                             export_rows=litigation_rows))
RECONSIDERATION = register(Ledger(name="judicial.reconsideration", title="行政复议案件台账",
                                  columns=RECONSIDERATION_COLUMNS, export_rows=reconsideration_rows))

LEDGERS = {"litigation": LITIGATION, "reconsideration": RECONSIDERATION}
ROWS = {"litigation": litigation_rows, "reconsideration": reconsideration_rows}
