import re

import pytest

from tests.conftest import make_actual, make_framework, make_indicator, make_target


def _figure(html: str, code: str) -> str:
    return re.search(rf'data-indicator="{code}"[^>]*>([^<]+)<', html).group(1)


def test_lao_home_shows_the_cleared_area_with_lao_grouping(client, demo):
    html = client.get("/lo/").content.decode()
    assert _figure(html, "area-cleared") == "5.815"
    assert _figure(html, "cha-identified") == "20.436"
    assert '<html lang="lo">' in html
    assert "ເນື້ອທີ່ທີ່ໄດ້ຮັບການເກັບກູ້ລະເບີດ" in html


def test_english_home_shows_the_cleared_area_with_english_grouping(client, demo):
    html = client.get("/en/").content.decode()
    assert _figure(html, "area-cleared") == "5,815"
    assert '<html lang="en">' in html
    assert "Area cleared of UXO" in html


def test_home_shows_achievement_against_each_framework(client, demo):
    html = client.get("/en/").content.decode()
    assert "58.2% of the target" in html
    assert "123.7% of the ceiling" in html  # 47 casualties against fewer than 38
    assert "fewer than 38 people" in html
    assert "starts in 2026" in html


def test_lao_home_formats_percentages_with_a_decimal_comma(client, demo):
    html = client.get("/lo/").content.decode()
    assert "58,2%" in html
    assert "58.2%" not in html


@pytest.mark.parametrize(("accept", "expected"), [("en-GB,en;q=0.9", "/en/"), ("lo", "/lo/")])
def test_the_root_chooses_by_the_browser_language(client, db, accept, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == expected


def test_the_root_defaults_to_lao(client, db):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr")["Location"] == "/lo/"


def test_every_page_offers_the_other_language(client, db):
    html = client.get("/lo/").content.decode()
    assert 'href="/en/"' in html and 'hreflang="en"' in html
    assert 'href="/lo/" lang="lo" hreflang="lo"\n             aria-current="true"' in html


def test_an_empty_site_says_so(client, db):
    html = client.get("/en/").content.decode()
    assert "No indicators have been entered yet." in html


def test_an_indicator_without_figures_shows_no_data(client, db):
    make_target(make_framework(), make_indicator())
    html = client.get("/en/").content.decode()
    assert "No data yet." in html


def test_a_missing_year_is_shown_as_no_data_not_as_met(client, db):
    framework = make_framework()
    cleared = make_indicator()
    make_target(framework, cleared)
    make_actual(cleared, 2022, 12000)
    make_actual(make_indicator("other"), 2023, 5)
    html = client.get("/en/").content.decode()
    assert "120.0% of the target" in html  # its latest year, 2022, is the one shown


def test_the_home_page_queries_do_not_grow_with_the_data(client, db, django_assert_num_queries):
    def grow(n):
        framework = make_framework(f"F{n}")
        for i in range(n):
            indicator = make_indicator(f"ind-{n}-{i}")
            make_target(framework, indicator)
            for year in range(2021, 2021 + n):
                make_actual(indicator, year, 10 * i)

    grow(2)
    with django_assert_num_queries(4):
        client.get("/en/")
    grow(6)
    with django_assert_num_queries(4):
        client.get("/en/")


def test_post_to_the_home_page_is_not_allowed(client, db):
    assert client.post("/en/").status_code == 405


def test_each_figure_shows_its_source_and_a_localized_as_of_date(client, demo):
    lao = client.get("/lo/").content.decode()
    english = client.get("/en/").content.decode()
    assert "NRA Operations Dashboard" in lao and "18/1/2024" in lao
    assert "Source: NRA Operations Dashboard, as of 18/01/2024" in english


def test_an_indicator_without_targets_says_so(client, demo):
    html = client.get("/en/").content.decode()
    assert html.count("No target is set for this indicator.") == 1  # UXO accidents
