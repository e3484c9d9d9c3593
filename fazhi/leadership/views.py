"""Pages of the leadership module."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from fazhi.core import clocks as clock_service
from fazhi.core.errors import DomainError

from . import forms, permissions, services
from .selectors import checklist, coverage


def _year(request):
    try:
        return min(max(int(request.GET.get("year") or clock_service.today().year), 2000), 2100)
    except ValueError:
        return clock_service.today().year


@login_required
@require_GET
def index(request):
    user = request.user
    year = _year(request)
    town = user.town
    items = checklist(town, year) if town else None
    return render(request, "leadership/index.html", {
        "year": year,
        "years": list(range(clock_service.today().year, 2019, -1)),
        "items": items,
        "coverage": coverage(items) if items else None,
        "can_record": permissions.can_record(user) and bool(town),
        "persons": permissions.persons_visible_to(user),
        "meetings": permissions.meetings_visible_to(user).filter(date__year=year),
        "debriefs": permissions.debriefs_visible_to(user).filter(year=year),
        "person_form": forms.PersonForm(),
        "meeting_form": forms.MeetingForm(),
        "debrief_form": forms.DebriefForm(town=town, initial={"year": year}),
        "evidence_form": forms.EvidenceForm(initial={"year": year}),
    })


def _post(request, form, call, success, year=None):
    if not permissions.can_record(request.user) or not request.user.town_id:
        raise Http404
    if form.is_valid():
        try:
            call(form.cleaned_data)
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, success)
            year = year or form.cleaned_data.get("year") or getattr(form.cleaned_data.get("date"), "year", None)
            return redirect(f"/leadership/?year={year}" if year else "/leadership/")
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for e in errors:
            messages.error(request, f"{label}:{e}" if label else e)
    return redirect("leadership:index")


@login_required
@require_POST
def person_create(request):
    return _post(request, forms.PersonForm(request.POST), lambda d: services.person_create(
        actor=request.user, town=request.user.town, **d), "已登记第一责任人。")


@login_required
@require_POST
def meeting_create(request):
    return _post(request, forms.MeetingForm(request.POST), lambda d: services.meeting_create(
        actor=request.user, town=request.user.town, **d), "已登记会议。")


@login_required
@require_POST
def debrief_create(request):
    return _post(request, forms.DebriefForm(request.POST, town=request.user.town),
                 lambda d: services.debrief_create(actor=request.user, **d), "已登记述职述法。")


@login_required
@require_POST
def evidence_create(request):
    return _post(request, forms.EvidenceForm(request.POST, request.FILES),
                 lambda d: services.evidence_add(actor=request.user, town=request.user.town, **d), "已登记履职佐证。")
