"""Writing an indicator's figures back out, in the layouts importing.py reads."""

import csv
import io

from .formatting import plain_number
from .importing import ATTRIBUTE_COLUMNS, COMPONENT_COLUMN, SIMPLE_COLUMNS
from .models import Actual, Indicator


def _actuals(indicator: Indicator) -> list[Actual]:
    """The indicator's figures by year, the total first, then components in order.
    Uses the figures `Indicator.objects.with_figures()` loaded, so exporting many
    indicators costs no query per indicator."""
    return sorted(
        indicator.actuals.all(),
        key=lambda a: (a.year, a.component.order if a.component else -1, a.pk),
    )


def opensdg_rows(indicator: Indicator) -> tuple[list[str], list[dict]]:
    """Open SDG: Year, the disaggregation columns, the attributes, Value. A blank cell
    is the total over that column, as Open SDG reads it."""
    actuals = list(_actuals(indicator))
    columns = sorted({k for a in actuals for k in a.disaggregation})
    if any(a.component_id for a in actuals):
        columns.append(COMPONENT_COLUMN)
    attributes = [c for c in ATTRIBUTE_COLUMNS if any(c in a.attributes for a in actuals)]
    header = ["Year", *columns, *attributes, "Value"]
    rows = []
    for actual in actuals:
        row = {"Year": str(actual.year), "Value": str(plain_number(actual.value))}
        for column in columns:
            row[column] = actual.disaggregation.get(column, "")
        if actual.component_id:
            row[COMPONENT_COLUMN] = actual.component.code
        for column in attributes:
            row[column] = actual.attributes.get(column, "")
        rows.append(row)
    return header, rows


def simple_rows(indicator: Indicator) -> tuple[list[str], list[dict]]:
    """Our template's layout; it has no disaggregation columns, so it holds the totals
    and components only."""
    rows = [
        {
            "year": str(a.year),
            "component": a.component.code if a.component else "",
            "value": str(plain_number(a.value)),
            "status": a.status,
            "source": a.source,
            "as_of": a.as_of.isoformat() if a.as_of else "",
            "note": a.note,
        }
        for a in _actuals(indicator)
        if not a.disaggregation
    ]
    return SIMPLE_COLUMNS, rows


LAYOUTS = {"opensdg": opensdg_rows, "simple": simple_rows}


def export_csv(indicator: Indicator, layout: str) -> str:
    header, rows = LAYOUTS[layout](indicator)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, lineterminator="\n", restval="")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()
