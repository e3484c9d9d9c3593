"""The annual 法治政府建设情况报告 of a town: sections of paragraphs (computed from the figures
through an editable template, or free text), its revisions (who changed what), approval,
publication and submission to the district (RULES §8)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from fazhi.core.models import Town


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("草稿")
    APPROVED = "approved", _("已审定")
    PUBLISHED = "published", _("已公开")


class AnnualReportQuerySet(models.QuerySet):
    def submitted(self):
        return self.filter(submitted_on__isnull=False)

    def published(self):
        return self.filter(status=ReportStatus.PUBLISHED)

    def in_year(self, year):
        return self.filter(year=year)


class AnnualReport(models.Model):
    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="annual_reports", verbose_name=_("镇街"))
    year = models.PositiveSmallIntegerField(_("报告年度"))
    status = models.CharField(_("状态"), max_length=12, choices=ReportStatus.choices, default=ReportStatus.DRAFT)
    title = models.CharField(_("标题"), max_length=120)
    signature = models.CharField(_("发文机关署名"), max_length=100)
    document_date = models.DateField(_("成文日期"), null=True, blank=True)
    # Frozen at approval, so that what the leader approved is what is published and submitted.
    figures_snapshot = models.JSONField(_("审定时的数据"), null=True, blank=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    created_by_label = models.CharField(_("创建人"), max_length=120)
    approved_by_label = models.CharField(_("审定人"), max_length=120, blank=True)
    approved_on = models.DateField(_("审定日期"), null=True, blank=True)
    published_on = models.DateField(_("公开日期"), null=True, blank=True)
    submitted_on = models.DateField(_("报送日期"), null=True, blank=True)
    submitted_by_label = models.CharField(_("报送人"), max_length=120, blank=True)

    tenancy_paths = {"district": "town__district", "town": "town"}
    history = HistoricalRecords()
    objects = AnnualReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("法治政府建设年度报告")
        verbose_name_plural = _("法治政府建设年度报告")
        ordering = ["-year", "town"]
        constraints = [
            models.UniqueConstraint(fields=["town", "year"], name="annual_report_unique_town_year"),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(document_date__isnull=False, approved_on__isnull=False),
                name="annual_report_approved_has_dates",
            ),
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_on__isnull=False),
                name="annual_report_published_has_date",
            ),
        ]

    def __str__(self):
        return f"{self.town}{self.year}年法治政府建设情况报告"

    @property
    def submission_deadline(self):
        from .outline import submission_deadline

        return submission_deadline(self.year)

    @property
    def submitted_on_time(self):
        if self.submitted_on is None:
            return None
        return self.submitted_on <= self.submission_deadline


class Paragraph(models.Model):
    class Kind(models.TextChoices):
        COMPUTED = "computed", _("由数据生成")
        FREE = "free", _("自由撰写")

    report = models.ForeignKey(AnnualReport, on_delete=models.CASCADE, related_name="paragraphs",
                               verbose_name=_("报告"))
    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="+", verbose_name=_("镇街"))
    section = models.PositiveSmallIntegerField(_("部分"))  # 0 = the opening paragraph, 1..5 = 一..五
    subsection = models.PositiveSmallIntegerField(_("小节"), default=0)  # 0 = none, 1.. = （一）..
    subsection_title = models.CharField(_("小节标题"), max_length=80, blank=True)
    position = models.PositiveSmallIntegerField(_("顺序"), default=0)
    kind = models.CharField(_("类型"), max_length=10, choices=Kind.choices)
    text = models.TextField(_("内容或模板"))
    updated_by_label = models.CharField(_("最后修改人"), max_length=120, blank=True)

    tenancy_paths = {"district": "town__district", "town": "town"}

    class Meta:
        verbose_name = _("报告段落")
        verbose_name_plural = _("报告段落")
        ordering = ["section", "subsection", "position", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(section__lte=5), name="paragraph_section_range"),
        ]

    def __str__(self):
        return f"{self.report} §{self.section}.{self.subsection}.{self.position}"


class Revision(models.Model):
    """One change of the report: who, when, which paragraph, before and after; with the whole
    text of the draft after the change, so that any version can be read again."""

    report = models.ForeignKey(AnnualReport, on_delete=models.CASCADE, related_name="revisions",
                               verbose_name=_("报告"))
    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="+", verbose_name=_("镇街"))
    number = models.PositiveIntegerField(_("版本号"))
    at = models.DateTimeField(_("时间"), auto_now_add=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                              related_name="+", verbose_name=_("操作人"))
    actor_label = models.CharField(_("操作人"), max_length=120)
    action = models.CharField(_("动作"), max_length=40)
    paragraph = models.ForeignKey(Paragraph, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                                  verbose_name=_("段落"))
    before = models.TextField(_("修改前"), blank=True)
    after = models.TextField(_("修改后"), blank=True)
    content = models.JSONField(_("该版本全文"), default=list)

    tenancy_paths = {"district": "town__district", "town": "town"}

    class Meta:
        verbose_name = _("报告版本")
        verbose_name_plural = _("报告版本")
        ordering = ["report", "-number"]
        constraints = [models.UniqueConstraint(fields=["report", "number"], name="revision_number_unique")]

    def __str__(self):
        return f"{self.report} v{self.number}"
