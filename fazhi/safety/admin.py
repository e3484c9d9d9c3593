from django.contrib import admin

from fazhi.core.admin import AuditedAdmin

from .models import Accident, Hazard, Patrol


@admin.register(Patrol)
class PatrolAdmin(AuditedAdmin):
    list_display = ["date", "town", "kind", "route", "people_count"]
    list_filter = ["town", "kind"]


@admin.register(Hazard)
class HazardAdmin(AuditedAdmin):
    list_display = ["found_date", "town", "title", "level", "due_date", "status", "on_time"]
    list_filter = ["town", "status", "level"]
    readonly_fields = ["status", "due_date", "rectified_date", "on_time"]


@admin.register(Accident)
class AccidentAdmin(AuditedAdmin):
    list_display = ["date", "town", "title", "deaths", "serious_injuries", "direct_loss", "grade"]
    list_filter = ["town", "grade"]
    readonly_fields = ["grade"]
