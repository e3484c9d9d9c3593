"""Excel ledgers of the study module: the staff roster, a session's attendance sheet, the online
academy's completion sheet and the national study platform's exam results."""

from django.core.exceptions import ValidationError

from fazhi.core.errors import DomainError
from fazhi.core.ledgers import Column, ColumnType, Ledger, RowError, register
from fazhi.core.models import Unit

from . import services
from .models import Attendance, Course, CourseCompletion, ExamResult, Official


def _official(town, name) -> Official:
    official = Official.objects.filter(town=town, name=name).first()
    if official is None:
        raise DomainError(f"花名册中没有“{name}”,请先在花名册中登记。", field="name")
    return official


def _duplicates(key_of, column):
    def check(rows):
        seen, errors = {}, []
        for number, row in rows:
            key = key_of(row)
            if key in seen:
                errors.append(RowError(number, column, f"与第{seen[key]}行重复。"))
            else:
                seen[key] = number
        return errors

    return check


def _score(value):
    if value < 0 or value > 100:
        raise ValidationError("成绩应在0至100之间。")


# --- roster ------------------------------------------------------------------------------

def _official_import(row, *, town, actor):
    unit = None
    if row["unit"]:
        unit = Unit.objects.filter(town=town, name=row["unit"]).first()
        if unit is None:
            raise DomainError(f"本镇街没有单位“{row['unit']}”。", field="unit")
    return services.official_create(actor=actor, town=town, name=row["name"], unit=unit, position=row["position"],
                                    joined_on=row["joined_on"], left_on=row["left_on"],
                                    required=row["required"] if row["required"] is not None else True)


OFFICIALS = register(Ledger(
    name="study.officials", title="机关干部花名册",
    columns=(
        Column("姓名", "name", required=True, max_length=50),
        Column("单位", "unit", max_length=50),
        Column("职务", "position", max_length=50),
        Column("到岗日期", "joined_on", type=ColumnType.DATE),
        Column("离岗日期", "left_on", type=ColumnType.DATE),
        Column("须完成年度必修课程", "required", type=ColumnType.BOOL),
    ),
    export_rows=lambda town: [
        {"name": o.name, "unit": o.unit.name if o.unit else "", "position": o.position, "joined_on": o.joined_on,
         "left_on": o.left_on, "required": o.required}
        for o in Official.objects.filter(town=town).select_related("unit")],
    import_row=_official_import,
    check_rows=_duplicates(lambda r: r["name"], "姓名"),
))


# --- attendance of one session (imported from the session's page) ----------------------------

ATTENDANCE = register(Ledger(
    name="study.attendance", title="学法活动出席名单",
    columns=(
        Column("姓名", "name", required=True, max_length=50),
        Column("单位", "unit", max_length=50),
        Column("是否出席", "present", type=ColumnType.BOOL, required=True),
        Column("缺席原因", "absence_reason", max_length=100),
    ),
    check_rows=_duplicates(lambda r: r["name"], "姓名"),
))


def attendance_template_rows(session):
    """The roster on the session's day, for the clerk to fill in 是/否."""
    done = {a.official_id: a for a in Attendance.objects.filter(session=session)}
    people = Official.objects.filter(town_id=session.town_id).on_staff(session.date).select_related("unit")
    for o in people.order_by("unit__name", "name"):
        a = done.get(o.pk)
        yield {"name": o.name, "unit": o.unit.name if o.unit else "", "present": a.present if a else None,
               "absence_reason": a.absence_reason if a else ""}


def attendance_import_row(row, *, session, actor):
    return services.attendance_record(actor=actor, session=session, official=_official(session.town, row["name"]),
                                      present=row["present"], absence_reason=row["absence_reason"])


# --- course completions (干部网络学院 export) ----------------------------------------------------

def _completion_import(row, *, town, actor):
    course = Course.objects.filter(town=town, year=row["year"], title=row["course"]).first()
    if course is None:
        raise DomainError(f"{row['year']}年没有课程“{row['course']}”,请先登记课程。", field="course")
    return services.completion_record(actor=actor, course=course, official=_official(town, row["name"]),
                                      completed_on=row["completed_on"])


COMPLETIONS = register(Ledger(
    name="study.completions", title="网络学院课程完成情况",
    columns=(
        Column("姓名", "name", required=True, max_length=50),
        Column("年度", "year", type=ColumnType.INT, required=True),
        Column("课程", "course", required=True, max_length=120),
        Column("完成日期", "completed_on", type=ColumnType.DATE, required=True),
    ),
    export_rows=lambda town: [
        {"name": c.official.name, "year": c.course.year, "course": c.course.title, "completed_on": c.completed_on}
        for c in CourseCompletion.objects.filter(town=town).select_related("official", "course")],
    import_row=_completion_import,
    check_rows=_duplicates(lambda r: (r["name"], r["year"], r["course"]), "姓名"),
))


# --- exam results (national study platform export) ---------------------------------------------

def _exam_import(row, *, town, actor):
    return services.exam_record(actor=actor, town=town, official=_official(town, row["name"]),
                                exam_name=row["exam_name"], exam_date=row["exam_date"], score=row["score"],
                                passed=row["passed"])


EXAMS = register(Ledger(
    name="study.exams", title="学法考试成绩",
    columns=(
        Column("姓名", "name", required=True, max_length=50),
        Column("考试名称", "exam_name", required=True, max_length=120),
        Column("考试日期", "exam_date", type=ColumnType.DATE, required=True),
        Column("成绩", "score", type=ColumnType.DECIMAL, validators=(_score,)),
        Column("是否合格", "passed", type=ColumnType.BOOL, required=True),
    ),
    export_rows=lambda town: [
        {"name": e.official.name, "exam_name": e.exam_name, "exam_date": e.exam_date, "score": e.score,
         "passed": e.passed}
        for e in ExamResult.objects.filter(town=town).select_related("official")],
    import_row=_exam_import,
    check_rows=_duplicates(lambda r: (r["name"], r["exam_name"], r["exam_date"]), "姓名"),
))
