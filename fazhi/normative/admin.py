from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import CleanupDecision, CleanupRound, NormativeDocument, NormativeSettings, PolicyDocument, Review


@admin.register(NormativeSettings)
class NormativeSettingsAdmin(admin.ModelAdmin):
    list_display = ["town", "filing_days", "validity_years", "trial_validity_years", "expiry_notice_months"]


@admin.register(NormativeDocument)
class NormativeDocumentAdmin(SimpleHistoryAdmin):
    list_display = ["doc_number", "title", "town", "status", "published_on", "filing_due", "valid_until"]
    list_filter = ["town", "status"]
    search_fields = ["title", "doc_number"]
    readonly_fields = ["status", "submitted_on", "review_due", "reviewed_on", "deliberated_on", "published_on",
                       "filing_due", "filed_on", "filing_result", "filing_result_on", "corrected_on", "valid_until",
                       "ended_on"]


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ["document", "reviewed_on", "result", "reviewer_label"]
    readonly_fields = ["result"]


@admin.register(CleanupRound)
class CleanupRoundAdmin(admin.ModelAdmin):
    list_display = ["title", "town", "started_on"]


@admin.register(CleanupDecision)
class CleanupDecisionAdmin(admin.ModelAdmin):
    list_display = ["document", "round", "decision", "decided_on"]
    readonly_fields = ["decision"]


@admin.register(PolicyDocument)
class PolicyDocumentAdmin(admin.ModelAdmin):
    list_display = ["doc_number", "title", "town", "issued_on"]
