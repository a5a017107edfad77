"""Data-quality findings for indicators loaded with `Indicator.objects.with_figures()`.

Findings are warnings: they never block saving. A person acknowledges one with a note
(FindingNote); a missed target's note is its explanation, which the report needs
before it can be submitted.
"""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.utils.translation import gettext as _

from . import achievement, checks
from .formatting import format_number
from .models import FindingNote, Indicator

Rule = FindingNote.Rule


@dataclass
class Finding:
    rule: str
    indicator: Indicator
    year: int
    key: str
    message: str
    note: FindingNote | None = None
    target: object = None  # the missed target, for target_missed findings

    @property
    def acknowledged(self) -> bool:
        return self.note is not None

    def rule_label(self) -> str:
        return Rule(self.rule).label

    def line(self) -> str:
        """One line for the command line: indicator, year, rule, figures."""
        state = f" [{_('acknowledged')}: {self.note.note}]" if self.note else ""
        return f"{self.indicator.code} {self.year} {self.rule}: {self.message}{state}"


def _disaggregation_label(row: dict) -> str:
    return ", ".join(f"{k}={v}" for k, v in sorted(row.items())) or _("the total")


def _components(indicator, year, actuals) -> list[Finding]:
    components = list(indicator.components.all())
    totals = [a for a in actuals if a.component_id is None and not a.disaggregation]
    if not components or not totals:
        return []
    by_component = {a.component_id: a for a in actuals if a.component_id and not a.disaggregation}
    parts = [by_component.get(c.pk) for c in components]
    values = [p.value if p else None for p in parts]
    total = totals[0].value
    if not checks.components_mismatch(total, values):
        return []
    part_sum = sum(values, Decimal(0))
    message = _("%(parts)s add up to %(sum)s, but the total is %(total)s.") % {
        "parts": " + ".join(
            f"{c.name} {format_number(v)}" for c, v in zip(components, values, strict=True)
        ),
        "sum": format_number(part_sum),
        "total": format_number(total),
    }
    key = "|".join(str(v) for v in [total, *values])
    return [Finding(Rule.COMPONENTS, indicator, year, key, message)]


def _disaggregation(indicator, year, actuals) -> list[Finding]:
    rows = [(a.disaggregation, a.value) for a in actuals if a.component_id is None]
    found = []
    for gap in checks.disaggregation_gaps(rows):
        message = _(
            "The %(count)s rows by %(column)s add up to %(sum)s, but %(row)s, blank in that "
            "column, is %(value)s."
        ) % {
            "count": gap.children,
            "column": gap.column,
            "sum": format_number(gap.children_sum),
            "row": _disaggregation_label(gap.row),
            "value": format_number(gap.value),
        }
        key = f"{_key_of(gap.row)}|{gap.column}|{gap.value}|{gap.children_sum}"
        found.append(Finding(Rule.DISAGGREGATION, indicator, year, key, message))
    return found


def _key_of(row: dict) -> str:
    return ";".join(f"{k}={v}" for k, v in sorted(row.items()))


def _change(indicator, year, totals, factor) -> list[Finding]:
    previous, current = totals.get(year - 1), totals.get(year)
    if not checks.sharp_change(previous, current, factor):
        return []
    message = _(
        "%(current)s in %(year)s is %(ratio)s times the %(previous)s of %(previous_year)s "
        "(flagged beyond %(factor)s times, up or down)."
    ) % {
        "current": format_number(current),
        "year": year,
        "ratio": format_number(current / previous),
        "previous": format_number(previous),
        "previous_year": year - 1,
        "factor": format_number(Decimal(str(factor))),
    }
    return [Finding(Rule.CHANGE, indicator, year, f"{previous}|{current}", message)]


def _missed_targets(indicator, year, totals) -> list[Finding]:
    found = []
    for target in indicator.targets.all():
        spec = target.spec()
        if spec.kind != achievement.Kind.ANNUAL or not spec.covers(year):
            continue
        result = achievement.annual_achievement(spec, year, totals.get(year))
        if result.met is False:
            message = _(
                "%(actual)s misses the %(framework)s target (%(target)s): explain why before "
                "the report is submitted."
            ) % {
                "actual": format_number(result.actual),
                "framework": target.framework.short_name,
                "target": target.describe(),
            }
            key = f"{target.framework.code}|{target.comparator}{target.value}|{result.actual}"
            found.append(Finding(Rule.TARGET_MISSED, indicator, year, key, message, target=target))
    return found


def findings(indicators, *, year: int | None = None, factor: float | None = None) -> list[Finding]:
    """Every finding for the given indicators (all years, or one), each with its note
    if someone wrote one. One query for the notes, whatever the number of findings."""
    factor = factor or settings.QUALITY_CHANGE_FACTOR
    found: list[Finding] = []
    for indicator in indicators:
        by_year = defaultdict(list)
        for actual in indicator.actuals.all():
            by_year[actual.year].append(actual)
        totals = {
            y: a.value
            for y, rows in by_year.items()
            for a in rows
            if a.component_id is None and not a.disaggregation
        }
        for y in sorted(by_year) if year is None else [year]:
            actuals = by_year.get(y, [])
            found += _components(indicator, y, actuals)
            found += _disaggregation(indicator, y, actuals)
            found += _change(indicator, y, totals, factor)
            found += _missed_targets(indicator, y, totals)
    notes = FindingNote.objects.filter(indicator__in=[f.indicator for f in found])
    if year is not None:
        notes = notes.filter(year=year)
    by_key = {(n.rule, n.indicator_id, n.year, n.key): n for n in notes}
    for finding in found:
        finding.note = by_key.get((finding.rule, finding.indicator.pk, finding.year, finding.key))
    return found


def unexplained_misses(year: int) -> list[Finding]:
    """Missed targets of `year` without a written explanation: these hold the report."""
    return [
        f
        for f in findings(Indicator.objects.with_figures(), year=year)
        if f.rule == Rule.TARGET_MISSED and not f.acknowledged
    ]
