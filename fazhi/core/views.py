from django.contrib.auth import login as auth_login
from django.contrib.auth import logout as auth_logout
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import FileResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from . import audit, modules
from . import clocks as clock_service
from .accounts import LoginRefused, login_attempt
from .errors import DomainError
from .forms import LoginForm
from .models import Attachment, Clock, LinkageBody, Town
from .selectors import clocks_attention, clocks_visible_to
from .tenancy import get_for_user_or_404, towns_visible_to, visible_to

WITHIN_CHOICES = (5, 10, 20)


@require_GET
def healthz(request):
    """200 when the database answers, 503 otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 - any database failure means "not healthy"
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok"})


@never_cache
@csrf_protect
@require_http_methods(["GET", "POST"])
def login_view(request):
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = ""
    form = LoginForm(request.POST or None)
    error = None
    if request.method == "POST" and form.is_valid():
        try:
            user = login_attempt(request, username=form.cleaned_data["username"],
                                 password=form.cleaned_data["password"])
        except LoginRefused as exc:
            error = exc.message
        else:
            auth_login(request, user)
            return redirect(next_url or "core:workbench")
    return render(request, "core/login.html", {"form": form, "error": error, "next": next_url})


@require_POST
def logout_view(request):
    auth_logout(request)
    return redirect("core:portal")


@require_GET
def portal_home(request):
    towns = Town.objects.select_related("district").order_by("district__name", "name")
    return render(request, "core/portal_home.html", {"towns": towns})


@require_GET
def portal_town(request, town):
    town = get_object_or_404(Town.objects.select_related("district"), slug=town)
    return render(request, "core/portal_town.html", {
        "town": town,
        "portal_items": modules.portal_items(town.slug),
        "villages": town.villages.order_by("name"),
    })


def _within(request) -> int:
    try:
        value = int(request.GET.get("within", WITHIN_CHOICES[0]))
    except ValueError:
        value = WITHIN_CHOICES[0]
    return value if value in WITHIN_CHOICES else WITHIN_CHOICES[0]


@login_required
@require_GET
def workbench(request):
    attention = clocks_attention(request.user, within_workdays=_within(request))
    context = {
        "attention": attention,
        "within_choices": WITHIN_CHOICES,
        "towns": towns_visible_to(request.user),
    }
    if request.htmx:
        return render(request, "core/_clock_table.html", context)
    return render(request, "core/workbench.html", context)


@login_required
@require_GET
def clock_list(request):
    qs = clocks_visible_to(request.user)
    state = request.GET.get("state", "")
    if state in Clock.State.values:
        qs = qs.filter(state=state)
    return render(request, "core/clock_list.html", {
        "clocks": qs.order_by("due_date", "id")[:500],
        "states": Clock.State.choices,
        "state": state,
    })


@login_required
@require_GET
def clock_detail(request, pk):
    clock = get_for_user_or_404(request.user, clocks_visible_to(request.user), pk=pk)
    result = clock_service.explain(clock)
    return render(request, "core/clock_detail.html", {
        "clock": clock,
        "explanation": result.explain_lines(),
        "pauses": clock.pauses,
    })


@login_required
@require_GET
def attachment_download(request, pk):
    from . import attachments as attachment_service

    attachment = get_for_user_or_404(request.user, Attachment, pk=pk)
    try:
        handle = attachment_service.attachment_open(attachment)
    except DomainError as exc:
        audit.record(actor=request.user, action="attachment.tamper_detected", obj=attachment, note=exc.message)
        return render(request, "core/error.html", {"message": exc.message}, status=409)
    return FileResponse(handle, as_attachment=True, filename=attachment.filename,
                        content_type=attachment.mime_type)


@login_required
@require_GET
def org_overview(request):
    towns = towns_visible_to(request.user).select_related("district").prefetch_related("villages__grids", "units")
    return render(request, "core/org.html", {"towns": towns, "linkage": visible_to(request.user, LinkageBody).select_related("town")})
