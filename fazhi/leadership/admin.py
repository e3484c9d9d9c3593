from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Debrief, DutyEvidence, Meeting, ResponsiblePerson


@admin.register(ResponsiblePerson)
class ResponsiblePersonAdmin(SimpleHistoryAdmin):
    list_display = ["name", "title", "town", "from_date", "to_date"]
    list_filter = ["town", "title"]


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ["date", "town", "body", "topic"]
    list_filter = ["town", "body"]


@admin.register(Debrief)
class DebriefAdmin(SimpleHistoryAdmin):
    list_display = ["person", "year", "date", "includes_rule_of_law", "town"]
    list_filter = ["town", "year"]


@admin.register(DutyEvidence)
class DutyEvidenceAdmin(SimpleHistoryAdmin):
    list_display = ["year", "duty", "date", "description", "town"]
    list_filter = ["town", "year", "duty"]
