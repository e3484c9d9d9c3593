"""重大行政决策 (RULES.md §4): the annual catalogue, each decision's procedure records, and
incidents linked to decisions."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from fazhi.core.models import Town


class Category(models.TextChoices):
    """RULES.md §4 [MD-3-1]: the five kinds of decision matters."""

    POLICY = "policy", _("重大公共政策和措施")
    PLAN = "plan", _("经济和社会发展等重要规划")
    RESOURCES = "resources", _("开发利用、保护重要自然资源和文化资源的重大政策措施")
    PROJECT = "project", _("重大公共建设项目")
    OTHER = "other", _("其他涉及重大公共利益或公众切身利益的重大事项")


class Catalogue(models.Model):
    """The annual decision catalogue (目录), approved by the party committee and published
    (RULES.md §4 [MD-3-3])."""

    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="decision_catalogues",
                             verbose_name=_("镇街"))
    year = models.PositiveSmallIntegerField(_("年度"))
    approved_on = models.DateField(_("党委同意日期"), null=True, blank=True)
    published_on = models.DateField(_("公布日期"), null=True, blank=True)
    note = models.CharField(_("说明"), max_length=300, blank=True)

    tenancy_paths = {"district": "town__district", "town": "town"}
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("重大行政决策事项目录")
        verbose_name_plural = _("重大行政决策事项目录")
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["town", "year"], name="decisions_one_catalogue_a_year"),
            models.CheckConstraint(condition=Q(published_on__isnull=True) | Q(approved_on__isnull=False),
                                   name="decisions_catalogue_published_after_approval"),
        ]

    def __str__(self):
        return f"{self.town}{self.year}年度重大行政决策事项目录"


class Decision(models.Model):
    class Status(models.TextChoices):
        DRAFTING = "drafting", _("决策草案拟订中")
        CONSULTING = "consulting", _("公开征求意见中")
        REVIEWING = "reviewing", _("合法性审查中")
        REVIEWED = "reviewed", _("审查通过,待集体讨论")
        DISCUSSED = "discussed", _("集体讨论通过,待决定")
        DECIDED = "decided", _("已决定")
        PUBLISHED = "published", _("已公布")
        ARCHIVED = "archived", _("已归档")

    class Result(models.TextChoices):
        PASS = "pass", _("通过")
        FAIL = "fail", _("不通过")

    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="major_decisions", verbose_name=_("镇街"))
    catalogue = models.ForeignKey(Catalogue, on_delete=models.PROTECT, null=True, blank=True,
                                  related_name="decisions", verbose_name=_("目录"))
    title = models.CharField(_("决策事项"), max_length=200)
    category = models.CharField(_("类别"), max_length=12, choices=Category.choices)
    sponsor_unit = models.CharField(_("承办单位"), max_length=100, blank=True)
    summary = models.TextField(_("决策草案要点"), blank=True)
    status = models.CharField(_("状态"), max_length=12, choices=Status.choices, default=Status.DRAFTING, db_index=True)
    started_on = models.DateField(_("启动日期"))
    # Public participation (RULES.md §4 [MD-14])
    consultation_start = models.DateField(_("征求意见开始"), null=True, blank=True)
    consultation_end = models.DateField(_("征求意见截止"), null=True, blank=True)
    consultation_short_reason = models.CharField(_("征求意见期少于30日的理由"), max_length=300, blank=True)
    comments_received = models.PositiveIntegerField(_("收到意见(条)"), null=True, blank=True)
    comments_adopted = models.PositiveIntegerField(_("采纳意见(条)"), null=True, blank=True)
    consultation_reply = models.TextField(_("意见采纳情况说明"), blank=True)
    # Expert argumentation and risk assessment: required where the matter calls for them
    # (RULES.md §4 [MD-EXP], [MD-RISK]); a town may mark them not required with a reason ([MD-TWN]).
    expert_on = models.DateField(_("专家论证日期"), null=True, blank=True)
    expert_opinion = models.TextField(_("专家论证意见"), blank=True)
    expert_not_required = models.CharField(_("不需专家论证的理由"), max_length=300, blank=True)
    risk_on = models.DateField(_("风险评估日期"), null=True, blank=True)
    risk_level = models.CharField(_("风险等级"), max_length=20, blank=True)
    risk_opinion = models.TextField(_("风险评估结论"), blank=True)
    risk_not_required = models.CharField(_("不需风险评估的理由"), max_length=300, blank=True)
    counsel_on = models.DateField(_("法律顾问意见日期"), null=True, blank=True)
    counsel_name = models.CharField(_("法律顾问"), max_length=100, blank=True)
    counsel_opinion = models.TextField(_("法律顾问意见"), blank=True)
    # Legality review by the 司法所 (RULES.md §4 [MD-LEGAL], MD-27: at least 7 WD of review time)
    review_submitted_on = models.DateField(_("送审日期"), null=True, blank=True)
    review_due = models.DateField(_("审查期限"), null=True, blank=True)
    reviewed_on = models.DateField(_("合法性审查日期"), null=True, blank=True)
    review_result = models.CharField(_("合法性审查结论"), max_length=4, choices=Result.choices, blank=True)
    review_opinion = models.TextField(_("合法性审查意见"), blank=True)
    reviewer_label = models.CharField(_("审查人"), max_length=100, blank=True)
    # Collective discussion (RULES.md §4 [MD-COLL])
    discussed_on = models.DateField(_("集体讨论日期"), null=True, blank=True)
    discussion_meeting = models.CharField(_("会议"), max_length=200, blank=True)
    discussion_result = models.CharField(_("讨论结果"), max_length=4, choices=Result.choices, blank=True)
    discussion_minutes = models.TextField(_("会议纪要(含不同意见)"), blank=True)
    decided_on = models.DateField(_("决定日期"), null=True, blank=True, db_index=True)
    decided_by_label = models.CharField(_("决定人"), max_length=100, blank=True)
    decision_text = models.TextField(_("决定内容"), blank=True)
    published_on = models.DateField(_("公布日期"), null=True, blank=True)
    publication_channel = models.CharField(_("公布渠道"), max_length=200, blank=True)
    archived_on = models.DateField(_("归档日期"), null=True, blank=True)
    evaluation = models.TextField(_("执行情况与后评估"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    tenancy_paths = {"district": "town__district", "town": "town"}
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("重大行政决策")
        verbose_name_plural = _("重大行政决策")
        ordering = ["-started_on", "-id"]
        constraints = [
            # Decided only after the counsel's opinion, a passed legality review and a collective
            # discussion that adopted the draft (RULES.md §4 [MD-LEGAL], [MD-COLL]).
            models.CheckConstraint(
                condition=Q(decided_on__isnull=True) | (Q(counsel_on__isnull=False) & Q(review_result="pass")
                                                        & Q(discussion_result="pass")),
                name="decisions_decided_after_review_and_discussion"),
            models.CheckConstraint(
                condition=Q(consultation_end__isnull=True) | Q(consultation_end__gte=models.F("consultation_start")),
                name="decisions_consultation_ends_after_start"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("decisions:detail", args=[self.pk])


class Incident(models.Model):
    """A mass incident or other serious consequence linked to a decision (seed 一(四): 因行政决策
    不当或程序不完善引发重大群体性事件)."""

    class Cause(models.TextChoices):
        IMPROPER = "improper", _("决策不当")
        PROCEDURE = "procedure", _("程序不完善")
        OTHER = "other", _("其他")

    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="decision_incidents", verbose_name=_("镇街"))
    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, null=True, blank=True, related_name="incidents",
                                 verbose_name=_("相关决策"))
    occurred_on = models.DateField(_("发生日期"))
    title = models.CharField(_("事件"), max_length=200)
    cause = models.CharField(_("原因"), max_length=10, choices=Cause.choices)
    major = models.BooleanField(_("重大群体性事件"), default=False)
    handling = models.TextField(_("处置情况"), blank=True)

    tenancy_paths = {"district": "town__district", "town": "town"}

    class Meta:
        verbose_name = _("决策引发事件")
        verbose_name_plural = _("决策引发事件")
        ordering = ["-occurred_on", "-id"]

    def __str__(self):
        return self.title
