"""Writes of the study module. Records here have no workflow states (a session, an attendance,
a completion is a fact that happened); each write is one function that checks the rule, saves
and records its audit event in one transaction."""

from __future__ import annotations

import datetime
import decimal

from django.db import transaction

from fazhi.core import audit, workflow, yearlock
from fazhi.core.errors import DomainError, InvalidInput
from fazhi.core.models import Role

from .models import Attendance, Course, CourseCompletion, ExamResult, Official, StudyPlan, StudySession

WRITE_ROLES = [Role.CLERK, Role.LEADER]


def require_writer(actor, town):
    if getattr(actor, "is_superuser", False):
        return
    if not getattr(actor, "town_id", None) or not actor.has_role(*WRITE_ROLES):
        raise DomainError("您的角色不能登记学法记录。", code="forbidden_role")
    if actor.town_id != town.pk:
        raise DomainError("只能登记本镇街的记录。", code="forbidden_town")


def _text(value, label, field, *, required=True, max_length=None):
    value = (value or "").strip() if isinstance(value, str) or value is None else str(value)
    if required and not value:
        raise InvalidInput(f"请填写{label}。", field=field)
    if max_length and len(value) > max_length:
        raise InvalidInput(f"{label}不能超过{max_length}个字。", field=field)
    return value


def clean_texts(texts) -> list[str]:
    if isinstance(texts, str):
        texts = texts.replace(",", "、").replace(",", "、").replace("\n", "、").split("、")
    out = []
    for t in texts or []:
        t = str(t).strip().strip("《》")
        if t and t not in out:
            out.append(t[:60])
    return out


# --- roster -------------------------------------------------------------------------------

def official_create(*, actor, town, name, unit=None, position="", joined_on=None, left_on=None,
                    required=True) -> Official:
    require_writer(actor, town)
    name = _text(name, "姓名", "name", max_length=50)
    if unit is not None and unit.town_id != town.pk:
        raise InvalidInput("请选择本镇街的单位。", field="unit")
    if joined_on and left_on and left_on <= joined_on:
        raise InvalidInput("离岗日期应晚于到岗日期。", field="left_on")
    with transaction.atomic():
        if Official.objects.filter(town=town, name=name).exists():
            raise DomainError(f"花名册中已有“{name}”;同名的请在姓名后注明单位,如“{name}(党政办)”。",
                              code="duplicate", field="name")
        official = Official.objects.create(town=town, name=name, unit=unit,
                                           position=_text(position, "职务", "position", required=False, max_length=50),
                                           joined_on=joined_on, left_on=left_on, required=bool(required))
        workflow.record_create(actor, official)
    return official


def official_leave(*, actor, official: Official, left_on) -> Official:
    require_writer(actor, official.town)
    with transaction.atomic():
        official = workflow.lock(official)
        if official.left_on:
            raise DomainError(f"{official.name}已于{official.left_on}离岗。", code="bad_state")
        if official.joined_on and left_on <= official.joined_on:
            raise InvalidInput("离岗日期应晚于到岗日期。", field="left_on")
        yearlock.ensure_open(official.town_id, left_on)
        before = audit.snapshot(official)
        official.left_on = left_on
        official.save(update_fields=["left_on"])
        workflow.record_transition(actor, official, "leave", before)
    return official


# --- plan and sessions ----------------------------------------------------------------------

def plan_create(*, actor, town, year: int, title, texts, adopted_on) -> StudyPlan:
    require_writer(actor, town)
    adopted_on = workflow.action_date(adopted_on, field_name="adopted_on")
    texts = clean_texts(texts)
    if not texts:
        raise InvalidInput("请填写学习内容。", field="texts")
    with transaction.atomic():
        yearlock.ensure_open(town.pk, datetime.date(year, 1, 1))
        if StudyPlan.objects.filter(town=town, year=year).exists():
            raise DomainError(f"{year}年度学法计划已登记。", code="duplicate")
        plan = StudyPlan.objects.create(town=town, year=year, title=_text(title, "名称", "title", max_length=100),
                                        texts=texts, adopted_on=adopted_on)
        workflow.record_create(actor, plan)
    return plan


def session_create(*, actor, town, date, form, title, texts, speaker="", location="") -> StudySession:
    require_writer(actor, town)
    date = workflow.action_date(date, field_name="date")
    if form not in StudySession.Form.values:
        raise InvalidInput("请选择学习形式。", field="form")
    texts = clean_texts(texts)
    if not texts:
        raise InvalidInput("请填写学习内容(如宪法、民法典)。", field="texts")
    with transaction.atomic():
        yearlock.ensure_open(town.pk, date)
        session = StudySession.objects.create(
            town=town, date=date, form=form, title=_text(title, "主题", "title", max_length=200), texts=texts,
            speaker=_text(speaker, "主讲人", "speaker", required=False, max_length=50),
            location=_text(location, "地点", "location", required=False, max_length=80))
        workflow.record_create(actor, session)
    return session


def attendance_record(*, actor, session: StudySession, official: Official, present: bool,
                      absence_reason="") -> Attendance:
    require_writer(actor, session.town)
    if official is None or official.town_id != session.town_id:
        raise InvalidInput("该干部不在本镇街花名册中。", field="name")
    if not official.on_staff(session.date):
        raise DomainError(f"{official.name}在{session.date}不在岗,不能登记出席情况。", code="not_on_staff",
                          field="name")
    absence_reason = _text(absence_reason, "缺席原因", "absence_reason", required=False, max_length=100)
    if present:
        absence_reason = ""
    elif not absence_reason:
        raise InvalidInput(f"{official.name}缺席,请填写缺席原因。", field="absence_reason")
    with transaction.atomic():
        yearlock.ensure_open(session.town_id, session.date)
        if Attendance.objects.filter(session=session, official=official).exists():
            raise DomainError(f"{official.name}的出席情况已登记。", code="duplicate", field="name")
        row = Attendance.objects.create(session=session, official=official, present=bool(present),
                                        absence_reason=absence_reason)
        audit.record(actor=actor, action="attendance.create", obj=row, town_id=session.town_id,
                     after=audit.snapshot(row))
    return row


# --- courses, completions, exams --------------------------------------------------------------

def course_create(*, actor, town, year: int, title, platform="干部网络学院", required=True) -> Course:
    require_writer(actor, town)
    title = _text(title, "课程名称", "title", max_length=120)
    with transaction.atomic():
        yearlock.ensure_open(town.pk, datetime.date(year, 1, 1))
        if Course.objects.filter(town=town, year=year, title=title).exists():
            raise DomainError(f"{year}年已有课程“{title}”。", code="duplicate", field="title")
        course = Course.objects.create(town=town, year=year, title=title, required=bool(required),
                                       platform=_text(platform, "学习平台", "platform", max_length=80))
        workflow.record_create(actor, course)
    return course


def completion_record(*, actor, course: Course, official: Official, completed_on) -> CourseCompletion:
    require_writer(actor, course.town)
    completed_on = workflow.action_date(completed_on, field_name="completed_on")
    if official is None or official.town_id != course.town_id:
        raise InvalidInput("该干部不在本镇街花名册中。", field="name")
    if completed_on.year < course.year:
        raise InvalidInput(f"完成日期早于课程年度({course.year}年)。", field="completed_on")
    if not official.on_staff(completed_on):
        raise DomainError(f"{official.name}在{completed_on}不在岗。", code="not_on_staff", field="completed_on")
    with transaction.atomic():
        yearlock.ensure_open(course.town_id, completed_on)
        if CourseCompletion.objects.filter(course=course, official=official).exists():
            raise DomainError(f"{official.name}已完成“{course.title}”。", code="duplicate", field="name")
        row = CourseCompletion.objects.create(town_id=course.town_id, course=course, official=official,
                                              completed_on=completed_on)
        workflow.record_create(actor, row)
    return row


def exam_record(*, actor, town, official: Official, exam_name, exam_date, passed, score=None) -> ExamResult:
    require_writer(actor, town)
    exam_date = workflow.action_date(exam_date, field_name="exam_date")
    if official is None or official.town_id != town.pk:
        raise InvalidInput("该干部不在本镇街花名册中。", field="name")
    if score is not None:
        score = decimal.Decimal(str(score)).quantize(decimal.Decimal("0.1"))
    if score is not None and not (0 <= score <= 100):
        raise InvalidInput("成绩应在0至100之间。", field="score")
    exam_name = _text(exam_name, "考试名称", "exam_name", max_length=120)
    with transaction.atomic():
        yearlock.ensure_open(town.pk, exam_date)
        if ExamResult.objects.filter(official=official, exam_name=exam_name, exam_date=exam_date).exists():
            raise DomainError(f"{official.name}的该次考试成绩已登记。", code="duplicate", field="name")
        row = ExamResult.objects.create(town=town, official=official, exam_name=exam_name, exam_date=exam_date,
                                        score=score, passed=bool(passed))
        workflow.record_create(actor, row)
    return row
