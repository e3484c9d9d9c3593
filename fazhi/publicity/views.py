"""谁执法谁普法: staff pages (responsibility lists, activities, recording an activity) and the
public list of activities."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from fazhi.core.errors import DomainError
from fazhi.core.models import Town

from . import permissions, services
from .forms import ActivityForm, ResponsibilityForm
from .models import Activity


@login_required
def index(request):
    form = None
    if permissions.can_record_activity(request.user):
        form = ActivityForm(request.POST or None, request.FILES or None, user=request.user)
        if request.method == "POST" and form.is_valid():
            d = form.cleaned_data
            try:
                services.activity_create(
                    actor=request.user, unit=d["unit"], date=d["date"], theme=d["theme"], place=d["place"],
                    audience=d["audience"], participants=d["participants"], materials=d["materials"],
                    key_date=None if d["key_date"] in ("auto", None) else d["key_date"],
                    photos=[d["photos"]] if d["photos"] else [])
            except DomainError as exc:
                messages.error(request, exc.message)
            else:
                messages.success(request, "已登记普法活动。")
                return redirect("publicity:index")
    return render(request, "publicity/index.html", {
        "responsibilities": permissions.responsibilities_visible_to(request.user).order_by("-year", "unit__name"),
        "activities": permissions.activities_visible_to(request.user).order_by("-date", "-id")[:300],
        "form": form,
        "responsibility_form": ResponsibilityForm(user=request.user) if form else None,
    })


@login_required
@require_POST
def responsibility_new(request):
    if not permissions.can_record_activity(request.user):
        raise Http404
    form = ResponsibilityForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            services.responsibility_create(actor=request.user, **form.cleaned_data)
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, "已登记普法责任。")
    else:
        messages.error(request, "请完整填写普法责任清单。")
    return redirect("publicity:index")


@require_GET
def portal_index(request, town):
    town = get_object_or_404(Town, slug=town)
    return render(request, "publicity/portal_index.html", {
        "town": town,
        "activities": Activity.objects.filter(town=town).select_related("unit").order_by("-date", "-id")[:200],
    })
