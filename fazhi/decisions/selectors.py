"""Reads of major decisions."""

from .models import Catalogue, Decision


def public_catalogues(town):
    """The published catalogues of ``town`` with their decisions, as the portal lists them."""
    return (Catalogue.objects.filter(town=town, published_on__isnull=False)
            .prefetch_related("decisions").order_by("-year"))


def published_decisions(town):
    return (Decision.objects.filter(town=town, status__in=[Decision.Status.PUBLISHED, Decision.Status.ARCHIVED])
            .order_by("-decided_on", "-id"))
