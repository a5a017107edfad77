from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import path

from indicators import api, views

urlpatterns = [
    path("api/v1/indicators/", api.indicators, name="api-indicators"),
]

# "/" redirects to /lo/ or /en/ by the browser's language (LocaleMiddleware).
urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("admin/", admin.site.urls),
)
