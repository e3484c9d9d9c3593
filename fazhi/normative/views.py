"""Staff pages of normative documents: register, detail with the actions the user may take."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from fazhi.core import clocks
from fazhi.core.attachments import attachments_for
from fazhi.core.errors import DomainError
from fazhi.core.pages import attach_upload, run_action_form
from fazhi.core.tenancy import visible_to

from . import permissions, services
from .forms import ACTIONS, DocumentForm, SettingsForm
from .models import NormativeDocument, PolicyDocument


@login_required
@require_GET
def index(request):
    qs = permissions.documents_visible_to(request.user).select_related("town")
    status = request.GET.get("status", "")
    if status in NormativeDocument.Status.values:
        qs = qs.filter(status=status)
    return render(request, "normative/index.html", {
        "documents": qs.order_by("-drafted_on", "-id")[:500],
        "statuses": NormativeDocument.Status.choices,
        "status": status,
        "can_create": permissions.can_create_document(request.user),
        "policies": visible_to(request.user, PolicyDocument).select_related("town")[:200],
    })


@login_required
@require_http_methods(["GET", "POST"])
def create(request):
    if not permissions.can_create_document(request.user):
        raise PermissionDenied
    form = DocumentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            document = services.document_create(actor=request.user, town=request.user.town, **form.cleaned_data)
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(request, "已登记。")
            return redirect(document)
    return render(request, "normative/create.html", {"form": form})


@login_required
@require_GET
def detail(request, pk):
    document = permissions.get_document_for_user_or_404(request.user, pk)
    available = services.TRANSITIONS.available(document, request.user)
    forms = [(name, label, ACTIONS[name][0](prefix=name)) for name, label in available if name in ACTIONS]
    return render(request, "normative/detail.html", {
        "doc": document,
        "forms": forms,
        "reviews": document.reviews.all(),
        "cleanups": document.cleanups.select_related("round"),
        "clocks": clocks.for_subject(document),
        "attachments": attachments_for(document),
    })


@login_required
@require_POST
def act(request, pk, name):
    document = permissions.get_document_for_user_or_404(request.user, pk)
    return run_action_form(request, document, name=name, actions=ACTIONS, transitions=services.TRANSITIONS,
                           subject_kwarg="document")


@login_required
@require_POST
def attach(request, pk):
    return attach_upload(request, permissions.get_document_for_user_or_404(request.user, pk))


@login_required
@require_http_methods(["GET", "POST"])
def settings_view(request):
    """The town's local periods; shown to its staff, changed by its leader."""
    from fazhi.core.models import Role

    if not request.user.town_id:
        raise PermissionDenied
    conf = services.settings_for(request.user.town)
    fields = ["filing_days", "validity_years", "trial_validity_years", "expiry_notice_months"]
    can_edit = request.user.is_superuser or request.user.has_role(Role.LEADER)
    form = SettingsForm(request.POST or None, initial={f: getattr(conf, f) for f in fields})
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.settings_update(actor=request.user, town=request.user.town, **form.cleaned_data)
            except DomainError as exc:
                form.add_error(exc.field if exc.field in form.fields else None, exc.message)
            else:
                messages.success(request, "设置已保存,适用于此后公布的文件。")
                return redirect("normative:settings")
    return render(request, "normative/settings.html", {"form": form, "can_edit": can_edit})
