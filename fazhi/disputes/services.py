"""Every write on a dispute: intake, each workflow transition with its refusal, clocks, audit.

小事不出村,大事不出镇,矛盾不上交: a dispute goes to the lowest level that can settle it
(the village's 调委会 when it lies in a village), and rises one level at a time, with a reason.
"""

from __future__ import annotations

import datetime
import decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from fazhi.core import audit, clocks, workflow, yearlock
from fazhi.core.clocks import ClockRule
from fazhi.core.errors import DomainError, InvalidInput
from fazhi.core.models import Grid, LinkageBody, Role, Town, User, Village
from fazhi.core.personal import normalize_id_number, normalize_phone
from fazhi.core.workflow import Transition, Transitions

from .models import (
    LEVEL_ORDER,
    LINKAGE_SOURCES,
    AgreementForm,
    Category,
    Dispute,
    GuidedTo,
    Level,
    Outcome,
    Party,
    PartyRole,
    ReturnVisit,
    RiskLevel,
    Session,
    Source,
    Status,
)

STAFF = [Role.MEDIATOR, Role.CLERK, Role.LEADER]

TRANSITIONS = Transitions({
    "accept": Transition(_("受理"), sources=[Status.REGISTERED], target=Status.ACCEPTED, roles=STAFF),
    "decline": Transition(_("不予受理"), sources=[Status.REGISTERED], target=Status.DECLINED, roles=STAFF),
    "assign": Transition(_("指派调解"), sources=[Status.ACCEPTED], target=Status.ASSIGNED, roles=STAFF),
    "record-session": Transition(_("记录调解"), sources=[Status.ASSIGNED, Status.MEDIATING],
                                 target=Status.MEDIATING, roles=[Role.MEDIATOR]),
    "extend": Transition(_("延长调解期限"), sources=[Status.ASSIGNED, Status.MEDIATING], target=None,
                         roles=[Role.MEDIATOR, Role.LEADER]),
    "settle": Transition(_("调解成功"), sources=[Status.MEDIATING], target=Status.SETTLED, roles=[Role.MEDIATOR]),
    "fail": Transition(_("调解不成"), sources=[Status.MEDIATING], target=Status.FAILED, roles=[Role.MEDIATOR]),
    "escalate": Transition(_("上交上一级"), sources=[Status.ASSIGNED, Status.MEDIATING], target=Status.ASSIGNED,
                           roles=[Role.MEDIATOR, Role.LEADER]),
    "hand-over": Transition(_("移交"), sources=[Status.ACCEPTED, Status.ASSIGNED, Status.MEDIATING],
                            target=Status.HANDED_OVER, roles=STAFF),
    "apply-confirmation": Transition(_("申请司法确认"), sources=[Status.SETTLED], target=None,
                                     roles=[Role.MEDIATOR, Role.CLERK]),
    "return-visit": Transition(_("回访"), sources=[Status.SETTLED, Status.FAILED], target=None,
                               roles=[Role.MEDIATOR, Role.CLERK, Role.GRID]),
    "close": Transition(_("结案"), sources=[Status.SETTLED, Status.FAILED, Status.HANDED_OVER],
                        target=Status.CLOSED, roles=STAFF),
})

# 《人民调解工作若干规定》第三十三条: 一般在一个月内调结; extension by both parties' consent (local rules).
MEDIATION = ClockRule("PM-T", "调解期限", 1, "m", "《人民调解工作若干规定》第三十三条", max_extension=1)
# 《人民调解法》第三十三条: 自调解协议生效之日起三十日内共同向人民法院申请司法确认.
CONFIRMATION = ClockRule("PM-33", "司法确认申请期限", 30, "d", "《人民调解法》第三十三条")

# 《人民调解法》第三十一条: the committee follows the performance of the agreement. The law sets no
# period for the return visit; the town's own practice does (default 30 days, FAZHI_RETURN_VISIT_DAYS).
RETURN_VISIT = ClockRule("PM-RV", "回访(督促履行)",
                         getattr(settings, "FAZHI_RETURN_VISIT_DAYS", 30), "d",
                         "《人民调解法》第三十一条;回访时间按本镇调解工作规范")

CREATE_ROLES = [Role.MEDIATOR, Role.CLERK, Role.LEADER, Role.GRID]


def _has_role(user, *roles) -> bool:
    return bool(user and (getattr(user, "is_superuser", False) or user.has_role(*roles)))


def _is_user(actor) -> bool:
    return getattr(actor, "pk", None) is not None


def _label(actor) -> str:
    if _is_user(actor):
        return actor.label
    # A named process (the ledger command) or, without any actor, a citizen on the portal.
    return actor if isinstance(actor, str) and actor else "群众网上申请"


def _text(value, field: str, label: str, *, required=True, max_length=None) -> str:
    value = (value or "").strip()
    if required and not value:
        raise InvalidInput(f"请填写{label}。", field=field)
    if max_length and len(value) > max_length:
        raise InvalidInput(f"{label}不能超过{max_length}个字。", field=field)
    return value


def _amount(value, field="amount") -> decimal.Decimal:
    if value in (None, ""):
        return decimal.Decimal("0")
    try:
        value = decimal.Decimal(str(value))
    except decimal.InvalidOperation:
        raise InvalidInput("金额格式不正确。", field=field) from None
    if value < 0 or value >= decimal.Decimal("1e12"):
        raise InvalidInput("金额应为不小于0的数。", field=field)
    return value.quantize(decimal.Decimal("0.01"))


def _clean_parties(parties) -> list[dict]:
    """Parties as given by a form, the API or a ledger: names, roles, validated personal data."""
    cleaned = []
    for index, raw in enumerate(parties or [], start=1):
        name = (raw.get("name") or "").strip()
        if not name:
            continue
        if len(name) > 80:
            raise InvalidInput(f"第{index}位当事人的姓名过长。", field="parties")
        role = raw.get("role") or (PartyRole.APPLICANT if index == 1 else PartyRole.RESPONDENT)
        if role not in PartyRole.values:
            raise InvalidInput(f"第{index}位当事人的身份不正确。", field="parties")
        out = {"name": name, "role": role, "is_organisation": bool(raw.get("is_organisation")),
               "id_number": "", "phone": ""}
        for key, normalize, label in (("id_number", normalize_id_number, "身份证号码"),
                                      ("phone", normalize_phone, "联系电话")):
            value = (raw.get(key) or "").strip()
            if value:
                try:
                    out[key] = normalize(value)
                except ValidationError as exc:
                    raise InvalidInput(f"第{index}位当事人({name})的{label}有误:{exc.messages[0]}",
                                       field="parties") from None
        cleaned.append(out)
    if len(cleaned) < 2:
        raise InvalidInput("纠纷至少应有两方当事人。", field="parties")
    roles = {p["role"] for p in cleaned}
    if PartyRole.APPLICANT not in roles or PartyRole.RESPONDENT not in roles:
        raise InvalidInput("当事人中应有申请人和被申请人。", field="parties")
    return cleaned


def _place(actor, town: Town, village: Village | None, grid: Grid | None):
    """The dispute's village and grid, checked against the town and the reporter's own place."""
    if grid is not None:
        if village is not None and grid.village_id != village.pk:
            raise InvalidInput("网格不属于所选村/社区。", field="grid")
        village = grid.village
    if village is not None and village.town_id != town.pk:
        raise InvalidInput("村/社区不属于本镇街。", field="village")
    if actor is not None and getattr(actor, "pk", None) and not actor.is_superuser:
        if actor.town_id != town.pk:
            raise DomainError("只能登记本镇街的纠纷。", code="forbidden_place")
        if actor.grid_id:
            # A grid worker reports from their own grid.
            if grid is None:
                grid, village = actor.grid, actor.grid.village
            elif grid.pk != actor.grid_id:
                raise DomainError("网格员只能登记本网格的纠纷。", code="forbidden_place", field="grid")
        elif actor.village_id:
            if village is None:
                village = actor.village
            elif village.pk != actor.village_id:
                raise DomainError("只能登记本村/社区的纠纷。", code="forbidden_place", field="village")
    return village, grid


def _next_code(town: Town, year: int) -> str:
    # The town row is locked so that two registrations on one day do not take the same number.
    Town.objects.select_for_update().filter(pk=town.pk).first()
    prefix = f"{year}-"
    last = (Dispute.objects.filter(town=town, code__startswith=prefix).order_by("-code")
            .values_list("code", flat=True).first())
    number = int(last.split("-")[1]) + 1 if last else 1
    return f"{prefix}{number:04d}"


def dispute_create(*, actor, town: Town, source: str, category: str, received_date: datetime.date,
                   title: str, description: str, parties, village: Village | None = None,
                   grid: Grid | None = None, amount=0, people_involved: int = 2,
                   risk_level: str = RiskLevel.LOW, source_body: LinkageBody | None = None) -> Dispute:
    """Register a dispute (登记). A citizen's own request on the portal has no actor."""
    if _is_user(actor) and not _has_role(actor, *CREATE_ROLES):
        raise DomainError("您的角色不能登记纠纷。", code="forbidden_role")
    if source not in Source.values:
        raise InvalidInput("纠纷来源不正确。", field="source")
    if category not in Category.values:
        raise InvalidInput("纠纷类型不正确。", field="category")
    if risk_level not in RiskLevel.values:
        raise InvalidInput("风险等级不正确。", field="risk_level")
    received_date = workflow.action_date(received_date, field_name="received_date")
    title = _text(title, "title", "纠纷简述", max_length=100)
    description = _text(description, "description", "纠纷情况")
    amount = _amount(amount)
    try:
        people_involved = int(people_involved)
    except (TypeError, ValueError):
        raise InvalidInput("涉及人数应为整数。", field="people_involved") from None
    if people_involved < 1:
        raise InvalidInput("涉及人数至少为1。", field="people_involved")
    cleaned = _clean_parties(parties)
    if source in LINKAGE_SOURCES:
        if source_body is None:
            raise InvalidInput("法院、派出所或信访移交的纠纷应注明移交单位。", field="source_body")
    if source_body is not None and (source_body.district_id != town.district_id
                                    or source_body.town_id not in (None, town.pk)):
        raise InvalidInput("移交单位不是本区的联动单位。", field="source_body")
    village, grid = _place(actor, town, village, grid)
    with transaction.atomic():
        yearlock.ensure_open(town.pk, received_date)
        dispute = Dispute(
            town=town, village=village, grid=grid, code=_next_code(town, received_date.year), source=source,
            source_body=source_body, category=category, received_date=received_date, title=title,
            description=description, amount=amount, people_involved=people_involved, risk_level=risk_level,
            reported_by=actor if _is_user(actor) else None, reported_by_label=_label(actor),
        )
        dispute.save()
        for p in cleaned:
            Party(dispute=dispute, **p).save()
        workflow.record_create(actor, dispute, note=f"当事人{len(cleaned)}方")
    return dispute


def _begin(dispute: Dispute, action: str, actor, date, *, not_before=None, not_before_label=""):
    dispute = workflow.lock(dispute)
    TRANSITIONS.check(dispute, action, actor)
    on = workflow.action_date(date, not_before=not_before or dispute.received_date,
                              not_before_label=not_before_label or "登记日期")
    yearlock.ensure_open(dispute.town_id, on, dispute.concluded_date)
    return dispute, on, audit.snapshot(dispute)


def _finish(actor, dispute, action, before, fields, note="", **extra):
    dispute.save(update_fields=fields)
    workflow.record_transition(actor, dispute, action, before, note=note, **extra)
    return dispute


def _status_to(dispute, action):
    target = TRANSITIONS[action].target
    if target is not None:
        dispute.status = target


def dispute_accept(*, actor, dispute: Dispute, date=None) -> Dispute:
    """受理: the mediation period (一般一个月) counts from here."""
    with transaction.atomic():
        dispute, on, before = _begin(dispute, "accept", actor, date)
        dispute.accepted_date = on
        _status_to(dispute, "accept")
        clocks.start(subject=dispute, rule=MEDIATION, start=on, subject_label=str(dispute))
        return _finish(actor, dispute, "accept", before, ["status", "accepted_date"])


def dispute_decline(*, actor, dispute: Dispute, reason: str, date=None) -> Dispute:
    with transaction.atomic():
        dispute, on, before = _begin(dispute, "decline", actor, date)
        dispute.declined_reason = _text(reason, "reason", "不予受理的理由", max_length=300)
        dispute.closed_date = on
        _status_to(dispute, "decline")
        return _finish(actor, dispute, "decline", before, ["status", "declined_reason", "closed_date"])


def _check_handler(dispute: Dispute, level: str, mediator: User | None, body: LinkageBody | None,
                   reason: str, *, escalation: bool):
    """Who may mediate at ``level``: the village's own mediators, the town's, or a linkage body."""
    if level not in Level.values:
        raise InvalidInput("调解层级不正确。", field="level")
    if mediator is not None:
        if not mediator.is_active or not mediator.has_role(Role.MEDIATOR):
            raise InvalidInput("所选人员不是调解员。", field="mediator")
        if mediator.town_id != dispute.town_id:
            raise InvalidInput("所选调解员不属于本镇街。", field="mediator")
    if level == Level.VILLAGE:
        if dispute.village_id is None:
            raise InvalidInput("该纠纷不在某一村/社区,不能由村/社区调委会调解。", field="level")
        if mediator is None or mediator.village_id != dispute.village_id:
            raise InvalidInput("请选择该村/社区调委会的调解员。", field="mediator")
    elif level == Level.TOWN:
        if mediator is None or mediator.village_id is not None:
            raise InvalidInput("请选择镇人民调解委员会的调解员。", field="mediator")
        # 小事不出村: a village's dispute goes to the town only with a reason.
        if dispute.village_id and not escalation and not reason:
            raise InvalidInput("该纠纷可由村/社区调委会调解;直接指派给镇调委会须写明理由。", field="reason")
    else:
        if body is None:
            raise InvalidInput("联动调解应选择联动单位。", field="linkage_body")
        if body.district_id != dispute.town.district_id or body.town_id not in (None, dispute.town_id):
            raise InvalidInput("所选单位不是本区的联动单位。", field="linkage_body")
        if not reason:
            raise InvalidInput("提交联动调解须写明理由。", field="reason")
        if mediator is not None and mediator.village_id is not None:
            raise InvalidInput("联动调解的跟进调解员应为镇调委会调解员。", field="mediator")


def _set_handler(dispute, level, mediator, body, reason, on):
    dispute.level = level
    dispute.mediator = mediator
    dispute.mediator_label = mediator.label if mediator else ""
    dispute.linkage_body = body if level == Level.LINKAGE else None
    dispute.assignment_reason = reason
    dispute.assigned_date = on


HANDLER_FIELDS = ["status", "level", "mediator", "mediator_label", "linkage_body", "assignment_reason",
                  "assigned_date"]


def dispute_assign(*, actor, dispute: Dispute, level: str | None = None, mediator: User | None = None,
                   linkage_body: LinkageBody | None = None, reason: str = "", date=None) -> Dispute:
    """指派: to the lowest level by default (the village's committee when the dispute lies in one)."""
    with transaction.atomic():
        dispute, on, before = _begin(dispute, "assign", actor, date, not_before=dispute.accepted_date,
                                     not_before_label="受理日期")
        if not level:
            level = Level.VILLAGE if dispute.village_id else Level.TOWN
        reason = _text(reason, "reason", "理由", required=False, max_length=300)
        _check_handler(dispute, level, mediator, linkage_body, reason, escalation=False)
        if actor.village_id and level != Level.VILLAGE:
            raise DomainError("村/社区调委会不能直接指派给镇或联动单位,请使用“上交上一级”。", code="forbidden_level")
        _set_handler(dispute, level, mediator, linkage_body, reason, on)
        _status_to(dispute, "assign")
        return _finish(actor, dispute, "assign", before, HANDLER_FIELDS)


def dispute_escalate(*, actor, dispute: Dispute, reason: str, mediator: User | None = None,
                     linkage_body: LinkageBody | None = None, date=None) -> Dispute:
    """上交上一级: village → town → linkage, one level at a time, always with a reason. The mediation
    period keeps counting from 受理 (the parties' wait does not start again)."""
    with transaction.atomic():
        dispute, on, before = _begin(dispute, "escalate", actor, date, not_before=dispute.assigned_date,
                                     not_before_label="指派日期")
        index = LEVEL_ORDER.index(Level(dispute.level))
        if index + 1 >= len(LEVEL_ORDER):
            raise DomainError("已是联动调解,不能再上交;调解不成的,请引导当事人通过诉讼、仲裁或行政途径解决。",
                              code="top_level")
        reason = _text(reason, "reason", "上交理由", max_length=300)
        level = LEVEL_ORDER[index + 1]
        _check_handler(dispute, level, mediator, linkage_body, reason, escalation=True)
        from_level = dispute.get_level_display()
        _set_handler(dispute, level, mediator, linkage_body, reason, on)
        _status_to(dispute, "escalate")
        return _finish(actor, dispute, "escalate", before, HANDLER_FIELDS, note=reason,
                       from_level=str(from_level))


def _must_be_handler(actor, dispute):
    """A village mediator mediates only their village's disputes at village level; the town's
    mediators mediate at town and linkage level."""
    if actor.is_superuser:
        return
    if dispute.level == Level.VILLAGE and actor.village_id != dispute.village_id:
        raise DomainError("该纠纷由村/社区调委会调解。", code="forbidden_level")
    if dispute.level in (Level.TOWN, Level.LINKAGE) and actor.village_id is not None:
        raise DomainError("该纠纷已由镇调委会或联动单位调解,村/社区调解员不能记录。", code="forbidden_level")


def dispute_record_session(*, actor, dispute: Dispute, record: str, place: str = "", date=None) -> Session:
    """人民调解法第二十七条: the mediator records each session."""
    with transaction.atomic():
        dispute, on, before = _begin(dispute, "record-session", actor, date, not_before=dispute.assigned_date,
                                     not_before_label="指派日期")
        _must_be_handler(actor, dispute)
        session = Session(dispute=dispute, date=on, place=_text(place, "place", "地点", required=False, max_length=100),
                          mediator_label=actor.label, record=_text(record, "record", "调解记录"))
        session.save()
        _status_to(dispute, "record-session")
        _finish(actor, dispute, "record-session", before, ["status"], session_id=session.pk, session_date=on)
        return session


def dispute_extend(*, actor, dispute: Dispute, reason: str, months: int = 1, date=None) -> Dispute:
    """经双方当事人同意继续调解 (RULES PM-T-2): the one extension of the mediation period."""
    with transaction.atomic():
        dispute, on, before = _begin(dispute, "extend", actor, date)
        clock = clocks.get(dispute, MEDIATION)
        if clock is None:
            raise DomainError("该纠纷没有调解期限。")
        clocks.extend(clock, length=int(months), reason=_text(reason, "reason", "延长理由"), rule=MEDIATION)
        return _finish(actor, dispute, "extend", before, ["status"], note=reason, due_date=clock.due_date)


def _stop_clock(dispute, rule, on):
    clock = clocks.get(dispute, rule)
    if clock is not None and clock.is_open:
        clocks.stop(clock, on=on)
    return clock


def _last_session_date(dispute):
    return dispute.sessions.order_by("-date").values_list("date", flat=True).first()


CONCLUSION_FIELDS = ["status", "outcome", "concluded_date", "concluded_level", "facts", "agreement_terms",
                     "performance", "agreement_form", "agreement_amount", "guided_to", "failure_reason"]


def dispute_settle(*, actor, dispute: Dispute, facts: str, terms: str, performance: str = "",
                   form: str = AgreementForm.WRITTEN, agreement_amount=0, date=None) -> Dispute:
    """调解成功: the agreement with the contents of 人民调解法第二十九条; a written agreement takes
    effect on the day it is signed, and the 30-day window for 司法确认 (第三十三条) runs from then."""
    with transaction.atomic():
        dispute, on, before = _begin(dispute, "settle", actor, date, not_before=_last_session_date(dispute),
                                     not_before_label="最近一次调解日期")
        _must_be_handler(actor, dispute)
        if form not in AgreementForm.values:
            raise InvalidInput("协议形式不正确。", field="form")
        dispute.facts = _text(facts, "facts", "纠纷主要事实、争议事项及各方责任")
        dispute.agreement_terms = _text(terms, "terms", "协议内容")
        # 第二十九条(三): the written agreement states how and by when it is performed.
        dispute.performance = _text(performance, "performance", "履行方式和期限",
                                    required=form == AgreementForm.WRITTEN)
        dispute.agreement_form = form
        dispute.agreement_amount = _amount(agreement_amount, "agreement_amount")
        dispute.outcome = Outcome.SETTLED
        dispute.concluded_date = on
        dispute.concluded_level = dispute.level
        _status_to(dispute, "settle")
        yearlock.ensure_open(dispute.town_id, on)
        _stop_clock(dispute, MEDIATION, on)
        if form == AgreementForm.WRITTEN:
            clocks.start(subject=dispute, rule=CONFIRMATION, start=on, subject_label=str(dispute))
        clocks.start(subject=dispute, rule=RETURN_VISIT, start=on, subject_label=str(dispute))
        return _finish(actor, dispute, "settle", before, CONCLUSION_FIELDS)


def dispute_fail(*, actor, dispute: Dispute, guided_to: str, reason: str, date=None) -> Dispute:
    """调解不成: the parties are guided to 诉讼, 仲裁 or 行政途径 (人民调解法第二十六条)."""
    with transaction.atomic():
        dispute, on, before = _begin(dispute, "fail", actor, date, not_before=_last_session_date(dispute),
                                     not_before_label="最近一次调解日期")
        _must_be_handler(actor, dispute)
        if guided_to not in GuidedTo.values:
            raise InvalidInput("请选择引导当事人解决纠纷的途径。", field="guided_to")
        dispute.guided_to = guided_to
        dispute.failure_reason = _text(reason, "reason", "调解不成的原因", max_length=300)
        dispute.outcome = Outcome.FAILED
        dispute.concluded_date = on
        dispute.concluded_level = dispute.level
        _status_to(dispute, "fail")
        _stop_clock(dispute, MEDIATION, on)
        return _finish(actor, dispute, "fail", before, CONCLUSION_FIELDS)


def dispute_hand_over(*, actor, dispute: Dispute, body: LinkageBody, reason: str, date=None) -> Dispute:
    """移交: to the court, the police or another body that must decide it; the mediation period ends."""
    with transaction.atomic():
        dispute, on, before = _begin(dispute, "hand-over", actor, date)
        if body is None:
            raise InvalidInput("请选择移交单位。", field="body")
        if body.district_id != dispute.town.district_id or body.town_id not in (None, dispute.town_id):
            raise InvalidInput("所选单位不是本区的联动单位。", field="body")
        dispute.handed_to = body
        dispute.handed_date = on
        dispute.handover_reason = _text(reason, "reason", "移交理由", max_length=300)
        _status_to(dispute, "hand-over")
        clock = clocks.get(dispute, MEDIATION)
        if clock is not None and clock.is_open:
            clocks.cancel(clock, on=on)
        return _finish(actor, dispute, "hand-over", before, ["status", "handed_to", "handed_date", "handover_reason"])


def dispute_apply_confirmation(*, actor, dispute: Dispute, date=None) -> Dispute:
    """双方共同申请司法确认, within 30 days of the agreement taking effect (人民调解法第三十三条)."""
    with transaction.atomic():
        dispute, on, before = _begin(dispute, "apply-confirmation", actor, date, not_before=dispute.concluded_date,
                                     not_before_label="协议生效日期")
        if dispute.agreement_form != AgreementForm.WRITTEN:
            raise DomainError("口头协议不能申请司法确认,请先制作书面调解协议书。", code="oral_agreement")
        if dispute.confirmation_applied_date:
            raise DomainError("已经申请过司法确认。", code="already_applied")
        clock = clocks.get(dispute, CONFIRMATION)
        if clock is None or on > clock.due_date:
            due = clock.due_date.isoformat() if clock else ""
            raise DomainError(f"已超过自调解协议生效之日起三十日的申请期限(届满日{due}),不能再申请司法确认。",
                              code="window_passed")
        clocks.stop(clock, on=on)
        dispute.confirmation_applied_date = on
        return _finish(actor, dispute, "apply-confirmation", before, ["confirmation_applied_date"])


def dispute_return_visit(*, actor, dispute: Dispute, note: str = "", performed: bool | None = None,
                         method: str = ReturnVisit.Method.PHONE, date=None) -> ReturnVisit:
    """回访: the committee follows the performance of the agreement (人民调解法第三十一条)."""
    with transaction.atomic():
        dispute, on, before = _begin(dispute, "return-visit", actor, date, not_before=dispute.concluded_date,
                                     not_before_label="调结日期")
        if method not in ReturnVisit.Method.values:
            raise InvalidInput("回访方式不正确。", field="method")
        if dispute.status == Status.SETTLED and performed is None:
            raise InvalidInput("请填写协议履行情况。", field="performed")
        visit = ReturnVisit(dispute=dispute, date=on, method=method, performed=performed,
                            note=_text(note, "note", "回访情况", required=False), visitor_label=actor.label)
        visit.save()
        _stop_clock(dispute, RETURN_VISIT, on)
        fields = []
        if performed is not None:
            dispute.performed = performed
            fields.append("performed")
        _finish(actor, dispute, "return-visit", before, fields or ["status"], visit_id=visit.pk, visit_date=on)
        return visit


def dispute_close(*, actor, dispute: Dispute, date=None, confirmation_waived: bool = False) -> Dispute:
    """结案: a settled dispute only after a return visit, and once the 司法确认 window has lapsed,
    the parties have applied, or both have declared they will not apply."""
    with transaction.atomic():
        dispute, on, before = _begin(dispute, "close", actor, date,
                                     not_before=dispute.concluded_date or dispute.handed_date,
                                     not_before_label="调结或移交日期")
        if dispute.status == Status.SETTLED and not dispute.return_visits.exists():
            raise DomainError("调解成功的纠纷应先回访,了解协议履行情况后再结案。", code="needs_return_visit")
        window = clocks.get(dispute, CONFIRMATION)
        if window is not None and window.is_open:
            if window.due_date >= on and not confirmation_waived:
                raise DomainError(
                    f"司法确认申请期限尚未届满(届满日{window.due_date.isoformat()});"
                    "期限届满、双方已申请司法确认或双方表示不申请后方可结案。", code="window_open")
            # The window lapsed or was waived: it no longer runs.
            clocks.cancel(window, on=on)
        dispute.closed_date = on
        _status_to(dispute, "close")
        return _finish(actor, dispute, "close", before, ["status", "closed_date"])
