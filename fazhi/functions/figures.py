"""Named figures of the lists, guides and commitments (seed 一(二)), counted from records."""

import datetime

from django.db.models import Count, Max

from .models import Certificate, Commitment, ListChange, PowerCategory, PowerItem, ServiceGuide, ServiceItem


def figures(town, year: int) -> dict:
    year_end = datetime.date(year, 12, 31)
    powers = PowerItem.objects.filter(town=town).current_on(year_end)
    by_category = dict(powers.values_list("category").annotate(n=Count("id")).values_list("category", "n"))
    changes = ListChange.objects.filter(town=town, effective_on__year=year)
    last = ListChange.objects.filter(town=town, effective_on__lte=year_end).aggregate(m=Max("effective_on"))["m"]
    commitments = Commitment.objects.filter(town=town, committed_on__year=year)
    out = {
        "functions.power_items": powers.count(),
        "functions.power_categories": len(by_category),
        "functions.service_items": ServiceItem.objects.filter(town=town).current_on(year_end).count(),
        "functions.guides": ServiceGuide.objects.filter(town=town).current_on(year_end).count(),
        "functions.list_changes": changes.count(),
        "functions.power_list_changes": changes.filter(kind=ListChange.Kind.POWER).count(),
        "functions.guide_changes": changes.filter(kind=ListChange.Kind.GUIDE).count(),
        # ISO date of the latest change of any list up to the year's end ("" when none).
        "functions.last_change": last.isoformat() if last else "",
        "functions.commitment_certificates": Certificate.objects.filter(town=town).current_on(year_end).count(),
        "functions.commitments": commitments.count(),
        "functions.commitments_verified": commitments.exclude(result=Commitment.Result.PENDING).count(),
        "functions.commitments_true": commitments.filter(result=Commitment.Result.TRUE).count(),
        "functions.commitments_false": commitments.filter(result=Commitment.Result.FALSE).count(),
        "functions.commitments_pending": commitments.filter(result=Commitment.Result.PENDING).count(),
    }
    for value in PowerCategory.values:
        out[f"functions.power_items.{value}"] = by_category.get(value, 0)
    return out
