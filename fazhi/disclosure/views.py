"""Staff pages of 政府信息公开. Thin: parse, fetch through the permission helpers, call one
service, render."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from fazhi.core.errors import DomainError
from fazhi.core.ledgers import export_xlsx
from fazhi.core.tenancy import towns_visible_to

from . import ledgers, permissions, report, selectors, services
from .forms import ACTION_FORMS, ItemForm, RegisterForm
from .models import RequestStatus

SLUG_TO_ACTION = {slug: name for name, slug in services.ACTION_SLUGS.items()}


def _town_of(user):
    if not user.town_id:
        raise PermissionDenied
    return user.town


@login_required
@require_GET
def index(request):
    status = request.GET.get("status", "")
    q = request.GET.get("q", "")
    rows = selectors.request_list(request.user, status=status, q=q)[:300]
    return render(request, "disclosure/index.html", {
        "rows": rows, "statuses": RequestStatus.choices, "status": status, "q": q,
        "can_register": permissions.can_register_request(request.user),
    })


@login_required
@require_http_methods(["GET", "POST"])
def request_new(request):
    if not permissions.can_register_request(request.user):
        raise PermissionDenied
    form = RegisterForm(request.POST or None, initial={"arrived_date": timezone.localdate(),
                                                       "received_date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            req = services.request_register(actor=request.user, town=_town_of(request.user), data=form.cleaned_data)
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(request, f"已登记,查询码 {req.query_code}。")
            return redirect(req)
    return render(request, "disclosure/request_new.html", {"form": form})


@login_required
@require_GET
def request_detail(request, pk):
    req = permissions.get_request_for_user_or_404(request.user, pk)
    actions = []
    for name, slug, label in services.available_actions(req, request.user):
        actions.append({"name": name, "slug": slug, "label": label, "form": ACTION_FORMS[name](prefix=slug)})
    return render(request, "disclosure/request_detail.html", {
        "req": req,
        "clear": permissions.can_see_personal_data(request.user, req),
        "actions": actions,
        "clocks": selectors.clocks_of(req),
        "letters": req.letters.select_related("attachment").order_by("issued_on", "id"),
        "redactions": req.redactions.order_by("id"),
        "others": selectors.requests_of_same_applicant(req)[:10],
        "in_month": selectors.same_applicant_in_month(req),
    })


@login_required
@require_POST
def request_action(request, pk, action):
    name = SLUG_TO_ACTION.get(action)
    if name is None:
        raise Http404
    req = permissions.get_request_for_user_or_404(request.user, pk)
    form = ACTION_FORMS[name](request.POST, prefix=action)
    if not form.is_valid():
        messages.error(request, ";".join(f"{form.fields[f].label if f in form.fields else ''}{'、'.join(e)}"
                                        for f, e in form.errors.items()))
        return redirect(req)
    try:
        services.SERVICES[name](actor=request.user, request=req, **form.cleaned_data)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"已{services.TRANSITIONS[name].label}。")
    return redirect(req)


@login_required
@require_GET
def ledger_export(request):
    town = _town_of(request.user)
    data = export_xlsx(ledgers.REQUESTS, ledgers.export_rows(town, user=request.user))
    response = HttpResponse(data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="disclosure-requests-{town.slug}.xlsx"'
    return response


# --- proactive items ----------------------------------------------------------------------------


@login_required
@require_GET
def item_list(request):
    q = request.GET.get("q", "")
    return render(request, "disclosure/item_list.html", {
        "rows": selectors.item_list(request.user, q=q)[:300], "q": q,
        "can_manage": permissions.can_manage_items(request.user),
    })


@login_required
@require_http_methods(["GET", "POST"])
def item_new(request):
    if not permissions.can_manage_items(request.user):
        raise PermissionDenied
    form = ItemForm(request.POST or None, initial={"formed_date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            item = services.item_create(actor=request.user, town=_town_of(request.user), **form.cleaned_data)
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(request, "已登记主动公开信息。")
            return redirect(item)
    return render(request, "disclosure/item_new.html", {"form": form})


@login_required
@require_GET
def item_detail(request, pk):
    item = permissions.get_item_for_user_or_404(request.user, pk)
    return render(request, "disclosure/item_detail.html", {
        "item": item, "clocks": selectors.clocks_of(item),
        "can_publish": permissions.can_act_on_item(request.user, item, "publish"),
        "redactions": item.redactions.order_by("id"),
    })


@login_required
@require_POST
def item_publish(request, pk):
    item = permissions.get_item_for_user_or_404(request.user, pk)
    try:
        services.item_publish(actor=request.user, item=item, date=request.POST.get("date") or None)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "已公开。")
    return redirect(item)


# --- annual report ------------------------------------------------------------------------------


@login_required
@require_GET
def annual_report(request):
    towns = towns_visible_to(request.user).select_related("district").order_by("name")
    town = request.user.town if request.user.town_id else None
    slug = request.GET.get("town")
    if slug:
        town = towns.filter(slug=slug).first()
    if town is None:
        town = towns.first()
    if town is None:
        raise Http404
    try:
        year = int(request.GET.get("year") or timezone.localdate().year - 1)
    except ValueError:
        year = timezone.localdate().year - 1
    year = min(max(year, 2019), datetime.date.today().year)
    data = report.build_report(town, year)
    if request.GET.get("format") == "docx":
        response = HttpResponse(report.render_docx(data), content_type=(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
        response["Content-Disposition"] = f'attachment; filename="disclosure-report-{town.slug}-{year}.docx"'
        return response
    return render(request, "disclosure/annual_report.html", {
        "report": data, "town": town, "towns": towns, "year": year,
        "years": list(range(timezone.localdate().year, 2018, -1)),
    })
