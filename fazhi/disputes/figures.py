"""The figures disputes contributes to reports (RULES PM-STAT), counted from records."""

from collections import Counter

from django.db.models import Count, Sum

from .models import Category, Dispute, Level, Outcome, Source


def _labelled(rows, choices, key):
    labels = dict(choices)
    return {str(labels.get(r[key], r[key])): r["n"] for r in rows if r[key]}


def rate(part: int, whole: int) -> float:
    return round(part * 100 / whole, 1) if whole else 0.0


def figures(town, year: int) -> dict:
    base = Dispute.objects.filter(town=town)
    concluded = base.concluded_in(year)
    mediated = concluded.count()
    settled = concluded.filter(outcome=Outcome.SETTLED).count()
    by = lambda field: list(concluded.values(field).annotate(n=Count("id")).order_by(field))  # noqa: E731
    linkage = Counter()
    for name, outcome in concluded.filter(concluded_level=Level.LINKAGE).values_list("linkage_body__name", "outcome"):
        if outcome == Outcome.SETTLED:
            linkage[name] += 1
    return {
        "disputes.received": base.in_year(year).count(),
        # “全年调处各类矛盾纠纷N起”: disputes whose mediation concluded in the year, settled or not.
        "disputes.mediated": mediated,
        "disputes.settled": settled,
        "disputes.settlement_rate": rate(settled, mediated),
        "disputes.by_category": _labelled(by("category"), Category.choices, "category"),
        "disputes.by_level": _labelled(by("concluded_level"), Level.choices, "concluded_level"),
        "disputes.by_source": _labelled(by("source"), Source.choices, "source"),
        "disputes.settled_by_linkage_body": dict(linkage),
        # Received from a linkage body (法院委派, 派出所移交, 信访转办): who sent what.
        "disputes.received_from_linkage_body": dict(
            base.in_year(year).filter(source_body__isnull=False).values_list("source_body__name")
            .annotate(n=Count("id")).order_by("source_body__name")),
        "disputes.judicial_confirmations": base.filter(confirmation_applied_date__year=year).count(),
        "disputes.agreement_amount": float(concluded.filter(outcome=Outcome.SETTLED)
                                           .aggregate(s=Sum("agreement_amount"))["s"] or 0),
        "disputes.handed_over": base.filter(handed_date__year=year).count(),
    }
