"""Who may see and do what in 行政执法: visibility from the core scoper, actions from the
transition table's roles."""

from fazhi.core.models import Role
from fazhi.core.tenancy import get_for_user_or_404

from . import selectors
from .services import ENFORCERS, MANAGERS, TRANSITIONS


def cases_visible_to(user):
    return selectors.cases_visible_to(user)


def officers_visible_to(user):
    return selectors.officers_visible_to(user)


def get_case_for_user_or_404(user, pk):
    return get_for_user_or_404(user, cases_visible_to(user), pk=pk)


def _town_staff(user) -> bool:
    return bool(user.is_superuser or user.town_id)


def can_create_case(user) -> bool:
    return _town_staff(user) and (user.is_superuser or user.has_role(*ENFORCERS))


def can_manage_officers(user) -> bool:
    return _town_staff(user) and (user.is_superuser or user.has_role(*MANAGERS))


def can_add_evidence(user, case) -> bool:
    return _town_staff(user) and (user.is_superuser or user.has_role(*ENFORCERS, Role.REVIEWER)) \
        and (user.is_superuser or user.town_id == case.town_id)


def case_actions(user, case) -> list[tuple[str, str]]:
    if not user.is_superuser and user.town_id != case.town_id:
        return []
    return TRANSITIONS.available(case, user)


def can_manage_matters(user) -> bool:
    """执法事项 and 裁量基准 are kept by the town's leader or clerk."""
    return can_manage_officers(user)


def matters_visible_to(user):
    return selectors.matters_visible_to(user)


def benchmarks_visible_to(user):
    return selectors.benchmarks_visible_to(user)


def get_matter_for_user_or_404(user, pk):
    return get_for_user_or_404(user, matters_visible_to(user), pk=pk)


def get_benchmark_for_user_or_404(user, pk):
    return get_for_user_or_404(user, benchmarks_visible_to(user), pk=pk)
