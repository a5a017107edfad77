"""Editions keep the approved figures; two years' reports compare side by side."""

import io

import pdfplumber
import pytest
from docx import Document

from indicators.models import Actual
from reporting.models import Edition
from reporting.pdf import ZWSP
from reporting.services import report_approve, report_create
from tests.conftest import make_member


@pytest.fixture
def approved(report_demo):
    chair = make_member("chair", "chair")
    report_demo.status = "submitted"
    report_demo.save()
    report_approve(report=report_demo, user=chair)
    return report_demo


def test_approval_keeps_an_edition_with_the_figures_of_that_day(client, approved):
    edition = Edition.objects.get(report=approved)
    assert edition.number == 1 and edition.approved_by.username == "chair"
    actual = Actual.objects.get(indicator__code="area-cleared", year=2023, component=None)
    actual.value = 6000  # a later correction
    actual.save()
    client.force_login(make_member("sec", "secretariat"))
    html = client.get(f"/en/editions/{edition.key}/").content.decode()
    assert "5,815 ha" in html and "6,000" not in html
    assert "58.2%" in html
    live = client.get(f"/en/reports/{approved.pk}/").content.decode()
    assert "6,000 ha" in live  # the live report shows the corrected figure


def _export_after_a_correction(client, approved, fmt):
    """The edition's download after the area cleared is corrected from 5,815 to 6,000."""
    edition = Edition.objects.get(report=approved)
    Actual.objects.filter(indicator__code="area-cleared", year=2023, component=None).update(
        value=6000
    )
    client.force_login(make_member("chair2", "chair"))
    return client.get(f"/en/editions/{edition.key}/export.{fmt}")


def test_the_edition_exports_the_approved_figures(client, approved):
    response = _export_after_a_correction(client, approved, "docx")
    document = Document(io.BytesIO(response.content))
    cells = " ".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "5,815 ha" in cells and "6,000" not in cells


def test_the_edition_pdf_prints_the_approved_figures(client, approved):
    response = _export_after_a_correction(client, approved, "pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="uxo-report-2023-edition-1.pdf"'
    )
    with pdfplumber.open(io.BytesIO(response.content)) as pdf:
        text = "".join(page.extract_text() for page in pdf.pages).replace(ZWSP, "")
    assert "5,815 ha" in text and "6,000" not in text


def test_an_edition_has_no_other_formats(client, approved):
    edition = Edition.objects.get(report=approved)
    client.force_login(make_member("chair2", "chair"))
    assert client.get(f"/en/editions/{edition.key}/export.odt").status_code == 404


def test_an_edition_is_for_readers_of_the_report_only(client, approved):
    edition = Edition.objects.get(report=approved)
    assert client.get(f"/en/editions/{edition.key}/").status_code == 302
    client.force_login(make_member("outsider", "chair", swg_code="other"))
    assert client.get(f"/en/editions/{edition.key}/").status_code == 403
    assert client.get(f"/en/editions/{edition.key}/export.docx").status_code == 403
    assert client.get(f"/en/editions/{edition.key}/export.pdf").status_code == 403


def test_reopening_and_approving_again_makes_a_second_edition(approved):
    from reporting.services import report_reopen

    chair = approved.editions.get().approved_by
    report_reopen(report=approved, user=chair, reason="Correction.")
    approved.status = "submitted"
    approved.save()
    report_approve(report=approved, user=chair)
    assert list(approved.editions.values_list("number", flat=True)) == [1, 2]


def test_two_years_compare_answers_and_figures(client, report_demo):
    secretariat = make_member("sec", "secretariat")
    newer = report_create(swg=report_demo.swg, year=2024, user=secretariat, from_last_year=True)
    answer = newer.answers.get(section__number="1")
    answer.text_en = "Report progress against the targets of the 9th NSEDP and SDG 18."
    answer.save()
    client.force_login(secretariat)
    response = client.get("/en/reports/compare/", {"a": report_demo.pk, "b": newer.pk})
    html = response.content.decode()
    assert response.status_code == 200
    assert '<del class="bg-danger-subtle">' in html
    assert "Figures 2023 and 2024" in html and "5,815 ha" in html


def test_comparing_needs_a_role(client, report_demo):
    from tests.conftest import make_user

    client.force_login(make_user("nobody"))
    assert client.get("/en/reports/compare/").status_code == 403
    client.logout()
    assert client.get("/en/reports/compare/").status_code == 302
