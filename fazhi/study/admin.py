from django.contrib import admin

from fazhi.core.admin import AuditedAdmin, AuditedModelAdmin

from .models import Attendance, Course, CourseCompletion, ExamResult, Official, StudyPlan, StudySession


@admin.register(Official)
class OfficialAdmin(AuditedAdmin):
    list_display = ["name", "town", "unit", "position", "joined_on", "left_on", "required"]
    list_filter = ["town", "required"]
    search_fields = ["name"]


@admin.register(StudyPlan)
class StudyPlanAdmin(AuditedAdmin):
    list_display = ["town", "year", "title", "adopted_on"]


class AttendanceInline(admin.TabularInline):
    model = Attendance
    extra = 0
    raw_id_fields = ["official"]


@admin.register(StudySession)
class StudySessionAdmin(AuditedAdmin):
    list_display = ["date", "town", "form", "title", "speaker"]
    list_filter = ["town", "form"]
    inlines = [AttendanceInline]


@admin.register(Course)
class CourseAdmin(AuditedAdmin):
    list_display = ["town", "year", "title", "platform", "required"]
    list_filter = ["town", "year", "required"]


@admin.register(CourseCompletion)
class CourseCompletionAdmin(AuditedAdmin):
    list_display = ["official", "course", "completed_on", "town"]
    list_filter = ["town"]
    raw_id_fields = ["official", "course"]


@admin.register(ExamResult)
class ExamResultAdmin(AuditedAdmin):
    list_display = ["official", "exam_name", "exam_date", "score", "passed"]
    list_filter = ["town", "passed"]
    raw_id_fields = ["official"]


@admin.register(Attendance)
class AttendanceAdmin(AuditedModelAdmin):
    list_display = ["session", "official", "present", "absence_reason"]
    list_filter = ["present"]
    raw_id_fields = ["session", "official"]
