"""Server-side cache of the public pages, invalidated whenever a figure changes.

Every key holds a version number; any change to a framework, indicator, component,
target or actual bumps it, so no page older than the figures is ever served. Bulk
writes, which send no signals, call `figures_changed()` themselves.
"""

import gzip
import hashlib
from functools import wraps

import brotli
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_vary_headers

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


CACHEABLE = "_uxosector_public_page"
# A request carrying one of these cookies may see something personal (a signed-in
# header, a flash message): it is never served from, or stored in, the cache.
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name)


def public_page(view):
    """Mark a view's responses as the same for every anonymous visitor, so that
    PublicPageCacheMiddleware may keep them."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        setattr(response, CACHEABLE, True)
        return response

    return wrapped


ENCODINGS = {"br": brotli.compress, "gzip": gzip.compress, "identity": lambda body: body}


def _encoding(request) -> str:
    accepted = request.headers.get("Accept-Encoding", "")
    return next((e for e in ("br", "gzip") if e in accepted), "identity")


def _entries(response) -> dict[str, dict]:
    """One entry per encoding, each small enough to read alone: the headers every
    middleware added, and the body compressed once here rather than per request."""
    body = response.content
    headers = {
        k: v for k, v in response.items() if k.lower() not in ("content-length", "set-cookie")
    }
    etag = '"' + hashlib.sha1(body).hexdigest() + '"'
    return {
        encoding: {"headers": headers, "etag": etag, "body": compress(body)}
        for encoding, compress in ENCODINGS.items()
    }


def _serve(request, entry: dict, encoding: str) -> HttpResponse:
    if request.headers.get("If-None-Match") == entry["etag"]:
        response = HttpResponseNotModified()
        response["ETag"] = entry["etag"]
        return response
    response = HttpResponse(b"" if request.method == "HEAD" else entry["body"])
    for name, value in entry["headers"].items():
        response[name] = value
    if encoding != "identity":
        response["Content-Encoding"] = encoding
    response["ETag"] = entry["etag"]
    response["Content-Length"] = str(len(entry["body"]))
    patch_vary_headers(response, ("Accept-Encoding",))
    # Browsers may keep the page but must ask again; an unchanged page costs a 304.
    response["Cache-Control"] = "public, max-age=0, must-revalidate"
    return response


class PublicPageCacheMiddleware:
    """Serve cached public pages before sessions, CSRF, authentication and URL routing
    run: an anonymous visitor's page then costs two cache reads. Sits right after
    WhiteNoise, so cached pages are served about as cheaply as static files."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") or any(
            name in request.COOKIES for name in PERSONAL_COOKIES
        ):
            return self.get_response(request)
        key = f"page:{figures_version()}:{request.get_full_path()}"
        encoding = _encoding(request)
        entry = cache.get(f"{key}:{encoding}")
        if entry is not None:
            return _serve(request, entry, encoding)
        response = self.get_response(request)
        if (
            getattr(response, CACHEABLE, False)
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
        ):
            entries = _entries(response)
            cache.set_many({f"{key}:{e}": entry for e, entry in entries.items()})
            return _serve(request, entries[encoding], encoding)
        return response
