"""Reads across relations, always starting from the scoper."""

from django.db.models import Case, IntegerField, Value, When

from fazhi.core.models import LinkageBody, Role, User
from fazhi.core.tenancy import visible_to

from .models import Dispute, RiskLevel
from .permissions import disputes_visible_to


def dispute_list(user, *, status="", year=None, q=""):
    """Disputes at risk of escalating first (the leader sees them first), then the newest."""
    qs = disputes_visible_to(user).select_related("town", "village", "grid", "source_body", "linkage_body")
    if status:
        qs = qs.filter(status=status)
    if year:
        qs = qs.filter(received_date__year=year)
    if q:
        qs = qs.filter(title__icontains=q) | qs.filter(code__icontains=q)
    risk = Case(When(risk_level=RiskLevel.ESCALATING, then=Value(0)),
                When(risk_level=RiskLevel.ATTENTION, then=Value(1)), default=Value(2),
                output_field=IntegerField())
    return qs.annotate(risk_rank=risk).order_by("risk_rank", "-received_date", "-id")


def dispute_detail_qs(user):
    return disputes_visible_to(user).select_related(
        "town__district", "village", "grid", "source_body", "linkage_body", "handed_to", "mediator"
    ).prefetch_related("parties", "sessions", "return_visits")


def mediators_for(dispute):
    return (User.objects.filter(town_id=dispute.town_id, is_active=True, roles__role=Role.MEDIATOR)
            .select_related("village").order_by("village_id", "username").distinct())


def linkage_bodies_for(user):
    return visible_to(user, LinkageBody).order_by("kind", "name")


def open_disputes(user):
    return dispute_list(user).filter(pk__in=Dispute.objects.open().values("pk"))
