"""Server-side cache of the public pages, invalidated whenever a figure changes.

Every key holds a version number; any change to a framework, indicator, component,
target or actual bumps it, so no page older than the figures is ever served. Bulk
writes, which send no signals, call `figures_changed()` themselves.
"""

from functools import wraps

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse

VERSION_KEY = "figures-version"


def figures_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


def figures_changed(**_kwargs) -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)


def connect_signals() -> None:
    from .models import Actual, Component, Framework, Indicator, Target

    for model in (Framework, Indicator, Component, Target, Actual):
        post_save.connect(figures_changed, sender=model, dispatch_uid=f"cache-{model.__name__}")
        post_delete.connect(
            figures_changed, sender=model, dispatch_uid=f"cache-del-{model.__name__}"
        )


def public_page(view):
    """Serve anonymous GETs from the cache; signed-in users see their own header, so
    their pages are rendered afresh."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method != "GET" or request.user.is_authenticated:
            return view(request, *args, **kwargs)
        key = f"page:{figures_version()}:{request.get_full_path()}"
        cached = cache.get(key)
        if cached is not None:
            content, content_type, headers = cached
            response = HttpResponse(content, content_type=content_type)
            for name, value in headers.items():
                response[name] = value
            return response
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming:
            headers = {
                k: v
                for k, v in response.items()
                if k in ("Content-Disposition", "Content-Language")
            }
            cache.set(key, (response.content, response["Content-Type"], headers))
        return response

    return wrapped
