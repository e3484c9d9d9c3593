"""Guard for records of a locked year. Every module service that changes a record calls
``ensure_open(town_id, date, ...)`` with the dates that place the record in a report year."""

import datetime

from django.db import transaction

from . import audit
from .errors import DomainError
from .models import YearLock


def locked_years(town_id) -> set[int]:
    return set(YearLock.objects.filter(town_id=town_id).values_list("year", flat=True))


def ensure_open(town_id, *dates):
    years = {d.year for d in dates if isinstance(d, datetime.date)}
    if not years:
        return
    locked = YearLock.objects.filter(town_id=town_id, year__in=years).order_by("year").first()
    if locked is not None:
        raise DomainError(
            f"{locked.year}年度法治政府建设报告已公布,该年度的记录已锁定,不能再变更。", code="year_locked"
        )


@transaction.atomic
def lock_year(*, actor, town, year: int, reason: str) -> YearLock:
    lock, created = YearLock.objects.get_or_create(
        town=town, year=year,
        defaults={"locked_by_label": getattr(actor, "label", str(actor or "系统")), "reason": reason[:200]},
    )
    if created:
        audit.record(actor=actor, action="year.lock", obj=lock, after=audit.snapshot(lock), note=reason)
    return lock
