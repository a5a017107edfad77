"""Chart functions, tested on the figures' data (never on HTML)."""

from decimal import Decimal as D

import pytest
from django.utils import translation

from indicators import charts
from indicators.models import Indicator
from tests.conftest import make_actual, make_component, make_framework, make_indicator, make_target

pytestmark = pytest.mark.django_db


def _loaded(code):
    return Indicator.objects.with_figures().get(code=code)


def test_the_trend_draws_yearly_bars_and_a_line_per_annual_target(demo):
    cleared = _loaded("area-cleared")
    with translation.override("en"):
        figure = charts.trend_figure(cleared, {2023: D(5815)})
    bars, *lines = figure["data"]
    assert (bars["type"], list(bars["x"]), list(bars["y"])) == ("bar", [2023], [5815.0])
    assert bars["name"] == "Actual"
    spans = {line["name"]: (list(line["x"]), list(line["y"])) for line in lines}
    assert spans == {
        "9th NSEDP: at least 10,000 ha": ([2020.6, 2025.4], [10000.0, 10000.0]),
        "SPF III: at least 10,000 ha": ([2020.6, 2030.4], [10000.0, 10000.0]),
    }
    assert {line["line"]["color"] for line in lines} == {charts.FLOOR_COLOUR}


def test_ceilings_are_drawn_in_the_ceiling_colour(demo):
    figure = charts.trend_figure(_loaded("casualties"), {2023: D(47)})
    assert {t["line"]["color"] for t in figure["data"][1:]} == {charts.CEILING_COLOUR}


def test_a_year_without_data_has_no_bar_rather_than_a_zero(demo):
    figure = charts.trend_figure(_loaded("area-cleared"), {2021: D(4000), 2023: D(5815)})
    assert list(figure["data"][0]["x"]) == [2021, 2023]


@pytest.mark.parametrize(("language", "separators"), [("lo", ",."), ("en", ".,")])
def test_numbers_follow_the_page_language(demo, language, separators):
    with translation.override(language):
        figure = charts.trend_figure(_loaded("area-cleared"), {2023: D(5815)})
    assert figure["layout"]["separators"] == separators
    assert figure["layout"]["xaxis"]["tickformat"] == "d"  # years are never grouped


def test_labels_follow_the_page_language(demo):
    with translation.override("lo"):
        figure = charts.trend_figure(_loaded("area-cleared"), {2023: D(5815)})
    assert figure["data"][0]["name"] != "Actual"
    assert "10.000" in figure["data"][1]["name"]


def test_the_cumulative_chart_gives_running_totals_pace_and_projection():
    indicator = make_indicator()
    target = make_target(
        make_framework("NSEDP10", start_year=2026, end_year=2030),
        indicator,
        kind="cumulative",
        value=D(50000),
        start_year=2026,
        end_year=2030,
    )
    with translation.override("en"):
        figure = charts.cumulative_figure(target, {2026: D(9000), 2028: D(12000)}, 2028)
    running, pace, bound, projection = figure["data"]
    assert list(running["x"]) == [2026, 2027, 2028]
    assert list(running["y"]) == [9000.0, None, 21000.0]  # the missing year stays missing
    assert (list(pace["x"]), list(pace["y"])) == ([2025, 2030], [0.0, 50000.0])
    assert list(bound["y"]) == [50000.0, 50000.0]
    assert projection["name"] == "Projection at the average rate so far"
    assert list(projection["y"])[0] == 21000.0


def test_breakdowns_stack_components_and_single_column_disaggregations():
    indicator = make_indicator("casualties", unit="people", direction="lower")
    injured, killed = make_component(indicator, "injured"), make_component(indicator, "killed")
    make_actual(indicator, 2023, 47)
    make_actual(indicator, 2023, 36, component=injured)
    make_actual(indicator, 2023, 11, component=killed)
    make_actual(indicator, 2023, 40, disaggregation={"Sex": "Male"})
    make_actual(indicator, 2023, 7, disaggregation={"Sex": "Female"})
    make_actual(indicator, 2023, 5, disaggregation={"Sex": "Male", "Age": "Child"})
    with translation.override("en"):
        figures = dict(charts.breakdown_figures(_loaded("casualties")))
    assert set(figures) == {"Components", "Sex"}
    assert {t["name"]: list(t["y"]) for t in figures["Components"]["data"]} == {
        "part injured": [36.0],
        "part killed": [11.0],
    }
    assert {t["name"]: list(t["y"]) for t in figures["Sex"]["data"]} == {
        "Male": [40.0],
        "Female": [7.0],
    }
    assert figures["Sex"]["layout"]["barmode"] == "stack"


def test_the_dashboard_splits_floors_from_ceilings(demo):
    from indicators.dashboard_views import ChartRow
    from indicators.models import Target

    casualties, cleared = _loaded("casualties"), _loaded("area-cleared")
    ceiling = Target.objects.get(indicator=casualties, framework__code="SPF3")
    floor = Target.objects.get(indicator=cleared, framework__code="SPF3")
    rows = [ChartRow(casualties, ceiling, 47 / 38, False), ChartRow(cleared, floor, 0.5815, False)]
    floors, ceilings = charts.achievement_figures(rows)
    assert list(floors["data"][0]["x"]) == [58.2]
    assert list(ceilings["data"][0]["x"]) == [123.7]
    assert ceilings["data"][0]["type"] == "scatter"  # a marker against the line, not a bar
    assert ceilings["layout"]["shapes"][0]["x0"] == 100


def test_no_rows_give_no_dashboard_charts():
    assert charts.achievement_figures([]) == (None, None)


def test_sparklines_break_where_a_year_has_no_data():
    points = charts.sparkline_points(
        [(2020, D(1)), (2021, D(2)), (2022, None), (2023, D(3)), (2024, D(4))]
    )
    assert len(points) == 2
    assert charts.sparkline_points([(2023, D(5))]) == []


def test_the_lao_chart_locale_names_lao_months_and_separators():
    with translation.override("lo"):
        locale = charts.chart_locale()
    assert locale["name"] == "lo"
    assert locale["format"]["decimal"] == "," and locale["format"]["thousands"] == "."
    assert locale["format"]["months"][0] == "ມັງກອນ"
    with translation.override("en"):
        assert charts.chart_locale() == {"name": "en"}
