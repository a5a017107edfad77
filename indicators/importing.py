"""Reading a year's figures from a file: CSV or XLSX, in our simple layout or in the
Open SDG layout. Reading never writes: it gives rows and problems, and nothing is
imported while any problem remains (see services.actuals_import).

Files carry machine numbers: digits, a decimal point, no grouping ("5815.5"). A Lao
"20.436" in a file has three decimals and is refused with a hint, never read as 20.436.
"""

import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

import pandas as pd
from django.utils.translation import gettext as _

from .models import Actual, Indicator

SIMPLE = "simple"
OPENSDG = "opensdg"
SIMPLE_COLUMNS = ["year", "component", "value", "status", "source", "as_of", "note"]
# Open SDG columns that describe a figure rather than split it: kept, but not part of
# what makes a row the total or a part.
ATTRIBUTE_COLUMNS = ("UNIT_MEASURE", "GeoCode")
# Our components travel through Open SDG files as one more disaggregation column.
COMPONENT_COLUMN = "COMPONENT"
MACHINE_NUMBER = re.compile(r"[0-9]+(\.[0-9]+)?")
XLSX_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class Problem:
    line: int | None  # the spreadsheet's row number (the header is row 1)
    message: str


@dataclass
class Row:
    line: int
    year: int
    component_id: int | None
    disaggregation: dict
    attributes: dict
    value: Decimal
    status: str
    source: str
    as_of: date | None
    note: str

    def key(self) -> tuple:
        return (self.year, self.component_id, tuple(sorted(self.disaggregation.items())))


@dataclass
class Reading:
    layout: str | None = None
    rows: list[Row] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _cell(value) -> str:
    """A spreadsheet cell as text: numbers without float noise, dates in ISO."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(Decimal(repr(value)))
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def read_table(content: bytes) -> pd.DataFrame:
    """CSV (UTF-8) or XLSX, told apart by content, not by file name."""
    if content.startswith(XLSX_MAGIC):
        frame = pd.read_excel(io.BytesIO(content), dtype=object, engine="openpyxl")
    else:
        text = content.decode("utf-8-sig")
        if "\x00" in text:
            raise ValueError("binary")
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    frame.columns = [str(c).strip() for c in frame.columns]
    return frame.map(_cell)


def _number(text: str, indicator: Indicator, line: int, problems: list) -> Decimal | None:
    if text == "":
        problems.append(Problem(line, _("The value is missing: leave out a row that has no data.")))
        return None
    if text.startswith("-"):
        problems.append(
            Problem(line, _("“%(value)s”: a figure cannot be negative.") % {"value": text})
        )
        return None
    if not MACHINE_NUMBER.fullmatch(text):
        problems.append(
            Problem(
                line,
                _(
                    "“%(value)s” is not a number as files write them: digits, no grouping "
                    "marks, and a point for decimals (5815.5)."
                )
                % {"value": text},
            )
        )
        return None
    whole, _point, fraction = text.partition(".")
    if len(fraction) > 2:
        hint = whole + fraction if len(fraction) == 3 else None
        message = _("“%(value)s” has more than two decimals.") % {"value": text}
        if hint:
            message += " " + _("If it means thousands, write %(hint)s.") % {"hint": hint}
        problems.append(Problem(line, message))
        return None
    value = Decimal(text)
    if len(whole.lstrip("0")) > 12:
        problems.append(Problem(line, _("“%(value)s” is too large.") % {"value": text}))
        return None
    if indicator.is_count and value != value.to_integral_value():
        problems.append(
            Problem(
                line,
                _("“%(value)s” is not a whole number: this figure counts %(unit)s.")
                % {"value": text, "unit": indicator.get_unit_display()},
            )
        )
        return None
    return value


def _year(text: str, line: int, problems: list) -> int | None:
    if text.isascii() and text.isdigit() and 1970 <= int(text) <= 2100:
        return int(text)
    problems.append(
        Problem(line, _("“%(value)s” is not a year between 1970 and 2100.") % {"value": text})
    )
    return None


def _as_of(text: str, line: int, problems: list) -> date | None:
    if not text:
        return None
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    problems.append(
        Problem(
            line, _("“%(value)s” is not a date: write 2024-01-18 or 18/01/2024.") % {"value": text}
        )
    )
    return None


def _status(text: str, default: str, line: int, problems: list) -> str:
    if not text:
        return default
    if text.lower() in Actual.Status.values:
        return text.lower()
    problems.append(
        Problem(
            line,
            _("“%(value)s” is not a status: write provisional or final.") % {"value": text},
        )
    )
    return default


def read_figures(content: bytes, *, indicator: Indicator, source: str, status: str) -> Reading:
    """Read every row; collect every problem with its row number."""
    reading = Reading()
    try:
        frame = read_table(content)
    except Exception:  # pandas and openpyxl raise many kinds; all mean the same here
        reading.problems.append(
            Problem(None, _("The file could not be read: send a CSV (UTF-8) or XLSX file."))
        )
        return reading
    columns = list(frame.columns)
    if "Year" in columns and "Value" in columns:
        reading.layout = OPENSDG
    elif {"year", "value"} <= set(columns):
        reading.layout = SIMPLE
        unknown = [c for c in columns if c not in SIMPLE_COLUMNS]
        if unknown:
            reading.problems.append(
                Problem(1, _("Unknown columns: %(names)s.") % {"names": ", ".join(unknown)})
            )
            return reading
    else:
        reading.problems.append(
            Problem(
                1,
                _(
                    "The columns are not recognised. Use Year, any disaggregation columns "
                    "and Value (Open SDG), or year, component, value, status, source, as_of, "
                    "note (the template)."
                ),
            )
        )
        return reading
    components = {c.code: c.pk for c in indicator.components.all()}
    seen: dict[tuple, int] = {}
    for index, record in enumerate(frame.to_dict("records")):
        line = index + 2
        problems = reading.problems
        before = len(problems)
        if reading.layout == OPENSDG:
            row = _opensdg_row(record, line, indicator, components, source, status, problems)
        else:
            row = _simple_row(record, line, indicator, components, source, status, problems)
        if len(problems) > before or row is None:
            continue
        if row.key() in seen:
            problems.append(
                Problem(
                    line,
                    _("This row repeats the figure of row %(row)s.") % {"row": seen[row.key()]},
                )
            )
            continue
        seen[row.key()] = line
        reading.rows.append(row)
    if not reading.rows and not reading.problems:
        reading.problems.append(Problem(None, _("The file has no rows of figures.")))
    return reading


def _component(code: str, components: dict, line: int, problems: list) -> int | None:
    if not code:
        return None
    if code in components:
        return components[code]
    problems.append(
        Problem(
            line,
            _("“%(value)s” is not a component of this indicator (%(known)s).")
            % {"value": code, "known": ", ".join(components) or "—"},
        )
    )
    return None


def _opensdg_row(record, line, indicator, components, source, status, problems):
    year = _year(record.pop("Year"), line, problems)
    value = _number(record.pop("Value"), indicator, line, problems)
    component = _component(record.pop(COMPONENT_COLUMN, ""), components, line, problems)
    attributes = {k: record.pop(k) for k in ATTRIBUTE_COLUMNS if record.get(k)}
    for name in ATTRIBUTE_COLUMNS:
        record.pop(name, None)
    # A blank cell means "all": the row is the total over that column.
    disaggregation = {k: v for k, v in record.items() if v != ""}
    if year is None or value is None:
        return None
    return Row(line, year, component, disaggregation, attributes, value, status, source, None, "")


def _simple_row(record, line, indicator, components, source, status, problems):
    year = _year(record.get("year", ""), line, problems)
    value = _number(record.get("value", ""), indicator, line, problems)
    component = _component(record.get("component", ""), components, line, problems)
    row_status = _status(record.get("status", ""), status, line, problems)
    as_of = _as_of(record.get("as_of", ""), line, problems)
    row_source = record.get("source", "") or source
    if len(row_source) > 300:
        problems.append(Problem(line, _("The source is longer than 300 characters.")))
    if year is None or value is None:
        return None
    return Row(
        line, year, component, {}, {}, value, row_status, row_source, as_of, record.get("note", "")
    )


def blank_template_csv() -> str:
    return ",".join(SIMPLE_COLUMNS) + "\n"
