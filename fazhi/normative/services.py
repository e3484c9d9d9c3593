"""Writes of the normative-document workflow (RULES.md §5).

drafting → (submit_review) reviewing → (review pass) reviewed → (deliberate) deliberated →
(publish) published → (file) filed → (filing_result approved) in force
                                    └→ (filing_result correction) correction → (correct) in force
review fail → back to drafting (退回重新起草); in force → (clean_up repeal / repeal) repealed;
(expire) expired once past valid_until.
"""

from __future__ import annotations

import dataclasses
import datetime

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from fazhi.core import audit, clocks, workflow, yearlock
from fazhi.core.clocks import ClockRule
from fazhi.core.errors import DomainError, InvalidInput
from fazhi.core.models import Role
from fazhi.core.workflow import Transition, Transitions

from .models import CleanupDecision, CleanupRound, NormativeDocument, NormativeSettings, PolicyDocument, Review

S = NormativeDocument.Status
IN_EFFECT = [S.PUBLISHED, S.FILED, S.CORRECTION, S.IN_FORCE]

TRANSITIONS = Transitions({
    "submit_review": Transition(_("送合法性审核"), sources=[S.DRAFTING], target=S.REVIEWING,
                                roles=[Role.CLERK, Role.LEADER]),
    "review": Transition(_("合法性审核"), sources=[S.REVIEWING], roles=[Role.REVIEWER]),
    "deliberate": Transition(_("集体审议"), sources=[S.REVIEWED], target=S.DELIBERATED,
                             roles=[Role.CLERK, Role.LEADER]),
    "publish": Transition(_("公布"), sources=[S.DELIBERATED], target=S.PUBLISHED, roles=[Role.CLERK, Role.LEADER]),
    "file": Transition(_("报送备案"), sources=[S.PUBLISHED], target=S.FILED, roles=[Role.CLERK, Role.LEADER]),
    "filing_result": Transition(_("登记备案审查结果"), sources=[S.FILED], roles=[Role.CLERK, Role.LEADER]),
    "correct": Transition(_("纠正完成"), sources=[S.CORRECTION], target=S.IN_FORCE, roles=[Role.CLERK, Role.LEADER]),
    "clean_up": Transition(_("清理"), sources=IN_EFFECT, roles=[Role.CLERK, Role.LEADER, Role.REVIEWER]),
    "repeal": Transition(_("废止"), sources=IN_EFFECT, target=S.REPEALED, roles=[Role.LEADER, Role.CLERK]),
    "expire": Transition(_("到期失效"), sources=IN_EFFECT, target=S.EXPIRED, roles=[Role.LEADER, Role.CLERK]),
})

# 国办发〔2018〕115号: review time generally at least 5 and at most 15 working days
# (RULES.md §0 NF-115 / §5 [NF-115-2], UNVERIFIED): the clock runs to the 15-day maximum.
REVIEW = ClockRule("NF-115", "规范性文件合法性审核", 15, "wd", "国办发〔2018〕115号(审核时间一般不少于5个、最长不超过15个工作日)")
# The filing period is a local rule (RULES.md §5 [CQ-2]); its length comes from the town's settings.
# RULES.md §5 [NF-VAL] (line 241): evaluate before the validity ends (default 6 months before,
# a town setting); the clock runs from publication to that day.
EXPIRY_REVIEW = ClockRule("NF-VAL", "规范性文件有效期届满前评估", 54, "m", "有效期届满前评估(本镇设置,RULES.md §5 [NF-VAL])")
FILING = ClockRule("NF-FILE", "规范性文件报送备案", 30, "d", "重庆市行政规范性文件管理规定(报备期限以本镇设置为准)")


def review_rule(document, *, current=False) -> ClockRule:
    """The review clock's rule for the next round (or the current one): NF-115, NF-115/2, …"""
    rounds = document.reviews.count() + (0 if current else 1)
    return REVIEW if rounds <= 1 else dataclasses.replace(REVIEW, code=f"{REVIEW.code}/{rounds}")


def settings_for(town) -> NormativeSettings:
    obj, _created = NormativeSettings.objects.get_or_create(town=town)
    return obj


def _text(value, field, label, *, required=True, max_length=None):
    value = (value or "").strip()
    if required and not value:
        raise InvalidInput(f"请填写{label}。", field=field)
    if max_length and len(value) > max_length:
        raise InvalidInput(f"{label}不能超过{max_length}个字。", field=field)
    return value


def _begin(document, action, actor, *dates):
    document = workflow.lock(document)
    # A named process (the expiry sweeper) acts by rule, not by role.
    TRANSITIONS.check(document, action, actor if hasattr(actor, "has_role") else None)
    yearlock.ensure_open(document.town_id, *dates)
    return document, audit.snapshot(document)


@transaction.atomic
def document_create(*, actor, town, title, drafting_unit, drafted_on=None, trial=False, summary="",
                    doc_number="") -> NormativeDocument:
    drafted_on = workflow.action_date(drafted_on, field_name="drafted_on")
    yearlock.ensure_open(town.pk, drafted_on)
    document = NormativeDocument.objects.create(
        town=town, title=_text(title, "title", "标题", max_length=200),
        drafting_unit=_text(drafting_unit, "drafting_unit", "起草单位", max_length=100),
        drafted_on=drafted_on, trial=bool(trial), summary=summary or "", doc_number=(doc_number or "").strip(),
    )
    workflow.record_create(actor, document)
    return document


def document_submit_review(*, actor, document, date=None) -> NormativeDocument:
    with transaction.atomic():
        day = workflow.action_date(date, not_before=document.drafted_on, not_before_label="起草日期")
        document, before = _begin(document, "submit_review", actor, day)
        document.status = S.REVIEWING
        document.submitted_on = day
        # Each round of review (a redraft sent back again) has its own clock: the reviewer gets
        # the whole period again, and the earlier round's clock keeps its result.
        clock = clocks.start(subject=document, rule=review_rule(document), start=day,
                             subject_label=f"规范性文件:{document.title}")
        document.review_due = clock.due_date
        document.save(update_fields=["status", "submitted_on", "review_due"])
        workflow.record_transition(actor, document, "submit_review", before)
    return document


def document_review(*, actor, document, result, opinion, date=None, authority="", procedure="",
                    content="") -> NormativeDocument:
    """The legality review (合法性审核) on authority, procedure and content (RULES.md §5 [NF-115-3]).
    A failed review sends the draft back for redrafting (seed 一(三): 要求起草部门重新按程序运作)."""
    with transaction.atomic():
        if result not in Review.Result.values:
            raise InvalidInput("审核结论应为“通过”(pass)或“不通过”(fail)。", field="result")
        opinion = _text(opinion, "opinion", "审核意见")
        document, before = _begin(document, "review", actor)
        day = workflow.action_date(date, not_before=document.submitted_on, not_before_label="送审日期")
        yearlock.ensure_open(document.town_id, day)
        Review.objects.create(town=document.town, document=document, submitted_on=document.submitted_on,
                              reviewed_on=day, result=result, authority=authority or "", procedure=procedure or "",
                              content=content or "", opinion=opinion, reviewer_label=actor.label)
        clock = clocks.get(document, review_rule(document, current=True))
        if clock is not None and clock.is_open:
            clocks.stop(clock, on=day)
        if result == Review.Result.PASS:
            document.status = S.REVIEWED
            document.reviewed_on = day
        else:
            document.status = S.DRAFTING
            document.reviewed_on = None
        document.save(update_fields=["status", "reviewed_on"])
        workflow.record_transition(actor, document, "review", before, note=opinion, result=result)
    return document


def document_deliberate(*, actor, document, date=None, meeting="") -> NormativeDocument:
    """Collective deliberation, only after a passed review (RULES.md §5 [NF-115-1])."""
    with transaction.atomic():
        document, before = _begin(document, "deliberate", actor)
        day = workflow.action_date(date, not_before=document.reviewed_on, not_before_label="审核通过日期")
        yearlock.ensure_open(document.town_id, day)
        document.status = S.DELIBERATED
        document.deliberated_on = day
        document.deliberation_meeting = (meeting or "").strip()[:200]
        document.save(update_fields=["status", "deliberated_on", "deliberation_meeting"])
        workflow.record_transition(actor, document, "deliberate", before)
    return document


def _valid_until(document, published_on: datetime.date) -> datetime.date:
    conf = settings_for(document.town)
    years = conf.trial_validity_years if document.trial else conf.validity_years
    try:
        end = published_on.replace(year=published_on.year + years)
    except ValueError:  # 29 February
        end = published_on.replace(year=published_on.year + years, day=28)
    return end - datetime.timedelta(days=1)


def document_publish(*, actor, document, doc_number, date=None) -> NormativeDocument:
    """统一登记、统一编号、统一印发 and publication; unpublished documents are no basis for
    administration (RULES.md §5 [NF-37-3]). Starts the filing clock (RULES.md §5 [CQ-2])."""
    with transaction.atomic():
        doc_number = _text(doc_number, "doc_number", "文号", max_length=60)
        document, before = _begin(document, "publish", actor)
        day = workflow.action_date(date, not_before=document.deliberated_on, not_before_label="集体审议日期")
        yearlock.ensure_open(document.town_id, day)
        if NormativeDocument.objects.filter(town=document.town, doc_number=doc_number).exclude(pk=document.pk).exists():
            raise DomainError(f"文号“{doc_number}”已被本镇其他文件使用。", field="doc_number")
        conf = settings_for(document.town)
        clock = clocks.start(subject=document, rule=FILING, start=day, length=conf.filing_days,
                             subject_label=f"规范性文件:{doc_number}")
        months = 12 * (conf.trial_validity_years if document.trial else conf.validity_years)
        months -= conf.expiry_notice_months
        if months > 0:
            clocks.start(subject=document, rule=EXPIRY_REVIEW, start=day, length=months,
                         subject_label=f"规范性文件:{doc_number}")
        document.status = S.PUBLISHED
        document.doc_number = doc_number
        document.published_on = day
        document.filing_due = clock.due_date
        document.valid_until = _valid_until(document, day)
        document.save(update_fields=["status", "doc_number", "published_on", "filing_due", "valid_until"])
        workflow.record_transition(actor, document, "publish", before)
    return document


def document_file(*, actor, document, date=None, late_reason="") -> NormativeDocument:
    """报送备案 with the district (有件必备, RULES.md §5 [NF-37-4]). A filing after the period is
    refused unless the delay is explained; it is then recorded as late."""
    with transaction.atomic():
        document, before = _begin(document, "file", actor)
        day = workflow.action_date(date, not_before=document.published_on, not_before_label="公布日期")
        yearlock.ensure_open(document.town_id, day)
        late_reason = (late_reason or "").strip()[:300]
        if document.filing_due and day > document.filing_due and not late_reason:
            raise InvalidInput(
                f"已超过报备期限({document.filing_due:%Y-%m-%d}),须说明逾期报备的理由。", code="filing_late",
                field="late_reason")
        clock = clocks.get(document, FILING)
        if clock is not None and clock.is_open:
            clocks.stop(clock, on=day)
        document.status = S.FILED
        document.filed_on = day
        document.filed_late_reason = late_reason if document.filing_due and day > document.filing_due else ""
        document.save(update_fields=["status", "filed_on", "filed_late_reason"])
        workflow.record_transition(actor, document, "file", before)
    return document


def document_filing_result(*, actor, document, result, date=None, opinion="") -> NormativeDocument:
    """The district's filing review (有备必审、有错必纠)."""
    with transaction.atomic():
        if result not in NormativeDocument.FilingResult.values:
            raise InvalidInput("备案审查结果应为“审查通过”(approved)或“责令纠正”(correction)。", field="result")
        if result == NormativeDocument.FilingResult.CORRECTION and not (opinion or "").strip():
            raise InvalidInput("责令纠正的,请填写备案审查意见。", field="opinion")
        document, before = _begin(document, "filing_result", actor)
        day = workflow.action_date(date, not_before=document.filed_on, not_before_label="报备日期")
        yearlock.ensure_open(document.town_id, day)
        document.filing_result = result
        document.filing_result_on = day
        document.filing_opinion = (opinion or "").strip()
        document.status = S.IN_FORCE if result == NormativeDocument.FilingResult.APPROVED else S.CORRECTION
        document.save(update_fields=["filing_result", "filing_result_on", "filing_opinion", "status"])
        workflow.record_transition(actor, document, "filing_result", before)
    return document


def document_correct(*, actor, document, date=None) -> NormativeDocument:
    with transaction.atomic():
        document, before = _begin(document, "correct", actor)
        day = workflow.action_date(date, not_before=document.filing_result_on, not_before_label="备案审查结果日期")
        yearlock.ensure_open(document.town_id, day)
        document.status = S.IN_FORCE
        document.corrected_on = day
        document.save(update_fields=["status", "corrected_on"])
        workflow.record_transition(actor, document, "correct", before)
    return document


def _require_valid(document, day):
    if document.valid_until and day > document.valid_until:
        raise DomainError(f"文件有效期已于{document.valid_until:%Y-%m-%d}届满,已自动失效。", code="expired")


def _end(document, status, day, reason):
    document.status = status
    document.ended_on = day
    document.end_reason = reason
    for rule in (FILING, EXPIRY_REVIEW):
        clock = clocks.get(document, rule)
        if clock is not None and clock.is_open:
            clocks.cancel(clock, on=max(day, clock.start_date))
    document.save(update_fields=["status", "ended_on", "end_reason"])


def document_repeal(*, actor, document, reason, date=None) -> NormativeDocument:
    with transaction.atomic():
        reason = _text(reason, "reason", "废止理由", max_length=300)
        document, before = _begin(document, "repeal", actor)
        day = workflow.action_date(date, not_before=document.published_on, not_before_label="公布日期")
        yearlock.ensure_open(document.town_id, day)
        _require_valid(document, day)
        _end(document, S.REPEALED, day, reason)
        workflow.record_transition(actor, document, "repeal", before, note=reason)
    return document


def document_expire(*, actor, document, date=None) -> NormativeDocument:
    """A document past its validity (RULES.md §5 [NF-VAL]) is marked expired."""
    with transaction.atomic():
        document, before = _begin(document, "expire", actor)
        day = workflow.action_date(date)
        if not document.valid_until or day <= document.valid_until:
            raise DomainError(f"文件有效期至{document.valid_until or '—'},尚未届满。", code="not_expired")
        yearlock.ensure_open(document.town_id, day)
        _end(document, S.EXPIRED, document.valid_until + datetime.timedelta(days=1), "有效期届满")
        workflow.record_transition(actor, document, "expire", before)
    return document


@transaction.atomic
def cleanup_round_create(*, actor, town, title, date=None) -> CleanupRound:
    day = workflow.action_date(date)
    yearlock.ensure_open(town.pk, day)
    cleanup = CleanupRound.objects.create(town=town, title=_text(title, "title", "清理名称", max_length=200),
                                          started_on=day)
    workflow.record_create(actor, cleanup)
    return cleanup


def document_clean_up(*, actor, document, decision, date=None, reason="", round=None) -> NormativeDocument:
    """One document's cleanup conclusion (RULES.md §5 [NF-37-5]): keep, amend or repeal. Without a
    named round the town's round of that year is used (created when missing)."""
    with transaction.atomic():
        if decision not in CleanupDecision.Decision.values:
            raise InvalidInput("清理结论应为继续有效(keep)、修改(amend)或废止(repeal)。", field="decision")
        reason = (reason or "").strip()[:300]
        if decision != CleanupDecision.Decision.KEEP and not reason:
            raise InvalidInput("决定修改或废止的,请写明理由。", field="reason")
        document, before = _begin(document, "clean_up", actor)
        day = workflow.action_date(date, not_before=document.published_on, not_before_label="公布日期")
        yearlock.ensure_open(document.town_id, day)
        _require_valid(document, day)
        if round is None:
            round = CleanupRound.objects.filter(town=document.town, started_on__year=day.year,
                                                started_on__lte=day).order_by("-started_on").first()
            if round is None:
                round = cleanup_round_create(actor=actor, town=document.town, title=f"{day.year}年度规范性文件清理",
                                             date=day)
        elif round.town_id != document.town_id:
            raise InvalidInput("清理工作不属于本镇。", field="round")
        if CleanupDecision.objects.filter(round=round, document=document).exists():
            raise DomainError("该文件在本轮清理中已有结论。", code="already_cleaned")
        CleanupDecision.objects.create(town=document.town, round=round, document=document, decided_on=day,
                                       decision=decision, reason=reason)
        # A cleanup conclusion is the evaluation the validity rule asks for.
        clock = clocks.get(document, EXPIRY_REVIEW)
        if clock is not None and clock.is_open and decision != CleanupDecision.Decision.REPEAL:
            clocks.stop(clock, on=day)
        if decision == CleanupDecision.Decision.REPEAL:
            _end(document, S.REPEALED, day, f"清理废止:{reason}")
        workflow.record_transition(actor, document, "clean_up", before, note=reason, decision=decision)
    return document


def expire_due(*, actor, on: datetime.date) -> int:
    """Mark every document past its validity as expired (the sweeper behind ``normative_expire``)."""
    count = 0
    for document in NormativeDocument.objects.filter(status__in=IN_EFFECT, valid_until__lt=on):
        try:
            document_expire(actor=actor, document=document, date=on)
        except DomainError:
            continue
        count += 1
    return count


def document_update(*, actor, document, **changes) -> NormativeDocument:
    """Edit a draft's register entry; only while it is being drafted."""
    with transaction.atomic():
        document = workflow.lock(document)
        if document.status != S.DRAFTING:
            raise DomainError("只有起草中的文件可以修改登记信息。", code="bad_state")
        yearlock.ensure_open(document.town_id, document.drafted_on)
        before = audit.snapshot(document)
        fields = []
        for name in ("title", "drafting_unit", "summary", "trial"):
            if name in changes:
                value = changes[name]
                if name in ("title", "drafting_unit"):
                    value = _text(value, name, NormativeDocument._meta.get_field(name).verbose_name,
                                  max_length=NormativeDocument._meta.get_field(name).max_length)
                setattr(document, name, value)
                fields.append(name)
        if fields:
            document.save(update_fields=fields)
            workflow.record_transition(actor, document, "update", before)
    return document


@transaction.atomic
def policy_document_register(*, actor, town, doc_number, title, issuing_unit, issued_on=None,
                             check_opinion="") -> PolicyDocument:
    """Register a policy document (政策性文件) issued in the town's name."""

    issued_on = workflow.action_date(issued_on, field_name="issued_on")
    yearlock.ensure_open(town.pk, issued_on)
    doc_number = _text(doc_number, "doc_number", "文号", max_length=60)
    if PolicyDocument.objects.filter(town=town, doc_number=doc_number).exists():
        raise DomainError(f"文号“{doc_number}”已登记。", field="doc_number")
    doc = PolicyDocument.objects.create(
        town=town, doc_number=doc_number, title=_text(title, "title", "标题", max_length=200),
        issuing_unit=_text(issuing_unit, "issuing_unit", "承办单位", max_length=100), issued_on=issued_on,
        check_opinion=(check_opinion or "").strip()[:300],
        checked_by_label=actor.label if (check_opinion or "").strip() and hasattr(actor, "label") else "",
    )
    workflow.record_create(actor, doc)
    return doc


@transaction.atomic
def settings_update(*, actor, town, filing_days, validity_years, trial_validity_years,
                    expiry_notice_months) -> NormativeSettings:
    """The town's local periods (RULES.md §5 [CQ-2], [NF-VAL]). Clocks already running keep the
    length they started with; the new values apply to documents published afterwards."""
    if not hasattr(actor, "has_role") or not (actor.is_superuser or actor.has_role(Role.LEADER)):
        raise DomainError("只有镇领导可以修改规范性文件的期限设置。", code="forbidden_role")
    values = {"filing_days": filing_days, "validity_years": validity_years,
              "trial_validity_years": trial_validity_years, "expiry_notice_months": expiry_notice_months}
    limits = {"filing_days": (1, 365), "validity_years": (1, 10), "trial_validity_years": (1, 5),
              "expiry_notice_months": (0, 24)}
    for name, (low, high) in limits.items():
        if not isinstance(values[name], int) or not low <= values[name] <= high:
            label = NormativeSettings._meta.get_field(name).verbose_name
            raise InvalidInput(f"{label}应在{low}至{high}之间。", field=name)
    if values["trial_validity_years"] > values["validity_years"]:
        raise InvalidInput("暂行/试行文件的有效期不应长于一般文件。", field="trial_validity_years")
    conf = NormativeSettings.objects.select_for_update().get(pk=settings_for(town).pk)
    before = audit.snapshot(conf)
    for name, value in values.items():
        setattr(conf, name, value)
    conf.save(update_fields=list(values))
    workflow.record_transition(actor, conf, "update", before)
    return conf
