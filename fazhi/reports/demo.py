"""Demo: 丰盛镇's 2023 report written from the demo records (the seed's facts), approved and
submitted to the district on time; not published, so that 2023 stays open for the other demo
loaders when ``load_demo`` runs again. 木洞镇's 2025 report is a draft the district sees as not
submitted."""

import datetime

from .models import AnnualReport
from .services import report_approve, report_create, report_submit


def load(world):
    fengsheng, mudong = world.fengsheng, world.mudong
    if not AnnualReport.objects.filter(town=fengsheng, year=2023).exists():
        clerk, leader = world.users["fengsheng_clerk"], world.users["fengsheng_leader"]
        report = report_create(actor=clerk, town=fengsheng, year=2023)
        report = report_approve(actor=leader, report=report, on=datetime.date(2024, 2, 20))
        report_submit(actor=leader, report=report, on=datetime.date(2024, 2, 26))
    if not AnnualReport.objects.filter(town=mudong, year=2025).exists():
        report_create(actor=world.users["mudong_clerk"], town=mudong, year=2025)
