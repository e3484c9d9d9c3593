"""Who sees and changes the lists: built on the core scoper."""

from fazhi.core.models import Role
from fazhi.core.tenancy import get_for_user_or_404, is_town_staff, visible_to

from .models import Certificate, Commitment, ListChange, PowerItem, ServiceGuide, ServiceItem


def power_items_visible_to(user):
    return visible_to(user, PowerItem)


def service_items_visible_to(user):
    return visible_to(user, ServiceItem)


def guides_visible_to(user):
    return visible_to(user, ServiceGuide)


def commitments_visible_to(user):
    return visible_to(user, Commitment)


def changes_visible_to(user):
    return visible_to(user, ListChange)


def get_power_item_for_user_or_404(user, pk):
    return get_for_user_or_404(user, power_items_visible_to(user), pk=pk)


def get_service_item_for_user_or_404(user, pk):
    return get_for_user_or_404(user, service_items_visible_to(user), pk=pk)


def get_guide_for_user_or_404(user, pk):
    return get_for_user_or_404(user, guides_visible_to(user).select_related("power_item", "service_item"), pk=pk)


def get_certificate_for_user_or_404(user, pk):
    return get_for_user_or_404(user, visible_to(user, Certificate).select_related("guide"), pk=pk)


def can_edit_lists(user) -> bool:
    """The town's clerks and leaders keep the lists; district supervisors read them."""
    return is_town_staff(user) and (user.is_superuser or user.has_role(Role.CLERK, Role.LEADER))


def can_verify_commitments(user) -> bool:
    return is_town_staff(user) and (user.is_superuser or user.has_role(Role.CLERK, Role.LEADER, Role.OFFICER))
