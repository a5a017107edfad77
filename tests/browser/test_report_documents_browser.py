"""Browser journeys of the report documents: key results, the figures check, downloads."""

import io

import pytest
from docx import Document

from tests.browser.test_report_browser import _log_in
from tests.conftest import make_member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_secretariat_inserts_a_key_result_and_the_check_catches_a_wrong_percentage(
    live_server, report_demo, page
):
    base = live_server.url
    make_member("sec", "secretariat")
    make_member("chair", "chair")
    section = report_demo.answers.get(section__number="2").section_id
    section_url = f"{base}/lo/reports/{report_demo.pk}/sections/{section}/"

    _log_in(page, base, "sec")
    page.goto(section_url)
    # The Lao interface: the generated sentences are offered in both languages.
    row = page.locator("[data-key-result=area-cleared]")
    assert "5.815 ເຮັກຕາ" in row.locator("td[lang=lo]").inner_text()
    row.get_by_role("button", name="ໃສ່").click()
    assert page.input_value("textarea[name=text_lo]").startswith("ໃນປີ 2023, ໄດ້ເກັບກູ້")
    assert "58.2% of the 9th NSEDP" in page.input_value("textarea[name=text_en]")

    # The prose of 2023 said 54%; the check shows the computed 58.2% before saving.
    page.fill("textarea[name=text_en]", "Clearance achieved 54% of the national target.")
    page.get_by_role("button", name="ກວດຕົວເລກ").click()
    finding = page.locator("#narrative-check [data-finding=percent_mismatch]")
    assert "58,2%" in finding.inner_text()

    # Corrected and saved, the report shows no finding for the chair to review.
    page.fill("textarea[name=text_en]", "Clearance achieved 58.2% of the national target.")
    page.get_by_role("button", name="ບັນທຶກ", exact=True).click()
    page.wait_for_url(f"**/reports/{report_demo.pk}/#section-2")
    _log_in(page, base, "chair")
    page.goto(f"{base}/lo/reports/{report_demo.pk}/")
    assert page.locator("#narrative-check [data-finding=none]").is_visible()


def test_the_chair_downloads_the_report_as_word(live_server, report_demo, page):
    base = live_server.url
    make_member("chair", "chair")
    _log_in(page, base, "chair")
    page.goto(f"{base}/en/reports/{report_demo.pk}/")
    with page.expect_download() as info:
        page.locator("#report-downloads").get_by_role("link", name="Word (DOCX)").click()
    download = info.value
    assert download.suggested_filename == "uxo-report-2023.docx"
    with open(download.path(), "rb") as file:
        text = "\n".join(p.text for p in Document(io.BytesIO(file.read())).paragraphs)
    assert "Unexploded Ordnance (UXO) Sector Working Group" in text
