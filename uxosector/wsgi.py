import logging
import os
import threading

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "uxosector.settings")
if not os.environ.get("SECRET_KEY") and not settings.DEBUG:
    raise ImproperlyConfigured(settings.NO_SECRET_KEY)  # never serve with no key
application = get_wsgi_application()


def _warm_up_exports() -> None:
    from reporting.pdf import warm_up

    try:
        warm_up()
    except Exception:  # a failed warm-up only means the first export pays the cost
        logging.getLogger(__name__).exception("PDF warm-up failed")


# The first PDF of a process would otherwise take over 2 s (library imports, fonts).
if os.environ.get("UXOSECTOR_WARM_UP", "1") == "1":
    threading.Thread(target=_warm_up_exports, name="pdf-warm-up", daemon=True).start()
