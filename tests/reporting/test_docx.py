import io

import pytest
from django.core.management import call_command
from docx import Document
from docx.oxml.ns import qn

from reporting.document import build_document
from reporting.docx_export import LAO_FONT, render_docx
from tests.conftest import make_member


@pytest.fixture
def docx_text(report_demo):
    document = Document(io.BytesIO(render_docx(build_document(report_demo))))
    paragraphs = [p.text for p in document.paragraphs]
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return document, "\n".join(paragraphs + cells)


def test_the_docx_holds_both_questions_of_every_section(docx_text, report_demo):
    _document, text = docx_text
    for section in report_demo.template.sections.all():
        assert section.question_lo in text
        assert section.question_en in text


def test_the_docx_names_every_person(docx_text, report_demo):
    _document, text = docx_text
    for person in report_demo.people.all():
        assert person.name in text and person.position in text


def test_the_docx_key_figures_give_58_2_percent_for_clearance(docx_text):
    document, _text = docx_text
    figures = document.tables[-1]
    rows = [[c.text for c in row.cells] for row in figures.rows]
    clearance = [r for r in rows if "Area cleared of UXO" in r[0]]
    assert clearance and all("58.2%" in r[4] and "58,2%" in r[4] for r in clearance)
    assert any("not met" in r[4] for r in clearance)


def test_lao_runs_carry_the_lao_font_in_the_complex_script_slot(docx_text):
    document, _text = docx_text
    lao_runs = [r for p in document.paragraphs for r in p.runs if "ລ" in r.text or "ນ" in r.text]
    assert lao_runs
    for run in lao_runs:
        fonts = run._element.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:cs")) == LAO_FONT
        assert run._element.rPr.find(qn("w:lang")).get(qn("w:bidi")) == "lo-LA"


def test_the_command_writes_a_docx(report_demo, tmp_path, capsys):
    path = tmp_path / "report.docx"
    call_command("export_report", "2023", "--format", "docx", "--output", str(path))
    assert path.read_bytes().startswith(b"PK")
    assert "Wrote" in capsys.readouterr().out


def test_the_command_explains_a_missing_report(report_demo, tmp_path):
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="No report"):
        call_command("export_report", "2019", "--format", "docx", "--output", str(tmp_path / "x"))


def test_the_page_download_is_for_readers_only(client, report_demo):
    url = f"/en/reports/{report_demo.pk}/export.docx"
    assert client.get(url).status_code == 302  # anonymous: log in first
    client.force_login(make_member("outsider", "chair", swg_code="other"))
    assert client.get(url).status_code == 403
    client.force_login(make_member("chair", "chair"))
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="uxo-report-2023.docx"'
    assert client.get(f"/en/reports/{report_demo.pk}/export.odt").status_code == 404
    assert client.post(url).status_code == 405
