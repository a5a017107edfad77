from decimal import Decimal as D

from hypothesis import given
from hypothesis import strategies as st

from indicators.checks import components_mismatch, disaggregation_gaps, sharp_change


def test_components_that_add_up_raise_nothing():
    assert not components_mismatch(D(47), [D(36), D(11)])
    assert not components_mismatch(D(5815), [D(5190), D(625)])


def test_components_that_do_not_add_up_are_flagged():
    assert components_mismatch(D(47), [D(36), D(10)])
    assert components_mismatch(D(5815), [D(5190), D(626)])


def test_a_missing_component_or_total_is_not_a_disagreement():
    assert not components_mismatch(D(47), [D(36), None])
    assert not components_mismatch(None, [D(36), D(11)])
    assert not components_mismatch(D(47), [])


def test_a_consistent_disaggregation_raises_nothing():
    rows = [
        ({}, D(47)),
        ({"Sex": "Male"}, D(40)),
        ({"Sex": "Female"}, D(7)),
        ({"Age": "Child"}, D(20)),
        ({"Age": "Adult"}, D(27)),
        ({"Sex": "Male", "Age": "Child"}, D(15)),
        ({"Sex": "Male", "Age": "Adult"}, D(25)),
        ({"Sex": "Female", "Age": "Child"}, D(5)),
        ({"Sex": "Female", "Age": "Adult"}, D(2)),
    ]
    assert disaggregation_gaps(rows) == []


def test_a_blank_cell_that_is_not_the_sum_of_its_rows_is_flagged():
    rows = [({}, D(47)), ({"Sex": "Male"}, D(40)), ({"Sex": "Female"}, D(8))]
    (gap,) = disaggregation_gaps(rows)
    assert (gap.row, gap.column, gap.value, gap.children_sum) == ({}, "Sex", D(47), D(48))


def test_a_nested_blank_cell_is_checked_against_its_own_rows_only():
    rows = [
        ({"Sex": "Male"}, D(40)),
        ({"Sex": "Male", "Age": "Child"}, D(15)),
        ({"Sex": "Male", "Age": "Adult"}, D(24)),
        ({"Sex": "Female", "Age": "Child"}, D(99)),
    ]
    (gap,) = disaggregation_gaps(rows)
    assert (gap.row, gap.column, gap.children_sum) == ({"Sex": "Male"}, "Age", D(39))


def test_rows_without_a_blank_parent_raise_nothing():
    assert disaggregation_gaps([({"Sex": "Male"}, D(1)), ({"Sex": "Female"}, D(2))]) == []


def test_a_change_beyond_the_factor_is_flagged_both_ways():
    assert sharp_change(D(1000), D(3001), 3)
    assert sharp_change(D(3001), D(1000), 3)
    assert not sharp_change(D(1000), D(3000), 3)
    assert not sharp_change(D(5815), D(5256), 3)


def test_unknown_years_and_zeros_are_never_flagged():
    assert not sharp_change(None, D(5), 3)
    assert not sharp_change(D(5), None, 3)
    assert not sharp_change(D(0), D(5), 3)


@given(
    st.lists(st.integers(min_value=0, max_value=10**6), min_size=1, max_size=6),
    st.lists(st.integers(min_value=0, max_value=10**6), min_size=1, max_size=6),
)
def test_totals_built_from_their_rows_never_raise_an_alarm(males, females):
    # A consistent table built bottom-up: every blank cell is the sum of its rows.
    rows = [({"Sex": "Male", "Age": str(i)}, D(v)) for i, v in enumerate(males)]
    rows += [({"Sex": "Female", "Age": str(i)}, D(v)) for i, v in enumerate(females)]
    rows += [({"Sex": "Male"}, D(sum(males))), ({"Sex": "Female"}, D(sum(females)))]
    rows += [({}, D(sum(males) + sum(females)))]
    assert disaggregation_gaps(rows) == []


@given(st.decimals(min_value=1, max_value=10**6, places=2), st.floats(1.01, 100))
def test_a_value_within_the_factor_is_never_flagged(value, factor):
    assert not sharp_change(value, value, factor)
