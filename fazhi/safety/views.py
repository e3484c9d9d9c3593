from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from fazhi.core import ledgers
from fazhi.core.errors import DomainError
from fazhi.core.models import Grid, Village
from fazhi.core.tenancy import get_for_user_or_404, visible_to

from . import selectors, services
from .figures import figures
from .models import Grade, Hazard, Patrol
from .permissions import can_manage_safety, hazards_visible_to, patrols_visible_to

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
@require_GET
def index(request):
    year = timezone.localdate().year
    return render(request, "safety/index.html", {
        "figures": ({k.split(".", 1)[1]: v for k, v in figures(request.user.town, year).items()}
                    if request.user.town_id and not request.user.village_id else {}),
        "year": year,
        "patrols": selectors.recent_patrols(request.user),
        "hazards": selectors.hazards_open_first(request.user),
        "accidents": selectors.recent_accidents(request.user),
        "can_manage": can_manage_safety(request.user),
        "patrol_kinds": Patrol.Kind.choices, "hazard_levels": Hazard.Level.choices, "grades": Grade.choices,
        "villages": visible_to(request.user, Village).order_by("name"),
        "grids": visible_to(request.user, Grid).select_related("village"),
        "today": timezone.localdate(),
    })


def _guard(request):
    if not can_manage_safety(request.user):
        raise Http404


def _done(request, call, ok):
    try:
        call()
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, ok)
    return redirect("safety:index")


def _opt(request, model, field):
    value = request.POST.get(field)
    return get_for_user_or_404(request.user, model, pk=value) if value else None


@login_required
@require_POST
def patrol_new(request):
    _guard(request)
    p = request.POST
    return _done(request, lambda: services.patrol_create(
        actor=request.user, town=request.user.town, kind=p.get("kind", "joint"), date=p.get("date") or None,
        route=p.get("route", ""), participants=p.get("participants", ""), people_count=p.get("people_count") or 0,
        findings=p.get("findings", "")), "巡查已登记。")


@login_required
@require_POST
def hazard_new(request):
    _guard(request)
    p = request.POST
    return _done(request, lambda: services.hazard_create(
        actor=request.user, town=request.user.town, found_date=p.get("found_date") or None, title=p.get("title", ""),
        location=p.get("location", ""), level=p.get("level", "general"), responsible=p.get("responsible", ""),
        rectify_days=p.get("rectify_days") or 0, village=_opt(request, Village, "village"),
        grid=_opt(request, Grid, "grid")), "隐患已登记,整改期限已起算。")


@login_required
@require_POST
def hazard_rectify(request, pk):
    hazard = get_for_user_or_404(request.user, Hazard, pk=pk)
    return _done(request, lambda: services.hazard_rectify(
        actor=request.user, hazard=hazard, rectification=request.POST.get("rectification", ""),
        date=request.POST.get("date") or None), "整改已登记。")


@login_required
@require_POST
def accident_new(request):
    _guard(request)
    p = request.POST
    return _done(request, lambda: services.accident_create(
        actor=request.user, town=request.user.town, date=p.get("date") or None, title=p.get("title", ""),
        deaths=p.get("deaths") or 0, serious_injuries=p.get("serious_injuries") or 0,
        direct_loss=p.get("direct_loss") or 0, description=p.get("description", ""),
        village=_opt(request, Village, "village")), "事故已登记,等级已按条例第三条确定。")


def _export(request, ledger_name, qs, filename):
    from . import ledgers as _registered  # noqa: F401 - registers the ledgers

    if not request.user.town_id:
        raise Http404
    response = HttpResponse(ledgers.export_xlsx(ledgers.get(ledger_name), qs), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_GET
def patrols_export(request):
    return _export(request, "safety.patrols", patrols_visible_to(request.user), "patrols.xlsx")


@login_required
@require_GET
def hazards_export(request):
    return _export(request, "safety.hazards", hazards_visible_to(request.user).select_related("village", "grid"),
                   "hazards.xlsx")
