"""The append-only, hash-chained audit log.

``record()`` is called inside each service's transaction, never from a signal. Each event
stores the SHA-256 of its own canonical content, which includes the previous event's hash, so
that ``verify()`` can name the first event that was altered, removed or inserted.
"""

from __future__ import annotations

import datetime
import decimal
import hashlib
import json
import uuid

from django.db import models, transaction
from django.utils import timezone

from .models import AuditEvent, AuditHead
from .personal import PersonalDataField, mask

GENESIS = "0" * 64
SYSTEM_LABEL = "系统"


def _json_default(value):
    if isinstance(value, (datetime.date, datetime.datetime, datetime.time)):
        return value.isoformat()
    if isinstance(value, (decimal.Decimal, uuid.UUID)):
        return str(value)
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    return str(value)


def jsonable(value):
    return json.loads(json.dumps(value, default=_json_default, ensure_ascii=False))


def snapshot(obj: models.Model, fields=None) -> dict:
    """A JSON-safe picture of a row's concrete fields; personal data only ever masked."""
    out = {}
    for f in obj._meta.concrete_fields:
        if fields is not None and f.name not in fields:
            continue
        if f.name.endswith("_digest"):
            continue
        value = getattr(obj, f.attname)
        if isinstance(f, PersonalDataField):
            value = mask(f.kind, value)
        elif isinstance(f, models.FileField):
            value = value.name if value else ""
        out[f.name] = value
    return jsonable(out)


def diff(before: dict | None, after: dict | None) -> tuple[dict | None, dict | None]:
    """Only the fields that changed."""
    if not before or not after:
        return before, after
    keys = [k for k in after if before.get(k) != after.get(k)]
    return {k: before.get(k) for k in keys}, {k: after[k] for k in keys}


def _canonical(event: AuditEvent) -> bytes:
    payload = {
        "actor_id": event.actor_id,
        "actor_label": event.actor_label,
        "at": event.at.astimezone(datetime.UTC).isoformat(timespec="microseconds"),
        "action": event.action,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "object_repr": event.object_repr,
        "town_id": event.town_id,
        "before": event.before,
        "after": event.after,
        "note": event.note,
        "prev_hash": event.prev_hash,
    }
    return json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def compute_hash(event: AuditEvent) -> str:
    return hashlib.sha256(_canonical(event)).hexdigest()


def _town_id_of(obj) -> int | None:
    if obj is None:
        return None
    if obj._meta.label == "core.Town":
        return obj.pk
    return getattr(obj, "town_id", None)


def record(*, actor, action: str, obj=None, before=None, after=None, note: str = "",
           town_id: int | None = None, object_type: str | None = None, object_id=None,
           object_repr: str | None = None) -> AuditEvent:
    """Append one event to the chain, in the caller's transaction."""
    with transaction.atomic():
        # The head row is locked so that concurrent writers append one after the other.
        head = AuditHead.objects.select_for_update().filter(pk=1).first()
        if head is None:
            head, _ = AuditHead.objects.get_or_create(pk=1, defaults={"last_hash": GENESIS})
            head = AuditHead.objects.select_for_update().get(pk=1)
        actor_is_user = getattr(actor, "pk", None) is not None
        if actor_is_user:
            actor_label = actor.label
        elif isinstance(actor, str) and actor:
            actor_label = actor  # a named process, e.g. an importer or a sweeper
        else:
            actor_label = SYSTEM_LABEL
        event = AuditEvent(
            actor_id=actor.pk if actor_is_user else None,
            actor_label=actor_label,
            at=timezone.now(),
            action=action,
            object_type=object_type or (obj._meta.label_lower if obj is not None else ""),
            object_id=str(object_id if object_id is not None else (obj.pk if obj is not None else "")),
            object_repr=(object_repr if object_repr is not None else str(obj) if obj is not None else "")[:200],
            town_id=town_id if town_id is not None else _town_id_of(obj),
            before=jsonable(before) if before is not None else None,
            after=jsonable(after) if after is not None else None,
            note=note[:500],
            prev_hash=head.last_hash,
        )
        # JSON round-trip first, so that the hash covers exactly what the database returns.
        event.hash = compute_hash(event)
        event.save()
        head.last_hash = event.hash
        head.last_id = event.pk
        head.save(update_fields=["last_hash", "last_id"])
    return event


def verify() -> tuple[bool, int | None, int, str]:
    """Walk the chain in order. Returns (whole, first bad event id, events checked, reason)."""
    prev = GENESIS
    checked = 0
    for event in AuditEvent.objects.order_by("id").iterator(chunk_size=2000):
        if event.prev_hash != prev:
            return False, event.pk, checked, "与前一事件的链接不符(前一事件被删除、插入或改动)"
        if compute_hash(event) != event.hash:
            return False, event.pk, checked, "事件内容与其哈希不符(事件被改动)"
        prev = event.hash
        checked += 1
    head = AuditHead.objects.filter(pk=1).first()
    if head and checked and head.last_hash != prev:
        return False, head.last_id, checked, "链尾事件缺失(最后的事件被删除)"
    return True, None, checked, ""


def events_for(obj) -> models.QuerySet:
    return AuditEvent.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk)).order_by("id")
