"""平安建设: 联动巡查 patrols, safety hazards with their rectification clock, accidents graded by
《生产安全事故报告和调查处理条例》第三条."""

import decimal

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from fazhi.core.models import Grid, Town, Village

TOWN_PATHS = {"district": "town__district", "town": "town"}
PLACE_PATHS = {"district": "town__district", "town": "town", "village": "village", "grid": "grid"}


class Patrol(models.Model):
    class Kind(models.TextChoices):
        JOINT = "joint", _("平安联动巡查")
        POLICE = "police", _("公安联动巡查")
        SAFETY = "safety", _("安全生产检查")

    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="patrols")
    kind = models.CharField(_("类型"), max_length=8, choices=Kind.choices, default=Kind.JOINT)
    date = models.DateField(_("巡查日期"), db_index=True)
    route = models.CharField(_("巡查路线"), max_length=200)
    participants = models.CharField(_("参加人员"), max_length=300)
    people_count = models.PositiveIntegerField(_("参加人数"), default=2)
    findings = models.TextField(_("发现问题"), blank=True)
    recorder_label = models.CharField(_("记录人"), max_length=80)

    tenancy_paths = TOWN_PATHS
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("联动巡查")
        verbose_name_plural = _("联动巡查")
        ordering = ["-date", "-id"]

    def __str__(self):
        return f"{self.date} {self.route}"


class Hazard(models.Model):
    class Level(models.TextChoices):
        GENERAL = "general", _("一般隐患")
        MAJOR = "major", _("重大隐患")

    class Status(models.TextChoices):
        OPEN = "open", _("整改中")
        RECTIFIED = "rectified", _("已整改")

    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="hazards")
    village = models.ForeignKey(Village, on_delete=models.PROTECT, null=True, blank=True, related_name="hazards")
    grid = models.ForeignKey(Grid, on_delete=models.PROTECT, null=True, blank=True, related_name="hazards")
    patrol = models.ForeignKey(Patrol, on_delete=models.SET_NULL, null=True, blank=True, related_name="hazards")
    found_date = models.DateField(_("发现日期"), db_index=True)
    title = models.CharField(_("隐患"), max_length=100)
    location = models.CharField(_("位置"), max_length=100, blank=True)
    level = models.CharField(_("等级"), max_length=8, choices=Level.choices, default=Level.GENERAL)
    responsible = models.CharField(_("整改责任单位/人"), max_length=100)
    rectify_days = models.PositiveIntegerField(_("整改期限(日)"))
    due_date = models.DateField(_("整改届满日"), null=True, blank=True)  # copied from the clock
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.OPEN)
    rectified_date = models.DateField(_("整改完成日期"), null=True, blank=True)
    on_time = models.BooleanField(_("按期整改"), null=True, blank=True)
    rectification = models.TextField(_("整改情况"), blank=True)
    reporter_label = models.CharField(_("登记人"), max_length=80)

    tenancy_paths = PLACE_PATHS
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("安全隐患")
        verbose_name_plural = _("安全隐患")
        ordering = ["-found_date", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(rectify_days__gte=1), name="hazard_rectify_days_positive"),
            models.CheckConstraint(condition=~Q(status="rectified") | Q(rectified_date__isnull=False),
                                   name="hazard_rectified_has_date"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("safety:index") + f"#hazard-{self.pk}"


class Grade(models.TextChoices):
    """《生产安全事故报告和调查处理条例》第三条."""

    GENERAL = "general", _("一般事故")
    LARGER = "larger", _("较大事故")
    MAJOR = "major", _("重大事故")
    EXTRAORDINARY = "extraordinary", _("特别重大事故")


MAJOR_GRADES = (Grade.MAJOR, Grade.EXTRAORDINARY)
WAN = decimal.Decimal(10000)


def grade_for(deaths: int, serious_injuries: int, direct_loss) -> Grade:
    """条例第三条: each grade by deaths, serious injuries (incl. acute industrial poisoning) or direct
    economic loss, whichever is highest; “以上”包括本数,“以下”不包括本数."""
    loss = decimal.Decimal(str(direct_loss or 0))
    if deaths >= 30 or serious_injuries >= 100 or loss >= 10000 * WAN:
        return Grade.EXTRAORDINARY
    if deaths >= 10 or serious_injuries >= 50 or loss >= 5000 * WAN:
        return Grade.MAJOR
    if deaths >= 3 or serious_injuries >= 10 or loss >= 1000 * WAN:
        return Grade.LARGER
    return Grade.GENERAL


class Accident(models.Model):
    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="accidents")
    village = models.ForeignKey(Village, on_delete=models.PROTECT, null=True, blank=True, related_name="accidents")
    date = models.DateField(_("发生日期"), db_index=True)
    title = models.CharField(_("事故"), max_length=100)
    description = models.TextField(_("经过"), blank=True)
    deaths = models.PositiveIntegerField(_("死亡人数"), default=0)
    serious_injuries = models.PositiveIntegerField(_("重伤人数(含急性工业中毒)"), default=0)
    direct_loss = models.DecimalField(_("直接经济损失(元)"), max_digits=14, decimal_places=2, default=0)
    grade = models.CharField(_("等级"), max_length=14, choices=Grade.choices)
    reporter_label = models.CharField(_("登记人"), max_length=80)

    tenancy_paths = {"district": "town__district", "town": "town", "village": "village"}
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("生产安全事故")
        verbose_name_plural = _("生产安全事故")
        ordering = ["-date", "-id"]
        constraints = [models.CheckConstraint(condition=Q(direct_loss__gte=0), name="accident_loss_non_negative")]

    def __str__(self):
        return f"{self.date} {self.title}({self.get_grade_display()})"
