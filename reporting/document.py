"""A report as a plain document: everything the Word and PDF exports print, in both
languages, with figures formatted for each language. Built once, rendered twice."""

from dataclasses import asdict, dataclass, field
from decimal import Decimal

from django.utils import translation
from django.utils.translation import gettext_lazy

from indicators.formatting import format_number, format_percent
from indicators.models import Framework, Indicator
from indicators.summary import framework_standing, totals_by_year

from .models import Report


@dataclass(frozen=True)
class Bilingual:
    lo: str
    en: str


# The interface words the documents print, each shown in both languages.
LABELS = {
    "swg": gettext_lazy("SWG name"),
    "year": gettext_lazy("Year"),
    "status": gettext_lazy("Status"),
    "people": gettext_lazy("People"),
    "role": gettext_lazy("Role"),
    "name": gettext_lazy("Name and position"),
    "dates": gettext_lazy("Dates"),
    "empty": gettext_lazy("Not answered yet."),
    "figures": gettext_lazy("Key figures"),
    "indicator": gettext_lazy("Indicator"),
    "actual": gettext_lazy("Actual"),
    "framework": gettext_lazy("Framework"),
    "target": gettext_lazy("Target"),
    "achievement": gettext_lazy("Achievement"),
    "met": gettext_lazy("met"),
    "not_met": gettext_lazy("not met"),
}


def bilingual(text) -> Bilingual:
    """A translatable string in Lao and in English."""
    with translation.override("lo"):
        lo = str(text)
    with translation.override("en"):
        en = str(text)
    return Bilingual(lo, en)


def labels() -> dict[str, Bilingual]:
    return {key: bilingual(text) for key, text in LABELS.items()}


@dataclass(frozen=True)
class PersonLine:
    role: Bilingual
    name: str
    position: str
    dates: Bilingual


@dataclass(frozen=True)
class SectionBlock:
    number: str
    question: Bilingual
    length: Bilingual
    answer: Bilingual


@dataclass(frozen=True)
class TargetCell:
    framework: Bilingual
    target: Bilingual
    achievement: Bilingual  # "58.2%" / "58,2%", or "123.7% of the ceiling"
    met: bool | None
    ratio: float | None


@dataclass(frozen=True)
class FigureRow:
    code: str
    indicator: Bilingual
    actual: Bilingual  # formatted with unit, or "—"
    value: Decimal | None
    targets: list[TargetCell] = field(default_factory=list)


@dataclass(frozen=True)
class ReportDocument:
    year: int
    swg: Bilingual
    title: Bilingual
    intro: Bilingual
    status: Bilingual
    people: list[PersonLine]
    sections: list[SectionBlock]
    figures: list[FigureRow]


def _both(make) -> Bilingual:
    """Call `make()` once with Lao active and once with English."""
    with translation.override("lo"):
        lo = str(make())
    with translation.override("en"):
        en = str(make())
    return Bilingual(lo, en)


def _dates(person) -> str:
    from django.utils.formats import date_format
    from django.utils.translation import gettext as _

    parts = []
    if person.from_date:
        parts.append(
            _("from %(date)s") % {"date": date_format(person.from_date, "SHORT_DATE_FORMAT")}
        )
    if person.until_date:
        parts.append(
            _("until %(date)s") % {"date": date_format(person.until_date, "SHORT_DATE_FORMAT")}
        )
    return " ".join(parts)


def _achievement(standing) -> str:
    from django.utils.translation import gettext as _

    row = standing.row
    if row is None or row.ratio is None or row.is_cumulative:
        return "—"
    percent = format_percent(row.ratio)
    if standing.target.is_ceiling:
        return _("%(p)s of the ceiling") % {"p": percent}
    return percent


def key_figure_rows(year: int) -> list[FigureRow]:
    frameworks = list(Framework.objects.all())
    rows = []
    for indicator in Indicator.objects.with_figures():
        value = totals_by_year(indicator).get(year)
        cells = []
        for framework in frameworks:
            standing = framework_standing(indicator, framework, year)
            if standing.target is None or standing.row is None:
                continue
            if standing.row.is_cumulative:
                continue
            cells.append(
                TargetCell(
                    framework=Bilingual(framework.short_name_lo, framework.short_name_en),
                    target=_both(standing.target.describe),
                    achievement=_both(lambda s=standing: _achievement(s)),
                    met=standing.row.met,
                    ratio=standing.row.ratio,
                )
            )
        rows.append(
            FigureRow(
                code=indicator.code,
                indicator=Bilingual(indicator.name_lo, indicator.name_en),
                actual=_both(
                    lambda i=indicator, v=value: (
                        "—" if v is None else f"{format_number(v)} {i.get_unit_display()}"
                    )
                ),
                value=value,
                targets=cells,
            )
        )
    return rows


def build_document(report: Report) -> ReportDocument:
    people = [
        PersonLine(
            role=Bilingual(p.field.label_lo, p.field.label_en),
            name=p.name,
            position=p.position,
            dates=_both(lambda p=p: _dates(p)),
        )
        for p in report.people.select_related("field")
    ]
    sections = [
        SectionBlock(
            number=a.section.number,
            question=Bilingual(a.section.question_lo, a.section.question_en),
            length=Bilingual(a.section.length_hint_lo, a.section.length_hint_en),
            answer=Bilingual(a.text_lo, a.text_en),
        )
        for a in report.answers.select_related("section")
    ]
    return ReportDocument(
        year=report.year,
        swg=Bilingual(report.swg.name_lo, report.swg.name_en),
        title=Bilingual(report.template.title_lo, report.template.title_en),
        intro=Bilingual(report.template.intro_lo, report.template.intro_en),
        status=_both(report.get_status_display),
        people=people,
        sections=sections,
        figures=key_figure_rows(report.year),
    )


def document_to_data(doc: ReportDocument) -> dict:
    return asdict(doc)


def document_from_data(data: dict) -> ReportDocument:
    """A stored edition back as a document (figures as they were approved)."""

    def both(value: dict) -> Bilingual:
        return Bilingual(value["lo"], value["en"])

    return ReportDocument(
        year=data["year"],
        swg=both(data["swg"]),
        title=both(data["title"]),
        intro=both(data["intro"]),
        status=both(data["status"]),
        people=[
            PersonLine(both(p["role"]), p["name"], p["position"], both(p["dates"]))
            for p in data["people"]
        ],
        sections=[
            SectionBlock(s["number"], both(s["question"]), both(s["length"]), both(s["answer"]))
            for s in data["sections"]
        ],
        figures=[
            FigureRow(
                code=f["code"],
                indicator=both(f["indicator"]),
                actual=both(f["actual"]),
                value=None if f["value"] is None else Decimal(str(f["value"])),
                targets=[
                    TargetCell(
                        both(t["framework"]),
                        both(t["target"]),
                        both(t["achievement"]),
                        t["met"],
                        t["ratio"],
                    )
                    for t in f["targets"]
                ],
            )
            for f in data["figures"]
        ],
    )
