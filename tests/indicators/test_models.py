from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from indicators.models import Actual, Indicator, Target
from tests.conftest import (
    make_actual,
    make_component,
    make_framework,
    make_indicator,
    make_target,
)

pytestmark = pytest.mark.django_db


def _raises_integrity_error(create):
    with pytest.raises(IntegrityError), transaction.atomic():
        create()


def test_the_database_refuses_two_totals_for_the_same_indicator_and_year():
    indicator = make_indicator()
    make_actual(indicator, 2023, 5815)
    _raises_integrity_error(lambda: make_actual(indicator, 2023, 5000))


def test_the_database_refuses_two_figures_for_the_same_component_and_year():
    indicator = make_indicator()
    part = make_component(indicator)
    make_actual(indicator, 2023, 5190, component=part)
    _raises_integrity_error(lambda: make_actual(indicator, 2023, 5000, component=part))


def test_a_total_and_its_components_live_side_by_side():
    indicator = make_indicator()
    make_actual(indicator, 2023, 5815)
    make_actual(indicator, 2023, 5190, component=make_component(indicator, "agricultural"))
    make_actual(indicator, 2023, 625, component=make_component(indicator, "development"))
    assert Actual.objects.filter(indicator=indicator, year=2023).count() == 3


def test_the_same_disaggregation_in_another_key_order_is_a_duplicate():
    indicator = make_indicator("casualties", unit=Indicator.Unit.PEOPLE)
    make_actual(indicator, 2023, 5, disaggregation={"Sex": "Female", "Age": "Under 18"})
    _raises_integrity_error(
        lambda: make_actual(indicator, 2023, 6, disaggregation={"Age": "Under 18", "Sex": "Female"})
    )


def test_different_disaggregations_of_one_year_are_allowed():
    indicator = make_indicator("casualties", unit=Indicator.Unit.PEOPLE)
    make_actual(indicator, 2023, 40, disaggregation={"Sex": "Male"})
    make_actual(indicator, 2023, 7, disaggregation={"Sex": "Female"})
    make_actual(indicator, 2023, 47)
    assert Actual.objects.get(disaggregation={"Sex": "Female"}).value == 7


def test_the_database_refuses_a_negative_actual():
    indicator = make_indicator()
    _raises_integrity_error(lambda: make_actual(indicator, 2023, -1))


def test_the_database_refuses_a_negative_target():
    framework, indicator = make_framework(), make_indicator()
    _raises_integrity_error(lambda: make_target(framework, indicator, value=Decimal(-5)))


def test_the_database_refuses_a_target_range_that_ends_before_it_starts():
    framework, indicator = make_framework(), make_indicator()
    _raises_integrity_error(
        lambda: make_target(framework, indicator, start_year=2030, end_year=2026)
    )


def test_the_database_refuses_a_framework_range_that_ends_before_it_starts():
    _raises_integrity_error(lambda: make_framework("BAD", start_year=2030, end_year=2021))


def test_a_ceiling_on_a_higher_is_better_indicator_fails_validation():
    target = Target(
        framework=make_framework(),
        indicator=make_indicator(direction=Indicator.Direction.HIGHER),
        kind=Target.Kind.ANNUAL,
        comparator=Target.Comparator.LT,
        value=Decimal(38),
        start_year=2021,
        end_year=2030,
    )
    with pytest.raises(ValidationError) as error:
        target.full_clean()
    assert error.value.error_dict["comparator"][0].code == "comparator_against_direction"


def test_a_component_of_another_indicator_fails_validation():
    casualties = make_indicator("casualties", unit=Indicator.Unit.PEOPLE)
    cleared = make_indicator("area-cleared")
    actual = Actual(
        indicator=cleared,
        year=2023,
        value=Decimal(36),
        source="x",
        component=make_component(casualties, "injured"),
    )
    with pytest.raises(ValidationError) as error:
        actual.full_clean()
    assert error.value.error_dict["component"][0].code == "component_of_other_indicator"


def test_a_target_describes_itself_in_the_active_language(settings):
    from django.utils import translation

    target = make_target(
        make_framework(),
        make_indicator("casualties", unit=Indicator.Unit.PEOPLE, direction="lower"),
        comparator=Target.Comparator.LT,
        value=Decimal(1140),
    )
    with translation.override("en"):
        assert target.describe() == "fewer than 1,140 people"
    with translation.override("lo"):
        assert "1.140" in target.describe()
