"""行政规范性文件: the register, legality reviews, filing with the district, cleanup rounds, and
the per-town settings for the periods RULES.md leaves to local rules."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from fazhi.core.models import Town

# Defaults of the per-town settings. Both periods are local rules that RULES.md marks as
# unverified and asks to keep configurable:
# - filing deadline: RULES.md §5 [CQ-2] (line 245) "the filing deadline (days after publication)
#   ... must be configurable and confirmed with the 区县司法局". 30 calendar days after publication
#   is the period most provincial 备案 rules use.
# - validity: RULES.md §5 [NF-VAL] (line 241) "多地规定有效期一般不超过5年,暂行/试行一般不超过2年,
#   届满前6个月评估".
DEFAULT_FILING_DAYS = 30
DEFAULT_VALIDITY_YEARS = 5
DEFAULT_TRIAL_VALIDITY_YEARS = 2
DEFAULT_EXPIRY_NOTICE_MONTHS = 6


class NormativeSettings(models.Model):
    town = models.OneToOneField(Town, on_delete=models.CASCADE, related_name="normative_settings",
                                verbose_name=_("镇街"))
    filing_days = models.PositiveSmallIntegerField(
        _("报备期限(自然日)"), default=DEFAULT_FILING_DAYS,
        help_text=_("公布之日起向区政府报送备案的期限。地方规定,须与区司法局核实(RULES.md §5 [CQ-2])。"))
    validity_years = models.PositiveSmallIntegerField(
        _("有效期(年)"), default=DEFAULT_VALIDITY_YEARS, help_text=_("RULES.md §5 [NF-VAL]"))
    trial_validity_years = models.PositiveSmallIntegerField(
        _("暂行/试行文件有效期(年)"), default=DEFAULT_TRIAL_VALIDITY_YEARS, help_text=_("RULES.md §5 [NF-VAL]"))
    expiry_notice_months = models.PositiveSmallIntegerField(
        _("届满前评估提醒(月)"), default=DEFAULT_EXPIRY_NOTICE_MONTHS, help_text=_("RULES.md §5 [NF-VAL]"))

    tenancy_paths = {"district": "town__district", "town": "town"}

    class Meta:
        verbose_name = _("规范性文件设置")
        verbose_name_plural = _("规范性文件设置")
        constraints = [
            models.CheckConstraint(condition=Q(filing_days__gte=1), name="normative_filing_days_positive"),
            models.CheckConstraint(condition=Q(validity_years__gte=1), name="normative_validity_positive"),
        ]

    def __str__(self):
        return f"{self.town}规范性文件设置"


class DocumentQuerySet(models.QuerySet):
    def in_force_on(self, day):
        """Published (a document takes effect only once published, RULES.md §5 [NF-37-3]), not yet
        past its validity, not repealed or expired by ``day``."""
        return self.filter(published_on__isnull=False, published_on__lte=day).filter(
            Q(valid_until__isnull=True) | Q(valid_until__gte=day)
        ).filter(Q(ended_on__isnull=True) | Q(ended_on__gt=day))

    def published_in(self, year):
        return self.filter(published_on__year=year)


class NormativeDocument(models.Model):
    class Status(models.TextChoices):
        DRAFTING = "drafting", _("起草中")
        REVIEWING = "reviewing", _("合法性审核中")
        REVIEWED = "reviewed", _("审核通过,待集体审议")
        DELIBERATED = "deliberated", _("已集体审议,待公布")
        PUBLISHED = "published", _("已公布,待报备")
        FILED = "filed", _("已报备,待备案审查结果")
        CORRECTION = "correction", _("责令纠正中")
        IN_FORCE = "in_force", _("有效")
        EXPIRED = "expired", _("已失效")
        REPEALED = "repealed", _("已废止")

    class FilingResult(models.TextChoices):
        APPROVED = "approved", _("审查通过")
        CORRECTION = "correction", _("责令纠正")

    ENDED = (Status.EXPIRED, Status.REPEALED)

    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="normative_documents",
                             verbose_name=_("镇街"))
    title = models.CharField(_("标题"), max_length=200)
    drafting_unit = models.CharField(_("起草单位"), max_length=100)
    doc_number = models.CharField(_("文号"), max_length=60, blank=True)
    trial = models.BooleanField(_("暂行/试行"), default=False)
    summary = models.TextField(_("主要内容"), blank=True)
    status = models.CharField(_("状态"), max_length=12, choices=Status.choices, default=Status.DRAFTING,
                              db_index=True)
    drafted_on = models.DateField(_("起草日期"))
    submitted_on = models.DateField(_("送审日期"), null=True, blank=True)
    review_due = models.DateField(_("审核期限"), null=True, blank=True)
    reviewed_on = models.DateField(_("审核通过日期"), null=True, blank=True)
    deliberated_on = models.DateField(_("集体审议日期"), null=True, blank=True)
    deliberation_meeting = models.CharField(_("审议会议"), max_length=200, blank=True)
    published_on = models.DateField(_("公布日期"), null=True, blank=True, db_index=True)
    filing_due = models.DateField(_("报备期限"), null=True, blank=True, db_index=True)
    filed_on = models.DateField(_("报备日期"), null=True, blank=True)
    filed_late_reason = models.CharField(_("逾期报备理由"), max_length=300, blank=True)
    filing_result = models.CharField(_("备案审查结果"), max_length=12, choices=FilingResult.choices, blank=True)
    filing_result_on = models.DateField(_("备案审查结果日期"), null=True, blank=True)
    filing_opinion = models.TextField(_("备案审查意见"), blank=True)
    corrected_on = models.DateField(_("纠正完成日期"), null=True, blank=True)
    valid_until = models.DateField(_("有效期至"), null=True, blank=True, db_index=True)
    ended_on = models.DateField(_("失效/废止日期"), null=True, blank=True)
    end_reason = models.CharField(_("失效/废止理由"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    tenancy_paths = {"district": "town__district", "town": "town"}
    objects = DocumentQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("行政规范性文件")
        verbose_name_plural = _("行政规范性文件")
        ordering = ["-drafted_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["town", "doc_number"], condition=~Q(doc_number=""),
                                    name="normative_doc_number_unique_in_town"),
            # Published only after the legality review (RULES.md §5 [NF-115-1]).
            models.CheckConstraint(condition=Q(published_on__isnull=True) | Q(reviewed_on__isnull=False),
                                   name="normative_published_after_review"),
            models.CheckConstraint(condition=Q(published_on__isnull=True) | ~Q(doc_number=""),
                                   name="normative_published_has_number"),
        ]

    def __str__(self):
        return f"{self.doc_number} {self.title}".strip()

    def get_absolute_url(self):
        return reverse("normative:detail", args=[self.pk])


class Review(models.Model):
    """One legality review round (合法性审核): a failed review sends the draft back for redrafting;
    every round is kept."""

    class Result(models.TextChoices):
        PASS = "pass", _("通过")
        FAIL = "fail", _("不通过,退回重新起草")

    town = models.ForeignKey(Town, on_delete=models.PROTECT, verbose_name=_("镇街"))
    document = models.ForeignKey(NormativeDocument, on_delete=models.CASCADE, related_name="reviews",
                                 verbose_name=_("文件"))
    submitted_on = models.DateField(_("送审日期"))
    reviewed_on = models.DateField(_("审核日期"))
    result = models.CharField(_("审核结论"), max_length=8, choices=Result.choices)
    authority = models.TextField(_("制定主体与权限"), blank=True)
    procedure = models.TextField(_("制定程序"), blank=True)
    content = models.TextField(_("内容合法性"), blank=True)
    opinion = models.TextField(_("审核意见"))
    reviewer_label = models.CharField(_("审核人"), max_length=100)

    tenancy_paths = {"district": "town__district", "town": "town"}

    class Meta:
        verbose_name = _("合法性审核")
        verbose_name_plural = _("合法性审核")
        ordering = ["reviewed_on", "id"]

    def __str__(self):
        return f"{self.document} {self.get_result_display()}"


class CleanupRound(models.Model):
    """A periodic cleanup (清理) of the documents in force, RULES.md §5 [NF-37-5]."""

    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="normative_cleanups",
                             verbose_name=_("镇街"))
    title = models.CharField(_("清理名称"), max_length=200)
    started_on = models.DateField(_("开始日期"))

    tenancy_paths = {"district": "town__district", "town": "town"}

    class Meta:
        verbose_name = _("清理工作")
        verbose_name_plural = _("清理工作")
        ordering = ["-started_on", "-id"]

    def __str__(self):
        return self.title


class CleanupDecision(models.Model):
    class Decision(models.TextChoices):
        KEEP = "keep", _("继续有效")
        AMEND = "amend", _("修改")
        REPEAL = "repeal", _("废止")

    town = models.ForeignKey(Town, on_delete=models.PROTECT, verbose_name=_("镇街"))
    round = models.ForeignKey(CleanupRound, on_delete=models.CASCADE, related_name="decisions",
                              verbose_name=_("清理工作"))
    document = models.ForeignKey(NormativeDocument, on_delete=models.CASCADE, related_name="cleanups",
                                 verbose_name=_("文件"))
    decided_on = models.DateField(_("清理日期"))
    decision = models.CharField(_("清理结论"), max_length=8, choices=Decision.choices)
    reason = models.CharField(_("理由"), max_length=300, blank=True)

    tenancy_paths = {"district": "town__district", "town": "town"}

    class Meta:
        verbose_name = _("清理结论")
        verbose_name_plural = _("清理结论")
        ordering = ["-decided_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["round", "document"], name="normative_cleanup_once_per_round"),
        ]

    def __str__(self):
        return f"{self.document} {self.get_decision_display()}"


class PolicyDocument(models.Model):
    """The register of other policy documents (政策性文件) issued in the town government's name:
    not normative documents, but also checked for authority and procedure before issue (seed 一(三))."""

    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="policy_documents", verbose_name=_("镇街"))
    doc_number = models.CharField(_("文号"), max_length=60)
    title = models.CharField(_("标题"), max_length=200)
    issuing_unit = models.CharField(_("承办单位"), max_length=100)
    issued_on = models.DateField(_("印发日期"), db_index=True)
    checked_by_label = models.CharField(_("合法性审查人"), max_length=100, blank=True)
    check_opinion = models.CharField(_("审查意见"), max_length=300, blank=True)

    tenancy_paths = {"district": "town__district", "town": "town"}

    class Meta:
        verbose_name = _("政策性文件")
        verbose_name_plural = _("政策性文件")
        ordering = ["-issued_on", "-id"]
        constraints = [models.UniqueConstraint(fields=["town", "doc_number"], name="normative_policy_number_unique")]

    def __str__(self):
        return f"{self.doc_number} {self.title}"
