"""Staff pages: the lists, an item's history, the Excel import, commitments and their verification."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from fazhi.core import ledgers as core_ledgers
from fazhi.core.errors import DomainError
from fazhi.core.personal import mask_name
from fazhi.core.tenancy import get_for_user_or_404, visible_to

from . import permissions, services
from .forms import CommitmentForm, ImportForm, PowerChangeForm, RemoveForm, VerifyForm
from .ledgers import POWER_ITEMS, import_row
from .models import Certificate, ListChange


@login_required
@require_GET
def index(request):
    today = timezone.localdate()
    user = request.user
    return render(request, "functions/index.html", {
        "powers": permissions.power_items_visible_to(user).current_on(today).select_related("town")
        .order_by("town__name", "category", "code"),
        "services": permissions.service_items_visible_to(user).current_on(today).select_related("town")
        .order_by("town__name", "code"),
        "guides": permissions.guides_visible_to(user).current_on(today).select_related("town")
        .order_by("town__name", "code"),
        "changes": permissions.changes_visible_to(user).select_related("town")[:30],
        "can_edit": permissions.can_edit_lists(user),
    })


@login_required
@require_GET
def power_detail(request, pk):
    item = permissions.get_power_item_for_user_or_404(request.user, pk)
    fields = ["name", "category", "unit", "legal_basis", "responsibilities", "accountability"]
    can_edit = permissions.can_edit_lists(request.user) and not item.removed_on
    return render(request, "functions/power_detail.html", {
        "item": item,
        "change_form": PowerChangeForm(initial={f: getattr(item, f) for f in fields}) if can_edit else None,
        "remove_form": RemoveForm() if can_edit else None,
        "changes": ListChange.objects.filter(town_id=item.town_id, kind=ListChange.Kind.POWER, item_code=item.code),
        "guides": item.guides.all(),
    })


@login_required
@require_POST
def power_change(request, pk):
    item = permissions.get_power_item_for_user_or_404(request.user, pk)
    if not permissions.can_edit_lists(request.user):
        raise PermissionDenied
    remove = request.POST.get("op") == "remove"
    form = (RemoveForm if remove else PowerChangeForm)(request.POST)
    if not form.is_valid():
        messages.error(request, "请填写变更理由等必填项。")
        return redirect(item)
    try:
        if remove:
            services.power_item_remove(actor=request.user, item=item, **form.cleaned_data)
        else:
            services.power_item_change(actor=request.user, item=item, **form.cleaned_data)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "已取消该事项。" if remove else "已调整,变更已记入版本记录。")
    return redirect(item)


@login_required
@require_GET
def export_power_list(request):
    if not request.user.town_id:
        raise PermissionDenied
    data = core_ledgers.export_xlsx(POWER_ITEMS, POWER_ITEMS.export_rows(request.user.town))
    response = HttpResponse(data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = 'attachment; filename="power_items.xlsx"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def import_power_list(request):
    if not permissions.can_edit_lists(request.user):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        town = request.user.town
        try:
            rows = core_ledgers.import_xlsx(
                POWER_ITEMS, upload, actor=request.user, town=town, filename=upload.name,
                create=lambda row: import_row(row, town=town, actor=request.user))
        except core_ledgers.LedgerErrors as exc:
            errors = exc.lines()
            messages.error(request, exc.message)
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, f"已导入{len(rows)}行。")
            return redirect("functions:index")
    return render(request, "functions/import.html", {"form": form, "errors": errors})


@login_required
@require_GET
def commitments(request):
    qs = permissions.commitments_visible_to(request.user).select_related("certificate", "certificate__guide", "town")
    rows = [{"c": c, "applicant": mask_name(c.applicant_name)} for c in qs[:300]]
    can_verify = permissions.can_verify_commitments(request.user)
    certificates = visible_to(request.user, Certificate).select_related("guide")
    return render(request, "functions/commitments.html", {
        "rows": rows, "form": VerifyForm(), "can_verify": can_verify,
        "record_form": CommitmentForm(certificates=certificates) if can_verify else None,
        "today": timezone.localdate(),
    })


@login_required
@require_POST
def commitment_record(request):
    if not permissions.can_verify_commitments(request.user):
        raise PermissionDenied
    form = CommitmentForm(request.POST, certificates=visible_to(request.user, Certificate))
    if form.is_valid():
        try:
            services.commitment_record(actor=request.user, **form.cleaned_data)
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, "已登记告知承诺。")
    else:
        messages.error(request, "请选择证明事项并填写申请人。")
    return redirect("functions:commitments")


@login_required
@require_POST
def commitment_verify(request, pk):
    if not permissions.can_verify_commitments(request.user):
        raise PermissionDenied
    commitment = get_for_user_or_404(request.user, permissions.commitments_visible_to(request.user), pk=pk)
    form = VerifyForm(request.POST)
    if form.is_valid():
        try:
            services.commitment_verify(actor=request.user, commitment=commitment, **form.cleaned_data)
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, "已记录核查结果。")
    else:
        messages.error(request, "请检查核查结果和日期。")
    return redirect("functions:commitments")

