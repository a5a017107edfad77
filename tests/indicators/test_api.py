import pytest

from tests.conftest import make_actual, make_framework, make_indicator, make_target

URL = "/api/v1/indicators/"


def _by_code(data):
    return {i["code"]: i for i in data["indicators"]}


def _achievement(indicator, framework, year=2023):
    (row,) = [
        a for a in indicator["achievements"] if a["framework"] == framework and a["year"] == year
    ]
    return row


@pytest.fixture
def api_2023(client, demo):
    response = client.get(URL, {"year": 2023})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return _by_code(response.json())


def test_area_cleared_is_58_point_15_percent_of_spf3_and_not_met(api_2023):
    row = _achievement(api_2023["area-cleared"], "SPF3")
    assert row["actual"] == 5815
    assert row["target_value"] == 10000
    assert row["ratio"] == pytest.approx(0.5815)
    assert row["met"] is False


def test_cha_is_compared_with_both_spf3_and_the_9th_nsedp(api_2023):
    cha = api_2023["cha-identified"]
    assert _achievement(cha, "SPF3")["ratio"] == pytest.approx(0.817, abs=5e-4)
    assert _achievement(cha, "NSEDP9")["ratio"] == pytest.approx(0.409, abs=5e-4)
    assert _achievement(cha, "SPF3")["met"] is False
    assert _achievement(cha, "NSEDP9")["met"] is False


def test_victims_assisted_beat_both_targets(api_2023):
    victims = api_2023["victims-assisted"]
    assert _achievement(victims, "SPF3")["ratio"] == pytest.approx(2.861, abs=5e-4)
    assert _achievement(victims, "NSEDP9")["ratio"] == pytest.approx(2.832, abs=5e-4)
    assert _achievement(victims, "SPF3")["met"] is True
    assert _achievement(victims, "NSEDP9")["met"] is True


def test_47_casualties_miss_both_ceilings(api_2023):
    casualties = api_2023["casualties"]
    targets = {t["framework"]: t for t in casualties["targets"] if t["kind"] == "annual"}
    assert (targets["SPF3"]["comparator"], targets["SPF3"]["value"]) == ("lt", 38)
    assert (targets["NSEDP9"]["comparator"], targets["NSEDP9"]["value"]) == ("lt", 40)
    assert _achievement(casualties, "SPF3")["met"] is False
    assert _achievement(casualties, "NSEDP9")["met"] is False


@pytest.mark.parametrize(
    ("code", "total", "parts"),
    [
        ("casualties", 47, {"injured": 36, "killed": 11}),
        ("area-cleared", 5815, {"agricultural": 5190, "development": 625}),
    ],
)
def test_components_add_up_to_their_total(api_2023, code, total, parts):
    actuals = api_2023[code]["actuals"]
    (total_row,) = [a for a in actuals if a["component"] is None]
    assert total_row["value"] == total
    assert {a["component"]: a["value"] for a in actuals if a["component"]} == parts
    assert sum(parts.values()) == total


def test_numbers_are_json_numbers_and_names_carry_both_languages(api_2023):
    cleared = api_2023["area-cleared"]
    assert isinstance(cleared["actuals"][0]["value"], int)
    assert cleared["name"] == {"lo": "ເນື້ອທີ່ທີ່ໄດ້ຮັບການເກັບກູ້ລະເບີດ", "en": "Area cleared of UXO"}
    assert (cleared["unit"], cleared["direction"]) == ("ha", "higher")
    assert api_2023["cha-identified"]["actuals"][0]["as_of"] == "2024-01-18"


def test_proposed_five_year_targets_are_cumulative_for_2026_to_2030(api_2023):
    (target,) = [t for t in api_2023["area-cleared"]["targets"] if t["framework"] == "NSEDP10"]
    assert target == {
        "framework": "NSEDP10",
        "kind": "cumulative",
        "start_year": 2026,
        "end_year": 2030,
        "comparator": "ge",
        "value": 50000,
        "status": "proposed",
        "source": target["source"],
    }


def test_without_a_year_missing_years_are_listed_as_no_data(client, demo):
    cleared = _by_code(client.get(URL).json())["area-cleared"]
    rows = [a for a in cleared["achievements"] if a["framework"] == "SPF3"]
    assert [r["year"] for r in rows] == [2021, 2022, 2023]
    assert [r["met"] for r in rows] == [None, None, False]
    assert rows[0]["actual"] is None and rows[0]["ratio"] is None


def test_cumulative_achievements_give_progress_and_pace(client, db):
    framework = make_framework("NSEDP10", start_year=2026, end_year=2030)
    indicator = make_indicator()
    make_target(framework, indicator, kind="cumulative", value=50000, start_year=2026)
    make_actual(indicator, 2026, 9000)
    make_actual(indicator, 2027, 12000)
    rows = _by_code(client.get(URL, {"year": 2027}).json())[indicator.code]["achievements"]
    assert rows == [
        {
            "framework": "NSEDP10",
            "kind": "cumulative",
            "target_value": 50000,
            "comparator": "ge",
            "year": 2027,
            "actual": 21000,
            "ratio": 0.42,
            "met": None,
            "progress": 0.42,
            "expected_progress": 0.4,
            "on_track": True,
            "projected_year": 2030,
            "missing_years": [],
        }
    ]


def test_a_year_filter_keeps_only_that_year(client, demo):
    make_actual(make_indicator("other"), 2022, 1)
    data = client.get(URL, {"year": 2022}).json()
    assert data["year"] == 2022
    cleared = _by_code(data)["area-cleared"]
    assert cleared["actuals"] == []
    assert {a["year"] for a in cleared["achievements"]} == {2022}


@pytest.mark.parametrize("value", ["abc", "20.23", "-2023", "1800", "", "２０２３"])
def test_a_bad_year_gets_a_400_with_a_message(client, db, value):
    response = client.get(URL, {"year": value})
    assert response.status_code == 400
    assert "year" in response.json()["error"]


def test_an_unknown_parameter_gets_a_400(client, db):
    response = client.get(URL, {"yaer": "2023"})
    assert response.status_code == 400
    assert "yaer" in response.json()["error"]


def test_the_error_follows_the_browser_language(client, db):
    response = client.get(URL, {"year": "abc"}, HTTP_ACCEPT_LANGUAGE="lo")
    assert response.status_code == 400
    assert "abc" in response.json()["error"]
    english = client.get(URL, {"year": "abc"}, HTTP_ACCEPT_LANGUAGE="en").json()["error"]
    assert english.startswith("year must be a whole year")
    assert response.json()["error"] != english


def test_post_is_not_allowed(client, db):
    assert client.post(URL).status_code == 405


def test_an_empty_database_gives_an_empty_list(client, db):
    assert client.get(URL).json() == {"year": None, "latest_year": None, "indicators": []}


def _grow(n_indicators, n_years):
    framework = make_framework(f"F{n_indicators}")
    for i in range(n_indicators):
        indicator = make_indicator(f"ind-{n_indicators}-{i}")
        make_target(framework, indicator)
        for year in range(2021, 2021 + n_years):
            make_actual(indicator, year, 100 + i)


def test_the_number_of_queries_does_not_grow_with_the_data(client, db, django_assert_num_queries):
    _grow(2, 2)
    with django_assert_num_queries(5):
        client.get(URL)
    _grow(6, 5)
    with django_assert_num_queries(5):
        client.get(URL)
