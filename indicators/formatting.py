"""Numbers for people, in the active language's convention (lo: 5.815,5; en: 5,815.5).

Numbers in JSON, CSV and data attributes never pass through here.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format


def plain_number(value: Decimal | None) -> int | float | None:
    """A Decimal as a JSON number: 5815.00 -> 5815, 20436.50 -> 20436.5."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def format_number(value: Decimal | int | float, max_places: int = 2) -> str:
    """Grouped digits, with decimals only when the value has them (5815, 20436.5)."""
    amount = Decimal(str(value)).quantize(Decimal(1).scaleb(-max_places))
    places = 0 if amount == amount.to_integral_value() else max_places
    if places:
        amount = amount.normalize()
        places = max(0, -amount.as_tuple().exponent)
    return number_format(amount, places, use_l10n=True, force_grouping=True)


def percent_of(ratio: float, places: int = 1) -> Decimal:
    """A ratio as a percentage rounded half up, in decimal: 0.5815 is 58.15%, which
    reads 58.2%, not float rounding's 58.1%."""
    return (Decimal(repr(ratio)) * 100).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)


def format_percent(ratio: float, places: int = 1) -> str:
    """0.5815 -> '58.2%' in English, '58,2%' in Lao (CLDR puts no space before %)."""
    digits = number_format(percent_of(ratio, places), places, use_l10n=True, force_grouping=True)
    return f"{digits}%"
