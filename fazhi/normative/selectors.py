"""Reads of normative documents."""

from django.utils import timezone

from .models import NormativeDocument


def documents_in_force(town, on=None):
    """The documents of ``town`` in force on ``on`` (today by default), as the portal lists them."""
    on = on or timezone.localdate()
    return NormativeDocument.objects.filter(town=town).in_force_on(on).order_by("-published_on", "id")
