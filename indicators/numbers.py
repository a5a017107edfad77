"""Numbers as people type them, in Lao or English convention, never guessed.

Lao (CLDR): "20.436,5" — grouping ".", decimal ",". English: "20,436.5". Lao digits
໐-໙ and spaces as grouping are accepted in both. The one rule that keeps a figure from
silently becoming 1000 times too large or too small: a lone separator followed by
exactly three digits is grouping when it is the page language's grouping mark, and is
refused as ambiguous when it is the page language's decimal mark (the database keeps
two decimals, so three decimals are never meant). Input that either convention could
read differently is refused with a message rather than guessed.

No Django here except the lazy translations of the messages.
"""

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext_lazy as _

LAO_DIGITS = str.maketrans("໐໑໒໓໔໕໖໗໘໙", "0123456789")
SPACES = re.compile(r"[\s\u00a0\u202f\u2009\u2007]+")
MAX_INTEGER_DIGITS = 12
MAX_DECIMALS = 2


@dataclass(frozen=True)
class Convention:
    grouping: str
    decimal: str


CONVENTIONS = {"lo": Convention(grouping=".", decimal=","), "en": Convention(",", ".")}


class NumberError(ValueError):
    """A refusal with a code and a message in the active language."""

    def __init__(self, code: str, message, **params):
        self.code = code
        self.params = params
        super().__init__(message % params if params else message)

    @property
    def message(self) -> str:
        return str(self)


MESSAGES = {
    "not_a_number": _("“%(text)s” is not a number."),
    "negative": _("A figure cannot be negative."),
    "ambiguous_grouping": _(
        "“%(text)s” is ambiguous: here “%(mark)s” separates thousands, which come in groups "
        "of three. Write %(decimal)s for a decimal, or %(thousands)s for thousands."
    ),
    "ambiguous_decimal": _(
        "“%(text)s” is ambiguous: here “%(mark)s” marks decimals, and figures have at most "
        "two. For thousands, write %(thousands)s."
    ),
    "bad_grouping": _("“%(text)s” has digits grouped wrongly: group thousands by three."),
    "too_many_decimals": _("“%(text)s” has more than two decimals."),
    "too_large": _("“%(text)s” is too large."),
    "not_whole": _("“%(text)s” is not a whole number: this figure counts %(unit)s."),
}


def _fail(code: str, **params):
    raise NumberError(code, MESSAGES[code], **params)


def _check_groups(integer_part: str, mark: str, text: str) -> str:
    groups = integer_part.split(mark)
    if not (1 <= len(groups[0]) <= 3) or any(len(g) != 3 for g in groups[1:]):
        _fail("bad_grouping", text=text)
    return "".join(groups)


def _ambiguous(text: str, convention: Convention, mark: str, head: str, tail: str):
    """Refuse a lone mark that the other convention would read the other way."""
    if mark == convention.grouping:
        _fail(
            "ambiguous_grouping",
            text=text,
            mark=mark,
            decimal=f"{head}{convention.decimal}{tail}",
            thousands=f"{head}{convention.grouping}{tail.ljust(3, '0')[:3]}",
        )
    _fail("ambiguous_decimal", text=text, mark=mark, thousands=f"{head}{convention.grouping}{tail}")


def parse_quantity(
    text: str, *, language: str, whole: bool = False, unit: str = ""
) -> Decimal | None:
    """Read a figure typed by a person. Blank is None (no data), never zero.

    `language` is "lo" or "en" (the page's); `whole` refuses fractions (counts of
    people or accidents). Raises NumberError with a code and a translated message.
    """
    original = (text or "").strip()
    if not original:
        return None
    cleaned = original.translate(LAO_DIGITS)
    if cleaned.startswith(("-", "−")):
        _fail("negative")
    if cleaned.startswith("+"):
        cleaned = cleaned[1:]
    convention = CONVENTIONS["en" if language.startswith("en") else "lo"]
    if not re.fullmatch(r"[0-9.,\s\u00a0\u202f\u2009\u2007]+", cleaned):
        _fail("not_a_number", text=original)
    if SPACES.search(cleaned):
        # Spaces can only group thousands: "20 436" or "20 436,5".
        head, sep, tail = cleaned.partition(convention.decimal)
        if not re.fullmatch(r"[0-9]{1,3}( [0-9]{3})+", SPACES.sub(" ", head)):
            _fail("bad_grouping", text=original)
        cleaned = SPACES.sub("", head) + sep + tail
    if not re.fullmatch(r"[0-9.,]+", cleaned) or cleaned[0] not in "0123456789":
        _fail("not_a_number", text=original)
    if cleaned[-1] not in "0123456789":
        _fail("not_a_number", text=original)

    marks = [c for c in cleaned if c in ".,"]
    if not marks:
        digits = cleaned
    elif len(set(marks)) == 2:
        # Both marks: the last one is the decimal mark, whichever convention it is.
        decimal_mark = marks[-1]
        grouping_mark = "," if decimal_mark == "." else "."
        if marks.count(decimal_mark) > 1:
            _fail("not_a_number", text=original)
        head, tail = cleaned.rsplit(decimal_mark, 1)
        digits = _check_groups(head, grouping_mark, original) + "." + tail
    elif len(marks) > 1:
        # One mark, several times: only grouping reads that way ("1.234.567").
        digits = _check_groups(cleaned, marks[0], original)
    else:
        mark = marks[0]
        head, tail = cleaned.split(mark)
        if mark == convention.grouping:
            if len(tail) in (1, 2):
                _ambiguous(original, convention, mark, head, tail)
            digits = _check_groups(cleaned, mark, original)
        elif len(tail) == 3:
            _ambiguous(original, convention, mark, head, tail)
        else:
            digits = f"{head}.{tail}"

    integer, _sep, fraction = digits.partition(".")
    if len(fraction) > MAX_DECIMALS:
        _fail("too_many_decimals", text=original)
    if len(integer.lstrip("0")) > MAX_INTEGER_DIGITS:
        _fail("too_large", text=original)
    try:
        value = Decimal(digits)
    except InvalidOperation:  # pragma: no cover - the patterns above exclude it
        _fail("not_a_number", text=original)
    if whole and value != value.to_integral_value():
        _fail("not_whole", text=original, unit=unit or _("people"))
    return value
