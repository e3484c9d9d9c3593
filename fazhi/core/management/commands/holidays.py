"""``manage.py holidays load FILE | show YEAR | seed``: the State Council's holiday schedule as
data. Each November the next year's notice is loaded from a small JSON file; every open clock
it affects is recomputed in the same transaction."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

from django.core.management.base import CommandError
from django.db.models import Q

from fazhi.core.errors import DomainError
from fazhi.core.holidays import holidays_load, holidays_seed, schedule_notes
from fazhi.core.management.base import ChineseUsageCommand
from fazhi.core.models import CalendarDay, CalendarYear

ACTOR = "命令行(manage.py holidays)"
WEEKDAYS = "一二三四五六日"
USAGE = "用法:holidays load 文件 [--notice 依据文件] | holidays show 年份 | holidays seed"


def _day(day: datetime.date) -> str:
    return f"{day.isoformat()}(周{WEEKDAYS[day.weekday()]})"


def _runs(days):
    """Consecutive days off as (first, last, names in order)."""
    runs = []
    for d in days:
        if runs and d.date == runs[-1][1] + datetime.timedelta(days=1):
            runs[-1][1] = d.date
        else:
            runs.append([d.date, d.date, []])
        if d.name and d.name not in runs[-1][2]:
            runs[-1][2].append(d.name)
    return runs


class Command(ChineseUsageCommand):
    help = "节假日安排:load 载入国务院办公厅通知(JSON 文件);show 列出某年安排;seed 从 chinesecalendar 数据包补充缺少的年度。"

    usage = USAGE

    def add_arguments(self, parser):
        # Validated in handle() rather than by argparse, so that every mistake is told in Chinese.
        parser.add_argument("action", nargs="?", help="load、show 或 seed")
        parser.add_argument("target", nargs="?", help="load:JSON 文件路径;show:年份")
        parser.add_argument("--notice", default="", help="依据文件,例如通知的文号和日期")

    def handle(self, *args, action=None, target=None, notice="", **options):
        if action == "load":
            self.load(target, notice)
        elif action == "show":
            self.show(target)
        elif action == "seed":
            self.seed()
        else:
            raise CommandError(f"未知的操作“{action or ''}”。{USAGE}")

    def load(self, path, notice):
        if not path:
            raise CommandError(f"请给出节假日安排文件。{USAGE}")
        try:
            text = Path(path).read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise CommandError(f"找不到文件“{path}”。") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"无法读取文件“{path}”:{exc}") from None
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise CommandError(f"文件“{path}”不是有效的 JSON(第{exc.lineno}行第{exc.colno}列)。") from None
        try:
            result = holidays_load(data=data, actor=ACTOR, notice=notice.strip())
        except DomainError as exc:
            raise CommandError(f"未载入,节假日安排没有变更:{exc.message}") from None
        self.stdout.write(
            f"已载入{result['year']}年节假日安排:共{result['days']}天"
            f"(放假{result['holidays']}天,调休上班{result['workdays']}天)。"
        )
        self.stdout.write(f"重新计算了{result['recomputed']}个未结束的期限(届满日或暂定状态有变化)。")
        for note in schedule_notes(data):
            self.stderr.write(f"提示:{note}")

    def show(self, target):
        try:
            year = int(target)
        except (TypeError, ValueError):
            raise CommandError(f"请给出年份,例如 holidays show 2026。{USAGE}") from None
        cy = CalendarYear.objects.filter(year=year).first()
        if cy is None:
            raise CommandError(
                f"{year}年的节假日安排尚未载入:该年度的期限暂按周末计算。"
                "国务院办公厅公布后,请用 holidays load 载入。"
            )
        # A run of days off is shown whole when it touches the year: 2023's 元旦 began on
        # 2022-12-31, and the package stores that day under 2022.
        days = list(
            CalendarDay.objects.filter(Q(year=cy) | Q(date__year__in=(year - 1, year, year + 1))).order_by("date")
        )
        source = cy.get_source_display()
        self.stdout.write(f"{year}年节假日安排(来源:{source}" + (f";依据:{cy.notice}" if cy.notice else "") + ")")
        runs = [
            run for run in _runs([d for d in days if d.kind == CalendarDay.Kind.HOLIDAY])
            if run[0].year <= year <= run[1].year
        ]
        self.stdout.write(f"放假({sum((last - first).days + 1 for first, last, _n in runs)}天):")
        for first, last, names in runs:
            label = "、".join(names) or "法定节假日"
            count = (last - first).days + 1
            span = _day(first) if first == last else f"{_day(first)} 至 {_day(last)}"
            self.stdout.write(f"  {span} {label},共{count}天")
        makeup = [d for d in days if d.kind == CalendarDay.Kind.WORKDAY and (d.date.year == year or d.year_id == cy.pk)]
        self.stdout.write(f"调休上班({len(makeup)}天):" if makeup else "调休上班:无")
        for d in makeup:
            self.stdout.write(f"  {_day(d.date)}" + (f" {d.name}" if d.name else ""))

    def seed(self):
        result = holidays_seed(actor=ACTOR)
        if not result["years"]:
            self.stdout.write("chinesecalendar 数据包覆盖的年度都已载入,无需补充。")
            return
        listed = "、".join(str(y) for y in result["years"])
        self.stdout.write(f"已从 chinesecalendar 数据包补充{len(result['years'])}个年度:{listed}。")
        self.stdout.write(f"重新计算了{result['recomputed']}个未结束的期限(届满日或暂定状态有变化)。")
