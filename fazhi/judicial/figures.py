"""Figures of the judicial module for a town's year, counted from records.

A case belongs to the year in which the town received it (served_date / received_on); a loss
to the year the case was closed; an appearance to the year of the hearing. For the 政府信息公开
年报 table 四 (国办公开办函〔2021〕30号), a case received in the year counts under its outcome if it
was decided by the end of that year, otherwise as 尚未审结.
"""

from __future__ import annotations

import datetime

from django.db.models import Count, Q

from fazhi.core.clocks import today as local_today

from .models import InterferenceRecord, LitigationCase, Outcome, ReconsiderationCase, ResolutionCase
from .selectors import missing_zero_reports

SUFFIXES = ("maintained", "corrected", "other", "pending", "total")


def _outcome_counts(rows, year_end: datetime.date) -> dict:
    counts = dict.fromkeys(SUFFIXES, 0)
    for outcome, done_on in rows:
        if outcome and done_on and done_on <= year_end:
            counts[{Outcome.MAINTAINED: "maintained", Outcome.CORRECTED: "corrected"}.get(outcome, "other")] += 1
        else:
            counts["pending"] += 1
        counts["total"] += 1
    return counts


def percent(numerator: int, denominator: int):
    if not denominator:
        return None
    return round(100 * numerator / denominator, 1)


def figures(town, year: int) -> dict:
    year_end = datetime.date(year, 12, 31)
    litigation = LitigationCase.objects.filter(town=town)
    hearings = litigation.filter(hearing_date__year=year).aggregate(
        n=Count("id"), heads=Count("id", filter=Q(appearance__in=LitigationCase.HEAD_APPEARANCES)))
    resolutions = ResolutionCase.objects.filter(town=town, received_on__year=year).aggregate(
        adjudication=Count("id", filter=Q(kind=ResolutionCase.Kind.ADJUDICATION)),
        arbitration=Count("id", filter=Q(kind=ResolutionCase.Kind.ARBITRATION)))
    out = {
        "judicial.interference_records": InterferenceRecord.objects.filter(town=town, occurred_on__year=year).count(),
        "judicial.zero_reports_missing": missing_zero_reports(town, year, local_today()),
        "judicial.litigation_cases": litigation.filter(served_date__year=year).count(),
        "judicial.litigation_lost": litigation.filter(closed_on__year=year, lost=True).count(),
        "judicial.litigation_hearings": hearings["n"],
        "judicial.head_appearances": hearings["heads"],
        # None when no hearing was held in the year: a rate over nothing is not 0 % nor 100 %.
        "judicial.head_appearance_rate": percent(hearings["heads"], hearings["n"]),
        "judicial.reconsideration_cases": ReconsiderationCase.objects.filter(town=town,
                                                                             served_date__year=year).count(),
        "judicial.adjudication_cases": resolutions["adjudication"],
        "judicial.arbitration_cases": resolutions["arbitration"],
    }
    recon = ReconsiderationCase.objects.filter(town=town, concerns_disclosure=True, served_date__year=year)
    groups = {
        "disclosure_reconsideration": recon.values_list("outcome", "decided_on"),
        "disclosure_litigation_direct": litigation.filter(
            concerns_disclosure=True, served_date__year=year, after_reconsideration=False
        ).values_list("outcome", "closed_on"),
        "disclosure_litigation_after_reconsideration": litigation.filter(
            concerns_disclosure=True, served_date__year=year, after_reconsideration=True
        ).values_list("outcome", "closed_on"),
    }
    for prefix, rows in groups.items():
        for suffix, value in _outcome_counts(list(rows), year_end).items():
            out[f"judicial.{prefix}_{suffix}"] = value
    return out
