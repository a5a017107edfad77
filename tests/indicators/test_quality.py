from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import translation

from indicators.models import FindingNote, Indicator
from indicators.quality import findings, unexplained_misses
from tests.conftest import (
    make_actual,
    make_component,
    make_framework,
    make_indicator,
    make_target,
)

pytestmark = pytest.mark.django_db


def _rules(year=None, **kw):
    return sorted(f.rule for f in findings(Indicator.objects.with_figures(), year=year, **kw))


def _cleared():
    indicator = make_indicator()
    return (
        indicator,
        make_component(indicator, "agricultural"),
        make_component(indicator, "development"),
    )


def test_components_that_add_up_raise_nothing():
    indicator, agri, dev = _cleared()
    make_actual(indicator, 2023, 5815)
    make_actual(indicator, 2023, 5190, component=agri)
    make_actual(indicator, 2023, 625, component=dev)
    assert _rules() == []


def test_components_that_do_not_add_up_are_a_finding_with_the_figures():
    indicator, agri, dev = _cleared()
    make_actual(indicator, 2023, 5815)
    make_actual(indicator, 2023, 5190, component=agri)
    make_actual(indicator, 2023, 626, component=dev)
    with translation.override("en"):
        (finding,) = findings(Indicator.objects.with_figures())
    assert finding.rule == "components"
    assert "add up to 5,816, but the total is 5,815" in finding.message


def test_a_disaggregated_total_that_is_not_the_sum_is_a_finding():
    indicator = make_indicator("casualties", unit="people", direction="lower")
    make_actual(indicator, 2023, 47)
    make_actual(indicator, 2023, 40, disaggregation={"Sex": "Male"})
    make_actual(indicator, 2023, 8, disaggregation={"Sex": "Female"})
    assert _rules() == ["disaggregation"]


def test_a_consistent_disaggregation_raises_nothing():
    indicator = make_indicator("casualties", unit="people", direction="lower")
    make_actual(indicator, 2023, 47)
    make_actual(indicator, 2023, 40, disaggregation={"Sex": "Male"})
    make_actual(indicator, 2023, 7, disaggregation={"Sex": "Female"})
    assert _rules() == []


def test_a_sharp_change_from_the_year_before_is_a_finding(settings):
    indicator = make_indicator()
    make_actual(indicator, 2022, 1000)
    make_actual(indicator, 2023, 5815)
    assert _rules() == ["change"]
    assert _rules(factor=10) == []


def test_an_ordinary_change_raises_nothing():
    indicator = make_indicator()
    make_actual(indicator, 2022, 4500)
    make_actual(indicator, 2023, 5815)
    assert _rules() == []


def test_a_missed_target_needs_an_explanation_until_one_is_written():
    indicator = make_indicator()
    make_target(make_framework(), indicator, value=Decimal(10000))
    make_actual(indicator, 2023, 5815)
    (finding,) = unexplained_misses(2023)
    assert finding.rule == "target_missed"
    FindingNote.objects.create(
        rule=finding.rule, indicator=indicator, year=2023, key=finding.key, note="Fewer teams."
    )
    assert unexplained_misses(2023) == []


def test_a_met_target_needs_no_explanation():
    indicator = make_indicator()
    make_target(make_framework(), indicator, value=Decimal(1000))
    make_actual(indicator, 2023, 5815)
    assert unexplained_misses(2023) == []


def test_a_changed_figure_raises_its_finding_again():
    indicator = make_indicator()
    make_target(make_framework(), indicator, value=Decimal(10000))
    actual = make_actual(indicator, 2023, 5815)
    (finding,) = unexplained_misses(2023)
    FindingNote.objects.create(
        rule=finding.rule, indicator=indicator, year=2023, key=finding.key, note="x"
    )
    actual.value = Decimal(5900)
    actual.save()
    assert len(unexplained_misses(2023)) == 1


def test_the_demo_data_is_consistent_apart_from_its_missed_targets(demo):
    assert set(_rules()) == {"target_missed"}


def test_the_command_prints_one_finding_per_line(demo, capsys):
    call_command("data_quality", "--indicator", "area-cleared", "--year", "2023")
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        "area-cleared 2023 target_missed: 5,815 misses the 9th NSEDP target (at least 10,000 "
        "ha): explain why before the report is submitted.",
        "area-cleared 2023 target_missed: 5,815 misses the SPF III target (at least 10,000 "
        "ha): explain why before the report is submitted.",
    ]


def test_the_quality_page_saves_a_note_and_shows_it(data_officer_client, demo):
    page = data_officer_client.get("/en/figures/quality/", {"indicator": "area-cleared"})
    finding = page.context["findings"][0]
    response = data_officer_client.post(
        "/en/figures/quality/note/",
        {
            "indicator": "area-cleared",
            "year": finding.year,
            "rule": finding.rule,
            "key": finding.key,
            "note": "Clearance teams were trained late in the year.",
            "next": "https://evil.example/",
        },
    )
    assert response["Location"] == "/en/figures/quality/"
    note = FindingNote.objects.get()
    assert note.created_by.username == "data"
    html = data_officer_client.get("/en/figures/quality/", {"indicator": "area-cleared"})
    assert "Clearance teams were trained late in the year." in html.content.decode()


def test_an_empty_note_is_refused(data_officer_client, demo):
    finding = data_officer_client.get("/en/figures/quality/").context["findings"][0]
    data_officer_client.post(
        "/en/figures/quality/note/",
        {
            "indicator": finding.indicator.code,
            "year": finding.year,
            "rule": finding.rule,
            "key": finding.key,
            "note": "   ",
        },
    )
    assert not FindingNote.objects.exists()


def test_a_note_for_a_finding_that_no_longer_applies_is_refused(data_officer_client, demo):
    data_officer_client.post(
        "/en/figures/quality/note/",
        {
            "indicator": "area-cleared",
            "year": "2023",
            "rule": "components",
            "key": "x",
            "note": "n",
        },
    )
    assert not FindingNote.objects.exists()


def test_the_quality_page_queries_do_not_grow_with_findings(
    data_officer_client, db, django_assert_max_num_queries
):
    framework = make_framework()
    for i in range(8):
        indicator = make_indicator(f"ind-{i}")
        make_target(framework, indicator, value=Decimal(10**6))
        for year in range(2021, 2027):
            make_actual(indicator, year, 10 + year)
    with django_assert_max_num_queries(12):
        response = data_officer_client.get("/en/figures/quality/")
    assert len(response.context["findings"]) == 48
