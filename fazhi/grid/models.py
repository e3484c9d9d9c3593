"""网格化治理: who covers each grid, and the events reported from the field with their routing."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from fazhi.core.models import Grid, Town, Village

PATHS = {"district": "town__district", "town": "town", "village": "village", "grid": "grid"}


class AssignmentQuerySet(models.QuerySet):
    def active_on(self, day):
        return self.filter(start_date__lte=day).filter(Q(end_date__isnull=True) | Q(end_date__gte=day))


class GridAssignment(models.Model):
    """A grid worker (网格员) assigned to a grid from a date; ended when they leave it."""

    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="grid_assignments")
    village = models.ForeignKey(Village, on_delete=models.PROTECT, related_name="grid_assignments")
    grid = models.ForeignKey(Grid, on_delete=models.PROTECT, related_name="assignments", verbose_name=_("网格"))
    worker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="grid_assignments",
                               verbose_name=_("网格员"))
    worker_label = models.CharField(_("网格员"), max_length=80)
    start_date = models.DateField(_("起始日期"))
    end_date = models.DateField(_("终止日期"), null=True, blank=True)
    note = models.CharField(_("备注"), max_length=200, blank=True)

    objects = AssignmentQuerySet.as_manager()
    tenancy_paths = PATHS
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("网格员配备")
        verbose_name_plural = _("网格员配备")
        ordering = ["grid", "-start_date"]
        constraints = [
            models.UniqueConstraint(fields=["grid", "worker"], condition=Q(end_date__isnull=True),
                                    name="grid_assignment_one_open"),
            models.CheckConstraint(condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                                   name="grid_assignment_dates"),
        ]

    def __str__(self):
        return f"{self.grid} {self.worker_label}"


class GridEvent(models.Model):
    """A report from the field, routed to the module that must act on it."""

    class Kind(models.TextChoices):
        DISPUTE = "dispute", _("矛盾纠纷")
        HAZARD = "hazard", _("安全隐患")
        ENFORCEMENT = "enforcement", _("违法线索")
        OTHER = "other", _("其他")

    class Status(models.TextChoices):
        REPORTED = "reported", _("已上报")
        ROUTED = "routed", _("已分流")
        RESOLVED = "resolved", _("就地化解")

    class Route(models.TextChoices):
        DISPUTES = "disputes", _("矛盾纠纷调处")
        SAFETY = "safety", _("安全隐患整改")
        ENFORCEMENT = "enforcement", _("综合行政执法")

    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="grid_events")
    village = models.ForeignKey(Village, on_delete=models.PROTECT, related_name="grid_events")
    grid = models.ForeignKey(Grid, on_delete=models.PROTECT, related_name="events", verbose_name=_("网格"))
    kind = models.CharField(_("类别"), max_length=12, choices=Kind.choices)
    reported_date = models.DateField(_("上报日期"), db_index=True)
    title = models.CharField(_("事件"), max_length=100)
    description = models.TextField(_("情况"))
    location = models.CharField(_("地点"), max_length=100, blank=True)
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.REPORTED)
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                 related_name="grid_events")
    reporter_label = models.CharField(_("上报人"), max_length=80)
    routed_to = models.CharField(_("分流至"), max_length=12, choices=Route.choices, blank=True)
    routed_date = models.DateField(_("处理日期"), null=True, blank=True)
    routed_by_label = models.CharField(_("处理人"), max_length=80, blank=True)
    routing_note = models.CharField(_("处理说明"), max_length=300, blank=True)
    dispute = models.ForeignKey("disputes.Dispute", on_delete=models.PROTECT, null=True, blank=True,
                                related_name="grid_events")
    hazard = models.ForeignKey("safety.Hazard", on_delete=models.PROTECT, null=True, blank=True,
                               related_name="grid_events")

    tenancy_paths = PATHS
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("网格事件")
        verbose_name_plural = _("网格事件")
        ordering = ["-reported_date", "-id"]
        constraints = [
            models.CheckConstraint(condition=~Q(status="routed") | ~Q(routed_to=""), name="grid_event_routed_has_target"),
        ]

    def __str__(self):
        return f"{self.reported_date} {self.title}"
