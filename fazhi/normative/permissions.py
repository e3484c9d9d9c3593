"""Who sees and does what with normative documents: built on the core scoper."""

from fazhi.core.tenancy import get_for_user_or_404, is_town_staff, visible_to

from .models import NormativeDocument


def documents_visible_to(user):
    return visible_to(user, NormativeDocument)


def get_document_for_user_or_404(user, pk):
    return get_for_user_or_404(user, documents_visible_to(user), pk=pk)


def can_create_document(user) -> bool:
    # District supervisors read; a town's staff draft.
    return is_town_staff(user)
