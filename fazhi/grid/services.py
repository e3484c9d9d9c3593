"""Grid workers' assignments, coverage, and grid events routed into disputes, safety or enforcement."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from fazhi.core import audit, workflow, yearlock
from fazhi.core.errors import DomainError, InvalidInput
from fazhi.core.models import Grid, Role, Town, User, Village
from fazhi.core.workflow import Transition, Transitions

from .models import GridAssignment, GridEvent

MANAGERS = [Role.CLERK, Role.LEADER]

TRANSITIONS = Transitions({
    "route": Transition(_("分流"), sources=[GridEvent.Status.REPORTED], target=GridEvent.Status.ROUTED,
                        roles=[Role.CLERK, Role.LEADER, Role.MEDIATOR]),
    "resolve": Transition(_("就地化解"), sources=[GridEvent.Status.REPORTED], target=GridEvent.Status.RESOLVED,
                          roles=[Role.GRID, Role.CLERK, Role.MEDIATOR, Role.LEADER]),
})

REPORTERS = [Role.GRID, Role.CLERK, Role.MEDIATOR, Role.LEADER]


def _roles(actor, roles, what):
    if not (actor.is_superuser or actor.has_role(*roles)):
        raise DomainError(f"您的角色不能{what}。", code="forbidden_role")


def assignment_create(*, actor, grid: Grid, worker: User, start_date=None, note: str = "") -> GridAssignment:
    _roles(actor, MANAGERS, "配备网格员")
    on = workflow.action_date(start_date, field_name="start_date")
    if not worker.has_role(Role.GRID):
        raise InvalidInput("所选人员不是网格员。", field="worker")
    if worker.town_id != grid.town_id:
        raise InvalidInput("网格员应属于该网格所在的镇街。", field="worker")
    if not actor.is_superuser and actor.town_id != grid.town_id:
        raise DomainError("只能为本镇街的网格配备网格员。", code="forbidden_place")
    with transaction.atomic():
        yearlock.ensure_open(grid.town_id, on)
        if GridAssignment.objects.filter(grid=grid, worker=worker, end_date__isnull=True).exists():
            raise DomainError(f"{worker}已是{grid}的网格员。", code="duplicate")
        assignment = GridAssignment.objects.create(
            town_id=grid.town_id, village_id=grid.village_id, grid=grid, worker=worker, worker_label=worker.label,
            start_date=on, note=(note or "").strip()[:200])
        workflow.record_create(actor, assignment)
    return assignment


def assignment_end(*, actor, assignment: GridAssignment, end_date=None) -> GridAssignment:
    _roles(actor, MANAGERS, "调整网格员")
    with transaction.atomic():
        assignment = workflow.lock(assignment)
        if assignment.end_date:
            raise DomainError("该配备已经终止。", code="bad_state")
        on = workflow.action_date(end_date, field_name="end_date", not_before=assignment.start_date,
                                  not_before_label="起始日期")
        yearlock.ensure_open(assignment.town_id, on)
        before = audit.snapshot(assignment)
        assignment.end_date = on
        assignment.save(update_fields=["end_date"])
        workflow.record_transition(actor, assignment, "end", before)
    return assignment


def coverage(town: Town, on=None) -> dict:
    """Grids and villages covered on ``on`` by at least one assigned grid worker (a village is
    covered when every one of its grids is)."""
    on = on or timezone.localdate()
    grids = list(Grid.objects.filter(town=town).values_list("pk", "village_id"))
    covered = set(GridAssignment.objects.filter(town=town).active_on(on).values_list("grid_id", flat=True))
    villages: dict[int, bool] = {}
    for pk, village_id in grids:
        villages[village_id] = villages.get(village_id, True) and pk in covered
    total = len(grids)
    n_covered = sum(1 for pk, _v in grids if pk in covered)
    return {
        "grids": total, "grids_covered": n_covered,
        "villages": Village.objects.filter(town=town).count(),
        "villages_covered": sum(1 for ok in villages.values() if ok),
        "rate": round(n_covered * 100 / total, 1) if total else 0.0,
    }


def event_report(*, actor, kind: str, title: str, description: str, date=None, location: str = "",
                 grid: Grid | None = None) -> GridEvent:
    """A report from the field; a grid worker reports from their own grid."""
    _roles(actor, REPORTERS, "上报网格事件")
    if kind not in GridEvent.Kind.values:
        raise InvalidInput("事件类别不正确。", field="kind")
    on = workflow.action_date(date)
    if actor.grid_id:
        if grid is not None and grid.pk != actor.grid_id:
            raise DomainError("网格员只能上报本网格的事件。", code="forbidden_place", field="grid")
        grid = actor.grid
    if grid is None:
        raise InvalidInput("请选择网格。", field="grid")
    if not actor.is_superuser and (grid.town_id != actor.town_id
                                   or (actor.village_id and grid.village_id != actor.village_id)):
        raise DomainError("只能上报本辖区的事件。", code="forbidden_place", field="grid")
    title = (title or "").strip()
    description = (description or "").strip()
    if not title or not description:
        raise InvalidInput("请填写事件和情况。", field="title")
    with transaction.atomic():
        yearlock.ensure_open(grid.town_id, on)
        event = GridEvent.objects.create(
            town_id=grid.town_id, village_id=grid.village_id, grid=grid, kind=kind, reported_date=on,
            title=title[:100], description=description, location=(location or "").strip()[:100],
            reporter=actor, reporter_label=actor.label)
        workflow.record_create(actor, event)
    return event


def event_route(*, actor, event: GridEvent, route: str, note: str = "", date=None, dispute: dict | None = None,
                hazard: dict | None = None) -> GridEvent:
    """分流: into a dispute (through the disputes service), a safety hazard (through the safety
    service), or to 综合行政执法 (recorded here; that module takes it from its own intake)."""
    from fazhi.disputes import services as dispute_services
    from fazhi.disputes.models import Source
    from fazhi.safety import services as safety_services

    with transaction.atomic():
        event = workflow.lock(event)
        TRANSITIONS.check(event, "route", actor)
        on = workflow.action_date(date, not_before=event.reported_date, not_before_label="上报日期")
        yearlock.ensure_open(event.town_id, on)
        if route not in GridEvent.Route.values:
            raise InvalidInput("请选择分流去向。", field="route")
        before = audit.snapshot(event)
        fields = ["status", "routed_to", "routed_date", "routed_by_label", "routing_note"]
        if route == GridEvent.Route.DISPUTES:
            spec = dispute or {}
            event.dispute = dispute_services.dispute_create(
                actor=actor, town=event.town, source=Source.GRID, category=spec.get("category", "other"),
                received_date=on, title=event.title, description=event.description, parties=spec.get("parties"),
                grid=event.grid, amount=spec.get("amount") or 0, people_involved=spec.get("people_involved") or 2,
                risk_level=spec.get("risk_level") or "low")
            fields.append("dispute")
        elif route == GridEvent.Route.SAFETY:
            spec = hazard or {}
            event.hazard = safety_services.hazard_create(
                actor=actor, town=event.town, found_date=on, title=event.title, location=event.location,
                responsible=spec.get("responsible", ""), rectify_days=spec.get("rectify_days") or 0,
                level=spec.get("level") or "general", grid=event.grid, check_roles=False)
            fields.append("hazard")
        elif not (note or "").strip():
            raise InvalidInput("移交综合行政执法须写明处理说明。", field="note")
        event.status = GridEvent.Status.ROUTED
        event.routed_to = route
        event.routed_date = on
        event.routed_by_label = actor.label
        event.routing_note = (note or "").strip()[:300]
        event.save(update_fields=fields)
        workflow.record_transition(actor, event, "route", before)
    return event


def event_resolve(*, actor, event: GridEvent, note: str, date=None) -> GridEvent:
    """就地化解: settled in the grid on the spot (counts as 预防纠纷 in the statistics)."""
    with transaction.atomic():
        event = workflow.lock(event)
        TRANSITIONS.check(event, "resolve", actor)
        if actor.grid_id and actor.grid_id != event.grid_id:
            raise DomainError("网格员只能处理本网格的事件。", code="forbidden_place")
        on = workflow.action_date(date, not_before=event.reported_date, not_before_label="上报日期")
        yearlock.ensure_open(event.town_id, on)
        if not (note or "").strip():
            raise InvalidInput("请写明化解情况。", field="note")
        before = audit.snapshot(event)
        event.status = GridEvent.Status.RESOLVED
        event.routed_date = on
        event.routed_by_label = actor.label
        event.routing_note = note.strip()[:300]
        event.save(update_fields=["status", "routed_date", "routed_by_label", "routing_note"])
        workflow.record_transition(actor, event, "resolve", before)
    return event
