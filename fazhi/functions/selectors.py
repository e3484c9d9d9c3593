"""Reads of the lists, including those other modules use (the enforcement module checks its
cases against the power list)."""

from django.db.models import Prefetch
from django.utils import timezone

from .models import Certificate, ListChange, PowerItem, ServiceGuide, ServiceItem


def power_item_for(town, code: str):
    """The town's current power item with ``code`` (in force today), or None."""
    today = timezone.localdate()
    return PowerItem.objects.filter(town=town, code=(code or "").strip()).current_on(today).first()


def town_has_power_list(town) -> bool:
    """Whether ``town`` has a power list with at least one item in force today."""
    return PowerItem.objects.filter(town=town).current_on(timezone.localdate()).exists()


def current_power_items(town, on=None):
    return PowerItem.objects.filter(town=town).current_on(on or timezone.localdate()).order_by("category", "code")


def current_service_items(town, on=None):
    return ServiceItem.objects.filter(town=town).current_on(on or timezone.localdate()).order_by("code")


def current_certificates(on=None):
    """Certificates for which a commitment is accepted on ``on`` (today by default)."""
    return Certificate.objects.current_on(on or timezone.localdate())


def current_guides(town, on=None):
    on = on or timezone.localdate()
    return (ServiceGuide.objects.filter(town=town).current_on(on)
            .select_related("power_item", "service_item")
            .prefetch_related(Prefetch("certificates", queryset=current_certificates(on))).order_by("code"))


def item_history(item):
    """The dated versions of one item (power, service or guide), newest first."""
    from .services import KIND

    return ListChange.objects.filter(town_id=item.town_id, kind=KIND[type(item)], item_code=item.code)


def list_history(town):
    return ListChange.objects.filter(town=town).order_by("-effective_on", "-id")


CERTIFICATE_LABELS = {"name": "证明事项", "verification": "事后核查方式", "verify_within_days": "核查时限(日)",
                      "legal_basis": "设定依据"}


def _certificate_text(value: dict) -> str:
    return ";".join(f"{CERTIFICATE_LABELS.get(k, k)}:{v}" for k, v in value.items() if v not in ("", None))


def version_rows(changes, model):
    """Readable versions: each change with its (label, before, after) lines, names for linked items."""
    changes = list(changes)
    links = {"power_item": PowerItem, "service_item": ServiceItem}
    ids = {name: set() for name in links}
    for c in changes:
        for side in (c.before or {}, c.after or {}):
            for name in links:
                if side.get(name):
                    ids[name].add(side[name])
    names = {name: {i.pk: str(i) for i in m.objects.filter(pk__in=ids[name])} if ids[name] else {}
             for name, m in links.items()}

    def show(name, value):
        if value in (None, ""):
            return "—"
        if name in links:
            return names[name].get(value, value)
        if name == "certificate":
            return _certificate_text(value)
        return value

    rows = []
    for c in changes:
        before, after = c.before or {}, c.after or {}
        lines = []
        for name in [*before, *[k for k in after if k not in before]]:
            if name == "certificate":
                label = "告知承诺证明事项"
            else:
                try:
                    label = model._meta.get_field(name).verbose_name
                except Exception:  # a field that no longer exists keeps its stored name
                    label = name
            lines.append((label, show(name, before.get(name)) if c.before else "",
                          show(name, after.get(name)) if c.after else ""))
        rows.append({"change": c, "lines": lines})
    return rows
