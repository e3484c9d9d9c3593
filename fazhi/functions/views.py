"""Staff pages: the lists, an item's history, the Excel import, commitments and their verification."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from fazhi.core import ledgers as core_ledgers
from fazhi.core.errors import DomainError
from fazhi.core.personal import mask_name
from fazhi.core.tenancy import get_for_user_or_404, visible_to

from . import permissions, selectors, services
from .forms import (
    CertificateForm,
    CommitmentForm,
    GuideForm,
    ImportForm,
    PowerChangeForm,
    RemoveForm,
    ServiceItemForm,
    VerifyForm,
)
from .ledgers import POWER_ITEMS, import_row
from .models import Certificate, PowerItem, ServiceGuide, ServiceItem


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
        "versions": selectors.version_rows(selectors.item_history(item), PowerItem),
        "guides": item.guides.all(),
        "can_add_guide": permissions.can_edit_lists(request.user) and not item.removed_on,
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
    certificates = (visible_to(request.user, Certificate).current_on(timezone.localdate())
                    .filter(guide__removed_on__isnull=True).select_related("guide"))
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



# ---- 公共服务清单, 办事指南 and their 告知承诺 certificates (the town's clerks and leaders) ----

def _require_editor(user):
    if not permissions.can_edit_lists(user):
        raise PermissionDenied


def _refused(form, exc):
    """Show a service's refusal on the field it names (or on the form)."""
    form.add_error(exc.field if exc.field in form.fields else None, exc.message)


def _submit(request, form, call, done: str):
    """Validate ``form`` and call the service with its data. A refusal is shown on the form and
    changes nothing. Returns (True, the service's result) once done, else (False, None)."""
    if not form.is_valid():
        return False, None
    try:
        result = call(actor=request.user, **form.cleaned_data)
    except DomainError as exc:
        _refused(form, exc)
        return False, None
    messages.success(request, done)
    return True, result


def _initial(obj, fields):
    return {f: getattr(obj, f) for f in fields if hasattr(obj, f)}


SERVICE_FIELDS = ["name", "unit", "legal_basis", "description"]
GUIDE_FIELDS = services.EDITABLE[ServiceGuide]


def _town_items(user):
    today = timezone.localdate()
    return (PowerItem.objects.filter(town_id=user.town_id).current_on(today),
            ServiceItem.objects.filter(town_id=user.town_id).current_on(today))


@login_required
@require_http_methods(["GET", "POST"])
def service_create(request):
    _require_editor(request.user)
    form = ServiceItemForm(request.POST or None, adding=True)
    if request.method == "POST":
        ok, item = _submit(request, form, partial(services.service_item_create, town=request.user.town),
                           "已列入公共服务清单。")
        if ok:
            return redirect("functions:service_detail", item.pk)
    return render(request, "functions/item_form.html", {"form": form, "title": "新增公共服务事项",
                                                        "back": reverse("functions:index")})


def _unshown_errors(request, *forms):
    """A refused form the page no longer offers (the item was removed meanwhile): say why anyway."""
    for form in forms:
        if form is not None and form.errors:
            messages.error(request, ";".join(e for errors in form.errors.values() for e in errors))


def _service_page(request, item, *, change_form=None, remove_form=None, status=200):
    can_edit = permissions.can_edit_lists(request.user) and not item.removed_on
    if not can_edit:
        _unshown_errors(request, change_form, remove_form)
    return render(request, "functions/service_detail.html", {
        "item": item,
        "change_form": (change_form or ServiceItemForm(initial=_initial(item, SERVICE_FIELDS))) if can_edit else None,
        "remove_form": (remove_form or RemoveForm(prefix="remove")) if can_edit else None,
        "versions": selectors.version_rows(selectors.item_history(item), ServiceItem),
        "guides": item.guides.all(),
        "can_add_guide": can_edit,
    }, status=status)


@login_required
@require_GET
def service_detail(request, pk):
    return _service_page(request, permissions.get_service_item_for_user_or_404(request.user, pk))


@login_required
@require_POST
def service_change(request, pk):
    item = permissions.get_service_item_for_user_or_404(request.user, pk)
    _require_editor(request.user)
    if request.POST.get("op") == "remove":
        form = RemoveForm(request.POST, prefix="remove")
        if _submit(request, form, partial(services.service_item_remove, item=item), "已从公共服务清单取消该事项。")[0]:
            return redirect("functions:service_detail", item.pk)
        return _service_page(request, item, remove_form=form, status=400)
    form = ServiceItemForm(request.POST)
    if _submit(request, form, partial(services.service_item_change, item=item), "已调整,变更已记入版本记录。")[0]:
        return redirect("functions:service_detail", item.pk)
    return _service_page(request, item, change_form=form, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def guide_create(request):
    _require_editor(request.user)
    powers, service_items = _town_items(request.user)
    initial = {}
    if request.GET.get("power", "").isdigit():
        initial["power_item"] = powers.filter(pk=request.GET["power"]).first()
    if request.GET.get("service", "").isdigit():
        initial["service_item"] = service_items.filter(pk=request.GET["service"]).first()
    form = GuideForm(request.POST or None, adding=True, powers=powers, services=service_items,
                     initial={"fees": "不收费", **initial})
    if request.method == "POST":
        ok, guide = _submit(request, form, partial(services.guide_create, town=request.user.town), "已发布办事指南。")
        if ok:
            return redirect("functions:guide_detail", guide.pk)
    return render(request, "functions/item_form.html", {"form": form, "title": "新增办事指南",
                                                        "back": reverse("functions:index")})


def _guide_page(request, guide, *, bound=None, status=200):
    """The guide with its versions and, for an editor, the forms (``bound`` replaces one by its key)."""
    bound = bound or {}
    can_edit = permissions.can_edit_lists(request.user) and not guide.removed_on
    if not can_edit:
        _unshown_errors(request, *bound.values())
    today = timezone.localdate()
    certificates = list(guide.certificates.annotate(n_commitments=Count("commitments")).order_by("removed_on", "name"))
    forms = {}
    if can_edit:
        powers, service_items = _town_items(request.user)
        # A guide may still point at an item kept in the list (the service refuses a removed one).
        forms["change"] = bound.get("change") or GuideForm(initial=_initial(guide, GUIDE_FIELDS), powers=powers,
                                                           services=service_items)
        forms["remove"] = bound.get("remove") or RemoveForm(prefix="remove", word="停用")
        forms["cert_add"] = bound.get("cert_add") or CertificateForm(prefix="cert", adding=True)
    rows = []
    for c in certificates:
        current = c.removed_on is None or c.removed_on > today
        row = {"c": c, "current": current, "commitments": c.n_commitments}
        if can_edit and current:
            row["change_form"] = bound.get(f"cert_change_{c.pk}") or CertificateForm(
                prefix=f"c{c.pk}", initial=_initial(c, services.CERTIFICATE_FIELDS))
            row["remove_form"] = bound.get(f"cert_remove_{c.pk}") or RemoveForm(prefix=f"r{c.pk}", word="停止")
        rows.append(row)
    return render(request, "functions/guide_detail.html", {
        "guide": guide, "forms": forms, "certificates": rows, "can_edit": can_edit,
        "versions": selectors.version_rows(selectors.item_history(guide), ServiceGuide),
    }, status=status)


@login_required
@require_GET
def guide_detail(request, pk):
    return _guide_page(request, permissions.get_guide_for_user_or_404(request.user, pk))


@login_required
@require_POST
def guide_change(request, pk):
    guide = permissions.get_guide_for_user_or_404(request.user, pk)
    _require_editor(request.user)
    if request.POST.get("op") == "remove":
        form = RemoveForm(request.POST, prefix="remove", word="停用")
        if _submit(request, form, partial(services.guide_remove, guide=guide), "已停用该办事指南。")[0]:
            return redirect("functions:guide_detail", guide.pk)
        return _guide_page(request, guide, bound={"remove": form}, status=400)
    powers, service_items = _town_items(request.user)
    form = GuideForm(request.POST, powers=powers, services=service_items)
    if _submit(request, form, partial(services.guide_change, guide=guide), "已调整办事指南,新版本已记入版本记录。")[0]:
        return redirect("functions:guide_detail", guide.pk)
    return _guide_page(request, guide, bound={"change": form}, status=400)


@login_required
@require_POST
def certificate_create(request, pk):
    guide = permissions.get_guide_for_user_or_404(request.user, pk)
    _require_editor(request.user)
    form = CertificateForm(request.POST, prefix="cert", adding=True)
    if _submit(request, form, partial(services.certificate_create, guide=guide), "已新增告知承诺证明事项。")[0]:
        return redirect("functions:guide_detail", guide.pk)
    return _guide_page(request, guide, bound={"cert_add": form}, status=400)


@login_required
@require_POST
def certificate_change(request, pk):
    cert = permissions.get_certificate_for_user_or_404(request.user, pk)
    _require_editor(request.user)
    guide = get_object_or_404(permissions.guides_visible_to(request.user), pk=cert.guide_id)
    if request.POST.get("op") == "remove":
        form, key = RemoveForm(request.POST, prefix=f"r{cert.pk}", word="停止"), f"cert_remove_{cert.pk}"
        call, done = services.certificate_remove, "已停止该证明事项的告知承诺。"
    else:
        form, key = CertificateForm(request.POST, prefix=f"c{cert.pk}"), f"cert_change_{cert.pk}"
        call, done = services.certificate_change, "已调整告知承诺证明事项。"
    if _submit(request, form, partial(call, certificate=cert), done)[0]:
        return redirect("functions:guide_detail", guide.pk)
    return _guide_page(request, guide, bound={key: form}, status=400)
