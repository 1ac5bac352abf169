"""The public track page in a real browser: several numbers and a typo, the map, a live update."""

from __future__ import annotations

import re
import time
from datetime import timedelta
from typing import Any

import httpx
from playwright.sync_api import expect

from tests.web.conftest import Site, shot

DELIVERED = "PTS01000000016"
CUSTOMS = "PTS02000000014"
RETURNED = "PTS04000000010"
TYPO = "PTS01000000017"  # DELIVERED with the check digit mistyped


def test_several_numbers_and_a_typo(page: Any, site: Site) -> None:
    page.goto(f"{site.url}/track")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    form = page.get_by_label("Tracking numbers or a shipping e-mail")
    form.fill(f"{DELIVERED}\n{CUSTOMS}, {RETURNED}\n{TYPO}")
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


def test_a_live_update_arrives_without_a_reload(page: Any, site: Site) -> None:
    site.follow(DELIVERED)
    page.goto(f"{site.url}/track/{DELIVERED}")
    card = page.locator(f"#card-{DELIVERED}")
    count = card.locator(".timeline .count")
    before = count.inner_text()
    checked = card.locator(".facts time.checked").get_attribute("datetime")
    page.evaluate("window.notReloaded = true")
    site.advance(timedelta(days=3))  # the engine polls what is due; the page hears of it over SSE
    expect(count).not_to_have_text(before, timeout=20_000)
    expect(card.locator(".facts time.checked")).not_to_have_attribute("datetime", checked or "")
    expect(page.locator("#live-status")).to_contain_text("Updated")
    assert page.evaluate("window.notReloaded") is True
    shot(page, "track-live-update")


def _shown_events(site: Site, number: str) -> int:
    """How many scans the number's card counts (every leg's), read from the database."""
    with site.runtime.store.read() as repo:
        shipment = repo.shipments.find(number)
        assert shipment is not None
        legs = repo.shipments.chain(shipment)
        return len(repo.shipments.events([leg.id for leg in legs if leg.id is not None]))


def test_a_change_while_the_page_connects_is_shown_at_once(page: Any, site: Site) -> None:
    """New scans stored after the page was rendered but before its live stream started reach the page."""
    site.follow(DELIVERED)
    before = _shown_events(site, DELIVERED)

    def connect_late(route: Any) -> None:
        """The stream starts only once the poller has stored the new scans of every leg (the count has
        moved and then held still for a second), so nothing changes after it starts."""
        site.advance(timedelta(days=3))
        deadline = time.monotonic() + 60
        seen, still_since = before, time.monotonic()
        while time.monotonic() < deadline:
            now = _shown_events(site, DELIVERED)
            if now != seen:
                seen, still_since = now, time.monotonic()
            elif now != before and time.monotonic() - still_since > 1.0:
                break
            time.sleep(0.05)
        route.continue_()

    page.route(re.compile(r"/track/events\?"), connect_late)
    page.goto(f"{site.url}/track/{DELIVERED}")
    count = page.locator(f"#card-{DELIVERED} .timeline .count")
    expect(count).not_to_have_text(f"({before})", timeout=60_000)
    deadline = time.monotonic() + 30  # the page then follows the database (later scans come over the hub)
    while count.inner_text() != f"({_shown_events(site, DELIVERED)})" and time.monotonic() < deadline:
        page.wait_for_timeout(200)
    assert count.inner_text() == f"({_shown_events(site, DELIVERED)})"
    expect(page.locator("#live-status")).to_contain_text("Updated")


def test_bad_input_is_a_4xx_page_not_a_500(page: Any, site: Site) -> None:
    for path, status in ((f"/track/{'9' * 300}", 400), ("/track/NOT-A-NUMBER", 404), ("/track?q=hello", 400),
                         ("/orders/abc", 303), ("/track/%00/card", 400)):
        response = page.request.get(f"{site.url}{path}", max_redirects=0)
        assert response.status == status, (path, response.status)
        if status != 303:  # signed out: on to the sign-in page
            assert "text/html" in response.headers["content-type"]
    response = page.request.post(f"{site.url}/track", form={"q": "nothing to see here"})
    assert response.status == 400


def test_one_number_stream_speaks_sse(page: Any, site: Site) -> None:
    site.follow(CUSTOMS)  # registers and fetches it
    with httpx.stream("GET", f"{site.url}/track/{CUSTOMS}/events", timeout=10) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        first = next(response.iter_text())
    assert first.startswith("retry:")
    assert httpx.get(f"{site.url}/track/PTS06000000015/events", timeout=10).status_code == 404  # not tracked


def test_looking_never_registers_the_button_does(page: Any, site: Site) -> None:
    def stored() -> bool:
        with site.runtime.store.read() as repo:
            return repo.shipments.find(RETURNED) is not None

    answer = page.goto(f"{site.url}/track/{RETURNED}")
    assert answer is not None and answer.status == 404
    problem = page.locator("article.notfound")
    expect(problem).to_contain_text("not followed here")
    for path in (f"/track/{RETURNED}/card", f"/track/{RETURNED}/events", f"/track/events?q={RETURNED}"):
        assert page.request.get(f"{site.url}{path}").status == 404, path
    # a foreign page's form cannot start it either
    refused = page.request.post(f"{site.url}/track", form={"q": RETURNED}, max_redirects=0,
                                headers={"Origin": "https://evil.example"})
    assert refused.status == 403
    assert not stored()
    problem.get_by_role("button", name="Track this parcel").click()
    page.wait_for_url(f"**/track/{RETURNED}")
    card = page.locator(f"#card-{RETURNED}")
    expect(card).to_be_visible()
    expect(card.locator(".events li").first).to_be_visible()  # fetched at once
    assert stored()
    shot(page, "track-start-following")


def test_the_button_on_a_several_numbers_page_comes_back_to_it(page: Any, site: Site) -> None:
    site.follow(DELIVERED)
    page.goto(f"{site.url}/track?q={DELIVERED}+{CUSTOMS}")
    expect(page.locator(f"#card-{DELIVERED}")).to_be_visible()
    expect(page.locator(f"#card-{CUSTOMS}")).to_have_count(0)
    page.locator("article.notfound").get_by_role("button", name="Track this parcel").click()
    page.wait_for_url(re.compile(r"/track\?q="))
    expect(page.locator(f"#card-{CUSTOMS}")).to_be_visible()
    expect(page.locator(f"#card-{DELIVERED}")).to_be_visible()
