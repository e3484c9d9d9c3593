"""``manage.py deadline START LENGTH``: the due date of a statutory period, on the official
working-day calendar the platform holds. The last stdout line is the date alone, for scripts."""

from __future__ import annotations

import datetime
import re

from django.core.management.base import CommandError

from fazhi.core.holidays import current_calendar
from fazhi.core.management.base import ChineseUsageCommand
from fazhi.core.workdays import UNIT_LABELS, compute_due

LENGTH_RE = re.compile(r"^\s*(\d+)\s*(wd|d|m|y)\s*$", re.IGNORECASE)
# Far beyond any statutory period; keeps a typo from counting for minutes (or past year 9999).
MAX_LENGTH = {"wd": 2000, "d": 36500, "m": 1200, "y": 100}
WEEKDAYS = "一二三四五六日"
USAGE = "用法:deadline 起算日 期限 [--no-roll] [--explain],例如 deadline 2025-09-28 20wd。"


def parse_start(text: str | None) -> datetime.date:
    if not text:
        raise CommandError("请给出起算日,格式为YYYY-MM-DD,例如 2025-09-28。")
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
            raise ValueError
        return datetime.date.fromisoformat(text.strip())
    except ValueError:
        raise CommandError(f"起算日“{text}”不是有效的日期,格式应为YYYY-MM-DD,例如 2025-09-28。") from None


def parse_length(text: str | None) -> tuple[int, str]:
    if not text:
        raise CommandError("请给出期限,例如 20wd(工作日)、15d(日)、1m(月)、1y(年)。")
    match = LENGTH_RE.match(text)
    if not match:
        raise CommandError(f"期限“{text}”格式不正确,应写作如 20wd(工作日)、15d(日)、1m(月)、1y(年)。")
    n, unit = int(match.group(1)), match.group(2).lower()
    if n <= 0:
        raise CommandError("期限长度应为正整数。")
    if n > MAX_LENGTH[unit]:
        raise CommandError(f"期限“{text}”过长,不超过{MAX_LENGTH[unit]}{UNIT_LABELS[unit]}。")
    return n, unit


def _weekday(day: datetime.date) -> str:
    return f"周{WEEKDAYS[day.weekday()]}"


class Command(ChineseUsageCommand):
    help = "计算法定期限的届满日:起算日当日不计入,按国务院办公厅公布的节假日安排计算工作日。"

    usage = USAGE

    def add_arguments(self, parser):
        # Optional at the parser so that a missing argument gets our Chinese message.
        parser.add_argument("start", nargs="?", help="起算日 YYYY-MM-DD(当日不计入)")
        parser.add_argument("length", nargs="?", help="期限:20wd 工作日、15d 日、1m 月、1y 年")
        parser.add_argument("--no-roll", action="store_true",
                            help="以日、月、年计算的期间,最后一日为休息日时不顺延")
        parser.add_argument("--explain", action="store_true", help="逐日列出计算过程")

    def handle(self, *args, start=None, length=None, no_roll=False, explain=False, **options):
        start_date = parse_start(start)
        n, unit = parse_length(length)
        cal = current_calendar()
        try:
            result = compute_due(cal, start_date, n, unit, roll=not no_roll)
        except OverflowError:
            raise CommandError("计算结果超出可表示的日期范围。") from None

        if explain:
            self._explain(start_date, n, unit, not no_roll, result)
        if result.provisional:
            first = start_date + datetime.timedelta(days=1)
            years = [y for y in range(first.year, result.due.year + 1) if y not in cal.known_years]
            listed = "、".join(f"{y}年" for y in years) or f"{result.due.year}年"
            self.stderr.write(
                f"注意:{listed}的节假日安排尚未载入,该年度暂按周末计算,届满日 {result.due} 为暂定结果;"
                "国务院办公厅公布安排后,请用 holidays load 载入并复核。"
            )
        self.stdout.write(result.due.isoformat())

    def _explain(self, start, n, unit, roll, result):
        out = self.stdout
        out.write(f"起算日:{start}({_weekday(start)}),当日不计入,自次日开始计算(民法典第二百零一条)。")
        out.write(f"期限:{n}{UNIT_LABELS[unit]}。")
        if unit == "wd":
            out.write("只计工作日:周末和法定节假日不计,调休上班日计入。")
        elif roll:
            out.write("期间最后一日为休息日的,以休息日结束的次日为最后一日(民法典第二百零三条)。")
        else:
            out.write("不顺延:期间最后一日为休息日的,仍以该日为最后一日。")
        for line in result.explain_lines():
            out.write(line)
        out.write(f"届满日:{result.due}({_weekday(result.due)})。")
