from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from . import permissions, selectors


def _year(request) -> int:
    default = timezone.localdate().year - 1
    try:
        year = int(request.GET.get("year", default))
    except ValueError:
        return default
    return year if 2000 <= year <= default + 1 else default


@login_required
@require_GET
def index(request):
    permissions.require_supervisor(request.user)
    year = _year(request)
    columns, rows = selectors.comparison(request.user, year)
    current = timezone.localdate().year
    return render(request, "supervision/index.html", {
        "year": year,
        "years": list(range(current, current - 6, -1)),
        "submissions": selectors.submissions(request.user, year),
        "columns": columns,
        "rows": rows,
        "locks": selectors.year_locks(request.user),
    })
