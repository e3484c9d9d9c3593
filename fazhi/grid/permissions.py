from fazhi.core.models import Role
from fazhi.core.tenancy import visible_to

from .models import GridAssignment, GridEvent
from .services import MANAGERS, REPORTERS, TRANSITIONS


def events_visible_to(user):
    return visible_to(user, GridEvent)


def assignments_visible_to(user):
    return visible_to(user, GridAssignment)


def can_manage_grids(user) -> bool:
    return bool(user.is_authenticated and user.town_id and (user.is_superuser or user.has_role(*MANAGERS)))


def can_report_event(user) -> bool:
    return bool(user.is_authenticated and user.town_id and (user.is_superuser or user.has_role(*REPORTERS)))


def event_actions(user, event):
    return TRANSITIONS.available(event, user)


def is_grid_worker(user) -> bool:
    return user.has_role(Role.GRID)
