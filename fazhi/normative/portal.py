"""Public page: the town's normative documents in force (no login, no personal data)."""

from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from fazhi.core.models import Town

from .models import CleanupDecision
from .selectors import documents_in_force


@require_GET
def index(request, town):
    town = get_object_or_404(Town, slug=town)
    today = timezone.localdate()
    return render(request, "normative/portal.html", {
        "town": town,
        "today": today,
        "documents": documents_in_force(town, today),
        "cleanups": CleanupDecision.objects.filter(town=town).select_related("round", "document")
        .order_by("-decided_on", "-id")[:100],
    })
