"""Reads of the lists, including those other modules use (the enforcement module checks its
cases against the power list)."""

from django.utils import timezone

from .models import ListChange, PowerItem, ServiceGuide, ServiceItem


def power_item_for(town, code: str):
    """The town's current power item with ``code`` (in force today), or None."""
    today = timezone.localdate()
    return PowerItem.objects.filter(town=town, code=(code or "").strip()).current_on(today).first()


def town_has_power_list(town) -> bool:
    """Whether ``town`` has a power list with at least one item in force today."""
    return PowerItem.objects.filter(town=town).current_on(timezone.localdate()).exists()


def current_power_items(town, on=None):
    return PowerItem.objects.filter(town=town).current_on(on or timezone.localdate()).order_by("category", "code")


def current_service_items(town, on=None):
    return ServiceItem.objects.filter(town=town).current_on(on or timezone.localdate()).order_by("code")


def current_guides(town, on=None):
    return (ServiceGuide.objects.filter(town=town).current_on(on or timezone.localdate())
            .select_related("power_item", "service_item").prefetch_related("certificates").order_by("code"))


def list_history(town):
    return ListChange.objects.filter(town=town).order_by("-effective_on", "-id")
