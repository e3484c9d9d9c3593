"""Reads that span relations, each starting from the tenancy scoper."""

from __future__ import annotations

import datetime

from .clocks import today as local_today
from .holidays import current_calendar
from .models import Clock
from .tenancy import visible_to
from .workdays import add_workdays


def clocks_visible_to(user):
    return visible_to(user, Clock).select_related("town", "content_type")


def clocks_attention(user, *, within_workdays: int = 5, on: datetime.date | None = None) -> dict:
    """Every running clock of the user's scope that is overdue or due within the next N working
    days: one query. Paused clocks (a lawful wait) are never among them."""
    on = on or local_today()
    horizon = add_workdays(current_calendar(), on, within_workdays).due
    rows = list(clocks_visible_to(user).running().filter(due_date__lte=horizon).order_by("due_date", "id"))
    return {
        "on": on,
        "horizon": horizon,
        "within": within_workdays,
        "overdue": [c for c in rows if c.due_date < on],
        "due_soon": [c for c in rows if c.due_date >= on],
    }
