"""Statutory clocks: a period running on a case, its due date computed and stored with the
inputs that produced it, so that it can be explained and recomputed."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from .org import Grid, Town, Village


class PeriodUnit(models.TextChoices):
    WORKDAYS = "wd", _("工作日")
    DAYS = "d", _("日")
    MONTHS = "m", _("月")
    YEARS = "y", _("年")


class ClockQuerySet(models.QuerySet):
    def open(self):
        return self.filter(state__in=[Clock.State.RUNNING, Clock.State.PAUSED])

    def running(self):
        return self.filter(state=Clock.State.RUNNING)

    def overdue(self, today):
        # A paused clock is a lawful wait and is never overdue.
        return self.running().filter(due_date__lt=today)

    def due_between(self, start, end):
        return self.running().filter(due_date__gte=start, due_date__lte=end)


class Clock(models.Model):
    class State(models.TextChoices):
        RUNNING = "running", _("计时中")
        PAUSED = "paused", _("暂停")
        MET = "met", _("按期完成")
        BREACHED = "breached", _("超期")
        CANCELLED = "cancelled", _("已撤销")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("content_type", "object_id")
    # Copied from the case so that "every clock in my scope" is one indexed query.
    town = models.ForeignKey(Town, on_delete=models.CASCADE, related_name="clocks")
    village = models.ForeignKey(Village, on_delete=models.SET_NULL, null=True, blank=True)
    grid = models.ForeignKey(Grid, on_delete=models.SET_NULL, null=True, blank=True)
    subject_label = models.CharField(_("事项"), max_length=200)
    subject_url = models.CharField(max_length=200, blank=True)

    rule = models.CharField(_("规则"), max_length=20)
    label = models.CharField(_("期限名称"), max_length=100)
    article = models.CharField(_("法律依据"), max_length=200)
    start_date = models.DateField(_("起算日"))
    length = models.PositiveIntegerField(_("期限"))
    unit = models.CharField(_("单位"), max_length=2, choices=PeriodUnit.choices)
    roll = models.BooleanField(_("届满日遇休息日顺延"), default=True)
    extension = models.PositiveIntegerField(_("延长"), default=0)
    extension_reason = models.CharField(_("延长理由"), max_length=200, blank=True)
    # [[from, to], …] ISO dates; the days after `from` up to and including `to` are not counted.
    # An open pause has `to` = null.
    pauses = models.JSONField(_("暂停"), default=list, blank=True)

    state = models.CharField(_("状态"), max_length=10, choices=State.choices, default=State.RUNNING)
    due_date = models.DateField(_("届满日"), db_index=True)
    provisional = models.BooleanField(_("暂定(节假日安排未公布)"), default=False)
    stopped_on = models.DateField(_("完成日"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ClockQuerySet.as_manager()

    tenancy_paths = {"district": "town__district", "town": "town", "village": "village", "grid": "grid"}

    class Meta:
        verbose_name = _("法定期限")
        verbose_name_plural = _("法定期限")
        ordering = ["due_date", "id"]
        indexes = [
            models.Index(fields=["town", "state", "due_date"], name="clock_scope_due"),
            models.Index(fields=["content_type", "object_id"], name="clock_subject"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id", "rule"], name="clock_one_per_rule"),
        ]

    def __str__(self):
        return f"{self.subject_label}:{self.label} {self.due_date}"

    @property
    def period_label(self):
        from ..workdays import UNIT_LABELS

        text = f"{self.length}{UNIT_LABELS[self.unit]}"
        if self.extension:
            text += f",延长{self.extension}{UNIT_LABELS[self.unit]}"
        return text

    @property
    def is_open(self):
        return self.state in (self.State.RUNNING, self.State.PAUSED)

    def open_pause(self):
        for pause in self.pauses:
            if pause[1] is None:
                return pause
        return None
