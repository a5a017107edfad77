import pytest
from django.urls import reverse
from django.utils import translation

from indicators.models import (
    Actual,
    Component,
    FindingNote,
    Framework,
    ImportBatch,
    Indicator,
    Target,
)

MODELS = [Framework, Indicator, Component, Target, Actual]


@pytest.fixture
def staff(admin_client, demo):
    return admin_client


@pytest.mark.parametrize("language", ["lo", "en"])
@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.model_name)
def test_every_model_has_a_working_list_add_and_change_page(staff, model, language):
    with translation.override(language):
        meta = model._meta
        changelist = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
        add = reverse(f"admin:{meta.app_label}_{meta.model_name}_add")
        pk = model.objects.first().pk
        change = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[pk])
        history = reverse(f"admin:{meta.app_label}_{meta.model_name}_history", args=[pk])
    assert changelist.startswith(f"/{language}/admin/")
    for url in (changelist, add, change, history):
        response = staff.get(url)
        assert response.status_code == 200, url
        assert f'lang="{language}"' in response.content.decode()


def test_the_lao_admin_speaks_lao(staff):
    html = staff.get("/lo/admin/").content.decode()
    assert str(Indicator._meta.verbose_name_plural) not in ("", None)
    with translation.override("lo"):
        assert str(Indicator._meta.verbose_name_plural).capitalize() in html
        assert translation.gettext("Indicators, targets and reports") in html
        assert translation.gettext("Log out") in html
    assert "Indicators, targets and reports" not in html


def test_the_admin_refuses_a_ceiling_for_a_higher_is_better_indicator(staff):
    cleared = Indicator.objects.get(code="area-cleared")
    response = staff.post(
        "/en/admin/indicators/target/add/",
        {
            "framework": Framework.objects.get(code="SDG18").pk,
            "indicator": cleared.pk,
            "kind": "annual",
            "comparator": "lt",
            "value": "100",
            "start_year": "2021",
            "end_year": "2030",
            "status": "adopted",
        },
    )
    assert response.status_code == 200
    assert "Higher is better for this indicator" in response.content.decode()
    assert not Target.objects.filter(framework__code="SDG18").exists()


def test_anonymous_visitors_are_sent_to_the_admin_login(client, db):
    response = client.get("/en/admin/indicators/actual/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/admin/login/")


def test_imports_and_notes_are_listed_and_imports_are_read_only(staff):
    indicator = Indicator.objects.get(code="casualties")
    FindingNote.objects.create(rule="change", indicator=indicator, year=2023, key="k", note="ok")
    batch = ImportBatch.objects.create(
        indicator=indicator, filename="f.csv", content=b"x", source="s", status="final"
    )
    assert staff.get("/en/admin/indicators/findingnote/").status_code == 200
    assert "f.csv" in staff.get("/en/admin/indicators/importbatch/").content.decode()
    assert staff.get(f"/en/admin/indicators/importbatch/{batch.pk}/change/").status_code == 200
    assert staff.get("/en/admin/indicators/importbatch/add/").status_code == 403


def test_the_admin_shows_the_history_of_a_figure(staff):
    actual = Actual.objects.get(indicator__code="accidents")
    actual.value = 23
    actual.save()
    html = staff.get(f"/en/admin/indicators/actual/{actual.pk}/history/").content.decode()
    assert "Changed" in html or "Change" in html
