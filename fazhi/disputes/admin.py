from django.contrib import admin

from fazhi.core.admin import AuditedAdmin, AuditedModelAdmin

from .models import Dispute, Party, ReturnVisit, Session


class PartyInline(admin.TabularInline):
    model = Party
    extra = 0
    fields = ["role", "name", "is_organisation"]
    readonly_fields = fields
    can_delete = False


@admin.register(Dispute)
class DisputeAdmin(AuditedAdmin):
    list_display = ["code", "town", "title", "category", "source", "status", "level", "received_date"]
    list_filter = ["town", "status", "category", "source", "level", "risk_level"]
    search_fields = ["code", "title"]
    readonly_fields = ["status", "outcome", "concluded_date", "concluded_level", "accepted_date", "assigned_date",
                       "closed_date", "level", "mediator", "linkage_body", "code", "town"]
    inlines = [PartyInline]


@admin.register(Session)
class SessionAdmin(AuditedModelAdmin):
    list_display = ["dispute", "date", "mediator_label"]


@admin.register(ReturnVisit)
class ReturnVisitAdmin(AuditedModelAdmin):
    list_display = ["dispute", "date", "method", "performed"]


@admin.register(Party)
class PartyAdmin(AuditedModelAdmin):
    list_display = ["dispute", "role", "__str__"]
    fields = ["dispute", "role", "name", "is_organisation"]
    readonly_fields = fields
