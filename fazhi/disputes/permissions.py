"""Who sees and does what with disputes, built on the core scoper."""

from fazhi.core.models import Role
from fazhi.core.tenancy import get_for_user_or_404, visible_to

from .models import AgreementForm, Dispute, Outcome
from .services import CREATE_ROLES, TRANSITIONS


def disputes_visible_to(user):
    return visible_to(user, Dispute)


def get_dispute_for_user_or_404(user, pk, qs=None):
    return get_for_user_or_404(user, visible_to(user, qs if qs is not None else Dispute.objects.all()), pk=pk)


def can_create_dispute(user) -> bool:
    # A dispute belongs to a town: only someone placed in one registers it.
    return bool(user.is_authenticated and user.town_id and (user.is_superuser or user.has_role(*CREATE_ROLES)))


def can_see_personal_data(user, dispute) -> bool:
    """Clear ID numbers and phones only inside the case, for those who mediate or register it."""
    return user.is_superuser or (user.town_id == dispute.town_id
                                 and user.has_role(Role.MEDIATOR, Role.CLERK, Role.LEADER))


def actions_for(user, dispute):
    return TRANSITIONS.available(dispute, user)


def can_download_agreement(user, dispute) -> bool:
    return bool(dispute.agreement_form == AgreementForm.WRITTEN and dispute.outcome == Outcome.SETTLED
                and can_see_personal_data(user, dispute))
