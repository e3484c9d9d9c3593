"""Writes of the major-decision procedure (重大行政决策程序暂行条例, RULES.md §4).

drafting ─open_consultation→ consulting ─(period over)→ … expert_opinion, risk_assessment,
counsel_opinion (recorded while drafting or consulting) ─submit_review→ reviewing
─legality_review pass→ reviewed ─collective_discussion pass→ discussed ─decide→ decided
─publish→ published ─archive→ archived.  A failed review or discussion goes back to drafting.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from fazhi.core import audit, clocks, workflow, yearlock
from fazhi.core.clocks import ClockRule
from fazhi.core.errors import DomainError, InvalidInput
from fazhi.core.models import Role
from fazhi.core.workflow import Transition, Transitions

from .models import Catalogue, Category, Decision, Incident

S = Decision.Status
STAFF = [Role.CLERK, Role.LEADER]
PREPARING = [S.DRAFTING, S.CONSULTING]

TRANSITIONS = Transitions({
    "open_consultation": Transition(_("公开征求意见"), sources=[S.DRAFTING], target=S.CONSULTING, roles=STAFF),
    "close_consultation": Transition(_("征求意见结束"), sources=[S.CONSULTING], target=S.DRAFTING, roles=STAFF),
    "expert_opinion": Transition(_("专家论证"), sources=PREPARING, roles=STAFF),
    "risk_assessment": Transition(_("风险评估"), sources=PREPARING, roles=STAFF),
    "counsel_opinion": Transition(_("法律顾问意见"), sources=PREPARING, roles=[*STAFF, Role.REVIEWER]),
    "submit_review": Transition(_("送合法性审查"), sources=PREPARING, target=S.REVIEWING, roles=STAFF),
    "legality_review": Transition(_("合法性审查"), sources=[*PREPARING, S.REVIEWING], roles=[Role.REVIEWER]),
    "collective_discussion": Transition(_("集体讨论"), sources=[S.REVIEWED], roles=STAFF),
    "decide": Transition(_("作出决定"), sources=[S.DISCUSSED], target=S.DECIDED, roles=[Role.LEADER]),
    "publish": Transition(_("公布决策"), sources=[S.DECIDED], target=S.PUBLISHED, roles=STAFF),
    "archive": Transition(_("归档"), sources=[S.PUBLISHED], target=S.ARCHIVED, roles=STAFF),
    "evaluate": Transition(_("执行情况与后评估"), sources=[S.PUBLISHED, S.ARCHIVED], roles=STAFF),
})

# RULES.md §0 MD-14 / §4 [MD-14] (SECONDARY): a public comment period of generally at least 30 days;
# shorter only with a stated reason.
MIN_CONSULTATION_DAYS = 30
CONSULTATION = ClockRule("MD-14", "重大行政决策公开征求意见期", MIN_CONSULTATION_DAYS, "d",
                         "重大行政决策程序暂行条例(征求意见期一般不少于30日)", roll=False)
# RULES.md §0 MD-27 / §4 [MD-LEGAL] (UNVERIFIED): the reviewer is given generally at least 7 WD.
LEGALITY_REVIEW = ClockRule("MD-27", "重大行政决策合法性审查", 7, "wd",
                            "重大行政决策程序暂行条例第27条(审查时间一般不少于7个工作日)")


def _begin(decision, action, actor, *dates):
    decision = workflow.lock(decision)
    TRANSITIONS.check(decision, action, actor if hasattr(actor, "has_role") else None)
    yearlock.ensure_open(decision.town_id, *dates)
    return decision, audit.snapshot(decision)


def _text(value, field, label, *, required=True, max_length=None):
    value = (value or "").strip()
    if required and not value:
        raise InvalidInput(f"请填写{label}。", field=field)
    if max_length and len(value) > max_length:
        raise InvalidInput(f"{label}不能超过{max_length}个字。", field=field)
    return value


def _day(value, decision, field="date"):
    return workflow.action_date(value, field_name=field, not_before=decision.started_on, not_before_label="启动日期")


# --- catalogue ------------------------------------------------------------------------------

@transaction.atomic
def catalogue_create(*, actor, town, year: int, note="") -> Catalogue:
    yearlock.ensure_open(town.pk, datetime.date(year, 1, 1))
    if Catalogue.objects.filter(town=town, year=year).exists():
        raise DomainError(f"{year}年度目录已经建立。", code="exists")
    catalogue = Catalogue.objects.create(town=town, year=year, note=(note or "")[:300])
    Decision.objects.filter(town=town, catalogue__isnull=True, started_on__year=year).update(catalogue=catalogue)
    workflow.record_create(actor, catalogue)
    return catalogue


def catalogue_approve(*, actor, catalogue, date=None) -> Catalogue:
    """经同级党委同意 (RULES.md §4 [MD-3-3])."""
    with transaction.atomic():
        catalogue = workflow.lock(catalogue)
        if catalogue.approved_on:
            raise DomainError("目录已经党委同意。", code="bad_state")
        day = workflow.action_date(date)
        yearlock.ensure_open(catalogue.town_id, datetime.date(catalogue.year, 1, 1))
        before = audit.snapshot(catalogue)
        catalogue.approved_on = day
        catalogue.save(update_fields=["approved_on"])
        workflow.record_transition(actor, catalogue, "approve", before)
    return catalogue


def catalogue_publish(*, actor, catalogue, date=None) -> Catalogue:
    """向社会公布 — only after the party committee's approval (RULES.md §4 [MD-3-3])."""
    with transaction.atomic():
        catalogue = workflow.lock(catalogue)
        if not catalogue.approved_on:
            raise DomainError("目录须经党委同意后方可公布。", code="not_approved")
        if catalogue.published_on:
            raise DomainError("目录已经公布。", code="bad_state")
        day = workflow.action_date(date, not_before=catalogue.approved_on, not_before_label="党委同意日期")
        yearlock.ensure_open(catalogue.town_id, datetime.date(catalogue.year, 1, 1))
        before = audit.snapshot(catalogue)
        catalogue.published_on = day
        catalogue.save(update_fields=["published_on"])
        workflow.record_transition(actor, catalogue, "publish", before)
    return catalogue


# --- decisions ------------------------------------------------------------------------------

@transaction.atomic
def decision_create(*, actor, town, title, category, started_on=None, sponsor_unit="", summary="") -> Decision:
    if category not in Category.values:
        raise InvalidInput("决策类别不正确。", field="category")
    started_on = workflow.action_date(started_on, field_name="started_on")
    yearlock.ensure_open(town.pk, started_on)
    decision = Decision.objects.create(
        town=town, title=_text(title, "title", "决策事项", max_length=200), category=category,
        started_on=started_on, sponsor_unit=(sponsor_unit or "").strip()[:100], summary=summary or "",
        catalogue=Catalogue.objects.filter(town=town, year=started_on.year).first(),
    )
    workflow.record_create(actor, decision)
    return decision


def decision_open_consultation(*, actor, decision, start, end, date=None, short_reason="") -> Decision:
    """Public participation: a comment period of at least 30 days unless a reason is stated
    (RULES.md §4 [MD-14]). The period counts from the day after ``start`` (民法典第201条)."""
    with transaction.atomic():
        day = _day(date, decision)
        start = workflow.action_date(start, field_name="start", not_before=decision.started_on,
                                     not_before_label="启动日期") if start else None
        if start is None or end is None:
            raise InvalidInput("请填写征求意见的起止日期。", field="start")
        if isinstance(end, str):
            try:
                end = datetime.date.fromisoformat(end)
            except ValueError:
                raise InvalidInput("截止日期格式不正确,应为YYYY-MM-DD。", field="end") from None
        if end <= start:
            raise InvalidInput("截止日期应晚于开始日期。", field="end")
        length = (end - start).days
        short_reason = (short_reason or "").strip()[:300]
        if length < MIN_CONSULTATION_DAYS and not short_reason:
            raise InvalidInput(f"征求意见期为{length}日,少于30日;因情况紧急等原因需要缩短的,应说明理由。",
                               code="consultation_too_short", field="end")
        decision, before = _begin(decision, "open_consultation", actor, day, start)
        clock = clocks.start(subject=decision, rule=CONSULTATION, start=start, length=length,
                             subject_label=f"重大行政决策:{decision.title}")
        decision.status = S.CONSULTING
        decision.consultation_start = start
        decision.consultation_end = clock.due_date
        decision.consultation_short_reason = short_reason if length < MIN_CONSULTATION_DAYS else ""
        decision.save(update_fields=["status", "consultation_start", "consultation_end", "consultation_short_reason"])
        workflow.record_transition(actor, decision, "open_consultation", before)
    return decision


def _close_consultation(decision, day):
    if day < decision.consultation_end:
        raise DomainError(f"公开征求意见期至{decision.consultation_end:%Y-%m-%d}届满,尚未结束。",
                          code="consultation_open")
    clock = clocks.get(decision, CONSULTATION)
    if clock is not None and clock.is_open:
        clocks.stop(clock, on=decision.consultation_end)
    decision.status = S.DRAFTING


def decision_close_consultation(*, actor, decision, date=None, comments_received=None, comments_adopted=None,
                                reply="") -> Decision:
    """The comment period is over: record the comments received and how they were answered."""
    with transaction.atomic():
        decision, before = _begin(decision, "close_consultation", actor)
        day = _day(date, decision)
        yearlock.ensure_open(decision.town_id, day)
        if comments_received is not None and comments_adopted is not None and comments_adopted > comments_received:
            raise InvalidInput("采纳的意见不能多于收到的意见。", field="comments_adopted")
        _close_consultation(decision, day)
        decision.comments_received = comments_received
        decision.comments_adopted = comments_adopted
        decision.consultation_reply = (reply or "").strip()
        decision.save(update_fields=["status", "comments_received", "comments_adopted", "consultation_reply"])
        workflow.record_transition(actor, decision, "close_consultation", before)
    return decision


def decision_expert_opinion(*, actor, decision, date=None, opinion="", not_required="") -> Decision:
    """专家论证 (RULES.md §4 [MD-EXP]), or the recorded reason it is not required ([MD-TWN])."""
    return _record_step(actor, decision, "expert_opinion", date, opinion, not_required,
                        on="expert_on", text="expert_opinion", reason="expert_not_required", label="专家论证意见")


def decision_risk_assessment(*, actor, decision, date=None, opinion="", level="", not_required="") -> Decision:
    """风险评估 (RULES.md §4 [MD-RISK]), or the recorded reason it is not required ([MD-TWN])."""
    return _record_step(actor, decision, "risk_assessment", date, opinion, not_required,
                        on="risk_on", text="risk_opinion", reason="risk_not_required", label="风险评估结论",
                        extra={"risk_level": (level or "").strip()[:20]})


def _record_step(actor, decision, action, date, opinion, not_required, *, on, text, reason, label, extra=None):
    with transaction.atomic():
        opinion = (opinion or "").strip()
        not_required = (not_required or "").strip()[:300]
        if not opinion and not not_required:
            raise InvalidInput(f"请填写{label},或说明无需该程序的理由。", field="opinion")
        decision, before = _begin(decision, action, actor)
        day = _day(date, decision)
        yearlock.ensure_open(decision.town_id, day)
        setattr(decision, on, day)
        setattr(decision, text, opinion)
        setattr(decision, reason, "" if opinion else not_required)
        fields = [on, text, reason]
        for name, value in (extra or {}).items():
            setattr(decision, name, value)
            fields.append(name)
        decision.save(update_fields=fields)
        workflow.record_transition(actor, decision, action, before)
    return decision


def decision_counsel_opinion(*, actor, decision, opinion, date=None, counsel="") -> Decision:
    """The town's legal counsel's opinion (seed 一(四): 均征求镇法律顾问意见)."""
    with transaction.atomic():
        opinion = _text(opinion, "opinion", "法律顾问意见")
        decision, before = _begin(decision, "counsel_opinion", actor)
        day = _day(date, decision)
        yearlock.ensure_open(decision.town_id, day)
        decision.counsel_on = day
        decision.counsel_opinion = opinion
        decision.counsel_name = (counsel or "").strip()[:100]
        decision.save(update_fields=["counsel_on", "counsel_opinion", "counsel_name"])
        workflow.record_transition(actor, decision, "counsel_opinion", before)
    return decision


def _ready_for_review(decision, day):
    """A draft goes to legality review only once it has been through public participation,
    expert argumentation and risk assessment (or their recorded waivers) and the counsel's
    opinion (RULES.md §4 [MD-STEPS], [MD-LEGAL])."""
    if not decision.consultation_start:
        raise DomainError("决策草案尚未公开征求意见,不能送合法性审查。", code="no_consultation")
    if decision.status == S.CONSULTING:
        _close_consultation(decision, day)
    missing = []
    if not decision.expert_on:
        missing.append("专家论证(或不需论证的理由)")
    if not decision.risk_on:
        missing.append("风险评估(或不需评估的理由)")
    if not decision.counsel_on:
        missing.append("法律顾问意见")
    if missing:
        raise DomainError(f"尚未记录{'、'.join(missing)},不能进行合法性审查。", code="steps_missing")


def decision_submit_review(*, actor, decision, date=None) -> Decision:
    """送请合法性审查: the 司法所 is given at least 7 working days (MD-27)."""
    with transaction.atomic():
        decision, before = _begin(decision, "submit_review", actor)
        day = _day(date, decision)
        yearlock.ensure_open(decision.town_id, day)
        _ready_for_review(decision, day)
        rounds = 1 + sum(1 for c in clocks.for_subject(decision) if c.rule.startswith(LEGALITY_REVIEW.code))
        rule = LEGALITY_REVIEW if rounds == 1 else ClockRule(f"{LEGALITY_REVIEW.code}/{rounds}", LEGALITY_REVIEW.label,
                                                              7, "wd", LEGALITY_REVIEW.article)
        clock = clocks.start(subject=decision, rule=rule, start=day, subject_label=f"重大行政决策:{decision.title}")
        decision.status = S.REVIEWING
        decision.review_submitted_on = day
        decision.review_due = clock.due_date
        decision.save(update_fields=["status", "review_submitted_on", "review_due", "consultation_end"])
        workflow.record_transition(actor, decision, "submit_review", before)
    return decision


def decision_legality_review(*, actor, decision, result, date=None, opinion="") -> Decision:
    """The 司法所's legality review; without a pass the draft may not go to discussion
    (RULES.md §4 [MD-LEGAL])."""
    with transaction.atomic():
        if result not in Decision.Result.values:
            raise InvalidInput("审查结论应为“通过”(pass)或“不通过”(fail)。", field="result")
        opinion = (opinion or "").strip()
        if result == Decision.Result.FAIL and not opinion:
            raise InvalidInput("审查不通过的,请写明审查意见。", field="opinion")
        decision, before = _begin(decision, "legality_review", actor)
        day = _day(date, decision)
        yearlock.ensure_open(decision.town_id, day)
        if decision.status != S.REVIEWING:
            _ready_for_review(decision, day)
            decision.review_submitted_on = day
            decision.review_due = None
        elif day < decision.review_submitted_on:
            raise InvalidInput("审查日期不能早于送审日期。", field="date")
        for clock in clocks.for_subject(decision):
            if clock.rule.startswith(LEGALITY_REVIEW.code) and clock.is_open:
                clocks.stop(clock, on=day)
        decision.reviewed_on = day
        decision.review_result = result
        decision.review_opinion = opinion
        decision.reviewer_label = actor.label
        decision.status = S.REVIEWED if result == Decision.Result.PASS else S.DRAFTING
        decision.save(update_fields=["reviewed_on", "review_result", "review_opinion", "reviewer_label", "status",
                                     "review_submitted_on", "review_due", "consultation_end"])
        workflow.record_transition(actor, decision, "legality_review", before, note=opinion)
    return decision


def decision_collective_discussion(*, actor, decision, result, date=None, meeting="", minutes="") -> Decision:
    """集体讨论 at the government's meeting, minutes with dissenting opinions (RULES.md §4 [MD-COLL])."""
    with transaction.atomic():
        if result not in Decision.Result.values:
            raise InvalidInput("讨论结果应为“通过”(pass)或“不通过”(fail)。", field="result")
        decision, before = _begin(decision, "collective_discussion", actor)
        day = workflow.action_date(date, not_before=decision.reviewed_on, not_before_label="合法性审查日期")
        yearlock.ensure_open(decision.town_id, day)
        decision.discussed_on = day
        decision.discussion_result = result
        decision.discussion_meeting = (meeting or "").strip()[:200]
        decision.discussion_minutes = (minutes or "").strip()
        decision.status = S.DISCUSSED if result == Decision.Result.PASS else S.DRAFTING
        decision.save(update_fields=["discussed_on", "discussion_result", "discussion_meeting", "discussion_minutes",
                                     "status"])
        workflow.record_transition(actor, decision, "collective_discussion", before)
    return decision


def decision_decide(*, actor, decision, date=None, text="") -> Decision:
    """The head decides on the basis of the collective discussion (RULES.md §4 [MD-COLL])."""
    with transaction.atomic():
        decision, before = _begin(decision, "decide", actor)
        day = workflow.action_date(date, not_before=decision.discussed_on, not_before_label="集体讨论日期")
        yearlock.ensure_open(decision.town_id, day)
        if not (decision.counsel_on and decision.review_result == Decision.Result.PASS
                and decision.discussion_result == Decision.Result.PASS):
            raise DomainError("须经法律顾问意见、合法性审查通过和集体讨论通过后方可作出决定。", code="steps_missing")
        decision.status = S.DECIDED
        decision.decided_on = day
        decision.decided_by_label = actor.label
        decision.decision_text = (text or "").strip()
        decision.save(update_fields=["status", "decided_on", "decided_by_label", "decision_text"])
        workflow.record_transition(actor, decision, "decide", before)
    return decision


def decision_publish(*, actor, decision, date=None, channel="") -> Decision:
    """RULES.md §4 [MD-PUB]."""
    with transaction.atomic():
        decision, before = _begin(decision, "publish", actor)
        day = workflow.action_date(date, not_before=decision.decided_on, not_before_label="决定日期")
        yearlock.ensure_open(decision.town_id, day, decision.decided_on)
        decision.status = S.PUBLISHED
        decision.published_on = day
        decision.publication_channel = (channel or "镇政府网站").strip()[:200]
        decision.save(update_fields=["status", "published_on", "publication_channel"])
        workflow.record_transition(actor, decision, "publish", before)
    return decision


def decision_archive(*, actor, decision, date=None) -> Decision:
    """RULES.md §4 [MD-ARCH]: every step's records are kept with the decision."""
    with transaction.atomic():
        decision, before = _begin(decision, "archive", actor)
        day = workflow.action_date(date, not_before=decision.published_on, not_before_label="公布日期")
        yearlock.ensure_open(decision.town_id, day, decision.decided_on)
        decision.status = S.ARCHIVED
        decision.archived_on = day
        decision.save(update_fields=["status", "archived_on"])
        workflow.record_transition(actor, decision, "archive", before)
    return decision


def decision_evaluate(*, actor, decision, evaluation, date=None) -> Decision:
    with transaction.atomic():
        evaluation = _text(evaluation, "evaluation", "执行情况与后评估")
        decision, before = _begin(decision, "evaluate", actor)
        day = workflow.action_date(date, not_before=decision.decided_on, not_before_label="决定日期")
        yearlock.ensure_open(decision.town_id, day)
        decision.evaluation = f"{decision.evaluation}\n{day:%Y-%m-%d} {evaluation}".strip()
        decision.save(update_fields=["evaluation"])
        workflow.record_transition(actor, decision, "evaluate", before)
    return decision


@transaction.atomic
def incident_create(*, actor, town, title, occurred_on, cause, decision=None, major=False, handling="") -> Incident:
    if cause not in Incident.Cause.values:
        raise InvalidInput("事件原因不正确。", field="cause")
    occurred_on = workflow.action_date(occurred_on, field_name="occurred_on")
    yearlock.ensure_open(town.pk, occurred_on)
    if decision is not None and decision.town_id != town.pk:
        raise InvalidInput("相关决策不属于本镇。", field="decision")
    incident = Incident.objects.create(town=town, decision=decision, occurred_on=occurred_on,
                                       title=_text(title, "title", "事件", max_length=200), cause=cause,
                                       major=bool(major), handling=handling or "")
    workflow.record_create(actor, incident)
    return incident
