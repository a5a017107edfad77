import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(("lang", "figure"), [("lo", "5.815"), ("en", "5,815")])
def test_the_overview_shows_figures_standings_and_downloads(live_server, demo, page, lang, figure):
    page.goto(f"{live_server.url}/{lang}/indicators/")
    row = page.locator('tr[data-indicator="area-cleared"]')
    assert row.locator("[data-value]").inner_text() == figure
    assert page.locator("#overview tbody tr").count() == 5
    links = page.locator("#downloads-all a")
    assert links.count() == 4
    response = page.request.get(live_server.url + links.first.get_attribute("href"))
    assert response.ok and "area-cleared" in response.text()


@pytest.mark.parametrize(("lang", "separator"), [("lo", "10.000"), ("en", "10,000")])
def test_an_indicator_page_draws_its_charts_beside_their_tables(
    live_server, demo, page, lang, separator
):
    page.goto(f"{live_server.url}/{lang}/indicators/area-cleared/")
    chart = page.locator('[data-chart="trend-chart"]')
    chart.locator(".main-svg").first.wait_for()
    assert chart.get_attribute("data-drawn") == "true"
    assert chart.locator(".bars path").count() >= 1  # the 2023 bar is drawn
    assert separator in chart.locator(".ytick text").all_text_contents()
    assert page.locator("#trend-table").is_visible()
    assert page.locator("#downloads a[download]").count() == 4


def test_without_javascript_the_tables_carry_the_numbers(live_server, demo, browser):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{live_server.url}/en/indicators/area-cleared/")
        assert page.locator("#trend-table").is_visible()
        assert "5,815" in page.locator("#trend-table").inner_text()
        assert not page.locator('[data-chart="trend-chart"]').is_visible()
        page.goto(f"{live_server.url}/en/indicators/")
        assert page.locator("#overview").is_visible()
    finally:
        context.close()


def test_the_embeddable_chart_draws_inside_another_page(live_server, demo, page):
    src = f"{live_server.url}/en/indicators/casualties/embed/"
    page.set_content(f'<iframe src="{src}" width="640" height="420"></iframe>')
    frame = page.frame_locator("iframe")
    frame.locator('[data-chart="trend-chart"] .main-svg').first.wait_for()
    assert frame.locator('[data-chart="trend-chart"]').get_attribute("data-drawn") == "true"


def test_the_dashboard_draws_for_a_chair(live_server, demo, page):
    from tests.conftest import make_user

    make_user("chair", roles=["chair"])
    page.goto(f"{live_server.url}/en/accounts/login/")
    page.fill("input[name=username]", "chair")
    page.fill("input[name=password]", "pw-for-tests-1")
    page.click("main button[type=submit]")
    page.goto(f"{live_server.url}/en/dashboard/")
    page.locator('[data-chart="ceilings-chart"] .main-svg').first.wait_for()
    assert page.locator("#matrix").is_visible()
    assert page.locator("#attention [data-kind=off_target]").count() == 6
