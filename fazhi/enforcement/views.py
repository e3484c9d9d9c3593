"""Staff pages of 行政执法: the case list, the case page with its actions, officers,
matters and benchmarks, inspections, the case ledger; and the public portal pages."""


from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST
from rest_framework import serializers as drf

from fazhi.core import audit, clocks
from fazhi.core.attachments import attachments_for
from fazhi.core.errors import DomainError
from fazhi.core.ledgers import export_xlsx
from fazhi.core.models import Town
from fazhi.core.tenancy import get_for_user_or_404, visible_to

from . import actions, permissions, selectors, services
from .api import create_case_from
from .forms import (
    BenchmarkForm,
    CaseForm,
    EvidenceForm,
    InspectionForm,
    InspectionResultForm,
    MatterForm,
    OfficerForm,
)
from .ledgers import CASES
from .models import Benchmark, Case, Procedure

TEXTAREAS = {"findings", "opinion", "conclusion", "record", "party_statement", "education_note", "reason",
             "outside_benchmark_reason", "note"}


def _fields_for(serializer_class, case):
    """The HTML inputs of an action, from its one input serializer."""
    out = []
    for name, field in serializer_class().fields.items():
        spec = {"name": name, "label": field.label or name, "required": field.required, "value": "",
                "id": f"f-{name}"}
        if isinstance(field, drf.BooleanField):
            spec.update(type="checkbox", checked=field.default is True)
        elif isinstance(field, drf.DateField):
            spec.update(type="date", value=timezone.localdate().isoformat() if name == "date" else "")
        elif isinstance(field, drf.ChoiceField):
            choices = list(field.choices.items())
            if getattr(field, "allow_blank", False):
                choices = [("", "—"), *choices]
            default = field.default if isinstance(field.default, str) else ""
            spec.update(type="select", choices=choices, value=default)
        elif isinstance(field, drf.PrimaryKeyRelatedField):
            rows = Benchmark.objects.filter(town_id=case.town_id).order_by("violation")
            if case.matter_id:
                rows = rows.filter(matter_id=case.matter_id)
            spec.update(type="select", choices=[("", "—")] + [(b.pk, f"{b} {b.range_label}") for b in rows])
        elif isinstance(field, drf.DecimalField):
            spec.update(type="number")
            if name == "amount" and case.fine_amount:
                spec["value"] = str(case.fine_amount + services.surcharge_owed(case, timezone.localdate()))
        elif name in TEXTAREAS:
            spec.update(type="textarea")
        else:
            spec.update(type="text")
        out.append(spec)
    return out


@login_required
@require_GET
def index(request):
    cases = permissions.cases_visible_to(request.user)
    procedure = request.GET.get("procedure", "")
    if procedure in Procedure.values:
        cases = cases.filter(procedure=procedure)
    status = request.GET.get("status", "")
    if status in Case.Status.values:
        cases = cases.filter(status=status)
    officers = selectors.officers_visible_to(request.user)
    return render(request, "enforcement/index.html", {
        "cases": cases.order_by("-filed_date", "-id")[:200],
        "expiring": selectors.officers_expiring(officers, within_days=60)[:50],
        "statuses": Case.Status.choices, "procedures": Procedure.choices,
        "status": status, "procedure": procedure,
        "can_create": permissions.can_create_case(request.user),
        "today": timezone.localdate(),
    })


@login_required
def case_new(request):
    if not permissions.can_create_case(request.user):
        raise Http404
    form = CaseForm(request.POST or None, user=request.user)
    error = None
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        data = {**d, "unit": d["unit"].pk, "matter": d["matter"].pk if d["matter"] else None,
                "benchmark": d["benchmark"].pk if d["benchmark"] else None,
                "officers": [o.pk for o in d["officers"]], "decided_date": d["filed_date"]}
        try:
            case = create_case_from(request.user, data)
        except DomainError as exc:
            error = exc.message
        else:
            messages.success(request, f"已立案:{case.number}")
            return redirect(case.get_absolute_url())
    return render(request, "enforcement/case_new.html", {"form": form, "error": error})


@login_required
@require_GET
def case_detail(request, pk):
    case = permissions.get_case_for_user_or_404(request.user, pk)
    available = permissions.case_actions(request.user, case)
    return render(request, "enforcement/case_detail.html", {
        "case": case,
        "officers": list(case.officers.all()),
        "clocks": clocks.for_subject(case),
        "records": selectors.case_records(case),
        "attachments": attachments_for(case),
        "events": audit.events_for(case).order_by("id")[:200],
        "actions": [{"name": n, "label": label, "fields": _fields_for(actions.ACTIONS[n][0], case)}
                    for n, label in available],
        "evidence_form": EvidenceForm() if permissions.can_add_evidence(request.user, case) else None,
        "today": timezone.localdate(),
    })


@login_required
@require_POST
def case_act(request, pk, action):
    case = permissions.get_case_for_user_or_404(request.user, pk)
    if action not in actions.ACTIONS:
        raise Http404
    serializer_class, _service = actions.ACTIONS[action]
    data = serializer_class(data=request.POST)
    if not data.is_valid():
        labels = {n: f.label for n, f in data.fields.items()}
        messages.error(request, ";".join(f"{labels.get(k, k)}:{v[0]}" for k, v in data.errors.items()))
        return redirect(case.get_absolute_url())
    try:
        actions.run(action, actor=request.user, case=case, data=dict(data.validated_data))
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"已完成:{services.TRANSITIONS[action].label}")
    return redirect(case.get_absolute_url())


@login_required
@require_POST
def case_evidence(request, pk):
    case = permissions.get_case_for_user_or_404(request.user, pk)
    form = EvidenceForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, "请选择文件、环节和形式。")
        return redirect(case.get_absolute_url())
    try:
        services.case_add_evidence(actor=request.user, case=case, upload=form.cleaned_data["file"],
                                   stage=form.cleaned_data["stage"], kind=form.cleaned_data["kind"],
                                   title=form.cleaned_data["title"])
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "已添加执法记录。")
    return redirect(case.get_absolute_url())


@login_required
def officers(request):
    form = None
    if permissions.can_manage_officers(request.user):
        form = OfficerForm(request.POST or None, user=request.user)
        if request.method == "POST" and form.is_valid():
            try:
                services.officer_create(actor=request.user, **form.cleaned_data)
            except DomainError as exc:
                messages.error(request, exc.message)
            else:
                messages.success(request, "已登记执法人员。")
                return redirect("enforcement:officers")
    qs = selectors.officers_visible_to(request.user).order_by("unit__name", "name")
    return render(request, "enforcement/officers.html", {
        "officers": qs, "today": timezone.localdate(), "form": form,
        "expiring": selectors.officers_expiring(qs, within_days=60),
        "matters": selectors.matters_visible_to(request.user).order_by("unit__name", "name"),
        "benchmarks": selectors.benchmarks_visible_to(request.user).order_by("matter__name", "violation"),
        "can_manage_matters": permissions.can_manage_matters(request.user),
    })


# --- matters and benchmarks (leader or clerk of the town) -----------------------------------------


def _require_manager(user):
    if not permissions.can_manage_matters(user):
        raise PermissionDenied("只有本镇街的领导或文书可以维护执法事项和裁量基准。")


def _save_form(request, form, call, success, template_context):
    """Validate the form, call the service; a refusal goes back onto the form (by field where the
    service names one)."""
    error = None
    if request.method == "POST" and form.is_valid():
        try:
            call(form.cleaned_data)
        except DomainError as exc:
            if exc.field and exc.field in form.fields:
                form.add_error(exc.field, exc.message)
            else:
                error = exc.message
        else:
            messages.success(request, success)
            return redirect("enforcement:officers")
    return render(request, "enforcement/register_form.html", {"form": form, "error": error, **template_context})


@login_required
def matter_new(request):
    _require_manager(request.user)
    form = MatterForm(request.POST or None, user=request.user)
    if request.user.unit_id and not form.is_bound:
        form.fields["unit"].initial = request.user.unit_id
    return _save_form(request, form, lambda d: services.matter_create(actor=request.user, **d), "已登记执法事项。",
                      {"heading": "登记执法事项", "testid": "matter-form"})


@login_required
def matter_edit(request, pk):
    matter = permissions.get_matter_for_user_or_404(request.user, pk)
    _require_manager(request.user)
    initial = {f: getattr(matter, f) for f in ("name", "category", "legal_basis", "power_list_ref",
                                                "requires_legal_review")}
    form = MatterForm(request.POST or None, user=request.user, initial={**initial, "unit": matter.unit_id})
    return _save_form(request, form, lambda d: services.matter_update(actor=request.user, matter=matter, **d),
                      "已修改执法事项。", {"heading": f"修改执法事项:{matter.name}", "testid": "matter-form"})


@login_required
def benchmark_new(request):
    _require_manager(request.user)
    form = BenchmarkForm(request.POST or None, user=request.user)
    if not form.is_bound and request.GET.get("matter", "").isdigit():
        form.fields["matter"].initial = form.fields["matter"].queryset.filter(pk=request.GET["matter"]).first()
    return _save_form(request, form, lambda d: services.benchmark_create(actor=request.user, **d),
                      "已制定裁量基准。", {"heading": "制定裁量基准", "testid": "benchmark-form",
                                    "hint": "按违法行为和情节(轻微、一般、严重)细化处罚种类和罚款幅度(《行政处罚法》第三十四条)。"})


@login_required
def benchmark_edit(request, pk):
    benchmark = permissions.get_benchmark_for_user_or_404(request.user, pk)
    _require_manager(request.user)
    initial = {f: getattr(benchmark, f) for f in ("violation", "circumstance", "penalty_type", "fine_min",
                                                   "fine_max", "description")}
    form = BenchmarkForm(request.POST or None, user=request.user, editing=True, initial=initial)
    return _save_form(request, form,
                      lambda d: services.benchmark_update(actor=request.user, benchmark=benchmark, **d),
                      "已修改裁量基准。", {"heading": f"修改裁量基准:{benchmark.matter.name}", "testid": "benchmark-form",
                                    "hint": "执法事项不可更改;罚款以外的处罚种类不填写罚款幅度。"})


@login_required
def inspections(request):
    form = None
    if permissions.can_create_case(request.user):
        form = InspectionForm(request.POST or None, user=request.user)
        if request.method == "POST" and form.is_valid():
            try:
                services.inspection_plan(actor=request.user, **form.cleaned_data)
            except DomainError as exc:
                messages.error(request, exc.message)
            else:
                messages.success(request, "已登记行政检查。")
                return redirect("enforcement:inspections")
    return render(request, "enforcement/inspections.html", {
        "inspections": selectors.inspections_visible_to(request.user).prefetch_related("cases")[:200],
        "form": form, "result_form": InspectionResultForm(initial={"date": timezone.localdate()}),
    })


@login_required
@require_POST
def inspection_result(request, pk):
    inspection = get_for_user_or_404(request.user, selectors.inspections_visible_to(request.user), pk=pk)
    form = InspectionResultForm(request.POST)
    if not form.is_valid():
        messages.error(request, "请填写检查日期、检查情况和结果。")
        return redirect("enforcement:inspections")
    d = form.cleaned_data
    try:
        if d["result"] == "case":
            case = services.inspection_open_case(
                actor=request.user, inspection=inspection, date=d["date"], findings=d["findings"],
                violation=d["violation"], party_type=d["party_type"], party_name=d["party_name"],
                occurred_date=d["occurred_date"] or d["date"])
            messages.success(request, f"已立案:{case.number}")
            return redirect(case.get_absolute_url())
        services.inspection_record(actor=request.user, inspection=inspection, date=d["date"],
                                   findings=d["findings"], result=d["result"])
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "已登记检查结果。")
    return redirect("enforcement:inspections")


@login_required
@require_GET
def ledger(request):
    towns = visible_to(request.user, Town)
    town = towns.filter(slug=request.GET.get("town", "")).first() or towns.first()
    if town is None:
        raise Http404
    content = export_xlsx(CASES, CASES.export_rows(town))
    response = HttpResponse(content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="enforcement-cases-{town.slug}.xlsx"'
    return response


# --- portal (public, no login: only what is published, personal data masked) ------------------


@require_GET
def portal_index(request, town):
    town = get_object_or_404(Town, slug=town)
    return render(request, "enforcement/portal_index.html", {
        "town": town,
        "matters": selectors.public_matters(town),
        "officers": selectors.public_officers(town),
        "decisions": selectors.published_decisions(town)[:200],
    })


@require_GET
def portal_decision(request, town, pk):
    town = get_object_or_404(Town, slug=town)
    case = get_object_or_404(selectors.published_decisions(town), pk=pk)
    return render(request, "enforcement/portal_decision.html", {"town": town, "case": case})


