"""Reads across the towns of the district, starting from the tenancy scoper."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone

from fazhi.core.models import YearLock
from fazhi.core.tenancy import towns_visible_to, visible_to
from fazhi.reports import assembly, outline
from fazhi.reports.models import AnnualReport


@dataclass
class Submission:
    town: object
    report: AnnualReport | None
    deadline: object
    locked: bool

    @property
    def submitted_on(self):
        return self.report.submitted_on if self.report else None

    @property
    def state(self) -> str:
        """on_time / late / overdue (not submitted, deadline passed) / pending."""
        if self.submitted_on:
            return "on_time" if self.submitted_on <= self.deadline else "late"
        return "overdue" if timezone.localdate() > self.deadline else "pending"

    @property
    def state_label(self) -> str:
        return {"on_time": "按时报送", "late": "逾期报送", "overdue": "逾期未报送", "pending": "未报送"}[self.state]

    @property
    def readable(self) -> bool:
        return bool(self.report and (self.report.submitted_on or self.report.status == "published"))


def submissions(user, year: int) -> list[Submission]:
    towns = list(towns_visible_to(user).select_related("district").order_by("name"))
    reports = {r.town_id: r for r in visible_to(user, AnnualReport).filter(year=year)}
    locks = set(visible_to(user, YearLock).filter(year=year).values_list("town_id", flat=True))
    deadline = outline.submission_deadline(year)
    return [Submission(t, reports.get(t.pk), deadline, t.pk in locks) for t in towns]


def comparison(user, year: int) -> tuple[list[tuple[str, str]], list[tuple[object, list]]]:
    """The required figures of every town, side by side: (columns, rows)."""
    columns = list(outline.REQUIRED_FIGURES.items())
    rows = []
    for town in towns_visible_to(user).select_related("district").order_by("name"):
        figures = assembly.collect_figures(town, year)
        rows.append((town, [figures.get(key) for key, _label in columns]))
    return columns, rows


def year_locks(user):
    return visible_to(user, YearLock).select_related("town").order_by("-year", "town__name")
