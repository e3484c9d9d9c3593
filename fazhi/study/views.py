"""Pages of the study module."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from fazhi.core import clocks as clock_service
from fazhi.core import ledgers as ledger_service
from fazhi.core.errors import DomainError
from fazhi.core.ledgers import LedgerErrors

from . import forms, ledgers, permissions, services
from .selectors import completion_table, sessions_in_year

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def run_form(request, form, call, success):
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
        return min(max(int(request.GET.get("year") or clock_service.today().year), 2000), 2100)
    except ValueError:
        return clock_service.today().year


def _require_recorder(user):
    if not permissions.can_record(user) or not user.town_id:
        raise Http404


def _xlsx(content, filename):
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{filename}"
    return response


def _import(request, ledger, create, *, town, redirect_to):
    """Import an uploaded ledger; every bad row is shown, nothing is kept when one is wrong."""
    form = forms.UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, "请选择要导入的Excel文件。")
        return redirect(redirect_to)
    upload = form.cleaned_data["file"]
    try:
        rows = ledger_service.import_xlsx(ledger, upload, actor=request.user, create=create, town=town,
                                          filename=upload.name)
    except LedgerErrors as exc:
        messages.error(request, exc.message)
        for line in exc.lines()[:50]:
            messages.error(request, line)
        return redirect(redirect_to)
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect(redirect_to)
    messages.success(request, f"已导入{len(rows)}行。")
    return redirect(redirect_to)


@login_required
@require_GET
def index(request):
    user = request.user
    year = _year(request)
    town = user.town
    context = {
        "year": year,
        "years": list(range(clock_service.today().year, 2019, -1)),
        "can_record": permissions.can_record(user) and bool(town),
        "sessions": permissions.sessions_visible_to(user).filter(date__year=year).order_by("-date", "-id"),
        "plan": permissions.plans_visible_to(user).filter(year=year).first(),
        "table": completion_table(town, year) if town else None,
        "officials": permissions.officials_visible_to(user).order_by("unit__name", "name"),
        "exams": permissions.exams_visible_to(user).filter(exam_date__year=year),
        "session_form": forms.SessionForm(),
        "official_form": forms.OfficialForm(town=town),
        "plan_form": forms.PlanForm(initial={"year": year}),
        "course_form": forms.CourseForm(initial={"year": year}),
        "upload_form": forms.UploadForm(),
    }
    if town:
        context["sessions"] = sessions_in_year(town, year)
    return render(request, "study/index.html", context)


def _post(request, form, call, success, redirect_to="study:index"):
    _require_recorder(request.user)
    if run_form(request, form, call, success):
        return redirect(redirect_to) if isinstance(redirect_to, str) else redirect(redirect_to())
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for e in errors:
            messages.error(request, f"{label}:{e}" if label else e)
    return redirect("study:index")


@login_required
@require_POST
def session_create(request):
    made = {}

    def call(d):
        made["s"] = services.session_create(actor=request.user, town=request.user.town, **d)

    form = forms.SessionForm(request.POST)
    return _post(request, form, call, "已登记学法活动,请登记出席情况。", lambda: made["s"].get_absolute_url())


@login_required
@require_POST
def official_create(request):
    form = forms.OfficialForm(request.POST, town=request.user.town)
    return _post(request, form, lambda d: services.official_create(actor=request.user, town=request.user.town, **d),
                 "已加入花名册。")


@login_required
@require_POST
def official_leave(request, pk):
    _require_recorder(request.user)
    official = permissions.get_for_user_or_404(request.user, permissions.officials_visible_to(request.user), pk=pk)
    form = forms.LeaveForm(request.POST)
    return _post(request, form, lambda d: services.official_leave(actor=request.user, official=official, **d),
                 f"已登记{official.name}离岗。")


@login_required
@require_POST
def plan_create(request):
    form = forms.PlanForm(request.POST)
    return _post(request, form, lambda d: services.plan_create(actor=request.user, town=request.user.town, **d),
                 "已登记年度学法计划。")


@login_required
@require_POST
def course_create(request):
    form = forms.CourseForm(request.POST)
    return _post(request, form, lambda d: services.course_create(actor=request.user, town=request.user.town, **d),
                 "已登记课程。")


LEDGERS = {"officials": ledgers.OFFICIALS, "completions": ledgers.COMPLETIONS, "exams": ledgers.EXAMS}


@login_required
def ledger(request, name):
    """GET: export the town's ledger (personal data masked by core); POST: import it."""
    if name not in LEDGERS or not request.user.town_id:
        raise Http404
    led = LEDGERS[name]
    town = request.user.town
    if request.method == "POST":
        _require_recorder(request.user)
        return _import(request, led, lambda row: led.import_row(row, town=town, actor=request.user), town=town,
                       redirect_to="study:index")
    return _xlsx(ledger_service.export_xlsx(led, led.export_rows(town)), f"{led.title}.xlsx")


@login_required
@require_GET
def session_detail(request, pk):
    session = permissions.get_session_for_user_or_404(request.user, pk)
    attendance = session.attendance.select_related("official__unit").order_by("official__name")
    return render(request, "study/session_detail.html", {
        "session": session,
        "attendance": attendance,
        "present": sum(1 for a in attendance if a.present),
        "can_record": permissions.can_record(request.user) and request.user.town_id == session.town_id,
        "upload_form": forms.UploadForm(),
    })


@login_required
@require_GET
def attendance_template(request, pk):
    session = permissions.get_session_for_user_or_404(request.user, pk)
    content = ledger_service.export_xlsx(ledgers.ATTENDANCE, ledgers.attendance_template_rows(session))
    return _xlsx(content, f"出席名单-{session.date}.xlsx")


@login_required
@require_POST
def attendance_import(request, pk):
    _require_recorder(request.user)
    session = permissions.get_session_for_user_or_404(request.user, pk)
    return _import(request, ledgers.ATTENDANCE,
                   lambda row: ledgers.attendance_import_row(row, session=session, actor=request.user),
                   town=session.town, redirect_to=session.get_absolute_url())
