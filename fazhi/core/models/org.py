"""The organisation tree: district → town → village/community → grid, the town's units and
the district's linkage bodies.

Each model names its own tenancy paths (``tenancy_paths``): how to reach, from a row, the
district, town, village and grid it belongs to. The scoper in ``fazhi.core.tenancy`` reads
them, so that no view ever writes a tenancy filter of its own.
"""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

division_code_validator = RegexValidator(
    r"^\d{12}$", _("统计用区划代码应为12位数字。")
)


class District(models.Model):
    name = models.CharField(_("名称"), max_length=50)
    slug = models.SlugField(_("简称"), unique=True)
    code = models.CharField(
        _("统计用区划代码"), max_length=12, blank=True, validators=[division_code_validator]
    )

    tenancy_paths = {"district": "id"}

    class Meta:
        verbose_name = _("区")
        verbose_name_plural = _("区")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Town(models.Model):
    class Kind(models.TextChoices):
        TOWN = "town", _("镇")
        SUBDISTRICT = "subdistrict", _("街道")
        TOWNSHIP = "township", _("乡")

    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="towns", verbose_name=_("所属区"))
    name = models.CharField(_("名称"), max_length=50)
    kind = models.CharField(_("类型"), max_length=12, choices=Kind.choices, default=Kind.TOWN)
    slug = models.SlugField(_("简称"), unique=True)
    code = models.CharField(
        _("统计用区划代码"), max_length=12, blank=True, validators=[division_code_validator]
    )
    government_name = models.CharField(
        _("政府全称"), max_length=100, blank=True, help_text=_("例如:重庆市巴南区丰盛镇人民政府")
    )

    tenancy_paths = {"district": "district", "town": "id"}
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("镇/街道")
        verbose_name_plural = _("镇/街道")
        ordering = ["district", "name"]

    def __str__(self):
        return self.name

    @property
    def full_government_name(self):
        return self.government_name or f"{self.district.name}{self.name}人民政府"


class Village(models.Model):
    class Kind(models.TextChoices):
        VILLAGE = "village", _("村")
        COMMUNITY = "community", _("社区")

    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="villages", verbose_name=_("所属镇街"))
    name = models.CharField(_("名称"), max_length=50)
    kind = models.CharField(_("类型"), max_length=10, choices=Kind.choices, default=Kind.VILLAGE)
    slug = models.SlugField(_("简称"))
    code = models.CharField(
        _("统计用区划代码"), max_length=12, blank=True, validators=[division_code_validator]
    )

    tenancy_paths = {"district": "town__district", "town": "town", "village": "id"}
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("村/社区")
        verbose_name_plural = _("村/社区")
        ordering = ["town", "name"]
        constraints = [
            models.UniqueConstraint(fields=["town", "slug"], name="village_slug_unique_in_town"),
            models.UniqueConstraint(fields=["town", "name"], name="village_name_unique_in_town"),
        ]

    def __str__(self):
        return self.name


class Grid(models.Model):
    village = models.ForeignKey(Village, on_delete=models.PROTECT, related_name="grids", verbose_name=_("所属村/社区"))
    # Denormalised from the village so that town-wide queries need no join; kept equal by a check in clean().
    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="grids", verbose_name=_("所属镇街"))
    name = models.CharField(_("名称"), max_length=50)
    slug = models.SlugField(_("简称"))
    households = models.PositiveIntegerField(_("户数"), default=0)

    tenancy_paths = {"district": "town__district", "town": "town", "village": "village", "grid": "id"}
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("网格")
        verbose_name_plural = _("网格")
        ordering = ["village", "name"]
        constraints = [
            models.UniqueConstraint(fields=["village", "slug"], name="grid_slug_unique_in_village"),
        ]

    def __str__(self):
        return f"{self.village.name}{self.name}"

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.village_id and self.town_id and self.village.town_id != self.town_id:
            raise ValidationError(_("网格所属村/社区与所属镇街不一致。"))


class Unit(models.Model):
    """A unit of the town government (党政办, 综合行政执法办公室, 司法所 …)."""

    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="units", verbose_name=_("所属镇街"))
    name = models.CharField(_("名称"), max_length=50)
    slug = models.SlugField(_("简称"))
    enforces_law = models.BooleanField(_("承担执法职责"), default=False)

    tenancy_paths = {"district": "town__district", "town": "town"}
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("镇属单位")
        verbose_name_plural = _("镇属单位")
        ordering = ["town", "name"]
        constraints = [
            models.UniqueConstraint(fields=["town", "slug"], name="unit_slug_unique_in_town"),
        ]

    def __str__(self):
        return self.name


class LinkageBody(models.Model):
    """An external body the towns work with: 法院, 派出所, 信访, 人社局, 民政局, a company …"""

    class Kind(models.TextChoices):
        COURT = "court", _("人民法院")
        POLICE = "police", _("公安/派出所")
        PETITION = "petition", _("信访")
        HR = "hr", _("人力社保")
        CIVIL = "civil", _("民政")
        JUSTICE = "justice", _("司法行政")
        ENTERPRISE = "enterprise", _("辖区企业")
        OTHER = "other", _("其他")

    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="linkage_bodies", verbose_name=_("所属区"))
    # A body of one town only (a company in the town, a 派出所 covering it); empty for district-wide bodies.
    town = models.ForeignKey(
        Town, on_delete=models.PROTECT, null=True, blank=True, related_name="linkage_bodies", verbose_name=_("所属镇街")
    )
    name = models.CharField(_("名称"), max_length=80)
    kind = models.CharField(_("类型"), max_length=12, choices=Kind.choices)
    contact = models.CharField(_("联系方式"), max_length=80, blank=True)

    # Every town, village and grid of the district works with the district's bodies.
    tenancy_paths = {
        "district": "district",
        "town": ("district", "district_id"),
        "village": ("district", "district_id"),
        "grid": ("district", "district_id"),
    }
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("联动单位")
        verbose_name_plural = _("联动单位")
        ordering = ["district", "kind", "name"]

    def __str__(self):
        return self.name
