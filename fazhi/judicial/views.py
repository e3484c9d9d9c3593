"""Pages of the judicial module: parse input, fetch through the permission helpers, call one
service, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from fazhi.core import clocks as clock_service
from fazhi.core.attachments import attachments_for
from fazhi.core.errors import DomainError
from fazhi.core.ledgers import export_xlsx
from fazhi.core.pages import attach_upload
from fazhi.core.tenancy import is_town_staff

from . import forms, ledgers, permissions, services
from .figures import figures
from .models import InterferenceRecord, LitigationCase, ReconsiderationCase, ResolutionCase
from .selectors import zero_report_matrix


def run_form(request, form, call, success):
    """Validate ``form``, call the service; a refusal goes back to the form in Chinese."""
    if not form.is_valid():
        return False
    try:
        call(form.cleaned_data)
    except DomainError as exc:
        form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        return False
    messages.success(request, success)
    return True


def _year(request):
    try:
        year = int(request.GET.get("year") or clock_service.today().year)
    except ValueError:
        year = clock_service.today().year
    return min(max(year, 2000), 2100)


def _require_recorder(user):
    if not permissions.can_record(user) or not user.town_id:
        raise Http404


def _index_context(request, year, **bound):
    user = request.user
    town = user.town
    context = {
        "year": year,
        "years": list(range(clock_service.today().year, 2019, -1)),
        "can_record": permissions.can_record(user) and bool(town),
        "can_export": is_town_staff(user) and bool(town),
        "litigation": permissions.litigation_cases_visible_to(user)[:200],
        "reconsideration": permissions.reconsideration_cases_visible_to(user)[:200],
        "interference": permissions.interference_records_visible_to(user).filter(occurred_on__year=year),
        "resolutions": permissions.resolution_cases_visible_to(user)[:200],
        "figures": figures(town, year) if town else None,
        "matrix": zero_report_matrix(town, year, clock_service.today()) if town else None,
    }
    context["litigation_form"] = bound.get("litigation_form") or forms.LitigationForm()
    context["reconsideration_form"] = bound.get("reconsideration_form") or forms.ReconsiderationForm()
    context["interference_form"] = bound.get("interference_form") or forms.InterferenceForm(town=town)
    context["zero_form"] = bound.get("zero_form") or forms.ZeroReportForm(town=town, initial={"year": year})
    context["resolution_form"] = bound.get("resolution_form") or forms.ResolutionForm()
    context["conclude_form"] = forms.ConcludeForm()
    return context


@login_required
@require_GET
def index(request):
    return render(request, "judicial/index.html", _index_context(request, _year(request)))


def _create(request, form_name, form, call, success, redirect_to=None):
    _require_recorder(request.user)
    if run_form(request, form, call, success):
        return redirect(redirect_to() if redirect_to else "judicial:index")
    return render(request, "judicial/index.html", _index_context(request, _year(request), **{form_name: form}),
                  status=400)


@login_required
@require_POST
def litigation_create(request):
    created = {}
    form = forms.LitigationForm(request.POST)

    def call(d):
        created["case"] = services.litigation_create(actor=request.user, town=request.user.town, **d)

    return _create(request, "litigation_form", form, call, "已登记行政诉讼案件,答辩期限已起算。",
                   lambda: created["case"].get_absolute_url())


@login_required
@require_POST
def reconsideration_create(request):
    created = {}
    form = forms.ReconsiderationForm(request.POST)

    def call(d):
        created["case"] = services.reconsideration_create(actor=request.user, town=request.user.town, **d)

    return _create(request, "reconsideration_form", form, call, "已登记行政复议案件,书面答复期限已起算。",
                   lambda: created["case"].get_absolute_url())


@login_required
@require_POST
def interference_create(request):
    form = forms.InterferenceForm(request.POST, town=request.user.town)
    return _create(request, "interference_form", form, lambda d: services.interference_record(
        actor=request.user, town=request.user.town, **d), "已登记干预司法活动记录。")


@login_required
@require_POST
def zero_report_create(request):
    form = forms.ZeroReportForm(request.POST, town=request.user.town)
    return _create(request, "zero_form", form, lambda d: services.zero_report_confirm(
        actor=request.user, town=request.user.town, **d), "已确认零报告。")


@login_required
@require_POST
def zero_report_withdraw(request, pk):
    _require_recorder(request.user)
    report = permissions.get_for_user_or_404(request.user, permissions.zero_reports_visible_to(request.user), pk=pk)
    try:
        services.zero_report_withdraw(actor=request.user, report=report, reason=request.POST.get("reason", ""))
        messages.success(request, "已撤回零报告。")
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect(f"/judicial/?year={report.year}")


@login_required
@require_POST
def resolution_create(request):
    form = forms.ResolutionForm(request.POST)
    return _create(request, "resolution_form", form, lambda d: services.resolution_create(
        actor=request.user, town=request.user.town, **d), "已登记。")


@login_required
@require_POST
def resolution_conclude(request, pk):
    _require_recorder(request.user)
    case = permissions.get_resolution_for_user_or_404(request.user, pk)
    form = forms.ConcludeForm(request.POST)
    if not run_form(request, form, lambda d: services.resolution_conclude(actor=request.user, case=case, **d),
                    "已登记办结。"):
        messages.error(request, "；".join(e for errs in form.errors.values() for e in errs))
    return redirect("judicial:index")


# --- case pages ----------------------------------------------------------------------------

LITIGATION_ACTIONS = {
    "answer": (forms.OnForm, lambda actor, case, d: services.litigation_answer(actor=actor, case=case, **d)),
    "hear": (forms.HearForm, lambda actor, case, d: services.litigation_hear(actor=actor, case=case, **d)),
    "close": (forms.CloseForm, lambda actor, case, d: services.litigation_close(actor=actor, case=case, **d)),
    "correct": (forms.LitigationCorrectForm,
                lambda actor, case, d: services.litigation_correct(actor=actor, case=case, **d)),
}
RECONSIDERATION_ACTIONS = {
    "reply": (forms.OnForm, lambda actor, case, d: services.reconsideration_reply(actor=actor, case=case, **d)),
    "decide": (forms.DecideForm, lambda actor, case, d: services.reconsideration_decide(actor=actor, case=case, **d)),
    "correct": (forms.ReconsiderationCorrectForm,
                lambda actor, case, d: services.reconsideration_correct(actor=actor, case=case, **d)),
}


def _case_page(request, case, template, transitions, actions, bound=None):
    can = permissions.can_record(request.user)
    available = transitions.available(case, request.user) if can else []
    action_forms = [(name, label, (bound or {}).get(name) or _unbound(actions[name][0], name, case))
                    for name, label in available]
    return render(request, template, {
        "case": case, "clocks": clock_service.for_subject(case), "action_forms": action_forms,
        **_attachment_context(request, case),
    }, status=400 if bound else 200)


def _unbound(form_class, name, case):
    initial = form_class.initial_for(case) if hasattr(form_class, "initial_for") else None
    return form_class(prefix=name, initial=initial)


def _attachment_context(request, case):
    kind = {LitigationCase: "litigation", ReconsiderationCase: "reconsideration",
            InterferenceRecord: "interference", ResolutionCase: "resolutions"}[type(case)]
    return {"attachments": attachments_for(case), "can_attach": permissions.can_attach(request.user),
            "attach_url": reverse("judicial:attach", args=[kind, case.pk])}


def _case_view(request, pk, getter, template, transitions, actions):
    case = getter(request.user, pk)
    if request.method == "POST":
        _require_recorder(request.user)
        name = request.POST.get("action", "")
        if name not in actions:
            raise Http404
        form_class, call = actions[name]
        form = form_class(request.POST, prefix=name)
        if run_form(request, form, lambda d: call(request.user, case, d), "已办理。"):
            return redirect(case.get_absolute_url())
        return _case_page(request, case, template, transitions, actions, bound={name: form})
    return _case_page(request, case, template, transitions, actions)


@login_required
def litigation_detail(request, pk):
    return _case_view(request, pk, permissions.get_litigation_for_user_or_404, "judicial/litigation_detail.html",
                      services.LITIGATION_TRANSITIONS, LITIGATION_ACTIONS)


@login_required
def reconsideration_detail(request, pk):
    return _case_view(request, pk, permissions.get_reconsideration_for_user_or_404,
                      "judicial/reconsideration_detail.html", services.RECONSIDERATION_TRANSITIONS,
                      RECONSIDERATION_ACTIONS)


@login_required
@require_GET
def interference_detail(request, pk):
    record = permissions.get_interference_for_user_or_404(request.user, pk)
    return render(request, "judicial/interference_detail.html",
                  {"record": record, **_attachment_context(request, record)})


@login_required
@require_GET
def resolution_detail(request, pk):
    case = permissions.get_resolution_for_user_or_404(request.user, pk)
    return render(request, "judicial/resolution_detail.html", {
        "case": case, "conclude_form": forms.ConcludeForm(), "can_record": permissions.can_record(request.user),
        **_attachment_context(request, case)})


# --- evidence files ------------------------------------------------------------------------

ATTACHABLE = {
    "litigation": permissions.get_litigation_for_user_or_404,
    "reconsideration": permissions.get_reconsideration_for_user_or_404,
    "interference": permissions.get_interference_for_user_or_404,
    "resolutions": permissions.get_resolution_for_user_or_404,
}


@login_required
@require_POST
def attach(request, kind, pk):
    """Upload an evidence file to a case: another town's case is 404, staff outside a town
    (district supervisors) and roles that do not keep these records are refused."""
    getter = ATTACHABLE.get(kind)
    if getter is None:
        raise Http404
    obj = getter(request.user, pk)
    if not permissions.can_attach(request.user):
        raise PermissionDenied
    return attach_upload(request, obj)


# --- ledgers ---------------------------------------------------------------------------------

@login_required
@require_GET
def ledger_export(request, name):
    """The year's register as .xlsx, personal data masked; the rows are those the user may see."""
    ledger = ledgers.LEDGERS.get(name)
    if ledger is None:
        raise Http404
    if not is_town_staff(request.user):
        raise PermissionDenied
    year = _year(request)
    visible = {"litigation": permissions.litigation_cases_visible_to,
               "reconsideration": permissions.reconsideration_cases_visible_to}[name](request.user)
    rows = ledgers.ROWS[name](request.user.town, year, queryset=visible)
    response = HttpResponse(export_xlsx(ledger, rows),
                            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="judicial-{name}-{request.user.town.slug}-{year}.xlsx"'
    return response
