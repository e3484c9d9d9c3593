"""Public pages (no login): proactive items with search, the request form, the tracker.
Nothing here shows personal data: the tracker shows a request's stage and due date only, found
by its query code."""

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET, require_http_methods

from fazhi.core.errors import DomainError
from fazhi.core.models import Town

from . import selectors, services
from .forms import PortalRequestForm, TrackerForm
from .models import DisclosureRequest, ProactiveCategory, ProactiveItem, ProactiveStatus, RequestStatus

# What the public reads as the stage of a request.
PUBLIC_STAGE = {
    RequestStatus.SUBMITTED: "已提交,待确认收到",
    RequestStatus.REGISTERED: "办理中",
    RequestStatus.CORRECTION: "待申请人补正",
    RequestStatus.CONSULTING: "办理中(征求意见)",
    RequestStatus.REPLIED: "已答复",
    RequestStatus.DELIVERED: "已答复并送达",
    RequestStatus.CLOSED: "已办结",
    RequestStatus.WITHDRAWN: "已撤回",
}


def _town(slug):
    return get_object_or_404(Town.objects.select_related("district"), slug=slug)


def _client_address(request) -> str:
    # The direct peer; behind a proxy the deployment sets REMOTE_ADDR from the trusted header.
    return request.META.get("REMOTE_ADDR", "") or "unknown"


@require_GET
def index(request, town):
    town = _town(town)
    q = request.GET.get("q", "").strip()
    category = request.GET.get("category", "")
    if category not in ProactiveCategory.values:
        category = ""
    items = selectors.published_items(town, q=q, category=category)[:100]
    return render(request, "disclosure/portal_index.html", {
        "town": town, "items": items, "q": q, "category": category, "categories": ProactiveCategory.choices,
    })


@require_GET
def item(request, town, pk):
    town = _town(town)
    obj = get_object_or_404(ProactiveItem, town=town, pk=pk, status=ProactiveStatus.PUBLISHED)
    return render(request, "disclosure/portal_item.html", {"town": town, "item": obj})


@require_http_methods(["GET", "POST"])
def apply(request, town):
    town = _town(town)
    form = PortalRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            req = services.request_submit_online(town=town, data=form.cleaned_data,
                                                 client_address=_client_address(request))
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            return render(request, "disclosure/portal_submitted.html", {"town": town, "code": req.query_code})
    return render(request, "disclosure/portal_apply.html", {"town": town, "form": form})


@require_GET
def track(request, town):
    town = _town(town)
    form = TrackerForm(request.GET or None)
    found = None
    searched = False
    if request.GET.get("code") and form.is_valid():
        searched = True
        code = form.cleaned_data["code"].strip().upper()
        req = (DisclosureRequest.objects.filter(town=town, query_code=code)
               .only("status", "due_date", "received_date", "replied_on", "query_code", "correction_deadline")
               .first())
        if req is not None:
            found = {"code": req.query_code, "stage": PUBLIC_STAGE[req.status], "received_date": req.received_date,
                     "due_date": req.due_date if req.status in (RequestStatus.REGISTERED, RequestStatus.CONSULTING)
                     else None, "replied_on": req.replied_on,
                     "correction_deadline": req.correction_deadline if req.status == RequestStatus.CORRECTION
                     else None}
    return render(request, "disclosure/portal_track.html", {"town": town, "form": form, "found": found,
                                                             "searched": searched})
