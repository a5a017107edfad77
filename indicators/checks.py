"""Data-quality arithmetic on plain values (no Django): each function says whether
figures disagree, and never raises an alarm on consistent data."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal


def components_mismatch(total: Decimal | None, parts: Iterable[Decimal | None]) -> bool:
    """Components must add up to their total. Only judged when the total and every
    component are known: a missing part is missing data, not a disagreement."""
    parts = list(parts)
    if total is None or not parts or any(p is None for p in parts):
        return False
    return sum(parts, Decimal(0)) != total


@dataclass(frozen=True)
class DisaggregationGap:
    row: Mapping[str, str]  # the row whose cell is blank
    column: str  # the blank column
    value: Decimal  # the row's value
    children_sum: Decimal  # the sum of the rows that fill that column
    children: int


def disaggregation_gaps(
    rows: Iterable[tuple[Mapping[str, str], Decimal]],
) -> list[DisaggregationGap]:
    """Open SDG rule: a row whose cell in a column is blank is the total of the rows
    that differ from it only by having that column filled; report where it is not."""
    rows = [(dict(d), v) for d, v in rows]
    columns = sorted({c for d, _ in rows for c in d})
    gaps = []
    for parent, value in rows:
        for column in columns:
            if column in parent:
                continue
            children = [
                v
                for d, v in rows
                if column in d and {k: x for k, x in d.items() if k != column} == parent
            ]
            if children and sum(children, Decimal(0)) != value:
                gaps.append(
                    DisaggregationGap(
                        row=parent,
                        column=column,
                        value=value,
                        children_sum=sum(children, Decimal(0)),
                        children=len(children),
                    )
                )
    return gaps


def sharp_change(previous: Decimal | None, current: Decimal | None, factor: float) -> bool:
    """A year-over-year change by more than `factor` either way. Unknown years and
    zeros (no ratio to speak of) are never flagged."""
    if previous is None or current is None or previous <= 0 or current <= 0:
        return False
    ratio = current / previous
    limit = Decimal(str(factor))
    return ratio > limit or ratio < 1 / limit
