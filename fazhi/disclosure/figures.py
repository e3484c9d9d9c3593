"""Named figures of 政府信息公开 for a town and year, counted from records (reports read
modules only through this function)."""

import datetime
from decimal import Decimal

from django.db.models import Count, Q, Sum

from .models import DisclosureRequest, ProactiveItem, ProactiveStatus, ReplyType


def _year(year):
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


def request_pool(town, year):
    """Requests the year's table covers: received by the year's end and not concluded before
    it began (this year's new ones and those carried over)."""
    first, last = _year(year)
    return DisclosureRequest.objects.filter(town=town, received_date__lte=last).filter(
        Q(concluded_on__isnull=True) | Q(concluded_on__gte=first))


def figures(town, year) -> dict:
    first, last = _year(year)
    pool = request_pool(town, year)
    counts = pool.aggregate(
        received=Count("id", filter=Q(received_date__gte=first)),
        carried_over=Count("id", filter=Q(received_date__lt=first)),
        carried_forward=Count("id", filter=Q(concluded_on__isnull=True) | Q(concluded_on__gt=last)),
        replied=Count("id", filter=Q(replied_on__gte=first, replied_on__lte=last)),
        replied_on_time=Count("id", filter=Q(replied_on__gte=first, replied_on__lte=last, replied_on_time=True)),
        withdrawn=Count("id", filter=Q(withdrawn_on__gte=first, withdrawn_on__lte=last, concluded_on__isnull=False)),
        fees=Sum("fee_amount", filter=Q(fee_paid_on__gte=first, fee_paid_on__lte=last)),
        **{f"reply_{t}": Count("id", filter=Q(reply_type=t, concluded_on__gte=first, concluded_on__lte=last))
           for t in ReplyType.values},
    )
    items = ProactiveItem.objects.filter(town=town, published_date__gte=first, published_date__lte=last,
                                         status__in=[ProactiveStatus.PUBLISHED, ProactiveStatus.WITHDRAWN])
    published = items.aggregate(n=Count("id"), on_time=Count("id", filter=Q(on_time=True)))
    out = {
        "disclosure.requests_received": counts["received"],
        "disclosure.requests_carried_over": counts["carried_over"],
        "disclosure.requests_carried_forward": counts["carried_forward"],
        "disclosure.requests_replied": counts["replied"],
        "disclosure.replied_on_time": counts["replied_on_time"],
        "disclosure.requests_withdrawn": counts["withdrawn"],
        "disclosure.proactive_published": published["n"],
        "disclosure.proactive_on_time": published["on_time"],
        # 信息处理费 paid in the year (第四十二条; 国办函〔2020〕109号), in yuan.
        "disclosure.fees_collected": float((counts["fees"] or Decimal(0)).quantize(Decimal("0.01"))),
    }
    for t in ReplyType.values:
        out[f"disclosure.reply_{t}"] = counts[f"reply_{t}"]
    return out
