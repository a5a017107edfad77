import json

import pytest

from tests.conftest import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page, base, username, password="pw-for-tests-1", lang="lo"):
    page.goto(f"{base}/{lang}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("main button[type=submit]")
    page.wait_for_url(f"{base}/{lang}/")


def _check_in_lao(page, base, code, typed):
    """As a data officer, type a 2024 total on the Lao entry page and ask for a check."""
    make_user("officer", roles=["data_officer"])
    _log_in(page, base, "officer")
    page.goto(f"{base}/lo/figures/2024/")
    page.fill(f"[name='{code}--total-value']", typed)
    page.fill(f"[name='{code}--total-source']", "NRA dashboard")
    page.get_by_role("button", name="ກວດຕົວເລກ").click()


def test_a_data_officer_enters_5_256_ha_in_lao_and_the_api_gives_5256(live_server, demo, page):
    base = live_server.url
    _check_in_lao(page, base, "area-cleared", "5.256")
    understood = page.locator("[data-change='area-cleared--total'] .ux-understood")
    assert understood.inner_text() == "5.256 ເຮັກຕາ"
    page.get_by_role("button", name="ຢືນຢັນ ແລະ ບັນທຶກ").click()
    page.wait_for_url(f"{base}/lo/figures/2024/")
    assert "5.256 ເຮັກຕາ" in page.locator(".ux-messages").inner_text()
    api = page.request.get(f"{base}/api/v1/indicators/?year=2024")
    cleared = next(i for i in json.loads(api.text())["indicators"] if i["code"] == "area-cleared")
    assert [a["value"] for a in cleared["actuals"] if a["component"] is None] == [5256]


def test_an_ambiguous_figure_is_explained_in_lao_and_not_saved(live_server, demo, page):
    _check_in_lao(page, live_server.url, "casualties", "20.5")
    error = page.locator("[data-error-for='casualties--total-value']")
    assert "20,5" in error.inner_text() and "20.500" in error.inner_text()
    assert page.locator("#check").count() == 0


def test_a_chair_cannot_open_the_entry_page(live_server, demo, page):
    make_user("chair", roles=["chair"])
    base = live_server.url
    _log_in(page, base, "chair")
    response = page.goto(f"{base}/lo/figures/2024/")
    assert response.status == 403
