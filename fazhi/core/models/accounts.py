"""Users: one place in the organisation tree and one or more roles."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ..personal import PersonalDataField
from .org import District, Grid, Town, Unit, Village


class Role(models.TextChoices):
    LEADER = "leader", _("镇领导")
    REVIEWER = "reviewer", _("法制审核")
    OFFICER = "officer", _("执法人员")
    CLERK = "clerk", _("经办人")
    MEDIATOR = "mediator", _("调解员")
    GRID = "grid", _("网格员")
    SUPERVISOR = "supervisor", _("区级督察")


class Level(models.TextChoices):
    DISTRICT = "district", _("区")
    TOWN = "town", _("镇/街道")
    VILLAGE = "village", _("村/社区")
    GRID = "grid", _("网格")


class User(AbstractUser):
    """A staff member. Their place is the deepest of district/town/village/grid that is set;
    the shallower ones are filled in too (a grid worker also has the grid's village, town and
    district), so that scoping is a plain equality on one column."""

    display_name = models.CharField(_("姓名"), max_length=50, blank=True)
    district = models.ForeignKey(District, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("区"))
    town = models.ForeignKey(Town, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("镇/街道"))
    village = models.ForeignKey(Village, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("村/社区"))
    grid = models.ForeignKey(Grid, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("网格"))
    unit = models.ForeignKey(Unit, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("所在单位"))
    mobile = PersonalDataField(_("手机号码"), kind="phone")
    failed_logins = models.PositiveSmallIntegerField(_("连续登录失败次数"), default=0)
    locked_until = models.DateTimeField(_("锁定至"), null=True, blank=True)

    history = HistoricalRecords(excluded_fields=["password", "last_login", "failed_logins", "locked_until"])

    class Meta:
        verbose_name = _("用户")
        verbose_name_plural = _("用户")
        constraints = [
            # A deeper place implies the shallower ones.
            models.CheckConstraint(
                condition=Q(grid__isnull=True) | Q(village__isnull=False), name="user_grid_needs_village"
            ),
            models.CheckConstraint(
                condition=Q(village__isnull=True) | Q(town__isnull=False), name="user_village_needs_town"
            ),
            models.CheckConstraint(
                condition=Q(town__isnull=True) | Q(district__isnull=False), name="user_town_needs_district"
            ),
        ]

    def __str__(self):
        return self.display_name or self.username

    @property
    def level(self):
        if self.grid_id:
            return Level.GRID
        if self.village_id:
            return Level.VILLAGE
        if self.town_id:
            return Level.TOWN
        if self.district_id:
            return Level.DISTRICT
        return None

    @property
    def role_codes(self) -> frozenset:
        cached = getattr(self, "_role_codes", None)
        if cached is None:
            if self.pk is None:
                cached = frozenset()
            else:
                cached = frozenset(r.role for r in self.roles.all())
            self._role_codes = cached
        return cached

    def has_role(self, *roles) -> bool:
        return bool(self.role_codes.intersection(roles))

    @property
    def place_label(self):
        parts = [p.name for p in (self.district, self.town, self.village) if p]
        if self.grid:
            parts.append(self.grid.name)
        return " / ".join(parts)

    @property
    def label(self):
        """A text snapshot of who this is, kept in audit events."""
        name = self.display_name or self.username
        return f"{name}({self.username})"


class UserRole(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(_("角色"), max_length=12, choices=Role.choices)

    class Meta:
        verbose_name = _("用户角色")
        verbose_name_plural = _("用户角色")
        constraints = [models.UniqueConstraint(fields=["user", "role"], name="user_role_unique")]

    def __str__(self):
        return self.get_role_display()


class LoginThrottle(models.Model):
    """Failed logins per client address, so that guessing across accounts is slowed too."""

    address = models.GenericIPAddressField(unique=True)
    failures = models.PositiveIntegerField(default=0)
    locked_until = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("登录限制")
        verbose_name_plural = _("登录限制")

    def __str__(self):
        return self.address
