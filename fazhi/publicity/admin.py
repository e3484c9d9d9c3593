from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Activity, Responsibility


@admin.register(Responsibility)
class ResponsibilityAdmin(SimpleHistoryAdmin):
    list_display = ["unit", "year", "laws", "town"]
    list_filter = ["town", "year", "unit"]


@admin.register(Activity)
class ActivityAdmin(SimpleHistoryAdmin):
    list_display = ["date", "theme", "unit", "key_date", "participants", "town"]
    list_filter = ["town", "unit", "key_date"]
    search_fields = ["theme"]
