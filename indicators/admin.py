from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Actual, Component, Framework, Indicator, Target

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
class TargetAdmin(admin.ModelAdmin):
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
class ActualAdmin(admin.ModelAdmin):
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
