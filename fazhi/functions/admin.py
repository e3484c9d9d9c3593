from django.contrib import admin

from fazhi.core.admin import AuditedAdmin, AuditedModelAdmin

from .models import Certificate, Commitment, ListChange, PowerItem, ServiceGuide, ServiceItem


@admin.register(PowerItem)
class PowerItemAdmin(AuditedAdmin):
    list_display = ["code", "name", "category", "town", "unit", "changed_on", "removed_on"]
    list_filter = ["town", "category"]
    search_fields = ["code", "name"]


@admin.register(ServiceItem)
class ServiceItemAdmin(AuditedAdmin):
    list_display = ["code", "name", "town", "unit", "changed_on", "removed_on"]


@admin.register(ServiceGuide)
class ServiceGuideAdmin(AuditedAdmin):
    list_display = ["code", "title", "town", "changed_on", "removed_on"]


@admin.register(ListChange)
class ListChangeAdmin(AuditedModelAdmin):
    list_display = ["effective_on", "kind", "action", "item_code", "item_name", "town"]
    list_filter = ["town", "kind", "action"]

    def has_change_permission(self, request, obj=None):
        return False  # the version history is never edited


@admin.register(Certificate)
class CertificateAdmin(AuditedModelAdmin):
    list_display = ["name", "guide", "town", "added_on", "removed_on"]


@admin.register(Commitment)
class CommitmentAdmin(AuditedAdmin):
    list_display = ["certificate", "town", "committed_on", "result", "verified_on"]
    readonly_fields = ["result"]
