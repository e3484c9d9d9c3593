from fazhi.core.tenancy import visible_to

from .models import Activity, Responsibility


def activities_visible_to(user):
    return visible_to(user, Activity).select_related("unit")


def responsibilities_visible_to(user):
    return visible_to(user, Responsibility).select_related("unit")
