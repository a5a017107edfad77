"""Chart figures, built in Python with plotly and drawn in the page by
static/js/charts.js. Each function returns a plain figure dict (data and layout),
tested on its data, never on HTML. Labels are translated, and `separators` makes
plotly write numbers in the page's convention (lo: 20.436,5; en: 20,436.5)."""

from decimal import Decimal

import plotly.graph_objects as go
from django.utils.dates import MONTHS, MONTHS_3, WEEKDAYS, WEEKDAYS_ABBR
from django.utils.translation import gettext as _

from uxosector.bilingual import active_language

from . import achievement
from .formatting import percent_of
from .models import Indicator, Target

CEILING_COLOUR = "#b02a37"
FLOOR_COLOUR = "#146c43"
ACTUAL_COLOUR = "#1f4e79"
PALETTE = ["#1f4e79", "#e09f3e", "#6c757d", "#3a7d44", "#9e2a2b", "#5e548e"]
DASHES = ["dash", "dot", "dashdot", "longdash"]


def chart_locale() -> dict:
    """What plotly needs to speak the page's language: its own interface words (the
    toolbar) and the number and month formats. Passed to the page with json_script."""
    if active_language() != "lo":
        return {"name": "en"}  # plotly's own English; registering it again would clobber it
    return {
        "name": "lo",
        "dictionary": {
            "Download plot as a png": _("Download the chart as PNG"),
            "Download plot": _("Download the chart"),
            "Zoom": _("Zoom"),
            "Pan": _("Pan"),
            "Zoom in": _("Zoom in"),
            "Zoom out": _("Zoom out"),
            "Reset axes": _("Reset axes"),
            "Double-click to zoom back out": _("Double-click to zoom back out"),
        },
        "format": {
            "decimal": ",",
            "thousands": ".",
            "days": [str(WEEKDAYS[d]) for d in (6, 0, 1, 2, 3, 4, 5)],  # plotly starts on Sunday
            "shortDays": [str(WEEKDAYS_ABBR[d]) for d in (6, 0, 1, 2, 3, 4, 5)],
            "months": [str(MONTHS[m]) for m in range(1, 13)],
            "shortMonths": [str(MONTHS_3[m]) for m in range(1, 13)],
            "periods": ["AM", "PM"],
            "date": "%d/%m/%Y",
        },
    }


def _f(value: Decimal | int | float | None) -> float | None:
    return None if value is None else float(value)


def _layout(**extra) -> dict:
    lo = active_language() == "lo"
    layout = {
        "separators": ",." if lo else ".,",
        "font": {"family": "Noto Sans Lao UI, system-ui, sans-serif", "size": 13},
        "margin": {"l": 60, "r": 16, "t": 16, "b": 40},
        "legend": {"orientation": "h", "y": -0.18},
        "xaxis": {"tickformat": "d", "dtick": 1},
        "yaxis": {"tickformat": ",~f", "rangemode": "tozero"},
        "hovermode": "x unified",
        "plot_bgcolor": "#fff",
        "paper_bgcolor": "#fff",
    }
    layout.update(extra)
    return layout


def _figure(traces: list, **layout) -> dict:
    return go.Figure(data=traces, layout=_layout(**layout)).to_plotly_json()


def _target_label(target: Target) -> str:
    return f"{target.framework.short_name}: {target.describe()}"


def trend_figure(indicator: Indicator, totals: dict[int, Decimal]) -> dict:
    """Yearly totals as bars, each annual target as a line over the years it covers.
    A year without a figure has no bar: no data is not zero."""
    annual = [t for t in indicator.targets.all() if t.kind == Target.Kind.ANNUAL]
    years = set(totals)
    for target in annual:
        years |= {target.start_year, target.end_year}
    unit = indicator.get_unit_display()
    traces = [
        go.Bar(
            x=sorted(totals),
            y=[_f(totals[y]) for y in sorted(totals)],
            name=_("Actual"),
            marker_color=ACTUAL_COLOUR,
            hovertemplate=f"%{{y:,~f}} {unit}<extra></extra>",
        )
    ]
    for index, target in enumerate(annual):
        colour = CEILING_COLOUR if target.is_ceiling else FLOOR_COLOUR
        traces.append(
            go.Scatter(
                x=[target.start_year - 0.4, target.end_year + 0.4],
                y=[_f(target.value)] * 2,
                mode="lines",
                name=_target_label(target),
                line={"color": colour, "dash": DASHES[index % len(DASHES)], "width": 2},
                hovertemplate=f"%{{y:,~f}} {unit}<extra>{target.framework.short_name}</extra>",
            )
        )
    span = [min(years) - 0.6, max(years) + 0.6] if years else None
    return _figure(traces, xaxis={"tickformat": "d", "dtick": 1, "range": span})


def cumulative_figure(target: Target, totals: dict[int, Decimal], as_of_year: int) -> dict:
    """Running total against the linear pace of a multi-year target, with the
    projection at the average rate so far."""
    spec = target.spec()
    result = achievement.cumulative_progress(spec, min(as_of_year, spec.end_year), totals)
    years = list(range(spec.start_year, min(as_of_year, spec.end_year) + 1))
    running, total = [], Decimal(0)
    for year in years:
        if year in totals:
            total += totals[year]
            running.append(_f(total))
        else:
            running.append(None)
    pace_years = [spec.start_year - 1, spec.end_year]
    traces = [
        go.Scatter(
            x=years,
            y=running,
            mode="lines+markers",
            name=_("Cumulative total"),
            line={"color": ACTUAL_COLOUR, "width": 3},
            connectgaps=False,
        ),
        go.Scatter(
            x=pace_years,
            y=[0, _f(target.value)],
            mode="lines",
            name=_("Expected pace"),
            line={"color": "#6c757d", "dash": "dot"},
        ),
        go.Scatter(
            x=[spec.start_year - 0.5, spec.end_year + 0.5],
            y=[_f(target.value)] * 2,
            mode="lines",
            name=_target_label(target),
            line={"color": CEILING_COLOUR if target.is_ceiling else FLOOR_COLOUR, "dash": "dash"},
        ),
    ]
    known = [y for y in years if y in totals]
    if result.projected_year and known and result.total is not None:
        rate = result.total / len(known)
        last = known[-1]
        end = max(result.projected_year, last)
        traces.append(
            go.Scatter(
                x=[last, end],
                y=[_f(result.total), _f(result.total + rate * (end - last))],
                mode="lines",
                name=_("Projection at the average rate so far"),
                line={"color": ACTUAL_COLOUR, "dash": "dash", "width": 1},
            )
        )
    return _figure(traces)


def breakdown_figures(indicator: Indicator) -> list[tuple[str, dict]]:
    """Stacked bars per year: one figure for the components, one per disaggregation
    column of single-column rows (Sex, Age…). Returns (title, figure) pairs."""
    actuals = list(indicator.actuals.all())
    groups: dict[str, dict[str, dict[int, Decimal]]] = {}
    names = {c.pk: c.name for c in indicator.components.all()}
    for actual in actuals:
        if actual.component_id and not actual.disaggregation:
            series = groups.setdefault(_("Components"), {})
            series.setdefault(names[actual.component_id], {})[actual.year] = actual.value
        elif actual.component_id is None and len(actual.disaggregation) == 1:
            ((column, value),) = actual.disaggregation.items()
            groups.setdefault(column, {}).setdefault(value, {})[actual.year] = actual.value
    figures = []
    for title, series in groups.items():
        traces = [
            go.Bar(
                x=sorted(values),
                y=[_f(values[y]) for y in sorted(values)],
                name=name,
                marker_color=PALETTE[index % len(PALETTE)],
            )
            for index, (name, values) in enumerate(series.items())
        ]
        figures.append((title, _figure(traces, barmode="stack")))
    return figures


def achievement_figures(rows: list) -> tuple[dict | None, dict | None]:
    """The dashboard's two charts, direction-aware: floors as the share of the target
    reached (more is better), ceilings as the share of the ceiling used, with the
    ceiling drawn at 100% (less is better). `rows` are dashboard rows with
    `indicator`, `target` and `ratio`."""
    floors = [r for r in rows if r.ratio is not None and not r.target.is_ceiling]
    ceilings = [r for r in rows if r.ratio is not None and r.target.is_ceiling]

    def label(row):
        return f"{row.indicator.name} · {row.target.framework.short_name}"

    floor_figure = None
    if floors:
        floor_figure = _figure(
            [
                go.Bar(
                    y=[label(r) for r in floors],
                    x=[float(percent_of(r.ratio)) for r in floors],
                    orientation="h",
                    marker_color=[FLOOR_COLOUR if r.met else "#e09f3e" for r in floors],
                    hovertemplate="%{x:,.1f}%<extra></extra>",
                    name=_("Share of the target reached"),
                )
            ],
            xaxis={"ticksuffix": "%", "rangemode": "tozero"},
            yaxis={"automargin": True},
            shapes=[_hundred_percent_line()],
            hovermode="closest",
            showlegend=False,
            height=80 + 36 * len(floors),
        )
    ceiling_figure = None
    if ceilings:
        ceiling_figure = _figure(
            [
                go.Scatter(
                    y=[label(r) for r in ceilings],
                    x=[float(percent_of(r.ratio)) for r in ceilings],
                    mode="markers",
                    marker={
                        "size": 14,
                        "symbol": "diamond",
                        "color": [CEILING_COLOUR if not r.met else FLOOR_COLOUR for r in ceilings],
                    },
                    hovertemplate="%{x:,.1f}%<extra></extra>",
                    name=_("Share of the ceiling used"),
                )
            ],
            xaxis={"ticksuffix": "%", "rangemode": "tozero"},
            yaxis={"automargin": True},
            shapes=[_hundred_percent_line(CEILING_COLOUR)],
            hovermode="closest",
            showlegend=False,
            height=80 + 36 * len(ceilings),
        )
    return floor_figure, ceiling_figure


def _hundred_percent_line(colour: str = "#212529") -> dict:
    return {
        "type": "line",
        "x0": 100,
        "x1": 100,
        "yref": "paper",
        "y0": 0,
        "y1": 1,
        "line": {"color": colour, "width": 2, "dash": "dash"},
    }


def sparkline_points(values: list[tuple[int, Decimal | None]], width=120, height=28) -> list[str]:
    """SVG polyline point lists for a small trend, split where a year has no data
    (drawn in the page as inline SVG: no script, a few hundred bytes)."""
    known = [v for _y, v in values if v is not None]
    if len(known) < 2:
        return []
    low, high = min(known), max(known)
    spread = (high - low) or Decimal(1)
    step = width / max(1, len(values) - 1)
    segments, current = [], []
    for index, (_year, value) in enumerate(values):
        if value is None:
            if len(current) > 1:
                segments.append(" ".join(current))
            current = []
            continue
        x = round(index * step, 1)
        y = round(height - 2 - float((value - low) / spread) * (height - 4), 1)
        current.append(f"{x},{y}")
    if len(current) > 1:
        segments.append(" ".join(current))
    return segments
