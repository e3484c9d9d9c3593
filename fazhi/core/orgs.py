"""Services for the organisation tree and user accounts. Every write records its audit event."""

from __future__ import annotations

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction

from . import audit
from .errors import InvalidInput
from .models import District, Grid, LinkageBody, Role, Town, Unit, User, UserRole, Village


def _ensure(model, *, actor, lookup: dict, defaults: dict):
    obj = model.objects.filter(**lookup).first()
    if obj is not None:
        return obj
    obj = model(**lookup, **defaults)
    try:
        obj.full_clean()
    except ValidationError as exc:
        raise InvalidInput(";".join(m for msgs in exc.message_dict.values() for m in msgs)) from None
    obj.save()
    audit.record(actor=actor, action=f"{model._meta.model_name}.create", obj=obj, after=audit.snapshot(obj))
    return obj


@transaction.atomic
def district_ensure(*, actor=None, slug: str, name: str, code: str = "") -> District:
    return _ensure(District, actor=actor, lookup={"slug": slug}, defaults={"name": name, "code": code})


@transaction.atomic
def town_ensure(*, actor=None, district: District, slug: str, name: str, code: str = "",
                government_name: str = "") -> Town:
    return _ensure(Town, actor=actor, lookup={"slug": slug},
                   defaults={"district": district, "name": name, "code": code, "government_name": government_name})


@transaction.atomic
def unit_ensure(*, actor=None, town: Town, slug: str, name: str, enforces_law: bool = False) -> Unit:
    return _ensure(Unit, actor=actor, lookup={"town": town, "slug": slug},
                   defaults={"name": name, "enforces_law": enforces_law})


@transaction.atomic
def village_ensure(*, actor=None, town: Town, slug: str, name: str, kind: str = Village.Kind.VILLAGE,
                   code: str = "") -> Village:
    return _ensure(Village, actor=actor, lookup={"town": town, "slug": slug},
                   defaults={"name": name, "kind": kind, "code": code})


@transaction.atomic
def grid_ensure(*, actor=None, village: Village, slug: str, name: str, households: int = 0) -> Grid:
    return _ensure(Grid, actor=actor, lookup={"village": village, "slug": slug},
                   defaults={"town_id": village.town_id, "name": name, "households": households})


@transaction.atomic
def linkage_body_ensure(*, actor=None, district: District, town: Town | None, name: str, kind: str,
                        contact: str = "") -> LinkageBody:
    return _ensure(LinkageBody, actor=actor, lookup={"district": district, "town": town, "name": name},
                   defaults={"kind": kind, "contact": contact})


def _place_kwargs(*, district=None, town=None, village=None, grid=None) -> dict:
    """Fill the shallower places from the deepest one given."""
    if grid is not None:
        village = grid.village
    if village is not None:
        town = village.town
    if town is not None:
        district = town.district
    return {"district": district, "town": town, "village": village, "grid": grid}


@transaction.atomic
def user_create(*, actor=None, username: str, password: str, display_name: str = "", roles=(),
                unit: Unit | None = None, superuser: bool = False, mobile: str = "",
                district=None, town=None, village=None, grid=None) -> User:
    if User.objects.filter(username=username).exists():
        raise InvalidInput(f"用户名“{username}”已被使用。", field="username")
    place = _place_kwargs(district=district, town=town, village=village, grid=grid)
    if not superuser and place["district"] is None:
        raise InvalidInput("用户必须属于组织中的一个位置(区、镇街、村社区或网格)。")
    if unit is not None and unit.town_id != (place["town"].pk if place["town"] else None):
        raise InvalidInput("所在单位必须属于该用户所在的镇街。", field="unit")
    for role in roles:
        if role not in Role.values:
            raise InvalidInput(f"未知的角色“{role}”。", field="roles")
    user = User(username=username, display_name=display_name, unit=unit, mobile=mobile,
                is_superuser=superuser, is_staff=superuser, **place)
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise InvalidInput("".join(exc.messages), field="password") from None
    user.set_password(password)
    user.save()
    UserRole.objects.bulk_create([UserRole(user=user, role=r) for r in roles])
    audit.record(actor=actor, action="user.create", obj=user,
                 after={**audit.snapshot(user, ["username", "display_name", "district", "town", "village", "grid",
                                                 "unit", "mobile", "is_superuser"]), "roles": sorted(roles)})
    return user


def user_ensure(*, username: str, **kwargs) -> User:
    user = User.objects.filter(username=username).first()
    return user if user is not None else user_create(username=username, **kwargs)


@transaction.atomic
def user_set_roles(*, actor, user: User, roles) -> User:
    user = User.objects.select_for_update().get(pk=user.pk)
    for role in roles:
        if role not in Role.values:
            raise InvalidInput(f"未知的角色“{role}”。", field="roles")
    before = sorted(user.role_codes)
    UserRole.objects.filter(user=user).exclude(role__in=roles).delete()
    for role in roles:
        UserRole.objects.get_or_create(user=user, role=role)
    user._role_codes = None
    audit.record(actor=actor, action="user.set_roles", obj=user, before={"roles": before},
                 after={"roles": sorted(roles)})
    return user
