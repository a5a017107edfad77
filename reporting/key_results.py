"""The year's key results as sentences, in the manner of the report's section 2.

One sentence per indicator with a figure that year, in Lao and in English, generated
from the data: the total, its components, and where it stands against every framework
with an annual target for the year (a floor as a share of the target, a ceiling as
above, at or within it). Plain text, no HTML.

Each whole sentence is one msgid per indicator and shape (with or without components,
with or without targets). The parts that repeat a variable number of times (components,
frameworks, standings) are list items with their own msgids, joined by translated list
patterns, so a translator can place every piece where the language wants it.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils import translation
from django.utils.translation import gettext_lazy, ngettext_lazy

from indicators.formatting import format_number, format_percent
from indicators.models import Framework, Indicator
from indicators.summary import FrameworkStanding, framework_standing, totals_by_year


@dataclass(frozen=True)
class KeyResult:
    code: str
    lo: str
    en: str


# One sentence per indicator and shape: (plain, with components, with targets, with both).
# Placeholders: year, value (the total, formatted), parts, standing, and for the generic
# sentence indicator and unit. Wording keyed by indicator code; any other indicator gets
# the generic sentence.
SENTENCES = {
    "casualties": (
        gettext_lazy("In %(year)s, the number of UXO casualties was %(value)s."),
        gettext_lazy("In %(year)s, the number of UXO casualties was %(value)s (%(parts)s)."),
        gettext_lazy("In %(year)s, the number of UXO casualties was %(value)s, %(standing)s."),
        gettext_lazy(
            "In %(year)s, the number of UXO casualties was %(value)s (%(parts)s), %(standing)s."
        ),
    ),
    "accidents": (
        gettext_lazy("In %(year)s, the number of UXO accidents was %(value)s."),
        gettext_lazy("In %(year)s, the number of UXO accidents was %(value)s (%(parts)s)."),
        gettext_lazy("In %(year)s, the number of UXO accidents was %(value)s, %(standing)s."),
        gettext_lazy(
            "In %(year)s, the number of UXO accidents was %(value)s (%(parts)s), %(standing)s."
        ),
    ),
    "cha-identified": (
        gettext_lazy(
            "In %(year)s, survey identified %(value)s ha of Confirmed Hazardous Area (CHA)."
        ),
        gettext_lazy(
            "In %(year)s, survey identified %(value)s ha of Confirmed Hazardous Area (%(parts)s)."
        ),
        gettext_lazy(
            "In %(year)s, survey identified %(value)s ha of Confirmed Hazardous Area (CHA), "
            "%(standing)s."
        ),
        gettext_lazy(
            "In %(year)s, survey identified %(value)s ha of Confirmed Hazardous Area "
            "(%(parts)s), %(standing)s."
        ),
    ),
    "area-cleared": (
        ngettext_lazy(
            "In %(year)s, %(value)s ha was cleared.",
            "In %(year)s, %(value)s ha were cleared.",
            "count",
        ),
        ngettext_lazy(
            "In %(year)s, %(value)s ha was cleared (%(parts)s).",
            "In %(year)s, %(value)s ha were cleared (%(parts)s).",
            "count",
        ),
        ngettext_lazy(
            "In %(year)s, %(value)s ha was cleared, %(standing)s.",
            "In %(year)s, %(value)s ha were cleared, %(standing)s.",
            "count",
        ),
        ngettext_lazy(
            "In %(year)s, %(value)s ha was cleared (%(parts)s), %(standing)s.",
            "In %(year)s, %(value)s ha were cleared (%(parts)s), %(standing)s.",
            "count",
        ),
    ),
    "victims-assisted": (
        ngettext_lazy(
            "In %(year)s, %(value)s UXO victim received assistance.",
            "In %(year)s, %(value)s UXO victims received assistance.",
            "count",
        ),
        ngettext_lazy(
            "In %(year)s, %(value)s UXO victim received assistance (%(parts)s).",
            "In %(year)s, %(value)s UXO victims received assistance (%(parts)s).",
            "count",
        ),
        ngettext_lazy(
            "In %(year)s, %(value)s UXO victim received assistance, %(standing)s.",
            "In %(year)s, %(value)s UXO victims received assistance, %(standing)s.",
            "count",
        ),
        ngettext_lazy(
            "In %(year)s, %(value)s UXO victim received assistance (%(parts)s), %(standing)s.",
            "In %(year)s, %(value)s UXO victims received assistance (%(parts)s), %(standing)s.",
            "count",
        ),
    ),
}
GENERIC = (
    gettext_lazy("In %(year)s, %(indicator)s: %(value)s %(unit)s."),
    gettext_lazy("In %(year)s, %(indicator)s: %(value)s %(unit)s (%(parts)s)."),
    gettext_lazy("In %(year)s, %(indicator)s: %(value)s %(unit)s, %(standing)s."),
    gettext_lazy("In %(year)s, %(indicator)s: %(value)s %(unit)s (%(parts)s), %(standing)s."),
)

# A component of the total, by the indicator's unit: "5,190 ha agricultural land",
# "36 injured".
COMPONENT = {
    Indicator.Unit.HECTARES: gettext_lazy("%(value)s ha %(component)s"),
    Indicator.Unit.PEOPLE: gettext_lazy("%(value)s %(component)s"),
    Indicator.Unit.ACCIDENTS: gettext_lazy("%(component)s: %(value)s"),
}

# A floor: the share of the target reached, met or not ("286.1% of …" when beaten).
FLOOR_ONE = gettext_lazy("%(percent)s of the %(framework)s annual target of %(value)s %(unit)s")
# Several frameworks with the same target value: %(frameworks)s is a list of their names.
FLOOR_MANY = gettext_lazy("%(percent)s of the %(frameworks)s annual targets of %(value)s %(unit)s")
# A ceiling, named inside one of the phrases below; %(target)s says it as in the target
# list ("fewer than 38 people").
CEILING_ONE = gettext_lazy("the %(framework)s annual ceiling of %(target)s")
CEILING_MANY = gettext_lazy("the %(frameworks)s annual ceilings of %(target)s")
# Where the figure stands against one or more ceilings (%(ceilings)s, a list of the above).
CEILING_RELATION = {
    "above": gettext_lazy("above %(ceilings)s"),
    "at": gettext_lazy("at %(ceilings)s"),
    "within": gettext_lazy("within %(ceilings)s"),
}
# Lists: "A and B"; "A, B and C" is "A, " followed by "B and C".
LIST_AND = gettext_lazy("%(first)s and %(last)s")
LIST_COMMA = gettext_lazy("%(first)s, %(rest)s")


def _and(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return str(LIST_AND % {"first": items[0], "last": items[1]})
    return str(LIST_COMMA % {"first": items[0], "rest": _and(items[1:])})


def _commas(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return str(LIST_COMMA % {"first": items[0], "rest": _commas(items[1:])})


def _grouped(pairs) -> dict:
    """{key: [names]} in the order keys first appear: frameworks that say the same thing
    are named together."""
    groups: dict = {}
    for key, name in pairs:
        groups.setdefault(key, []).append(name)
    return groups


def _floor_standing(indicator: Indicator, standings: list[FrameworkStanding]) -> list[str]:
    groups = _grouped(
        ((s.target.value, format_percent(s.row.ratio)), s.framework.short_name)
        for s in standings
        if s.row.ratio is not None
    )
    phrases = []
    for (value, percent), names in groups.items():
        pattern = FLOOR_ONE if len(names) == 1 else FLOOR_MANY
        params = {
            "percent": percent,
            "framework": names[0],
            "frameworks": _and(names),
            "value": format_number(value),
            "unit": indicator.get_unit_display(),
        }
        phrases.append(str(pattern % params))
    return phrases


def _ceiling_relation(standing: FrameworkStanding) -> str:
    if standing.row.met:
        return "within"
    return "at" if standing.row.actual == standing.target.value else "above"


def _ceiling_standing(standings: list[FrameworkStanding]) -> list[str]:
    by_relation = _grouped((_ceiling_relation(s), s) for s in standings)
    phrases = []
    for relation, group in by_relation.items():
        by_target = _grouped((s.target.describe(), s.framework.short_name) for s in group)
        ceilings = [
            str(
                (CEILING_ONE if len(names) == 1 else CEILING_MANY)
                % {"framework": names[0], "frameworks": _and(names), "target": target}
            )
            for target, names in by_target.items()
        ]
        phrases.append(str(CEILING_RELATION[relation] % {"ceilings": _and(ceilings)}))
    return phrases


def _plural_count(value: Decimal) -> int:
    # English takes the plural for fractions ("1.5 ha were"), as for any count but one.
    return int(value) if value == value.to_integral_value() else 2


def _sentence(indicator, year: int, total: Decimal, parts, standings) -> str:
    """The sentence in the active language."""
    unit = indicator.get_unit_display()
    items = [
        str(COMPONENT[indicator.unit] % {"value": format_number(v), "component": c.name})
        for c, v in parts
    ]
    ceilings = [s for s in standings if s.target.is_ceiling]
    floors = [s for s in standings if not s.target.is_ceiling]
    phrases = _ceiling_standing(ceilings) + _floor_standing(indicator, floors)
    shape = (2 if phrases else 0) + (1 if items else 0)
    pattern = SENTENCES.get(indicator.code, GENERIC)[shape]
    params = {
        "year": year,
        "value": format_number(total),
        "parts": _commas(items),
        "standing": _and(phrases),
        "indicator": indicator.name,
        "unit": unit,
        "count": _plural_count(total),
    }
    return str(pattern % params)


def key_result_sentences(year: int) -> list[KeyResult]:
    """One KeyResult per indicator with a total for `year`, in the indicators' order;
    frameworks in their own order."""
    frameworks = list(Framework.objects.all())
    results = []
    for indicator in Indicator.objects.with_figures():
        total = totals_by_year(indicator).get(year)
        if total is None:
            continue
        parts = sorted(
            (
                (a.component, a.value)
                for a in indicator.actuals.all()
                if a.year == year and a.component_id and not a.disaggregation
            ),
            key=lambda part: (part[0].order, part[0].code),
        )
        standings = [
            s
            for s in (framework_standing(indicator, f, year) for f in frameworks)
            if s.row is not None and not s.row.is_cumulative and s.row.actual is not None
        ]
        texts = {}
        for language in ("lo", "en"):
            with translation.override(language):
                texts[language] = _sentence(indicator, year, total, parts, standings)
        results.append(KeyResult(code=indicator.code, **texts))
    return results
