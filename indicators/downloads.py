"""Downloads of the figures, for one indicator or all: CSV, XLSX, JSON, Open SDG CSV.

Machine formats: numbers are never localized; column names are fixed English codes.
"""

import io
import json
import zipfile

import pandas as pd
from django.http import HttpResponse

from .api import indicator_data
from .exporting import export_csv
from .formatting import plain_number
from .summary import latest_year

FORMATS = ("csv", "xlsx", "json", "opensdg")
BASE_COLUMNS = ["indicator", "year", "component"]
TAIL_COLUMNS = ["value", "unit", "status", "source", "as_of", "note"]


def figures_frame(indicators) -> pd.DataFrame:
    """One row per figure; each disaggregation column of the data is a column, blank
    where a row does not split by it (the total over that column)."""
    records = []
    for indicator in indicators:
        for actual in indicator.actuals.all():
            record = {
                "indicator": indicator.code,
                "year": actual.year,
                "component": actual.component.code if actual.component else "",
                "value": plain_number(actual.value),
                "unit": indicator.unit,
                "status": actual.status,
                "source": actual.source,
                "as_of": actual.as_of.isoformat() if actual.as_of else "",
                "note": actual.note,
            }
            record.update(actual.disaggregation)
            records.append(record)
    columns = sorted({k for r in records for k in r} - set(BASE_COLUMNS) - set(TAIL_COLUMNS))
    frame = pd.DataFrame.from_records(records, columns=BASE_COLUMNS + columns + TAIL_COLUMNS)
    return frame.fillna("")


def _attachment(content: bytes | str, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def download(indicators: list, fmt: str, stem: str) -> HttpResponse:
    if fmt == "csv":
        text = figures_frame(indicators).to_csv(index=False, lineterminator="\n")
        return _attachment(text, "text/csv; charset=utf-8", f"{stem}.csv")
    if fmt == "xlsx":
        buffer = io.BytesIO()
        figures_frame(indicators).to_excel(buffer, index=False, sheet_name="figures")
        return _attachment(
            buffer.getvalue(),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            f"{stem}.xlsx",
        )
    if fmt == "json":
        through = latest_year()
        data = {"indicators": [indicator_data(i, through, None) for i in indicators]}
        text = json.dumps(data, ensure_ascii=False, indent=1)
        return _attachment(text, "application/json", f"{stem}.json")
    # Open SDG is one file per indicator: several indicators come as a zip.
    if len(indicators) == 1:
        return _attachment(
            export_csv(indicators[0], "opensdg"), "text/csv; charset=utf-8", f"{stem}-opensdg.csv"
        )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for indicator in indicators:
            archive.writestr(f"{indicator.code}.csv", export_csv(indicator, "opensdg"))
    return _attachment(buffer.getvalue(), "application/zip", f"{stem}-opensdg.zip")
