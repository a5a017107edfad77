from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import path

from indicators import api, dashboard_views, figures_views, import_views, public_views, views
from reporting import annex_views, edition_views
from reporting import views as report_views

urlpatterns = [
    path("api/v1/indicators/", api.indicators, name="api-indicators"),
]

# "/" redirects to /lo/ or /en/ by the browser's language (LocaleMiddleware), and so
# does any unprefixed address of the pages below, e.g. /accounts/login/.
urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("indicators/", public_views.overview, name="indicators"),
    path("indicators/download/<slug:fmt>/", public_views.download_all, name="indicators-download"),
    path("indicators/<slug:code>/", public_views.detail, name="indicator"),
    path("indicators/<slug:code>/embed/", public_views.embed, name="indicator-embed"),
    path(
        "indicators/<slug:code>/download/<slug:fmt>/",
        public_views.download_one,
        name="indicator-download",
    ),
    path("dashboard/", dashboard_views.dashboard, name="dashboard"),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("figures/", figures_views.figures_index, name="figures"),
    path("figures/<int:year>/", figures_views.figures_year, name="figures-year"),
    path("figures/quality/", figures_views.figures_quality, name="figures-quality"),
    path("figures/quality/note/", figures_views.figures_quality_note, name="figures-quality-note"),
    path("figures/import/", import_views.figures_import, name="figures-import"),
    path(
        "figures/import/<int:pk>/",
        import_views.figures_import_preview,
        name="figures-import-preview",
    ),
    path(
        "figures/import/template.<str:fmt>",
        import_views.figures_import_template,
        name="figures-import-template",
    ),
    path("figures/export/<slug:code>/", import_views.figures_export, name="figures-export"),
    path("reports/", report_views.report_list, name="reports"),
    path("reports/new/", report_views.report_create, name="report-create"),
    path("reports/compare/", edition_views.report_compare, name="report-compare"),
    path("editions/<uuid:key>/", edition_views.edition_detail, name="edition"),
    path(
        "editions/<uuid:key>/export.<slug:fmt>",
        edition_views.edition_export,
        name="edition-export",
    ),
    path("reports/<int:pk>/", report_views.report_detail, name="report"),
    path(
        "reports/<int:pk>/sections/<int:section_pk>/",
        report_views.section_edit,
        name="report-section",
    ),
    path("reports/<int:pk>/people/", report_views.people_edit, name="report-people"),
    path("reports/<int:pk>/export.<slug:fmt>", report_views.report_export, name="report-export"),
    path("reports/<int:pk>/history/", report_views.report_history, name="report-history"),
    path(
        "reports/<int:pk>/do/<slug:action>/",
        report_views.report_transition,
        name="report-transition",
    ),
    path("reports/<int:pk>/annexes/", annex_views.annex_upload, name="annex-upload"),
    path(
        "reports/<int:pk>/annexes/<int:annex_pk>/",
        annex_views.annex_download,
        name="annex-download",
    ),
    path(
        "reports/<int:pk>/annexes/<int:annex_pk>/delete/",
        annex_views.annex_delete,
        name="annex-delete",
    ),
    path("admin/", admin.site.urls),
)
