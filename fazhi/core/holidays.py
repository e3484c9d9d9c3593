"""The holiday schedule as data: loading it from the database, seeding it from the
chinesecalendar package, and loading a new year's State Council notice."""

from __future__ import annotations

import datetime
import threading

from django.db import transaction
from django.db.models import Count, Max

from .errors import DomainError, InvalidInput
from .models import CalendarDay, CalendarYear
from .workdays import HOLIDAY_NAMES_ZH, Calendar

_cache_lock = threading.Lock()
_cache: dict = {}


def _stamp():
    agg = CalendarYear.objects.aggregate(n=Count("id"), changed=Max("updated_at"))
    return (agg["n"], agg["changed"])


def current_calendar() -> Calendar:
    """The calendar as the database holds it now. One cheap aggregate query decides whether
    this process's cached copy is still current (every change touches its CalendarYear)."""
    stamp = _stamp()
    with _cache_lock:
        cached = _cache.get("calendar")
        if cached and cached[0] == stamp:
            return cached[1]
    holidays, workdays = {}, {}
    for day, kind, name in CalendarDay.objects.values_list("date", "kind", "name"):
        (holidays if kind == CalendarDay.Kind.HOLIDAY else workdays)[day] = name
    years = frozenset(CalendarYear.objects.values_list("year", flat=True))
    cal = Calendar(holidays=holidays, workdays=workdays, known_years=years)
    with _cache_lock:
        _cache["calendar"] = (stamp, cal)
    return cal


def package_schedule():
    """Days off and make-up working days from the chinesecalendar package, by year."""
    from chinese_calendar import constants

    years: dict[int, dict] = {}
    for day, name in constants.holidays.items():
        # The package labels 2023-12-30/31 (a weekend) as New Year's Day although the 2024
        # notice gives only 2024-01-01 (RULES.md CAL-HOL); they are not working days either way.
        if day in (datetime.date(2023, 12, 30), datetime.date(2023, 12, 31)):
            continue
        years.setdefault(day.year, {"holidays": {}, "workdays": {}})["holidays"][day] = HOLIDAY_NAMES_ZH.get(name, name)
    for day, name in constants.workdays.items():
        if day.weekday() >= 5:  # make-up working days only; ordinary weekdays need no row
            years.setdefault(day.year, {"holidays": {}, "workdays": {}})["workdays"][day] = HOLIDAY_NAMES_ZH.get(name, name)
    return years


def seed_from_package(calendar_year_model=CalendarYear, calendar_day_model=CalendarDay) -> int:
    """Seed every year the package covers that the table does not hold yet."""
    created = 0
    existing = set(calendar_year_model.objects.values_list("year", flat=True))
    for year, data in sorted(package_schedule().items()):
        if year in existing:
            continue
        cy = calendar_year_model.objects.create(year=year, source="package", notice="chinesecalendar 1.11.0")
        rows = [calendar_day_model(date=d, kind="holiday", name=n, year=cy) for d, n in data["holidays"].items()]
        rows += [calendar_day_model(date=d, kind="workday", name=n, year=cy) for d, n in data["workdays"].items()]
        calendar_day_model.objects.bulk_create(rows)
        created += 1
    return created


def parse_schedule(data: dict) -> tuple[int, list[tuple[datetime.date, str, str]]]:
    """Check a schedule like {"year": 2027, "holidays": [["2027-01-01", "2027-01-03"]],
    "workdays": ["2027-01-04"]}; ranges may carry a third element, the holiday's name."""
    try:
        year = int(data["year"])
    except (KeyError, TypeError, ValueError):
        raise InvalidInput("节假日安排须写明年份(year)。") from None
    if not 2000 <= year <= 2100:
        raise InvalidInput(f"年份 {year} 不在可接受的范围内。")
    days: dict[datetime.date, tuple[str, str]] = {}

    def parse_day(text, what):
        try:
            day = datetime.date.fromisoformat(str(text))
        except ValueError:
            raise InvalidInput(f"{what}中的日期“{text}”格式不正确,应为YYYY-MM-DD。") from None
        return day

    for item in data.get("holidays") or []:
        if not isinstance(item, (list, tuple)) or len(item) not in (2, 3):
            raise InvalidInput(f"放假安排“{item}”应写作[起始日, 结束日]或[起始日, 结束日, 节日名称]。")
        first, last = parse_day(item[0], "放假安排"), parse_day(item[1], "放假安排")
        name = str(item[2]) if len(item) == 3 else ""
        if last < first:
            raise InvalidInput(f"放假安排 {first} 至 {last} 的结束日早于起始日。")
        if (last - first).days > 15:
            raise InvalidInput(f"放假安排 {first} 至 {last} 超过15天,请核对。")
        day = first
        while day <= last:
            if day.year not in (year, year - 1, year + 1):
                raise InvalidInput(f"日期 {day} 不属于 {year} 年的安排。")
            days[day] = ("holiday", name)
            day += datetime.timedelta(days=1)
    for text in data.get("workdays") or []:
        day = parse_day(text, "调休上班日")
        if day.weekday() < 5:
            raise InvalidInput(f"调休上班日 {day} 不是周末,无需调休。")
        if days.get(day, ("",))[0] == "holiday":
            raise InvalidInput(f"{day} 不能既放假又调休上班。")
        days[day] = ("workday", "")
    return year, sorted((d, k, n) for d, (k, n) in days.items())


@transaction.atomic
def holidays_load(*, data: dict, actor=None, notice: str = "") -> dict:
    """Load (or replace) one year's schedule, then recompute every open clock it affects."""
    from . import audit, clocks

    year, days = parse_schedule(data)
    cy, created = CalendarYear.objects.select_for_update().get_or_create(
        year=year, defaults={"source": CalendarYear.Source.LOADED, "notice": notice}
    )
    before = {
        "days": [[d.isoformat(), k] for d, k in cy.days.values_list("date", "kind")],
        "source": cy.source,
    } if not created else None
    cy.days.all().delete()
    if CalendarDay.objects.filter(date__in=[d for d, _k, _n in days]).exists():
        raise DomainError("部分日期已属于其他年度的安排,请先在后台核对。")
    CalendarDay.objects.bulk_create([CalendarDay(date=d, kind=k, name=n, year=cy) for d, k, n in days])
    cy.source = CalendarYear.Source.LOADED
    cy.notice = notice or cy.notice
    cy.save()  # touches updated_at, which invalidates every cached calendar
    after = {"days": [[d.isoformat(), k] for d, k, _n in days], "source": cy.source}
    audit.record(actor=actor, action="calendar.load", obj=cy, before=before, after=after,
                 note=f"载入{year}年节假日安排")
    recomputed = clocks.recompute_crossing(year)
    return {"year": year, "days": len(days), "recomputed": recomputed}


def calendar_changed(year: int):
    """Mark a year as changed after an edit in the admin, and recompute its clocks."""
    from . import clocks

    CalendarYear.objects.filter(year=year).update(updated_at=datetime.datetime.now(datetime.timezone.utc))
    return clocks.recompute_crossing(year)
