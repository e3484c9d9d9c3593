from fazhi.core.tenancy import visible_to

from .models import Accident, Hazard, Patrol
from .services import ROLES


def patrols_visible_to(user):
    return visible_to(user, Patrol)


def hazards_visible_to(user):
    return visible_to(user, Hazard)


def accidents_visible_to(user):
    return visible_to(user, Accident)


def can_manage_safety(user) -> bool:
    return bool(user.is_authenticated and user.town_id and (user.is_superuser or user.has_role(*ROLES)))
