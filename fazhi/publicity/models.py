"""谁执法谁普法: each enforcing unit's publicity responsibility list (普法责任清单) and the
legal-publicity activities it carries out, with the key dates of the publicity calendar."""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from fazhi.core.models import Town, Unit

TENANCY = {"district": "town__district", "town": "town"}


class KeyDate(models.TextChoices):
    CONSTITUTION_WEEK = "constitution_week", _("宪法宣传周(12月4日前后一周)")
    CIVIL_CODE_MONTH = "civil_code_month", _("民法典宣传月(5月)")
    NATIONAL_SECURITY_DAY = "national_security_day", _("全民国家安全教育日(4月15日)")
    OTHER = "", _("其他")


def key_date_of(day: datetime.date) -> str:
    """The key date a day falls on, if any. 宪法宣传周 is the week around 12月4日 (国家宪法日):
    12月1日至7日 as the national campaign runs it."""
    if day.month == 12 and 1 <= day.day <= 7:
        return KeyDate.CONSTITUTION_WEEK
    if day.month == 5:
        return KeyDate.CIVIL_CODE_MONTH
    if day.month == 4 and day.day == 15:
        return KeyDate.NATIONAL_SECURITY_DAY
    return KeyDate.OTHER


class Responsibility(models.Model):
    """One line of a unit's 普法责任清单: the laws it enforces and so must publicise."""

    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="publicity_responsibilities",
                             verbose_name=_("所属镇街"))
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="publicity_responsibilities",
                             verbose_name=_("责任单位"))
    laws = models.CharField(_("普法重点法律法规"), max_length=300)
    content = models.TextField(_("普法内容与方式"))
    audience = models.CharField(_("普法对象"), max_length=200, blank=True)
    year = models.PositiveIntegerField(_("年度"))

    tenancy_paths = TENANCY
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("普法责任清单")
        verbose_name_plural = _("普法责任清单")
        ordering = ["town", "year", "unit", "id"]

    def __str__(self):
        return f"{self.unit}:{self.laws}"


class ActivityQuerySet(models.QuerySet):
    def in_year(self, year):
        return self.filter(date__year=year)


class Activity(models.Model):
    """A legal-publicity activity (普法活动); photos are attachments."""

    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="publicity_activities",
                             verbose_name=_("所属镇街"))
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="publicity_activities",
                             verbose_name=_("开展单位"))
    date = models.DateField(_("日期"))
    theme = models.CharField(_("主题"), max_length=200)
    place = models.CharField(_("地点"), max_length=200)
    audience = models.CharField(_("对象"), max_length=200)
    participants = models.PositiveIntegerField(_("参与人数"), default=0)
    materials = models.PositiveIntegerField(_("发放资料(份)"), default=0)
    key_date = models.CharField(_("重要节点"), max_length=24, choices=KeyDate.choices, blank=True)
    recorded_by_label = models.CharField(_("登记人"), max_length=120)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ActivityQuerySet.as_manager()
    tenancy_paths = TENANCY
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("普法活动")
        verbose_name_plural = _("普法活动")
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["town", "date"], name="publicity_activity_town_date")]

    def __str__(self):
        return f"{self.date} {self.theme}"
