from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Annex,
    Answer,
    HeaderField,
    Membership,
    Report,
    ReportEvent,
    ReportPerson,
    ReportTemplate,
    Section,
    SectorWorkingGroup,
)
from .services import template_copy


class HeaderFieldInline(admin.TabularInline):
    model = HeaderField
    extra = 0


class SectionInline(admin.StackedInline):
    model = Section
    extra = 0


@admin.register(ReportTemplate)
class ReportTemplateAdmin(admin.ModelAdmin):
    """A new year's template is made here, or copied from last year's, without code."""

    list_display = ["year", "title_lo", "title_en"]
    inlines = [HeaderFieldInline, SectionInline]
    actions = ["copy_to_next_year"]

    @admin.action(description=_("Copy to the next year"))
    def copy_to_next_year(self, request, queryset):
        for template in queryset:
            try:
                template_copy(template=template, year=template.year + 1)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
            else:
                self.message_user(
                    request,
                    _("Copied %(year)s to %(next)s.")
                    % {"year": template.year, "next": template.year + 1},
                )


@admin.register(SectorWorkingGroup)
class SectorWorkingGroupAdmin(admin.ModelAdmin):
    list_display = ["code", "name_lo", "name_en"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "swg"]
    list_select_related = ["user", "swg"]


class PersonInline(admin.TabularInline):
    model = ReportPerson
    extra = 0


@admin.register(Report)
class ReportAdmin(SimpleHistoryAdmin):
    list_display = ["swg", "year", "status"]
    list_filter = ["status", "year"]
    list_select_related = ["swg"]
    inlines = [PersonInline]


@admin.register(Answer)
class AnswerAdmin(SimpleHistoryAdmin):
    list_display = ["report", "section", "version", "updated_by", "updated_at"]
    list_select_related = ["report__swg", "section", "updated_by"]


@admin.register(ReportEvent)
class ReportEventAdmin(admin.ModelAdmin):
    list_display = ["report", "action", "user", "at"]
    list_select_related = ["report__swg", "user"]

    def has_change_permission(self, request, obj=None):
        return False  # the log is a record: it is not edited


@admin.register(Annex)
class AnnexAdmin(admin.ModelAdmin):
    list_display = ["report", "title", "kind", "size", "uploaded_by", "uploaded_at"]
    list_select_related = ["report__swg", "uploaded_by"]
