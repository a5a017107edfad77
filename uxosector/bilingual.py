"""Bilingual content: every text a person writes is stored twice, as `<field>_lo`
and `<field>_en`; this is the one place that picks by the active language."""

from django.utils.translation import get_language


def active_language() -> str:
    """'en' or 'lo': the two content languages, whatever variant is active."""
    return "en" if (get_language() or "lo").startswith("en") else "lo"


def localized(obj, field: str) -> str:
    """The text of `field` in the active language, or in the other one if that is blank."""
    primary = active_language()
    other = "lo" if primary == "en" else "en"
    return getattr(obj, f"{field}_{primary}") or getattr(obj, f"{field}_{other}")


class BilingualNameMixin:
    @property
    def name(self) -> str:
        return localized(self, "name")
