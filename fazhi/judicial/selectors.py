"""Reads of the judicial module that span relations."""

from __future__ import annotations

import datetime

from fazhi.core.models import Unit

from .models import InterferenceRecord, ZeroReport


def quarter_bounds(year: int, quarter: int) -> tuple[datetime.date, datetime.date]:
    first = datetime.date(year, 3 * quarter - 2, 1)
    after = datetime.date(year + 1, 1, 1) if quarter == 4 else datetime.date(year, 3 * quarter + 1, 1)
    return first, after - datetime.timedelta(days=1)


class Cell:
    """One unit's quarter: confirmed zero, has records, missing (quarter over, nothing said) or
    not yet due (quarter not over)."""

    ZERO, RECORDS, MISSING, PENDING = "zero", "records", "missing", "pending"
    LABELS = {ZERO: "已零报告", RECORDS: "有记录", MISSING: "未报告", PENDING: "季度未结束"}

    def __init__(self, state, report=None, records=0):
        self.state, self.report, self.records = state, report, records

    @property
    def label(self):
        return self.LABELS[self.state]


def zero_report_matrix(town, year: int, today: datetime.date) -> list[dict]:
    """Every unit of the town × the four quarters of ``year``: two queries besides the units."""
    units = list(Unit.objects.filter(town=town).order_by("name"))
    reports = {(r.unit_id, r.quarter): r for r in ZeroReport.objects.filter(town=town, year=year)}
    counts: dict[tuple[int, int], int] = {}
    for unit_id, day in InterferenceRecord.objects.filter(town=town, occurred_on__year=year).values_list(
            "unit_id", "occurred_on"):
        key = (unit_id, (day.month - 1) // 3 + 1)
        counts[key] = counts.get(key, 0) + 1
    rows = []
    for unit in units:
        cells = []
        for quarter in (1, 2, 3, 4):
            key = (unit.pk, quarter)
            if key in counts:
                cells.append(Cell(Cell.RECORDS, records=counts[key]))
            elif key in reports:
                cells.append(Cell(Cell.ZERO, report=reports[key]))
            elif quarter_bounds(year, quarter)[1] < today:
                cells.append(Cell(Cell.MISSING))
            else:
                cells.append(Cell(Cell.PENDING))
        rows.append({"unit": unit, "cells": cells})
    return rows


def missing_zero_reports(town, year: int, today: datetime.date) -> int:
    return sum(1 for row in zero_report_matrix(town, year, today) for c in row["cells"] if c.state == Cell.MISSING)
