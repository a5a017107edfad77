import datetime
import gettext
from decimal import Decimal

from babel.messages.pofile import read_po
from django.conf import settings
from django.utils import formats, translation

from indicators.formatting import format_number, format_percent
from uxosector.catalogs import LOCALE_DIR, compile_catalogs


def test_lao_numbers_use_a_decimal_comma_and_grouping_dots():
    with translation.override("lo"):
        assert format_number(Decimal("20436.5")) == "20.436,5"
        assert format_number(5815) == "5.815"
        assert format_percent(0.5815) == "58,2%"
        assert format_percent(47 / 38) == "123,7%"


def test_english_numbers_use_a_decimal_point_and_grouping_commas():
    with translation.override("en"):
        assert format_number(Decimal("20436.5")) == "20,436.5"
        assert format_percent(2.8614) == "286.1%"


def test_lao_short_dates_read_day_month_year_and_months_are_lao():
    as_of = datetime.date(2024, 1, 18)
    with translation.override("lo"):
        assert formats.date_format(as_of, "SHORT_DATE_FORMAT") == "18/1/2024"
        assert formats.date_format(as_of) == "18 ມັງກອນ 2024"


def test_lao_translates_djangos_own_messages():
    with translation.override("lo"):
        assert translation.gettext("This field is required.") != "This field is required."


def test_lao_is_registered_with_its_own_name():
    info = translation.get_language_info("lo")
    assert (info["name"], info["name_local"], info["bidi"]) == ("Lao", "ລາວ", False)
    assert settings.LANGUAGE_CODE == "lo"


def test_every_lao_catalog_entry_is_translated_and_none_is_fuzzy():
    problems = []
    for po_path in LOCALE_DIR.glob("**/lo/LC_MESSAGES/*.po"):
        with po_path.open("rb") as po_file:
            catalog = read_po(po_file)
        for message in catalog:
            if not message.id:
                continue
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            if message.fuzzy or not all(strings):
                problems.append(f"{po_path.name}: {message.id!r}")
    assert problems == []


def test_catalogs_compile_without_gnu_gettext(tmp_path):
    po = LOCALE_DIR / "lo" / "LC_MESSAGES" / "django.po"
    target = tmp_path / "lo" / "LC_MESSAGES"
    target.mkdir(parents=True)
    (target / "django.po").write_bytes(po.read_bytes())
    written = compile_catalogs(tmp_path)
    assert written == [target / "django.mo"]
    with (target / "django.mo").open("rb") as mo_file:
        compiled = gettext.GNUTranslations(mo_file)
    assert compiled.gettext("English") not in ("", "English")
    assert compile_catalogs(tmp_path) == []  # up to date: nothing rewritten
