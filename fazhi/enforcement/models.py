"""行政执法: the town's enforcement matters, its officers and their certificates, discretion
benchmarks, cases (general and simple procedure) with their 全过程记录, and inspections.

Rules: 《行政处罚法》(2021) and 国办发〔2018〕118号 (RULES.md §2, §3). Statuses only change in
``services.py``."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from fazhi.core.models import Town, Unit
from fazhi.core.personal import PersonalDataField, mask, mask_name

TENANCY = {"district": "town__district", "town": "town"}


class OfficerQuerySet(models.QuerySet):
    def valid_on(self, day):
        """Certificates valid on ``day`` (第四十二条: only certified officers enforce)."""
        return self.filter(active=True, valid_from__lte=day, valid_until__gte=day)


class Officer(models.Model):
    """An enforcement officer and their 行政执法证."""

    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="enforcement_officers",
                             verbose_name=_("所属镇街"))
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="enforcement_officers",
                             verbose_name=_("所在执法单位"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="enforcement_officer", verbose_name=_("平台账号"))
    name = models.CharField(_("姓名"), max_length=50)
    certificate_number = models.CharField(_("执法证号"), max_length=40, unique=True)
    valid_from = models.DateField(_("证件有效期起"))
    valid_until = models.DateField(_("证件有效期至"))
    active = models.BooleanField(_("在岗"), default=True)

    objects = OfficerQuerySet.as_manager()
    tenancy_paths = TENANCY
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("执法人员")
        verbose_name_plural = _("执法人员")
        ordering = ["town_id", "unit_id", "name"]
        constraints = [
            models.CheckConstraint(condition=Q(valid_until__gte=models.F("valid_from")),
                                   name="officer_validity_ordered"),
        ]

    def __str__(self):
        return f"{self.name}({self.certificate_number})"

    def valid_on(self, day) -> bool:
        return self.active and self.valid_from <= day <= self.valid_until


class Matter(models.Model):
    """An enforcement power of the town (赋权事项), carried by one unit."""

    class Category(models.TextChoices):
        PENALTY = "penalty", _("行政处罚")
        COERCION = "coercion", _("行政强制")
        INSPECTION = "inspection", _("行政检查")
        OTHER = "other", _("其他")

    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="enforcement_matters",
                             verbose_name=_("所属镇街"))
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="enforcement_matters",
                             verbose_name=_("实施单位"))
    name = models.CharField(_("事项名称"), max_length=200)
    category = models.CharField(_("类别"), max_length=12, choices=Category.choices, default=Category.PENALTY)
    legal_basis = models.TextField(_("法律依据"))
    # The 权力清单 item code (functions app, not modelled here); checked by
    # selectors.matter_within_powers.
    power_list_ref = models.CharField(_("权力清单编码"), max_length=60, blank=True)
    # The town's 重大执法决定法制审核目录 (国办发〔2018〕118号): every decision of this matter is reviewed.
    requires_legal_review = models.BooleanField(_("列入重大执法决定法制审核目录"), default=False)
    active = models.BooleanField(_("有效"), default=True)

    tenancy_paths = TENANCY
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("执法事项")
        verbose_name_plural = _("执法事项")
        ordering = ["town_id", "unit_id", "name"]

    def __str__(self):
        return self.name


class PenaltyType(models.TextChoices):
    WARNING = "warning", _("警告")
    FINE = "fine", _("罚款")
    CONFISCATION = "confiscation", _("没收违法所得、没收非法财物")
    SUSPENSION = "suspension", _("责令停产停业、责令关闭、限制从业")
    REVOCATION = "revocation", _("降低资质等级、吊销许可证件")
    OTHER = "other", _("其他")


class Circumstance(models.TextChoices):
    MINOR = "minor", _("轻微")
    ORDINARY = "ordinary", _("一般")
    SERIOUS = "serious", _("严重")


class Benchmark(models.Model):
    """A discretion benchmark (裁量基准): for one violation and circumstance, the penalty range."""

    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="enforcement_benchmarks",
                             verbose_name=_("所属镇街"))
    matter = models.ForeignKey(Matter, on_delete=models.PROTECT, related_name="benchmarks",
                               verbose_name=_("执法事项"))
    violation = models.CharField(_("违法行为"), max_length=200)
    circumstance = models.CharField(_("情节"), max_length=10, choices=Circumstance.choices)
    penalty_type = models.CharField(_("处罚种类"), max_length=14, choices=PenaltyType.choices)
    fine_min = models.DecimalField(_("罚款下限(元)"), max_digits=12, decimal_places=2, null=True, blank=True)
    fine_max = models.DecimalField(_("罚款上限(元)"), max_digits=12, decimal_places=2, null=True, blank=True)
    description = models.TextField(_("裁量说明"), blank=True)

    tenancy_paths = TENANCY
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("裁量基准")
        verbose_name_plural = _("裁量基准")
        ordering = ["matter_id", "violation", "circumstance"]
        constraints = [
            models.CheckConstraint(
                condition=Q(fine_min__isnull=True) | Q(fine_max__isnull=True) | Q(fine_max__gte=models.F("fine_min")),
                name="benchmark_range_ordered"),
        ]

    def __str__(self):
        return f"{self.violation}({self.get_circumstance_display()})"

    @property
    def range_label(self) -> str:
        if self.penalty_type != PenaltyType.FINE:
            return self.get_penalty_type_display()
        return f"罚款{self.fine_min or 0}元至{self.fine_max if self.fine_max is not None else '—'}元"


class Procedure(models.TextChoices):
    GENERAL = "general", _("普通程序")
    SIMPLE = "simple", _("简易程序")


class PartyType(models.TextChoices):
    NATURAL_PERSON = "natural_person", _("自然人")
    LEGAL_PERSON = "legal_person", _("法人")
    OTHER_ORG = "other_org", _("其他组织")


class Outcome(models.TextChoices):
    PENALTY = "penalty", _("给予行政处罚")
    MINOR = "minor", _("不予处罚(违法行为轻微并及时改正,第三十三条第一款)")
    FIRST_OFFENCE = "first_offence", _("不予处罚(首违不罚,第三十三条第一款)")
    NO_FAULT = "no_fault", _("不予处罚(无主观过错,第三十三条第二款)")
    NOT_ESTABLISHED = "not_established", _("违法事实不能成立,不予处罚")
    TRANSFERRED = "transferred", _("涉嫌犯罪,移送司法机关")


class CaseQuerySet(models.QuerySet):
    def filed_in(self, year):
        return self.filter(filed_date__year=year)

    def decided_in(self, year):
        return self.filter(decided_date__year=year)

    def published(self):
        return self.filter(published_date__isnull=False, withdrawn_date__isnull=True)


class Case(models.Model):
    class Status(models.TextChoices):
        FILED = "filed", _("已立案")
        INVESTIGATED = "investigated", _("调查取证完毕")
        NOTIFIED = "notified", _("已告知")
        HEARING_REQUESTED = "hearing_requested", _("已申请听证")
        HEARD = "heard", _("已听证")
        REVIEWED = "reviewed", _("法制审核通过")
        DISCUSSED = "discussed", _("已集体讨论")
        DECIDED = "decided", _("已决定")
        SERVED = "served", _("已送达")
        EXECUTED = "executed", _("已执行")
        CLOSED = "closed", _("已结案")
        ARCHIVED = "archived", _("已归档")

    class Revocation(models.TextChoices):
        CHANGED = "changed", _("依法变更")
        REVOKED = "revoked", _("依法撤销")
        ILLEGAL = "illegal", _("确认违法")
        VOID = "void", _("确认无效")

    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="enforcement_cases",
                             verbose_name=_("所属镇街"))
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="enforcement_cases",
                             verbose_name=_("承办单位"))
    matter = models.ForeignKey(Matter, on_delete=models.PROTECT, null=True, blank=True, related_name="cases",
                               verbose_name=_("执法事项"))
    number = models.CharField(_("案号"), max_length=40)
    procedure = models.CharField(_("程序"), max_length=8, choices=Procedure.choices)
    status = models.CharField(_("状态"), max_length=20, choices=Status.choices, default=Status.FILED)

    party_type = models.CharField(_("当事人类型"), max_length=16, choices=PartyType.choices)
    party_name = models.CharField(_("当事人"), max_length=100)
    id_number = PersonalDataField(_("身份证号码"), kind="id_number", digest_field="id_number_digest")
    id_number_digest = models.CharField(max_length=64, blank=True, db_index=True)
    credit_code = PersonalDataField(_("统一社会信用代码"), kind="credit_code", digest_field="credit_code_digest")
    credit_code_digest = models.CharField(max_length=64, blank=True, db_index=True)

    violation = models.CharField(_("违法行为"), max_length=300)
    place = models.CharField(_("地点"), max_length=200, blank=True)
    occurred_date = models.DateField(_("违法行为发生日"))
    continuing_until = models.DateField(_("连续或继续状态终了日"), null=True, blank=True)
    # 第三十六条: five years where life, health or financial safety is concerned and harm was caused.
    long_limitation = models.BooleanField(_("涉及生命健康安全、金融安全且有危害后果"), default=False)
    filed_date = models.DateField(_("立案日期"))
    officers = models.ManyToManyField(Officer, related_name="cases", verbose_name=_("执法人员"))
    beyond_powers_risk = models.BooleanField(_("存在越权风险"), default=False)
    inspection = models.ForeignKey("Inspection", on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="cases", verbose_name=_("来源检查"))

    investigated_date = models.DateField(_("调查终结日"), null=True, blank=True)
    findings = models.TextField(_("调查认定的事实"), blank=True)
    certificates_shown = models.BooleanField(_("已出示执法证件"), default=False)

    outcome = models.CharField(_("处理结果"), max_length=16, choices=Outcome.choices, blank=True)
    penalty_type = models.CharField(_("处罚种类"), max_length=14, choices=PenaltyType.choices, blank=True)
    fine_amount = models.DecimalField(_("罚款金额(元)"), max_digits=12, decimal_places=2, null=True, blank=True)
    circumstance = models.CharField(_("情节"), max_length=10, choices=Circumstance.choices, blank=True)
    benchmark = models.ForeignKey(Benchmark, on_delete=models.PROTECT, null=True, blank=True,
                                  related_name="cases", verbose_name=_("适用裁量基准"))
    outside_benchmark = models.BooleanField(_("超出裁量基准"), default=False)
    outside_benchmark_reason = models.TextField(_("超出裁量基准的理由"), blank=True)
    major_public_interest = models.BooleanField(_("涉及重大公共利益"), default=False)
    complex_case = models.BooleanField(_("情节复杂或重大违法行为"), default=False)

    notified_date = models.DateField(_("告知日期"), null=True, blank=True)
    hearing_eligible = models.BooleanField(_("享有听证权利"), default=False)
    hearing_request_due = models.DateField(_("听证申请截止日"), null=True, blank=True)
    hearing_requested_date = models.DateField(_("申请听证日期"), null=True, blank=True)
    hearing_notice_date = models.DateField(_("听证通知日期"), null=True, blank=True)
    hearing_date = models.DateField(_("听证日期"), null=True, blank=True)
    hearing_chair = models.CharField(_("听证主持人"), max_length=50, blank=True)
    hearing_waived = models.BooleanField(_("视为放弃听证"), default=False)
    hearing_record = models.TextField(_("听证笔录摘要"), blank=True)

    review_required = models.BooleanField(_("须法制审核"), default=False)
    review_grounds = models.CharField(_("法制审核理由"), max_length=300, blank=True)
    reviewed_date = models.DateField(_("法制审核日期"), null=True, blank=True)
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                 related_name="+", verbose_name=_("法制审核人员"))
    reviewer_label = models.CharField(_("法制审核人员"), max_length=120, blank=True)
    reviewer_qualification = models.CharField(_("法律职业资格证书编号"), max_length=40, blank=True)
    review_passed = models.BooleanField(_("审核通过"), null=True, blank=True)
    review_opinion = models.TextField(_("审核意见"), blank=True)

    discussion_required = models.BooleanField(_("须集体讨论"), default=False)
    discussed_date = models.DateField(_("集体讨论日期"), null=True, blank=True)
    discussion_conclusion = models.TextField(_("集体讨论结论"), blank=True)

    decided_date = models.DateField(_("决定日期"), null=True, blank=True)
    decision_number = models.CharField(_("决定书文号"), max_length=60, blank=True)
    party_statement = models.TextField(_("陈述申辩情况"), blank=True)
    education_note = models.TextField(_("教育情况"), blank=True)
    party_present = models.BooleanField(_("当事人在场"), default=True)
    served_date = models.DateField(_("送达日期"), null=True, blank=True)
    service_method = models.CharField(_("送达方式"), max_length=50, blank=True)
    paid_date = models.DateField(_("缴款日期"), null=True, blank=True)
    paid_amount = models.DecimalField(_("缴款金额(元)"), max_digits=12, decimal_places=2, null=True, blank=True)
    surcharge = models.DecimalField(_("加处罚款(元)"), max_digits=12, decimal_places=2, null=True, blank=True)
    closed_date = models.DateField(_("结案日期"), null=True, blank=True)
    archived_date = models.DateField(_("归档日期"), null=True, blank=True)

    published_date = models.DateField(_("公示日期"), null=True, blank=True)
    revoked_date = models.DateField(_("决定变更/撤销日期"), null=True, blank=True)
    revocation = models.CharField(_("变更/撤销情形"), max_length=10, choices=Revocation.choices, blank=True)
    revocation_reason = models.TextField(_("变更/撤销理由"), blank=True)
    withdrawn_date = models.DateField(_("撤回公示日期"), null=True, blank=True)
    withdrawal_reason = models.TextField(_("撤回公示说明"), blank=True)

    # Due dates copied from the case's clocks (the clocks compute them) for lists and the API.
    decision_due = models.DateField(_("决定期限"), null=True, blank=True, db_index=True)
    service_due = models.DateField(_("送达期限"), null=True, blank=True)
    payment_due = models.DateField(_("缴款期限"), null=True, blank=True)
    publicity_due = models.DateField(_("公示期限"), null=True, blank=True)
    withdrawal_due = models.DateField(_("撤回公示期限"), null=True, blank=True)

    created_at = models.DateTimeField(auto_now_add=True)

    objects = CaseQuerySet.as_manager()
    tenancy_paths = TENANCY
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("行政执法案件")
        verbose_name_plural = _("行政执法案件")
        ordering = ["-filed_date", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["town", "number"], name="enforcement_case_number_unique"),
            models.CheckConstraint(condition=Q(fine_amount__isnull=True) | Q(fine_amount__gte=0),
                                   name="enforcement_fine_not_negative"),
            models.CheckConstraint(condition=Q(filed_date__gte=models.F("occurred_date")),
                                   name="enforcement_filed_after_occurred"),
            # 第四十八条: an outside-benchmark penalty carries its written reason.
            models.CheckConstraint(condition=Q(outside_benchmark=False) | ~Q(outside_benchmark_reason=""),
                                   name="enforcement_outside_benchmark_reasoned"),
        ]
        indexes = [models.Index(fields=["town", "filed_date"], name="enforcement_case_town_filed")]

    def __str__(self):
        return f"{self.number} {self.violation[:30]}"

    def get_absolute_url(self):
        return reverse("enforcement:case_detail", args=[self.pk])

    @property
    def is_natural_person(self) -> bool:
        return self.party_type == PartyType.NATURAL_PERSON

    @property
    def party_masked(self) -> str:
        """The party as any list, export or the portal shows it."""
        return mask_name(self.party_name) if self.is_natural_person else self.party_name

    @property
    def party_code_masked(self) -> str:
        if self.is_natural_person:
            return mask("id_number", self.id_number)
        return mask("credit_code", self.credit_code)

    @property
    def is_penalty(self) -> bool:
        return self.outcome == Outcome.PENALTY

    @property
    def is_fine(self) -> bool:
        return self.is_penalty and self.penalty_type == PenaltyType.FINE and bool(self.fine_amount)


class CaseRecord(models.Model):
    """One entry of the case's 全过程记录 (第四十七条): text, or an evidence file (with its SHA-256
    in core's Attachment)."""

    class Stage(models.TextChoices):
        FILING = "filing", _("立案")
        INVESTIGATION = "investigation", _("调查取证")
        NOTICE = "notice", _("告知")
        HEARING = "hearing", _("听证")
        REVIEW = "review", _("法制审核")
        DISCUSSION = "discussion", _("集体讨论")
        DECISION = "decision", _("决定")
        SERVICE = "service", _("送达")
        EXECUTION = "execution", _("执行")
        CLOSING = "closing", _("结案归档")
        PUBLICITY = "publicity", _("公示")

    class Kind(models.TextChoices):
        TEXT = "text", _("文字记录")
        DOCUMENT = "document", _("文书")
        AUDIO_VIDEO = "audio_video", _("音像记录")
        PHOTO = "photo", _("照片")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="records")
    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="+")
    stage = models.CharField(_("环节"), max_length=14, choices=Stage.choices)
    kind = models.CharField(_("形式"), max_length=12, choices=Kind.choices, default=Kind.TEXT)
    note = models.CharField(_("记录内容"), max_length=500)
    attachment = models.ForeignKey("core.Attachment", on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")
    recorded_on = models.DateField(_("记录日期"))
    recorded_by_label = models.CharField(_("记录人"), max_length=120)
    created_at = models.DateTimeField(auto_now_add=True)

    tenancy_paths = TENANCY

    class Meta:
        verbose_name = _("全过程记录")
        verbose_name_plural = _("全过程记录")
        ordering = ["recorded_on", "id"]

    def __str__(self):
        return f"{self.get_stage_display()}:{self.note[:30]}"


class Inspection(models.Model):
    """A 行政检查, planned (随机抽查 plan) or ad hoc, with its findings; it may lead to a case."""

    class Kind(models.TextChoices):
        PLANNED = "planned", _("计划检查")
        ADHOC = "adhoc", _("临时检查")

    class Result(models.TextChoices):
        PENDING = "pending", _("待检查")
        NO_ISSUE = "no_issue", _("未发现问题")
        RECTIFY = "rectify", _("责令整改")
        CASE = "case", _("立案查处")

    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="enforcement_inspections",
                             verbose_name=_("所属镇街"))
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("检查单位"))
    matter = models.ForeignKey(Matter, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                               verbose_name=_("执法事项"))
    kind = models.CharField(_("类型"), max_length=8, choices=Kind.choices)
    subject_name = models.CharField(_("检查对象"), max_length=100)
    subject_is_person = models.BooleanField(_("检查对象为自然人"), default=False)
    place = models.CharField(_("地点"), max_length=200, blank=True)
    planned_date = models.DateField(_("计划日期"))
    inspected_date = models.DateField(_("检查日期"), null=True, blank=True)
    officers = models.ManyToManyField(Officer, blank=True, related_name="inspections", verbose_name=_("执法人员"))
    findings = models.TextField(_("检查情况"), blank=True)
    result = models.CharField(_("检查结果"), max_length=10, choices=Result.choices, default=Result.PENDING)

    tenancy_paths = TENANCY
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("行政检查")
        verbose_name_plural = _("行政检查")
        ordering = ["-planned_date", "-id"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.subject_label} {self.planned_date}"

    @property
    def subject_label(self) -> str:
        return mask_name(self.subject_name) if self.subject_is_person else self.subject_name
