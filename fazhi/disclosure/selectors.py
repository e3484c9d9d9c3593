"""Reads that span relations, starting from the permission scoper."""

import datetime

from django.db.models import Q

from fazhi.core.models import Clock

from .models import DisclosureRequest, ProactiveItem, ProactiveStatus, RequestStatus
from .permissions import items_visible_to, requests_visible_to


def request_list(user, *, status: str = "", q: str = ""):
    qs = requests_visible_to(user).select_related("town")
    if status in RequestStatus.values:
        qs = qs.filter(status=status)
    if q:
        qs = qs.filter(Q(query_code__iexact=q.strip()) | Q(content__icontains=q.strip()))
    return qs.order_by("-arrived_date", "-id")


def item_list(user, *, q: str = ""):
    qs = items_visible_to(user).select_related("town")
    if q:
        qs = qs.filter(Q(title__icontains=q) | Q(document_number__icontains=q))
    return qs.order_by("-formed_date", "-id")


def published_items(town, *, q: str = "", category: str = ""):
    qs = ProactiveItem.objects.filter(town=town, status=ProactiveStatus.PUBLISHED)
    if q:
        qs = qs.filter(Q(title__icontains=q) | Q(content__icontains=q) | Q(document_number__icontains=q))
    if category:
        qs = qs.filter(category=category)
    return qs.order_by("-published_date", "-id")


def requests_of_same_applicant(req):
    """Earlier requests of the same applicant in the town (重复申请, 第三十六条第六项; and the
    per-month count 第三十五条 and 国办函〔2020〕109号 look at)."""
    digest_q = Q()
    if req.id_number_digest:
        digest_q |= Q(id_number_digest=req.id_number_digest)
    if req.credit_code_digest:
        digest_q |= Q(credit_code_digest=req.credit_code_digest)
    if not digest_q:
        return DisclosureRequest.objects.none()
    return (DisclosureRequest.objects.filter(digest_q, town_id=req.town_id).exclude(pk=req.pk)
            .order_by("-arrived_date", "-id"))


def same_applicant_in_month(req) -> int:
    day = req.received_date or req.arrived_date
    first = day.replace(day=1)
    nxt = (first + datetime.timedelta(days=32)).replace(day=1)
    return requests_of_same_applicant(req).filter(arrived_date__gte=first, arrived_date__lt=nxt).count() + 1


def clocks_of(obj):
    from django.contrib.contenttypes.models import ContentType

    ct = ContentType.objects.get_for_model(obj)
    return Clock.objects.filter(content_type=ct, object_id=obj.pk).order_by("created_at", "id")
