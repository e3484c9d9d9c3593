"""Staff pages of major decisions: list and catalogue, detail with the steps the user may take."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from fazhi.core import clocks
from fazhi.core.attachments import attachments_for
from fazhi.core.errors import DomainError
from fazhi.core.pages import attach_upload, run_action_form

from . import permissions, services
from .forms import ACTIONS, DecisionForm, IncidentForm
from .models import Decision


@login_required
@require_GET
def index(request):
    qs = permissions.decisions_visible_to(request.user).select_related("town", "catalogue")
    status = request.GET.get("status", "")
    if status in Decision.Status.values:
        qs = qs.filter(status=status)
    return render(request, "decisions/index.html", {
        "decisions": qs.order_by("-started_on", "-id")[:500],
        "catalogues": permissions.catalogues_visible_to(request.user).select_related("town")[:50],
        "incidents": permissions.incidents_visible_to(request.user).select_related("decision", "town")[:50],
        "statuses": Decision.Status.choices,
        "status": status,
        "can_create": permissions.can_create_decision(request.user),
    })


@login_required
@require_http_methods(["GET", "POST"])
def create(request):
    if not permissions.can_create_decision(request.user):
        raise PermissionDenied
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            decision = services.decision_create(actor=request.user, town=request.user.town, **form.cleaned_data)
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(request, "已登记。")
            return redirect(decision)
    return render(request, "decisions/create.html", {"form": form, "title": "登记重大行政决策事项"})


@login_required
@require_http_methods(["GET", "POST"])
def incident_create(request):
    if not permissions.can_create_decision(request.user):
        raise PermissionDenied
    form = IncidentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.incident_create(actor=request.user, town=request.user.town, **form.cleaned_data)
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(request, "已登记。")
            return redirect("decisions:index")
    return render(request, "decisions/create.html", {"form": form, "title": "登记决策引发事件"})


@login_required
@require_GET
def detail(request, pk):
    decision = permissions.get_decision_for_user_or_404(request.user, pk)
    available = services.TRANSITIONS.available(decision, request.user)
    forms = [(name, label, ACTIONS[name][0](prefix=name)) for name, label in available if name in ACTIONS]
    return render(request, "decisions/detail.html", {
        "d": decision,
        "forms": forms,
        "clocks": clocks.for_subject(decision),
        "attachments": attachments_for(decision),
        "incidents": decision.incidents.all(),
    })


@login_required
@require_POST
def act(request, pk, name):
    decision = permissions.get_decision_for_user_or_404(request.user, pk)
    return run_action_form(request, decision, name=name, actions=ACTIONS, transitions=services.TRANSITIONS,
                           subject_kwarg="decision")


@login_required
@require_POST
def attach(request, pk):
    return attach_upload(request, permissions.get_decision_for_user_or_404(request.user, pk))
