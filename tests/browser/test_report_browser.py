import pytest

from reporting.models import Report
from tests.conftest import make_member
from tests.reporting.test_workflow import explain_misses

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page, base, username):
    page.context.clear_cookies()
    page.goto(f"{base}/en/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "pw-for-tests-1")
    page.click("main button[type=submit]")
    page.wait_for_url(f"{base}/en/")


def test_a_report_goes_from_draft_to_approved_and_is_then_read_only(live_server, report_demo, page):
    base = live_server.url
    make_member("sec", "secretariat")
    make_member("chair", "chair")
    explain_misses()
    report_url = f"{base}/en/reports/{report_demo.pk}/"

    # The secretariat fills section 3.a in Lao and English, saves and submits.
    _log_in(page, base, "sec")
    page.goto(report_url)
    page.locator("#section-3\\.a").get_by_role("link", name="Edit").click()
    page.fill("textarea[name=text_lo]", "ບຸລິມະສິດປີ 2024: ທົບທວນການເຮັດວຽກຂອງ ຄຊກລ.")
    page.fill("textarea[name=text_en]", "Priorities for 2024: review how the NRA works.")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(f"{report_url}#section-3.a")
    assert "review how the NRA works" in page.locator("#section-3\\.a").inner_text()
    page.get_by_role("button", name="Submit to the chair and co-chairs").click()
    assert page.locator("[data-status=submitted]").first.is_visible()

    # The chair returns it with a comment.
    _log_in(page, base, "chair")
    page.goto(report_url)
    page.fill("#return-text", "Add the prioritisation system to 3.a.")
    page.get_by_role("button", name="Return with this comment").click()
    assert page.locator("[data-status=returned]").first.is_visible()

    # The secretariat sees the comment, corrects and resubmits.
    _log_in(page, base, "sec")
    page.goto(report_url)
    assert "Add the prioritisation system" in page.locator("#return-comment").inner_text()
    page.locator("#section-3\\.a").get_by_role("link", name="Edit").click()
    page.fill(
        "textarea[name=text_en]",
        "Priorities for 2024: review the NRA; a national prioritisation system.",
    )
    page.get_by_role("button", name="Save").click()
    page.get_by_role("button", name="Submit to the chair and co-chairs").click()
    assert page.locator("[data-status=submitted]").first.is_visible()

    # The chair approves; the report is then read-only for everyone.
    _log_in(page, base, "chair")
    page.goto(report_url)
    page.get_by_role("button", name="Approve").click()
    assert page.locator("[data-status=approved]").first.is_visible()
    assert Report.objects.get(pk=report_demo.pk).status == "approved"
    for user in ("chair", "sec"):
        _log_in(page, base, user)
        page.goto(report_url)
        assert page.get_by_role("link", name="Edit", exact=True).count() == 0
        assert page.get_by_role("link", name="Edit the people").count() == 0
        assert page.get_by_role("button", name="Submit to the chair and co-chairs").count() == 0
    section = report_demo.answers.get(section__number="3.a").section_id
    assert page.goto(f"{report_url}sections/{section}/").status == 403
