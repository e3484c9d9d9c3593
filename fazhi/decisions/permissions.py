"""Who sees and does what with major decisions: built on the core scoper."""

from fazhi.core.tenancy import get_for_user_or_404, is_town_staff, visible_to

from .models import Catalogue, Decision, Incident


def decisions_visible_to(user):
    return visible_to(user, Decision)


def catalogues_visible_to(user):
    return visible_to(user, Catalogue)


def incidents_visible_to(user):
    return visible_to(user, Incident)


def get_decision_for_user_or_404(user, pk):
    return get_for_user_or_404(user, decisions_visible_to(user), pk=pk)


def can_create_decision(user) -> bool:
    return is_town_staff(user)
