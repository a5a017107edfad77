"""The public indicator pages: no login, cached on the server, charts with tables."""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from . import charts, downloads
from .cache import public_page
from .models import Framework, Indicator, Target
from .summary import (
    achievements,
    framework_standing,
    latest_total,
    latest_year,
    totals_by_year,
    yearly_totals,
)


def _years_shown(indicators) -> range:
    years = [a.year for i in indicators for a in i.actuals.all()]
    return range(min(years), max(years) + 1) if years else range(0)


@require_safe
@public_page
def overview(request):
    indicators = list(Indicator.objects.with_figures())
    frameworks = list(Framework.objects.all())
    years = _years_shown(indicators)
    rows = []
    for indicator in indicators:
        latest = latest_total(indicator)
        year = latest.year if latest else None
        rows.append(
            {
                "indicator": indicator,
                "latest": latest,
                "standings": [framework_standing(indicator, f, year) for f in frameworks],
                "sparkline": charts.sparkline_points(yearly_totals(indicator, years)),
                "trend": yearly_totals(indicator, years),
            }
        )
    context = {"rows": rows, "frameworks": frameworks, "years": years}
    return render(request, "indicators/overview.html", context)


def _indicator_or_404(code: str) -> Indicator:
    indicator = Indicator.objects.with_figures().filter(code=code).first()
    if indicator is None:
        raise Http404
    return indicator


def _trend_table(indicator: Indicator, totals: dict) -> dict:
    annual = [t for t in indicator.targets.all() if t.kind == Target.Kind.ANNUAL]
    years = sorted(set(totals) | {y for t in annual for y in (t.start_year, t.end_year)})
    span = range(years[0], years[-1] + 1) if years else range(0)
    return {
        "targets": annual,
        "rows": [
            (
                year,
                totals.get(year),
                [t.value if t.start_year <= year <= t.end_year else None for t in annual],
            )
            for year in span
            if year in totals or any(t.start_year <= year <= t.end_year for t in annual)
        ],
    }


@require_safe
@public_page
def detail(request, code):
    indicator = _indicator_or_404(code)
    totals = totals_by_year(indicator)
    latest = latest_total(indicator)
    reporting_year = latest_year()
    cumulative = []
    for target in indicator.targets.all():
        if target.kind != Target.Kind.CUMULATIVE:
            continue
        started = reporting_year is not None and reporting_year >= target.start_year
        rows = (
            [r for r in achievements(indicator, through_year=reporting_year) if r.target == target]
            if started
            else []
        )
        cumulative.append(
            {
                "target": target,
                "rows": rows,
                "last": rows[-1] if rows else None,
                "figure": charts.cumulative_figure(target, totals, reporting_year)
                if rows
                else None,
            }
        )
    context = {
        "indicator": indicator,
        "latest": latest,
        "trend_figure": charts.trend_figure(indicator, totals),
        "trend": _trend_table(indicator, totals),
        "cumulative": cumulative,
        "breakdowns": _breakdowns(indicator),
        "formats": downloads.FORMATS,
        "chart_locale": charts.chart_locale(),
    }
    return render(request, "indicators/detail.html", context)


def _breakdowns(indicator: Indicator) -> list[dict]:
    """Each breakdown chart with the table of the same numbers."""
    result = []
    for index, (title, figure) in enumerate(charts.breakdown_figures(indicator)):
        series = [
            (trace["name"], dict(zip(trace["x"], trace["y"], strict=True)))
            for trace in figure["data"]
        ]
        years = sorted({y for _name, values in series for y in values})
        result.append(
            {
                "id": f"breakdown-{index}",
                "title": title,
                "figure": figure,
                "names": [name for name, _values in series],
                "rows": [(year, [values.get(year) for _name, values in series]) for year in years],
            }
        )
    return result


@require_safe
@xframe_options_exempt
@public_page
def embed(request, code):
    """The trend chart alone, for another site's <iframe>."""
    indicator = _indicator_or_404(code)
    totals = totals_by_year(indicator)
    context = {
        "indicator": indicator,
        "trend_figure": charts.trend_figure(indicator, totals),
        "trend": _trend_table(indicator, totals),
        "chart_locale": charts.chart_locale(),
    }
    return render(request, "indicators/embed.html", context)


@require_safe
@public_page
def download_one(request, code, fmt):
    if fmt not in downloads.FORMATS:
        raise Http404
    return downloads.download([_indicator_or_404(code)], fmt, f"uxosector-{code}")


@require_safe
@public_page
def download_all(request, fmt):
    if fmt not in downloads.FORMATS:
        raise Http404
    return downloads.download(list(Indicator.objects.with_figures()), fmt, "uxosector-indicators")
