"""Who may see and do what in the leadership module, built on the core tenancy scoper."""

from fazhi.core.tenancy import visible_to

from .models import Debrief, DutyEvidence, Meeting, ResponsiblePerson
from .services import WRITE_ROLES


def can_record(user) -> bool:
    if not (user and user.is_authenticated):
        return False
    return user.is_superuser or (bool(user.town_id) and user.has_role(*WRITE_ROLES))


def persons_visible_to(user):
    return visible_to(user, ResponsiblePerson).select_related("town")


def meetings_visible_to(user):
    return visible_to(user, Meeting).select_related("town", "chaired_by")


def debriefs_visible_to(user):
    return visible_to(user, Debrief).select_related("town", "person")


def evidence_visible_to(user):
    return visible_to(user, DutyEvidence).select_related("town")
