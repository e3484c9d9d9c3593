from django.contrib import admin

from fazhi.core.admin import AuditedAdmin

from .models import Activity, Responsibility


@admin.register(Responsibility)
class ResponsibilityAdmin(AuditedAdmin):
    list_display = ["unit", "year", "laws", "town"]
    list_filter = ["town", "year", "unit"]


@admin.register(Activity)
class ActivityAdmin(AuditedAdmin):
    list_display = ["date", "theme", "unit", "key_date", "participants", "town"]
    list_filter = ["town", "unit", "key_date"]
    search_fields = ["theme"]
