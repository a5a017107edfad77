"""Writes that touch several figures: all or nothing."""

from django.db import transaction

from .entry import Change
from .models import Actual


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
        for field, value in change.after.items():
            setattr(actual, field, value)
        actual.full_clean()
        actual.save()
