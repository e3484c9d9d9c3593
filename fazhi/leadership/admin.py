from django.contrib import admin

from fazhi.core.admin import AuditedAdmin

from .models import Debrief, DutyEvidence, Meeting, ResponsiblePerson


@admin.register(ResponsiblePerson)
class ResponsiblePersonAdmin(AuditedAdmin):
    list_display = ["name", "title", "town", "from_date", "to_date"]
    list_filter = ["town", "title"]


@admin.register(Meeting)
class MeetingAdmin(AuditedAdmin):
    list_display = ["date", "town", "body", "topic"]
    list_filter = ["town", "body"]


@admin.register(Debrief)
class DebriefAdmin(AuditedAdmin):
    list_display = ["person", "year", "date", "includes_rule_of_law", "town"]
    list_filter = ["town", "year"]


@admin.register(DutyEvidence)
class DutyEvidenceAdmin(AuditedAdmin):
    list_display = ["year", "duty", "date", "description", "town"]
    list_filter = ["town", "year", "duty"]
