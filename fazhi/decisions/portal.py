"""Public page: the published decision catalogues and the published decisions."""

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from fazhi.core.models import Town

from .selectors import public_catalogues, published_decisions


@require_GET
def index(request, town):
    town = get_object_or_404(Town, slug=town)
    return render(request, "decisions/portal.html", {
        "town": town,
        "catalogues": public_catalogues(town),
        "decisions": published_decisions(town),
    })
