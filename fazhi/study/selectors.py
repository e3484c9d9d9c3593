"""Reads of the study module: who was required in a year, and who completed."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q

from .models import Course, CourseCompletion, Official, StudySession


def required_population(town, year: int):
    """The officials the year's required courses were for: marked as required, on the staff
    roster at the end of the year (or now, for the running year: the same rule, with the year's
    last day). Those who joined during the year are in; those who left during it are out of
    both the numerator and the denominator (their completion is no longer the town's to show)."""
    year_end = datetime.date(year, 12, 31)
    return Official.objects.filter(town=town, required=True).on_staff(year_end).select_related("unit")


@dataclass
class CompletionRow:
    official: Official
    done: int
    of: int

    @property
    def complete(self):
        return self.done >= self.of


def completion_table(town, year: int) -> dict:
    """The year's required courses, the required officials and who completed every one of
    them by the end of the year. Three queries."""
    year_end = datetime.date(year, 12, 31)
    courses = list(Course.objects.filter(town=town, year=year, required=True))
    course_ids = [c.pk for c in courses]
    people = list(required_population(town, year).annotate(
        done=Count("completions", filter=Q(completions__course_id__in=course_ids,
                                           completions__completed_on__lte=year_end))))
    rows = [CompletionRow(p, p.done, len(courses)) for p in people]
    completed = sum(1 for r in rows if r.complete)
    rate = round(100 * completed / len(rows), 1) if rows and courses else None
    return {"courses": courses, "rows": rows, "required": len(rows), "completed": completed, "rate": rate}


def sessions_in_year(town, year: int):
    return StudySession.objects.filter(town=town, date__year=year).annotate(
        present=Count("attendance", filter=Q(attendance__present=True)),
        absent=Count("attendance", filter=Q(attendance__present=False)),
    ).order_by("-date", "-id")


def completions_for(town, year: int):
    return CourseCompletion.objects.filter(town=town, course__year=year).select_related("official", "course")
