"""Writes that touch several figures: all or nothing."""

from dataclasses import dataclass, field

from django.db import transaction
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from .cache import figures_changed
from .entry import Change
from .importing import Row
from .models import Actual, Indicator


@transaction.atomic
def actuals_save(*, year: int, changes: list[Change]) -> None:
    """Apply the changes of the entry page. Every row is validated by the model too;
    one bad row rolls everything back."""
    for change in changes:
        slot = change.slot
        if change.after is None:
            change.before.delete()
            continue
        actual = change.before or Actual(
            indicator=slot.indicator,
            year=year,
            component=slot.component,
            disaggregation=slot.disaggregation,
        )
        for name, value in change.after.items():
            setattr(actual, name, value)
        actual.full_clean()
        actual.save()


@dataclass
class ImportPlan:
    created: list[Actual] = field(default_factory=list)
    updated: list[Actual] = field(default_factory=list)
    unchanged: int = 0

    @property
    def years(self) -> list[int]:
        return sorted({a.year for a in self.created + self.updated})


IMPORTED_FIELDS = ["value", "status", "source", "as_of", "note", "attributes"]


def import_plan(*, indicator: Indicator, rows: list[Row]) -> ImportPlan:
    """What importing `rows` would change: new figures, changed ones, and how many are
    already there as they are (a second import of the same file changes nothing)."""
    existing = {
        (a.year, a.component_id, tuple(sorted(a.disaggregation.items()))): a
        for a in Actual.objects.filter(indicator=indicator)
    }
    plan = ImportPlan()
    for row in rows:
        values = {name: getattr(row, name) for name in IMPORTED_FIELDS}
        actual = existing.get(row.key())
        if actual is None:
            plan.created.append(
                Actual(
                    indicator=indicator,
                    year=row.year,
                    component_id=row.component_id,
                    disaggregation=row.disaggregation,
                    **values,
                )
            )
        elif any(getattr(actual, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(actual, name, value)
            plan.updated.append(actual)
        else:
            plan.unchanged += 1
    return plan


@transaction.atomic
def actuals_import(*, indicator: Indicator, rows: list[Row], user=None) -> ImportPlan:
    """Write every row or none, with history rows for each change."""
    plan = import_plan(indicator=indicator, rows=rows)
    if plan.created:
        bulk_create_with_history(plan.created, Actual, batch_size=1000, default_user=user)
    if plan.updated:
        bulk_update_with_history(
            plan.updated, Actual, IMPORTED_FIELDS, batch_size=1000, default_user=user
        )
    if plan.created or plan.updated:
        figures_changed()  # bulk writes send no signals
    return plan
