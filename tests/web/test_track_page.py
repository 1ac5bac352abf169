"""The public track page in a real browser: several numbers and a typo, the map, a live update."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from playwright.sync_api import expect

from tests.web.conftest import Site, shot

DELIVERED = "PTS01000000016"
CUSTOMS = "PTS02000000014"
RETURNED = "PTS04000000010"
TYPO = "PTS01000000017"  # DELIVERED with the check digit mistyped


def test_several_numbers_and_a_typo(page: Any, site: Site) -> None:
    page.goto(f"{site.url}/track")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.get_by_label("Tracking numbers or a shipping e-mail").fill(f"{DELIVERED}\n{CUSTOMS}, {RETURNED}\n{TYPO}")
    page.get_by_role("button", name="Track").click()
    page.wait_for_url(re.compile(r"/track\?q="))
    for number in (DELIVERED, CUSTOMS, RETURNED):
        card = page.locator(f"#card-{number}")
        expect(card).to_be_visible()
        expect(card.locator(".carrier")).to_contain_text("parceltrail sandbox network")
        expect(card.locator(".events li").first).to_be_visible()  # fetched at once: a timeline
        expect(card.locator(".progress li")).to_have_count(5)
    expect(page.locator(f"#card-{DELIVERED} .legs")).to_contain_text("PTS91000000017")  # the handover leg
    expect(page.locator(f"#card-{DELIVERED} figure.map svg circle").first).to_be_attached()
    problem = page.locator("article.notfound")
    expect(problem).to_contain_text(TYPO)
    expect(problem.get_by_role("link", name=DELIVERED)).to_be_visible()  # the likely correction
    shot(page, "track-several-numbers")
    problem.get_by_role("link", name=DELIVERED).click()
    page.wait_for_url(f"**/track/{DELIVERED}")
    expect(page.locator(f"#card-{DELIVERED}")).to_be_visible()
    shot(page, "track-one-number")
