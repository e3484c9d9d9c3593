"""Figures of the study module for a town's year, counted from records."""

from django.db.models import Count, Q

from .models import Attendance, ExamResult, StudyPlan, StudySession
from .selectors import completion_table


def figures(town, year: int) -> dict:
    table = completion_table(town, year)
    attendance = Attendance.objects.filter(session__town=town, session__date__year=year).aggregate(
        n=Count("id"), present=Count("id", filter=Q(present=True)))
    exams = ExamResult.objects.filter(town=town, exam_date__year=year).aggregate(
        n=Count("id"), passed=Count("id", filter=Q(passed=True)))
    forms = set(StudySession.objects.filter(town=town, date__year=year).values_list("form", flat=True))
    plan = StudyPlan.objects.filter(town=town, year=year).first()
    return {
        "study.sessions": StudySession.objects.filter(town=town, date__year=year).count(),
        # The forms used, as the report names them (镇党委会议学法、理论学习中心组学习、主题党日 …).
        "study.session_forms": [str(StudySession.Form(f).label) for f in StudySession.Form.values if f in forms],
        "study.attendance_rate": round(100 * attendance["present"] / attendance["n"], 1) if attendance["n"] else None,
        "study.required_courses": len(table["courses"]),
        "study.required_officials": table["required"],
        "study.officials_completed": table["completed"],
        # 0–100, over the officials required in the year; None when the year had no required course.
        "study.completion_rate": table["rate"],
        "study.exams": exams["n"],
        "study.exams_passed": exams["passed"],
        "study.plan_key_texts_included": bool(plan) and not plan.key_texts_missing,
    }
