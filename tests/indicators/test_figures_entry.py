import pytest
from django.utils import translation

from indicators.models import Actual
from tests.conftest import make_user

URL_2024 = "/lo/figures/2024/"


def _form_data(client, url):
    """The page's form as the browser would send it untouched."""
    response = client.get(url)
    assert response.status_code == 200
    data = {}
    for _indicator, forms in response.context["groups"]:
        for form in forms:
            for field in form:
                value = field.value()
                data[field.html_name] = "" if value is None else str(value)
    return data


def _check_then_confirm(client, url, data):
    preview = client.post(url, data)
    assert preview.status_code == 200, preview.content.decode()[:500]
    digest = preview.context["digest"]
    return preview, client.post(url, data | {"confirm": digest})


def test_a_data_officer_enters_5_256_in_lao_and_it_is_5256(data_officer_client, demo):
    data = _form_data(data_officer_client, URL_2024)
    data |= {"area-cleared--total-value": "5.256", "area-cleared--total-source": "NRA"}
    preview = data_officer_client.post(URL_2024, data)
    assert [c.after["value"] for c in preview.context["changes"]] == [5256]
    with translation.override("lo"):
        unit = str(Actual._meta.get_field("indicator").related_model.Unit.HECTARES.label)
    assert f'<span class="ux-understood">5.256 {unit}</span>' in preview.content.decode()
    assert not Actual.objects.filter(year=2024).exists()  # the check saved nothing
    saved = data_officer_client.post(URL_2024, data | {"confirm": preview.context["digest"]})
    assert saved.status_code == 302
    assert Actual.objects.get(indicator__code="area-cleared", year=2024).value == 5256


def test_english_grouping_commas_are_read_in_the_english_page(data_officer_client, demo):
    url = "/en/figures/2024/"
    data = _form_data(data_officer_client, url) | {
        "cha-identified--total-value": "20,436",
        "cha-identified--total-source": "NRA",
    }
    _check_then_confirm(data_officer_client, url, data)
    assert Actual.objects.get(indicator__code="cha-identified", year=2024).value == 20436


def test_an_ambiguous_figure_is_refused_and_nothing_is_saved(data_officer_client, demo):
    data = _form_data(data_officer_client, URL_2024) | {
        "area-cleared--total-value": "5.256",
        "area-cleared--total-source": "NRA",
        "casualties--total-value": "20.5",
        "casualties--total-source": "NRA",
    }
    response = data_officer_client.post(URL_2024, data | {"confirm": "anything"})
    assert response.status_code == 400
    errors = response.context["groups"][0][1][0].errors["value"]
    with translation.override("lo"):
        assert errors and "20,5" in errors[0]
    assert not Actual.objects.filter(year=2024).exists()


def test_a_figure_without_a_source_is_refused(data_officer_client, demo):
    data = _form_data(data_officer_client, URL_2024) | {"accidents--total-value": "30"}
    response = data_officer_client.post(URL_2024, data)
    assert response.status_code == 400
    assert not Actual.objects.filter(year=2024).exists()


def test_confirming_something_other_than_what_was_checked_saves_nothing(data_officer_client, demo):
    data = _form_data(data_officer_client, URL_2024) | {
        "area-cleared--total-value": "5.256",
        "area-cleared--total-source": "NRA",
    }
    preview = data_officer_client.post(URL_2024, data)
    data["area-cleared--total-value"] = "52.560"  # changed after the check
    again = data_officer_client.post(URL_2024, data | {"confirm": preview.context["digest"]})
    assert again.status_code == 200  # shown again for checking
    assert [c.after["value"] for c in again.context["changes"]] == [52560]
    assert not Actual.objects.filter(year=2024).exists()


def test_saving_an_unchanged_page_changes_nothing(data_officer_client, demo):
    before = list(Actual.objects.values())
    response = data_officer_client.post(
        "/lo/figures/2023/", _form_data(data_officer_client, "/lo/figures/2023/")
    )
    assert response.status_code == 302
    assert list(Actual.objects.values()) == before


def test_existing_figures_are_shown_in_the_pages_convention_and_read_back_unchanged(
    data_officer_client, demo
):
    data = _form_data(data_officer_client, "/lo/figures/2023/")
    assert data["cha-identified--total-value"] == "20.436"
    assert _form_data(data_officer_client, "/en/figures/2023/")["cha-identified--total-value"] == (
        "20,436"
    )


def test_clearing_a_figure_deletes_it_after_confirmation(data_officer_client, demo):
    url = "/en/figures/2023/"
    data = _form_data(data_officer_client, url) | {"accidents--total-value": ""}
    preview, _saved = _check_then_confirm(data_officer_client, url, data)
    assert [c.kind for c in preview.context["changes"]] == ["deleted"]
    assert "deleted: no data" in preview.content.decode()
    assert not Actual.objects.filter(indicator__code="accidents", year=2023).exists()


def test_a_correction_is_kept_in_the_history_with_who_made_it(data_officer_client, demo):
    url = "/en/figures/2023/"
    data = _form_data(data_officer_client, url) | {"accidents--total-value": "23"}
    _check_then_confirm(data_officer_client, url, data)
    actual = Actual.objects.get(indicator__code="accidents", year=2023)
    latest, previous = actual.history.all()[:2]
    assert (previous.value, latest.value) == (22, 23)
    assert latest.history_user.username == "data"


def test_the_page_lists_the_years_data_quality_findings(data_officer_client, demo):
    html = data_officer_client.get("/en/figures/2023/").content.decode()
    assert "misses the SPF III target" in html


def test_saving_shows_what_changed(data_officer_client, demo):
    url = "/en/figures/2023/"
    data = _form_data(data_officer_client, url) | {"accidents--total-value": "23"}
    _preview, saved = _check_then_confirm(data_officer_client, url, data)
    page = data_officer_client.get(saved["Location"]).content.decode()
    assert "UXO accidents · Total: 22 accidents → 23 accidents" in page


@pytest.mark.parametrize("url", ["/en/figures/", "/en/figures/2024/"])
def test_anonymous_users_are_sent_to_log_in(client, db, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/?next=")


@pytest.mark.parametrize("url", ["/en/figures/", "/en/figures/2024/"])
def test_a_chair_cannot_enter_figures(chair_client, db, url):
    assert chair_client.get(url).status_code == 403
    assert chair_client.post(url, {}).status_code in (403, 405)


def test_a_user_without_any_role_is_refused(client, db):
    client.force_login(make_user("nobody"))
    assert client.get("/en/figures/2024/").status_code == 403


def test_the_secretariat_may_enter_figures(client, demo):
    client.force_login(make_user("sec", roles=["secretariat"]))
    assert client.get("/en/figures/2024/").status_code == 200


def test_wrong_methods_are_refused(data_officer_client, db):
    assert data_officer_client.post("/en/figures/").status_code == 405
    assert data_officer_client.put("/en/figures/2024/").status_code == 405


@pytest.mark.parametrize("year", [1800, 2500])
def test_a_year_out_of_range_is_not_found(data_officer_client, db, year):
    assert data_officer_client.get(f"/en/figures/{year}/").status_code == 404


def test_the_year_picker_opens_a_year_or_explains(data_officer_client, db):
    assert data_officer_client.get("/en/figures/", {"year": "2019"})["Location"] == (
        "/en/figures/2019/"
    )
    response = data_officer_client.get("/en/figures/", {"year": "20x"})
    assert "Give a year between 1970 and 2100." in response.content.decode()
