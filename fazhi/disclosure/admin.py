"""Admin: letter templates are edited here; cases are read here and change only through
their services (status and workflow fields read-only)."""

from django.contrib import admin

from fazhi.core.admin import AuditedAdmin, AuditedModelAdmin

from .models import DisclosureRequest, Letter, LetterTemplate, PortalSubmission, ProactiveItem, Redaction


@admin.register(LetterTemplate)
class LetterTemplateAdmin(AuditedAdmin):
    list_display = ["kind", "town", "title", "updated_at"]
    list_filter = ["kind", "town"]


class ReadOnlyWorkflowAdmin(AuditedAdmin):
    def has_add_permission(self, request):
        return False  # created through the services (staff pages, API, portal, ledger import)

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(DisclosureRequest)
class DisclosureRequestAdmin(ReadOnlyWorkflowAdmin):
    list_display = ["query_code", "town", "applicant_type", "channel", "received_date", "due_date", "status"]
    list_filter = ["town", "status", "channel", "reply_type"]
    search_fields = ["query_code"]
    exclude = ["id_number", "credit_code", "phone", "id_number_digest", "credit_code_digest", "phone_digest"]
    readonly_fields = [f.name for f in DisclosureRequest._meta.concrete_fields
                       if f.name not in {"address", "postcode", "email", "legal_representative", "contact_person",
                                         "purpose", "id_number", "credit_code", "phone", "id_number_digest",
                                         "credit_code_digest", "phone_digest"}]


@admin.register(ProactiveItem)
class ProactiveItemAdmin(ReadOnlyWorkflowAdmin):
    list_display = ["title", "town", "category", "formed_date", "published_date", "status"]
    list_filter = ["town", "category", "status"]
    search_fields = ["title", "document_number"]
    readonly_fields = ["town", "status", "formed_date", "published_date", "due_date", "on_time", "created_by_label"]


@admin.register(Letter)
class LetterAdmin(ReadOnlyWorkflowAdmin):
    list_display = ["request", "kind", "issued_on", "created_by_label"]
    readonly_fields = ["town", "request", "kind", "issued_on", "attachment", "created_by_label"]


@admin.register(Redaction)
class RedactionAdmin(ReadOnlyWorkflowAdmin):
    list_display = ["town", "request", "item", "kind", "masked_value", "actor_label", "at"]
    readonly_fields = ["town", "request", "item", "kind", "masked_value", "reason", "actor_label"]


@admin.register(PortalSubmission)
class PortalSubmissionAdmin(AuditedModelAdmin):
    list_display = ["client_digest", "at"]
    readonly_fields = ["client_digest", "at"]
