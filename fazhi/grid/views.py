from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from fazhi.core.errors import DomainError
from fazhi.core.models import Grid, User
from fazhi.core.tenancy import get_for_user_or_404, visible_to
from fazhi.disputes.models import Category, PartyRole, RiskLevel

from . import selectors, services
from .models import GridAssignment, GridEvent
from .permissions import can_manage_grids, can_report_event


@login_required
@require_GET
def index(request):
    user = request.user
    return render(request, "grid/index.html", {
        "coverage": services.coverage(user.town) if user.town_id and not user.village_id else None,
        "rows": selectors.grid_rows(user),
        "events": selectors.recent_events(user),
        "can_manage": can_manage_grids(user), "can_report": can_report_event(user),
        "grid_workers": selectors.grid_workers_of(user),
        "categories": Category.choices, "risks": RiskLevel.choices, "routes": GridEvent.Route.choices,
        "today": timezone.localdate(),
    })


def _done(request, call, ok):
    try:
        call()
    except DomainError as exc:
        messages.error(request, exc.message)
        return False
    messages.success(request, ok)
    return True


@login_required
@require_http_methods(["GET", "POST"])
def report(request):
    """A grid worker's report from the field, on a phone-sized page."""
    if not can_report_event(request.user):
        raise Http404
    p = request.POST
    if request.method == "POST":
        grid = get_for_user_or_404(request.user, Grid, pk=p["grid"]) if p.get("grid") else None
        if _done(request, lambda: services.event_report(
                actor=request.user, kind=p.get("kind", ""), title=p.get("title", ""),
                description=p.get("description", ""), location=p.get("location", ""),
                date=p.get("date") or None, grid=grid), "事件已上报。"):
            return redirect("grid:index")
    return render(request, "grid/report.html", {
        "kinds": GridEvent.Kind.choices, "today": timezone.localdate(),
        "grids": visible_to(request.user, Grid).select_related("village"), "post": p,
    })


@login_required
@require_POST
def route(request, pk):
    event = get_for_user_or_404(request.user, GridEvent, pk=pk)
    p = request.POST
    dispute = {"category": p.get("category") or "other", "risk_level": p.get("risk_level") or "low",
               "parties": [{"name": p.get("applicant", ""), "role": PartyRole.APPLICANT, "phone": p.get("phone", "")},
                           {"name": p.get("respondent", ""), "role": PartyRole.RESPONDENT}]}
    hazard = {"responsible": p.get("responsible", ""), "rectify_days": p.get("rectify_days") or 0}
    _done(request, lambda: services.event_route(actor=request.user, event=event, route=p.get("route", ""),
                                                note=p.get("note", ""), date=p.get("date") or None,
                                                dispute=dispute, hazard=hazard), "事件已分流。")
    return redirect("grid:index")


@login_required
@require_POST
def resolve(request, pk):
    event = get_for_user_or_404(request.user, GridEvent, pk=pk)
    _done(request, lambda: services.event_resolve(actor=request.user, event=event, note=request.POST.get("note", ""),
                                                  date=request.POST.get("date") or None), "已登记就地化解。")
    return redirect("grid:index")


@login_required
@require_POST
def assign(request):
    if not can_manage_grids(request.user):
        raise Http404
    grid = get_for_user_or_404(request.user, Grid, pk=request.POST.get("grid") or 0)
    # Users are not scoped records: the worker must simply be of the manager's town.
    worker = User.objects.filter(town_id=request.user.town_id, pk=request.POST.get("worker") or 0).first()
    if worker is None:
        raise Http404
    _done(request, lambda: services.assignment_create(actor=request.user, grid=grid, worker=worker,
                                                      start_date=request.POST.get("date") or None), "已配备网格员。")
    return redirect("grid:index")


@login_required
@require_POST
def assignment_end(request, pk):
    if not can_manage_grids(request.user):
        raise Http404
    assignment = get_for_user_or_404(request.user, GridAssignment, pk=pk)
    _done(request, lambda: services.assignment_end(actor=request.user, assignment=assignment,
                                                   end_date=request.POST.get("date") or None), "已终止配备。")
    return redirect("grid:index")
