"""What a user may see: decided here and nowhere else.

Every model that holds a town's records names its ``tenancy_paths``: the lookups from a row to
its district, town, village and grid. A user sees the rows at or below their own place:

- a superuser: everything;
- a district user (区级督察): every town of their district;
- a town user: their town;
- a village user: rows of their village (a model without a village path shows them nothing);
- a grid user: rows of their grid (likewise).

A row outside the scope does not exist for the user: ``get_for_user_or_404`` answers 404,
exactly as for an id that was never used.
"""

from __future__ import annotations

from django.db import models
from django.http import Http404

from .models import Level


def _queryset(model_or_qs) -> models.QuerySet:
    if isinstance(model_or_qs, models.QuerySet):
        return model_or_qs
    return model_or_qs._default_manager.all()


def visible_to(user, model_or_qs) -> models.QuerySet:
    """The rows of ``model_or_qs`` that ``user`` may see."""
    qs = _queryset(model_or_qs)
    if user is None or not user.is_authenticated or not user.is_active:
        return qs.none()
    if user.is_superuser:
        return qs
    paths = getattr(qs.model, "tenancy_paths", None)
    if paths is None:
        raise TypeError(f"{qs.model.__name__} declares no tenancy_paths")
    level = user.level
    if level is None:
        return qs.none()
    path = paths.get(str(level))
    if path is None:
        return qs.none()
    # A path is a lookup compared with the user's own place at that level, or a pair
    # (lookup, user attribute) for rows shared more widely, e.g. district-wide linkage bodies.
    if isinstance(path, tuple):
        path, attr = path
    else:
        attr = f"{level}_id"
    return qs.filter(**{path: getattr(user, attr)})


def get_for_user_or_404(user, model_or_qs, **lookup):
    try:
        return visible_to(user, model_or_qs).get(**lookup)
    except (models.ObjectDoesNotExist, ValueError, TypeError):
        raise Http404 from None


def can_see(user, obj) -> bool:
    return visible_to(user, type(obj)).filter(pk=obj.pk).exists()


def is_town_staff(user) -> bool:
    """A user whose place is a town or below it (not a district supervisor, not anonymous)."""
    return bool(user and user.is_authenticated and user.town_id)


def is_district_user(user) -> bool:
    return bool(user and user.is_authenticated and user.level == Level.DISTRICT)


def towns_visible_to(user):
    from .models import Town

    return visible_to(user, Town)
