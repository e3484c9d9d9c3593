"""The district's view: a district user (区级督察) or a superuser. Anyone else gets 404."""

from django.http import Http404

from fazhi.core.models import Level


def can_supervise(user) -> bool:
    return bool(user.is_authenticated and (user.is_superuser or user.level == Level.DISTRICT))


def require_supervisor(user):
    if not can_supervise(user):
        raise Http404
