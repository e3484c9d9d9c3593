"""Writes of the leadership module: one function per record, each audited."""

from __future__ import annotations

import datetime

from django.db import transaction

from fazhi.core import attachments, workflow, yearlock
from fazhi.core.errors import DomainError, InvalidInput
from fazhi.core.models import Role

from .models import Debrief, Duty, DutyEvidence, Meeting, ResponsiblePerson

WRITE_ROLES = [Role.CLERK, Role.LEADER]


def require_writer(actor, town):
    if getattr(actor, "is_superuser", False):
        return
    if not getattr(actor, "town_id", None) or not actor.has_role(*WRITE_ROLES):
        raise DomainError("您的角色不能登记第一责任人履职记录。", code="forbidden_role")
    if actor.town_id != town.pk:
        raise DomainError("只能登记本镇街的记录。", code="forbidden_town")


def _text(value, label, field, *, required=True, max_length=None):
    value = (value or "").strip()
    if required and not value:
        raise InvalidInput(f"请填写{label}。", field=field)
    if max_length and len(value) > max_length:
        raise InvalidInput(f"{label}不能超过{max_length}个字。", field=field)
    return value


def person_create(*, actor, town, name, title, from_date, to_date=None) -> ResponsiblePerson:
    require_writer(actor, town)
    if title not in ResponsiblePerson.Title.values:
        raise InvalidInput("请选择职务。", field="title")
    if to_date and to_date < from_date:
        raise InvalidInput("离任日期不能早于任职日期。", field="to_date")
    with transaction.atomic():
        person = ResponsiblePerson.objects.create(town=town, name=_text(name, "姓名", "name", max_length=50),
                                                  title=title, from_date=from_date, to_date=to_date)
        workflow.record_create(actor, person)
    return person


def meeting_create(*, actor, town, date, body, topic, decision, duties=(), chaired_by=None) -> Meeting:
    require_writer(actor, town)
    date = workflow.action_date(date, field_name="date")
    if body not in Meeting.Body.values:
        raise InvalidInput("请选择会议。", field="body")
    duties = [d for d in Duty.values if d in set(duties) | {Duty.DEPLOY}]
    if chaired_by is not None and chaired_by.town_id != town.pk:
        raise InvalidInput("主持人不是本镇街的第一责任人。", field="chaired_by")
    with transaction.atomic():
        yearlock.ensure_open(town.pk, date)
        meeting = Meeting.objects.create(town=town, date=date, body=body,
                                         topic=_text(topic, "议题", "topic", max_length=200),
                                         decision=_text(decision, "决定事项", "decision"), duties=duties,
                                         chaired_by=chaired_by)
        workflow.record_create(actor, meeting)
    return meeting


def debrief_create(*, actor, person: ResponsiblePerson, year: int, date, includes_rule_of_law: bool,
                   summary="") -> Debrief:
    require_writer(actor, person.town)
    date = workflow.action_date(date, field_name="date")
    if date.year < year:
        raise InvalidInput("述职日期不能早于述职年度。", field="date")
    if includes_rule_of_law and not (summary or "").strip():
        raise InvalidInput("请填写述法要点。", field="summary")
    with transaction.atomic():
        yearlock.ensure_open(person.town_id, datetime.date(year, 12, 31))
        if Debrief.objects.filter(person=person, year=year).exists():
            raise DomainError(f"{person}的{year}年述职已登记。", code="duplicate")
        debrief = Debrief.objects.create(town_id=person.town_id, person=person, year=year, date=date,
                                         includes_rule_of_law=bool(includes_rule_of_law),
                                         summary=(summary or "").strip())
        workflow.record_create(actor, debrief)
    return debrief


def evidence_add(*, actor, town, duty, date, description, upload=None, year=None) -> DutyEvidence:
    require_writer(actor, town)
    date = workflow.action_date(date, field_name="date")
    if duty not in Duty.values:
        raise InvalidInput("请选择职责。", field="duty")
    year = year or date.year
    with transaction.atomic():
        yearlock.ensure_open(town.pk, datetime.date(year, 12, 31))
        evidence = DutyEvidence.objects.create(
            town=town, year=year, duty=duty, date=date,
            description=_text(description, "履职情况", "description", max_length=300),
            recorded_by_label=getattr(actor, "label", str(actor)))
        workflow.record_create(actor, evidence)
        if upload is not None:
            attachments.attachment_add(actor=actor, subject=evidence, upload=upload, title=description[:200])
    return evidence
