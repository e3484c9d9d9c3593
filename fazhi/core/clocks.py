"""Statutory clocks on cases.

A module's service starts, pauses, resumes, extends, restarts and stops clocks inside its own
transition (which holds the transaction, the row lock and the audit event). The due date is
computed only by ``workdays.compute_due`` and stored on the clock with every input that
produced it, so that the clock's page can explain it and a new holiday schedule can recompute it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .errors import DomainError, InvalidInput
from .holidays import current_calendar
from .models import Clock
from .workdays import UNIT_LABELS, Result, compute_due


@dataclass(frozen=True)
class ClockRule:
    """A statutory period: its length, unit, the article that sets it, and the longest
    extension the law allows (None: no extension)."""

    code: str
    label: str
    length: int
    unit: str
    article: str
    roll: bool = True
    max_extension: int | None = None

    @property
    def period_label(self) -> str:
        return f"{self.length}{UNIT_LABELS[self.unit]}"


def today() -> datetime.date:
    return timezone.localdate()


def _compute(clock: Clock, cal=None, on: datetime.date | None = None) -> Result:
    cal = cal or current_calendar()
    return compute_due(
        cal,
        clock.start_date,
        clock.length,
        clock.unit,
        roll=clock.roll,
        extension=clock.extension,
        pauses=clock.pauses,
        today=on or today(),
    )


def recompute(clock: Clock, *, cal=None, save=True) -> Clock:
    result = _compute(clock, cal)
    clock.due_date = result.due
    clock.provisional = result.provisional
    if save:
        clock.save(update_fields=["due_date", "provisional", "updated_at"])
    return clock


def explain(clock: Clock) -> Result:
    return _compute(clock)


def _place_of(subject):
    """The town, village and grid a clock is seen from: those of its subject (a subject that is
    itself a village or a grid is its own place, as its tenancy paths say)."""
    paths = getattr(subject, "tenancy_paths", {})

    def place(level):
        if paths.get(level) == "id":
            return subject.pk
        return getattr(subject, f"{level}_id", None)

    town_id = place("town")
    if town_id is None:
        raise ValueError("a clock's subject must carry its town")
    return town_id, place("village"), place("grid")


def start(*, subject, rule: ClockRule, start: datetime.date, label: str | None = None,
          length: int | None = None, subject_label: str | None = None, url: str = "") -> Clock:
    """Start ``rule``'s clock on ``subject`` from ``start`` (the start day is not counted)."""
    if start is None:
        raise InvalidInput("期限的起算日不能为空。")
    town_id, village_id, grid_id = _place_of(subject)
    ct = ContentType.objects.get_for_model(subject)
    if Clock.objects.filter(content_type=ct, object_id=subject.pk, rule=rule.code).exists():
        raise DomainError(f"“{rule.label}”期限已经起算,不能重复起算。")
    clock = Clock(
        content_type=ct,
        object_id=subject.pk,
        town_id=town_id,
        village_id=village_id,
        grid_id=grid_id,
        subject_label=(subject_label or str(subject))[:200],
        subject_url=url or (subject.get_absolute_url() if hasattr(subject, "get_absolute_url") else ""),
        rule=rule.code,
        label=label or rule.label,
        article=rule.article,
        start_date=start,
        length=length if length is not None else rule.length,
        unit=rule.unit,
        roll=rule.roll,
    )
    recompute(clock, save=False)
    clock.save()
    return clock


def get(subject, rule: ClockRule | str) -> Clock | None:
    code = rule.code if isinstance(rule, ClockRule) else rule
    ct = ContentType.objects.get_for_model(subject)
    return Clock.objects.filter(content_type=ct, object_id=subject.pk, rule=code).first()


def for_subject(subject) -> list[Clock]:
    ct = ContentType.objects.get_for_model(subject)
    return list(Clock.objects.filter(content_type=ct, object_id=subject.pk).order_by("created_at", "id"))


def _require_open(clock: Clock):
    if not clock.is_open:
        raise DomainError(f"“{clock.label}”期限已经结束,不能再变更。")


def pause(clock: Clock, *, on: datetime.date) -> Clock:
    """Stop the count from the day after ``on`` (a lawful wait)."""
    _require_open(clock)
    if clock.state == Clock.State.PAUSED:
        raise DomainError(f"“{clock.label}”期限已经暂停。")
    if on < clock.start_date:
        raise InvalidInput("暂停日期不能早于期限起算日。")
    for _a, b in clock.pauses:
        if b and on < datetime.date.fromisoformat(b):
            raise InvalidInput("暂停日期不能早于上一次恢复计算的日期。")
    clock.pauses = [*clock.pauses, [on.isoformat(), None]]
    clock.state = Clock.State.PAUSED
    recompute(clock, save=False)
    clock.save(update_fields=["pauses", "state", "due_date", "provisional", "updated_at"])
    return clock


def resume(clock: Clock, *, on: datetime.date) -> Clock:
    """Count again from the day after ``on``."""
    if clock.state != Clock.State.PAUSED:
        raise DomainError(f"“{clock.label}”期限没有暂停,无需恢复。")
    pauses = [list(p) for p in clock.pauses]
    opened = pauses[-1]
    if on < datetime.date.fromisoformat(opened[0]):
        raise InvalidInput("恢复计算的日期不能早于暂停日期。")
    opened[1] = on.isoformat()
    clock.pauses = pauses
    clock.state = Clock.State.RUNNING
    recompute(clock, save=False)
    clock.save(update_fields=["pauses", "state", "due_date", "provisional", "updated_at"])
    return clock


def extend(clock: Clock, *, length: int, reason: str, rule: ClockRule | None = None) -> Clock:
    """The one extension the law allows, continuing the count after the current due date."""
    _require_open(clock)
    if clock.extension:
        raise DomainError(f"“{clock.label}”期限已经延长过一次,不能再次延长。")
    # The statutory cap lives on the rule, not on the clock: without the clock's own rule an
    # extension could not be checked against it (e.g. 政府信息公开条例 第三十三条: at most 20 WD).
    if rule is None or rule.code != clock.rule:
        raise ValueError(f"extend() needs the clock's own ClockRule ({clock.rule!r}) to check the cap")
    if rule.max_extension is None:
        raise DomainError(f"“{clock.label}”期限依法不能延长。")
    if length <= 0:
        raise InvalidInput("延长的期限应为正数。")
    if length > rule.max_extension:
        raise InvalidInput(
            f"延长不能超过{rule.max_extension}{UNIT_LABELS[rule.unit]}({rule.article})。"
        )
    if not reason or not reason.strip():
        raise InvalidInput("延长期限须写明理由。")
    clock.extension = length
    clock.extension_reason = reason.strip()[:200]
    recompute(clock, save=False)
    clock.save(update_fields=["extension", "extension_reason", "due_date", "provisional", "updated_at"])
    return clock


def restart(clock: Clock, *, start: datetime.date) -> Clock:
    """Count the whole period again from ``start`` (e.g. from the corrected request, 政府信息公开
    条例 第三十条): earlier pauses and extensions no longer apply."""
    if clock.state not in (Clock.State.RUNNING, Clock.State.PAUSED):
        raise DomainError(f"“{clock.label}”期限已经结束,不能重新起算。")
    clock.start_date = start
    clock.pauses = []
    clock.extension = 0
    clock.extension_reason = ""
    clock.state = Clock.State.RUNNING
    recompute(clock, save=False)
    clock.save(update_fields=["start_date", "pauses", "extension", "extension_reason", "state",
                              "due_date", "provisional", "updated_at"])
    return clock


def stop(clock: Clock, *, on: datetime.date) -> Clock:
    """The act the period was for was done on ``on``: met if by the due date, else breached."""
    if clock.state == Clock.State.PAUSED:
        resume(clock, on=on)
    _require_open(clock)
    recompute(clock, save=False)
    clock.stopped_on = on
    clock.state = Clock.State.MET if on <= clock.due_date else Clock.State.BREACHED
    clock.save(update_fields=["stopped_on", "state", "due_date", "provisional", "updated_at"])
    return clock


def cancel(clock: Clock, *, on: datetime.date) -> Clock:
    """The period no longer runs (the request was withdrawn, the case closed otherwise)."""
    _require_open(clock)
    clock.stopped_on = on
    clock.state = Clock.State.CANCELLED
    clock.save(update_fields=["stopped_on", "state", "updated_at"])
    return clock


def recompute_crossing(year: int) -> int:
    """Recompute every open clock that a change to ``year``'s schedule may move: provisional
    ones, and those whose period reaches into that year."""
    with transaction.atomic():
        # select_for_update needs a transaction (calendar_changed may be called outside one).
        return _recompute_crossing(year)


def _recompute_crossing(year: int) -> int:
    cal = current_calendar()
    first = datetime.date(year, 1, 1)
    last = datetime.date(year, 12, 31)
    qs = Clock.objects.open().filter(Q(provisional=True) | Q(start_date__lte=last, due_date__gte=first))
    count = 0
    for clock in qs.select_for_update():
        old = (clock.due_date, clock.provisional)
        recompute(clock, cal=cal, save=False)
        if (clock.due_date, clock.provisional) != old:
            clock.save(update_fields=["due_date", "provisional", "updated_at"])
            count += 1
    return count
