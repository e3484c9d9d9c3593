"""The first responsible persons (党政主要负责人: 党委书记, 镇长) and the evidence that they carried
out their duties under the 2016 规定 (党政主要负责人履行推进法治建设第一责任人职责规定): meetings
that put rule-of-law work on the agenda, the year-end 述职述法, and other evidence per duty."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from fazhi.core.models import Town

TOWN_PATHS = {"district": "town__district", "town": "town"}


class Duty(models.TextChoices):
    """The checklist of duties (RULES.md §8 FR-4, FR-GOV, FR-DEBRIEF)."""

    DEPLOY = "deploy", _("亲自部署:定期专题研究法治建设工作,列入党委、政府议事日程")
    OVERSEE = "oversee", _("重大问题亲自过问、重点环节亲自协调、重要任务亲自督办")
    DECISIONS = "decisions", _("严格执行重大行政决策法定程序,健全法律顾问制度")
    STUDY = "study", _("带头尊法学法:宪法、习近平法治思想学习纲要、民法典等纳入中心组学习计划")
    TRAINING = "training", _("加强工作人员法治教育培训")
    SUPERVISION = "supervision", _("督促班子成员依法行政,支持监督,落实行政机关负责人出庭应诉")
    DEBRIEF = "debrief", _("将履行第一责任人职责情况列入年终述职(述法)")


DUTY_ARTICLES = {
    Duty.DEPLOY: "第一责任人职责规定 第四条(亲自部署)",
    Duty.OVERSEE: "第一责任人职责规定 第四条(四个亲自)",
    Duty.DECISIONS: "第一责任人职责规定(政府主要负责人职责)",
    Duty.STUDY: "第一责任人职责规定 第三条(带头尊法学法守法用法)",
    Duty.TRAINING: "第一责任人职责规定(政府主要负责人职责)",
    Duty.SUPERVISION: "第一责任人职责规定(政府主要负责人职责)",
    Duty.DEBRIEF: "第一责任人职责规定(列入年终述职)",
}


class ResponsiblePerson(models.Model):
    class Title(models.TextChoices):
        SECRETARY = "secretary", _("党委书记")
        HEAD = "head", _("镇长")

    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="+", verbose_name=_("镇街"))
    name = models.CharField(_("姓名"), max_length=50)
    title = models.CharField(_("职务"), max_length=10, choices=Title.choices)
    from_date = models.DateField(_("任职日期"))
    to_date = models.DateField(_("离任日期"), null=True, blank=True)

    tenancy_paths = TOWN_PATHS
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("第一责任人")
        verbose_name_plural = _("第一责任人")
        ordering = ["title", "-from_date"]
        constraints = [
            models.CheckConstraint(condition=Q(to_date__isnull=True) | Q(to_date__gte=F("from_date")),
                                   name="responsible_person_dates"),
        ]

    def __str__(self):
        return f"{self.get_title_display()} {self.name}"


class Meeting(models.Model):
    """A meeting that put rule-of-law work on the agenda."""

    class Body(models.TextChoices):
        PARTY_COMMITTEE = "party_committee", _("镇党委会议")
        GOVERNMENT = "government", _("镇政府常务会议")
        CENTRAL_GROUP = "central_group", _("理论学习中心组")
        LEADING_GROUP = "leading_group", _("法治建设领导小组会议")
        OTHER = "other", _("其他会议")

    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="+", verbose_name=_("镇街"))
    date = models.DateField(_("日期"))
    body = models.CharField(_("会议"), max_length=16, choices=Body.choices)
    topic = models.CharField(_("议题"), max_length=200)
    decision = models.TextField(_("决定事项"))
    chaired_by = models.ForeignKey(ResponsiblePerson, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+", verbose_name=_("主持人"))
    # The duties this meeting is evidence of (always at least 亲自部署).
    duties = models.JSONField(_("体现的职责"), default=list)
    created_at = models.DateTimeField(auto_now_add=True)

    tenancy_paths = TOWN_PATHS
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("法治建设专题会议")
        verbose_name_plural = _("法治建设专题会议")
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["town", "date"], name="leadership_meeting_town_date")]

    def __str__(self):
        return f"{self.date} {self.get_body_display()} {self.topic}"[:200]


class Debrief(models.Model):
    """The year-end 述职 / 述法 of a responsible person."""

    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="+", verbose_name=_("镇街"))
    person = models.ForeignKey(ResponsiblePerson, on_delete=models.PROTECT, related_name="debriefs",
                               verbose_name=_("第一责任人"))
    year = models.PositiveSmallIntegerField(_("述职年度"))
    date = models.DateField(_("述职日期"))
    includes_rule_of_law = models.BooleanField(_("述职含履行法治建设第一责任人职责情况"))
    summary = models.TextField(_("述法要点"), blank=True)

    tenancy_paths = TOWN_PATHS
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("年终述职述法")
        verbose_name_plural = _("年终述职述法")
        ordering = ["-year", "person"]
        constraints = [models.UniqueConstraint(fields=["person", "year"], name="debrief_once_per_year")]

    def __str__(self):
        return f"{self.person} {self.year}年述职"


class DutyEvidence(models.Model):
    """Other evidence that a duty was carried out in a year (a document, an instruction, a
    supervision record …), optionally with files attached (core attachments)."""

    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="+", verbose_name=_("镇街"))
    year = models.PositiveSmallIntegerField(_("年度"))
    duty = models.CharField(_("职责"), max_length=16, choices=Duty.choices)
    date = models.DateField(_("日期"))
    description = models.CharField(_("履职情况"), max_length=300)
    recorded_by_label = models.CharField(_("登记人"), max_length=100)
    created_at = models.DateTimeField(auto_now_add=True)

    tenancy_paths = TOWN_PATHS
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("履职佐证")
        verbose_name_plural = _("履职佐证")
        ordering = ["-date", "-id"]

    def __str__(self):
        return f"{self.year} {self.get_duty_display()}"[:100]
