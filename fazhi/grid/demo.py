"""Demo grids: a grid worker covering every grid of both towns since 2022, grid events of 2023
(resolved on the spot or routed to safety) and a few fresh reports of the last days."""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from fazhi.core import orgs
from fazhi.core.demo import DEMO_PASSWORD

from . import services
from .models import GridAssignment

NAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨"


@transaction.atomic
def load(world):
    if GridAssignment.objects.filter(town=world.fengsheng).exists():
        return
    rng = random.Random(7)
    for slug, town in world.towns.items():
        clerk = world.users[f"{slug}_clerk"]
        first = world.users[f"{slug}_grid"]
        workers = []
        for i, grid in enumerate(town.grids.select_related("village").order_by("village_id", "id")):
            worker = first if grid.pk == first.grid_id else orgs.user_ensure(
                username=f"{slug}_grid_{grid.village.slug}_{grid.slug}", password=DEMO_PASSWORD,
                display_name=f"网格员{NAMES[i % len(NAMES)]}{grid.village.name[:1]}", roles=["grid"], grid=grid)
            services.assignment_create(actor=clerk, grid=grid, worker=worker, start_date=datetime.date(2022, 3, 1))
            workers.append((grid, worker))
        if slug != "fengsheng":
            continue
        for n in range(36):
            grid, worker = workers[n % len(workers)]
            day = datetime.date(2023, 1, 10) + datetime.timedelta(days=n * 9)
            kind = "hazard" if n % 4 == 0 else "dispute"
            event = services.event_report(actor=worker, kind=kind, grid=grid, date=day,
                                          title="自建房墙体开裂" if kind == "hazard" else "邻里口角",
                                          description="网格走访发现。", location=f"{grid}")
            if kind == "hazard":
                event = services.event_route(actor=clerk, event=event, route="safety", date=day,
                                     hazard={"responsible": "房屋户主", "rectify_days": rng.choice([7, 15, 30])},
                                     note="转应急办督促整改")
                from fazhi.safety import services as safety_services

                safety_services.hazard_rectify(actor=clerk, hazard=event.hazard, rectification="已加固",
                                               date=day + datetime.timedelta(days=5))
            else:
                services.event_resolve(actor=worker, event=event, note="网格员当场劝解,双方和好。", date=day)
        today = timezone.localdate()
        grid, worker = workers[0]
        services.event_report(actor=worker, kind="dispute", grid=grid, date=today - datetime.timedelta(days=1),
                              title="土地流转租金纠纷", description="流转户与村民因租金发生争执。")
        services.event_report(actor=worker, kind="hazard", grid=grid, date=today,
                              title="河道护栏缺失", description="河道边护栏缺失约20米。")
