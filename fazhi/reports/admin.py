from django.contrib import admin

from fazhi.core.admin import AuditedAdmin, AuditedModelAdmin

from .models import AnnualReport, Paragraph, Revision


class ParagraphInline(admin.TabularInline):
    model = Paragraph
    extra = 0
    fields = ["section", "subsection", "subsection_title", "position", "kind", "text"]
    readonly_fields = fields
    can_delete = False


@admin.register(AnnualReport)
class AnnualReportAdmin(AuditedAdmin):
    list_display = ["town", "year", "status", "document_date", "submitted_on", "published_on"]
    list_filter = ["status", "year", "town"]
    readonly_fields = ["status", "figures_snapshot", "approved_by_label", "approved_on", "published_on",
                       "submitted_on", "submitted_by_label", "created_by_label"]
    inlines = [ParagraphInline]


@admin.register(Paragraph)
class ParagraphAdmin(AuditedModelAdmin):
    list_display = ["report", "section", "subsection", "position", "kind"]
    list_filter = ["kind", "section"]
    list_select_related = ["report__town"]
    # Edits go through the report page, which keeps a revision of each change.
    readonly_fields = ["report", "town", "section", "subsection", "subsection_title", "position", "kind", "text",
                       "updated_by_label"]


@admin.register(Revision)
class RevisionAdmin(AuditedModelAdmin):
    list_display = ["report", "number", "at", "actor_label", "action"]
    list_select_related = ["report__town"]
    readonly_fields = ["report", "town", "number", "actor", "actor_label", "action", "paragraph", "before", "after",
                       "content"]
