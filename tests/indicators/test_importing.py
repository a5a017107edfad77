"""Reading files and importing them: all or nothing, idempotent, round trip."""

import io
from decimal import Decimal

import pandas as pd
import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from indicators.exporting import export_csv
from indicators.importing import read_figures
from indicators.models import Actual, Indicator
from indicators.services import actuals_import

pytestmark = pytest.mark.django_db

OPENSDG = """Year,SERIES,Sex,Age,UNIT_MEASURE,GeoCode,Value
2022,VC_UXO,,,persons,LA,41
2022,VC_UXO,Male,,persons,LA,30
2022,VC_UXO,Female,,persons,LA,11
2023,VC_UXO,,,persons,LA,47
2023,VC_UXO,Male,,persons,LA,40
2023,VC_UXO,Female,,persons,LA,7
2023,VC_UXO,Male,Under 18,persons,LA,15
2023,VC_UXO,Male,18 and over,persons,LA,25
"""


def _read(text, code="casualties", **kw):
    indicator = Indicator.objects.get(code=code)
    content = text.encode() if isinstance(text, str) else text
    with translation.override("en"):
        reading = read_figures(
            content, indicator=indicator, source="test file", status="final", **kw
        )
    return indicator, reading


def _import(text, code="casualties"):
    indicator, reading = _read(text, code)
    assert reading.problems == []
    return actuals_import(indicator=indicator, rows=reading.rows)


def test_an_open_sdg_file_keeps_every_column_and_value_as_it_came(demo):
    _import(OPENSDG)
    boys = Actual.objects.get(
        indicator__code="casualties",
        year=2023,
        disaggregation={"SERIES": "VC_UXO", "Sex": "Male", "Age": "Under 18"},
    )
    assert boys.value == 15
    assert boys.attributes == {"UNIT_MEASURE": "persons", "GeoCode": "LA"}
    assert (boys.source, boys.status) == ("test file", "final")


def test_importing_the_same_file_twice_changes_nothing(demo):
    first = _import(OPENSDG)
    assert (len(first.created), len(first.updated)) == (8, 0)
    snapshot = list(Actual.objects.order_by("pk").values())
    second = _import(OPENSDG)
    assert (len(second.created), len(second.updated), second.unchanged) == (0, 0, 8)
    assert list(Actual.objects.order_by("pk").values()) == snapshot


def test_a_file_with_one_bad_row_imports_nothing_and_names_every_problem(demo):
    bad = OPENSDG + "2024,VC_UXO,,,persons,LA,20.5\n2025,VC_UXO,,,persons,LA,-3\n20x,,,,,,4\n"
    indicator, reading = _read(bad)
    assert [p.line for p in reading.problems] == [10, 11, 12]
    assert "whole number" in reading.problems[0].message
    before = Actual.objects.count()
    with pytest.raises(CommandError):
        call_command("import_actuals", _write(bad), "--indicator", "casualties")
    assert Actual.objects.count() == before


def test_a_lao_grouped_number_in_a_file_is_refused_with_a_hint(demo):
    _indicator, reading = _read("Year,Value\n2024,20.436\n", code="cha-identified")
    (problem,) = reading.problems
    assert problem.line == 2
    assert "20436" in problem.message


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ('Year,Value\n2024,"20,436"\n', "not a number as files write them"),
        ("Year,Value\n2024,5815\n2024,5816\n", "repeats the figure of row 2"),
        ("Year,Value\n1800,5\n", "not a year"),
        ("foo,bar\n1,2\n", "columns are not recognised"),
        ("year,value,colour\n2024,5,red\n", "Unknown columns: colour"),
        ("year,component,value\n2024,wounded,5\n", "not a component of this indicator"),
        ("year,value,status\n2024,5,maybe\n", "not a status"),
        ("year,value,as_of\n2024,5,yesterday\n", "not a date"),
        ("Year,Value\n", "no rows of figures"),
    ],
)
def test_each_kind_of_bad_file_is_explained(demo, text, fragment):
    _indicator, reading = _read(text, code="area-cleared")
    assert any(fragment in p.message for p in reading.problems), reading.problems


def test_a_renamed_binary_file_is_refused(demo):
    _indicator, reading = _read(b"MZ\x90\x00\x03\x00\x00\x00\x04\x00", code="area-cleared")
    assert "could not be read" in reading.problems[0].message


def test_the_template_layout_reads_components_status_and_dates(demo):
    text = (
        "year,component,value,status,source,as_of,note\n"
        "2024,,5256,final,NRA,2025-01-20,\n"
        "2024,agricultural,5000,,,20/01/2025,checked\n"
        "2024,development,256,,,,\n"
    )
    _import(text, code="area-cleared")
    rows = {
        (a.component.code if a.component else None): a
        for a in Actual.objects.filter(indicator__code="area-cleared", year=2024)
    }
    assert rows[None].value == 5256 and rows[None].status == "final"
    assert rows[None].as_of.isoformat() == "2025-01-20"
    assert rows["agricultural"].as_of.isoformat() == "2025-01-20"
    assert (rows["agricultural"].source, rows["agricultural"].note) == ("test file", "checked")
    assert rows["development"].status == "final"  # the default given for the file


def test_an_xlsx_file_is_read_like_a_csv(demo):
    frame = pd.DataFrame({"Year": [2024, 2024], "Sex": ["", "Male"], "Value": [20436.5, 12]})
    buffer = io.BytesIO()
    frame.to_excel(buffer, index=False)
    _indicator, reading = _read(buffer.getvalue(), code="cha-identified")
    assert reading.problems == []
    assert [(r.disaggregation, r.value) for r in reading.rows] == [
        ({}, Decimal("20436.5")),
        ({"Sex": "Male"}, Decimal(12)),
    ]


def test_export_gives_the_imported_rows_again(demo):
    _import(OPENSDG)
    exported = export_csv(Indicator.objects.get(code="casualties"), "opensdg")
    frame = pd.read_csv(io.StringIO(exported), dtype=str, keep_default_na=False)
    original = pd.read_csv(io.StringIO(OPENSDG), dtype=str, keep_default_na=False)
    imported = frame[frame["COMPONENT"] == ""].drop(columns=["COMPONENT"])
    as_rows = lambda f: sorted(  # noqa: E731
        tuple(sorted(r.items())) for r in f[sorted(original.columns)].to_dict("records")
    )
    # The demo's own 2023 total (47, no SERIES) is there too; the file's rows all come back.
    assert set(as_rows(original)) <= set(as_rows(imported))
    assert len(imported) == len(original) + 1


def test_an_exported_file_imports_back_unchanged(demo):
    indicator = Indicator.objects.get(code="area-cleared")
    for layout in ("opensdg", "simple"):
        text = export_csv(indicator, layout)
        plan = _import(text, code="area-cleared")
        if layout == "opensdg":  # sources are not part of the Open SDG layout
            assert len(plan.created) == 0
        else:
            assert (len(plan.created), len(plan.updated)) == (0, 0)


def _write(text) -> str:
    import tempfile

    handle = tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, encoding="utf-8")
    handle.write(text)
    handle.close()
    return handle.name


def test_the_import_command_dry_run_writes_nothing(demo, capsys):
    before = Actual.objects.count()
    call_command("import_actuals", _write(OPENSDG), "--indicator", "casualties", "--dry-run")
    assert "8 would be created" in capsys.readouterr().out
    assert Actual.objects.count() == before


def test_the_import_command_imports_and_reports(demo, capsys):
    path = _write(OPENSDG)
    call_command("import_actuals", path, "--indicator", "casualties")
    assert "8 were created" in capsys.readouterr().out
    call_command("import_actuals", path, "--indicator", "casualties")
    assert "8 unchanged" in capsys.readouterr().out


def test_the_import_command_refuses_an_unknown_indicator(demo):
    with pytest.raises(CommandError, match="No indicator"):
        call_command("import_actuals", _write(OPENSDG), "--indicator", "nope")


def test_the_export_command_writes_to_a_file_or_standard_output(demo, tmp_path, capsys):
    call_command("export_actuals", "--indicator", "area-cleared", "--format", "opensdg")
    out = capsys.readouterr().out
    assert out.splitlines() == [
        "Year,COMPONENT,Value",
        "2023,,5815",
        "2023,agricultural,5190",
        "2023,development,625",
    ]
    path = tmp_path / "out.csv"
    call_command("export_actuals", "--indicator", "area-cleared", "--output", str(path))
    assert path.read_text() == out
