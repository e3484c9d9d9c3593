"""What every module's transition does the same way.

A module's services.py starts with its transition table::

    TRANSITIONS = Transitions({
        "reply": Transition(_("答复"), sources=[Status.REGISTERED, Status.EXTENDED], target=Status.REPLIED,
                            roles=[Role.CLERK, Role.LEADER]),
        ...
    })

and each transition is one function ``<entity>_<verb>(*, actor, obj, ...)`` which:

    with transaction.atomic():
        case = lock(case)                       # select_for_update, re-read
        TRANSITIONS.check(case, "reply", actor) # state and role, Chinese refusal
        before = audit.snapshot(case)
        ... the rule's own checks, the change, clocks ...
        case.save(update_fields=[...])
        record_transition(actor, case, "reply", before)

The UI asks ``TRANSITIONS.available(case, user)`` which actions to offer.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db import models
from django.utils import timezone

from . import audit
from .errors import DomainError, InvalidInput


@dataclass(frozen=True)
class Transition:
    label: str
    sources: list = field(default_factory=list)
    target: str | None = None  # None: the status stays (an action recorded on the case)
    roles: list = field(default_factory=list)  # empty: any staff member who may see the case


class Transitions:
    def __init__(self, table: dict[str, Transition], status_field: str = "status"):
        self.table = table
        self.status_field = status_field

    def __getitem__(self, action: str) -> Transition:
        return self.table[action]

    def __iter__(self):
        return iter(self.table.items())

    def _status_label(self, obj) -> str:
        display = getattr(obj, f"get_{self.status_field}_display", None)
        return str(display()) if display else str(getattr(obj, self.status_field))

    def allows(self, obj, action: str, user=None) -> bool:
        transition = self.table[action]
        if getattr(obj, self.status_field) not in transition.sources:
            return False
        return user is None or _has_any_role(user, transition.roles)

    def check(self, obj, action: str, user=None):
        """Refuse, in Chinese, an action the current state or the user's role does not allow."""
        transition = self.table[action]
        if getattr(obj, self.status_field) not in transition.sources:
            raise DomainError(
                f"当前状态为“{self._status_label(obj)}”,不能执行“{transition.label}”。", code="bad_state"
            )
        if user is not None and not _has_any_role(user, transition.roles):
            raise DomainError(f"您的角色不能执行“{transition.label}”。", code="forbidden_role")

    def available(self, obj, user) -> list[tuple[str, str]]:
        return [(name, t.label) for name, t in self.table.items() if self.allows(obj, name, user)]


def _has_any_role(user, roles) -> bool:
    if not roles:
        return True
    if not hasattr(user, "has_role"):
        # A named process (a sweeper command, an importer) acts under the rule, not under a role.
        return True
    if getattr(user, "is_superuser", False):
        return True
    return user.has_role(*roles)


def lock(obj: models.Model) -> models.Model:
    """Re-read the row under a lock so that two transitions on one case run one after the other."""
    return type(obj)._default_manager.select_for_update().get(pk=obj.pk)


def record_transition(actor, obj, action: str, before: dict | None, note: str = "", **extra_after):
    after = audit.snapshot(obj)
    b, a = audit.diff(before, after)
    if extra_after:
        a = {**(a or {}), **audit.jsonable(extra_after)}
    return audit.record(actor=actor, action=f"{obj._meta.model_name}.{action}", obj=obj, before=b, after=a, note=note)


def record_create(actor, obj, note: str = ""):
    return audit.record(actor=actor, action=f"{obj._meta.model_name}.create", obj=obj, after=audit.snapshot(obj),
                        note=note)


def action_date(value, *, field_name: str = "date", not_before: datetime.date | None = None,
                not_before_label: str = "") -> datetime.date:
    """The day an action happened: today by default, never in the future, never before the case's
    own earlier step."""
    if value in (None, ""):
        value = timezone.localdate()
    elif isinstance(value, str):
        try:
            value = datetime.date.fromisoformat(value)
        except ValueError:
            raise InvalidInput(f"日期“{value}”格式不正确,应为YYYY-MM-DD。", field=field_name) from None
    if value > timezone.localdate():
        raise InvalidInput("日期不能晚于今天。", field=field_name)
    if not_before and value < not_before:
        raise InvalidInput(f"日期不能早于{not_before_label or not_before.isoformat()}。", field=field_name)
    return value
