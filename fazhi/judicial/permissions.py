"""Who may see and do what in the judicial module, built on the core tenancy scoper."""

from fazhi.core.tenancy import get_for_user_or_404, is_town_staff, visible_to

from .models import InterferenceRecord, LitigationCase, ReconsiderationCase, ResolutionCase, ZeroReport
from .services import WRITE_ROLES


def can_record(user) -> bool:
    """Town staff who keep the judicial records (经办人, 镇领导, 司法所 法制审核)."""
    if not (user and user.is_authenticated):
        return False
    if user.is_superuser:
        return True
    return bool(user.town_id) and user.has_role(*WRITE_ROLES)


def can_attach(user) -> bool:
    """Evidence files are added by the town's own staff who keep these records (not a district
    supervisor, who reads them)."""
    return is_town_staff(user) and can_record(user)


def interference_records_visible_to(user):
    return visible_to(user, InterferenceRecord).select_related("town", "unit")


def zero_reports_visible_to(user):
    return visible_to(user, ZeroReport).select_related("town", "unit")


def litigation_cases_visible_to(user):
    return visible_to(user, LitigationCase).select_related("town")


def reconsideration_cases_visible_to(user):
    return visible_to(user, ReconsiderationCase).select_related("town")


def resolution_cases_visible_to(user):
    return visible_to(user, ResolutionCase).select_related("town")


def get_litigation_for_user_or_404(user, pk):
    return get_for_user_or_404(user, litigation_cases_visible_to(user), pk=pk)


def get_reconsideration_for_user_or_404(user, pk):
    return get_for_user_or_404(user, reconsideration_cases_visible_to(user), pk=pk)


def get_resolution_for_user_or_404(user, pk):
    return get_for_user_or_404(user, resolution_cases_visible_to(user), pk=pk)


def get_interference_for_user_or_404(user, pk):
    return get_for_user_or_404(user, interference_records_visible_to(user), pk=pk)
