"""Writes of the lists, guides and commitments. Every change of a list is dated, has a reason and
is recorded as a ``ListChange`` (the version history) and an audit event."""

from __future__ import annotations

import datetime

from django.db import transaction

from fazhi.core import audit, workflow, yearlock
from fazhi.core.errors import DomainError, InvalidInput
from fazhi.core.personal import mask_name

from .models import (
    Certificate,
    Commitment,
    ListChange,
    PowerCategory,
    PowerItem,
    ServiceGuide,
    ServiceItem,
)

# The fields a change may touch, per model (code and town never change: a new code is a new item).
EDITABLE = {
    PowerItem: ["name", "category", "unit", "legal_basis", "responsibilities", "accountability"],
    ServiceItem: ["name", "unit", "legal_basis", "description"],
    ServiceGuide: ["title", "power_item", "service_item", "materials", "steps", "legal_limit", "promised_limit",
                   "fees", "place", "hours", "contact", "legal_basis"],
}
KIND = {PowerItem: ListChange.Kind.POWER, ServiceItem: ListChange.Kind.SERVICE, ServiceGuide: ListChange.Kind.GUIDE}
REQUIRED = {
    PowerItem: {"name": "事项名称", "unit": "实施主体", "category": "权力类别"},
    ServiceItem: {"name": "事项名称", "unit": "实施主体"},
    ServiceGuide: {"title": "事项名称", "materials": "申请材料", "steps": "办理流程", "place": "办理地点"},
}


def _label(actor):
    return getattr(actor, "label", None) or (actor if isinstance(actor, str) else "系统")


def _clean(model, town, values: dict) -> dict:
    out = {}
    for name in EDITABLE[model]:
        if name not in values:
            continue
        value = values[name]
        if isinstance(value, str):
            # A browser posts a textarea with CRLF: the same text is not a change.
            value = value.replace("\r\n", "\n").strip()
            field = model._meta.get_field(name)
            if getattr(field, "max_length", None) and len(value) > field.max_length:
                raise InvalidInput(f"{field.verbose_name}不能超过{field.max_length}个字。", field=name)
        out[name] = value
    if "category" in out and out["category"] not in PowerCategory.values:
        raise InvalidInput("权力类别应为十类标准类别之一。", field="category")
    for name in ("power_item", "service_item"):
        item = out.get(name)
        if item is not None and item.town_id != town.pk:
            raise InvalidInput("关联事项不属于本镇。", field=name)
        if item is not None and item.removed_on:
            raise InvalidInput(f"关联事项“{item.name}”已取消。", field=name)
    return out


def _reason(reason):
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput("请填写变更理由。", field="reason")
    return reason[:300]


def _name_of(obj):
    return getattr(obj, "name", None) or getattr(obj, "title", "")


def _log(actor, obj, action, effective_on, reason, before=None, after=None):
    ListChange.objects.create(town_id=obj.town_id, kind=KIND[type(obj)], action=action, item_code=obj.code,
                              item_name=_name_of(obj), effective_on=effective_on, reason=reason,
                              before=before, after=after, actor_label=_label(actor))


def _fields_snapshot(obj):
    return audit.snapshot(obj, fields=EDITABLE[type(obj)])


@transaction.atomic
def item_create(*, actor, model, town, code, effective_on=None, reason="", **values):
    """Add an item (power, service or guide) to the town's list from ``effective_on``."""
    effective_on = workflow.action_date(effective_on, field_name="effective_on")
    yearlock.ensure_open(town.pk, effective_on)
    code = (code or "").strip()
    if not code:
        raise InvalidInput("请填写事项编码。", field="code")
    if len(code) > 40:
        raise InvalidInput("事项编码不能超过40个字符。", field="code")
    values = _clean(model, town, values)
    for name, label in REQUIRED[model].items():
        if not values.get(name):
            raise InvalidInput(f"请填写{label}。", field=name)
    if model is ServiceGuide and not (values.get("power_item") or values.get("service_item")):
        raise InvalidInput("办事指南应对应一个权力事项或公共服务事项。", field="power_item")
    if model.objects.filter(town=town, code=code).exists():
        raise DomainError(f"编码“{code}”已在清单中。", code="exists", field="code")
    obj = model.objects.create(town=town, code=code, added_on=effective_on, changed_on=effective_on, **values)
    _log(actor, obj, ListChange.Action.ADD, effective_on, (reason or "").strip()[:300] or "新增事项",
         after=_fields_snapshot(obj))
    workflow.record_create(actor, obj)
    return obj


def item_change(*, actor, item, reason, effective_on=None, **values):
    """Change an item from ``effective_on``; the previous version stays in the history."""
    with transaction.atomic():
        reason = _reason(reason)
        item = workflow.lock(item)
        if item.removed_on:
            raise DomainError("该事项已取消,不能再调整。", code="removed")
        effective_on = workflow.action_date(effective_on, field_name="effective_on", not_before=item.changed_on,
                                            not_before_label="上次变更日期")
        yearlock.ensure_open(item.town_id, effective_on)
        values = _clean(type(item), item.town, values)
        for name, label in REQUIRED[type(item)].items():
            if name in values and not values[name]:
                raise InvalidInput(f"请填写{label}。", field=name)
        changed = {k: v for k, v in values.items() if getattr(item, k) != v}
        if not changed:
            raise InvalidInput("没有需要调整的内容。", code="no_change")
        if isinstance(item, ServiceGuide) and not (
                values.get("power_item", item.power_item) or values.get("service_item", item.service_item)):
            raise InvalidInput("办事指南应对应一个权力事项或公共服务事项。", field="power_item")
        before = _fields_snapshot(item)
        full_before = audit.snapshot(item)
        for name, value in changed.items():
            setattr(item, name, value)
        item.changed_on = effective_on
        item.save(update_fields=[*changed, "changed_on"])
        b, a = audit.diff(before, _fields_snapshot(item))
        _log(actor, item, ListChange.Action.CHANGE, effective_on, reason, before=b, after=a)
        workflow.record_transition(actor, item, "change", full_before, note=reason)
    return item


def item_remove(*, actor, item, reason, effective_on=None):
    """Take an item off the list from ``effective_on`` (it stays in the history)."""
    with transaction.atomic():
        reason = _reason(reason)
        item = workflow.lock(item)
        if item.removed_on:
            raise DomainError("该事项已取消。", code="removed")
        effective_on = workflow.action_date(effective_on, field_name="effective_on", not_before=item.changed_on,
                                            not_before_label="上次变更日期")
        yearlock.ensure_open(item.town_id, effective_on)
        if isinstance(item, (PowerItem, ServiceItem)) and item.guides.filter(removed_on__isnull=True).exists():
            raise DomainError("该事项仍有在用的办事指南,请先停用或改挂指南。", code="has_guides")
        before = audit.snapshot(item)
        item.removed_on = effective_on
        item.changed_on = effective_on
        item.save(update_fields=["removed_on", "changed_on"])
        _log(actor, item, ListChange.Action.REMOVE, effective_on, reason, before=_fields_snapshot(item))
        workflow.record_transition(actor, item, "remove", before, note=reason)
    return item


def power_item_create(*, actor, town, **kw) -> PowerItem:
    return item_create(actor=actor, model=PowerItem, town=town, **kw)


def power_item_change(*, actor, item, **kw) -> PowerItem:
    return item_change(actor=actor, item=item, **kw)


def power_item_remove(*, actor, item, **kw) -> PowerItem:
    return item_remove(actor=actor, item=item, **kw)


def service_item_create(*, actor, town, **kw) -> ServiceItem:
    return item_create(actor=actor, model=ServiceItem, town=town, **kw)


def service_item_change(*, actor, item, **kw) -> ServiceItem:
    return item_change(actor=actor, item=item, **kw)


def service_item_remove(*, actor, item, **kw) -> ServiceItem:
    return item_remove(actor=actor, item=item, **kw)


def guide_create(*, actor, town, **kw) -> ServiceGuide:
    return item_create(actor=actor, model=ServiceGuide, town=town, **kw)


def guide_change(*, actor, guide, **kw) -> ServiceGuide:
    return item_change(actor=actor, item=guide, **kw)


def guide_remove(*, actor, guide, **kw) -> ServiceGuide:
    return item_remove(actor=actor, item=guide, **kw)


# 证明事项告知承诺制: the certificates a guide lets applicants replace by a written commitment are part
# of the guide, so each addition, change or removal is one dated version of the guide (a ListChange of
# kind "guide" whose before/after carry the certificate under the key "certificate").
CERTIFICATE_FIELDS = ["name", "legal_basis", "verification", "verify_within_days"]


def _certificate_values(values: dict, partial=False) -> dict:
    out = {}
    for name in CERTIFICATE_FIELDS:
        if name not in values:
            continue
        value = values[name]
        if name == "verify_within_days":
            try:
                value = int(value)
            except (TypeError, ValueError):
                raise InvalidInput("核查时限应为天数。", field=name) from None
            if not 1 <= value <= 365:
                raise InvalidInput("核查时限应在1至365日之间。", field=name)
        else:
            value = (value or "").replace("\r\n", "\n").strip()
            max_length = Certificate._meta.get_field(name).max_length
            if max_length and len(value) > max_length:
                raise InvalidInput(f"{Certificate._meta.get_field(name).verbose_name}不能超过{max_length}个字。",
                                   field=name)
        out[name] = value
    if not partial or "name" in out:
        if not out.get("name"):
            raise InvalidInput("请填写证明事项名称。", field="name")
    if not partial or "verification" in out:
        if not out.get("verification"):
            raise InvalidInput("请填写事后核查方式。", field="verification")
    return out


def _certificate_snapshot(cert):
    return audit.snapshot(cert, fields=CERTIFICATE_FIELDS)


def _guide_for_certificate(guide, effective_on, *, not_before=None):
    """Lock the guide and check the certificate change may be dated ``effective_on``."""
    guide = workflow.lock(guide)
    if guide.removed_on:
        raise DomainError("该办事指南已停用,不能再调整告知承诺证明事项。", code="removed")
    effective_on = workflow.action_date(effective_on, field_name="effective_on",
                                        not_before=max(filter(None, [guide.changed_on, not_before])),
                                        not_before_label="办事指南或该证明事项的上次变更日期")
    yearlock.ensure_open(guide.town_id, effective_on)
    return guide, effective_on


def _certificate_version(actor, guide, effective_on, reason, before=None, after=None):
    guide.changed_on = effective_on
    guide.save(update_fields=["changed_on"])
    _log(actor, guide, ListChange.Action.CHANGE, effective_on, reason,
         before={"certificate": before} if before else None, after={"certificate": after} if after else None)


def certificate_create(*, actor, guide, name, verification, legal_basis="", verify_within_days=30,
                       effective_on=None, reason="") -> Certificate:
    """A certificate of a guide that applicants may replace by a written commitment, from ``effective_on``."""
    with transaction.atomic():
        values = _certificate_values({"name": name, "verification": verification, "legal_basis": legal_basis,
                                      "verify_within_days": verify_within_days})
        guide, effective_on = _guide_for_certificate(guide, effective_on)
        if guide.certificates.filter(name=values["name"], removed_on__isnull=True).exists():
            raise DomainError(f"“{values['name']}”已实行告知承诺。", code="exists", field="name")
        cert = Certificate.objects.create(town_id=guide.town_id, guide=guide, added_on=effective_on, **values)
        reason = (reason or "").strip()[:300] or f"新增告知承诺证明事项:{cert.name}"[:300]
        _certificate_version(actor, guide, effective_on, reason, after=_certificate_snapshot(cert))
        workflow.record_create(actor, cert, note=reason)
    return cert


def certificate_change(*, actor, certificate, reason, effective_on=None, **values) -> Certificate:
    """Change a certificate's name, basis or verification from ``effective_on``. A new time limit
    applies to commitments recorded afterwards (a recorded commitment keeps its verify_due)."""
    with transaction.atomic():
        reason = _reason(reason)
        cert = workflow.lock(certificate)
        if cert.removed_on:
            raise DomainError("该证明事项已停止告知承诺,不能再调整。", code="removed")
        values = _certificate_values(values, partial=True)
        changed = {k: v for k, v in values.items() if getattr(cert, k) != v}
        if not changed:
            raise InvalidInput("没有需要调整的内容。", code="no_change")
        guide, effective_on = _guide_for_certificate(cert.guide, effective_on, not_before=cert.added_on)
        if "name" in changed and guide.certificates.filter(name=changed["name"], removed_on__isnull=True) \
                .exclude(pk=cert.pk).exists():
            raise DomainError(f"“{changed['name']}”已实行告知承诺。", code="exists", field="name")
        before = audit.snapshot(cert)
        fields_before = _certificate_snapshot(cert)
        for name, value in changed.items():
            setattr(cert, name, value)
        cert.save(update_fields=list(changed))
        b, a = audit.diff(fields_before, _certificate_snapshot(cert))
        _certificate_version(actor, guide, effective_on, reason, before={"name": fields_before["name"], **b},
                             after={"name": cert.name, **a})
        workflow.record_transition(actor, cert, "change", before, note=reason)
    return cert


def certificate_remove(*, actor, certificate, reason, effective_on=None) -> Certificate:
    """Stop accepting a commitment for this certificate from ``effective_on``; commitments already
    recorded are still verified."""
    with transaction.atomic():
        reason = _reason(reason)
        cert = workflow.lock(certificate)
        if cert.removed_on:
            raise DomainError("该证明事项已停止告知承诺。", code="removed")
        guide, effective_on = _guide_for_certificate(cert.guide, effective_on, not_before=cert.added_on)
        if cert.commitments.filter(committed_on__gte=effective_on).exists():
            raise DomainError("停止日期之后已有告知承诺记录,请选择更晚的日期。", code="has_commitments",
                              field="effective_on")
        before = audit.snapshot(cert)
        cert.removed_on = effective_on
        cert.save(update_fields=["removed_on"])
        _certificate_version(actor, guide, effective_on, reason, before=_certificate_snapshot(cert))
        workflow.record_transition(actor, cert, "remove", before, note=reason)
    return cert


@transaction.atomic
def commitment_record(*, actor, certificate, applicant_name, committed_on=None) -> Commitment:
    committed_on = workflow.action_date(committed_on, field_name="committed_on", not_before=certificate.added_on,
                                        not_before_label="实行告知承诺日期")
    yearlock.ensure_open(certificate.town_id, committed_on)
    applicant_name = (applicant_name or "").strip()
    if not applicant_name:
        raise InvalidInput("请填写申请人。", field="applicant_name")
    if certificate.removed_on and committed_on >= certificate.removed_on:
        raise DomainError(f"“{certificate.name}”自{certificate.removed_on:%Y-%m-%d}起已停止告知承诺。",
                          code="removed", field="certificate")
    if certificate.guide.removed_on and committed_on >= certificate.guide.removed_on:
        raise DomainError("该证明事项所属的办事指南已停用。", code="removed", field="certificate")
    commitment = Commitment.objects.create(
        town_id=certificate.town_id, certificate=certificate, applicant_name=applicant_name[:100],
        committed_on=committed_on,
        verify_due=committed_on + datetime.timedelta(days=certificate.verify_within_days),
    )
    # The applicant is a natural person: the audit log keeps the masked name only.
    after = {**audit.snapshot(commitment), "applicant_name": mask_name(commitment.applicant_name)}
    audit.record(actor=actor, action="commitment.create", obj=commitment, after=after)
    return commitment


def commitment_verify(*, actor, commitment, result, date=None, note="", handling="") -> Commitment:
    """事后核查: a false commitment must record how it was handled (撤销、信用记录 …)."""
    with transaction.atomic():
        if result not in (Commitment.Result.TRUE, Commitment.Result.FALSE):
            raise InvalidInput("核查结果应为“核查属实”(true)或“承诺不实”(false)。", field="result")
        handling = (handling or "").strip()
        if result == Commitment.Result.FALSE and not handling:
            raise InvalidInput("承诺不实的,请填写处理情况。", field="handling")
        commitment = workflow.lock(commitment)
        if commitment.result != Commitment.Result.PENDING:
            raise DomainError("该承诺已经核查。", code="bad_state")
        day = workflow.action_date(date, not_before=commitment.committed_on, not_before_label="承诺日期")
        yearlock.ensure_open(commitment.town_id, day, commitment.committed_on)
        before = audit.snapshot(commitment)
        commitment.result = result
        commitment.verified_on = day
        commitment.verification_note = (note or "").strip()[:300]
        commitment.handling = handling
        commitment.save(update_fields=["result", "verified_on", "verification_note", "handling"])
        workflow.record_transition(actor, commitment, "verify", before)
    return commitment
