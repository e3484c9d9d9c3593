"""Working days and statutory periods, as pure functions over a ``Calendar``.

Counting rules (RULES.md §9):
- The start day is not counted; counting begins the next day (民法典 第二百零一条).
- Working days (工作日): Monday to Friday unless a day off of the State Council's schedule, plus
  weekend days designated make-up working days (调休上班).
- Calendar days (日): every day counts; when the last day is not a working day the period ends on
  the next working day (民法典 第二百零三条; 民事诉讼法 on 期间), unless ``roll`` is off.
- Months and years end on the corresponding day of the last month, or that month's last day
  when it has no such day (民法典 第二百零二条); the last day rolls forward as for days.
- A pause ``(a, b)`` leaves the days after ``a`` up to and including ``b`` uncounted: the wait
  (补正, third-party consultation) is not part of the period (政府信息公开条例 第三十三条第三款).
  An open pause ``(a, None)`` runs to ``today``.
- A date in a year with no loaded schedule is judged on weekends alone, and the result is
  marked provisional.
"""

from __future__ import annotations

import calendar as _stdlib_calendar
import datetime
from dataclasses import dataclass, field

HOLIDAY_NAMES_ZH = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "抗战胜利70周年纪念日",
}

UNIT_LABELS = {"wd": "个工作日", "d": "日", "m": "个月", "y": "年"}


@dataclass(frozen=True)
class Calendar:
    """Days off and make-up working days by date, and the years whose schedule is known."""

    holidays: dict = field(default_factory=dict)  # date -> holiday name (Chinese)
    workdays: dict = field(default_factory=dict)  # date -> holiday name the make-up day belongs to
    known_years: frozenset = frozenset()

    def is_known(self, day: datetime.date) -> bool:
        return day.year in self.known_years

    def is_workday(self, day: datetime.date) -> bool:
        if day in self.workdays:
            return True
        if day in self.holidays:
            return False
        return day.weekday() < 5

    def describe(self, day: datetime.date) -> str:
        """Why a day is or is not a working day, in Chinese."""
        if day in self.workdays:
            return f"调休上班({self.workdays[day]})" if self.workdays[day] else "调休上班"
        if day in self.holidays:
            return f"{self.holidays[day]}放假" if self.holidays[day] else "法定节假日放假"
        if day.weekday() >= 5:
            return "周末"
        return "工作日"


@dataclass
class Step:
    day: datetime.date
    counted: int | None  # the ordinal of the counted day, or None when skipped
    reason: str
    mark: str = ""  # shown instead of "第n日"/"不计" for lines that are neither (the rolled due date)


@dataclass
class Result:
    due: datetime.date
    provisional: bool
    steps: list[Step]

    def explain_lines(self) -> list[str]:
        lines = []
        for step in self.steps:
            weekday = "一二三四五六日"[step.day.weekday()]
            mark = step.mark or (f"第{step.counted}日" if step.counted else "不计")
            lines.append(f"{step.day.isoformat()}(周{weekday}) {mark}:{step.reason}")
        return lines


def _paused(day: datetime.date, pauses, today: datetime.date | None) -> bool:
    for start, end in pauses:
        end = end or today
        if end is None:
            # An open pause with no "today" given runs on indefinitely.
            if day > start:
                return True
            continue
        if start < day <= end:
            return True
    return False


def _as_date(value) -> datetime.date:
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(value)


def normalize_pauses(pauses) -> list[tuple[datetime.date, datetime.date | None]]:
    return [(_as_date(a), _as_date(b) if b else None) for a, b in (pauses or [])]


def add_workdays(cal: Calendar, start: datetime.date, n: int, *, pauses=(), today=None) -> Result:
    """The n-th working day after ``start`` (start not counted)."""
    pauses = normalize_pauses(pauses)
    steps: list[Step] = []
    provisional = False
    day = start
    counted = 0
    if n <= 0:
        return Result(start, not cal.is_known(start), steps)
    while counted < n:
        day += datetime.timedelta(days=1)
        if not cal.is_known(day):
            provisional = True
        if _paused(day, pauses, today):
            steps.append(Step(day, None, "期限暂停(不计入)"))
            continue
        if cal.is_workday(day):
            counted += 1
            reason = cal.describe(day)
            if not cal.is_known(day):
                reason += "(该年度节假日安排未公布,暂按周末计算)"
            steps.append(Step(day, counted, reason))
        else:
            steps.append(Step(day, None, cal.describe(day)))
    return Result(day, provisional, steps)


def _roll_forward(cal: Calendar, last: datetime.date, steps: list[Step]) -> tuple[datetime.date, bool]:
    """民法典 第二百零三条: a period whose last day is a rest day ends on the day after the rest."""
    provisional = not cal.is_known(last)
    day = last
    while not cal.is_workday(day):
        day += datetime.timedelta(days=1)
        if not cal.is_known(day):
            provisional = True
        if not cal.is_workday(day):
            steps.append(Step(day, None, cal.describe(day), mark="顺延"))
    if day != last:
        steps.append(Step(
            day, None,
            f"期间最后一日 {last.isoformat()} 为休息日({cal.describe(last)}),"
            "以休息日结束的次日为最后一日(民法典第二百零三条)",
            mark="届满日",
        ))
    return day, provisional


def add_days(cal: Calendar, start: datetime.date, n: int, *, roll=True, pauses=(), today=None) -> Result:
    """The n-th calendar day after ``start``; rolled to the next working day when it is not one."""
    pauses = normalize_pauses(pauses)
    steps: list[Step] = []
    provisional = False
    day = start
    counted = 0
    while counted < n:
        day += datetime.timedelta(days=1)
        if _paused(day, pauses, today):
            steps.append(Step(day, None, "期限暂停(不计入)"))
            continue
        counted += 1
        if counted == n or counted == 1:
            steps.append(Step(day, counted, cal.describe(day)))
    if not cal.is_known(day):
        provisional = True
    if roll:
        rolled, rolled_provisional = _roll_forward(cal, day, steps)
        day, provisional = rolled, provisional or rolled_provisional
    return Result(day, provisional, steps)


def _add_months_plain(start: datetime.date, months: int) -> datetime.date:
    month_index = start.month - 1 + months
    year = start.year + month_index // 12
    month = month_index % 12 + 1
    last = _stdlib_calendar.monthrange(year, month)[1]
    return datetime.date(year, month, min(start.day, last))


def add_months(cal: Calendar, start: datetime.date, n: int, *, roll=True, pauses=(), today=None) -> Result:
    """The corresponding day n months after ``start`` (民法典 第二百零二条), extended by paused days."""
    pauses = normalize_pauses(pauses)
    end = _add_months_plain(start, n)
    steps = [Step(end, None, f"{n}个月后的对应日(无对应日的为该月末日,民法典第二百零二条)", mark="对应日")]
    paused_days = 0
    day = start
    while day < end + datetime.timedelta(days=paused_days):
        day += datetime.timedelta(days=1)
        if _paused(day, pauses, today):
            paused_days += 1
    if paused_days:
        end += datetime.timedelta(days=paused_days)
        steps.append(Step(end, None, f"暂停的{paused_days}日不计入,顺延至此", mark="暂停顺延"))
    provisional = not cal.is_known(end)
    if roll:
        rolled, rolled_provisional = _roll_forward(cal, end, steps)
        end, provisional = rolled, provisional or rolled_provisional
    return Result(end, provisional, steps)


def compute_due(
    cal: Calendar,
    start: datetime.date,
    length: int,
    unit: str,
    *,
    roll: bool = True,
    extension: int = 0,
    pauses=(),
    today=None,
) -> Result:
    """The one place a due date is computed: the period plus any extension, less pauses."""
    total = length + (extension or 0)
    if unit == "wd":
        return add_workdays(cal, start, total, pauses=pauses, today=today)
    if unit == "d":
        return add_days(cal, start, total, roll=roll, pauses=pauses, today=today)
    if unit == "m":
        return add_months(cal, start, total, roll=roll, pauses=pauses, today=today)
    if unit == "y":
        return add_months(cal, start, total * 12, roll=roll, pauses=pauses, today=today)
    raise ValueError(f"unknown period unit {unit!r}")


def workdays_between(cal: Calendar, start: datetime.date, end: datetime.date) -> int:
    """Working days after ``start`` up to and including ``end`` (negative when end < start)."""
    if end < start:
        return -workdays_between(cal, end, start)
    count = 0
    day = start
    while day < end:
        day += datetime.timedelta(days=1)
        if cal.is_workday(day):
            count += 1
    return count
