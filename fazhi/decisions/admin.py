from django.contrib import admin

from fazhi.core.admin import AuditedAdmin, AuditedModelAdmin

from .models import Catalogue, Decision, Incident


@admin.register(Catalogue)
class CatalogueAdmin(AuditedAdmin):
    list_display = ["town", "year", "approved_on", "published_on"]
    readonly_fields = ["approved_on", "published_on"]


@admin.register(Decision)
class DecisionAdmin(AuditedAdmin):
    list_display = ["title", "town", "category", "status", "decided_on"]
    list_filter = ["town", "status", "category"]
    search_fields = ["title"]
    readonly_fields = ["status", "consultation_start", "consultation_end", "expert_on", "risk_on", "counsel_on",
                       "review_submitted_on", "review_due", "reviewed_on", "review_result", "discussed_on",
                       "discussion_result", "decided_on", "published_on", "archived_on"]


@admin.register(Incident)
class IncidentAdmin(AuditedModelAdmin):
    list_display = ["title", "town", "occurred_on", "cause", "major"]
