"""Benchmarks: prints timings and query counts for the paths that grow with a town's records.

Runs in a throwaway test database (never the real one), so it can be run anywhere."""

import datetime
import random
import time

from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, setup_test_environment, teardown_test_environment

from fazhi.core import audit, clocks
from fazhi.core.clocks import ClockRule
from fazhi.core.demo import build_org, build_users
from fazhi.core.holidays import current_calendar
from fazhi.core.models import Village
from fazhi.core.workdays import compute_due

RULES = [
    ClockRule("BENCH-20WD", "答复期限", 20, "wd", "《政府信息公开条例》第三十三条"),
    ClockRule("BENCH-90D", "作出处罚决定期限", 90, "d", "《行政处罚法》第六十条"),
    ClockRule("BENCH-1M", "调解期限", 1, "m", "《人民调解工作若干规定》第三十三条"),
]


class Command(BaseCommand):
    help = "性能基准:期限计算、工作台与接口的耗时和查询次数(在临时测试库中运行)。"

    def add_arguments(self, parser):
        parser.add_argument("--clocks", type=int, default=2000, help="生成的期限数量")

    def handle(self, *args, **options):
        setup_test_environment()
        old_name = connection.settings_dict["NAME"]
        connection.creation.create_test_db(verbosity=0, autoclobber=True)
        try:
            self._run(options["clocks"])
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)
            teardown_test_environment()

    def _line(self, name, value):
        self.stdout.write(f"{name:<48} {value}")

    def _run(self, n_clocks):
        rng = random.Random(2023)
        world = build_org()
        build_users(world)
        cal = current_calendar()

        started = time.perf_counter()
        for i in range(10_000):
            day = datetime.date(2023, 1, 1) + datetime.timedelta(days=i % 1400)
            compute_due(cal, day, 20, "wd")
        self._line("compute_due 20wd (per call)", f"{(time.perf_counter() - started) / 10_000 * 1e6:.1f} µs")

        villages = list(Village.objects.all())
        started = time.perf_counter()
        for i in range(n_clocks):
            village = villages[i % len(villages)]
            rule = RULES[i % len(RULES)]
            # A distinct rule code per clock: one clock per rule per subject is a constraint.
            unique = ClockRule(f"{rule.code}-{i}", rule.label, rule.length, rule.unit, rule.article)
            start = datetime.date(2026, 1, 1) + datetime.timedelta(days=rng.randrange(330))
            clocks.start(subject=village, rule=unique, start=start)
        elapsed = time.perf_counter() - started
        self._line(f"clocks.start × {n_clocks}", f"{elapsed:.2f} s ({n_clocks / elapsed:.0f}/s)")

        client = Client()
        for username in ["fengsheng_clerk", "banan_supervisor"]:
            client.force_login(world.users[username])
            for path in ["/workbench/?within=20", "/api/v1/clocks/?within=20", "/clocks/"]:
                client.get(path)  # warm
                with CaptureQueriesContext(connection) as ctx:
                    started = time.perf_counter()
                    response = client.get(path)
                    elapsed = time.perf_counter() - started
                self._line(f"{username} GET {path}",
                           f"{elapsed * 1000:.0f} ms, {len(ctx.captured_queries)} queries, HTTP {response.status_code}")

        started = time.perf_counter()
        for i in range(1000):
            audit.record(actor=None, action="bench.event", obj=villages[i % len(villages)], after={"i": i})
        elapsed = time.perf_counter() - started
        self._line("audit.record × 1000", f"{elapsed:.2f} s ({1000 / elapsed:.0f}/s)")
        started = time.perf_counter()
        whole, _bad, checked, _reason = audit.verify()
        self._line(f"audit.verify ({checked} events, whole={whole})", f"{time.perf_counter() - started:.2f} s")
