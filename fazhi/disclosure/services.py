"""Every write on disclosure requests and proactive items (政府信息公开条例, RULES.md §1).

Transition table (state → actions), the first thing a reader sees:

    submitted   --confirm_receipt--> registered                     (第三十一条: online/fax receipt = confirmation day)
    registered  --confirm_clear--> (same)                           (第三十条: no correction needed; its 7 WD clock ends)
    registered  --request_correction--> correction                  (第三十条: once, within 7 WD; reply clock pauses)
    correction  --receive_correction--> registered                  (第三十条: reply clock restarts)
    correction  --abandon--> closed                                 (第三十条: 逾期不补正视为放弃)
    registered  --consult--> consulting                             (第三十二条; 第三十三条第三款: reply clock pauses)
    consulting  --consult_replied--> registered                     (reply clock resumes)
    registered|consulting --extend--> (same)                        (第三十三条第二款: once, ≤20 WD, leader)
    registered|consulting --review_refusal--> (same)                (法制审核 before 不予公开)
    registered  --ask_reasons--> (same)                             (第三十五条: volume/frequency, ask for reasons)
    registered  --set_delay--> (same)                               (第三十五条: reasonable → a delayed reply date)
    registered  --fee_notice--> (same)                              (第四十二条; 国办函〔2020〕109号: 20 WD to pay)
    registered  --fee_paid--> (same)
    registered  --reply--> replied                                  (第三十六条)
    replied     --deliver--> delivered
    delivered   --close--> closed
    submitted|registered|correction|consulting --withdraw--> withdrawn
"""

from __future__ import annotations

import datetime
import hashlib
import secrets
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from fazhi.core import audit, clocks, yearlock
from fazhi.core.errors import DomainError, InvalidInput
from fazhi.core.models import Clock, Role
from fazhi.core.personal import mask_name, normalize_credit_code, normalize_id_number, normalize_phone
from fazhi.core.workflow import Transition, Transitions, action_date, lock, record_transition

from .models import (
    REASONS_BY_TYPE,
    ApplicantType,
    Channel,
    ConsultKind,
    ConsultOpinion,
    DeliveryMethod,
    DisclosureRequest,
    LetterKind,
    OrgKind,
    PortalSubmission,
    ProactiveItem,
    ProactiveStatus,
    ReplyReason,
    ReplyType,
    RequestStatus,
)

S = RequestStatus
HANDLERS = [Role.CLERK, Role.LEADER]

TRANSITIONS = Transitions({
    "confirm_receipt": Transition(_("确认收到申请"), sources=[S.SUBMITTED], target=S.REGISTERED, roles=HANDLERS),
    "confirm_clear": Transition(_("申请内容明确,无需补正"), sources=[S.REGISTERED], target=None, roles=HANDLERS),
    "request_correction": Transition(_("告知补正"), sources=[S.REGISTERED], target=S.CORRECTION, roles=HANDLERS),
    "receive_correction": Transition(_("收到补正"), sources=[S.CORRECTION], target=S.REGISTERED, roles=HANDLERS),
    "abandon": Transition(_("逾期未补正,视为放弃"), sources=[S.CORRECTION], target=S.CLOSED, roles=HANDLERS),
    "consult": Transition(_("征求第三方(其他机关)意见"), sources=[S.REGISTERED], target=S.CONSULTING, roles=HANDLERS),
    "consult_replied": Transition(_("收到第三方意见"), sources=[S.CONSULTING], target=S.REGISTERED, roles=HANDLERS),
    "extend": Transition(_("延长答复期限"), sources=[S.REGISTERED, S.CONSULTING], target=None, roles=[Role.LEADER]),
    "review_refusal": Transition(_("不予公开法制审核"), sources=[S.REGISTERED, S.CONSULTING], target=None,
                                 roles=[Role.REVIEWER]),
    "ask_reasons": Transition(_("要求说明理由(第三十五条)"), sources=[S.REGISTERED], target=None, roles=HANDLERS),
    "set_delay": Transition(_("确定延迟答复期限(第三十五条)"), sources=[S.REGISTERED], target=None,
                            roles=[Role.LEADER]),
    "fee_notice": Transition(_("发出收费通知"), sources=[S.REGISTERED], target=None, roles=HANDLERS),
    "fee_paid": Transition(_("申请人已缴费"), sources=[S.REGISTERED], target=None, roles=HANDLERS),
    "reply": Transition(_("答复"), sources=[S.REGISTERED], target=S.REPLIED, roles=HANDLERS),
    "deliver": Transition(_("送达"), sources=[S.REPLIED], target=S.DELIVERED, roles=HANDLERS),
    "close": Transition(_("办结"), sources=[S.DELIVERED], target=S.CLOSED, roles=HANDLERS),
    "withdraw": Transition(_("申请人撤回申请"), sources=[S.SUBMITTED, S.REGISTERED, S.CORRECTION, S.CONSULTING],
                           target=S.WITHDRAWN, roles=HANDLERS),
})

# The API and the case page name actions with hyphens.
ACTION_SLUGS = {
    "confirm_receipt": "confirm-receipt",
    "confirm_clear": "confirm-clear",
    "request_correction": "request-correction",
    "receive_correction": "receive-correction",
    "abandon": "abandon",
    "consult": "consult-third-party",
    "consult_replied": "third-party-replied",
    "extend": "extend",
    "review_refusal": "review-refusal",
    "ask_reasons": "ask-reasons",
    "set_delay": "set-delay",
    "fee_notice": "fee-notice",
    "fee_paid": "fee-paid",
    "reply": "reply",
    "deliver": "deliver",
    "close": "close",
    "withdraw": "withdraw",
}

# 政府信息公开条例 第三十条: the correction notice within 7 working days of receipt.
OGI_30 = clocks.ClockRule("OGI-30", "告知补正", 7, "wd", "政府信息公开条例第三十条")
# 第三十三条: reply within 20 working days; one extension of at most 20 working days.
OGI_33 = clocks.ClockRule("OGI-33a", "依申请公开答复", 20, "wd", "政府信息公开条例第三十三条", max_extension=20)
# 第三十二条: the third party has 15 working days from receiving the consultation letter.
OGI_32 = clocks.ClockRule("OGI-32", "第三方提出意见", 15, "wd", "政府信息公开条例第三十二条")
# 第二十六条: proactive disclosure within 20 working days of forming or changing the information.
OGI_26 = clocks.ClockRule("OGI-26", "主动公开", 20, "wd", "政府信息公开条例第二十六条")

# 第三十五条: a reasonable delayed reply date set by the agency replaces the 20 WD (calendar
# days to the chosen date, not rolled: the agency chose the day).
OGI_35 = clocks.ClockRule("OGI-35", "延迟答复(第三十五条)", 0, "d", "政府信息公开条例第三十五条", roll=False)
# 国办函〔2020〕109号: the applicant pays within 20 WD from the day after receiving the fee notice.
OGI_FEE = clocks.ClockRule("OGI-FEE", "缴纳信息处理费", 20, "wd", "国办函〔2020〕109号《政府信息公开信息处理费管理办法》")

QUERY_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
PUBLIC_ACTOR = "公众(网上申请)"


def _label(actor) -> str:
    return getattr(actor, "label", None) or (actor if isinstance(actor, str) else "系统")


def _new_query_code() -> str:
    while True:
        code = "".join(secrets.choice(QUERY_ALPHABET) for _ in range(10))
        if not DisclosureRequest.objects.filter(query_code=code).exists():
            return code


def _as_date(value, field: str) -> datetime.date | None:
    if value in (None, "") or isinstance(value, datetime.date):
        return value or None
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        raise InvalidInput(f"日期“{value}”格式不正确,应为YYYY-MM-DD。", field=field) from None


def _reply_clock(req) -> Clock | None:
    """The clock the reply is due by: the delayed date of 第三十五条 when one was set, else 第三十三条's."""
    return clocks.get(req, OGI_35) or clocks.get(req, OGI_33)


def _open(clock: Clock | None) -> bool:
    return clock is not None and clock.is_open


def _sync_due(req):
    """The request's reply deadline, as its clock computed it. While a correction is awaited
    there is none: the 20 WD start again, in full, from the corrected request (第三十条)."""
    clock = _reply_clock(req)
    req.due_date = clock.due_date if clock and req.status != S.CORRECTION else None


def _subject_label(req) -> str:
    return f"信息公开申请 {req.query_code}({req.applicant_masked})"


def _snapshot(req) -> dict:
    snap = audit.snapshot(req)
    # The applicant's name is personal data when the applicant is a person (audit never holds it clear).
    if "applicant_name" in snap and req.is_natural_person:
        snap["applicant_name"] = mask_name(req.applicant_name)
    return snap


def _record(actor, req, action, before, **extra):
    after = _snapshot(req)
    b, a = audit.diff(before, after)
    if extra:
        a = {**(a or {}), **audit.jsonable(extra)}
    return audit.record(actor=actor, action=f"disclosurerequest.{action}", obj=req, before=b, after=a)


# --- applicant data -----------------------------------------------------------------------------


def _clean_applicant(data: dict) -> dict:
    """Validate who is asking: a person with an ID number, or an organisation with a credit code
    and its kind (the report's columns). Invalid numbers are refused in Chinese."""
    kind = data.get("applicant_type")
    if kind not in ApplicantType.values:
        raise InvalidInput("申请人类型不正确,应为自然人、法人或其他组织。", field="applicant_type")
    name = (data.get("applicant_name") or "").strip()
    if not name:
        raise InvalidInput("请填写申请人姓名或名称。", field="applicant_name")
    out = {"applicant_type": kind, "applicant_name": name[:100]}
    try:
        if kind == ApplicantType.NATURAL_PERSON:
            if not data.get("id_number"):
                raise InvalidInput("自然人申请须提供身份证号码。", field="id_number")
            out["id_number"] = normalize_id_number(data["id_number"])
            out["credit_code"] = ""
            out["org_kind"] = ""
        else:
            if not data.get("credit_code"):
                raise InvalidInput("法人或其他组织申请须提供统一社会信用代码。", field="credit_code")
            out["credit_code"] = normalize_credit_code(data["credit_code"])
            out["id_number"] = ""
            org_kind = data.get("org_kind") or OrgKind.OTHER
            if org_kind not in OrgKind.values:
                raise InvalidInput("组织类别不正确。", field="org_kind")
            out["org_kind"] = org_kind
        if not data.get("phone"):
            raise InvalidInput("请填写联系电话。", field="phone")
        out["phone"] = normalize_phone(data["phone"])
    except ValidationError as exc:
        field = "phone"
        if "身份证" in exc.messages[0]:
            field = "id_number"
        elif "信用代码" in exc.messages[0]:
            field = "credit_code"
        raise InvalidInput(exc.messages[0], field=field) from None
    for key, limit in (("legal_representative", 50), ("contact_person", 50), ("address", 200), ("postcode", 6),
                       ("email", 254), ("purpose", 200)):
        out[key] = (data.get(key) or "").strip()[:limit]
    return out


def receipt_date(channel: str, arrived: datetime.date, confirmed: datetime.date | None) -> datetime.date | None:
    """收到申请之日 (政府信息公开条例 第三十一条):
    (一) in person: the day it is handed in;
    (二) by post: the day the agency signs for it (ordinary mail: the day receipt is confirmed with the applicant);
    (三) online or by fax: the day both sides confirm receipt.
    ``confirmed`` is that signing/confirmation day; None while it is still to come."""
    if channel == Channel.IN_PERSON:
        if confirmed and confirmed != arrived:
            raise InvalidInput("当面提交的申请,以提交之日为收到申请之日(条例第三十一条第一项)。", field="received_date")
        return arrived
    if confirmed is None:
        return None
    if confirmed < arrived:
        raise InvalidInput("收到申请之日(签收或确认之日)不能早于申请到达之日。", field="received_date")
    return confirmed


def _start_clocks(req, on: datetime.date):
    url = req.get_absolute_url()
    label = _subject_label(req)
    clocks.start(subject=req, rule=OGI_30, start=on, subject_label=label, url=url)
    clocks.start(subject=req, rule=OGI_33, start=on, subject_label=label, url=url)


# --- create ------------------------------------------------------------------------------------


def request_register(*, actor, town, data: dict) -> DisclosureRequest:
    """A clerk registers a request received in person, by post, by fax or online. ``data`` holds
    the applicant, ``channel``, ``arrived_date`` (default: received_date), ``received_date``
    (第三十一条; empty for post/fax/online not yet confirmed) and the request itself."""
    channel = data.get("channel")
    if channel not in Channel.values:
        raise InvalidInput("提交方式不正确。", field="channel")
    received = data.get("received_date")
    received = action_date(received, field_name="received_date") if received else None
    arrived = data.get("arrived_date") or received
    if arrived is None and channel == Channel.IN_PERSON:
        arrived = timezone.localdate()  # handed in at the counter today (第三十一条第一项)
    if arrived is None:
        raise InvalidInput("请填写申请到达日期或收到申请之日。", field="arrived_date")
    arrived = action_date(arrived, field_name="arrived_date")
    received = receipt_date(channel, arrived, received)
    content = (data.get("content") or "").strip()
    if not content:
        raise InvalidInput("请填写所需政府信息的名称、文号或者特征性描述。", field="content")
    applicant = _clean_applicant(data)
    with transaction.atomic():
        yearlock.ensure_open(town.pk, arrived, received)
        req = DisclosureRequest(
            town=town, query_code=_new_query_code(), channel=channel, arrived_date=arrived, received_date=received,
            content=content, status=S.REGISTERED if received else S.SUBMITTED,
            form_wanted=data.get("form_wanted") or "paper", delivery_wanted=data.get("delivery_wanted") or "post",
            handled_by_label=_label(actor) if getattr(actor, "pk", None) else "", **applicant,
        )
        try:
            req.full_clean(exclude=["id_number", "credit_code", "phone", "query_code"])
        except ValidationError as exc:
            field, errors = next(iter(exc.message_dict.items()))
            raise InvalidInput(errors[0], field=None if field == "__all__" else field) from None
        req.save()
        if received:
            _start_clocks(req, received)
            _sync_due(req)
            req.save(update_fields=["due_date"])
        audit.record(actor=actor, action="disclosurerequest.create", obj=req, after=_snapshot(req))
    return req


def client_digest(address: str) -> str:
    return hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()


def portal_rate_limited(address: str, *, now=None) -> bool:
    """Database-based limit of the public form per client address (digest only): at most
    ``FAZHI_DISCLOSURE_PORTAL_LIMIT`` (default 5) submissions in a rolling hour."""
    now = now or timezone.now()
    limit = getattr(settings, "FAZHI_DISCLOSURE_PORTAL_LIMIT", 5)
    since = now - datetime.timedelta(hours=1)
    return PortalSubmission.objects.filter(client_digest=client_digest(address), at__gte=since).count() >= limit


def request_submit_online(*, town, data: dict, client_address: str) -> DisclosureRequest:
    """A citizen files on the portal. 第三十一条(三): the receipt date is the day both sides
    confirm, so the request waits as 待确认收到 until a clerk confirms it."""
    if portal_rate_limited(client_address):
        raise DomainError("提交过于频繁,请一小时后再试。", code="rate_limited")
    data = {**data, "channel": Channel.ONLINE, "arrived_date": timezone.localdate(), "received_date": None}
    with transaction.atomic():
        req = request_register(actor=PUBLIC_ACTOR, town=town, data=data)
        PortalSubmission.objects.create(client_digest=client_digest(client_address))
    return req


# --- transitions --------------------------------------------------------------------------------


def _begin(req, action, actor, date, *, not_before=None, not_before_label=""):
    req = lock(req)
    TRANSITIONS.check(req, action, actor if getattr(actor, "pk", None) else None)
    on = action_date(date, not_before=not_before or req.received_date or req.arrived_date,
                     not_before_label=not_before_label or "收到申请之日")
    yearlock.ensure_open(req.town_id, on)
    return req, on, _snapshot(req)


def request_confirm_receipt(*, actor, request, date=None) -> DisclosureRequest:
    """第三十一条(二)(三): the signing or confirmation day becomes the receipt date; the clocks start."""
    with transaction.atomic():
        req, on, before = _begin(request, "confirm_receipt", actor, date, not_before=request.arrived_date,
                                 not_before_label="申请到达之日")
        req.received_date = on
        req.status = S.REGISTERED
        req.handled_by_label = req.handled_by_label or _label(actor)
        _start_clocks(req, on)
        _sync_due(req)
        req.save(update_fields=["received_date", "status", "handled_by_label", "due_date"])
        _record(actor, req, "confirm_receipt", before)
    return req


def request_confirm_clear(*, actor, request, date=None) -> DisclosureRequest:
    """The request is clear: no correction will be asked, so the 7 WD of 第三十条 no longer run."""
    with transaction.atomic():
        req, on, before = _begin(request, "confirm_clear", actor, date)
        clock = clocks.get(req, OGI_30)
        if not req.correction_possible or not _open(clock):
            raise DomainError("告知补正的期限已经结束,无需再确认。", code="correction_clock_closed")
        clocks.cancel(clock, on=on)
        req.clear_confirmed_on = on
        req.save(update_fields=["clear_confirmed_on"])
        _record(actor, req, "confirm_clear", before)
    return req


def request_request_correction(*, actor, request, date=None, items: str = "",
                               deadline: datetime.date | None = None) -> DisclosureRequest:
    """第三十条: one notice listing every item to correct and a reasonable deadline, within 7 WD
    of receipt; the reply clock waits until the corrected request arrives."""
    with transaction.atomic():
        req, on, before = _begin(request, "request_correction", actor, date)
        if req.correction_requested_on:
            raise DomainError("补正应一次性告知(条例第三十条),本申请已告知过补正。", code="correction_once")
        if not req.correction_possible:
            raise DomainError("本申请已确认无需补正或已进入办理,不能再告知补正(条例第三十条)。", code="correction_closed")
        deadline = _as_date(deadline, "deadline")
        items = (items or "").strip()
        if not items:
            raise InvalidInput("请写明需要补正的事项。", field="items")
        if deadline is None or deadline <= on:
            raise InvalidInput("请给出晚于告知日期的合理补正期限。", field="deadline")
        correction_clock = clocks.get(req, OGI_30)
        if _open(correction_clock):
            clocks.stop(correction_clock, on=on)  # breached when later than 7 WD: the record shows it
        clocks.pause(_reply_clock(req), on=on)
        req.correction_requested_on, req.correction_items, req.correction_deadline = on, items, deadline
        req.status = S.CORRECTION
        _sync_due(req)
        req.save(update_fields=["correction_requested_on", "correction_items", "correction_deadline", "status",
                                "due_date"])
        _record(actor, req, "request_correction", before)
        from . import letters
        letters.issue(actor=actor, request=req, kind=LetterKind.CORRECTION, on=on)
    return req


def request_receive_correction(*, actor, request, date=None, late_reason: str = "") -> DisclosureRequest:
    """第三十条: the 20 WD run again, in full, from the day the corrected request arrives."""
    with transaction.atomic():
        req, on, before = _begin(request, "receive_correction", actor, date, not_before=request.correction_requested_on,
                                 not_before_label="告知补正日期")
        if on > req.correction_deadline and not late_reason.strip():
            raise DomainError("补正已超过期限;申请人有正当理由的请写明理由,否则应按“视为放弃”处理(条例第三十条)。",
                              code="correction_late")
        req.correction_received_on = on
        req.status = S.REGISTERED
        clocks.restart(_reply_clock(req), start=on)
        _sync_due(req)
        req.save(update_fields=["correction_received_on", "status", "due_date"])
        _record(actor, req, "receive_correction", before, late_reason=late_reason.strip())
    return req


def request_abandon(*, actor, request, date=None) -> DisclosureRequest:
    """第三十条: no correction by the stated date without a good reason → deemed withdrawn
    (annual report row 三(六)1)."""
    with transaction.atomic():
        req, on, before = _begin(request, "abandon", actor, date, not_before=request.correction_requested_on,
                                 not_before_label="告知补正日期")
        if on <= req.correction_deadline:
            raise DomainError(f"补正期限{req.correction_deadline:%Y-%m-%d}尚未届满,不能视为放弃。",
                              code="correction_not_overdue")
        clock = _reply_clock(req)
        if _open(clock):
            clocks.cancel(clock, on=on)
        req.reply_type, req.reply_reason = ReplyType.OTHER, ReplyReason.CORRECTION_OVERDUE
        req.concluded_on = req.closed_on = on
        req.status = S.CLOSED
        req.due_date = None
        req.save(update_fields=["reply_type", "reply_reason", "concluded_on", "closed_on", "status", "due_date"])
        _record(actor, req, "abandon", before)
        from . import letters
        letters.issue(actor=actor, request=req, kind=LetterKind.OTHER, on=on)
    return req


def request_consult(*, actor, request, date=None, kind: str = ConsultKind.THIRD_PARTY,
                    party: str = "") -> DisclosureRequest:
    """第三十二条: written consultation of a third party (15 WD to answer); 第三十三条第三款: the
    time it takes (third parties and other agencies alike) is not counted in the reply period."""
    with transaction.atomic():
        req, on, before = _begin(request, "consult", actor, date)
        if kind not in ConsultKind.values:
            raise InvalidInput("征求意见对象类别不正确。", field="kind")
        if not (party or "").strip():
            raise InvalidInput("请写明征求意见的对象。", field="party")
        if req.consult_sent_on:
            raise DomainError("本申请已征求过意见;本系统每件申请记录一次征求意见。", code="consult_once")
        _cancel_correction_clock(req, on)
        clocks.pause(_reply_clock(req), on=on)
        if kind == ConsultKind.THIRD_PARTY:
            clocks.start(subject=req, rule=OGI_32, start=on, subject_label=_subject_label(req),
                         url=req.get_absolute_url())
        req.consult_kind, req.consult_party, req.consult_sent_on = kind, party.strip()[:100], on
        req.status = S.CONSULTING
        _sync_due(req)
        req.save(update_fields=["consult_kind", "consult_party", "consult_sent_on", "status", "due_date"])
        _record(actor, req, "consult", before)
        if kind == ConsultKind.THIRD_PARTY:
            from . import letters
            letters.issue(actor=actor, request=req, kind=LetterKind.CONSULTATION, on=on)
    return req


def request_consult_replied(*, actor, request, date=None, opinion: str = ConsultOpinion.AGREE) -> DisclosureRequest:
    """The opinion arrived (or the third party's 15 WD ran out silently, 第三十二条): the reply
    clock counts again from the next day."""
    with transaction.atomic():
        req, on, before = _begin(request, "consult_replied", actor, date, not_before=request.consult_sent_on,
                                 not_before_label="发出征求意见日期")
        if opinion not in ConsultOpinion.values:
            raise InvalidInput("意见类别不正确。", field="opinion")
        third = clocks.get(req, OGI_32)
        if opinion == ConsultOpinion.NONE and third is not None and on <= third.due_date:
            raise DomainError(f"第三方提出意见的期限至{third.due_date:%Y-%m-%d}届满,届满前不能按逾期未提出意见处理。",
                              code="third_party_period_running")
        if _open(third):
            if opinion == ConsultOpinion.NONE:
                clocks.cancel(third, on=on)
            else:
                clocks.stop(third, on=on)
        clocks.resume(_reply_clock(req), on=on)
        req.consult_replied_on, req.consult_opinion = on, opinion
        req.status = S.REGISTERED
        _sync_due(req)
        req.save(update_fields=["consult_replied_on", "consult_opinion", "status", "due_date"])
        _record(actor, req, "consult_replied", before)
    return req


def request_extend(*, actor, request, date=None, workdays: int = 0, reason: str = "") -> DisclosureRequest:
    """第三十三条第二款: once, at most 20 WD added after the current due date, approved by the
    head of the disclosure office (the leader), the applicant notified by letter."""
    with transaction.atomic():
        req, on, before = _begin(request, "extend", actor, date)
        if req.delay_until:
            raise DomainError("已按条例第三十五条确定延迟答复期限,不能再延长。", code="delayed")
        clock = _reply_clock(req)
        if req.extension_workdays or clock.extension:
            raise DomainError("答复期限只能延长一次(条例第三十三条),本申请已经延长过。", code="extension_once")
        if on > clock.due_date:
            raise DomainError(f"答复期限已于{clock.due_date:%Y-%m-%d}届满,不能再延长。", code="extension_late")
        try:
            workdays = int(workdays)
        except (TypeError, ValueError):
            raise InvalidInput("延长的工作日数应为整数。", field="workdays") from None
        clocks.extend(clock, length=workdays, reason=reason, rule=OGI_33)
        _cancel_correction_clock(req, on)
        req.extension_workdays, req.extension_reason = workdays, reason.strip()[:200]
        req.extension_approved_on, req.extension_approved_by_label = on, _label(actor)
        _sync_due(req)
        req.save(update_fields=["extension_workdays", "extension_reason", "extension_approved_on",
                                "extension_approved_by_label", "due_date"])
        _record(actor, req, "extend", before)
        from . import letters
        letters.issue(actor=actor, request=req, kind=LetterKind.EXTENSION, on=on)
    return req


def request_review_refusal(*, actor, request, date=None, reason: str = "", agreed: bool = True,
                           opinion: str = "") -> DisclosureRequest:
    """The legal reviewer checks a proposed 不予公开 and its ground (第十四至十六条)."""
    with transaction.atomic():
        req, on, before = _begin(request, "review_refusal", actor, date)
        if reason not in REASONS_BY_TYPE[ReplyType.WITHHELD]:
            raise InvalidInput("请选择拟不予公开的理由。", field="reason")
        if not (opinion or "").strip():
            raise InvalidInput("请填写审核意见。", field="opinion")
        req.review_reason, req.review_agreed, req.review_opinion = reason, bool(agreed), opinion.strip()
        req.reviewed_on, req.reviewed_by_label = on, _label(actor)
        req.save(update_fields=["review_reason", "review_agreed", "review_opinion", "reviewed_on",
                                "reviewed_by_label"])
        _record(actor, req, "review_refusal", before)
    return req


def request_ask_reasons(*, actor, request, date=None) -> DisclosureRequest:
    """第三十五条: the volume or frequency is clearly beyond a reasonable range; the applicant is
    asked for reasons (by letter)."""
    with transaction.atomic():
        req, on, before = _begin(request, "ask_reasons", actor, date)
        if req.reasons_asked_on:
            raise DomainError("已要求申请人说明理由。", code="reasons_once")
        _cancel_correction_clock(req, on)
        req.reasons_asked_on = on
        req.save(update_fields=["reasons_asked_on"])
        _record(actor, req, "ask_reasons", before)
        from . import letters
        letters.issue(actor=actor, request=req, kind=LetterKind.REASONS, on=on)
    return req


def request_set_delay(*, actor, request, date=None, until: datetime.date | None = None,
                      reason: str = "") -> DisclosureRequest:
    """第三十五条: the reasons are reasonable but the reply cannot be made within 第三十三条's
    period: the agency sets a reasonable later date and tells the applicant."""
    with transaction.atomic():
        req, on, before = _begin(request, "set_delay", actor, date)
        if not req.reasons_asked_on:
            raise DomainError("须先要求申请人说明理由(条例第三十五条)。", code="reasons_first")
        if req.delay_until:
            raise DomainError("已确定过延迟答复期限。", code="delay_once")
        until = _as_date(until, "until")
        current = _reply_clock(req)
        if until is None or until <= current.due_date:
            raise InvalidInput(f"延迟答复期限应晚于现答复期限{current.due_date:%Y-%m-%d}。", field="until")
        if not (reason or "").strip():
            raise InvalidInput("请写明无法在法定期限内答复的理由。", field="reason")
        if current.state == Clock.State.PAUSED:
            raise DomainError("征求意见期间不能确定延迟答复期限。", code="paused")
        clocks.cancel(current, on=on)
        clocks.start(subject=req, rule=OGI_35, start=on, length=(until - on).days, subject_label=_subject_label(req),
                     url=req.get_absolute_url())
        req.delay_until, req.delay_reason = until, reason.strip()[:200]
        _sync_due(req)
        req.save(update_fields=["delay_until", "delay_reason", "due_date"])
        _record(actor, req, "set_delay", before)
        from . import letters
        letters.issue(actor=actor, request=req, kind=LetterKind.DELAY, on=on)
    return req


def fee_per_item(ordinal: int) -> Decimal:
    """国办函〔2020〕109号 第四条(按件): the n-th request of one applicant in a natural month —
    1–10 free; 11–30 100 元 each; from 31, each further band of 10 adds 100 元 per request."""
    if ordinal <= 10:
        return Decimal(0)
    if ordinal <= 30:
        return Decimal(100)
    return Decimal(100 * (2 + (ordinal - 31) // 10))


def fee_per_page(pages: int) -> Decimal:
    """国办函〔2020〕109号 第四条(按量), progressive: ≤30 pages free; 31–100 10 元/页; 101–200 20 元/页;
    from 201 40 元/页."""
    return Decimal(10 * max(0, min(pages, 100) - 30) + 20 * max(0, min(pages, 200) - 100)
                   + 40 * max(0, pages - 200))


def month_ordinal(req) -> int:
    """Which request of this applicant in the natural month of its receipt this one is."""
    from .selectors import requests_of_same_applicant

    day = req.received_date or req.arrived_date
    first = day.replace(day=1)
    earlier = requests_of_same_applicant(req).filter(received_date__gte=first).filter(
        models.Q(received_date__lt=day) | models.Q(received_date=day, pk__lt=req.pk))
    return earlier.count() + 1


def request_fee_notice(*, actor, request, date=None, method: str = "item", pages: int | None = None):
    """第四十二条: a processing fee only beyond a reasonable volume; the notice goes out within the
    reply period and states the amount (one method per request, 109号 第四条)."""
    with transaction.atomic():
        req, on, before = _begin(request, "fee_notice", actor, date)
        if req.fee_notified_on:
            raise DomainError("本申请已发出收费通知。", code="fee_once")
        if on > req.due_date:
            raise DomainError("收费通知应在答复期限内发出。", code="fee_late")
        if method == "item":
            amount, pages = fee_per_item(month_ordinal(req)), None
        elif method == "page":
            if not pages or int(pages) <= 0:
                raise InvalidInput("按量计收须填写页数。", field="pages")
            pages = int(pages)
            amount = fee_per_page(pages)
        else:
            raise InvalidInput("计收方式不正确。", field="method")
        if amount <= 0:
            raise DomainError("按国办函〔2020〕109号的标准,本申请不收取信息处理费。", code="fee_free")
        clocks.start(subject=req, rule=OGI_FEE, start=on, subject_label=_subject_label(req),
                     url=req.get_absolute_url())
        _cancel_correction_clock(req, on)
        req.fee_method, req.fee_pages, req.fee_amount, req.fee_notified_on = method, pages, amount, on
        req.save(update_fields=["fee_method", "fee_pages", "fee_amount", "fee_notified_on"])
        _record(actor, req, "fee_notice", before)
    return req


def request_fee_paid(*, actor, request, date=None):
    with transaction.atomic():
        req, on, before = _begin(request, "fee_paid", actor, date, not_before=request.fee_notified_on,
                                 not_before_label="收费通知日期")
        if not req.fee_notified_on or req.fee_paid_on:
            raise DomainError("没有待缴的信息处理费。", code="no_fee_due")
        clock = clocks.get(req, OGI_FEE)
        if _open(clock):
            clocks.stop(clock, on=on)
        req.fee_paid_on = on
        req.save(update_fields=["fee_paid_on"])
        _record(actor, req, "fee_paid", before)
    return req


def request_reply(*, actor, request, date=None, reply_type: str = "", reason: str = "", explanation: str = "",
                  released_text: str = "", responsible_agency: str = "") -> DisclosureRequest:
    """第三十六条: the reply, of one type and (where the report's table splits it) one ground.
    Released text is scanned for other people's personal data and redacted first."""
    with transaction.atomic():
        req, on, before = _begin(request, "reply", actor, date)
        if reply_type not in ReplyType.values:
            raise InvalidInput("请选择答复类型。", field="reply_type")
        allowed = REASONS_BY_TYPE[ReplyType(reply_type)]
        if allowed and reason not in allowed:
            raise InvalidInput(f"“{ReplyType(reply_type).label}”须选择具体理由。", field="reason")
        if not allowed:
            reason = ""
        if reason == ReplyReason.CORRECTION_OVERDUE:
            raise DomainError("逾期未补正的申请请使用“视为放弃”处理。", code="use_abandon")
        if reply_type == ReplyType.WITHHELD and not (req.review_agreed and req.review_reason == reason):
            raise DomainError("不予公开须先经法制审核同意,且理由与审核一致。", code="review_required")
        if reason == ReplyReason.FEE_OVERDUE:
            fee_clock = clocks.get(req, OGI_FEE)
            if fee_clock is None or req.fee_paid_on or on <= fee_clock.due_date:
                raise DomainError("只有收费通知的缴费期限届满仍未缴费的,才能按“逾期未缴费”处理(国办函〔2020〕109号)。",
                                  code="fee_not_overdue")
            if _open(fee_clock):
                clocks.cancel(fee_clock, on=on)
        if reason == ReplyReason.EXCESSIVE and not req.reasons_asked_on:
            raise DomainError("“无正当理由大量反复申请”须先要求申请人说明理由(条例第三十五条)。", code="reasons_first")
        if reason == ReplyReason.UNCLEAR and not req.correction_received_on:
            raise DomainError("“补正后申请内容仍不明确”只适用于已补正的申请(条例第三十条)。", code="no_correction")
        if reason == ReplyReason.NOT_HELD and not (explanation or "").strip():
            raise InvalidInput("请说明检索情况或负责公开的机关(条例第三十六条第四、五项)。", field="explanation")
        released_text = (released_text or "").strip()
        if released_text and reply_type in (ReplyType.DISCLOSED, ReplyType.PARTIAL):
            from . import redaction
            released_text = redaction.redact_and_log(
                actor=actor, text=released_text, request=req,
                keep=[req.applicant_name, req.id_number, req.phone],
            )
        clock = _reply_clock(req)
        clocks.stop(clock, on=on)
        _cancel_correction_clock(req, on)
        req.reply_type, req.reply_reason = reply_type, reason
        req.reply_explanation = (explanation or "").strip()
        req.released_text = released_text
        req.responsible_agency = (responsible_agency or "").strip()[:100]
        req.replied_on = req.concluded_on = on
        req.replied_on_time = clock.state == Clock.State.MET
        req.status = S.REPLIED
        _sync_due(req)
        req.save(update_fields=["reply_type", "reply_reason", "reply_explanation", "released_text",
                                "responsible_agency", "replied_on", "concluded_on", "replied_on_time", "status",
                                "due_date"])
        _record(actor, req, "reply", before)
        from . import letters
        letters.issue(actor=actor, request=req, kind=LetterKind(reply_type), on=on)
    return req


def request_deliver(*, actor, request, date=None, method: str = DeliveryMethod.POST) -> DisclosureRequest:
    with transaction.atomic():
        req, on, before = _begin(request, "deliver", actor, date, not_before=request.replied_on,
                                 not_before_label="答复日期")
        if method not in DeliveryMethod.values:
            raise InvalidInput("送达方式不正确。", field="method")
        req.delivered_on, req.delivery_method, req.status = on, method, S.DELIVERED
        req.save(update_fields=["delivered_on", "delivery_method", "status"])
        _record(actor, req, "deliver", before)
    return req


def request_close(*, actor, request, date=None) -> DisclosureRequest:
    with transaction.atomic():
        req, on, before = _begin(request, "close", actor, date, not_before=request.delivered_on,
                                 not_before_label="送达日期")
        req.closed_on, req.status = on, S.CLOSED
        req.save(update_fields=["closed_on", "status"])
        _record(actor, req, "close", before)
    return req


def request_withdraw(*, actor, request, date=None, note: str = "") -> DisclosureRequest:
    """The applicant withdraws; open clocks are cancelled (annual report row 三(六)3 其他)."""
    with transaction.atomic():
        req, on, before = _begin(request, "withdraw", actor, date, not_before=request.arrived_date,
                                 not_before_label="申请到达之日")
        for clock in clocks.for_subject(req):
            if clock.is_open:
                clocks.cancel(clock, on=on)
        req.withdrawn_on = on
        # A request never confirmed as received was never a request of the year (第三十一条).
        req.concluded_on = on if req.received_date else None
        req.status = S.WITHDRAWN
        req.save(update_fields=["withdrawn_on", "concluded_on", "status"])
        _record(actor, req, "withdraw", before, note=(note or "").strip()[:200])
    return req


def _cancel_correction_clock(req, on):
    clock = clocks.get(req, OGI_30)
    if _open(clock):
        clocks.cancel(clock, on=on)


SERVICES = {
    "confirm_receipt": request_confirm_receipt,
    "confirm_clear": request_confirm_clear,
    "request_correction": request_request_correction,
    "receive_correction": request_receive_correction,
    "abandon": request_abandon,
    "consult": request_consult,
    "consult_replied": request_consult_replied,
    "extend": request_extend,
    "review_refusal": request_review_refusal,
    "ask_reasons": request_ask_reasons,
    "set_delay": request_set_delay,
    "fee_notice": request_fee_notice,
    "fee_paid": request_fee_paid,
    "reply": request_reply,
    "deliver": request_deliver,
    "close": request_close,
    "withdraw": request_withdraw,
}


def available_actions(req, user) -> list[tuple[str, str, str]]:
    """(action, slug, label) the user may take now."""
    actions = TRANSITIONS.available(req, user)
    if any(name in ("confirm_clear", "request_correction") for name, _label in actions):
        # 第三十条: one correction notice, within the 7 WD; once they are over neither is offered.
        if not req.correction_possible:
            actions = [(n, label) for n, label in actions if n not in ("confirm_clear", "request_correction")]
    return [(name, ACTION_SLUGS[name], label) for name, label in actions]


# --- proactive disclosure ----------------------------------------------------------------------


ITEM_TRANSITIONS = Transitions({
    "publish": Transition(_("公开"), sources=[ProactiveStatus.DRAFT], target=ProactiveStatus.PUBLISHED,
                          roles=HANDLERS),
    "withdraw": Transition(_("撤回"), sources=[ProactiveStatus.PUBLISHED], target=ProactiveStatus.WITHDRAWN,
                           roles=[Role.LEADER]),
})


def item_create(*, actor, town, title: str, category: str, formed_date, content: str = "",
                document_number: str = "") -> ProactiveItem:
    """第二十六条: the 20 WD to publish run from the day the information was formed or changed."""
    formed = action_date(formed_date, field_name="formed_date")
    if not (title or "").strip():
        raise InvalidInput("请填写标题。", field="title")
    from .models import ProactiveCategory
    if category not in ProactiveCategory.values:
        raise InvalidInput("请选择信息类别。", field="category")
    with transaction.atomic():
        yearlock.ensure_open(town.pk, formed)
        item = ProactiveItem.objects.create(
            town=town, title=title.strip()[:200], category=category, formed_date=formed, content=content or "",
            document_number=(document_number or "").strip()[:80], created_by_label=_label(actor),
        )
        clock = clocks.start(subject=item, rule=OGI_26, start=formed, subject_label=f"主动公开:{item.title}"[:200],
                             url=item.get_absolute_url())
        item.due_date = clock.due_date
        item.save(update_fields=["due_date"])
        audit.record(actor=actor, action="proactiveitem.create", obj=item, after=audit.snapshot(item))
    return item


def item_publish(*, actor, item, date=None) -> ProactiveItem:
    """Publish: the content is scanned for personal data first, and the 第二十六条 clock stops."""
    with transaction.atomic():
        item = lock(item)
        ITEM_TRANSITIONS.check(item, "publish", actor)
        on = action_date(date, not_before=item.formed_date, not_before_label="信息形成日期")
        yearlock.ensure_open(item.town_id, on)
        before = audit.snapshot(item)
        if item.content:
            from . import redaction
            item.content = redaction.redact_and_log(actor=actor, text=item.content, item=item)
        clock = clocks.get(item, OGI_26)
        if _open(clock):
            clocks.stop(clock, on=on)
            item.on_time = clock.state == Clock.State.MET
            item.due_date = clock.due_date
        else:
            item.on_time = item.due_date is None or on <= item.due_date
        item.published_date, item.status = on, ProactiveStatus.PUBLISHED
        item.save(update_fields=["content", "published_date", "status", "on_time", "due_date"])
        record_transition(actor, item, "publish", before)
    return item


def item_withdraw(*, actor, item, date=None, reason: str = "") -> ProactiveItem:
    with transaction.atomic():
        item = lock(item)
        ITEM_TRANSITIONS.check(item, "withdraw", actor)
        on = action_date(date, not_before=item.published_date, not_before_label="公开日期")
        yearlock.ensure_open(item.town_id, on)
        if not (reason or "").strip():
            raise InvalidInput("请写明撤回理由。", field="reason")
        before = audit.snapshot(item)
        item.status = ProactiveStatus.WITHDRAWN
        item.save(update_fields=["status"])
        record_transition(actor, item, "withdraw", before, note=reason.strip()[:200])
    return item

