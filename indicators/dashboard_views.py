"""The chairs' progress dashboard: one year, every indicator against every framework."""

from dataclasses import dataclass
from decimal import Decimal

from django.shortcuts import render
from django.views.decorators.http import require_safe

from accounts.roles import DASHBOARD_READERS, role_required

from . import charts, quality
from .models import Actual, Framework, Indicator
from .summary import Standing, framework_standing, totals_by_year

OFF_TARGET = {Standing.NOT_MET, Standing.OFF_TRACK}


@dataclass(frozen=True)
class ChartRow:
    indicator: Indicator
    target: object
    ratio: float | None
    met: bool | None


@dataclass(frozen=True)
class Change:
    indicator: Indicator
    previous: Decimal | None
    current: Decimal | None

    @property
    def difference(self) -> Decimal | None:
        if self.previous is None or self.current is None:
            return None
        return self.current - self.previous

    @property
    def ratio(self) -> float | None:
        if self.difference is None or not self.previous:
            return None
        return float(self.difference / self.previous)

    @property
    def better(self) -> bool | None:
        """Whether the change is good news, which depends on the indicator's direction."""
        if not self.difference:
            return None
        lower_is_better = self.indicator.direction == Indicator.Direction.LOWER
        return (self.difference < 0) == lower_is_better


def _year(request, years: list[int]) -> int | None:
    raw = request.GET.get("year", "")
    if raw.isascii() and raw.isdigit() and int(raw) in years:
        return int(raw)
    return years[-1] if years else None


@require_safe
@role_required(*DASHBOARD_READERS)
def dashboard(request):
    years = sorted(set(Actual.objects.values_list("year", flat=True)))
    year = _year(request, years)
    indicators = list(Indicator.objects.with_figures())
    frameworks = list(Framework.objects.all())
    matrix, chart_rows, changes, attention = [], [], [], []
    for indicator in indicators:
        standings = [framework_standing(indicator, f, year) for f in frameworks]
        matrix.append((indicator, standings))
        totals = totals_by_year(indicator)
        if year is not None:
            changes.append(Change(indicator, totals.get(year - 1), totals.get(year)))
        for standing in standings:
            if standing.row is not None and not standing.row.is_cumulative:
                chart_rows.append(
                    ChartRow(indicator, standing.target, standing.row.ratio, standing.row.met)
                )
            if standing.code in OFF_TARGET:
                attention.append(("off_target", indicator, standing))
        if (
            year is not None
            and year not in totals
            and any(s.code == Standing.NO_DATA for s in standings)
        ):
            attention.append(("missing", indicator, None))
    open_findings = (
        [f for f in quality.findings(indicators, year=year) if not f.acknowledged]
        if year is not None
        else []
    )
    # A missed target is listed once, as off target, saying whether it is explained.
    unexplained = {f.target.pk for f in open_findings if f.target is not None}
    attention = [
        (kind, indicator, standing, standing is not None and standing.target.pk in unexplained)
        for kind, indicator, standing in attention
    ]
    findings = [f for f in open_findings if f.target is None]
    floor_figure, ceiling_figure = charts.achievement_figures(chart_rows)
    context = {
        "years": years,
        "year": year,
        "frameworks": frameworks,
        "matrix": matrix,
        "changes": changes,
        "attention": attention,
        "findings": findings,
        "floor_figure": floor_figure,
        "ceiling_figure": ceiling_figure,
        "chart_locale": charts.chart_locale(),
    }
    return render(request, "indicators/dashboard.html", context)
