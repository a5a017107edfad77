from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .models import Actual, Component, FindingNote, Framework, ImportBatch, Indicator, Target

admin.site.site_header = _("uxosector administration")
admin.site.site_title = _("uxosector")
admin.site.index_title = _("Indicators, targets and reports")


@admin.register(Framework)
class FrameworkAdmin(admin.ModelAdmin):
    list_display = ["code", "short_name_lo", "short_name_en", "start_year", "end_year", "order"]
    list_editable = ["order"]
    search_fields = ["code", "name_lo", "name_en"]


class ComponentInline(admin.TabularInline):
    model = Component
    extra = 0


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["code", "name_lo", "name_en", "unit", "direction", "sdg_code", "order"]
    list_filter = ["unit", "direction"]
    search_fields = ["code", "name_lo", "name_en", "sdg_code"]
    inlines = [ComponentInline]


@admin.register(Target)
class TargetAdmin(SimpleHistoryAdmin):
    list_display = [
        "indicator",
        "framework",
        "kind",
        "comparator",
        "value",
        "start_year",
        "end_year",
        "status",
    ]
    list_filter = ["framework", "kind", "status", "indicator"]
    list_select_related = ["indicator", "framework"]
    search_fields = ["indicator__name_lo", "indicator__name_en", "source"]


@admin.register(Actual)
class ActualAdmin(SimpleHistoryAdmin):
    list_display = ["indicator", "year", "component", "disaggregation", "value", "status", "as_of"]
    list_filter = ["year", "status", "indicator"]
    list_select_related = ["indicator", "component"]
    search_fields = ["indicator__name_lo", "indicator__name_en", "source", "note"]
    autocomplete_fields = ["component"]


@admin.register(Component)
class ComponentAdmin(admin.ModelAdmin):
    list_display = ["indicator", "code", "name_lo", "name_en", "order"]
    list_select_related = ["indicator"]
    search_fields = ["code", "name_lo", "name_en"]


@admin.register(FindingNote)
class FindingNoteAdmin(admin.ModelAdmin):
    list_display = ["indicator", "year", "rule", "note", "created_by", "created_at"]
    list_filter = ["rule", "year", "indicator"]
    list_select_related = ["indicator", "created_by"]
    readonly_fields = ["created_by", "created_at"]


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    """Imports are a record of what came in: read-only here."""

    list_display = ["filename", "indicator", "uploaded_by", "uploaded_at", "imported_at", "summary"]
    list_filter = ["indicator"]
    list_select_related = ["indicator", "uploaded_by"]
    exclude = ["content"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
