import io
import json
import zipfile
from decimal import Decimal

import pandas as pd
import pytest
from django.utils import translation

from indicators.models import Actual, Indicator
from tests.conftest import make_actual, make_framework, make_indicator, make_target, make_user


def _db_figures(code=None):
    """{(indicator, year, component, disaggregation items): value} from the database."""
    actuals = Actual.objects.select_related("indicator", "component")
    if code:
        actuals = actuals.filter(indicator__code=code)
    return {
        (
            a.indicator.code,
            a.year,
            a.component.code if a.component else "",
            tuple(sorted(a.disaggregation.items())),
        ): a.value
        for a in actuals
    }


def test_the_overview_lists_every_indicator_with_its_standing(client, demo):
    html = client.get("/en/indicators/").content.decode()
    assert html.count('<tr data-indicator="') == 5
    assert 'data-value="5815">5,815</span>' in html
    assert "✗ not met" in html and "✓ met" in html and "from 2026" in html


def test_the_lao_overview_uses_lao_numbers(client, demo):
    html = client.get("/lo/indicators/").content.decode()
    assert 'data-value="20436">20.436</span>' in html
    assert '<html lang="lo">' in html


def test_an_indicator_page_has_its_chart_data_table_and_downloads(client, demo):
    response = client.get("/en/indicators/area-cleared/")
    html = response.content.decode()
    assert 'data-chart="trend-chart"' in html
    assert '<script id="trend-chart" type="application/json">' in html
    assert '<table class="table table-sm" id="trend-table">' in html
    assert "5,815" in html and "Breakdown: Components" in html
    for fmt in ("csv", "xlsx", "json", "opensdg"):
        assert f'href="/en/indicators/area-cleared/download/{fmt}/"' in html
    assert "The period starts in 2026: no figures yet." in html
    assert "<script>" not in html  # no inline script: data only, as JSON


def test_an_unknown_indicator_is_not_found(client, db):
    assert client.get("/en/indicators/nope/").status_code == 404
    assert client.get("/en/indicators/nope/embed/").status_code == 404
    assert client.get("/en/indicators/nope/download/csv/").status_code == 404


def test_an_unknown_download_format_is_not_found(client, demo):
    assert client.get("/en/indicators/download/pdf/").status_code == 404
    assert client.get("/en/indicators/area-cleared/download/doc/").status_code == 404


def test_the_embeddable_view_may_be_framed_by_other_sites(client, demo):
    response = client.get("/en/indicators/casualties/embed/")
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    assert client.get("/en/indicators/casualties/").get("X-Frame-Options") == "DENY"


def test_public_pages_refuse_posts(client, demo):
    for url in ("/en/indicators/", "/en/indicators/casualties/", "/en/indicators/download/csv/"):
        assert client.post(url).status_code == 405


def test_the_csv_download_parses_back_to_the_database(client, demo):
    make_actual(Indicator.objects.get(code="casualties"), 2023, 7, disaggregation={"Sex": "Female"})
    text = client.get("/en/indicators/download/csv/").content.decode()
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    assert _frame_figures(frame) == _db_figures()


def _frame_figures(frame):
    extra = [
        c
        for c in frame.columns
        if c
        not in {
            "indicator",
            "year",
            "component",
            "value",
            "unit",
            "status",
            "source",
            "as_of",
            "note",
        }
    ]
    return {
        (
            r["indicator"],
            int(r["year"]),
            r["component"],
            tuple(sorted((c, r[c]) for c in extra if r[c] != "")),
        ): Decimal(str(r["value"]))
        for r in frame.to_dict("records")
    }


def test_the_xlsx_download_parses_back_to_the_database(client, demo):
    content = client.get("/en/indicators/area-cleared/download/xlsx/").content
    frame = pd.read_excel(io.BytesIO(content), dtype=str, keep_default_na=False)
    assert _frame_figures(frame) == _db_figures("area-cleared")


def test_the_json_download_parses_back_to_the_database(client, demo):
    data = json.loads(client.get("/en/indicators/download/json/").content)
    figures = {
        (
            i["code"],
            a["year"],
            a["component"] or "",
            tuple(sorted(a["disaggregation"].items())),
        ): Decimal(str(a["value"]))
        for i in data["indicators"]
        for a in i["actuals"]
    }
    assert figures == _db_figures()


def test_the_open_sdg_downloads_parse_back_to_the_database(client, demo):
    one = client.get("/en/indicators/area-cleared/download/opensdg/").content.decode()
    frame = pd.read_csv(io.StringIO(one), dtype=str, keep_default_na=False)
    assert {
        (int(r["Year"]), r["COMPONENT"]): Decimal(r["Value"]) for r in frame.to_dict("records")
    } == {(k[1], k[2]): v for k, v in _db_figures("area-cleared").items()}
    archive = zipfile.ZipFile(io.BytesIO(client.get("/en/indicators/download/opensdg/").content))
    assert sorted(archive.namelist()) == sorted(
        f"{c}.csv" for c in Indicator.objects.values_list("code", flat=True)
    )


def _grow(n_indicators, n_years):
    framework = make_framework(f"F{n_indicators}")
    for i in range(n_indicators):
        indicator = make_indicator(f"ind-{n_indicators}-{i}")
        make_target(framework, indicator)
        for year in range(2021, 2021 + n_years):
            make_actual(indicator, year, 100 + i)


@pytest.mark.parametrize(
    "url",
    [
        "/en/indicators/",
        "/en/indicators/ind-2-0/",
        "/en/indicators/download/csv/",
        "/en/indicators/download/opensdg/",
    ],
)
def test_public_queries_do_not_grow_with_the_data(client, db, django_assert_max_num_queries, url):
    from django.core.cache import cache

    _grow(2, 2)
    with django_assert_max_num_queries(8) as small:
        client.get(url)
    cache.clear()
    _grow(8, 6)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(url)


def test_a_cached_page_costs_no_query_and_a_change_refreshes_it(
    client, demo, django_assert_num_queries
):
    first = client.get("/en/indicators/").content
    with django_assert_num_queries(0):
        assert client.get("/en/indicators/").content == first
    actual = Actual.objects.get(indicator__code="area-cleared", component=None)
    actual.value = 6000
    actual.save()
    assert 'data-value="6000">6,000' in client.get("/en/indicators/").content.decode()


def test_an_import_refreshes_the_cached_pages(client, demo):
    from indicators.importing import read_figures
    from indicators.services import actuals_import

    client.get("/en/indicators/area-cleared/")
    indicator = Indicator.objects.get(code="area-cleared")
    with translation.override("en"):
        reading = read_figures(
            b"Year,Value\n2024,7000\n", indicator=indicator, source="s", status="final"
        )
    actuals_import(indicator=indicator, rows=reading.rows)
    assert "7,000" in client.get("/en/indicators/area-cleared/").content.decode()


def test_signed_in_visitors_get_their_own_page_not_the_cached_one(client, demo):
    client.get("/en/indicators/")
    client.force_login(make_user("chair", roles=["chair"]))
    assert "Log out (chair)" in client.get("/en/indicators/").content.decode()


def test_the_page_cache_can_be_cleared_after_a_deploy(client, demo, django_assert_num_queries):
    from django.core.management import call_command

    client.get("/en/indicators/")
    call_command("clear_page_cache")
    with django_assert_num_queries(5):  # rendered afresh
        client.get("/en/indicators/")


def test_cached_pages_are_sent_compressed_when_the_browser_accepts_it(client, demo):
    import brotli

    plain = client.get("/en/indicators/").content
    compressed = client.get("/en/indicators/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert compressed["Content-Encoding"] == "br"
    assert brotli.decompress(compressed.content) == plain
    assert len(compressed.content) < len(plain) / 3
    assert "Accept-Encoding" in compressed["Vary"]


def test_an_unchanged_page_is_answered_with_not_modified(client, demo):
    first = client.get("/en/indicators/")
    again = client.get("/en/indicators/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    actual = Actual.objects.get(indicator__code="accidents")
    actual.value = 30
    actual.save()
    assert client.get("/en/indicators/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_cached_pages_keep_their_security_headers(client, demo):
    for _ in range(2):  # rendered, then from the cache
        assert client.get("/en/indicators/")["X-Frame-Options"] == "DENY"
        assert "X-Frame-Options" not in client.get("/en/indicators/casualties/embed/")
        assert client.get("/en/indicators/")["Content-Language"] == "en"


def test_a_visitor_with_a_flash_message_is_not_served_from_the_cache(client, demo):
    client.get("/en/indicators/")
    client.cookies["messages"] = "anything"
    response = client.get("/en/indicators/")
    assert "ETag" not in response  # rendered for this visitor, not taken from the cache


def test_a_head_request_gets_headers_only(client, demo):
    client.get("/en/indicators/")
    response = client.head("/en/indicators/")
    assert response.status_code == 200 and response.content == b""
