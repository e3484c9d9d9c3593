"""Figures of grid governance, counted from records."""

import datetime

from django.utils import timezone

from .models import GridAssignment, GridEvent
from .services import coverage


def figures(town, year: int) -> dict:
    # Coverage as it stood at the end of the year (or today, for the current year).
    on = min(datetime.date(year, 12, 31), timezone.localdate())
    cov = coverage(town, on)
    events = GridEvent.objects.filter(town=town, reported_date__year=year)
    return {
        "grid.grids": cov["grids"],
        "grid.grids_covered": cov["grids_covered"],
        "grid.villages_covered": cov["villages_covered"],
        "grid.coverage_rate": cov["rate"],
        "grid.workers": GridAssignment.objects.filter(town=town).active_on(on).values("worker").distinct().count(),
        "grid.events": events.count(),
        "grid.events_to_disputes": events.filter(routed_to=GridEvent.Route.DISPUTES).count(),
        "grid.events_to_safety": events.filter(routed_to=GridEvent.Route.SAFETY).count(),
        "grid.events_resolved": events.filter(status=GridEvent.Status.RESOLVED).count(),
    }
