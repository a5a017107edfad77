from django import template
from django.urls import translate_url

register = template.Library()


@register.simple_tag(takes_context=True)
def url_in_language(context, code: str) -> str:
    """This page's address in another language: /lo/x/ <-> /en/x/, query kept."""
    request = context["request"]
    url = translate_url(request.path, code)
    query = request.META.get("QUERY_STRING")
    return f"{url}?{query}" if query else url
