"""The numbers in a report's prose, checked against the figures of the year.

`find_mentions` reads every number and percentage of a text, in either convention
(Lao "20.436" and "58,2%", English "20,436" and "58.2%", Lao digits too), keeping both
readings when the text cannot tell ("5.815" is 5815 in Lao and 5.815 in English). Years,
list and section numbers ("1.", "3.a"), codes ("18.1.1"), ordinals and labels ("9th
NSEDP", "SDG 18", "ຄັ້ງທີ 9", "Law No. 57"), durations ("5 years", "5 ປີ") and dates
are not figures and are left out.

`check_answer` compares the mentions with the data: a percentage that matches no
computed achievement, a figure that matches no actual or target, and a figure written in
the other language's convention are findings. Nothing here changes data.
"""

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import NamedTuple

from django.utils import translation
from django.utils.translation import gettext as _

from indicators.formatting import format_number, format_percent, percent_of
from indicators.models import Framework, Indicator
from indicators.numbers import LAO_DIGITS
from indicators.summary import AchievementRow, achievements

_DIGITS = "0-9\u0ed0-\u0ed9"
_NUMBER = re.compile(
    # Not inside a word, a code or another number ("SDG18", "No.54", "18.1.1").
    rf"(?<![A-Za-z{_DIGITS}_#.])(?<![{_DIGITS}],)"
    rf"(?P<number>[{_DIGITS}]+(?:[.,\u00a0\u202f][{_DIGITS}]+)*)"
    r"(?P<percent>[ \u00a0\u202f]?(?:%|％|percent\b|per cent\b|ເປີເຊັນ))?"
)
_UNITS = (
    (re.compile(r"[ \u00a0]?(?:ha|hectares?)\b|[ \u00a0]?ເຮັກຕາ", re.I), Indicator.Unit.HECTARES),
    (
        re.compile(
            r"[ \u00a0]?(?:people|persons?|casualties|victims|survivors|injured|killed|deaths)\b"
            r"|[ \u00a0]?ຄົນ",
            re.I,
        ),
        Indicator.Unit.PEOPLE,
    ),
    (re.compile(r"[ \u00a0]?accidents?\b|[ \u00a0]?ຄັ້ງ(?!ທີ)", re.I), Indicator.Unit.ACCIDENTS),
)
_ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th)\b", re.I)
_DURATION_AFTER = re.compile(r"[ \u00a0-]?(?:(?:years?|months?|weeks?|days?)\b|ປີ|ເດືອນ|ອາທິດ)")
_LABEL_BEFORE = re.compile(
    r"(?:\b(?:SDGs?|goals?|sections?|questions?|chapters?|articles?|annex(?:es)?|laws?|decrees?"
    r"|units?|pages?|tables?|items?|NSEDP|SPF)\)?|ເລກທີ|ທີ|ມາດຕາ|ຫົວຂໍ້|ຂໍ້)[ \t\u00a0]*$",
    re.I,
)
_NUMBER_LABEL_BEFORE = re.compile(r"\b(?:No|Nos|Nº|N°)\.?[ \t\u00a0]*$")
_CODE_LABEL_BEFORE = re.compile(r"\b(?:targets?|indicators?)[ \t\u00a0]*$", re.I)
_LINE_START = re.compile(r"[ \t>*•\-]*\(?")
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n+")

# Within this many percentage points of the computed value, a percentage matches.
TOLERANCE = Decimal("0.05")
# Whole numbers below this are counts in passing ("4 provinces", "2 ຄັ້ງຕໍ່ປີ"): read,
# but never flagged as matching nothing.
SMALL = 10


@dataclass(frozen=True)
class Reading:
    value: Decimal
    convention: str  # "lo", "en", or "either" when no separator tells


@dataclass(frozen=True)
class Mention:
    """A number in a text: `text` as written (with its unit or %), `number` its digits,
    and one reading, or two when the convention cannot be told ("5.815"), the page
    language's reading first."""

    text: str
    number: str
    start: int
    end: int
    readings: tuple[Reading, ...]
    is_percent: bool = False
    unit: str = ""  # an Indicator.Unit when a unit follows the number

    @property
    def values(self) -> tuple[Decimal, ...]:
        return tuple(r.value for r in self.readings)

    @property
    def value(self) -> Decimal | None:
        """The value, or None when it is ambiguous (see `values`)."""
        return self.readings[0].value if len(self.readings) == 1 else None

    @property
    def convention(self) -> str:
        """The convention the writing tells ("lo" or "en"), else "either"; each reading
        of an ambiguous number still has its own."""
        return self.readings[0].convention if len(self.readings) == 1 else "either"


def _valid_groups(text: str, mark: str) -> bool:
    first, *rest = text.split(mark)
    return 1 <= len(first) <= 3 and not first.startswith("0") and all(len(g) == 3 for g in rest)


def _readings(number: str) -> tuple[Reading, ...]:
    """Every way the digits can be read; empty when none can (codes such as 18.1.1)."""
    text = number.translate(LAO_DIGITS)
    if "\u00a0" in text or "\u202f" in text:
        head, *tail = re.split(r"([.,])", text, maxsplit=1)
        if not re.fullmatch(r"[0-9]{1,3}([\u00a0\u202f][0-9]{3})+", head):
            return ()
        text = re.sub(r"[\u00a0\u202f]", "", head) + "".join(tail)
    marks = [c for c in text if c in ".,"]
    if not marks:
        return (Reading(Decimal(text), "either"),)
    decimal_mark = marks[-1]
    convention = {".": "en", ",": "lo"}
    if len(set(marks)) == 2:
        grouping = "," if decimal_mark == "." else "."
        head, tail = text.rsplit(decimal_mark, 1)
        if text.count(decimal_mark) > 1 or not _valid_groups(head, grouping):
            return ()
        return (
            Reading(Decimal(head.replace(grouping, "") + "." + tail), convention[decimal_mark]),
        )
    grouped_in = {".": "lo", ",": "en"}[decimal_mark]
    if len(marks) > 1:
        if not _valid_groups(text, decimal_mark):
            return ()
        return (Reading(Decimal(text.replace(decimal_mark, "")), grouped_in),)
    head, tail = text.split(decimal_mark)
    as_decimal = Reading(Decimal(f"{head}.{tail}"), convention[decimal_mark])
    if _valid_groups(text, decimal_mark):
        return (Reading(Decimal(head + tail), grouped_in), as_decimal)
    return (as_decimal,)


def _is_year(number: str, readings: tuple[Reading, ...]) -> bool:
    return (
        len(readings) == 1
        and readings[0].convention == "either"
        and len(number) == 4
        and 1900 <= readings[0].value <= 2100
    )


def _not_a_figure(text: str, match: re.Match, readings: tuple[Reading, ...], unit: str) -> bool:
    """Years, numbering, codes, ordinals, labels, durations and dates."""
    start, end = match.start(), match.end("number")
    before, after = text[max(0, start - 40) : start], text[end:]
    if match.group("percent"):
        return False
    if not unit and _is_year(match.group("number"), readings):
        return True
    if _ORDINAL_AFTER.match(after) or re.match(r"\.?[A-Za-z]", after) and not unit:
        return True  # "9th", "3.a", "3a"
    if re.match(r"[/:][0-9]", after) or re.search(r"[0-9][/:]$", before):
        return True  # dates, fractions, times: "18/01/2024", "1/2 page"
    if _LABEL_BEFORE.search(before) or _NUMBER_LABEL_BEFORE.search(before):
        return True  # "SDG 18", "ຄັ້ງທີ 9", "Law No. 57"
    number = match.group("number").translate(LAO_DIGITS)
    code_like = re.fullmatch(r"[0-9]{1,2}(\.[0-9]{1,2})+", number)
    if code_like and _CODE_LABEL_BEFORE.search(before):
        return True  # "target 18.1"
    line = text[text.rfind("\n", 0, start) + 1 : start]
    if (
        not unit
        and _LINE_START.fullmatch(line)
        and (re.match(r"[.)][ \t]", after) or code_like and re.match(r"[ \t]", after))
    ):
        return True  # list numbering: "1. ", "2) ", "1.1 "
    return not unit and bool(_DURATION_AFTER.match(after))  # "5 years", "5 ປີ"


def find_mentions(text: str, language: str) -> list[Mention]:
    """Every number and percentage in `text` that can be a figure; `language` ("lo" or
    "en") puts its own reading first when a number can be read both ways."""
    own = "en" if language.startswith("en") else "lo"
    mentions = []
    for match in _NUMBER.finditer(text or ""):
        readings = _readings(match.group("number"))
        if not readings:
            continue
        end, unit = match.end(), ""
        if not match.group("percent"):
            for pattern, code in _UNITS:
                if found := pattern.match(text, end):
                    end, unit = found.end(), code
                    break
        if _not_a_figure(text, match, readings, unit):
            continue
        readings = tuple(sorted(readings, key=lambda r: r.convention != own))
        mentions.append(
            Mention(
                text=text[match.start() : end].strip(),
                number=match.group("number"),
                start=match.start(),
                end=end,
                readings=readings,
                is_percent=bool(match.group("percent")),
                unit=unit,
            )
        )
    return mentions


# --- The data of a year -----------------------------------------------------------


@dataclass(frozen=True)
class _Fact:
    indicator: Indicator
    value: Decimal


@dataclass(frozen=True)
class _Computed:
    """A percentage the data gives: an achievement (with its target) or a component's
    share of its total (target None)."""

    indicator: Indicator
    percent: Decimal  # exact
    ratio: float
    row: AchievementRow | None = None

    @property
    def target(self):
        return self.row.target if self.row else None


@dataclass(frozen=True)
class _YearData:
    year: int
    facts: list[_Fact]
    computed: list[_Computed]
    frameworks: list[Framework]


def _year_data(year: int) -> _YearData:
    facts, computed = [], []
    for indicator in Indicator.objects.with_figures():
        actuals = [a for a in indicator.actuals.all() if a.year == year]
        facts += [_Fact(indicator, a.value) for a in actuals]
        # Targets of the year, and those ahead: a report names the plans it works towards.
        facts += [_Fact(indicator, t.value) for t in indicator.targets.all() if t.end_year >= year]
        for row in achievements(indicator, through_year=year, year=year):
            if row.ratio is not None:
                percent = Decimal(repr(row.ratio)) * 100
                computed.append(_Computed(indicator, percent, row.ratio, row))
        total = next((a.value for a in actuals if a.is_total), None)
        for part in actuals:
            if total and part.component_id and not part.disaggregation:
                ratio = float(part.value / total)
                computed.append(_Computed(indicator, part.value / total * 100, ratio))
    return _YearData(year, facts, computed, list(Framework.objects.all()))


def _framework_names(framework: Framework) -> list[str]:
    names = [framework.short_name_lo, framework.short_name_en, framework.name_lo]
    return [n for n in names + [framework.name_en, framework.code] if n]


def _masked(text: str, frameworks: list[Framework]) -> str:
    """The text with the frameworks' names blanked, so "ແຜນ 5 ປີ ຄັ້ງທີ IX" is no figure."""
    names = sorted({n for f in frameworks for n in _framework_names(f)}, key=len, reverse=True)
    for name in names:
        if re.search(r"[0-9]", name):
            pattern = re.escape(name) + r"(?![.,]?[0-9])"
            text = re.sub(pattern, lambda m: " " * len(m.group()), text)
    return text


def _percent_matches(mentioned: Decimal, computed: _Computed) -> bool:
    if abs(mentioned - computed.percent) <= TOLERANCE:
        return True
    # A whole percentage is right when it is the rounding of the computed one (58% for
    # 58.15%).
    places = max(0, -mentioned.as_tuple().exponent)
    return places == 0 and mentioned == percent_of(computed.ratio, 0)


# --- Recognition and findings --------------------------------------------------------


@dataclass(frozen=True)
class Recognition:
    """What a mention was recognised as: the reading the data confirms (None when no
    reading matches anything) and the indicators whose figures it matches."""

    mention: Mention
    reading: Reading | None
    indicators: tuple[str, ...] = ()

    @property
    def value(self) -> Decimal | None:
        return self.reading.value if self.reading else None


def _recognise(mention: Mention, data: _YearData) -> Recognition:
    for reading in mention.readings:
        if mention.is_percent:
            codes = [c.indicator.code for c in data.computed if _percent_matches(reading.value, c)]
        else:
            codes = [
                f.indicator.code
                for f in data.facts
                if f.value == reading.value and mention.unit in ("", f.indicator.unit)
            ]
        if codes:
            return Recognition(mention, reading, tuple(dict.fromkeys(codes)))
    return Recognition(mention, None)


def _recognitions(text: str, language: str, data: _YearData) -> list[Recognition]:
    return [_recognise(m, data) for m in find_mentions(_masked(text, data.frameworks), language)]


def recognise_figures(text: str, language: str, year: int) -> list[Recognition]:
    """Each figure of `text` with what the data of `year` recognises it as."""
    return _recognitions(text, language, _year_data(year))


@dataclass(frozen=True)
class NarrativeFinding:
    code: str  # "percent_mismatch", "unknown_figure" or "other_convention"
    text: str  # the mention as written
    message: str  # in the active language
    start: int = 0
    value: Decimal | None = None  # the value recognised (or mentioned, when unambiguous)
    indicator: str = ""  # the indicator recognised, or the nearest achievement's


class ReportFinding(NamedTuple):
    section: str
    language: str
    finding: NarrativeFinding


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for end in _SENTENCE_END.finditer(text):
        spans.append((start, end.start()))
        start = end.end()
    return spans + [(start, len(text))]


def _nearest(value: Decimal, sentence: str, context: set[str], data: _YearData) -> _Computed | None:
    """The achievement nearest to `value`, among those of the indicators the sentence
    talks about if any; ties go to the framework the sentence names first."""
    pool = [c for c in data.computed if c.row is not None]
    pool = [c for c in pool if c.indicator.code in context] or pool

    def named_at(computed: _Computed) -> int:
        found = [sentence.find(n) for n in _framework_names(computed.target.framework)]
        return min(
            [i for i in found if i >= 0], default=len(sentence) + computed.target.framework.order
        )

    return min(pool, key=lambda c: (abs(value - c.percent), named_at(c)), default=None)


def _mismatch_message(mention: Mention, nearest: _Computed | None, year: int) -> str:
    if nearest is None:
        return _("“%(mentioned)s” does not match any computed achievement for %(year)s.") % {
            "mentioned": mention.text,
            "year": year,
        }
    target = nearest.target
    if nearest.row.is_cumulative:
        pattern = (
            _(
                "“%(mentioned)s” does not match any computed achievement for %(year)s; the "
                "nearest is %(indicator)s at %(percent)s of the %(framework)s ceiling for "
                "%(period)s."
            )
            if target.is_ceiling
            else _(
                "“%(mentioned)s” does not match any computed achievement for %(year)s; the "
                "nearest is %(indicator)s at %(percent)s of the %(framework)s target for "
                "%(period)s."
            )
        )
    elif target.is_ceiling:
        pattern = _(
            "“%(mentioned)s” does not match any computed achievement for %(year)s; the "
            "nearest is %(indicator)s at %(percent)s of the %(framework)s annual ceiling."
        )
    else:
        pattern = _(
            "“%(mentioned)s” does not match any computed achievement for %(year)s; the "
            "nearest is %(indicator)s at %(percent)s of the %(framework)s annual target."
        )
    return pattern % {
        "mentioned": mention.text,
        "year": year,
        "indicator": nearest.indicator.name,
        "percent": format_percent(nearest.ratio),
        "framework": target.framework.short_name,
        "period": f"{target.start_year}–{target.end_year}",
    }


def _convention_finding(mention: Mention, reading: Reading, language: str) -> NarrativeFinding:
    with translation.override(language):
        suggested = format_number(reading.value) + mention.text[len(mention.number) :]
    if language == "lo":
        message = _(
            "“%(mentioned)s” is written in the English number format; in Lao, write %(suggested)s."
        )
    else:
        message = _(
            "“%(mentioned)s” is written in the Lao number format; in English, write %(suggested)s."
        )
    return NarrativeFinding(
        "other_convention",
        mention.text,
        message % {"mentioned": mention.text, "suggested": suggested},
        mention.start,
        reading.value,
    )


def _is_small_count(mention: Mention) -> bool:
    value = mention.value
    return value is not None and value < SMALL and value == value.to_integral_value()


def _mention_findings(
    recognition: Recognition, language: str, sentence: str, context: set[str], data: _YearData
) -> list[NarrativeFinding]:
    mention, reading = recognition.mention, recognition.reading
    findings = []
    if reading is None and mention.is_percent:
        nearest = _nearest(mention.readings[0].value, sentence, context, data)
        message = _mismatch_message(mention, nearest, data.year)
        code = nearest.indicator.code if nearest else ""
        findings.append(
            NarrativeFinding(
                "percent_mismatch", mention.text, message, mention.start, mention.value, code
            )
        )
    elif reading is None and not _is_small_count(mention):
        message = _("“%(mentioned)s” does not match any actual figure or target for %(year)s.") % {
            "mentioned": mention.text,
            "year": data.year,
        }
        findings.append(
            NarrativeFinding("unknown_figure", mention.text, message, mention.start, mention.value)
        )
    # The convention of the reading the data confirms; unrecognised, only when unambiguous.
    written = reading or (mention.readings[0] if mention.value is not None else None)
    if written is not None and written.convention not in ("either", language):
        finding = _convention_finding(mention, written, language)
        findings.append(replace(finding, indicator=next(iter(recognition.indicators), "")))
    return findings


def _findings(text: str, language: str, data: _YearData) -> list[NarrativeFinding]:
    language = "en" if language.startswith("en") else "lo"
    recognitions = _recognitions(text, language, data)
    findings = []
    for start, end in _sentence_spans(text):
        here = [r for r in recognitions if start <= r.mention.start < end]
        # The indicators the sentence talks about, told by the figures it gives.
        context = {code for r in here if not r.mention.is_percent for code in r.indicators}
        for recognition in here:
            findings += _mention_findings(recognition, language, text[start:end], context, data)
    return findings


def check_answer(text: str, language: str, year: int) -> list[NarrativeFinding]:
    """Findings on the figures of an answer written in `language`, against `year`'s
    data; messages in the active language."""
    return _findings(text, language, _year_data(year))


def _section_findings(section: str, text_lo: str, text_en: str, data) -> list[ReportFinding]:
    return [
        ReportFinding(section, language, finding)
        for language, text in (("lo", text_lo), ("en", text_en))
        for finding in _findings(text, language, data)
    ]


def check_section(section: str, text_lo: str, text_en: str, year: int) -> list[ReportFinding]:
    """check_answer on a section's two answers (as saved, or as typed), Lao first."""
    return _section_findings(section, text_lo, text_en, _year_data(year))


def check_report(report) -> list[ReportFinding]:
    """check_answer on every answer of the report, Lao then English, section by section."""
    data = _year_data(report.year)
    return [
        item
        for answer in report.answers.select_related("section")
        for item in _section_findings(answer.section.number, answer.text_lo, answer.text_en, data)
    ]
