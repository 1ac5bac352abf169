"""Languages and time zones in a real browser: Accept-Language, the switcher, the cookie, local dates."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

from parceltrail.adapters.sandbox.scenarios import Scenario, make_number
from parceltrail.domain.orders import Role
from parceltrail.services.marketplace.users import create_user
from tests.web.conftest import PASSWORD, Site, shot

NUMBER = "PTS01000000016"


def test_language_from_the_browser_then_switched(browser: Any, site: Site) -> None:
    context = browser.new_context(locale="pt-BR", timezone_id="Asia/Shanghai", viewport={"width": 420,
                                                                                         "height": 900})
    page = context.new_page()
    try:
        site.follow(NUMBER)
        page.goto(f"{site.url}/track/{NUMBER}")
        html = page.locator("html")
        expect(html).to_have_attribute("lang", "pt")
        expect(page.get_by_role("heading", level=1)).to_have_text("Rastrear encomendas")
        # First visit: app.js stores the browser's zone and reloads once; dates are then in that zone.
        expect(page.locator("footer")).to_contain_text("Asia/Shanghai")
        expect(html).to_have_attribute("data-tz", "Asia/Shanghai")
        card = page.locator(f"#card-{NUMBER}")
        expect(card.locator(".progress")).to_contain_text("Entregue")
        shot(page, "lang-pt")

        page.get_by_role("navigation", name="Idioma").get_by_role("link", name="Русский").click()
        expect(html).to_have_attribute("lang", "ru")
        expect(page.get_by_role("heading", level=1)).to_have_text("Отслеживание посылок")
        expect(card.locator(".progress")).to_contain_text("Доставлено")
        expect(card.locator(".timeline h4").first).to_contain_text("2026 г.")  # Russian dates
        shot(page, "lang-ru")

        page.goto(f"{site.url}/track")  # the choice is kept (cookie), over Accept-Language
        expect(html).to_have_attribute("lang", "ru")
        page.get_by_role("link", name="中文").click()
        expect(html).to_have_attribute("lang", "zh")
        expect(page.get_by_role("heading", level=1)).to_have_text("查询包裹")
        page.goto(f"{site.url}/track/{NUMBER}")
        expect(page.locator(f"#card-{NUMBER} .progress")).to_contain_text("已签收")
        shot(page, "lang-zh")
        page.goto(f"{site.url}/track/{NUMBER}?lang=es")
        expect(html).to_have_attribute("lang", "es")
        expect(page.locator(f"#card-{NUMBER} .progress")).to_contain_text("Entregado")
        shot(page, "lang-es")
    finally:
        context.close()


def test_russian_counts_take_their_three_forms(page: Any, site: Site) -> None:
    """The operator's page counts the tracked parcels: 1, 2 and 5 take Russian's three plural forms."""
    create_user(site.runtime.store, "admin@example.com", PASSWORD, Role.ADMIN, site.clock.now())
    # Parcels that never reach a second carrier: each number stays one tracked shipment.
    numbers = [make_number(Scenario.UNREGISTERED, serial) for serial in range(1, 6)]
    site.runtime.tracker.register(numbers[0])
    page.goto(f"{site.url}/login?next=/parcels&lang=en")
    page.get_by_label("E-mail").fill("admin@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{site.url}/parcels")
    count = page.locator("main h1 + p")
    page.goto(f"{site.url}/parcels?lang=ru")
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(count).to_have_text("Отслеживается 1 посылка")
    site.runtime.tracker.register(numbers[1])
    page.reload()
    expect(count).to_have_text("Отслеживается 2 посылки")
    for number in numbers[2:]:
        site.runtime.tracker.register(number)
    page.reload()
    expect(count).to_have_text("Отслеживается 5 посылок")
    expect(page.locator("main tbody tr")).to_have_count(5)
    # The carrier's name is the page language's own, as on the track page's cards.
    expect(page.locator("main tbody tr").first.locator("small")).to_have_text("тестовая сеть parceltrail")
    shot(page, "lang-ru-counts")
