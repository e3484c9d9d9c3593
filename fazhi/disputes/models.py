"""矛盾纠纷: intake, assignment at the lowest level that can settle it, mediation, agreement,
司法确认 window, return visit (《人民调解法》, RULES §6)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from fazhi.core.models import Grid, LinkageBody, Town, Village
from fazhi.core.personal import PersonalDataField, mask, mask_name


class Source(models.TextChoices):
    VISIT = "visit", _("来访")
    GRID = "grid", _("网格排查")
    POLICE = "police", _("110/派出所移交")
    COURT = "court", _("法院委派/委托")
    PETITION = "petition", _("信访转办")
    HOTLINE = "hotline", _("12345热线")
    PORTAL = "portal", _("网上申请")
    OTHER = "other", _("其他")


# Sources handed over by a linkage body: the body is recorded.
LINKAGE_SOURCES = (Source.POLICE, Source.COURT, Source.PETITION)


class Category(models.TextChoices):
    # RULES PM-CAT: 司法部人民调解统计口径.
    MARRIAGE = "marriage", _("婚姻家庭纠纷")
    NEIGHBOUR = "neighbour", _("邻里纠纷")
    HOUSING = "housing", _("房屋宅基地纠纷")
    CONTRACT = "contract", _("合同纠纷")
    BUSINESS = "business", _("生产经营纠纷")
    DAMAGES = "damages", _("损害赔偿纠纷")
    LAND = "land", _("山林土地纠纷")
    EXPROPRIATION = "expropriation", _("征地拆迁纠纷")
    ENVIRONMENT = "environment", _("环境污染纠纷")
    LABOUR = "labour", _("劳动争议纠纷")
    CONSUMER = "consumer", _("消费纠纷")
    MEDICAL = "medical", _("医疗纠纷")
    TRAFFIC = "traffic", _("道路交通事故纠纷")
    PROPERTY = "property", _("物业纠纷")
    TOURISM = "tourism", _("旅游纠纷")
    IP = "ip", _("知识产权纠纷")
    INTERNET = "internet", _("互联网纠纷")
    OTHER = "other", _("其他纠纷")


class RiskLevel(models.TextChoices):
    LOW = "low", _("一般")
    ATTENTION = "attention", _("需关注")
    ESCALATING = "escalating", _("可能激化")


RISK_ORDER = {RiskLevel.ESCALATING: 0, RiskLevel.ATTENTION: 1, RiskLevel.LOW: 2}


class Level(models.TextChoices):
    """Where a dispute is mediated, lowest first: 小事不出村,大事不出镇,矛盾不上交."""

    VILLAGE = "village", _("村/社区调委会")
    TOWN = "town", _("镇人民调解委员会")
    LINKAGE = "linkage", _("联动调解(区级部门/单位)")


LEVEL_ORDER = [Level.VILLAGE, Level.TOWN, Level.LINKAGE]


class Status(models.TextChoices):
    REGISTERED = "registered", _("已登记")
    ACCEPTED = "accepted", _("已受理")
    DECLINED = "declined", _("不予受理")
    ASSIGNED = "assigned", _("已指派")
    MEDIATING = "mediating", _("调解中")
    SETTLED = "settled", _("调解成功")
    FAILED = "failed", _("调解不成")
    HANDED_OVER = "handed_over", _("已移交")
    CLOSED = "closed", _("已结案")


class Outcome(models.TextChoices):
    SETTLED = "settled", _("调解成功")
    FAILED = "failed", _("调解不成")


class AgreementForm(models.TextChoices):
    WRITTEN = "written", _("书面协议")
    ORAL = "oral", _("口头协议")


class GuidedTo(models.TextChoices):
    LITIGATION = "litigation", _("诉讼")
    ARBITRATION = "arbitration", _("仲裁")
    ADMINISTRATIVE = "administrative", _("行政途径")
    OTHER = "other", _("其他途径")


class DisputeQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(status__in=[Status.DECLINED, Status.CLOSED, Status.SETTLED, Status.FAILED,
                                        Status.HANDED_OVER])

    def concluded_in(self, year: int):
        """Disputes whose mediation concluded in ``year``, settled or not (the report's 调处数)."""
        return self.filter(outcome__isnull=False, concluded_date__year=year).exclude(outcome="")

    def in_year(self, year: int):
        return self.filter(received_date__year=year)


class Dispute(models.Model):
    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="disputes", verbose_name=_("所属镇街"))
    village = models.ForeignKey(Village, on_delete=models.PROTECT, null=True, blank=True, related_name="disputes",
                                verbose_name=_("村/社区"))
    grid = models.ForeignKey(Grid, on_delete=models.PROTECT, null=True, blank=True, related_name="disputes",
                             verbose_name=_("网格"))
    code = models.CharField(_("编号"), max_length=30)
    source = models.CharField(_("来源"), max_length=12, choices=Source.choices)
    source_body = models.ForeignKey(LinkageBody, on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="disputes_sent", verbose_name=_("移交/委派单位"))
    category = models.CharField(_("纠纷类型"), max_length=16, choices=Category.choices)
    received_date = models.DateField(_("登记日期"))
    title = models.CharField(_("纠纷简述"), max_length=100)
    description = models.TextField(_("纠纷情况"))
    amount = models.DecimalField(_("涉及金额(元)"), max_digits=14, decimal_places=2, default=0)
    people_involved = models.PositiveIntegerField(_("涉及人数"), default=2)
    risk_level = models.CharField(_("风险等级"), max_length=12, choices=RiskLevel.choices, default=RiskLevel.LOW)
    status = models.CharField(_("状态"), max_length=12, choices=Status.choices, default=Status.REGISTERED)

    accepted_date = models.DateField(_("受理日期"), null=True, blank=True)
    declined_reason = models.CharField(_("不予受理理由"), max_length=300, blank=True)

    level = models.CharField(_("调解层级"), max_length=10, choices=Level.choices, blank=True)
    mediator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                 related_name="disputes_mediated", verbose_name=_("调解员"))
    mediator_label = models.CharField(_("调解员"), max_length=80, blank=True)
    linkage_body = models.ForeignKey(LinkageBody, on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="disputes_linked", verbose_name=_("联动单位"))
    assigned_date = models.DateField(_("指派日期"), null=True, blank=True)
    assignment_reason = models.CharField(_("指派/上交理由"), max_length=300, blank=True)

    outcome = models.CharField(_("调解结果"), max_length=8, choices=Outcome.choices, blank=True)
    concluded_date = models.DateField(_("调结日期"), null=True, blank=True, db_index=True)
    concluded_level = models.CharField(_("调结层级"), max_length=10, choices=Level.choices, blank=True)
    # 人民调解法第二十九条: the agreement's contents.
    facts = models.TextField(_("纠纷主要事实、争议事项及各方责任"), blank=True)
    agreement_terms = models.TextField(_("协议内容"), blank=True)
    performance = models.TextField(_("履行方式和期限"), blank=True)
    agreement_form = models.CharField(_("协议形式"), max_length=8, choices=AgreementForm.choices, blank=True)
    agreement_amount = models.DecimalField(_("协议涉及金额(元)"), max_digits=14, decimal_places=2, default=0)
    guided_to = models.CharField(_("引导途径"), max_length=16, choices=GuidedTo.choices, blank=True)
    failure_reason = models.CharField(_("调解不成原因"), max_length=300, blank=True)
    confirmation_applied_date = models.DateField(_("申请司法确认日期"), null=True, blank=True)

    handed_to = models.ForeignKey(LinkageBody, on_delete=models.PROTECT, null=True, blank=True,
                                  related_name="disputes_received", verbose_name=_("移交单位"))
    handed_date = models.DateField(_("移交日期"), null=True, blank=True)
    handover_reason = models.CharField(_("移交理由"), max_length=300, blank=True)

    performed = models.BooleanField(_("协议已履行"), null=True, blank=True)
    closed_date = models.DateField(_("结案日期"), null=True, blank=True)

    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="disputes_reported", verbose_name=_("登记人"))
    reported_by_label = models.CharField(_("登记人"), max_length=80, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = DisputeQuerySet.as_manager()
    tenancy_paths = {"district": "town__district", "town": "town", "village": "village", "grid": "grid"}
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("矛盾纠纷")
        verbose_name_plural = _("矛盾纠纷")
        ordering = ["-received_date", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["town", "code"], name="dispute_code_unique_in_town"),
            models.CheckConstraint(condition=Q(amount__gte=0), name="dispute_amount_non_negative"),
            models.CheckConstraint(
                condition=~Q(status="settled") | (Q(outcome="settled") & Q(concluded_date__isnull=False)),
                name="dispute_settled_has_conclusion"),
            models.CheckConstraint(
                condition=~Q(status="failed") | (Q(outcome="failed") & ~Q(guided_to="")),
                name="dispute_failed_has_guidance"),
            models.CheckConstraint(condition=Q(grid__isnull=True) | Q(village__isnull=False),
                                   name="dispute_grid_needs_village"),
        ]
        indexes = [models.Index(fields=["town", "status"], name="dispute_town_status")]

    def __str__(self):
        return f"{self.code} {self.title}"

    def get_absolute_url(self):
        return reverse("disputes:detail", args=[self.pk])

    @property
    def is_escalating(self):
        return self.risk_level == RiskLevel.ESCALATING


class PartyRole(models.TextChoices):
    APPLICANT = "applicant", _("申请人")
    RESPONDENT = "respondent", _("被申请人")
    THIRD = "third", _("第三人")


class Party(models.Model):
    dispute = models.ForeignKey(Dispute, on_delete=models.CASCADE, related_name="parties")
    name = models.CharField(_("姓名/名称"), max_length=80)
    role = models.CharField(_("身份"), max_length=12, choices=PartyRole.choices)
    id_number = PersonalDataField(_("身份证号码"), kind="id_number", digest_field="id_number_digest")
    id_number_digest = models.CharField(max_length=64, blank=True, db_index=True)
    phone = PersonalDataField(_("联系电话"), kind="phone", digest_field="phone_digest")
    phone_digest = models.CharField(max_length=64, blank=True, db_index=True)
    is_organisation = models.BooleanField(_("单位"), default=False)

    tenancy_paths = {"district": "dispute__town__district", "town": "dispute__town",
                     "village": "dispute__village", "grid": "dispute__grid"}

    class Meta:
        verbose_name = _("当事人")
        verbose_name_plural = _("当事人")
        ordering = ["id"]

    def __str__(self):
        return self.masked_name

    @property
    def masked_name(self):
        return self.name if self.is_organisation else mask_name(self.name)

    @property
    def masked_id_number(self):
        return mask("id_number", self.id_number)

    @property
    def masked_phone(self):
        return mask("phone", self.phone)


class Session(models.Model):
    """A mediation session (人民调解法第二十七条: the mediator records it)."""

    dispute = models.ForeignKey(Dispute, on_delete=models.CASCADE, related_name="sessions")
    date = models.DateField(_("调解日期"))
    place = models.CharField(_("地点"), max_length=100, blank=True)
    mediator_label = models.CharField(_("调解员"), max_length=80)
    record = models.TextField(_("调解记录"))
    created_at = models.DateTimeField(auto_now_add=True)

    tenancy_paths = Party.tenancy_paths

    class Meta:
        verbose_name = _("调解记录")
        verbose_name_plural = _("调解记录")
        ordering = ["date", "id"]

    def __str__(self):
        return f"{self.date} {self.mediator_label}"


class ReturnVisit(models.Model):
    """回访 (人民调解法第三十一条: the committee follows the performance of the agreement)."""

    class Method(models.TextChoices):
        PHONE = "phone", _("电话回访")
        VISIT = "visit", _("上门回访")

    dispute = models.ForeignKey(Dispute, on_delete=models.CASCADE, related_name="return_visits")
    date = models.DateField(_("回访日期"))
    method = models.CharField(_("回访方式"), max_length=8, choices=Method.choices, default=Method.PHONE)
    performed = models.BooleanField(_("协议已履行"), null=True, blank=True)
    note = models.TextField(_("回访情况"), blank=True)
    visitor_label = models.CharField(_("回访人"), max_length=80)

    tenancy_paths = Party.tenancy_paths

    class Meta:
        verbose_name = _("回访")
        verbose_name_plural = _("回访")
        ordering = ["date", "id"]

    def __str__(self):
        return f"{self.date} {self.get_method_display()}"
