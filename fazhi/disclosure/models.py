"""政府信息公开: proactive items (主动公开), requests (依申请公开), reply letters and redactions.

Statute: 《中华人民共和国政府信息公开条例》(国务院令第711号). Article numbers are cited where a
field or a constraint carries a rule (RULES.md §1)."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from fazhi.core.models import Town
from fazhi.core.personal import PersonalDataField, mask, mask_name

TENANCY = {"district": "town__district", "town": "town"}


# --- proactive disclosure (第二十六条) ---------------------------------------------------------


class ProactiveCategory(models.TextChoices):
    # 第二十条 lists what an agency publishes proactively; the township-relevant items.
    ORGANISATION = "organisation", _("机构职能")
    NORMATIVE = "normative", _("行政规范性文件")
    PLANNING = "planning", _("规划计划")
    LICENSING = "licensing", _("行政许可")
    ENFORCEMENT = "enforcement", _("行政处罚、行政强制")
    FEES = "fees", _("行政事业性收费")
    BUDGET = "budget", _("财政预算决算")
    PROCUREMENT = "procurement", _("政府采购")
    SUBSIDIES = "subsidies", _("惠民惠农补贴")
    EMERGENCY = "emergency", _("突发公共事件")
    RECRUITMENT = "recruitment", _("公务员招考、招聘")
    OTHER = "other", _("其他")


class ProactiveStatus(models.TextChoices):
    DRAFT = "draft", _("待公开")
    PUBLISHED = "published", _("已公开")
    WITHDRAWN = "withdrawn", _("已撤回")


class ProactiveItem(models.Model):
    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="disclosure_items", verbose_name=_("镇/街道"))
    title = models.CharField(_("标题"), max_length=200)
    category = models.CharField(_("类别"), max_length=20, choices=ProactiveCategory.choices)
    document_number = models.CharField(_("文号"), max_length=80, blank=True)
    content = models.TextField(_("公开内容"), blank=True)
    # 第二十六条: 20 working days from the day the information was formed or changed.
    formed_date = models.DateField(_("信息形成(变更)日期"))
    published_date = models.DateField(_("公开日期"), null=True, blank=True)
    status = models.CharField(_("状态"), max_length=12, choices=ProactiveStatus.choices,
                              default=ProactiveStatus.DRAFT)
    due_date = models.DateField(_("应公开日期"), null=True, blank=True, db_index=True)
    on_time = models.BooleanField(_("按期公开"), null=True, blank=True)
    created_by_label = models.CharField(_("登记人"), max_length=120, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    tenancy_paths = TENANCY
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("主动公开信息")
        verbose_name_plural = _("主动公开信息")
        ordering = ["-formed_date", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(published_date__isnull=True) | Q(published_date__gte=models.F("formed_date")),
                name="disclosure_item_published_after_formed",
            ),
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_date__isnull=False),
                name="disclosure_item_published_has_date",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("disclosure:item_detail", args=[self.pk])


# --- requests (依申请公开) ----------------------------------------------------------------------


class ApplicantType(models.TextChoices):
    NATURAL_PERSON = "natural_person", _("自然人")
    LEGAL_PERSON = "legal_person", _("法人")
    OTHER_ORG = "other_org", _("其他组织")


class OrgKind(models.TextChoices):
    # The columns of the 2021 annual-report table (国办公开办函〔2021〕30号).
    COMMERCIAL = "commercial", _("商业企业")
    RESEARCH = "research", _("科研机构")
    PUBLIC_WELFARE = "public_welfare", _("社会公益组织")
    LEGAL_SERVICE = "legal_service", _("法律服务机构")
    OTHER = "other", _("其他")


class Channel(models.TextChoices):
    IN_PERSON = "in_person", _("当面提交")
    POST = "post", _("邮寄")
    FAX = "fax", _("传真")
    ONLINE = "online", _("网络")


class FormWanted(models.TextChoices):
    PAPER = "paper", _("纸质")
    ELECTRONIC = "electronic", _("电子文档")
    INSPECT = "inspect", _("当场阅读、抄录")


class DeliveryMethod(models.TextChoices):
    IN_PERSON = "in_person", _("当面领取")
    POST = "post", _("邮寄")
    EMAIL = "email", _("电子邮件")
    ONLINE = "online", _("网上查阅")


class RequestStatus(models.TextChoices):
    SUBMITTED = "submitted", _("待确认收到")  # arrived online/by fax, receipt not yet confirmed (第三十一条(三))
    REGISTERED = "registered", _("办理中")
    CORRECTION = "correction", _("待补正")
    CONSULTING = "consulting", _("征求意见中")
    REPLIED = "replied", _("已答复")
    DELIVERED = "delivered", _("已送达")
    CLOSED = "closed", _("已办结")
    WITHDRAWN = "withdrawn", _("申请人撤回")


class ReplyType(models.TextChoices):
    # 第三十六条 and the rows of table 三 of the annual report (国办公开办函〔2021〕30号).
    DISCLOSED = "disclosed", _("予以公开")
    PARTIAL = "partial", _("部分公开")
    WITHHELD = "withheld", _("不予公开")
    UNAVAILABLE = "unavailable", _("无法提供")
    NOT_PROCESSED = "not_processed", _("不予处理")
    OTHER = "other", _("其他处理")


class ReplyReason(models.TextChoices):
    # 不予公开 (第十四、十五、十六条)
    STATE_SECRET = "state_secret", _("属于国家秘密")
    LAW_PROHIBITED = "law_prohibited", _("其他法律行政法规禁止公开")
    THREE_SAFETY = "three_safety", _("危及“三安全一稳定”")
    THIRD_PARTY = "third_party", _("保护第三方合法权益")
    INTERNAL = "internal", _("属于三类内部事务信息")
    PROCESS = "process", _("属于四类过程性信息")
    ENFORCEMENT_FILE = "enforcement_file", _("属于行政执法案卷")
    QUERY = "query", _("属于行政查询事项")
    # 无法提供 (第三十六条(四)(五)、第三十八条、第三十条)
    NOT_HELD = "not_held", _("本机关不掌握相关政府信息")
    NEED_CREATE = "need_create", _("没有现成信息需要另行制作")
    UNCLEAR = "unclear", _("补正后申请内容仍不明确")
    # 不予处理 (第三十九条、第三十六条(六)、第三十五条)
    PETITION = "petition", _("信访举报投诉类申请")
    DUPLICATE = "duplicate", _("重复申请")
    PUBLICATION = "publication", _("要求提供公开出版物")
    EXCESSIVE = "excessive", _("无正当理由大量反复申请")
    CONFIRM = "confirm", _("要求行政机关确认或重新出具已获取信息")
    # 其他处理 (第三十条; 国办函〔2020〕109号)
    CORRECTION_OVERDUE = "correction_overdue", _("申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请")
    FEE_OVERDUE = "fee_overdue", _("申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请")
    OTHER = "other", _("其他")


REASONS_BY_TYPE = {
    ReplyType.DISCLOSED: [],
    ReplyType.PARTIAL: [],
    ReplyType.WITHHELD: [ReplyReason.STATE_SECRET, ReplyReason.LAW_PROHIBITED, ReplyReason.THREE_SAFETY,
                         ReplyReason.THIRD_PARTY, ReplyReason.INTERNAL, ReplyReason.PROCESS,
                         ReplyReason.ENFORCEMENT_FILE, ReplyReason.QUERY],
    ReplyType.UNAVAILABLE: [ReplyReason.NOT_HELD, ReplyReason.NEED_CREATE, ReplyReason.UNCLEAR],
    ReplyType.NOT_PROCESSED: [ReplyReason.PETITION, ReplyReason.DUPLICATE, ReplyReason.PUBLICATION,
                              ReplyReason.EXCESSIVE, ReplyReason.CONFIRM],
    ReplyType.OTHER: [ReplyReason.CORRECTION_OVERDUE, ReplyReason.FEE_OVERDUE, ReplyReason.OTHER],
}


class ConsultKind(models.TextChoices):
    THIRD_PARTY = "third_party", _("第三方")
    OTHER_AGENCY = "other_agency", _("其他行政机关")


class ConsultOpinion(models.TextChoices):
    AGREE = "agree", _("同意公开")
    OBJECT = "object", _("不同意公开")
    NONE = "none", _("逾期未提出意见")


class DisclosureRequest(models.Model):
    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="disclosure_requests",
                             verbose_name=_("镇/街道"))
    query_code = models.CharField(_("查询码"), max_length=12, unique=True)
    # Applicant
    applicant_type = models.CharField(_("申请人类型"), max_length=16, choices=ApplicantType.choices)
    org_kind = models.CharField(_("组织类别"), max_length=16, choices=OrgKind.choices, blank=True)
    applicant_name = models.CharField(_("申请人姓名/名称"), max_length=100)
    id_number = PersonalDataField(_("身份证号码"), kind="id_number", digest_field="id_number_digest")
    id_number_digest = models.CharField(max_length=64, blank=True, db_index=True)
    credit_code = PersonalDataField(_("统一社会信用代码"), kind="credit_code", digest_field="credit_code_digest")
    credit_code_digest = models.CharField(max_length=64, blank=True, db_index=True)
    legal_representative = models.CharField(_("法定代表人/负责人"), max_length=50, blank=True)
    contact_person = models.CharField(_("联系人"), max_length=50, blank=True)
    phone = PersonalDataField(_("联系电话"), kind="phone", digest_field="phone_digest")
    phone_digest = models.CharField(max_length=64, blank=True, db_index=True)
    address = models.CharField(_("通信地址"), max_length=200, blank=True)
    postcode = models.CharField(_("邮政编码"), max_length=6, blank=True)
    email = models.EmailField(_("电子邮箱"), blank=True)
    # Receipt (第三十一条)
    channel = models.CharField(_("提交方式"), max_length=12, choices=Channel.choices)
    arrived_date = models.DateField(_("送达(到达)日期"))
    received_date = models.DateField(_("收到申请之日"), null=True, blank=True, db_index=True)
    # The request
    content = models.TextField(_("所需政府信息的名称、文号或者便于查询的其他特征性描述"))
    purpose = models.CharField(_("用途说明"), max_length=200, blank=True)
    form_wanted = models.CharField(_("获取信息的方式"), max_length=12, choices=FormWanted.choices,
                                   default=FormWanted.PAPER)
    delivery_wanted = models.CharField(_("获取信息的途径"), max_length=12, choices=DeliveryMethod.choices,
                                       default=DeliveryMethod.POST)
    status = models.CharField(_("状态"), max_length=12, choices=RequestStatus.choices,
                              default=RequestStatus.REGISTERED, db_index=True)
    due_date = models.DateField(_("答复期限"), null=True, blank=True, db_index=True)
    # 补正 (第三十条)
    clear_confirmed_on = models.DateField(_("确认无需补正日期"), null=True, blank=True)
    correction_requested_on = models.DateField(_("告知补正日期"), null=True, blank=True)
    correction_items = models.TextField(_("补正事项"), blank=True)
    correction_deadline = models.DateField(_("补正期限"), null=True, blank=True)
    correction_received_on = models.DateField(_("收到补正日期"), null=True, blank=True)
    # 征求意见 (第三十二条、第三十三条第三款)
    consult_kind = models.CharField(_("征求意见对象类别"), max_length=16, choices=ConsultKind.choices, blank=True)
    consult_party = models.CharField(_("征求意见对象"), max_length=100, blank=True)
    consult_sent_on = models.DateField(_("发出征求意见日期"), null=True, blank=True)
    consult_replied_on = models.DateField(_("收到意见日期"), null=True, blank=True)
    consult_opinion = models.CharField(_("意见"), max_length=10, choices=ConsultOpinion.choices, blank=True)
    # 延长 (第三十三条第二款)
    extension_workdays = models.PositiveSmallIntegerField(_("延长工作日数"), default=0)
    extension_reason = models.CharField(_("延长理由"), max_length=200, blank=True)
    extension_approved_on = models.DateField(_("延长批准日期"), null=True, blank=True)
    extension_approved_by_label = models.CharField(_("延长批准人"), max_length=120, blank=True)
    # 第三十五条: volume or frequency clearly beyond a reasonable range
    reasons_asked_on = models.DateField(_("要求说明理由日期"), null=True, blank=True)
    delay_until = models.DateField(_("延迟答复期限"), null=True, blank=True)
    delay_reason = models.CharField(_("延迟答复理由"), max_length=200, blank=True)
    # 不予公开的法制审核
    review_reason = models.CharField(_("拟不予公开理由"), max_length=20, choices=ReplyReason.choices, blank=True)
    review_agreed = models.BooleanField(_("审核同意"), null=True, blank=True)
    review_opinion = models.TextField(_("审核意见"), blank=True)
    reviewed_on = models.DateField(_("审核日期"), null=True, blank=True)
    reviewed_by_label = models.CharField(_("审核人"), max_length=120, blank=True)
    # 答复 (第三十六条)
    reply_type = models.CharField(_("答复类型"), max_length=16, choices=ReplyType.choices, blank=True)
    reply_reason = models.CharField(_("答复理由"), max_length=20, choices=ReplyReason.choices, blank=True)
    reply_explanation = models.TextField(_("答复说明"), blank=True)
    released_text = models.TextField(_("提供的信息(已遮蔽个人信息)"), blank=True)
    responsible_agency = models.CharField(_("负责公开的机关"), max_length=100, blank=True)
    replied_on = models.DateField(_("答复日期"), null=True, blank=True)
    replied_on_time = models.BooleanField(_("按期答复"), null=True, blank=True)
    # The day the handling ended for the annual report: the reply, or the withdrawal.
    concluded_on = models.DateField(_("办理完结日期"), null=True, blank=True, db_index=True)
    delivered_on = models.DateField(_("送达日期"), null=True, blank=True)
    delivery_method = models.CharField(_("送达方式"), max_length=12, choices=DeliveryMethod.choices, blank=True)
    closed_on = models.DateField(_("办结日期"), null=True, blank=True)
    withdrawn_on = models.DateField(_("撤回日期"), null=True, blank=True)
    # 信息处理费 (第四十二条; 国办函〔2020〕109号)
    fee_method = models.CharField(_("计收方式"), max_length=8, choices=[("item", _("按件计收")), ("page", _("按量计收"))],
                                  blank=True)
    fee_pages = models.PositiveIntegerField(_("页数"), null=True, blank=True)
    fee_amount = models.DecimalField(_("信息处理费(元)"), max_digits=10, decimal_places=2, default=0)
    fee_notified_on = models.DateField(_("收费通知日期"), null=True, blank=True)
    fee_paid_on = models.DateField(_("缴费日期"), null=True, blank=True)
    handled_by_label = models.CharField(_("经办人"), max_length=120, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    tenancy_paths = TENANCY
    history = HistoricalRecords(excluded_fields=["id_number", "credit_code", "phone"])

    class Meta:
        verbose_name = _("政府信息公开申请")
        verbose_name_plural = _("政府信息公开申请")
        ordering = ["-arrived_date", "-id"]
        indexes = [models.Index(fields=["town", "received_date"], name="disclosure_req_town_received")]
        constraints = [
            # 第三十一条: the receipt date is never before the request arrived.
            models.CheckConstraint(
                condition=Q(received_date__isnull=True) | Q(received_date__gte=models.F("arrived_date")),
                name="disclosure_req_received_after_arrival",
            ),
            # 第三十三条第二款: one extension of at most 20 working days.
            models.CheckConstraint(condition=Q(extension_workdays__lte=20), name="disclosure_req_extension_cap"),
            models.CheckConstraint(
                condition=Q(status="submitted") | Q(received_date__isnull=False),
                name="disclosure_req_registered_has_receipt",
            ),
            models.CheckConstraint(
                condition=Q(applicant_type="natural_person") | ~Q(org_kind=""),
                name="disclosure_req_org_has_kind",
            ),
        ]

    def __str__(self):
        return f"信息公开申请 {self.query_code}"

    def get_absolute_url(self):
        return reverse("disclosure:request_detail", args=[self.pk])

    @property
    def is_natural_person(self) -> bool:
        return self.applicant_type == ApplicantType.NATURAL_PERSON

    @property
    def applicant_masked(self) -> str:
        """The applicant as lists, exports and reports show them: a person's name masked, an
        organisation's name as it is (it is public)."""
        return mask_name(self.applicant_name) if self.is_natural_person else self.applicant_name

    @property
    def id_number_masked(self) -> str:
        return mask("id_number", self.id_number)

    @property
    def credit_code_masked(self) -> str:
        return mask("credit_code", self.credit_code)

    @property
    def phone_masked(self) -> str:
        return mask("phone", self.phone)

    @property
    def correction_possible(self) -> bool:
        """第三十条: one notice, before the request is otherwise handled (read from the row's own
        fields, so that a list of requests needs no query per row)."""
        return not (self.correction_requested_on or self.clear_confirmed_on or self.consult_sent_on
                    or self.extension_approved_on or self.fee_notified_on or self.reasons_asked_on)

    @property
    def report_column(self) -> str:
        """The column of table 三 this applicant is counted in."""
        return "natural_person" if self.is_natural_person else (self.org_kind or OrgKind.OTHER)


# --- letters and redactions ------------------------------------------------------------------


class LetterKind(models.TextChoices):
    CORRECTION = "correction", _("补正申请告知书")
    EXTENSION = "extension", _("延期答复告知书")
    CONSULTATION = "consultation", _("征求第三方意见书")
    REASONS = "reasons", _("要求说明理由通知书")
    DELAY = "delay", _("延迟答复告知书")
    DISCLOSED = "disclosed", _("予以公开告知书")
    PARTIAL = "partial", _("部分公开告知书")
    WITHHELD = "withheld", _("不予公开告知书")
    UNAVAILABLE = "unavailable", _("无法提供告知书")
    NOT_PROCESSED = "not_processed", _("不予处理告知书")
    OTHER = "other", _("政府信息公开申请处理告知书")


class LetterTemplate(models.Model):
    """A letter's wording, editable by a clerk in the admin. ``town`` empty: the district-wide
    default; a town's own template wins over it. Placeholders like {申请人} are filled from the
    case (the admin help text lists them)."""

    town = models.ForeignKey(Town, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                             verbose_name=_("镇/街道"), help_text=_("留空表示适用于所有镇街的默认模板"))
    kind = models.CharField(_("文书类型"), max_length=16, choices=LetterKind.choices)
    title = models.CharField(_("标题"), max_length=100)
    body = models.TextField(
        _("正文"),
        help_text=_("可用占位符:{申请人} {收到日期} {申请内容} {查询码} {答复日期} {答复理由} {答复说明} "
                    "{提供信息} {负责机关} {补正事项} {补正期限} {延长天数} {延长理由} {新答复期限} "
                    "{征求意见对象} {延迟理由} {延迟答复期限} {机关名称} {法律依据} {救济途径}"),
    )
    updated_at = models.DateTimeField(auto_now=True)

    tenancy_paths = {"district": "town__district", "town": "town"}
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("告知书模板")
        verbose_name_plural = _("告知书模板")
        constraints = [
            models.UniqueConstraint(fields=["town", "kind"], name="disclosure_template_unique"),
            models.UniqueConstraint(fields=["kind"], condition=Q(town__isnull=True),
                                    name="disclosure_template_default_unique"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}({self.town or '默认'})"


class Letter(models.Model):
    """A letter issued on a request; its DOCX is an attachment of the request."""

    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="+", verbose_name=_("镇/街道"))
    request = models.ForeignKey(DisclosureRequest, on_delete=models.PROTECT, related_name="letters")
    kind = models.CharField(_("文书类型"), max_length=16, choices=LetterKind.choices)
    issued_on = models.DateField(_("日期"))
    attachment = models.ForeignKey("core.Attachment", on_delete=models.PROTECT, related_name="+")
    created_by_label = models.CharField(_("制作人"), max_length=120)
    created_at = models.DateTimeField(auto_now_add=True)

    tenancy_paths = TENANCY

    class Meta:
        verbose_name = _("告知书")
        verbose_name_plural = _("告知书")
        ordering = ["issued_on", "id"]

    def __str__(self):
        return self.get_kind_display()


class Redaction(models.Model):
    """One piece of another person's data removed from released or published text, with the
    reason (第十五条: 个人隐私) — the redaction log. The original is kept only masked."""

    class Kind(models.TextChoices):
        ID_NUMBER = "id_number", _("身份证号码")
        PHONE = "phone", _("电话号码")
        NAME = "name", _("姓名")

    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="+")
    request = models.ForeignKey(DisclosureRequest, on_delete=models.CASCADE, null=True, blank=True,
                                related_name="redactions")
    item = models.ForeignKey(ProactiveItem, on_delete=models.CASCADE, null=True, blank=True,
                             related_name="redactions")
    kind = models.CharField(_("类别"), max_length=10, choices=Kind.choices)
    masked_value = models.CharField(_("原文(已遮蔽)"), max_length=40)
    reason = models.CharField(_("理由"), max_length=200)
    actor_label = models.CharField(_("操作人"), max_length=120)
    at = models.DateTimeField(auto_now_add=True)

    tenancy_paths = TENANCY

    class Meta:
        verbose_name = _("个人信息遮蔽记录")
        verbose_name_plural = _("个人信息遮蔽记录")
        constraints = [
            models.CheckConstraint(condition=Q(request__isnull=False) | Q(item__isnull=False),
                                   name="disclosure_redaction_has_subject"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.masked_value}"


class PortalSubmission(models.Model):
    """Rate limit of the public request form: one row per accepted submission, keyed by a
    digest of the client address (never the address itself). Database-based, so it holds
    across processes; no captcha."""

    client_digest = models.CharField(max_length=64, db_index=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("公众申请提交记录")
        verbose_name_plural = _("公众申请提交记录")

    def __str__(self):
        return f"{self.client_digest[:8]}… {self.at:%Y-%m-%d %H:%M}"
