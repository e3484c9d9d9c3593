"""Reads for the safety pages, starting from the scoper."""

from django.db.models import Case, IntegerField, Value, When

from .models import Hazard
from .permissions import accidents_visible_to, hazards_visible_to, patrols_visible_to


def recent_patrols(user, limit=30):
    return patrols_visible_to(user)[:limit]


def hazards_open_first(user, limit=50):
    """Open hazards first, soonest due first; then the rectified ones, newest first."""
    open_first = Case(When(status=Hazard.Status.OPEN, then=Value(0)), default=Value(1), output_field=IntegerField())
    return (hazards_visible_to(user).select_related("village", "grid")
            .annotate(open_rank=open_first).order_by("open_rank", "due_date", "-found_date")[:limit])


def recent_accidents(user, limit=30):
    return accidents_visible_to(user).select_related("village")[:limit]
