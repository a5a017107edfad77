import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_lao_home_page_shows_lao_text_and_lao_numbers(live_server, demo, page):
    page.goto(f"{live_server.url}/lo/")
    assert page.locator("html").get_attribute("lang") == "lo"
    assert page.get_by_role("heading", name="ເນື້ອທີ່ທີ່ໄດ້ຮັບການເກັບກູ້ລະເບີດ").is_visible()
    assert page.locator('[data-indicator="area-cleared"]').inner_text() == "5.815"
    assert page.locator('[data-indicator="cha-identified"]').inner_text() == "20.436"
    assert "58,2%" in page.locator("main").inner_text()


def test_switching_to_english_keeps_the_page_and_changes_the_numbers(live_server, demo, page):
    page.goto(f"{live_server.url}/lo/")
    page.get_by_role("link", name="English").click()
    page.wait_for_url(f"{live_server.url}/en/")
    assert page.locator('[data-indicator="area-cleared"]').inner_text() == "5,815"
    assert page.get_by_role("heading", name="Area cleared of UXO").is_visible()


def test_the_root_follows_the_browsers_language(live_server, demo, browser):
    context = browser.new_context(locale="en-GB")
    try:
        page = context.new_page()
        page.goto(f"{live_server.url}/")
        assert page.url == f"{live_server.url}/en/"
    finally:
        context.close()


def test_the_home_page_fits_a_phone_screen(live_server, demo, phone):
    phone.goto(f"{live_server.url}/lo/")
    overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    assert phone.locator('[data-indicator="area-cleared"]').is_visible()
