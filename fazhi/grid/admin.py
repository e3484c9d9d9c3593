from django.contrib import admin

from fazhi.core.admin import AuditedAdmin

from .models import GridAssignment, GridEvent


@admin.register(GridAssignment)
class GridAssignmentAdmin(AuditedAdmin):
    list_display = ["grid", "worker_label", "start_date", "end_date"]
    list_filter = ["town"]


@admin.register(GridEvent)
class GridEventAdmin(AuditedAdmin):
    list_display = ["reported_date", "grid", "kind", "title", "status", "routed_to"]
    list_filter = ["town", "kind", "status"]
    readonly_fields = ["status", "routed_to", "routed_date", "dispute", "hazard"]
