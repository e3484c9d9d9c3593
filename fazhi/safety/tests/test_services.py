import datetime

import pytest

from fazhi.core import clocks
from fazhi.core.errors import DomainError, InvalidInput
from fazhi.core.models import Clock
from fazhi.safety import services
from fazhi.safety.figures import figures
from fazhi.safety.models import Hazard, Patrol

D = datetime.date


def _hazard(users, world, found=None, days=10):
    found = found or D(2026, 9, 20)
    return services.hazard_create(actor=users["fengsheng_clerk"], town=world.fengsheng, found_date=found,
                                  title="加油站消防通道堵塞", responsible="某加油站", rectify_days=days)


def test_hazard_clock_rolls_over_national_day(users, world):
    # Found 2026-09-20 with 10 days: day 10 is 09-30, a working day.
    assert _hazard(users, world).due_date == D(2026, 9, 30)
    # 15 days from 09-20 is 10-05, inside 国庆 (10-01..10-07): rolls to 10-08.
    h = _hazard(users, world, days=15)
    assert h.due_date == D(2026, 10, 8)
    assert clocks.get(h, services.RECTIFICATION).due_date == D(2026, 10, 8)


def test_rectified_on_time_and_late(users, world):
    clerk = users["fengsheng_clerk"]
    on_time = services.hazard_rectify(actor=clerk, hazard=_hazard(users, world), rectification="已清理",
                                      date=D(2026, 9, 30))
    assert on_time.on_time is True and on_time.status == Hazard.Status.RECTIFIED
    late = services.hazard_rectify(actor=clerk, hazard=_hazard(users, world), rectification="已清理",
                                   date=D(2026, 10, 1))
    assert late.on_time is False
    assert clocks.get(late, services.RECTIFICATION).state == Clock.State.BREACHED
    f = figures(world.fengsheng, 2026)
    assert (f["safety.hazards_rectified"], f["safety.hazards_rectified_on_time"]) == (2, 1)
    with pytest.raises(DomainError, match="不能执行"):
        services.hazard_rectify(actor=clerk, hazard=late, rectification="again")


def test_hazard_refusals_change_nothing(users, world):
    with pytest.raises(InvalidInput, match="整改期限"):
        _hazard(users, world, days=0)
    h = _hazard(users, world)
    with pytest.raises(InvalidInput, match="早于"):
        services.hazard_rectify(actor=users["fengsheng_clerk"], hazard=h, rectification="x", date=D(2026, 9, 1))
    with pytest.raises(DomainError, match="角色"):
        services.hazard_rectify(actor=users["fengsheng_grid"], hazard=h, rectification="x")
    h.refresh_from_db()
    assert h.status == Hazard.Status.OPEN and Hazard.objects.count() == 1


def test_patrol(users, world):
    p = services.patrol_create(actor=users["fengsheng_clerk"], town=world.fengsheng, date=D(2026, 3, 1),
                               route="场镇—双碑村", participants="派出所民警2人、平安办3人", people_count=5,
                               kind=Patrol.Kind.POLICE)
    assert p.pk and figures(world.fengsheng, 2026)["safety.patrols"] == 1
    with pytest.raises(InvalidInput, match="至少"):
        services.patrol_create(actor=users["fengsheng_clerk"], town=world.fengsheng, date=None, route="r",
                               participants="p", people_count=1)


def test_patrol_ledger_round_trip(tmp_path, users, world):
    from django.core.management import call_command
    from openpyxl import load_workbook

    services.patrol_create(actor=users["fengsheng_clerk"], town=world.fengsheng, date=D(2026, 3, 1), route="场镇",
                           participants="民警2人", people_count=2)
    out = tmp_path / "patrols.xlsx"
    call_command("ledger", "export", "safety.patrols", "--town", "fengsheng", "--output", str(out))
    call_command("ledger", "import", "safety.patrols", "--town", "mudong", str(out), stdout=__import__("io").StringIO())
    assert Patrol.objects.filter(town=world.mudong, route="场镇").count() == 1
    assert load_workbook(out).active["A2"].value.date() == D(2026, 3, 1)
