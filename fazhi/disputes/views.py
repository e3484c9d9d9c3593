from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from fazhi.core import audit, clocks, ledgers
from fazhi.core.errors import DomainError
from fazhi.core.models import LinkageBody
from fazhi.core.tenancy import get_for_user_or_404, visible_to

from . import selectors, services
from .documents import agreement_docx
from .forms import DisputeForm, ImportForm
from .models import AgreementForm, GuidedTo, Level, ReturnVisit, Status
from .permissions import (
    actions_for,
    can_create_dispute,
    can_download_agreement,
    can_see_personal_data,
    get_dispute_for_user_or_404,
)
from .statistics import statistics_xlsx

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@login_required
@require_GET
def index(request):
    status = request.GET.get("status", "")
    status = status if status in Status.values else ""
    try:
        year = int(request.GET.get("year", "") or 0) or None
    except ValueError:
        year = None
    qs = selectors.dispute_list(request.user, status=status, year=year, q=request.GET.get("q", "").strip())
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    return render(request, "disputes/index.html", {
        "page": page, "statuses": Status.choices, "status": status, "year": year or "",
        "can_create": can_create_dispute(request.user), "this_year": timezone.localdate().year,
        "town_level": bool(request.user.town_id and not request.user.village_id),
    })


@login_required
@require_http_methods(["GET", "POST"])
def create(request):
    if not can_create_dispute(request.user):
        raise Http404
    form = DisputeForm(request.POST or None, user=request.user,
                       initial={"received_date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            dispute = services.dispute_create(
                actor=request.user, town=request.user.town, source=data["source"], category=data["category"],
                received_date=data["received_date"], title=data["title"], description=data["description"],
                parties=form.parties(), village=data.get("village"), grid=data.get("grid"),
                amount=data.get("amount") or 0, people_involved=data["people_involved"],
                risk_level=data["risk_level"], source_body=data.get("source_body"),
            )
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, f"纠纷已登记,编号{dispute.code}。")
            return redirect(dispute)
    return render(request, "disputes/create.html", {"form": form})


@login_required
@require_GET
def detail(request, pk):
    dispute = get_dispute_for_user_or_404(request.user, pk, selectors.dispute_detail_qs(request.user))
    show_clear = can_see_personal_data(request.user, dispute)
    return render(request, "disputes/detail.html", {
        "d": dispute,
        "show_clear": show_clear,
        "actions": actions_for(request.user, dispute),
        "clocks": clocks.for_subject(dispute),
        "events": audit.events_for(dispute),
        "mediators": selectors.mediators_for(dispute),
        "bodies": selectors.linkage_bodies_for(request.user),
        "levels": Level.choices, "forms": AgreementForm.choices, "guided": GuidedTo.choices,
        "visit_methods": ReturnVisit.Method.choices,
        "can_download": can_download_agreement(request.user, dispute),
        "today": timezone.localdate(),
    })


def _user(request, dispute, field):
    value = request.POST.get(field)
    if not value:
        return None
    # Only the dispute's town's mediators can be chosen; anything else reads as "none chosen".
    return selectors.mediators_for(dispute).filter(pk=value).first()


def _body(request, field):
    value = request.POST.get(field)
    if not value:
        return None
    return get_for_user_or_404(request.user, LinkageBody, pk=value)


def _bool(value):
    return {"yes": True, "no": False}.get(value)


def _call(request, dispute, action):
    p, actor, date = request.POST, request.user, request.POST.get("date") or None
    calls = {
        "accept": lambda: services.dispute_accept(actor=actor, dispute=dispute, date=date),
        "decline": lambda: services.dispute_decline(actor=actor, dispute=dispute, reason=p.get("reason", ""), date=date),
        "assign": lambda: services.dispute_assign(actor=actor, dispute=dispute, level=p.get("level") or None,
                                                  mediator=_user(request, dispute, "mediator"),
                                                  linkage_body=_body(request, "linkage_body"),
                                                  reason=p.get("reason", ""), date=date),
        "record-session": lambda: services.dispute_record_session(actor=actor, dispute=dispute,
                                                                  record=p.get("record", ""),
                                                                  place=p.get("place", ""), date=date),
        "extend": lambda: services.dispute_extend(actor=actor, dispute=dispute, reason=p.get("reason", ""), date=date),
        "settle": lambda: services.dispute_settle(actor=actor, dispute=dispute, facts=p.get("facts", ""),
                                                  terms=p.get("terms", ""), performance=p.get("performance", ""),
                                                  form=p.get("form", AgreementForm.WRITTEN),
                                                  agreement_amount=p.get("agreement_amount") or 0, date=date),
        "fail": lambda: services.dispute_fail(actor=actor, dispute=dispute, guided_to=p.get("guided_to", ""),
                                              reason=p.get("reason", ""), date=date),
        "escalate": lambda: services.dispute_escalate(actor=actor, dispute=dispute, reason=p.get("reason", ""),
                                                      mediator=_user(request, dispute, "mediator"),
                                                      linkage_body=_body(request, "linkage_body"), date=date),
        "hand-over": lambda: services.dispute_hand_over(actor=actor, dispute=dispute, body=_body(request, "body"),
                                                        reason=p.get("reason", ""), date=date),
        "apply-confirmation": lambda: services.dispute_apply_confirmation(actor=actor, dispute=dispute, date=date),
        "return-visit": lambda: services.dispute_return_visit(actor=actor, dispute=dispute, note=p.get("note", ""),
                                                              performed=_bool(p.get("performed")),
                                                              method=p.get("method", "phone"), date=date),
        "close": lambda: services.dispute_close(actor=actor, dispute=dispute, date=date,
                                                confirmation_waived=p.get("confirmation_waived") == "yes"),
    }
    if action not in calls:
        raise Http404
    return calls[action]()


@login_required
@require_POST
def act(request, pk, action):
    dispute = get_dispute_for_user_or_404(request.user, pk)
    try:
        _call(request, dispute, action)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"已{services.TRANSITIONS[action].label}。")
    return redirect(dispute)


@login_required
@require_GET
def agreement(request, pk):
    dispute = get_dispute_for_user_or_404(request.user, pk, selectors.dispute_detail_qs(request.user))
    if not can_download_agreement(request.user, dispute):
        raise Http404
    audit.record(actor=request.user, action="dispute.agreement_download", obj=dispute)
    response = HttpResponse(agreement_docx(dispute), content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="agreement-{dispute.code}.docx"'
    return response


@login_required
@require_GET
def ledger_export(request):
    from .ledgers import CASES, ledger_rows

    if not request.user.town_id:
        raise Http404
    rows = ledger_rows(visible_to(request.user, selectors.dispute_list(request.user)))
    response = HttpResponse(ledgers.export_xlsx(CASES, rows), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="disputes-ledger.xlsx"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def ledger_import(request):
    from .ledgers import SCREENING, screening_row_import

    if not can_create_dispute(request.user):
        raise Http404
    form = ImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            created = ledgers.import_xlsx(
                SCREENING, upload, actor=request.user, town=request.user.town, filename=upload.name,
                create=lambda row: screening_row_import(row, town=request.user.town, actor=request.user))
        except ledgers.LedgerErrors as exc:
            errors = [exc.message, *exc.lines()]
        except DomainError as exc:
            errors = [exc.message]
        else:
            messages.success(request, f"已导入{len(created)}起纠纷。")
            return redirect("disputes:index")
    return render(request, "disputes/import.html", {"form": form, "errors": errors})


@login_required
@require_GET
def statistics_export(request, year):
    """The town's statistics: for the town's own staff (not a village or grid user, who see only
    part of the town), or for a district supervisor naming one of their towns (?town=slug)."""
    from fazhi.core.tenancy import towns_visible_to

    if not (2000 <= year <= 2100):
        raise Http404
    if request.user.town_id and not request.user.village_id:
        town = request.user.town
    elif not request.user.town_id and request.GET.get("town"):
        town = towns_visible_to(request.user).filter(slug=request.GET["town"]).first()
    else:
        town = None
    if town is None:
        raise Http404
    response = HttpResponse(statistics_xlsx(town, year), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="mediation-statistics-{year}.xlsx"'
    return response
