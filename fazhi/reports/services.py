"""Every change to an annual report: creation from the figures, paragraph edits (each one a
revision: who changed what), approval, publication (which locks the year) and submission to
the district (RULES §8)."""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from fazhi.core import audit, clocks, workflow, yearlock
from fazhi.core.clocks import ClockRule
from fazhi.core.errors import DomainError, InvalidInput
from fazhi.core.models import Role
from fazhi.core.workflow import Transition, Transitions

from . import assembly
from .assembly import CONDITION_RE, PLACEHOLDER_RE
from .models import AnnualReport, Paragraph, ReportStatus, Revision

S = ReportStatus
TRANSITIONS = Transitions({
    "approve": Transition("审定", sources=[S.DRAFT], target=S.APPROVED, roles=[Role.LEADER]),
    "reopen": Transition("退回修改", sources=[S.APPROVED], target=S.DRAFT, roles=[Role.LEADER]),
    "publish": Transition("向社会公开", sources=[S.APPROVED], target=S.PUBLISHED, roles=[Role.LEADER]),
    "submit": Transition("报送区政府", sources=[S.APPROVED, S.PUBLISHED], target=None, roles=[Role.LEADER]),
})

EDITOR_ROLES = (Role.CLERK, Role.LEADER)

# RG-WHEN-2 (督察工作规定): the town reports on year Y to the district by 1 March of Y+1. A fixed
# date, so the clock runs in calendar days from 31 December with the length of that year's gap,
# and is not rolled past a holiday.
SUBMISSION_RULE = ClockRule("RG-24", "法治政府建设年度报告报送", 60, "d",
                            "《法治政府建设与责任落实督察工作规定》（每年3月1日前报送）", roll=False)


def _start_submission_clock(report):
    from django.urls import reverse

    from .outline import submission_deadline

    start = datetime.date(report.year, 12, 31)
    clocks.start(subject=report, rule=SUBMISSION_RULE, start=start,
                 length=(submission_deadline(report.year) - start).days,
                 subject_label=f"{report.town.name}{report.year}年度法治政府建设情况报告",
                 url=reverse("reports:detail", kwargs={"pk": report.pk}))


def actions_for(report, user) -> list[tuple[str, str]]:
    """The actions to offer: the transition table, less what a submitted report no longer allows."""
    done = {"submit", "reopen"} if report.submitted_on else set()
    return [(name, label) for name, label in TRANSITIONS.available(report, user) if name not in done]


def _year_end(year: int) -> datetime.date:
    return datetime.date(year, 12, 31)


def _content(report) -> list[dict]:
    return [{"id": p.id, "section": p.section, "subsection": p.subsection, "subsection_title": p.subsection_title,
             "kind": p.kind, "text": p.text}
            for p in report.paragraphs.order_by("section", "subsection", "position", "id")]


def _revise(actor, report, action: str, *, paragraph=None, before: str = "", after: str = "") -> Revision:
    last = report.revisions.order_by("-number").values_list("number", flat=True).first() or 0
    return Revision.objects.create(
        report=report, town_id=report.town_id, number=last + 1, actor=actor if getattr(actor, "pk", None) else None,
        actor_label=getattr(actor, "label", "系统"), action=action, paragraph=paragraph, before=before, after=after,
        content=_content(report),
    )


def _require_editor(actor, report):
    if not (getattr(actor, "is_superuser", False) or actor.has_role(*EDITOR_ROLES)):
        raise DomainError("您的角色不能编辑年度报告。", code="forbidden_role")
    if report.status != S.DRAFT:
        raise DomainError("报告已审定，不能再修改；如需修改请由镇领导退回。", code="bad_state")


def _validate_template(text: str, kind: str):
    text = (text or "").strip()
    if not text:
        raise InvalidInput("段落内容不能为空。", field="text")
    if len(text) > 5000:
        raise InvalidInput("段落内容不能超过5000字。", field="text")
    if kind == Paragraph.Kind.COMPUTED:
        for name in PLACEHOLDER_RE.findall(text):
            if name not in assembly.BUILTINS and "." not in name:
                raise InvalidInput(f"模板中的“{{{name}}}”不是数据名称（应形如{{disputes.mediated}}）。", field="text")
        if "[" in text and not any(CONDITION_RE.match(s) for s in assembly.split_sentences(text)):
            raise InvalidInput("条件写法不正确，应形如“[normative.issued=0]”并放在句首。", field="text")
    return text


@transaction.atomic
def report_create(*, actor, town, year: int) -> AnnualReport:
    """The draft, written from the figures of the records of ``town`` in ``year``."""
    if not (getattr(actor, "is_superuser", False) or (actor.town_id == town.pk and actor.has_role(*EDITOR_ROLES))):
        raise DomainError("您的角色不能起草本镇年度报告。", code="forbidden_role")
    today = timezone.localdate()
    if not 2000 <= year <= today.year:
        raise InvalidInput(f"报告年度应在2000年至{today.year}年之间。", field="year")
    yearlock.ensure_open(town.pk, _year_end(year))
    if AnnualReport.objects.filter(town=town, year=year).exists():
        raise DomainError(f"{town.name}{year}年度报告已存在。", code="exists")
    figures = assembly.collect_figures(town, year)
    try:
        with transaction.atomic():
            report = AnnualReport.objects.create(
                town=town, year=year, title=assembly.default_title(year), signature=town.full_government_name,
                created_by_label=getattr(actor, "label", "系统"),
            )
    except IntegrityError:
        raise DomainError(f"{town.name}{year}年度报告已存在。", code="exists") from None
    Paragraph.objects.bulk_create([
        Paragraph(report=report, town=town, section=s.section, subsection=s.subsection,
                  subsection_title=s.subsection_title, position=s.position, kind=s.kind, text=s.text)
        for s in assembly.default_specs(figures, year)
    ])
    _revise(actor, report, "create")
    _start_submission_clock(report)
    workflow.record_create(actor, report)
    return report


@transaction.atomic
def paragraph_edit(*, actor, paragraph: Paragraph, text: str) -> Paragraph:
    report = workflow.lock(paragraph.report)
    _require_editor(actor, report)
    yearlock.ensure_open(report.town_id, _year_end(report.year))
    paragraph = Paragraph.objects.select_for_update().get(pk=paragraph.pk)
    text = _validate_template(text, paragraph.kind)
    before = paragraph.text
    if text == before:
        return paragraph
    paragraph.text = text
    paragraph.updated_by_label = getattr(actor, "label", "系统")
    paragraph.save(update_fields=["text", "updated_by_label"])
    revision = _revise(actor, report, "edit", paragraph=paragraph, before=before, after=text)
    audit.record(actor=actor, action="annualreport.paragraph_edit", obj=report,
                 before={"paragraph": paragraph.pk, "text": before[:400]},
                 after={"paragraph": paragraph.pk, "text": text[:400], "revision": revision.number})
    return paragraph


@transaction.atomic
def paragraph_add(*, actor, report: AnnualReport, section: int, text: str) -> Paragraph:
    """A free paragraph at the end of a part (e.g. 五、其他需要报告的情况)."""
    report = workflow.lock(report)
    _require_editor(actor, report)
    yearlock.ensure_open(report.town_id, _year_end(report.year))
    if section not in (1, 2, 3, 4, 5):
        raise InvalidInput("请选择报告的部分（一至五）。", field="section")
    text = _validate_template(text, Paragraph.Kind.FREE)
    last = report.paragraphs.filter(section=section).order_by("-position").first()
    paragraph = Paragraph.objects.create(
        report=report, town_id=report.town_id, section=section, position=(last.position + 1) if last else 100,
        subsection=last.subsection if last else 0, subsection_title=last.subsection_title if last else "",
        kind=Paragraph.Kind.FREE, text=text, updated_by_label=getattr(actor, "label", "系统"),
    )
    revision = _revise(actor, report, "add", paragraph=paragraph, after=text)
    audit.record(actor=actor, action="annualreport.paragraph_add", obj=report,
                 after={"paragraph": paragraph.pk, "section": section, "text": text[:400],
                        "revision": revision.number})
    return paragraph


@transaction.atomic
def report_approve(*, actor, report: AnnualReport, on=None) -> AnnualReport:
    """The leader approves; the figures are frozen and the date becomes the 成文日期."""
    report = workflow.lock(report)
    TRANSITIONS.check(report, "approve", actor)
    yearlock.ensure_open(report.town_id, _year_end(report.year))
    day = workflow.action_date(on, field_name="on")
    if day.year < report.year:
        raise InvalidInput(f"成文日期不能早于{report.year}年。", field="on")
    before = audit.snapshot(report, fields=["status", "document_date"])
    report.figures_snapshot = audit.jsonable(assembly.collect_figures(report.town, report.year))
    report.status = S.APPROVED
    report.document_date = day
    report.approved_on = day
    report.approved_by_label = actor.label
    report.save(update_fields=["figures_snapshot", "status", "document_date", "approved_on", "approved_by_label"])
    _revise(actor, report, "approve")
    workflow.record_transition(actor, report, "approve", before)
    return report


@transaction.atomic
def report_reopen(*, actor, report: AnnualReport, reason: str = "") -> AnnualReport:
    report = workflow.lock(report)
    TRANSITIONS.check(report, "reopen", actor)
    if report.submitted_on is not None:
        raise DomainError("报告已报送区政府，不能退回修改。", code="already_submitted")
    before = audit.snapshot(report, fields=["status"])
    report.status = S.DRAFT
    report.figures_snapshot = None
    report.save(update_fields=["status", "figures_snapshot"])
    _revise(actor, report, "reopen", after=reason)
    workflow.record_transition(actor, report, "reopen", before, note=reason[:500])
    return report


@transaction.atomic
def report_publish(*, actor, report: AnnualReport, on=None) -> AnnualReport:
    """Published on the portal (RG-PUB: by 1 April); the year's records are locked from now on."""
    report = workflow.lock(report)
    TRANSITIONS.check(report, "publish", actor)
    day = workflow.action_date(on, field_name="on", not_before=report.approved_on, not_before_label="审定日期")
    before = audit.snapshot(report, fields=["status", "published_on"])
    report.status = S.PUBLISHED
    report.published_on = day
    report.save(update_fields=["status", "published_on"])
    _revise(actor, report, "publish")
    workflow.record_transition(actor, report, "publish", before)
    yearlock.lock_year(actor=actor, town=report.town, year=report.year,
                       reason=f"{report.year}年度法治政府建设情况报告已于{day.isoformat()}公开")
    return report


@transaction.atomic
def report_submit(*, actor, report: AnnualReport, on=None) -> AnnualReport:
    """Submitted to the district (RG-WHEN-2: by 1 March). A late submission is still taken, and
    shown to the district as late."""
    report = workflow.lock(report)
    TRANSITIONS.check(report, "submit", actor)
    if report.submitted_on is not None:
        raise DomainError(f"报告已于{report.submitted_on.isoformat()}报送，不能重复报送。", code="already_submitted")
    day = workflow.action_date(on, field_name="on", not_before=report.approved_on, not_before_label="审定日期")
    before = audit.snapshot(report, fields=["submitted_on"])
    report.submitted_on = day
    report.submitted_by_label = actor.label
    report.save(update_fields=["submitted_on", "submitted_by_label"])
    clock = clocks.get(report, SUBMISSION_RULE)
    if clock is not None and clock.stopped_on is None:
        clocks.stop(clock, on=day)
    _revise(actor, report, "submit")
    workflow.record_transition(actor, report, "submit", before, on_time=report.submitted_on_time)
    return report
