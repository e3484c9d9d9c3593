from django.contrib import admin

from fazhi.core.admin import AuditedAdmin

from .models import InterferenceRecord, LitigationCase, ReconsiderationCase, ResolutionCase, ZeroReport


@admin.register(InterferenceRecord)
class InterferenceRecordAdmin(AuditedAdmin):
    list_display = ["occurred_on", "town", "unit", "official_name", "case_reference", "handling"]
    list_filter = ["town", "handling"]


@admin.register(ZeroReport)
class ZeroReportAdmin(AuditedAdmin):
    list_display = ["town", "unit", "year", "quarter", "confirmed_on", "confirmed_by_label"]
    list_filter = ["town", "year", "quarter"]


@admin.register(LitigationCase)
class LitigationCaseAdmin(AuditedAdmin):
    list_display = ["case_number", "town", "court", "served_date", "answer_due", "status", "appearance", "outcome", "lost"]
    list_filter = ["town", "status", "concerns_disclosure"]
    readonly_fields = ["status", "answer_due", "answered_on", "hearing_date", "appearance", "closed_on", "outcome",
                       "lost"]


@admin.register(ReconsiderationCase)
class ReconsiderationCaseAdmin(AuditedAdmin):
    list_display = ["case_number", "town", "authority", "procedure", "served_date", "reply_due", "status", "outcome"]
    list_filter = ["town", "status", "procedure", "concerns_disclosure"]
    readonly_fields = ["status", "reply_due", "replied_on", "decided_on", "outcome"]


@admin.register(ResolutionCase)
class ResolutionCaseAdmin(AuditedAdmin):
    list_display = ["kind", "case_number", "town", "body", "received_on", "status"]
    list_filter = ["town", "kind", "status"]
    readonly_fields = ["status", "concluded_on"]
