"""Achievement of a target: plain values in, plain results out (no Django here).

Two rules shape everything below:

* No data is not zero. A missing actual is never met and never adds to a total.
* Actuals are never negative, so the sum of the actuals we know is a lower bound of the
  true sum. When years are missing that bound can still settle a question (a floor
  already reached stays reached; a ceiling already broken stays broken); when it cannot,
  the answer is ``None``, meaning "unknown", never a guess.

Arithmetic is Decimal throughout; floats are converted through ``str`` so that 0.1 is
one tenth, not the binary number nearest to it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

Number = int | float | Decimal


class Kind:
    ANNUAL = "annual"
    CUMULATIVE = "cumulative"


class Comparator:
    """How an actual must compare with the target value for the target to be met.

    ``lt``/``le`` make the value a ceiling (lower is better), ``ge``/``gt`` a floor.
    """

    LT = "lt"
    LE = "le"
    GE = "ge"
    GT = "gt"


_KINDS = (Kind.ANNUAL, Kind.CUMULATIVE)
_CEILINGS = (Comparator.LT, Comparator.LE)
_FLOORS = (Comparator.GE, Comparator.GT)


def _to_decimal(value: Number, what: str) -> Decimal:
    """Return ``value`` as a finite, non-negative Decimal, or raise ValueError."""
    result = value if isinstance(value, Decimal) else Decimal(str(value))
    if not result.is_finite():
        raise ValueError(f"{what} must be a finite number, not {value!r}")
    if result < 0:
        raise ValueError(f"{what} must not be negative, not {value!r}")
    return result


@dataclass(frozen=True)
class TargetSpec:
    kind: str
    comparator: str
    value: Number
    start_year: int
    end_year: int

    def __post_init__(self) -> None:
        if self.kind not in _KINDS:
            raise ValueError(f"unknown target kind {self.kind!r}")
        if self.comparator not in _CEILINGS + _FLOORS:
            raise ValueError(f"unknown comparator {self.comparator!r}")
        _to_decimal(self.value, "target value")
        if self.end_year < self.start_year:
            raise ValueError(f"end year {self.end_year} is before start year {self.start_year}")

    def covers(self, year: int) -> bool:
        return self.start_year <= year <= self.end_year

    @property
    def is_ceiling(self) -> bool:
        return self.comparator in _CEILINGS


def compare(comparator: str, actual: Decimal, bound: Decimal) -> bool:
    """Whether ``actual`` stands on the right side of ``bound`` for ``comparator``."""
    if comparator == Comparator.LT:
        return actual < bound
    if comparator == Comparator.LE:
        return actual <= bound
    if comparator == Comparator.GE:
        return actual >= bound
    if comparator == Comparator.GT:
        return actual > bound
    raise ValueError(f"unknown comparator {comparator!r}")


def _ratio(part: Decimal, whole: Decimal) -> float | None:
    return float(part / whole) if whole else None


@dataclass(frozen=True)
class AnnualResult:
    year: int
    actual: Decimal | None
    ratio: float | None
    met: bool | None


def annual_achievement(target: TargetSpec, year: int, actual: Number | None) -> AnnualResult:
    """Achievement of an annual target in ``year``; ``actual`` None means no data.

    For a ceiling the ratio is the share of the ceiling used (1.24 = 124% of it), not a
    measure of success.
    """
    if target.kind != Kind.ANNUAL:
        raise ValueError(f"target is {target.kind!r}, not annual")
    if not target.covers(year):
        raise ValueError(f"target for {target.start_year}-{target.end_year} does not cover {year}")
    if actual is None:
        return AnnualResult(year=year, actual=None, ratio=None, met=None)
    amount = _to_decimal(actual, f"actual for {year}")
    value = _to_decimal(target.value, "target value")
    return AnnualResult(
        year=year,
        actual=amount,
        ratio=_ratio(amount, value),
        met=compare(target.comparator, amount, value),
    )


@dataclass(frozen=True)
class CumulativeResult:
    as_of_year: int
    total: Decimal | None
    progress: float | None
    expected: Decimal
    expected_progress: float
    on_track: bool | None
    met: bool | None
    projected_year: int | None
    missing_years: tuple[int, ...]


def _decided(target: TargetSpec, holds: bool, settled: bool) -> bool | None:
    """Turn a comparison of the known total into an answer: True, False or unknown.

    ``settled`` says the known total is the final word. Otherwise it is only a lower
    bound of the true one: a floor that holds on it holds for good, a ceiling that fails
    on it fails for good, and anything else is unknown.
    """
    if settled:
        return holds
    if target.is_ceiling:
        return None if holds else False
    return True if holds else None


def _crossed(target: TargetSpec, total: Decimal, value: Decimal) -> bool:
    """Whether ``total`` has reached a floor or used up a ceiling.

    Both mean the comparison with the value has flipped from its starting state:
    a floor starts unmet and becomes met, a ceiling starts met and becomes broken.
    """
    holds = compare(target.comparator, total, value)
    return not holds if target.is_ceiling else holds


def _projected_year(target: TargetSpec, known: dict[int, Decimal], value: Decimal) -> int | None:
    """The year the target value is (or, at the average rate so far, would be) crossed.

    Missing years count at the average rate of the years with data, so with gaps the
    projection can fall in a year already past: the target was probably crossed then.
    """
    running = Decimal(0)
    for year in sorted(known):
        running += known[year]
        if _crossed(target, running, value):
            return year
    if running <= 0:
        return None
    # Fractions keep this exact: in Decimal, 2 / (1 / 3) comes out just over 6.
    years_needed = Fraction(value) * len(known) / Fraction(running)
    if target.comparator in (Comparator.GE, Comparator.LT):
        # Crossing means reaching the value itself.
        count = math.ceil(years_needed)
    else:
        # Crossing means going past the value (gt: above it; le: over the ceiling).
        count = math.floor(years_needed) + 1
    return target.start_year + count - 1


def cumulative_progress(
    target: TargetSpec, as_of_year: int, actuals: Mapping[int, Number | None]
) -> CumulativeResult:
    """Progress of a cumulative target from its start year up to ``as_of_year``.

    ``actuals`` maps years to values; a year that is absent or None has no data.
    Years outside the target's range, or after ``as_of_year``, are ignored. An
    ``as_of_year`` past the end year is treated as the end year for the pace.
    """
    if target.kind != Kind.CUMULATIVE:
        raise ValueError(f"target is {target.kind!r}, not cumulative")
    if as_of_year < target.start_year:
        raise ValueError(f"{as_of_year} is before the target's start year {target.start_year}")
    value = _to_decimal(target.value, "target value")
    last_year = min(as_of_year, target.end_year)
    years = range(target.start_year, last_year + 1)
    known = {
        year: _to_decimal(actuals[year], f"actual for {year}")
        for year in years
        if actuals.get(year) is not None
    }
    missing_years = tuple(year for year in years if year not in known)
    span = target.end_year - target.start_year + 1
    elapsed = len(years)
    expected = value * elapsed / span
    expected_progress = elapsed / span

    if not known:
        return CumulativeResult(
            as_of_year=as_of_year,
            total=None,
            progress=None,
            expected=expected,
            expected_progress=expected_progress,
            on_track=None,
            met=None,
            projected_year=None,
            missing_years=missing_years,
        )

    total = sum(known.values(), Decimal(0))
    complete = not missing_years
    keeps_pace = compare(target.comparator, total, expected)
    within_value = compare(target.comparator, total, value)
    # Before the end year a floor can already be met and a ceiling already broken, but
    # neither the opposite: more years can still add to the total.
    finished = complete and as_of_year >= target.end_year
    return CumulativeResult(
        as_of_year=as_of_year,
        total=total,
        progress=_ratio(total, value),
        expected=expected,
        expected_progress=expected_progress,
        on_track=_decided(target, keeps_pace, complete),
        met=_decided(target, within_value, finished),
        projected_year=_projected_year(target, known, value),
        missing_years=missing_years,
    )
