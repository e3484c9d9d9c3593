"""Public pages: the current lists with their change history, the service guides."""

from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from fazhi.core.models import Town

from .models import ListChange, PowerCategory, ServiceGuide
from .selectors import current_guides, current_power_items, current_service_items, list_history, version_rows


@require_GET
def index(request, town):
    town = get_object_or_404(Town, slug=town)
    today = timezone.localdate()
    powers = list(current_power_items(town, today))
    groups = [(label, [p for p in powers if p.category == value]) for value, label in PowerCategory.choices]
    return render(request, "functions/portal.html", {
        "town": town, "today": today,
        "groups": [(label, items) for label, items in groups if items],
        "power_count": len(powers),
        "services": current_service_items(town, today),
        "history": list_history(town)[:200],
    })


@require_GET
def guides(request, town):
    town = get_object_or_404(Town, slug=town)
    return render(request, "functions/portal_guides.html", {"town": town, "guides": current_guides(town)})


@require_GET
def guide(request, town, pk):
    town = get_object_or_404(Town, slug=town)
    guide = get_object_or_404(current_guides(town), pk=pk)
    return render(request, "functions/portal_guide.html", {
        "town": town, "guide": guide,
        "history": version_rows(ListChange.objects.filter(town=town, kind=ListChange.Kind.GUIDE,
                                                          item_code=guide.code), ServiceGuide),
    })

