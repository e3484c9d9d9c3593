"""Reads for the grid pages, starting from the scoper."""

from django.utils import timezone

from fazhi.core.models import Grid, Role, User
from fazhi.core.tenancy import visible_to

from .permissions import assignments_visible_to, event_actions, events_visible_to


def grid_rows(user, on=None):
    """Each visible grid with its grid workers assigned on ``on``."""
    on = on or timezone.localdate()
    grids = visible_to(user, Grid).select_related("village").order_by("village__name", "name")
    workers: dict[int, list] = {}
    for a in assignments_visible_to(user).active_on(on).order_by("start_date"):
        workers.setdefault(a.grid_id, []).append(a)
    return [(g, workers.get(g.pk, [])) for g in grids]


def recent_events(user, limit=50):
    events = list(events_visible_to(user).select_related("grid__village", "dispute", "hazard")[:limit])
    for e in events:
        e.actions = event_actions(user, e)
    return events


def grid_workers_of(user):
    if not user.town_id:
        return User.objects.none()
    return User.objects.filter(town_id=user.town_id, roles__role=Role.GRID, is_active=True).distinct().order_by("username")
