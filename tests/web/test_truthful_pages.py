"""What a shopper sees is true and complete, in Chromium at desktop and mobile sizes and in every page
language: one next step per card, never an estimate before the last scan or before today, no raw codes,
progress that tells export from import customs and shows refusals at the delivery step, a summary of
several parcels, HTML error pages, and the operator's list behind sign-in. Screenshots: test-artifacts/.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
from playwright.sync_api import expect

from parceltrail.adapters.sandbox.journeys import journey
from parceltrail.adapters.sandbox.scenarios import DEMO_SERIAL_BASE, Scenario, make_number, serial_for
from parceltrail.entrypoints.web.i18n import LANGS, Locale, catalog
from parceltrail.status import message
from tests.web.conftest import START, Site, shot

EPOCH = START - timedelta(days=10)  # the site fixture's sandbox epoch
NOW = EPOCH + timedelta(days=4, hours=6)
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "mobile": {"width": 390, "height": 844}}
RAW_CODE = re.compile(r"\b(?:Pending|InfoReceived|InTransit|OutForDelivery|AttemptFail|Delivered|Exception|"
                      r"AvailableForPickup|Expired)_\d{3}\b")
INTERNAL = re.compile(r"\bpostal-[a-z-]+|\bcourier-[a-z]+|\binvalid_[a-z_]+|\{[a-z_]+\}")


def _latest_code(number: str, at: datetime) -> str | None:
    """The latest scan's code at `at`, as the site's sandbox tells the journey (main leg and last mile)."""
    main = journey(number, EPOCH, demo=False)
    last = journey(main.next_leg, EPOCH, demo=False) if main and main.next_leg else None
    seen = [*(main.visible_events(at) if main else []), *(last.visible_events(at) if last else [])]
    return max(seen, key=lambda e: e.occurred_at).code if seen else None


def _number_where(family: Scenario, at: datetime, codes: set[str], odd: bool | None = None, *,
                  demo: bool = False) -> str:
    """A sandbox number of `family` whose latest scan at `at` is one of `codes` (journeys are pure
    functions of the number, so this is the journey the site's sandbox tells). Test serials all start
    at the epoch; serials from DEMO_SERIAL_BASE up start up to 12 days earlier (`demo`)."""
    for k in range(3000):
        serial = DEMO_SERIAL_BASE + k if demo else serial_for("BR", k)
        if odd is not None and serial % 2 != int(odd):
            continue
        if _latest_code(make_number(family, serial), at) in codes:
            return make_number(family, serial)
    raise AssertionError(f"no {family.name} journey is at {codes} on {at}")


@dataclass
class Parcels:
    export_customs: str
    cleared: str
    refused: str
    held: str
    lost: str

    def all(self) -> list[str]:
        return [self.export_customs, self.cleared, self.refused, self.held, self.lost]


@pytest.fixture
def parcels(site: Site) -> Parcels:
    # Four days into the test journeys, when some parcel is at export customs; older (demo-serial)
    # journeys are cleared, held or refused by then. Nothing is registered yet, so the clock may be set.
    site.clock.set(NOW)
    found = Parcels(
        export_customs=_number_where(Scenario.DELIVERED, NOW, {"EXC"}),
        cleared=_number_where(Scenario.DELIVERED, NOW, {"HND", "TRF", "ARD"}, demo=True),
        refused=_number_where(Scenario.RETURNED, NOW, {"RFS", "RTS"}, odd=True, demo=True),
        held=_number_where(Scenario.CUSTOMS_HOLD, NOW, {"HLD"}, demo=True),
        lost=_number_where(Scenario.LOST, NOW, {"DEP"}, odd=True))
    tracker = site.runtime.tracker
    shipments = [tracker.register(number) for number in found.all()]
    tracker.refresh(shipments)
    for shipment in shipments:  # the whole chain, so every page reads the same stored state
        legs = tracker.timeline(shipment.id or 0).legs
        tracker.refresh([leg for leg in legs if leg.last_checked_at is None])
    return found


@pytest.fixture
def tab(browser: Any, site: Site, request: pytest.FixtureRequest) -> Iterator[Any]:
    lang, size = getattr(request, "param", ("en", "desktop"))
    context = browser.new_context(locale=lang, timezone_id="America/Sao_Paulo", viewport=VIEWPORTS[size])
    context.set_default_timeout(15_000)
    context.add_cookies([{"name": "parceltrail_tz", "value": "America%2FSao_Paulo", "url": site.url},
                         {"name": "parceltrail_lang", "value": lang, "url": site.url}])
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.lang, page.size = lang, size
    yield page
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


def _check_card(card: Any, lang: str, today: date) -> None:
    text = card.inner_text()
    assert not RAW_CODE.search(text), text
    assert not INTERNAL.search(text), text
    # one next step, and it belongs to the warning when there is one (never "nothing to do" beside it)
    assert card.locator(".guide .next").count() <= 1
    if card.locator(".guide .health").count():
        state = card.get_attribute("data-health")
        assert state, "a health note without its state"
        expect(card.locator(".guide .next")).to_have_text(catalog(lang)[f"card_advice.{state}"])
    # the estimate is never before the last scan, nor before today
    eta = card.locator(".facts .eta time")
    if eta.count():
        shown = date.fromisoformat(eta.get_attribute("datetime") or "")
        scans = [date.fromisoformat((t.get_attribute("datetime") or "")[:10])
                 for t in card.locator(".timeline time").all()]
        assert scans and shown >= max(scans), (shown, max(scans))
        assert shown >= today - timedelta(days=1), (shown, today)


@pytest.mark.parametrize("tab", [(lang, size) for lang in LANGS for size in VIEWPORTS], indirect=True,
                         ids=[f"{lang}-{size}" for lang in LANGS for size in VIEWPORTS])
def test_every_card_tells_one_story(tab: Any, site: Site, parcels: Parcels) -> None:
    lang = tab.lang
    tab.goto(f"{site.url}/track?q={'+'.join(parcels.all())}")
    expect(tab.locator("html")).to_have_attribute("lang", lang)
    rows = tab.locator(".summary-list tbody tr")
    expect(rows).to_have_count(len(parcels.all()))
    assert [r.locator("th").inner_text().strip() for r in rows.all()] == parcels.all()  # input order
    expect(tab.locator(".summary h2")).to_have_text(
        Locale(lang, ZoneInfo("UTC")).plural("summary.title", len(parcels.all())))
    today = site.clock.now().date()
    for number in parcels.all():
        card = tab.locator(f"#card-{number}")
        expect(card).to_be_visible()
        _check_card(card, lang, today)
    body = tab.locator("main").inner_text()
    assert not RAW_CODE.search(body) and not INTERNAL.search(body)
    shot(tab, f"truth-{lang}-{tab.size}")


def test_progress_tells_export_from_import_customs_and_shows_refusals(tab: Any, site: Site,
                                                                      parcels: Parcels) -> None:
    def steps(number: str) -> dict[str, str]:
        tab.goto(f"{site.url}/track/{number}")
        items = tab.locator(f"#card-{number} .progress li").all()
        return {item.locator("span").first.inner_text(): item.get_attribute("class") or "" for item in items}

    exported = steps(parcels.export_customs)
    assert exported["In transit"] == "current" and exported["Customs"] == "todo"  # export customs is transit
    shot(tab, "progress-export-customs")
    cleared = steps(parcels.cleared)
    assert cleared["Customs"] == "done" and "current" not in cleared.values()
    held = steps(parcels.held)
    assert held["Customs"] == "problem"
    refused = steps(parcels.refused)
    with site.runtime.store.read() as repo:
        shipment = repo.shipments.find(parcels.refused)
    assert shipment is not None
    title = message(shipment.subtag, "en").title
    assert refused.get(title) == "problem", refused  # the delivery step, named by what happened
    assert refused["Customs"] != "problem"
    expect(tab.locator(f"#card-{parcels.refused} .facts .eta")).to_have_count(0)  # no delivery promised
    shot(tab, "progress-refused-at-door")


def test_a_late_parcel_says_late_and_never_shows_a_past_date(tab: Any, site: Site, parcels: Parcels) -> None:
    """Day after day of silence the estimate moves on from today; once the first promise has run out the
    card says so ("Late: now expected by ..."), until tracking expires and no estimate is left."""
    tracker = site.runtime.tracker
    said_late = False
    for _ in range(20):
        site.advance(timedelta(days=2))
        tracker.refresh([tracker.register(parcels.lost)])
        tab.goto(f"{site.url}/track/{parcels.lost}")
        card = tab.locator(f"#card-{parcels.lost}")
        _check_card(card, "en", site.clock.now().date())
        eta = card.locator(".facts .eta")
        if not eta.count():
            break
        if "Late: now expected by" in eta.inner_text():
            said_late = True
            shot(tab, "late-parcel")
    assert said_late


def test_web_errors_home_and_the_operator_list(tab: Any, site: Site) -> None:
    tab.goto(f"{site.url}/")
    expect(tab).to_have_url(re.compile(r"/track$"))
    for lang in LANGS:
        response = tab.goto(f"{site.url}/no/such/page?lang={lang}")
        assert response is not None and response.status == 404
        assert "text/html" in (response.headers.get("content-type") or "")
        expect(tab.locator("p.error")).to_have_text(catalog(lang)["error.not_found"])
    shot(tab, "error-404")
    assert httpx.get(f"{site.url}/favicon.ico").status_code == 200
    api = httpx.get(f"{site.url}/api/v1/no-such-thing")
    assert api.status_code == 404 and api.json()["error"]["code"] == "not_found"
    tab.goto(f"{site.url}/parcels")
    expect(tab).to_have_url(re.compile(r"/login\?next=/parcels"))


def test_a_mistyped_number_comes_back_with_its_corrections(tab: Any, site: Site, parcels: Parcels) -> None:
    good = parcels.cleared
    typo = good[:-1] + str((int(good[-1]) + 1) % 10)
    tab.goto(f"{site.url}/track")
    tab.get_by_label("Tracking numbers or a shipping e-mail").fill(typo)
    tab.get_by_role("button", name="Track").click()
    expect(tab.get_by_label("Tracking numbers or a shipping e-mail")).to_have_value(typo)
    expect(tab.locator("article.notfound .suggestions").get_by_role("link", name=good)).to_be_visible()
    shot(tab, "typo-back-in-the-box")


def test_copy_and_share(browser: Any, site: Site, parcels: Parcels) -> None:
    context = browser.new_context(viewport=VIEWPORTS["mobile"], locale="en")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.url)
    page = context.new_page()
    try:
        page.goto(f"{site.url}/track/{parcels.cleared}")
        card = page.locator(f"#card-{parcels.cleared}")
        button = card.get_by_role("button", name="Copy number")
        expect(button).to_be_visible()
        button.click()
        expect(card.locator("button.copy")).to_have_text("Copied")
        assert page.evaluate("navigator.clipboard.readText()") == parcels.cleared
        expect(card.get_by_role("link", name="Link to this parcel")).to_have_attribute(
            "href", f"/track/{parcels.cleared}")
        days = card.locator(".facts .days")
        expect(days).to_have_text(re.compile(r"^\d+ days?$"))
    finally:
        context.close()

