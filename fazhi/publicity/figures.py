"""谁执法谁普法 figures for the annual report: counted from the activity records."""

from django.db.models import Count

from .models import Activity, KeyDate, Responsibility


def figures(town, year: int) -> dict:
    activities = Activity.objects.filter(town=town).in_year(year)
    by_unit = dict(activities.values_list("unit__name").annotate(n=Count("id")).order_by("unit__name"))
    by_key = dict(activities.exclude(key_date="").values_list("key_date").annotate(n=Count("id")).order_by())
    return {
        "publicity.activities": activities.count(),
        "publicity.activities_by_unit": by_unit,
        "publicity.participants": sum(activities.values_list("participants", flat=True)),
        "publicity.materials": sum(activities.values_list("materials", flat=True)),
        "publicity.key_date_activities": sum(by_key.values()),
        "publicity.constitution_week": by_key.get(KeyDate.CONSTITUTION_WEEK.value, 0),
        "publicity.civil_code_month": by_key.get(KeyDate.CIVIL_CODE_MONTH.value, 0),
        "publicity.national_security_day": by_key.get(KeyDate.NATIONAL_SECURITY_DAY.value, 0),
        "publicity.units_with_list": Responsibility.objects.filter(town=town, year=year)
        .values("unit").distinct().count(),
    }
