"""The admin works for every model. Changes made here are audit events like any other; the
audit log itself and clocks are read-only (clocks change only through their cases' services)."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from simple_history.admin import SimpleHistoryAdmin

from . import audit, holidays
from .models import (
    Attachment,
    AuditEvent,
    CalendarDay,
    CalendarYear,
    Clock,
    District,
    Grid,
    LinkageBody,
    LoginThrottle,
    Town,
    Unit,
    User,
    UserRole,
    Village,
)


class AuditedMixin:
    """Records every save and delete made in the admin in the audit chain."""

    def save_model(self, request, obj, form, change):
        before = audit.snapshot(type(obj).objects.get(pk=obj.pk)) if change else None
        super().save_model(request, obj, form, change)
        b, a = audit.diff(before, audit.snapshot(obj))
        audit.record(actor=request.user, action=f"{obj._meta.model_name}.{'admin_change' if change else 'admin_create'}",
                     obj=obj, before=b, after=a, note="管理后台")

    def delete_model(self, request, obj):
        audit.record(actor=request.user, action=f"{obj._meta.model_name}.admin_delete", obj=obj,
                     before=audit.snapshot(obj), note="管理后台")
        super().delete_model(request, obj)


class AuditedAdmin(AuditedMixin, SimpleHistoryAdmin):
    """For models with field history."""


class AuditedModelAdmin(AuditedMixin, admin.ModelAdmin):
    """For models without field history."""


@admin.register(District)
class DistrictAdmin(AuditedAdmin):
    list_display = ["name", "slug", "code"]


@admin.register(Town)
class TownAdmin(AuditedAdmin):
    list_display = ["name", "district", "kind", "slug", "code"]
    list_filter = ["district", "kind"]


@admin.register(Village)
class VillageAdmin(AuditedAdmin):
    list_display = ["name", "town", "kind", "code"]
    list_filter = ["town", "kind"]
    list_select_related = ["town"]


@admin.register(Grid)
class GridAdmin(AuditedAdmin):
    list_display = ["name", "village", "town", "households"]
    list_filter = ["town"]
    list_select_related = ["village", "town"]


@admin.register(Unit)
class UnitAdmin(AuditedAdmin):
    list_display = ["name", "town", "enforces_law"]
    list_filter = ["town", "enforces_law"]


@admin.register(LinkageBody)
class LinkageBodyAdmin(AuditedAdmin):
    list_display = ["name", "kind", "district", "town"]
    list_filter = ["kind", "district"]


class UserRoleInline(admin.TabularInline):
    model = UserRole
    extra = 1


@admin.register(User)
class UserAdmin(DjangoUserAdmin, AuditedAdmin):
    list_display = ["username", "display_name", "district", "town", "village", "grid", "is_active", "locked_until"]
    list_filter = ["town", "is_active", "roles__role"]
    list_select_related = ["district", "town", "village", "grid"]
    search_fields = ["username", "display_name"]
    inlines = [UserRoleInline]
    fieldsets = DjangoUserAdmin.fieldsets + (
        ("组织与角色", {"fields": ("display_name", "district", "town", "village", "grid", "unit", "mobile")}),
        ("登录限制", {"fields": ("failed_logins", "locked_until")}),
    )


@admin.register(CalendarYear)
class CalendarYearAdmin(admin.ModelAdmin):
    list_display = ["year", "source", "notice", "updated_at"]


@admin.register(CalendarDay)
class CalendarDayAdmin(admin.ModelAdmin):
    list_display = ["date", "kind", "name", "year"]
    list_filter = ["year", "kind"]
    date_hierarchy = "date"

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        audit.record(actor=request.user, action="calendar.admin_edit", obj=obj, after=audit.snapshot(obj))
        # Every open clock crossing the year is recomputed, as when a schedule is loaded.
        holidays.calendar_changed(obj.year.year)

    def delete_model(self, request, obj):
        year = obj.year.year
        audit.record(actor=request.user, action="calendar.admin_delete", obj=obj, before=audit.snapshot(obj))
        super().delete_model(request, obj)
        holidays.calendar_changed(year)


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = ["id", "at", "actor_label", "action", "object_type", "object_repr"]
    list_filter = ["action", "object_type"]
    search_fields = ["object_repr", "actor_label", "action"]


@admin.register(Clock)
class ClockAdmin(ReadOnlyAdmin):
    list_display = ["subject_label", "label", "town", "start_date", "due_date", "state", "provisional"]
    list_filter = ["state", "town", "rule"]
    list_select_related = ["town"]


@admin.register(Attachment)
class AttachmentAdmin(ReadOnlyAdmin):
    list_display = ["filename", "town", "mime_type", "size", "sha256", "uploaded_by_label", "uploaded_at"]
    list_filter = ["town", "mime_type"]


@admin.register(LoginThrottle)
class LoginThrottleAdmin(admin.ModelAdmin):
    list_display = ["address", "failures", "locked_until", "updated_at"]
