import pytest

from indicators.models import FindingNote, Indicator
from tests.conftest import make_actual, make_framework, make_indicator, make_target, make_user

URL = "/en/dashboard/"


@pytest.mark.parametrize("role", ["chair", "co_chair", "secretariat", "data_officer"])
def test_every_role_may_read_the_dashboard(client, demo, role):
    client.force_login(make_user("someone", roles=[role]))
    assert client.get(URL).status_code == 200


def test_anonymous_visitors_are_sent_to_log_in(client, demo):
    response = client.get(URL)
    assert response.status_code == 302 and response["Location"].startswith("/en/accounts/login/")


def test_a_user_without_a_role_is_refused(client, demo):
    client.force_login(make_user("nobody"))
    assert client.get(URL).status_code == 403


def test_the_dashboard_refuses_posts(chair_client, demo):
    assert chair_client.post(URL).status_code == 405


def test_ceilings_and_floors_read_differently(chair_client, demo):
    html = chair_client.get(URL).content.decode()
    assert "47 against fewer than 38 people" in html and "123.7% of the ceiling" in html
    assert "5,815 against at least 10,000 ha" in html and "58.2% of the target" in html
    assert 'data-chart="floors-chart"' in html and 'data-chart="ceilings-chart"' in html


def test_what_needs_attention_lists_each_missed_target_once(chair_client, demo):
    response = chair_client.get(URL)
    kinds = [kind for kind, *_rest in response.context["attention"]]
    assert kinds.count("off_target") == 6  # casualties, CHA, clearance x 2 frameworks
    assert response.context["findings"] == []  # the same misses are not listed twice
    assert "No explanation written yet." in response.content.decode()


def test_an_explained_miss_says_so(chair_client, demo):
    from indicators.quality import unexplained_misses

    for finding in unexplained_misses(2023):
        FindingNote.objects.create(
            rule=finding.rule, indicator=finding.indicator, year=2023, key=finding.key, note="n"
        )
    html = chair_client.get(URL).content.decode()
    assert "No explanation written yet." not in html and "Explained." in html


def test_a_missing_figure_needs_attention(chair_client, demo):
    make_actual(Indicator.objects.get(code="accidents"), 2024, 20)
    response = chair_client.get(URL, {"year": 2024})
    missing = [i.code for kind, i, *_r in response.context["attention"] if kind == "missing"]
    assert missing == ["casualties", "cha-identified", "area-cleared", "victims-assisted"]


def test_the_year_over_year_change_is_judged_by_the_indicators_direction(chair_client, db):
    framework = make_framework()
    casualties = make_indicator("casualties", unit="people", direction="lower")
    cleared = make_indicator("area-cleared")
    make_target(framework, cleared)
    for indicator, before, after in ((casualties, 50, 47), (cleared, 6000, 5815)):
        make_actual(indicator, 2022, before)
        make_actual(indicator, 2023, after)
    changes = {c.indicator.code: c for c in chair_client.get(URL).context["changes"]}
    assert changes["casualties"].difference == -3 and changes["casualties"].better is True
    assert changes["area-cleared"].better is False


def test_a_year_can_be_chosen_and_a_bad_year_falls_back_to_the_latest(chair_client, demo):
    make_actual(Indicator.objects.get(code="accidents"), 2024, 20)
    assert chair_client.get(URL, {"year": "2023"}).context["year"] == 2023
    assert chair_client.get(URL, {"year": "abc"}).context["year"] == 2024
    assert chair_client.get(URL, {"year": "1999"}).context["year"] == 2024


def test_an_empty_database_says_so(chair_client, db):
    assert "No figures have been entered yet." in chair_client.get(URL).content.decode()


def test_the_dashboard_queries_do_not_grow_with_the_data(
    chair_client, db, django_assert_max_num_queries
):
    def grow(n):
        for f in range(2):
            framework = make_framework(f"F{n}{f}")
            for i in range(n):
                indicator, _ = Indicator.objects.get_or_create(
                    code=f"ind-{n}-{i}",
                    defaults={"name_lo": "x", "name_en": "x", "unit": "ha", "direction": "higher"},
                )
                make_target(framework, indicator)
                if f == 0:
                    for year in range(2021, 2021 + n):
                        make_actual(indicator, year, 100 + i)

    grow(2)
    with django_assert_max_num_queries(20) as small:
        chair_client.get(URL)
    grow(6)
    with django_assert_max_num_queries(len(small.captured_queries)):
        chair_client.get(URL)
