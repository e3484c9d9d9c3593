"""A year whose annual report is published is locked for its town: records of that year no
longer change (the report must stay true to the records it was written from)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .org import Town


class YearLock(models.Model):
    town = models.ForeignKey(Town, on_delete=models.CASCADE, related_name="year_locks", verbose_name=_("镇街"))
    year = models.PositiveSmallIntegerField(_("年度"))
    locked_at = models.DateTimeField(_("锁定时间"), auto_now_add=True)
    locked_by_label = models.CharField(_("锁定人"), max_length=120)
    reason = models.CharField(_("原因"), max_length=200)

    tenancy_paths = {"district": "town__district", "town": "town"}

    class Meta:
        verbose_name = _("年度锁定")
        verbose_name_plural = _("年度锁定")
        constraints = [models.UniqueConstraint(fields=["town", "year"], name="year_lock_unique")]

    def __str__(self):
        return f"{self.town} {self.year}"
