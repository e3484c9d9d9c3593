import datetime

import pytest

from fazhi.core import orgs
from fazhi.core.errors import DomainError, InvalidInput
from fazhi.core.models import Grid
from fazhi.disputes.models import Source
from fazhi.grid import services
from fazhi.grid.figures import figures
from fazhi.grid.models import GridEvent

D = datetime.date
PARTIES = [{"name": "王五", "role": "applicant"}, {"name": "赵六", "role": "respondent"}]


def test_coverage_rate(users, world):
    clerk, worker = users["fengsheng_clerk"], users["fengsheng_grid"]
    grids = list(Grid.objects.filter(town=world.fengsheng).order_by("id"))
    assert services.coverage(world.fengsheng)["rate"] == 0
    services.assignment_create(actor=clerk, grid=grids[0], worker=worker, start_date=D(2026, 1, 1))
    cov = services.coverage(world.fengsheng, D(2026, 6, 1))
    assert cov["grids_covered"] == 1 and cov["rate"] == round(100 / len(grids), 1)
    for g in grids[1:]:
        services.assignment_create(actor=clerk, grid=g, worker=worker, start_date=D(2026, 1, 1))
    assert figures(world.fengsheng, 2026)["grid.coverage_rate"] == 100.0
    assert services.coverage(world.fengsheng, D(2025, 12, 31))["rate"] == 0  # before the assignments


def test_assignment_refusals(users, world):
    grid = users["fengsheng_grid"].grid
    with pytest.raises(InvalidInput, match="不是网格员"):
        services.assignment_create(actor=users["fengsheng_clerk"], grid=grid, worker=users["fengsheng_clerk"])
    with pytest.raises(InvalidInput, match="镇街"):
        services.assignment_create(actor=users["fengsheng_clerk"], grid=grid, worker=users["mudong_grid"])
    with pytest.raises(DomainError, match="角色"):
        services.assignment_create(actor=users["fengsheng_grid"], grid=grid, worker=users["fengsheng_grid"])
    a = services.assignment_create(actor=users["fengsheng_clerk"], grid=grid, worker=users["fengsheng_grid"])
    with pytest.raises(DomainError, match="已是"):
        services.assignment_create(actor=users["fengsheng_clerk"], grid=grid, worker=users["fengsheng_grid"])
    services.assignment_end(actor=users["fengsheng_clerk"], assignment=a)
    with pytest.raises(DomainError, match="终止"):
        services.assignment_end(actor=users["fengsheng_clerk"], assignment=a)


def test_event_routed_into_a_dispute(users, world):
    worker = users["fengsheng_grid"]
    e = services.event_report(actor=worker, kind="dispute", title="地界纠纷", description="两户争地界",
                              date=D(2026, 11, 2))
    assert e.grid_id == worker.grid_id
    with pytest.raises(DomainError, match="角色"):
        services.event_route(actor=worker, event=e, route="disputes", dispute={"parties": PARTIES})
    e = services.event_route(actor=users["fengsheng_clerk"], event=e, route="disputes",
                             dispute={"parties": PARTIES, "category": "land"}, date=D(2026, 11, 3))
    assert e.status == GridEvent.Status.ROUTED and e.dispute.source == Source.GRID
    assert e.dispute.grid_id == worker.grid_id and e.dispute.category == "land"
    assert figures(world.fengsheng, 2026)["grid.events_to_disputes"] == 1


def test_event_routed_into_a_hazard_and_to_enforcement(users, world):
    clerk = users["fengsheng_clerk"]
    e = services.event_report(actor=users["fengsheng_grid"], kind="hazard", title="危房", description="墙体开裂")
    e = services.event_route(actor=clerk, event=e, route="safety",
                             hazard={"responsible": "房主", "rectify_days": 15})
    assert e.hazard.grid_id == e.grid_id and e.hazard.rectify_days == 15
    e2 = services.event_report(actor=users["fengsheng_grid"], kind="enforcement", title="违建", description="d")
    with pytest.raises(InvalidInput, match="处理说明"):
        services.event_route(actor=clerk, event=e2, route="enforcement")
    e2.refresh_from_db()
    assert e2.status == GridEvent.Status.REPORTED
    services.event_route(actor=clerk, event=e2, route="enforcement", note="移交综合行政执法办")


def test_failed_routing_leaves_nothing(users, world):
    e = services.event_report(actor=users["fengsheng_grid"], kind="dispute", title="t", description="d")
    with pytest.raises(InvalidInput):
        services.event_route(actor=users["fengsheng_clerk"], event=e, route="disputes", dispute={"parties": []})
    e.refresh_from_db()
    assert e.status == GridEvent.Status.REPORTED and e.dispute_id is None


def test_grid_worker_reports_only_own_grid_and_resolves(users, world):
    other = Grid.objects.filter(town=world.fengsheng).exclude(pk=users["fengsheng_grid"].grid_id).first()
    with pytest.raises(DomainError, match="本网格"):
        services.event_report(actor=users["fengsheng_grid"], kind="dispute", title="t", description="d", grid=other)
    e = services.event_report(actor=users["fengsheng_grid"], kind="dispute", title="t", description="d")
    e = services.event_resolve(actor=users["fengsheng_grid"], event=e, note="当场劝解")
    assert e.status == GridEvent.Status.RESOLVED
    assert figures(world.fengsheng, e.reported_date.year)["grid.events_resolved"] == 1


def test_village_user_cannot_report_other_village(users, world):
    grid = users["fengsheng_grid"].grid
    other = Grid.objects.filter(town=world.fengsheng).exclude(village=grid.village).first()
    vm = orgs.user_create(username="vm2", password="Fazhi@2023xx", roles=["mediator"], village=grid.village)
    with pytest.raises(DomainError, match="辖区"):
        services.event_report(actor=vm, kind="dispute", title="t", description="d", grid=other)
