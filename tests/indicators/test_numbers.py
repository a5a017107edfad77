from decimal import Decimal

import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from indicators.formatting import format_number
from indicators.numbers import NumberError, parse_quantity

D = Decimal


def lo(text, **kw):
    return parse_quantity(text, language="lo", **kw)


def en(text, **kw):
    return parse_quantity(text, language="en", **kw)


def refused(parse, text, **kw) -> str:
    with pytest.raises(NumberError) as error:
        parse(text, **kw)
    return error.value.code


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("20.436", D(20436)),  # Lao grouping dot
        ("5.256", D(5256)),
        ("1.234.567", D(1234567)),
        ("20.436,5", D("20436.5")),
        ("20,5", D("20.5")),
        ("20,25", D("20.25")),
        ("5815", D(5815)),
        ("20 436", D(20436)),  # a space groups thousands
        ("20\u00a0436,5", D("20436.5")),
        ("໒໐.໔໓໖", D(20436)),  # Lao digits
        ("໕໘໑໕", D(5815)),
        ("20,436.5", D("20436.5")),  # English convention, unambiguous: both marks
        ("0", D(0)),
        ("  47 ", D(47)),
    ],
)
def test_the_lao_interface_reads(text, value):
    assert lo(text) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("20,436", D(20436)),  # English grouping comma
        ("1,234,567", D(1234567)),
        ("20,436.5", D("20436.5")),
        ("20.5", D("20.5")),
        ("20.25", D("20.25")),
        ("20 436", D(20436)),
        ("໕,໘໑໕", D(5815)),
        ("20.436,5", D("20436.5")),  # Lao convention, unambiguous: both marks
        ("1.234.567", D(1234567)),  # a repeated mark can only be grouping
    ],
)
def test_the_english_interface_reads(text, value):
    assert en(text) == value


def test_blank_is_no_data_not_zero():
    assert lo("") is None
    assert en("   ") is None
    assert lo(None) is None


@pytest.mark.parametrize(
    ("parse", "text", "code"),
    [
        (lo, "20.5", "ambiguous_grouping"),  # the example: 20.5 or 20.500?
        (lo, "20.50", "ambiguous_grouping"),
        (lo, "20,436", "ambiguous_decimal"),  # 20.436 or 20436?
        (en, "5.256", "ambiguous_decimal"),  # would be 1000 times too small
        (en, "20,5", "ambiguous_grouping"),
        (lo, "1234.567", "bad_grouping"),
        (en, "12,34,567", "bad_grouping"),
        (lo, "20.4365", "bad_grouping"),
        (en, "5.2567", "too_many_decimals"),
        (lo, "2 0436", "bad_grouping"),
        (lo, "-5", "negative"),
        (en, "−5", "negative"),
        (lo, "abc", "not_a_number"),
        (en, "5815 ha", "not_a_number"),
        (en, "5.", "not_a_number"),
        (en, ".5", "not_a_number"),
        (en, "1.234,5,6", "not_a_number"),
        (en, "1e5", "not_a_number"),
        (en, "1234567890123", "too_large"),
    ],
)
def test_it_refuses_what_it_cannot_read_without_guessing(parse, text, code):
    assert refused(parse, text) == code


def test_a_count_of_people_must_be_whole():
    assert refused(lo, "20,5", whole=True, unit="people") == "not_whole"
    assert refused(en, "20.5", whole=True, unit="people") == "not_whole"
    assert en("20", whole=True) == 20


def test_the_refusal_speaks_the_interface_language():
    with translation.override("en"):
        with pytest.raises(NumberError) as english:
            lo("20.5")
    assert "20,5" in english.value.message and "20.500" in english.value.message
    with translation.override("lo"):
        with pytest.raises(NumberError) as lao:
            lo("20.5")
    assert lao.value.message != english.value.message
    assert "20,5" in lao.value.message


@given(st.decimals(min_value=0, max_value=10**12 - 1, places=2))
def test_what_the_page_shows_reads_back_as_the_same_value(value):
    for language in ("lo", "en"):
        with translation.override(language):
            assert parse_quantity(format_number(value), language=language) == value


@given(st.integers(min_value=1000, max_value=10**12 - 1))
def test_no_reading_is_ever_a_thousand_times_off(number):
    # Whatever a person writes for a whole number with grouping, in either language,
    # is either read as that number or refused.
    for text in (f"{number:,}", f"{number:,}".replace(",", ".")):
        for language in ("lo", "en"):
            try:
                assert parse_quantity(text, language=language) == number
            except NumberError:
                pass


@pytest.mark.parametrize("text", ["２０２３", "٢٠٢٣", "5\u0e535"])
def test_digits_of_other_scripts_are_refused(text):
    assert refused(lo, text) == "not_a_number"
