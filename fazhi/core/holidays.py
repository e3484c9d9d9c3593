"""The holiday schedule as data: loading it from the database, seeding it from the
chinesecalendar package, and loading a new year's State Council notice."""

from __future__ import annotations

import datetime
import threading

from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone

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


NAME_MAX = 20  # CalendarDay.name


def parse_schedule(data: dict) -> tuple[int, list[tuple[datetime.date, str, str]]]:
    """Check a schedule like {"year": 2027, "holidays": [["2027-01-01", "2027-01-03"]],
    "workdays": ["2027-01-09"]}; ranges may carry a third element, the holiday's name, and a
    make-up day may be written [date, name]."""
    if not isinstance(data, dict):
        raise InvalidInput("节假日安排应为一个对象,包含 year、holidays、workdays。")
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
        # A notice may reach into the neighbouring years (2023's 元旦 began on 2022-12-31).
        if day.year not in (year, year - 1, year + 1):
            raise InvalidInput(f"日期 {day} 不属于 {year} 年的安排。")
        return day

    def parse_name(value):
        name = str(value).strip()
        if len(name) > NAME_MAX:
            raise InvalidInput(f"节日名称“{name}”过长(不超过{NAME_MAX}个字)。")
        return name

    holidays = data.get("holidays") or []
    workdays = data.get("workdays") or []
    if not isinstance(holidays, list) or not isinstance(workdays, list):
        raise InvalidInput("holidays 与 workdays 都应为列表。")
    for item in holidays:
        if not isinstance(item, (list, tuple)) or len(item) not in (2, 3):
            raise InvalidInput(f"放假安排“{item}”应写作[起始日, 结束日]或[起始日, 结束日, 节日名称]。")
        first, last = parse_day(item[0], "放假安排"), parse_day(item[1], "放假安排")
        name = parse_name(item[2]) if len(item) == 3 else ""
        if last < first:
            raise InvalidInput(f"放假安排 {first} 至 {last} 的结束日早于起始日。")
        if (last - first).days > 15:
            raise InvalidInput(f"放假安排 {first} 至 {last} 超过15天,请核对。")
        day = first
        while day <= last:
            days[day] = ("holiday", name)
            day += datetime.timedelta(days=1)
    if not days:
        # Every year has at least 元旦 (全国年节及纪念日放假办法); an empty list is a wrong file, and
        # loading it would make the year "known" and every provisional clock firm on weekends alone.
        raise InvalidInput(f"{year}年的安排中没有任何放假日期,请核对文件。")
    for item in workdays:
        if isinstance(item, (list, tuple)):
            if len(item) != 2:
                raise InvalidInput(f"调休上班日“{item}”应写作日期或[日期, 节日名称]。")
            text, name = item[0], parse_name(item[1])
        else:
            text, name = item, ""
        day = parse_day(text, "调休上班日")
        if day.weekday() < 5:
            # Already a working day: nothing to record (schedule_notes() tells the user so).
            continue
        if days.get(day, ("",))[0] == "holiday":
            raise InvalidInput(f"{day} 不能既放假又调休上班。")
        days[day] = ("workday", name)
    return year, sorted((d, k, n) for d, (k, n) in days.items())


def schedule_notes(data: dict) -> list[str]:
    """What a schedule says that changes nothing, for the user to see: a weekday listed as a
    make-up working day is a working day anyway."""
    notes = []
    for item in (data.get("workdays") or []) if isinstance(data, dict) else []:
        text = item[0] if isinstance(item, (list, tuple)) and item else item
        try:
            day = datetime.date.fromisoformat(str(text))
        except ValueError:
            continue
        if day.weekday() < 5:
            notes.append(f"{day} 是周{'一二三四五'[day.weekday()]},本来就是工作日,无需列为调休上班日,已忽略。")
    return notes


@transaction.atomic
def holidays_load(*, data: dict, actor=None, notice: str = "") -> dict:
    """Load (or replace) one year's schedule, then recompute every open clock it affects."""
    from . import audit, clocks

    year, days = parse_schedule(data)
    cy, created = CalendarYear.objects.select_for_update().get_or_create(
        year=year, defaults={"source": CalendarYear.Source.LOADED, "notice": notice}
    )
    old_days = [] if created else list(cy.days.values_list("date", "kind"))
    before = None if created else {
        "days": [[d.isoformat(), k] for d, k in old_days],
        "source": cy.source,
    }
    cy.days.all().delete()
    clashes = CalendarDay.objects.filter(date__in=[d for d, _k, _n in days]).order_by("date")
    if clashes.exists():
        # Raising rolls the whole load back, including the delete above.
        listed = "、".join(d.isoformat() for d in clashes.values_list("date", flat=True)[:5])
        raise DomainError(f"日期 {listed} 已属于其他年度的安排,请先在后台核对。")
    CalendarDay.objects.bulk_create([CalendarDay(date=d, kind=k, name=n, year=cy) for d, k, n in days])
    cy.source = CalendarYear.Source.LOADED
    cy.notice = notice or cy.notice
    cy.save()  # touches updated_at, which invalidates every cached calendar
    after = {"days": [[d.isoformat(), k] for d, k, _n in days], "source": cy.source}
    audit.record(actor=actor, action="calendar.load", obj=cy, before=before, after=after,
                 note=f"载入{year}年节假日安排")
    # A notice may reach into the neighbouring year (元旦 from 12-31), and a replaced schedule may
    # have done so: recompute the clocks of every year whose days changed.
    touched = {year} | {d.year for d, _k, _n in days} | {d.year for d, _k in old_days}
    recomputed = sum(clocks.recompute_crossing(y) for y in sorted(touched))
    return {
        "year": year,
        "days": len(days),
        "holidays": sum(1 for _d, k, _n in days if k == CalendarDay.Kind.HOLIDAY),
        "workdays": sum(1 for _d, k, _n in days if k == CalendarDay.Kind.WORKDAY),
        "recomputed": recomputed,
    }


@transaction.atomic
def holidays_seed(*, actor=None) -> dict:
    """Seed every year the chinesecalendar package covers that the table lacks, then recompute
    the open clocks those years make firm."""
    from . import audit, clocks

    before = set(CalendarYear.objects.values_list("year", flat=True))
    seed_from_package()
    added = sorted(set(CalendarYear.objects.values_list("year", flat=True)) - before)
    recomputed = 0
    for cy in CalendarYear.objects.filter(year__in=added).order_by("year"):
        audit.record(actor=actor, action="calendar.seed", obj=cy,
                     after={"days": [[d.isoformat(), k] for d, k in cy.days.values_list("date", "kind")],
                            "source": cy.source},
                     note=f"从 chinesecalendar 数据包补充{cy.year}年节假日安排")
        recomputed += clocks.recompute_crossing(cy.year)
    return {"years": added, "recomputed": recomputed}


@transaction.atomic
def calendar_changed(year: int):
    """Mark a year as changed after an edit in the admin, and recompute its clocks."""
    from . import clocks

    CalendarYear.objects.filter(year=year).update(updated_at=timezone.now())
    return clocks.recompute_crossing(year)
