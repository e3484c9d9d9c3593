"""Law study (学法): the town's staff roster, the annual study plan, study sessions with their
attendance, the online academy's courses with each official's completion, and exam results.
Study is recorded by what was done, never scored by minutes or points."""

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from fazhi.core.models import Town, Unit

TOWN_PATHS = {"district": "town__district", "town": "town"}

# The key texts the seed names (宪法, 习近平法治思想学习纲要, 民法典); a plan includes them.
KEY_TEXTS = ("宪法", "习近平法治思想学习纲要", "民法典")


class OfficialQuerySet(models.QuerySet):
    def on_staff(self, day):
        return self.filter(Q(joined_on__isnull=True) | Q(joined_on__lte=day),
                           Q(left_on__isnull=True) | Q(left_on__gt=day))


class Official(models.Model):
    """A person on the town's staff roster (机关干部), not necessarily a platform user."""

    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="+", verbose_name=_("镇街"))
    name = models.CharField(_("姓名"), max_length=50)
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                             verbose_name=_("单位"))
    position = models.CharField(_("职务"), max_length=50, blank=True)
    joined_on = models.DateField(_("到岗日期"), null=True, blank=True)
    left_on = models.DateField(_("离岗日期"), null=True, blank=True,
                               help_text=_("离岗当日起不再在岗"))
    required = models.BooleanField(_("须完成年度必修课程"), default=True)

    objects = OfficialQuerySet.as_manager()
    tenancy_paths = TOWN_PATHS
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("机关干部")
        verbose_name_plural = _("机关干部")
        ordering = ["unit__name", "name"]
        constraints = [
            # Excel sheets name people by name: within a town a name is unique (add the unit in
            # brackets for namesakes, e.g. 张伟(党政办)).
            models.UniqueConstraint(fields=["town", "name"], name="official_name_unique_in_town"),
            models.CheckConstraint(condition=Q(left_on__isnull=True) | Q(joined_on__isnull=True)
                                   | Q(left_on__gt=F("joined_on")), name="official_leaves_after_joining"),
        ]

    def __str__(self):
        return self.name

    def on_staff(self, day) -> bool:
        return (self.joined_on is None or self.joined_on <= day) and (self.left_on is None or self.left_on > day)


class StudyPlan(models.Model):
    """The annual study plan (理论学习中心组学习计划 / 年度学法计划)."""

    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="+", verbose_name=_("镇街"))
    year = models.PositiveSmallIntegerField(_("年度"))
    title = models.CharField(_("名称"), max_length=100)
    texts = models.JSONField(_("学习内容"), default=list)
    adopted_on = models.DateField(_("印发日期"))

    tenancy_paths = TOWN_PATHS
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("年度学法计划")
        verbose_name_plural = _("年度学法计划")
        ordering = ["-year"]
        constraints = [models.UniqueConstraint(fields=["town", "year"], name="study_plan_one_per_year")]

    def __str__(self):
        return f"{self.year}年 {self.title}"

    @property
    def key_texts_missing(self):
        return [t for t in KEY_TEXTS if not any(t in text for text in self.texts)]


class StudySession(models.Model):
    class Form(models.TextChoices):
        PARTY_COMMITTEE = "party_committee", _("镇党委会议学法")
        CENTRAL_GROUP = "central_group", _("理论学习中心组学习")
        PARTY_DAY = "party_day", _("主题党日")
        LECTURE = "lecture", _("专题讲座")
        PRE_MEETING = "pre_meeting", _("会前学法")
        COURT_HEARING = "court_hearing", _("旁听庭审")
        OTHER = "other", _("其他")

    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="+", verbose_name=_("镇街"))
    date = models.DateField(_("日期"))
    form = models.CharField(_("形式"), max_length=16, choices=Form.choices)
    title = models.CharField(_("主题"), max_length=200)
    texts = models.JSONField(_("学习内容"), default=list)
    speaker = models.CharField(_("主讲人"), max_length=50, blank=True)
    location = models.CharField(_("地点"), max_length=80, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    tenancy_paths = TOWN_PATHS
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("学法活动")
        verbose_name_plural = _("学法活动")
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["town", "date"], name="study_session_town_date")]

    def __str__(self):
        return f"{self.date} {self.title}"

    def get_absolute_url(self):
        return reverse("study:session_detail", args=[self.pk])


class Attendance(models.Model):
    session = models.ForeignKey(StudySession, on_delete=models.CASCADE, related_name="attendance",
                                verbose_name=_("学法活动"))
    official = models.ForeignKey(Official, on_delete=models.PROTECT, related_name="attendance",
                                 verbose_name=_("干部"))
    present = models.BooleanField(_("出席"))
    absence_reason = models.CharField(_("缺席原因"), max_length=100, blank=True)

    tenancy_paths = {"district": "session__town__district", "town": "session__town"}

    class Meta:
        verbose_name = _("出席情况")
        verbose_name_plural = _("出席情况")
        ordering = ["official__name"]
        constraints = [models.UniqueConstraint(fields=["session", "official"], name="attendance_once_per_session")]

    def __str__(self):
        return f"{self.official} {'出席' if self.present else '缺席'}"


class Course(models.Model):
    """A course of the online cadre academy (干部网络学院), required or elective for a year."""

    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="+", verbose_name=_("镇街"))
    year = models.PositiveSmallIntegerField(_("年度"))
    title = models.CharField(_("课程名称"), max_length=120)
    platform = models.CharField(_("学习平台"), max_length=80, default="干部网络学院")
    required = models.BooleanField(_("专题必修"), default=True)

    tenancy_paths = TOWN_PATHS
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("网络学院课程")
        verbose_name_plural = _("网络学院课程")
        ordering = ["-year", "title"]
        constraints = [models.UniqueConstraint(fields=["town", "year", "title"], name="course_unique_in_year")]

    def __str__(self):
        return f"{self.year}年 {self.title}"


class CourseCompletion(models.Model):
    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="+", verbose_name=_("镇街"))
    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="completions", verbose_name=_("课程"))
    official = models.ForeignKey(Official, on_delete=models.PROTECT, related_name="completions",
                                 verbose_name=_("干部"))
    completed_on = models.DateField(_("完成日期"))

    tenancy_paths = TOWN_PATHS
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("课程完成情况")
        verbose_name_plural = _("课程完成情况")
        ordering = ["-completed_on", "-id"]
        constraints = [models.UniqueConstraint(fields=["course", "official"], name="completion_once_per_course")]

    def __str__(self):
        return f"{self.official} {self.course.title}"


class ExamResult(models.Model):
    """A result from the national study platform's export (国家工作人员学法考试)."""

    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="+", verbose_name=_("镇街"))
    official = models.ForeignKey(Official, on_delete=models.PROTECT, related_name="exams", verbose_name=_("干部"))
    exam_name = models.CharField(_("考试名称"), max_length=120)
    exam_date = models.DateField(_("考试日期"))
    score = models.DecimalField(_("成绩"), max_digits=5, decimal_places=1, null=True, blank=True)
    passed = models.BooleanField(_("合格"))

    tenancy_paths = TOWN_PATHS
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("学法考试成绩")
        verbose_name_plural = _("学法考试成绩")
        ordering = ["-exam_date", "official__name"]
        constraints = [
            models.UniqueConstraint(fields=["official", "exam_name", "exam_date"], name="exam_result_once"),
        ]

    def __str__(self):
        return f"{self.official} {self.exam_name}"
