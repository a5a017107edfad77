"""Achievement of annual and cumulative targets (pure calculation, no database)."""

from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from indicators.achievement import (
    AnnualResult,
    Comparator,
    CumulativeResult,
    Kind,
    TargetSpec,
    annual_achievement,
    compare,
    cumulative_progress,
)

FLOORS = (Comparator.GE, Comparator.GT)
CEILINGS = (Comparator.LT, Comparator.LE)


def annual(comparator: str, value, start: int = 2021, end: int = 2025) -> TargetSpec:
    return TargetSpec(Kind.ANNUAL, comparator, value, start, end)


def cumulative(comparator: str, value, start: int = 2026, end: int = 2030) -> TargetSpec:
    return TargetSpec(Kind.CUMULATIVE, comparator, value, start, end)


# --- The 2023 figures from the Round Table report ---------------------------------------


def test_cleared_area_is_58_percent_of_the_10000_ha_floor_and_not_met():
    result = annual_achievement(annual(Comparator.GE, 10_000), 2023, 5_815)
    assert result == AnnualResult(year=2023, actual=Decimal(5815), ratio=0.5815, met=False)


def test_cha_identified_is_82_percent_of_spf_iii_and_41_percent_of_the_nsedp():
    spf = annual_achievement(annual(Comparator.GE, 25_000), 2023, 20_436)
    nsedp = annual_achievement(annual(Comparator.GE, 50_000), 2023, 20_436)
    assert spf.ratio == pytest.approx(0.81744)
    assert nsedp.ratio == pytest.approx(0.40872)
    assert spf.met is False
    assert nsedp.met is False


def test_victims_assisted_are_nearly_three_times_both_floors_and_met():
    spf = annual_achievement(annual(Comparator.GE, 1_140), 2023, 3_262)
    nsedp = annual_achievement(annual(Comparator.GE, 1_152), 2023, 3_262)
    assert spf.ratio == pytest.approx(2.861403508)
    assert nsedp.ratio == pytest.approx(2.831597222)
    assert spf.met is True
    assert nsedp.met is True


def test_47_casualties_break_both_the_fewer_than_38_and_the_under_40_ceilings():
    spf = annual_achievement(annual(Comparator.LT, 38), 2023, 47)
    nsedp = annual_achievement(annual(Comparator.LT, 40), 2023, 47)
    assert spf.met is False
    assert nsedp.met is False
    assert spf.ratio == pytest.approx(47 / 38)


def test_37_casualties_meet_a_ceiling_of_fewer_than_38():
    assert annual_achievement(annual(Comparator.LT, 38), 2023, 37).met is True


def test_a_ceiling_is_not_met_at_the_bound_when_strict():
    assert annual_achievement(annual(Comparator.LT, 38), 2023, 38).met is False


def test_a_ceiling_is_met_at_the_bound_when_inclusive():
    assert annual_achievement(annual(Comparator.LE, 38), 2023, 38).met is True


def test_a_floor_is_met_at_the_bound_when_inclusive_but_not_when_strict():
    assert annual_achievement(annual(Comparator.GE, 10_000), 2023, 10_000).met is True
    assert annual_achievement(annual(Comparator.GT, 10_000), 2023, 10_000).met is False


# --- Annual edges -----------------------------------------------------------------------


def test_a_missing_annual_actual_is_neither_met_nor_zero():
    for comparator in FLOORS + CEILINGS:
        result = annual_achievement(annual(comparator, 38), 2023, None)
        assert result == AnnualResult(year=2023, actual=None, ratio=None, met=None)


def test_a_zero_actual_is_data_not_missing():
    result = annual_achievement(annual(Comparator.LT, 38), 2023, 0)
    assert result.actual == Decimal(0)
    assert result.ratio == 0.0
    assert result.met is True


def test_a_target_value_of_zero_has_no_ratio_but_is_still_judged():
    assert annual_achievement(annual(Comparator.LE, 0), 2023, 0) == AnnualResult(
        2023, Decimal(0), None, True
    )
    assert annual_achievement(annual(Comparator.LT, 0), 2023, 0).met is False
    assert annual_achievement(annual(Comparator.GT, 0), 2023, 1).met is True


def test_float_actuals_are_read_as_the_decimals_they_print_as():
    result = annual_achievement(annual(Comparator.LE, Decimal("0.3")), 2023, 0.1 + 0.2)
    assert result.actual == Decimal("0.30000000000000004")
    assert annual_achievement(annual(Comparator.GE, 0.1), 2023, Decimal("0.1")).met is True


def test_an_annual_target_rejects_a_year_it_does_not_cover():
    target = annual(Comparator.GE, 10_000, 2021, 2025)
    with pytest.raises(ValueError):
        annual_achievement(target, 2020, 5_000)
    with pytest.raises(ValueError):
        annual_achievement(target, 2026, 5_000)


def test_annual_achievement_rejects_a_cumulative_target():
    with pytest.raises(ValueError):
        annual_achievement(cumulative(Comparator.GE, 50_000), 2026, 9_000)


def test_annual_achievement_rejects_a_negative_actual():
    with pytest.raises(ValueError):
        annual_achievement(annual(Comparator.LT, 38), 2023, -1)


# --- TargetSpec -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kind, comparator, value, start, end",
    [
        ("monthly", Comparator.GE, 1, 2021, 2025),
        (Kind.ANNUAL, "eq", 1, 2021, 2025),
        (Kind.ANNUAL, ">=", 1, 2021, 2025),
        (Kind.ANNUAL, Comparator.GE, -1, 2021, 2025),
        (Kind.ANNUAL, Comparator.GE, Decimal("-0.01"), 2021, 2025),
        (Kind.ANNUAL, Comparator.GE, float("nan"), 2021, 2025),
        (Kind.ANNUAL, Comparator.GE, Decimal("Infinity"), 2021, 2025),
        (Kind.CUMULATIVE, Comparator.GE, 1, 2030, 2026),
    ],
)
def test_a_target_spec_rejects_nonsense(kind, comparator, value, start, end):
    with pytest.raises(ValueError):
        TargetSpec(kind, comparator, value, start, end)


def test_a_target_may_last_a_single_year_and_have_value_zero():
    target = TargetSpec(Kind.ANNUAL, Comparator.LE, 0, 2023, 2023)
    assert target.covers(2023)
    assert not target.covers(2022)
    assert not target.covers(2024)


def test_a_target_covers_its_first_and_last_years():
    target = annual(Comparator.GE, 1, 2021, 2025)
    assert [year for year in range(2019, 2028) if target.covers(year)] == list(range(2021, 2026))


def test_lt_and_le_are_ceilings_and_ge_and_gt_are_floors():
    assert annual(Comparator.LT, 1).is_ceiling
    assert annual(Comparator.LE, 1).is_ceiling
    assert not annual(Comparator.GE, 1).is_ceiling
    assert not annual(Comparator.GT, 1).is_ceiling


def test_compare_follows_the_named_operator():
    one, two = Decimal(1), Decimal(2)
    assert compare(Comparator.LT, one, two) and not compare(Comparator.LT, two, two)
    assert compare(Comparator.LE, two, two) and not compare(Comparator.LE, two, one)
    assert compare(Comparator.GE, two, two) and not compare(Comparator.GE, one, two)
    assert compare(Comparator.GT, two, one) and not compare(Comparator.GT, two, two)


def test_compare_rejects_an_unknown_comparator():
    with pytest.raises(ValueError):
        compare("eq", Decimal(1), Decimal(1))


# --- Cumulative: the 10th NSEDP proposals -----------------------------------------------


def test_9000_and_12000_ha_keep_pace_with_50000_ha_over_five_years():
    result = cumulative_progress(
        cumulative(Comparator.GE, 50_000), 2027, {2026: 9_000, 2027: 12_000}
    )
    assert result == CumulativeResult(
        as_of_year=2027,
        total=Decimal(21_000),
        progress=0.42,
        expected=Decimal(20_000),
        expected_progress=0.4,
        on_track=True,
        met=None,
        projected_year=2030,  # 10,500 ha a year reaches 50,000 in the fifth year
        missing_years=(),
    )


def test_a_clearance_pace_too_slow_for_five_years_projects_past_the_end():
    result = cumulative_progress(
        cumulative(Comparator.GE, 50_000), 2027, {2026: 5_815, 2027: 5_815}
    )
    assert result.on_track is False
    assert result.met is None
    assert result.projected_year == 2034  # ceil(50,000 / 5,815) = 9 years


def test_47_casualties_a_year_run_ahead_of_a_fewer_than_190_ceiling():
    result = cumulative_progress(cumulative(Comparator.LT, 190), 2027, {2026: 47, 2027: 47})
    assert result.total == Decimal(94)
    assert result.expected == Decimal(76)
    assert result.on_track is False
    assert result.met is None  # 94 is still under 190
    assert result.projected_year == 2030  # at 47 a year the ceiling is used up in year 5
    assert result.progress == pytest.approx(94 / 190)


def test_casualties_under_the_pace_are_on_track_for_a_ceiling():
    result = cumulative_progress(cumulative(Comparator.LT, 190), 2027, {2026: 30, 2027: 40})
    assert result.on_track is True
    assert result.projected_year == 2031  # 35 a year: 6 years to reach 190


def test_a_total_exactly_on_the_pace_keeps_an_inclusive_floor_but_not_a_strict_ceiling():
    actuals = {2026: 10_000, 2027: 10_000}
    assert cumulative_progress(cumulative(Comparator.GE, 50_000), 2027, actuals).on_track
    assert not cumulative_progress(cumulative(Comparator.LT, 50_000), 2027, actuals).on_track


# --- Cumulative: missing years ----------------------------------------------------------


def test_a_floor_already_ahead_of_the_pace_is_on_track_despite_a_missing_year():
    result = cumulative_progress(cumulative(Comparator.GE, 50_000), 2027, {2026: 25_000})
    assert result.missing_years == (2027,)
    assert result.on_track is True
    assert result.met is None


def test_a_floor_behind_the_pace_with_a_missing_year_is_unknown_not_off_track():
    result = cumulative_progress(cumulative(Comparator.GE, 50_000), 2027, {2026: 5_000, 2027: None})
    assert result.missing_years == (2027,)
    assert result.total == Decimal(5_000)
    assert result.on_track is None


def test_a_ceiling_already_broken_with_a_missing_year_is_off_track():
    result = cumulative_progress(cumulative(Comparator.LT, 190), 2027, {2027: 80})
    assert result.missing_years == (2026,)
    assert result.on_track is False
    assert result.met is None


def test_a_ceiling_under_the_pace_with_a_missing_year_is_unknown():
    result = cumulative_progress(cumulative(Comparator.LT, 190), 2027, {2026: 10})
    assert result.on_track is None


def test_a_ceiling_used_up_before_the_end_is_not_met_even_with_gaps():
    result = cumulative_progress(cumulative(Comparator.LT, 190), 2029, {2026: 100, 2028: 95})
    assert result.missing_years == (2027, 2029)
    assert result.met is False
    assert result.projected_year == 2028


def test_a_floor_reached_before_the_end_is_met_then_and_projects_that_year():
    result = cumulative_progress(
        cumulative(Comparator.GE, 50_000), 2028, {2026: 30_000, 2027: 25_000, 2028: 1_000}
    )
    assert result.met is True
    assert result.projected_year == 2027
    assert result.progress == pytest.approx(1.12)


def test_a_floor_reached_despite_missing_years_is_met():
    result = cumulative_progress(cumulative(Comparator.GE, 50_000), 2029, {2027: 51_000})
    assert result.missing_years == (2026, 2028, 2029)
    assert result.met is True


def test_a_floor_short_at_the_end_with_a_missing_year_is_unknown_not_failed():
    actuals = {2026: 9_000, 2027: 9_000, 2028: 9_000, 2029: 9_000}
    result = cumulative_progress(cumulative(Comparator.GE, 50_000), 2030, actuals)
    assert result.missing_years == (2030,)
    assert result.met is None
    assert result.on_track is None


def test_a_floor_short_at_the_end_with_every_year_is_not_met():
    actuals = dict.fromkeys(range(2026, 2031), 9_000)
    result = cumulative_progress(cumulative(Comparator.GE, 50_000), 2030, actuals)
    assert result.met is False
    assert result.on_track is False


def test_a_ceiling_is_met_only_once_its_last_year_is_in():
    target = cumulative(Comparator.LT, 190)
    actuals = dict.fromkeys(range(2026, 2031), 30)
    assert cumulative_progress(target, 2029, actuals).met is None
    assert cumulative_progress(target, 2030, actuals).met is True


def test_a_ceiling_with_a_missing_last_year_is_never_called_met():
    actuals = dict.fromkeys(range(2026, 2030), 30)
    result = cumulative_progress(cumulative(Comparator.LT, 190), 2030, actuals)
    assert result.missing_years == (2030,)
    assert result.met is None


def test_no_data_at_all_gives_a_pace_but_no_judgement():
    result = cumulative_progress(cumulative(Comparator.GE, 50_000), 2027, {2026: None})
    assert result == CumulativeResult(
        as_of_year=2027,
        total=None,
        progress=None,
        expected=Decimal(20_000),
        expected_progress=0.4,
        on_track=None,
        met=None,
        projected_year=None,
        missing_years=(2026, 2027),
    )


def test_zero_is_data_in_a_cumulative_total():
    result = cumulative_progress(cumulative(Comparator.LT, 190), 2027, {2026: 0, 2027: 0})
    assert result.total == Decimal(0)
    assert result.missing_years == ()
    assert result.on_track is True
    assert result.projected_year is None  # nothing used at zero a year


# --- Cumulative: range and arguments ----------------------------------------------------


def test_as_of_beyond_the_end_clamps_the_pace_to_the_whole_target():
    actuals = {2025: 99_999, **dict.fromkeys(range(2026, 2031), 10_000), 2031: 99_999}
    result = cumulative_progress(cumulative(Comparator.GE, 50_000), 2032, actuals)
    assert result.as_of_year == 2032
    assert result.expected == Decimal(50_000)
    assert result.expected_progress == 1.0
    assert result.total == Decimal(50_000)  # 2025 and 2031 are outside the target
    assert result.met is True
    assert result.missing_years == ()


def test_actuals_after_the_as_of_year_are_ignored():
    result = cumulative_progress(
        cumulative(Comparator.GE, 50_000), 2026, {2026: 9_000, 2027: 41_000}
    )
    assert result.total == Decimal(9_000)
    assert result.met is None


def test_the_first_year_has_one_share_of_the_pace():
    result = cumulative_progress(cumulative(Comparator.GE, 50_000), 2026, {2026: 10_000})
    assert result.expected == Decimal(10_000)
    assert result.expected_progress == pytest.approx(0.2)
    assert result.on_track is True


def test_a_cumulative_target_of_zero_has_no_progress_ratio():
    result = cumulative_progress(
        cumulative(Comparator.LE, 0), 2030, dict.fromkeys(range(2026, 2031), 0)
    )
    assert result.progress is None
    assert result.met is True
    assert result.expected == Decimal(0)


def test_float_actuals_add_up_as_decimals():
    target = cumulative(Comparator.LE, Decimal("0.3"), 2026, 2027)
    result = cumulative_progress(target, 2027, {2026: 0.1, 2027: 0.2})
    assert result.total == Decimal("0.3")
    assert result.met is True


def test_strict_comparators_project_the_year_the_value_is_passed_not_just_reached():
    actuals = {2026: 38, 2027: 38}
    # 38 a year reaches 190 exactly in year 5: that uses up "fewer than 190" ...
    assert cumulative_progress(cumulative(Comparator.LT, 190), 2027, actuals).projected_year == 2030
    # ... but stays within "at most 190" until year 6.
    assert cumulative_progress(cumulative(Comparator.LE, 190), 2027, actuals).projected_year == 2031
    assert cumulative_progress(cumulative(Comparator.GE, 190), 2027, actuals).projected_year == 2030
    assert cumulative_progress(cumulative(Comparator.GT, 190), 2027, actuals).projected_year == 2031


def test_the_projection_counts_missing_years_at_the_average_rate():
    # Two known years average 10,000: the fifth year would reach 50,000.
    result = cumulative_progress(
        cumulative(Comparator.GE, 50_000), 2028, {2026: 8_000, 2028: 12_000}
    )
    assert result.projected_year == 2030


def test_the_projection_is_exact_when_the_rate_is_a_repeating_decimal():
    # One unit over three years is 0.333... a year: two units take exactly six years.
    target = cumulative(Comparator.GE, 2, 2026, 2035)
    result = cumulative_progress(target, 2028, {2026: 0, 2027: 0, 2028: 1})
    assert result.projected_year == 2031


def test_a_rate_that_does_not_divide_the_value_projects_the_next_whole_year():
    target = cumulative(Comparator.GE, 10, 2026, 2035)
    result = cumulative_progress(target, 2027, {2026: 3, 2027: 3})
    assert result.projected_year == 2029  # 3 a year: 9 after year 3, 12 after year 4


def test_cumulative_progress_rejects_an_annual_target():
    with pytest.raises(ValueError):
        cumulative_progress(annual(Comparator.GE, 10_000), 2023, {2023: 5_815})


def test_cumulative_progress_rejects_an_as_of_year_before_the_start():
    with pytest.raises(ValueError):
        cumulative_progress(cumulative(Comparator.GE, 50_000), 2025, {})


def test_cumulative_progress_rejects_a_negative_actual():
    with pytest.raises(ValueError):
        cumulative_progress(cumulative(Comparator.LT, 190), 2027, {2026: 47, 2027: -1})


# --- Properties -------------------------------------------------------------------------

amounts = st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False)
numbers = st.one_of(amounts, st.integers(min_value=0, max_value=10**6))
comparators = st.sampled_from(FLOORS + CEILINGS)


@st.composite
def cumulative_targets(draw) -> TargetSpec:
    start = draw(st.integers(min_value=2000, max_value=2040))
    length = draw(st.integers(min_value=1, max_value=8))
    return cumulative(draw(comparators), draw(numbers), start, start + length - 1)


@st.composite
def cumulative_cases(draw, complete: bool = False):
    """A cumulative target, an as-of year (possibly past the end) and actuals."""
    target = draw(cumulative_targets())
    as_of = draw(st.integers(min_value=target.start_year, max_value=target.end_year + 2))
    years = range(target.start_year, min(as_of, target.end_year) + 1)
    values = numbers if complete else st.none() | numbers
    actuals = {year: draw(values) for year in years}
    return target, as_of, actuals


@given(comparators, numbers, st.none() | numbers)
def test_an_annual_result_is_unknown_exactly_when_the_actual_is_missing(comparator, value, actual):
    result = annual_achievement(annual(comparator, value), 2023, actual)
    assert (result.met is None) == (actual is None)
    assert (result.actual is None) == (actual is None)


@given(numbers, numbers)
def test_an_inclusive_floor_is_met_exactly_when_the_actual_reaches_it(value, actual):
    met = annual_achievement(annual(Comparator.GE, value), 2023, actual).met
    assert met == (Decimal(str(actual)) >= Decimal(str(value)))


@given(numbers, numbers)
def test_a_strict_ceiling_is_met_exactly_when_the_actual_stays_under_it(value, actual):
    met = annual_achievement(annual(Comparator.LT, value), 2023, actual).met
    assert met == (Decimal(str(actual)) < Decimal(str(value)))


@given(comparators, numbers, numbers)
def test_the_ratio_times_the_target_gives_back_the_actual(comparator, value, actual):
    assume(value > 0)
    ratio = annual_achievement(annual(comparator, value), 2023, actual).ratio
    assert ratio * float(value) == pytest.approx(float(actual), rel=1e-9)


@given(comparators, numbers, numbers, amounts)
def test_raising_an_actual_never_unmeets_a_floor_nor_meets_a_broken_ceiling(
    comparator, value, actual, increase
):
    target = annual(comparator, value)
    before = annual_achievement(target, 2023, actual).met
    after = annual_achievement(target, 2023, Decimal(str(actual)) + increase).met
    if target.is_ceiling:
        assert not (before is False and after is True)
    else:
        assert not (before is True and after is False)


@given(cumulative_cases(complete=True))
def test_with_every_year_in_the_answers_are_known(case):
    target, as_of, actuals = case
    result = cumulative_progress(target, as_of, actuals)
    assert result.missing_years == ()
    assert result.total == sum(Decimal(str(v)) for v in actuals.values())
    assert result.on_track is not None
    if as_of >= target.end_year:
        assert result.met is not None


@given(cumulative_cases(), st.data())
def test_filling_in_missing_years_never_contradicts_a_known_answer(case, data):
    target, as_of, actuals = case
    partial = cumulative_progress(target, as_of, actuals)
    filled = {year: data.draw(numbers) if v is None else v for year, v in actuals.items()}
    complete = cumulative_progress(target, as_of, filled)
    if partial.on_track is not None:
        assert complete.on_track == partial.on_track
    if partial.met is not None:
        assert complete.met == partial.met


@given(cumulative_cases())
def test_missing_years_are_exactly_the_years_without_data(case):
    target, as_of, actuals = case
    result = cumulative_progress(target, as_of, actuals)
    assert result.missing_years == tuple(y for y, v in actuals.items() if v is None)
    assert (result.total is None) == all(v is None for v in actuals.values())


@given(cumulative_cases())
def test_a_projection_never_falls_before_the_start_year(case):
    target, as_of, actuals = case
    projected = cumulative_progress(target, as_of, actuals).projected_year
    assert projected is None or projected >= target.start_year


@given(cumulative_cases(complete=True))
def test_with_every_year_in_a_projection_is_past_unless_the_value_was_crossed(case):
    target, as_of, actuals = case
    result = cumulative_progress(target, as_of, actuals)
    crossed = compare(target.comparator, result.total, Decimal(str(target.value)))
    if target.is_ceiling:
        crossed = not crossed
    if crossed:
        assert result.projected_year in actuals
    elif result.projected_year is not None:
        assert result.projected_year > min(as_of, target.end_year)


@given(cumulative_targets(), st.integers(min_value=0, max_value=10))
def test_the_pace_grows_to_the_whole_value_by_the_end_and_stays_there(target, offset):
    as_of = target.start_year + offset
    result = cumulative_progress(target, as_of, {})
    elapsed = min(as_of, target.end_year) - target.start_year + 1
    span = target.end_year - target.start_year + 1
    assert result.expected_progress == elapsed / span
    assert 0 < result.expected_progress <= 1
    if as_of >= target.end_year:
        assert result.expected == Decimal(str(target.value))
