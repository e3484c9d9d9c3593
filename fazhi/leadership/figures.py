"""Figures of the leadership module for a town's year, counted from records."""

from .models import Debrief, Meeting
from .selectors import checklist, coverage


def figures(town, year: int) -> dict:
    items = checklist(town, year)
    return {
        "leadership.meetings": Meeting.objects.filter(town=town, date__year=year).count(),
        "leadership.debriefs_with_rule_of_law": Debrief.objects.filter(town=town, year=year,
                                                                       includes_rule_of_law=True).count(),
        "leadership.duties_total": len(items),
        "leadership.duties_evidenced": sum(1 for i in items if i.evidenced),
        # 0–100: the share of the 2016 规定's duties with evidence in the year.
        "leadership.duty_coverage": coverage(items),
        "leadership.duties_missing": [i.label for i in items if not i.evidenced],
    }
