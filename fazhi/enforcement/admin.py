from django.contrib import admin

from fazhi.core.admin import AuditedAdmin

from .models import Benchmark, Case, CaseRecord, Inspection, Matter, Officer


@admin.register(Officer)
class OfficerAdmin(AuditedAdmin):
    list_display = ["name", "certificate_number", "unit", "valid_from", "valid_until", "active", "town"]
    list_filter = ["town", "unit", "active"]
    search_fields = ["name", "certificate_number"]


@admin.register(Matter)
class MatterAdmin(AuditedAdmin):
    list_display = ["name", "category", "unit", "power_list_ref", "requires_legal_review", "town"]
    list_filter = ["town", "category"]


@admin.register(Benchmark)
class BenchmarkAdmin(AuditedAdmin):
    list_display = ["violation", "circumstance", "penalty_type", "fine_min", "fine_max", "matter"]
    list_filter = ["town", "circumstance"]


class CaseRecordInline(admin.TabularInline):
    model = CaseRecord
    extra = 0
    can_delete = False
    readonly_fields = ["stage", "kind", "note", "attachment", "recorded_on", "recorded_by_label"]
    fields = readonly_fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Case)
class CaseAdmin(AuditedAdmin):
    list_display = ["number", "procedure", "status", "unit", "filed_date", "decided_date", "town"]
    list_filter = ["town", "procedure", "status", "outcome"]
    search_fields = ["number", "violation"]
    # Workflow fields change only through the services (the case page and the API).
    readonly_fields = ["status", "decision_due", "service_due", "payment_due", "publicity_due", "withdrawal_due",
                       "published_date", "withdrawn_date", "decided_date", "closed_date", "archived_date",
                       "id_number_digest", "credit_code_digest"]
    exclude = ["id_number", "credit_code"]
    inlines = [CaseRecordInline]


@admin.register(Inspection)
class InspectionAdmin(AuditedAdmin):
    list_display = ["subject_name", "kind", "planned_date", "inspected_date", "result", "unit", "town"]
    list_filter = ["town", "kind", "result"]
    readonly_fields = ["result"]
