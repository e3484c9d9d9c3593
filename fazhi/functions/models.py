"""机构职能: the 权力清单/责任清单 (one list: each power with its responsibilities and
accountability), the 公共服务清单, 办事指南 and 证明事项告知承诺制.

Versioning: items are edited in place (with ``simple_history``) and every change is one dated
``ListChange`` row with its reason and the item's fields before and after, so that the portal
shows the current list and its history."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from fazhi.core.models import Town


class PowerCategory(models.TextChoices):
    """The ten standard categories of administrative power."""

    LICENSING = "licensing", _("行政许可")
    PENALTY = "penalty", _("行政处罚")
    COERCION = "coercion", _("行政强制")
    LEVY = "levy", _("行政征收")
    BENEFIT = "benefit", _("行政给付")
    INSPECTION = "inspection", _("行政检查")
    CONFIRMATION = "confirmation", _("行政确认")
    REWARD = "reward", _("行政奖励")
    ADJUDICATION = "adjudication", _("行政裁决")
    OTHER = "other", _("其他行政权力")


class ItemQuerySet(models.QuerySet):
    def current_on(self, day):
        return self.filter(added_on__lte=day).filter(Q(removed_on__isnull=True) | Q(removed_on__gt=day))


class ListItem(models.Model):
    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="+", verbose_name=_("镇街"))
    code = models.CharField(_("事项编码"), max_length=40)
    name = models.CharField(_("事项名称"), max_length=200)
    unit = models.CharField(_("实施主体/责任单位"), max_length=100)
    legal_basis = models.TextField(_("设定依据"), blank=True)
    added_on = models.DateField(_("列入日期"))
    changed_on = models.DateField(_("最近变更日期"))
    removed_on = models.DateField(_("取消日期"), null=True, blank=True)

    tenancy_paths = {"district": "town__district", "town": "town"}
    objects = ItemQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} {self.name}"


class PowerItem(ListItem):
    category = models.CharField(_("权力类别"), max_length=14, choices=PowerCategory.choices, db_index=True)
    responsibilities = models.TextField(_("责任事项"), blank=True, help_text=_("受理、审查、决定、送达、事后监管等环节的责任"))
    accountability = models.TextField(_("追责情形"), blank=True)
    history = HistoricalRecords()

    class Meta(ListItem.Meta):
        verbose_name = _("权责清单事项")
        verbose_name_plural = _("权责清单事项")
        constraints = [models.UniqueConstraint(fields=["town", "code"], name="functions_power_code_unique")]

    def get_absolute_url(self):
        return reverse("functions:power_detail", args=[self.pk])


class ServiceItem(ListItem):
    description = models.TextField(_("服务内容"), blank=True)
    history = HistoricalRecords()

    class Meta(ListItem.Meta):
        verbose_name = _("公共服务事项")
        verbose_name_plural = _("公共服务事项")
        constraints = [models.UniqueConstraint(fields=["town", "code"], name="functions_service_code_unique")]


class ServiceGuide(models.Model):
    """办事指南, linked to its power or public-service item."""

    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="service_guides", verbose_name=_("镇街"))
    code = models.CharField(_("指南编号"), max_length=40)
    title = models.CharField(_("事项名称"), max_length=200)
    power_item = models.ForeignKey(PowerItem, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="guides", verbose_name=_("对应权力事项"))
    service_item = models.ForeignKey(ServiceItem, on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="guides", verbose_name=_("对应公共服务事项"))
    materials = models.TextField(_("申请材料"))
    steps = models.TextField(_("办理流程"))
    legal_limit = models.CharField(_("法定时限"), max_length=100, blank=True)
    promised_limit = models.CharField(_("承诺时限"), max_length=100, blank=True)
    fees = models.CharField(_("收费标准"), max_length=200, default="不收费")
    place = models.CharField(_("办理地点"), max_length=200)
    hours = models.CharField(_("办理时间"), max_length=200, blank=True)
    contact = models.CharField(_("咨询电话"), max_length=100, blank=True)
    legal_basis = models.TextField(_("办理依据"), blank=True)
    added_on = models.DateField(_("发布日期"))
    changed_on = models.DateField(_("最近变更日期"))
    removed_on = models.DateField(_("停用日期"), null=True, blank=True)

    tenancy_paths = {"district": "town__district", "town": "town"}
    objects = ItemQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("办事指南")
        verbose_name_plural = _("办事指南")
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["town", "code"], name="functions_guide_code_unique"),
            models.CheckConstraint(condition=Q(power_item__isnull=False) | Q(service_item__isnull=False),
                                   name="functions_guide_linked_to_an_item"),
        ]

    def __str__(self):
        return self.title


class ListChange(models.Model):
    """One dated change of a list (the version history the portal shows)."""

    class Kind(models.TextChoices):
        POWER = "power", _("权责清单")
        SERVICE = "service", _("公共服务清单")
        GUIDE = "guide", _("办事指南")

    class Action(models.TextChoices):
        ADD = "add", _("新增")
        CHANGE = "change", _("调整")
        REMOVE = "remove", _("取消")

    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="list_changes", verbose_name=_("镇街"))
    kind = models.CharField(_("清单"), max_length=8, choices=Kind.choices)
    action = models.CharField(_("变更"), max_length=8, choices=Action.choices)
    item_code = models.CharField(_("事项编码"), max_length=40)
    item_name = models.CharField(_("事项名称"), max_length=200)
    effective_on = models.DateField(_("生效日期"), db_index=True)
    reason = models.CharField(_("变更理由"), max_length=300)
    before = models.JSONField(_("变更前"), null=True, blank=True)
    after = models.JSONField(_("变更后"), null=True, blank=True)
    actor_label = models.CharField(_("经办人"), max_length=100)
    created_at = models.DateTimeField(auto_now_add=True)

    tenancy_paths = {"district": "town__district", "town": "town"}

    class Meta:
        verbose_name = _("清单变更记录")
        verbose_name_plural = _("清单变更记录")
        ordering = ["-effective_on", "-id"]

    def __str__(self):
        return f"{self.effective_on} {self.get_action_display()} {self.item_name}"


class Certificate(models.Model):
    """A certificate (证明事项) that an applicant may replace by a written commitment (告知承诺)."""

    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="commitment_certificates",
                             verbose_name=_("镇街"))
    guide = models.ForeignKey(ServiceGuide, on_delete=models.PROTECT, related_name="certificates",
                              verbose_name=_("办事指南"))
    name = models.CharField(_("证明事项"), max_length=200)
    legal_basis = models.TextField(_("设定依据"), blank=True)
    verification = models.CharField(_("事后核查方式"), max_length=300)
    verify_within_days = models.PositiveSmallIntegerField(_("核查时限(日)"), default=30)
    added_on = models.DateField(_("实行告知承诺日期"))
    removed_on = models.DateField(_("停止告知承诺日期"), null=True, blank=True)

    tenancy_paths = {"district": "town__district", "town": "town"}
    objects = ItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("告知承诺证明事项")
        verbose_name_plural = _("告知承诺证明事项")
        ordering = ["guide", "name"]

    def __str__(self):
        return self.name


class Commitment(models.Model):
    """An applicant's written commitment and the town's post-verification (核查)."""

    class Result(models.TextChoices):
        PENDING = "pending", _("待核查")
        TRUE = "true", _("核查属实")
        FALSE = "false", _("承诺不实")

    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="commitments", verbose_name=_("镇街"))
    certificate = models.ForeignKey(Certificate, on_delete=models.PROTECT, related_name="commitments",
                                    verbose_name=_("证明事项"))
    applicant_name = models.CharField(_("申请人"), max_length=100)
    committed_on = models.DateField(_("承诺日期"), db_index=True)
    verify_due = models.DateField(_("核查期限"))
    result = models.CharField(_("核查结果"), max_length=8, choices=Result.choices, default=Result.PENDING,
                              db_index=True)
    verified_on = models.DateField(_("核查日期"), null=True, blank=True)
    verification_note = models.CharField(_("核查情况"), max_length=300, blank=True)
    handling = models.TextField(_("不实承诺的处理"), blank=True,
                                help_text=_("如撤销办理决定、记入信用记录等"))

    tenancy_paths = {"district": "town__district", "town": "town"}
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("告知承诺记录")
        verbose_name_plural = _("告知承诺记录")
        ordering = ["-committed_on", "-id"]
        constraints = [
            models.CheckConstraint(condition=~Q(result="false") | ~Q(handling=""),
                                   name="functions_false_commitment_handled"),
            models.CheckConstraint(condition=Q(result="pending") | Q(verified_on__isnull=False),
                                   name="functions_verified_has_date"),
        ]

    def __str__(self):
        return f"{self.certificate} {self.committed_on}"
