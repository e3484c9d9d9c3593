"""Writes of the judicial module: one function per create and per transition.

Transition tables (state → allowed actions); the UI asks them which actions to offer.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from fazhi.core import audit, clocks, workflow, yearlock
from fazhi.core.clocks import ClockRule
from fazhi.core.errors import DomainError, InvalidInput
from fazhi.core.models import Clock, Role
from fazhi.core.personal import mask_name
from fazhi.core.workflow import Transition, Transitions

from .models import InterferenceRecord, LitigationCase, Outcome, ReconsiderationCase, ResolutionCase, ZeroReport

WRITE_ROLES = [Role.CLERK, Role.LEADER, Role.REVIEWER]

L = LitigationCase.Status
LITIGATION_TRANSITIONS = Transitions({
    "answer": Transition(_("提交答辩状和证据"), sources=[L.SERVED], target=L.ANSWERED, roles=WRITE_ROLES),
    "hear": Transition(_("登记开庭及出庭应诉"), sources=[L.SERVED, L.ANSWERED], target=L.HEARD, roles=WRITE_ROLES),
    "close": Transition(_("登记审结"), sources=[L.SERVED, L.ANSWERED, L.HEARD], target=L.CLOSED, roles=WRITE_ROLES),
    # A correction of the registration details; the status stays. A closed case is final.
    "correct": Transition(_("更正登记信息"), sources=[L.SERVED, L.ANSWERED, L.HEARD], target=None,
                          roles=WRITE_ROLES),
})

R = ReconsiderationCase.Status
RECONSIDERATION_TRANSITIONS = Transitions({
    "reply": Transition(_("提交书面答复"), sources=[R.SERVED], target=R.REPLIED, roles=WRITE_ROLES),
    "decide": Transition(_("登记复议决定"), sources=[R.SERVED, R.REPLIED], target=R.DECIDED, roles=WRITE_ROLES),
    "correct": Transition(_("更正登记信息"), sources=[R.SERVED, R.REPLIED], target=None, roles=WRITE_ROLES),
})

S = ResolutionCase.Status
RESOLUTION_TRANSITIONS = Transitions({
    "conclude": Transition(_("登记办结"), sources=[S.OPEN], target=S.CONCLUDED, roles=WRITE_ROLES),
})

# 行政诉讼法第六十七条: evidence and answer within 15 days of receiving the complaint copy;
# calendar days, the last day rolling off a rest day (民法典第二百零三条). No extension.
AL_67 = ClockRule("AL-67", "提交答辩状及证据", 15, "d", "行政诉讼法第六十七条")
# 行政复议法(2023)第四十八条: written reply within 10 days; 第五十四条 summary procedure: 5 days;
# 第八十八条 makes these working days (RULES.md §7 AR-88, flagged for legal confirmation).
AR_48 = ClockRule("AR-48", "被申请人书面答复", 10, "wd", "行政复议法第四十八条、第八十八条")
AR_54 = ClockRule("AR-54", "被申请人书面答复(简易程序)", 5, "wd", "行政复议法第五十四条、第八十八条")


def reply_rule(procedure: str) -> ClockRule:
    return AR_54 if procedure == ReconsiderationCase.Procedure.SUMMARY else AR_48


def _require_role(actor, roles=WRITE_ROLES):
    if getattr(actor, "is_superuser", False):
        return
    if not getattr(actor, "town_id", None) or not actor.has_role(*roles):
        raise DomainError("您的角色不能登记该事项。", code="forbidden_role")


def _require_town(actor, town):
    if getattr(actor, "is_superuser", False):
        return
    if actor.town_id != town.pk:
        raise DomainError("只能登记本镇街的事项。", code="forbidden_town")


def _text(value, label, field, required=True, max_length=None):
    value = (value or "").strip()
    if required and not value:
        raise InvalidInput(f"请填写{label}。", field=field)
    if max_length and len(value) > max_length:
        raise InvalidInput(f"{label}不能超过{max_length}个字。", field=field)
    return value


def _close_clock_unmet(clock: Clock | None, on: datetime.date):
    """The act the clock was for was never done. After the due date that is a breach; before it
    the period simply no longer runs."""
    if clock is None or not clock.is_open:
        return
    if on > clock.due_date:
        clocks.stop(clock, on=on)  # later than the due date: recorded as breached
    else:
        clocks.cancel(clock, on=on)


# --- interference register -----------------------------------------------------------------

def _quarter_of(day: datetime.date) -> int:
    return (day.month - 1) // 3 + 1


def interference_record(*, actor, town, unit, occurred_on, official_name, case_reference, conduct, handling,
                        official_position="", handling_detail="", handled_on=None) -> InterferenceRecord:
    _require_role(actor)
    _require_town(actor, town)
    occurred_on = workflow.action_date(occurred_on, field_name="occurred_on")
    handled_on = (workflow.action_date(handled_on, field_name="handled_on", not_before=occurred_on,
                                       not_before_label="发生日期") if handled_on else None)
    if unit is None or unit.town_id != town.pk:
        raise InvalidInput("请选择本镇街的单位。", field="unit")
    if handling not in InterferenceRecord.Handling.values:
        raise InvalidInput("请选择处理方式。", field="handling")
    with transaction.atomic():
        yearlock.ensure_open(town.pk, occurred_on)
        quarter = _quarter_of(occurred_on)
        if ZeroReport.objects.filter(unit=unit, year=occurred_on.year, quarter=quarter).exists():
            raise DomainError(f"{unit.name}已确认{occurred_on.year}年第{quarter}季度零报告;"
                              "请先撤回该零报告,再登记本季度的干预记录。", code="zero_reported")
        record = InterferenceRecord.objects.create(
            town=town, unit=unit, occurred_on=occurred_on,
            official_name=_text(official_name, "干预人员", "official_name", max_length=50),
            official_position=_text(official_position, "职务", "official_position", required=False, max_length=80),
            case_reference=_text(case_reference, "涉及案件", "case_reference", max_length=200),
            conduct=_text(conduct, "干预情形", "conduct"),
            handling=handling, handling_detail=(handling_detail or "").strip(), handled_on=handled_on,
            recorded_by_label=getattr(actor, "label", str(actor)),
        )
        workflow.record_create(actor, record)
    return record


def quarter_has_started(year: int, quarter: int, today: datetime.date) -> bool:
    return datetime.date(year, 3 * quarter - 2, 1) <= today


def zero_report_confirm(*, actor, town, unit, year: int, quarter: int, on=None, note="") -> ZeroReport:
    _require_role(actor)
    _require_town(actor, town)
    on = workflow.action_date(on, field_name="confirmed_on")
    if quarter not in (1, 2, 3, 4):
        raise InvalidInput("季度应为1至4。", field="quarter")
    if unit is None or unit.town_id != town.pk:
        raise InvalidInput("请选择本镇街的单位。", field="unit")
    if not quarter_has_started(year, quarter, on):
        raise InvalidInput(f"{year}年第{quarter}季度尚未开始,不能作零报告。", field="quarter")
    with transaction.atomic():
        yearlock.ensure_open(town.pk, datetime.date(year, 1, 1))
        first = datetime.date(year, 3 * quarter - 2, 1)
        last = (datetime.date(year + 1, 1, 1) if quarter == 4 else datetime.date(year, 3 * quarter + 1, 1))
        if InterferenceRecord.objects.filter(unit=unit, occurred_on__gte=first, occurred_on__lt=last).exists():
            raise DomainError(f"{unit.name}在{year}年第{quarter}季度有干预记录,不能作零报告。", code="has_records")
        if ZeroReport.objects.filter(unit=unit, year=year, quarter=quarter).exists():
            raise DomainError(f"{unit.name}已确认过{year}年第{quarter}季度零报告。", code="duplicate")
        report = ZeroReport.objects.create(town=town, unit=unit, year=year, quarter=quarter, confirmed_on=on,
                                           confirmed_by_label=getattr(actor, "label", str(actor)),
                                           note=(note or "").strip()[:200])
        workflow.record_create(actor, report)
    return report


def zero_report_withdraw(*, actor, report: ZeroReport, reason: str):
    _require_role(actor)
    _require_town(actor, report.town)
    reason = _text(reason, "撤回理由", "reason", max_length=200)
    with transaction.atomic():
        yearlock.ensure_open(report.town_id, datetime.date(report.year, 1, 1))
        before = audit.snapshot(report)
        audit.record(actor=actor, action="zeroreport.withdraw", obj=report, before=before, note=reason)
        report.delete()


# --- litigation ----------------------------------------------------------------------------

def litigation_create(*, actor, town, court, case_number, plaintiff, cause, served_date,
                      stage=LitigationCase.Stage.FIRST, concerns_disclosure=False, after_reconsideration=False,
                      party_is_organisation=False) -> LitigationCase:
    _require_role(actor)
    _require_town(actor, town)
    served_date = workflow.action_date(served_date, field_name="served_date")
    if stage not in LitigationCase.Stage.values:
        raise InvalidInput("请选择审级。", field="stage")
    case_number = _text(case_number, "案号", "case_number", max_length=60)
    with transaction.atomic():
        yearlock.ensure_open(town.pk, served_date)
        if LitigationCase.objects.filter(town=town, case_number=case_number).exists():
            raise DomainError(f"案号“{case_number}”已登记。", code="duplicate", field="case_number")
        case = LitigationCase.objects.create(
            town=town, court=_text(court, "受理法院", "court", max_length=80), case_number=case_number,
            plaintiff=_text(plaintiff, "原告", "plaintiff", max_length=100),
            cause=_text(cause, "案由", "cause", max_length=200), stage=stage,
            concerns_disclosure=bool(concerns_disclosure), after_reconsideration=bool(after_reconsideration),
            served_date=served_date, party_is_organisation=bool(party_is_organisation),
        )
        clock = clocks.start(subject=case, rule=AL_67, start=served_date,
                             subject_label=f"行政诉讼 {case.case_number}", url=case.get_absolute_url())
        case.answer_due = clock.due_date
        case.save(update_fields=["answer_due"])
        workflow.record_create(actor, case)
    return case


def litigation_answer(*, actor, case: LitigationCase, on=None) -> LitigationCase:
    with transaction.atomic():
        case = workflow.lock(case)
        LITIGATION_TRANSITIONS.check(case, "answer", actor)
        on = workflow.action_date(on, field_name="on", not_before=case.served_date, not_before_label="收到起诉状副本日期")
        yearlock.ensure_open(case.town_id, case.served_date, on)
        before = audit.snapshot(case)
        clock = clocks.get(case, AL_67)
        if clock is not None and clock.is_open:
            clocks.stop(clock, on=on)
        case.status = L.ANSWERED
        case.answered_on = on
        case.save(update_fields=["status", "answered_on"])
        late = clock is not None and clock.state == Clock.State.BREACHED
        workflow.record_transition(actor, case, "answer", before, late=late)
    return case


def litigation_hear(*, actor, case: LitigationCase, hearing_date, appearance, appearer_name="",
                    appearer_position="", absence_reason="", absence_detail="") -> LitigationCase:
    with transaction.atomic():
        case = workflow.lock(case)
        LITIGATION_TRANSITIONS.check(case, "hear", actor)
        hearing_date = workflow.action_date(hearing_date, field_name="hearing_date", not_before=case.served_date,
                                            not_before_label="收到起诉状副本日期")
        yearlock.ensure_open(case.town_id, case.served_date, hearing_date)
        A = LitigationCase.Appearance
        if appearance not in A.values:
            raise InvalidInput("请选择出庭情况。", field="appearance")
        appearer_name = (appearer_name or "").strip()
        if appearance != A.NONE and not appearer_name:
            raise InvalidInput("请填写出庭人员。", field="appearer_name")
        if appearance in LitigationCase.HEAD_APPEARANCES:
            absence_reason, absence_detail = "", ""
        elif absence_reason not in LitigationCase.AbsenceReason.values:
            # 法释〔2020〕3号 第八条、第九条: a head who cannot appear states a lawful reason, with proof.
            raise InvalidInput("负责人未出庭的,须选择法释〔2020〕3号第八条规定的正当理由。", field="absence_reason")
        before = audit.snapshot(case)
        _close_clock_unmet(clocks.get(case, AL_67), hearing_date)
        case.status = L.HEARD
        case.hearing_date = hearing_date
        case.appearance = appearance
        case.appearer_name = appearer_name[:50] if appearance != A.NONE else ""
        case.appearer_position = (appearer_position or "").strip()[:80] if appearance != A.NONE else ""
        case.absence_reason = absence_reason
        case.absence_detail = (absence_detail or "").strip()[:200]
        case.save(update_fields=["status", "hearing_date", "appearance", "appearer_name", "appearer_position",
                                 "absence_reason", "absence_detail"])
        workflow.record_transition(actor, case, "hear", before)
    return case


def litigation_close(*, actor, case: LitigationCase, closed_on, outcome, lost=False, result_detail=""
                     ) -> LitigationCase:
    with transaction.atomic():
        case = workflow.lock(case)
        LITIGATION_TRANSITIONS.check(case, "close", actor)
        closed_on = workflow.action_date(closed_on, field_name="closed_on",
                                         not_before=case.hearing_date or case.served_date)
        yearlock.ensure_open(case.town_id, case.served_date, closed_on)
        if outcome not in Outcome.values:
            raise InvalidInput("请选择结果(维持、纠正或其他)。", field="outcome")
        if lost and outcome == Outcome.MAINTAINED:
            raise InvalidInput("被诉行为经判决维持的,不是败诉。", field="lost")
        before = audit.snapshot(case)
        _close_clock_unmet(clocks.get(case, AL_67), closed_on)
        case.status = L.CLOSED
        case.closed_on = closed_on
        case.outcome = outcome
        case.lost = bool(lost)
        case.result_detail = (result_detail or "").strip()[:200]
        case.save(update_fields=["status", "closed_on", "outcome", "lost", "result_detail"])
        workflow.record_transition(actor, case, "close", before)
    return case


# --- reconsideration -------------------------------------------------------------------------

def reconsideration_create(*, actor, town, authority, case_number, applicant, act_challenged, served_date,
                           procedure=ReconsiderationCase.Procedure.NORMAL, concerns_disclosure=False,
                           party_is_organisation=False) -> ReconsiderationCase:
    _require_role(actor)
    _require_town(actor, town)
    served_date = workflow.action_date(served_date, field_name="served_date")
    if procedure not in ReconsiderationCase.Procedure.values:
        raise InvalidInput("请选择普通程序或简易程序。", field="procedure")
    case_number = _text(case_number, "案号", "case_number", max_length=60)
    with transaction.atomic():
        yearlock.ensure_open(town.pk, served_date)
        if ReconsiderationCase.objects.filter(town=town, case_number=case_number).exists():
            raise DomainError(f"案号“{case_number}”已登记。", code="duplicate", field="case_number")
        case = ReconsiderationCase.objects.create(
            town=town, authority=_text(authority, "复议机关", "authority", max_length=80), case_number=case_number,
            applicant=_text(applicant, "申请人", "applicant", max_length=100),
            act_challenged=_text(act_challenged, "被申请复议的行政行为", "act_challenged", max_length=200),
            procedure=procedure, concerns_disclosure=bool(concerns_disclosure), served_date=served_date,
            party_is_organisation=bool(party_is_organisation),
        )
        clock = clocks.start(subject=case, rule=reply_rule(procedure), start=served_date,
                             subject_label=f"行政复议 {case.case_number}", url=case.get_absolute_url())
        case.reply_due = clock.due_date
        case.save(update_fields=["reply_due"])
        workflow.record_create(actor, case)
    return case


def reconsideration_reply(*, actor, case: ReconsiderationCase, on=None) -> ReconsiderationCase:
    with transaction.atomic():
        case = workflow.lock(case)
        RECONSIDERATION_TRANSITIONS.check(case, "reply", actor)
        on = workflow.action_date(on, field_name="on", not_before=case.served_date, not_before_label="收到申请书副本日期")
        yearlock.ensure_open(case.town_id, case.served_date, on)
        before = audit.snapshot(case)
        clock = clocks.get(case, reply_rule(case.procedure))
        if clock is not None and clock.is_open:
            clocks.stop(clock, on=on)
        case.status = R.REPLIED
        case.replied_on = on
        case.save(update_fields=["status", "replied_on"])
        workflow.record_transition(actor, case, "reply", before,
                                   late=clock is not None and clock.state == Clock.State.BREACHED)
    return case


def reconsideration_decide(*, actor, case: ReconsiderationCase, decided_on, outcome, decision_detail=""
                           ) -> ReconsiderationCase:
    with transaction.atomic():
        case = workflow.lock(case)
        RECONSIDERATION_TRANSITIONS.check(case, "decide", actor)
        decided_on = workflow.action_date(decided_on, field_name="decided_on",
                                          not_before=case.replied_on or case.served_date)
        yearlock.ensure_open(case.town_id, case.served_date, decided_on)
        if outcome not in Outcome.values:
            raise InvalidInput("请选择结果(维持、纠正或其他)。", field="outcome")
        before = audit.snapshot(case)
        _close_clock_unmet(clocks.get(case, reply_rule(case.procedure)), decided_on)
        case.status = R.DECIDED
        case.decided_on = decided_on
        case.outcome = outcome
        case.decision_detail = (decision_detail or "").strip()[:200]
        case.save(update_fields=["status", "decided_on", "outcome", "decision_detail"])
        workflow.record_transition(actor, case, "decide", before)
    return case


# --- corrections of the registration details ------------------------------------------------

def _party_masked(snap: dict, party_field: str, is_organisation: bool) -> dict:
    # A citizen's name stays inside the case: the audit log keeps it masked (an organisation's is public).
    if snap.get(party_field) and not is_organisation:
        snap[party_field] = mask_name(snap[party_field])
    return snap


def _correct(*, actor, case, transitions, rule, fields: dict, reason: str, due_field: str, served_label: str,
             clock_label: str, subject_prefix: str, party_field: str):
    """Correct a case's registration details (what was typed wrong when it was registered).

    ``fields`` maps a field name to (label, new value or None for "unchanged", max_length or None).
    A corrected served date counts the statutory period again from the new date (clocks.restart);
    once that period has ended (the answer/reply is filed, or the case heard) the date can no
    longer move the clock, and the correction is refused rather than leaving the clock wrong.
    A refusal changes nothing."""
    with transaction.atomic():
        case = workflow.lock(case)
        transitions.check(case, "correct", actor)
        _require_town(actor, case.town)
        reason = _text(reason, "更正理由", "reason", max_length=200)
        changes = {}
        for name, (label, value, max_length) in fields.items():
            if value is None:
                continue
            if name == "served_date":
                value = workflow.action_date(value, field_name="served_date")
            elif isinstance(value, bool) or max_length is None:
                value = bool(value)
            else:
                value = _text(value, label, name, max_length=max_length)
            if value != getattr(case, name):
                changes[name] = value
        if not changes:
            raise InvalidInput("没有需要更正的内容:填写的信息与登记的一致。", code="no_change")
        served = changes.get("served_date")
        # Both the old and the new date place the case in a report year (RULES: yearlock).
        yearlock.ensure_open(case.town_id, case.served_date, served)
        number = changes.get("case_number")
        if number and type(case).objects.filter(town_id=case.town_id, case_number=number).exclude(
                pk=case.pk).exists():
            raise DomainError(f"案号“{number}”已登记。", code="duplicate", field="case_number")
        clock = clocks.get(case, rule)
        if served is not None and (clock is None or not clock.is_open):
            raise DomainError(f"“{clock_label}”期限已经结束,不能再更正{served_label};"
                              "如确需更正,请联系管理员。", code="clock_ended", field="served_date")
        before = _party_masked(audit.snapshot(case), party_field, case.party_is_organisation)
        for name, value in changes.items():
            setattr(case, name, value)
        update_fields = list(changes)
        if served is not None:
            clock = clocks.restart(clock, start=served)
            setattr(case, due_field, clock.due_date)
            update_fields.append(due_field)
        case.save(update_fields=update_fields)
        if number:
            # The clocks name their case on the workbench: keep the name in step with the case number.
            Clock.objects.filter(pk__in=[c.pk for c in clocks.for_subject(case)]).update(
                subject_label=f"{subject_prefix} {case.case_number}"[:200])
        after = _party_masked(audit.snapshot(case), party_field, case.party_is_organisation)
        before, after = audit.diff(before, after)
        audit.record(actor=actor, action=f"{case._meta.model_name}.correct", obj=case, before=before,
                     after={**after, "corrected": sorted(changes), "reason": reason}, note=reason)
    return case


def litigation_correct(*, actor, case: LitigationCase, reason: str, court=None, case_number=None, plaintiff=None,
                       party_is_organisation=None, cause=None, served_date=None) -> LitigationCase:
    """更正行政诉讼案件的登记信息; a new served date restarts the AL-67 answer clock."""
    return _correct(
        actor=actor, case=case, transitions=LITIGATION_TRANSITIONS, rule=AL_67, reason=reason,
        due_field="answer_due", served_label="收到起诉状副本日期", clock_label=AL_67.label,
        subject_prefix="行政诉讼", party_field="plaintiff",
        fields={"court": ("受理法院", court, 80), "case_number": ("案号", case_number, 60),
                "plaintiff": ("原告", plaintiff, 100), "party_is_organisation": ("", party_is_organisation, None),
                "cause": ("案由", cause, 200), "served_date": ("", served_date, None)},
    )


def reconsideration_correct(*, actor, case: ReconsiderationCase, reason: str, authority=None, case_number=None,
                            applicant=None, party_is_organisation=None, act_challenged=None, served_date=None
                            ) -> ReconsiderationCase:
    """更正行政复议案件的登记信息; a new served date restarts the AR-48/AR-54 reply clock."""
    rule = reply_rule(case.procedure)
    return _correct(
        actor=actor, case=case, transitions=RECONSIDERATION_TRANSITIONS, rule=rule, reason=reason,
        due_field="reply_due", served_label="收到申请书副本日期", clock_label=rule.label,
        subject_prefix="行政复议", party_field="applicant",
        fields={"authority": ("复议机关", authority, 80), "case_number": ("案号", case_number, 60),
                "applicant": ("申请人", applicant, 100), "party_is_organisation": ("", party_is_organisation, None),
                "act_challenged": ("被申请复议的行为", act_challenged, 200), "served_date": ("", served_date, None)},
    )


# --- adjudication and arbitration ------------------------------------------------------------

def resolution_create(*, actor, town, kind, case_number, body, parties, matter, received_on) -> ResolutionCase:
    _require_role(actor)
    _require_town(actor, town)
    received_on = workflow.action_date(received_on, field_name="received_on")
    if kind not in ResolutionCase.Kind.values:
        raise InvalidInput("请选择行政裁决或仲裁。", field="kind")
    case_number = _text(case_number, "案号", "case_number", max_length=60)
    with transaction.atomic():
        yearlock.ensure_open(town.pk, received_on)
        if ResolutionCase.objects.filter(town=town, kind=kind, case_number=case_number).exists():
            raise DomainError(f"案号“{case_number}”已登记。", code="duplicate", field="case_number")
        case = ResolutionCase.objects.create(
            town=town, kind=kind, case_number=case_number, body=_text(body, "裁决/仲裁机构", "body", max_length=80),
            parties=_text(parties, "当事人", "parties", max_length=200),
            matter=_text(matter, "争议事项", "matter", max_length=200), received_on=received_on,
        )
        workflow.record_create(actor, case)
    return case


def resolution_conclude(*, actor, case: ResolutionCase, concluded_on, result) -> ResolutionCase:
    with transaction.atomic():
        case = workflow.lock(case)
        RESOLUTION_TRANSITIONS.check(case, "conclude", actor)
        concluded_on = workflow.action_date(concluded_on, field_name="concluded_on", not_before=case.received_on,
                                            not_before_label="受理日期")
        yearlock.ensure_open(case.town_id, case.received_on, concluded_on)
        before = audit.snapshot(case)
        case.status = S.CONCLUDED
        case.concluded_on = concluded_on
        case.result = _text(result, "结果", "result", max_length=200)
        case.save(update_fields=["status", "concluded_on", "result"])
        workflow.record_transition(actor, case, "conclude", before)
    return case
