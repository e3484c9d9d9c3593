"""Who may see and do what in 政府信息公开, on top of the core tenancy scoper."""

from fazhi.core.models import Role
from fazhi.core.tenancy import get_for_user_or_404, is_town_staff, visible_to

from .models import DisclosureRequest, ProactiveItem
from .services import ITEM_TRANSITIONS, TRANSITIONS

HANDLER_ROLES = (Role.CLERK, Role.LEADER)
CASE_ROLES = (Role.CLERK, Role.LEADER, Role.REVIEWER)


def requests_visible_to(user):
    return visible_to(user, DisclosureRequest)


def items_visible_to(user):
    return visible_to(user, ProactiveItem)


def get_request_for_user_or_404(user, pk):
    return get_for_user_or_404(user, DisclosureRequest.objects.select_related("town__district"), pk=pk)


def get_item_for_user_or_404(user, pk):
    return get_for_user_or_404(user, ProactiveItem.objects.select_related("town"), pk=pk)


def can_register_request(user) -> bool:
    return is_town_staff(user) and (user.is_superuser or user.has_role(*HANDLER_ROLES))


def can_see_personal_data(user, req) -> bool:
    """The applicant's clear data stays inside the case: its handlers in its own town."""
    return bool(user.town_id == req.town_id and user.has_role(*CASE_ROLES))


def can_act_on_request(user, req, action: str) -> bool:
    return TRANSITIONS.allows(req, action, user)


def can_manage_items(user) -> bool:
    return is_town_staff(user) and (user.is_superuser or user.has_role(*HANDLER_ROLES))


def can_act_on_item(user, item, action: str) -> bool:
    return ITEM_TRANSITIONS.allows(item, action, user)
