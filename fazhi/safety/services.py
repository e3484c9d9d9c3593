"""Writes for patrols, hazards and accidents, each with its audit event."""

from __future__ import annotations

import decimal

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from fazhi.core import audit, clocks, workflow, yearlock
from fazhi.core.clocks import ClockRule
from fazhi.core.errors import DomainError, InvalidInput
from fazhi.core.models import Clock, Grid, Role, Town, Village
from fazhi.core.workflow import Transition, Transitions

from .models import Accident, Hazard, Patrol, grade_for

ROLES = [Role.CLERK, Role.LEADER, Role.OFFICER]

TRANSITIONS = Transitions({
    "rectify": Transition(_("整改完成"), sources=[Hazard.Status.OPEN], target=Hazard.Status.RECTIFIED, roles=ROLES),
})

# The deadline is the one set in the rectification notice (《安全生产事故隐患排查治理暂行规定》第二十条:
# 治理方案/整改通知 明确时限); counted in calendar days, the last day rolling past a rest day.
RECTIFICATION = ClockRule("SAFE-HZ", "隐患整改期限", 30, "d", "《安全生产事故隐患排查治理暂行规定》第二十条")
MAX_RECTIFY_DAYS = 365


def _check_roles(actor, action_label):
    # A named process (the ledger command) acts for the operator who ran it.
    if getattr(actor, "pk", None) is not None and not (actor.is_superuser or actor.has_role(*ROLES)):
        raise DomainError(f"您的角色不能{action_label}。", code="forbidden_role")


def _text(value, field, label, *, required=True, max_length=None):
    value = (value or "").strip()
    if required and not value:
        raise InvalidInput(f"请填写{label}。", field=field)
    if max_length and len(value) > max_length:
        raise InvalidInput(f"{label}不能超过{max_length}个字。", field=field)
    return value


def _count(value, field, label) -> int:
    try:
        value = int(value or 0)
    except (TypeError, ValueError):
        raise InvalidInput(f"{label}应为整数。", field=field) from None
    if value < 0:
        raise InvalidInput(f"{label}不能为负数。", field=field)
    return value


def _label(actor):
    if getattr(actor, "pk", None) is not None:
        return actor.label
    return actor if isinstance(actor, str) and actor else "系统"


def patrol_create(*, actor, town: Town, date, route: str, participants: str, people_count: int = 2,
                  findings: str = "", kind: str = Patrol.Kind.JOINT) -> Patrol:
    _check_roles(actor, "登记巡查")
    on = workflow.action_date(date)
    if kind not in Patrol.Kind.values:
        raise InvalidInput("巡查类型不正确。", field="kind")
    people = _count(people_count, "people_count", "参加人数")
    if people < 2:
        raise InvalidInput("联动巡查至少应有2人参加。", field="people_count")
    with transaction.atomic():
        yearlock.ensure_open(town.pk, on)
        patrol = Patrol.objects.create(
            town=town, kind=kind, date=on, route=_text(route, "route", "巡查路线", max_length=200),
            participants=_text(participants, "participants", "参加人员", max_length=300), people_count=people,
            findings=_text(findings, "findings", "发现问题", required=False), recorder_label=_label(actor))
        workflow.record_create(actor, patrol)
    return patrol


def hazard_create(*, actor, town: Town, found_date, title: str, responsible: str, rectify_days: int,
                  location: str = "", level: str = Hazard.Level.GENERAL, village: Village | None = None,
                  grid: Grid | None = None, patrol: Patrol | None = None, check_roles: bool = True) -> Hazard:
    """Register a hazard; its rectification clock runs from the day it was found."""
    if check_roles:
        _check_roles(actor, "登记隐患")
    on = workflow.action_date(found_date, field_name="found_date")
    days = _count(rectify_days, "rectify_days", "整改期限")
    if not 1 <= days <= MAX_RECTIFY_DAYS:
        raise InvalidInput(f"整改期限应为1至{MAX_RECTIFY_DAYS}日。", field="rectify_days")
    if level not in Hazard.Level.values:
        raise InvalidInput("隐患等级不正确。", field="level")
    if grid is not None:
        village = grid.village
    if village is not None and village.town_id != town.pk:
        raise InvalidInput("村/社区不属于本镇街。", field="village")
    if patrol is not None and patrol.town_id != town.pk:
        raise InvalidInput("巡查记录不属于本镇街。", field="patrol")
    with transaction.atomic():
        yearlock.ensure_open(town.pk, on)
        hazard = Hazard(town=town, village=village, grid=grid, patrol=patrol, found_date=on,
                        title=_text(title, "title", "隐患", max_length=100),
                        location=_text(location, "location", "位置", required=False, max_length=100), level=level,
                        responsible=_text(responsible, "responsible", "整改责任单位/人", max_length=100),
                        rectify_days=days, reporter_label=_label(actor))
        hazard.save()
        clock = clocks.start(subject=hazard, rule=RECTIFICATION, start=on, length=days,
                             subject_label=f"隐患:{hazard.title}")
        hazard.due_date = clock.due_date
        hazard.save(update_fields=["due_date"])
        workflow.record_create(actor, hazard)
    return hazard


def hazard_rectify(*, actor, hazard: Hazard, rectification: str, date=None) -> Hazard:
    with transaction.atomic():
        hazard = workflow.lock(hazard)
        TRANSITIONS.check(hazard, "rectify", actor)
        on = workflow.action_date(date, not_before=hazard.found_date, not_before_label="发现日期")
        yearlock.ensure_open(hazard.town_id, on)
        before = audit.snapshot(hazard)
        hazard.rectification = _text(rectification, "rectification", "整改情况")
        clock = clocks.get(hazard, RECTIFICATION)
        clocks.stop(clock, on=on)
        hazard.status = Hazard.Status.RECTIFIED
        hazard.rectified_date = on
        hazard.on_time = clock.state == Clock.State.MET
        hazard.save(update_fields=["status", "rectified_date", "on_time", "rectification"])
        workflow.record_transition(actor, hazard, "rectify", before)
    return hazard


def _amount(value) -> decimal.Decimal:
    try:
        value = decimal.Decimal(str(value or 0))
    except decimal.InvalidOperation:
        raise InvalidInput("直接经济损失应为数值。", field="direct_loss") from None
    if value < 0:
        raise InvalidInput("直接经济损失不能为负数。", field="direct_loss")
    return value


def accident_create(*, actor, town: Town, date, title: str, deaths=0, serious_injuries=0, direct_loss=0,
                    description: str = "", village: Village | None = None) -> Accident:
    """The grade follows from the figures (《生产安全事故报告和调查处理条例》第三条), never typed in."""
    _check_roles(actor, "登记事故")
    on = workflow.action_date(date)
    if village is not None and village.town_id != town.pk:
        raise InvalidInput("村/社区不属于本镇街。", field="village")
    deaths = _count(deaths, "deaths", "死亡人数")
    injuries = _count(serious_injuries, "serious_injuries", "重伤人数")
    loss = _amount(direct_loss)
    with transaction.atomic():
        yearlock.ensure_open(town.pk, on)
        accident = Accident.objects.create(
            town=town, village=village, date=on, title=_text(title, "title", "事故", max_length=100),
            description=(description or "").strip(), deaths=deaths, serious_injuries=injuries, direct_loss=loss,
            grade=grade_for(deaths, injuries, loss), reporter_label=_label(actor))
        workflow.record_create(actor, accident)
    return accident


def accident_revise(*, actor, accident: Accident, deaths, serious_injuries, direct_loss, reason: str) -> Accident:
    """补报 (条例第十三条: 伤亡人数变化的及时补报); the grade is computed again."""
    _check_roles(actor, "补报事故")
    with transaction.atomic():
        accident = workflow.lock(accident)
        yearlock.ensure_open(accident.town_id, accident.date)
        before = audit.snapshot(accident)
        accident.deaths = _count(deaths, "deaths", "死亡人数")
        accident.serious_injuries = _count(serious_injuries, "serious_injuries", "重伤人数")
        accident.direct_loss = _amount(direct_loss)
        accident.grade = grade_for(accident.deaths, accident.serious_injuries, accident.direct_loss)
        accident.save(update_fields=["deaths", "serious_injuries", "direct_loss", "grade"])
        workflow.record_transition(actor, accident, "revise", before, note=_text(reason, "reason", "补报理由"))
    return accident


