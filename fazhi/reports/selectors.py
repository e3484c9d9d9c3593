"""Reads for the reports pages and the checker, starting from the permission scoper."""

from __future__ import annotations

import datetime

from django.utils import timezone

from . import assembly, checker
from .models import AnnualReport, Revision


def previous_paragraphs(town, year: int) -> list[str]:
    """The paragraphs of the town's report on the year before (for 内容雷同)."""
    previous = AnnualReport.objects.filter(town=town, year=year - 1).select_related("town__district").first()
    if previous is None:
        return []
    document = assembly.document_for(previous)
    return checker.body_paragraphs(document.lines())


def check_document_lines(lines: list[str], *, town=None, year: int | None = None,
                         today: datetime.date | None = None) -> list[checker.Finding]:
    figures = previous = None
    if town is not None and year:
        figures = assembly.collect_figures(town, year)
        previous = previous_paragraphs(town, year)
    return checker.check_lines(lines, year=year, figures=figures, previous_paragraphs=previous,
                               today=today or timezone.localdate())


def revisions_of(report):
    return Revision.objects.filter(report=report).order_by("-number")
