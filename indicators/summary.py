"""Achievement rows for an indicator, read from figures that `with_figures()` loaded.

Nothing here queries the database: callers pass indicators from
`Indicator.objects.with_figures()`, so a page costs the same number of queries
whatever the number of indicators and years.
"""

from dataclasses import dataclass
from decimal import Decimal

from . import achievement
from .models import Actual, Indicator, Target


@dataclass(frozen=True)
class AchievementRow:
    target: Target
    year: int
    result: achievement.AnnualResult | achievement.CumulativeResult

    @property
    def is_cumulative(self) -> bool:
        return isinstance(self.result, achievement.CumulativeResult)

    @property
    def actual(self) -> Decimal | None:
        return self.result.total if self.is_cumulative else self.result.actual

    @property
    def ratio(self) -> float | None:
        return self.result.progress if self.is_cumulative else self.result.ratio

    @property
    def met(self) -> bool | None:
        return self.result.met


def totals_by_year(indicator: Indicator) -> dict[int, Decimal]:
    """The indicator's yearly totals: actuals without a component or disaggregation."""
    return {a.year: a.value for a in indicator.actuals.all() if a.is_total}


def latest_total(indicator: Indicator) -> Actual | None:
    totals = [a for a in indicator.actuals.all() if a.is_total]
    return max(totals, key=lambda a: a.year, default=None)


def achievements(
    indicator: Indicator, *, through_year: int | None, year: int | None = None
) -> list[AchievementRow]:
    """One row per target and year, from each target's first year to `through_year`
    (the latest year with any figure), or only `year` when given. A year without a
    figure gets a row that says so: missing data is shown, never counted as met."""
    totals = totals_by_year(indicator)
    rows = []
    for target in indicator.targets.all():
        spec = target.spec()
        last = min(spec.end_year, through_year) if through_year else None
        years = [year] if year is not None else range(spec.start_year, (last or 0) + 1)
        for y in years:
            if not spec.covers(y):
                continue
            if spec.kind == achievement.Kind.ANNUAL:
                result = achievement.annual_achievement(spec, y, totals.get(y))
            else:
                result = achievement.cumulative_progress(spec, y, totals)
            rows.append(AchievementRow(target=target, year=y, result=result))
    return rows


def latest_year() -> int | None:
    """The reporting year: the latest year for which any figure exists."""
    return Actual.objects.order_by("-year").values_list("year", flat=True).first()


class Standing:
    """Where an indicator stands against one framework in a year, as a code that
    templates turn into words and colours."""

    MET = "met"
    NOT_MET = "not_met"
    ON_TRACK = "on_track"
    OFF_TRACK = "off_track"
    NO_DATA = "no_data"
    NOT_STARTED = "not_started"
    NO_TARGET = "no_target"


@dataclass(frozen=True)
class FrameworkStanding:
    framework: object
    code: str
    target: Target | None = None
    row: AchievementRow | None = None


def framework_standing(indicator: Indicator, framework, year: int | None) -> FrameworkStanding:
    """The indicator's standing against `framework` in `year`: the annual target that
    covers the year if there is one, else a cumulative one."""
    targets = [t for t in indicator.targets.all() if t.framework_id == framework.pk]
    if not targets:
        return FrameworkStanding(framework, Standing.NO_TARGET)
    if year is None:
        return FrameworkStanding(framework, Standing.NO_DATA, targets[0])
    covering = [t for t in targets if t.start_year <= year <= t.end_year]
    annual = [t for t in covering if t.kind == achievement.Kind.ANNUAL]
    target = (annual or covering or [None])[0]
    if target is None:
        upcoming = [t for t in targets if t.start_year > year]
        if upcoming:
            return FrameworkStanding(framework, Standing.NOT_STARTED, upcoming[0])
        return FrameworkStanding(framework, Standing.NO_TARGET)
    (row,) = [
        r for r in achievements(indicator, through_year=year, year=year) if r.target == target
    ]
    if row.actual is None:
        code = Standing.NO_DATA
    elif row.is_cumulative:
        on_track = row.result.on_track
        code = {True: Standing.ON_TRACK, False: Standing.OFF_TRACK}.get(on_track, Standing.NO_DATA)
    else:
        code = Standing.MET if row.met else Standing.NOT_MET
    return FrameworkStanding(framework, code, target, row)


def yearly_totals(indicator: Indicator, years: range) -> list[tuple[int, Decimal | None]]:
    totals = totals_by_year(indicator)
    return [(year, totals.get(year)) for year in years]
