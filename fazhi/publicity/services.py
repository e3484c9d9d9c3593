"""Writes of 谁执法谁普法: responsibility lists and activities."""

from __future__ import annotations

import datetime

from django.db import transaction

from fazhi.core import workflow, yearlock
from fazhi.core.attachments import attachment_add
from fazhi.core.errors import DomainError, InvalidInput
from fazhi.core.models import Role, Unit

from .models import Activity, KeyDate, Responsibility, key_date_of

MANAGERS = [Role.LEADER, Role.CLERK, Role.OFFICER]


def _check_actor(actor, unit: Unit):
    if not getattr(actor, "is_superuser", False):
        if not actor.has_role(*MANAGERS):
            raise DomainError("您的角色不能登记普法工作。", code="forbidden_role")
        if actor.town_id != unit.town_id:
            raise DomainError("只有本镇街的工作人员可以登记。", code="forbidden_town")
    # 谁执法谁普法: the duty falls on the units that enforce the law.
    if not unit.enforces_law:
        raise InvalidInput("普法责任单位须为承担执法职责的单位。", field="unit")


def _text(value, message, field):
    if not (value or "").strip():
        raise InvalidInput(message, field=field)
    return value.strip()


@transaction.atomic
def responsibility_create(*, actor, unit: Unit, year: int, laws: str, content: str, audience: str = "") -> Responsibility:
    _check_actor(actor, unit)
    yearlock.ensure_open(unit.town_id, datetime.date(year, 12, 31))
    item = Responsibility.objects.create(
        town_id=unit.town_id, unit=unit, year=year, laws=_text(laws, "请填写普法重点法律法规。", "laws"),
        content=_text(content, "请填写普法内容与方式。", "content"), audience=(audience or "").strip())
    workflow.record_create(actor, item)
    return item


@transaction.atomic
def activity_create(*, actor, unit: Unit, date, theme: str, place: str, audience: str, participants: int = 0,
                    materials: int = 0, key_date: str | None = None, photos=()) -> Activity:
    _check_actor(actor, unit)
    day = workflow.action_date(date)
    yearlock.ensure_open(unit.town_id, day)
    if participants is not None and participants < 0 or materials is not None and materials < 0:
        raise InvalidInput("人数和资料份数不能为负数。", field="participants")
    key = key_date_of(day) if key_date is None else key_date
    if key not in KeyDate.values:
        raise InvalidInput("重要节点不正确。", field="key_date")
    activity = Activity.objects.create(
        town_id=unit.town_id, unit=unit, date=day, theme=_text(theme, "请填写活动主题。", "theme"),
        place=_text(place, "请填写活动地点。", "place"), audience=_text(audience, "请填写活动对象。", "audience"),
        participants=participants or 0, materials=materials or 0, key_date=key, recorded_by_label=actor.label)
    workflow.record_create(actor, activity)
    for photo in photos:
        attachment_add(actor=actor, subject=activity, upload=photo, title="活动照片")
    return activity
