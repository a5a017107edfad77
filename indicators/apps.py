from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndicatorsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "indicators"
    verbose_name = _("Indicators and targets")

    def ready(self):
        # Cache invalidation is plumbing, not a business rule: signals catch every
        # write path (pages, admin, shell) in one place.
        from .cache import connect_signals

        connect_signals()
