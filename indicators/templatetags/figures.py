from django import template

from indicators.formatting import format_number, format_percent, plain_number

register = template.Library()


@register.filter
def number(value):
    """A figure for people: localized grouping and decimal mark; '—' for no data."""
    return "—" if value is None or value == "" else format_number(value)


@register.filter
def percent(ratio):
    return "—" if ratio is None else format_percent(ratio)


@register.filter
def plain(value):
    """A figure for machines (data attributes): never localized, no trailing zeros."""
    return "" if value is None else str(plain_number(value))
