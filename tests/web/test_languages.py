"""Languages and time zones in a real browser: Accept-Language, the switcher, the cookie, local dates."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

from tests.web.conftest import Site, shot

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
