from django.contrib import admin

from fazhi.core.admin import AuditedAdmin, AuditedModelAdmin

from .models import CleanupDecision, CleanupRound, NormativeDocument, NormativeSettings, PolicyDocument, Review


@admin.register(NormativeSettings)
class NormativeSettingsAdmin(AuditedModelAdmin):
    list_display = ["town", "filing_days", "validity_years", "trial_validity_years", "expiry_notice_months"]


@admin.register(NormativeDocument)
class NormativeDocumentAdmin(AuditedAdmin):
    list_display = ["doc_number", "title", "town", "status", "published_on", "filing_due", "valid_until"]
    list_filter = ["town", "status"]
    search_fields = ["title", "doc_number"]
    readonly_fields = ["status", "submitted_on", "review_due", "reviewed_on", "deliberated_on", "published_on",
                       "filing_due", "filed_on", "filing_result", "filing_result_on", "corrected_on", "valid_until",
                       "ended_on"]


@admin.register(Review)
class ReviewAdmin(AuditedModelAdmin):
    list_display = ["document", "reviewed_on", "result", "reviewer_label"]
    readonly_fields = ["result"]


@admin.register(CleanupRound)
class CleanupRoundAdmin(AuditedModelAdmin):
    list_display = ["title", "town", "started_on"]


@admin.register(CleanupDecision)
class CleanupDecisionAdmin(AuditedModelAdmin):
    list_display = ["document", "round", "decision", "decided_on"]
    readonly_fields = ["decision"]


@admin.register(PolicyDocument)
class PolicyDocumentAdmin(AuditedModelAdmin):
    list_display = ["doc_number", "title", "town", "issued_on"]
