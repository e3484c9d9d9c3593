"""The judicial side of the town's work: the register of interference by officials in judicial
activity (with each unit's quarterly zero-report), administrative litigation in which the town
government is the defendant, reconsideration in which it is the respondent, and the records of
administrative adjudication and arbitration."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from fazhi.core.models import Town, Unit

TOWN_PATHS = {"district": "town__district", "town": "town"}


class Outcome(models.TextChoices):
    """The result columns of the 政府信息公开年报 table 四 (国办公开办函〔2021〕30号)."""

    MAINTAINED = "maintained", _("维持")
    CORRECTED = "corrected", _("纠正")
    OTHER = "other", _("其他")


class InterferenceRecord(models.Model):
    """领导干部干预司法活动、插手具体案件处理的记录(记录、通报、追究)."""

    class Handling(models.TextChoices):
        RECORDED = "recorded", _("记录在案")
        NOTIFIED = "notified", _("通报")
        ACCOUNTABLE = "accountable", _("追究责任")

    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="+", verbose_name=_("镇街"))
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("所在单位"))
    occurred_on = models.DateField(_("发生日期"))
    official_name = models.CharField(_("干预人员"), max_length=50)
    official_position = models.CharField(_("职务"), max_length=80, blank=True)
    case_reference = models.CharField(_("涉及案件"), max_length=200)
    conduct = models.TextField(_("干预情形"))
    handling = models.CharField(_("处理方式"), max_length=12, choices=Handling.choices)
    handling_detail = models.TextField(_("处理情况"), blank=True)
    handled_on = models.DateField(_("处理日期"), null=True, blank=True)
    recorded_by_label = models.CharField(_("登记人"), max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    tenancy_paths = TOWN_PATHS
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("干预司法活动记录")
        verbose_name_plural = _("干预司法活动记录")
        ordering = ["-occurred_on", "-id"]
        indexes = [models.Index(fields=["town", "occurred_on"], name="interference_town_date")]

    def __str__(self):
        return f"{self.occurred_on} {self.official_name} {self.case_reference}"[:200]

    def get_absolute_url(self):
        return reverse("judicial:interference_detail", args=[self.pk])

    @property
    def quarter(self):
        return (self.occurred_on.month - 1) // 3 + 1


class ZeroReport(models.Model):
    """A unit's confirmation that it has nothing to record for a quarter (零报告)."""

    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="+", verbose_name=_("镇街"))
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("单位"))
    year = models.PositiveSmallIntegerField(_("年度"))
    quarter = models.PositiveSmallIntegerField(_("季度"))
    confirmed_on = models.DateField(_("确认日期"))
    confirmed_by_label = models.CharField(_("确认人"), max_length=100)
    note = models.CharField(_("说明"), max_length=200, blank=True)

    tenancy_paths = TOWN_PATHS
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("干预司法零报告")
        verbose_name_plural = _("干预司法零报告")
        ordering = ["year", "quarter", "unit"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "year", "quarter"], name="zero_report_once_per_quarter"),
            models.CheckConstraint(condition=Q(quarter__gte=1, quarter__lte=4), name="zero_report_quarter_1_4"),
        ]

    def __str__(self):
        return f"{self.unit} {self.year}年第{self.quarter}季度零报告"


class LitigationCase(models.Model):
    """An administrative lawsuit against the town government (行政诉讼, the town as 被告)."""

    class Status(models.TextChoices):
        SERVED = "served", _("待答辩")
        ANSWERED = "answered", _("已答辩")
        HEARD = "heard", _("已开庭")
        CLOSED = "closed", _("已审结")

    class Stage(models.TextChoices):
        FIRST = "first", _("一审")
        SECOND = "second", _("二审")
        RETRIAL = "retrial", _("再审")

    class Appearance(models.TextChoices):
        # 法释〔2020〕3号 第二条: 负责人 = 正职、副职、参与分管的副职级别及其他参与分管的负责人.
        PRINCIPAL = "principal", _("正职负责人出庭")
        DEPUTY = "deputy", _("副职负责人出庭")
        IN_CHARGE = "in_charge", _("其他参与分管的负责人出庭")
        # 第十条: 相应的工作人员 (a delegate, not only a lawyer).
        STAFF = "staff", _("委托相应工作人员出庭")
        NONE = "none", _("无人出庭")

    class AbsenceReason(models.TextChoices):
        # 法释〔2020〕3号 第八条.
        FORCE_MAJEURE = "force_majeure", _("不可抗力")
        ACCIDENT = "accident", _("意外事件")
        DUTY = "duty", _("需要履行他人不能代替的公务")
        OTHER = "other", _("其他正当事由")

    HEAD_APPEARANCES = (Appearance.PRINCIPAL, Appearance.DEPUTY, Appearance.IN_CHARGE)

    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="+", verbose_name=_("镇街"))
    court = models.CharField(_("受理法院"), max_length=80)
    case_number = models.CharField(_("案号"), max_length=60)
    plaintiff = models.CharField(_("原告"), max_length=100)
    # An organisation's name is public; a natural person's is masked outside the case.
    party_is_organisation = models.BooleanField(_("原告为法人或其他组织"), default=False)
    cause = models.CharField(_("案由"), max_length=200)
    stage = models.CharField(_("审级"), max_length=10, choices=Stage.choices, default=Stage.FIRST)
    concerns_disclosure = models.BooleanField(_("涉及政府信息公开"), default=False)
    after_reconsideration = models.BooleanField(_("经复议后起诉"), default=False)
    served_date = models.DateField(_("收到起诉状副本日期"))
    # Copied from the AL-67 clock (行政诉讼法第六十七条) that computes it; never typed in.
    answer_due = models.DateField(_("答辩期限届满日"), null=True, blank=True, editable=False, db_index=True)
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.SERVED)
    answered_on = models.DateField(_("提交答辩状和证据日期"), null=True, blank=True)
    hearing_date = models.DateField(_("开庭日期"), null=True, blank=True)
    appearance = models.CharField(_("出庭情况"), max_length=12, choices=Appearance.choices, blank=True)
    appearer_name = models.CharField(_("出庭人员"), max_length=50, blank=True)
    appearer_position = models.CharField(_("出庭人员职务"), max_length=80, blank=True)
    absence_reason = models.CharField(_("负责人未出庭理由"), max_length=16, choices=AbsenceReason.choices, blank=True)
    absence_detail = models.CharField(_("未出庭情况说明"), max_length=200, blank=True)
    closed_on = models.DateField(_("审结日期"), null=True, blank=True)
    outcome = models.CharField(_("结果"), max_length=12, choices=Outcome.choices, blank=True)
    lost = models.BooleanField(_("败诉"), default=False)
    result_detail = models.CharField(_("裁判结果"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    tenancy_paths = TOWN_PATHS
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("行政诉讼案件")
        verbose_name_plural = _("行政诉讼案件")
        ordering = ["-served_date", "-id"]
        indexes = [models.Index(fields=["town", "served_date"], name="litigation_town_served")]
        constraints = [
            models.UniqueConstraint(fields=["town", "case_number"], name="litigation_case_number_unique"),
            models.CheckConstraint(condition=Q(status="closed") | Q(outcome=""), name="litigation_outcome_when_closed"),
            models.CheckConstraint(condition=~Q(status="closed") | ~Q(outcome=""), name="litigation_closed_has_outcome"),
            models.CheckConstraint(condition=Q(lost=False) | Q(status="closed"), name="litigation_lost_when_closed"),
        ]

    def __str__(self):
        return f"{self.case_number} {self.cause}"[:200]

    def get_absolute_url(self):
        return reverse("judicial:litigation_detail", args=[self.pk])

    @property
    def head_appeared(self):
        return self.appearance in self.HEAD_APPEARANCES


class ReconsiderationCase(models.Model):
    """An administrative reconsideration in which the town government is the respondent (被申请人)."""

    class Status(models.TextChoices):
        SERVED = "served", _("待答复")
        REPLIED = "replied", _("已答复")
        DECIDED = "decided", _("已决定")

    class Procedure(models.TextChoices):
        NORMAL = "normal", _("普通程序")
        SUMMARY = "summary", _("简易程序")

    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="+", verbose_name=_("镇街"))
    authority = models.CharField(_("复议机关"), max_length=80)
    case_number = models.CharField(_("案号"), max_length=60)
    applicant = models.CharField(_("申请人"), max_length=100)
    party_is_organisation = models.BooleanField(_("申请人为法人或其他组织"), default=False)
    act_challenged = models.CharField(_("被申请复议的行政行为"), max_length=200)
    procedure = models.CharField(_("程序"), max_length=10, choices=Procedure.choices, default=Procedure.NORMAL)
    concerns_disclosure = models.BooleanField(_("涉及政府信息公开"), default=False)
    served_date = models.DateField(_("收到申请书副本日期"))
    # Copied from the AR-48 / AR-54 clock; never typed in.
    reply_due = models.DateField(_("书面答复期限届满日"), null=True, blank=True, editable=False, db_index=True)
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.SERVED)
    replied_on = models.DateField(_("提交书面答复日期"), null=True, blank=True)
    decided_on = models.DateField(_("复议决定日期"), null=True, blank=True)
    outcome = models.CharField(_("结果"), max_length=12, choices=Outcome.choices, blank=True)
    decision_detail = models.CharField(_("复议决定"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    tenancy_paths = TOWN_PATHS
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("行政复议案件")
        verbose_name_plural = _("行政复议案件")
        ordering = ["-served_date", "-id"]
        indexes = [models.Index(fields=["town", "served_date"], name="reconsideration_town_served")]
        constraints = [
            models.UniqueConstraint(fields=["town", "case_number"], name="reconsideration_number_unique"),
            models.CheckConstraint(condition=~Q(status="decided") | ~Q(outcome=""), name="reconsideration_decided_outcome"),
            models.CheckConstraint(condition=Q(status="decided") | Q(outcome=""), name="reconsideration_outcome_decided"),
        ]

    def __str__(self):
        return f"{self.case_number} {self.act_challenged}"[:200]

    def get_absolute_url(self):
        return reverse("judicial:reconsideration_detail", args=[self.pk])


class ResolutionCase(models.Model):
    """Administrative adjudication (行政裁决) and arbitration (仲裁) records."""

    class Kind(models.TextChoices):
        ADJUDICATION = "adjudication", _("行政裁决")
        ARBITRATION = "arbitration", _("仲裁")

    class Status(models.TextChoices):
        OPEN = "open", _("办理中")
        CONCLUDED = "concluded", _("已办结")

    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="+", verbose_name=_("镇街"))
    kind = models.CharField(_("类别"), max_length=12, choices=Kind.choices)
    case_number = models.CharField(_("案号"), max_length=60)
    body = models.CharField(_("裁决/仲裁机构"), max_length=80)
    parties = models.CharField(_("当事人"), max_length=200)
    matter = models.CharField(_("争议事项"), max_length=200)
    received_on = models.DateField(_("受理日期"))
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.OPEN)
    concluded_on = models.DateField(_("办结日期"), null=True, blank=True)
    result = models.CharField(_("结果"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    tenancy_paths = TOWN_PATHS
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("行政裁决/仲裁记录")
        verbose_name_plural = _("行政裁决/仲裁记录")
        ordering = ["-received_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["town", "kind", "case_number"], name="resolution_number_unique"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.case_number}"

    def get_absolute_url(self):
        return reverse("judicial:resolution_detail", args=[self.pk])
