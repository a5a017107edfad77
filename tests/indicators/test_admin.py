import pytest
from django.urls import reverse
from django.utils import translation

from indicators.models import Actual, Component, Framework, Indicator, Target

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
        change = reverse(
            f"admin:{meta.app_label}_{meta.model_name}_change", args=[model.objects.first().pk]
        )
    assert changelist.startswith(f"/{language}/admin/")
    for url in (changelist, add, change):
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
