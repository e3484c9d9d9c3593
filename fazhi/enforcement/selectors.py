"""Reads of the enforcement module, each starting from the tenancy scoper (or, for the public
portal, from one town and only what is published)."""

from __future__ import annotations

import datetime

from django.db.models import Prefetch

from fazhi.core.clocks import today as local_today
from fazhi.core.tenancy import visible_to

from .models import Benchmark, Case, CaseRecord, Inspection, Matter, Officer


def matter_within_powers(matter) -> bool:
    """Whether ``matter`` is within the town's 权力清单 (kept by the ``functions`` app), matched by
    the matter's ``power_list_ref``. A town that keeps no power list yet has nothing to check
    against, so its matters are not flagged."""
    from fazhi.functions.selectors import power_item_for, town_has_power_list

    if not town_has_power_list(matter.town):
        return True
    return power_item_for(matter.town, matter.power_list_ref) is not None


def officers_visible_to(user):
    return visible_to(user, Officer).select_related("unit", "town")


def matters_visible_to(user):
    return visible_to(user, Matter).select_related("unit")


def benchmarks_visible_to(user):
    return visible_to(user, Benchmark).select_related("matter")


def cases_visible_to(user):
    return visible_to(user, Case).select_related("unit", "matter", "town").prefetch_related(
        Prefetch("officers", queryset=Officer.objects.order_by("name"))
    )


def inspections_visible_to(user):
    return visible_to(user, Inspection).select_related("unit", "matter").prefetch_related("officers")


def officers_expiring(qs, *, within_days: int = 60, on: datetime.date | None = None):
    """Active officers whose certificate ends within ``within_days`` (or has ended): a warning
    before they may no longer enforce (第四十二条)."""
    on = on or local_today()
    return qs.filter(active=True, valid_until__lte=on + datetime.timedelta(days=within_days)).order_by("valid_until")


def case_records(case):
    return CaseRecord.objects.filter(case=case).select_related("attachment").order_by("recorded_on", "id")


def published_decisions(town):
    """Decisions on the portal: published ones, and withdrawn ones with their reason."""
    return (Case.objects.filter(town=town, published_date__isnull=False)
            .select_related("unit", "matter").order_by("-published_date", "-id"))


def public_officers(town, on: datetime.date | None = None):
    on = on or local_today()
    return Officer.objects.filter(town=town).valid_on(on).select_related("unit").order_by("unit__name", "name")


def public_matters(town):
    return Matter.objects.filter(town=town, active=True).select_related("unit").order_by("unit__name", "name")
