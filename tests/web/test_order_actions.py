"""The order flows in a real browser, at desktop and mobile sizes and in every page language: a buyer reads
the advice (the API's), downloads the evidence file, confirms receipt or opens a dispute; a seller ships
awaiting orders from the desk (a mistyped number is refused with its corrections; a number can be issued
from the seller's range) and prints the labels."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from parceltrail.domain.orders import OrderItem, OrderStatus
from parceltrail.entrypoints.web.i18n import LANGS, Locale
from parceltrail.services.marketplace import orders as order_service
from parceltrail.services.outlook.evidence import verify_document
from tests.web.conftest import LONDON, PASSWORD, Shop, Site, make_shop, shot

DELIVERED = "PTS01000000016"
UNREGISTERED = "PTS05000000017"  # goes quiet: no news for weeks
TYPO = "PTS01000000061"  # DELIVERED with two digits swapped
SIZES = {"desktop": {"width": 1280, "height": 900}, "mobile": {"width": 390, "height": 844}}
TEXTS = {lang: Locale(lang, ZoneInfo("UTC")) for lang in LANGS}
EN = TEXTS["en"]


@pytest.fixture
def open_page(browser: Any, site: Site) -> Iterator[Callable[[str], Any]]:
    """Tabs of their own browser context at a named size (the reader's zone cookie already set)."""
    contexts: list[Any] = []
    errors: list[str] = []

    def make(size: str) -> Any:
        context = browser.new_context(locale="en-US", timezone_id="Europe/London", viewport=SIZES[size])
        context.set_default_timeout(15_000)
        context.add_cookies([{"name": "parceltrail_tz", "value": "Europe%2FLondon", "url": site.url}])
        contexts.append(context)
        tab = context.new_page()
        tab.on("pageerror", lambda error: errors.append(str(error)))
        return tab

    yield make
    for context in contexts:
        context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


def sign_in(page: Any, site: Site, email: str, then: str) -> None:
    page.goto(f"{site.url}/login?next={then}&lang=en")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(re.escape(then.split("?")[0]) + r"(\?.*)?(#.*)?$"))


def wait_for_order(site: Site, shop: Shop, status: OrderStatus, *, after: timedelta | None = None) -> None:
    """Until the polling engine has moved the order to `status` (the carrier's data arrived), the clock
    moved on by `after` first."""
    if after is not None:
        site.advance(after)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with site.runtime.store.read() as repo:
            order = repo.orders.order(shop.order_id)
        if order is not None and order.status is status:
            return
        time.sleep(0.1)
    raise AssertionError(f"order {shop.reference} never became {status.value}")


def advice_step(page: Any, site: Site, order_id: int) -> str:
    """The step the API gives (the browser's session cookie signs the request)."""
    answer = page.request.get(f"{site.url}/api/v1/orders/{order_id}/advice")
    assert answer.status == 200
    return str(answer.json()["data"]["step"])


def no_contradiction(box_text: str, loc: Locale) -> None:
    """Advice that warns never also says all is well."""
    calm = [loc.t("advice.on_its_way", date="", protection="").split(".")[0],
            loc.t("advice.none", status="").split(";")[-1].strip()]
    for phrase in calm:
        assert phrase not in box_text, f"{phrase!r} next to a warning: {box_text!r}"


@pytest.mark.parametrize("size", SIZES)
def test_a_buyer_downloads_evidence_and_confirms_receipt(open_page: Callable[[str], Any], site: Site,
                                                         size: str) -> None:
    shop = make_shop(site, [DELIVERED])
    wait_for_order(site, shop, OrderStatus.DELIVERED, after=timedelta(days=30))
    page = open_page(size)
    sign_in(page, site, shop.buyer.email, f"/orders/{shop.order_id}")
    advice = page.locator("#advice")
    expect(advice.get_by_role("heading")).to_have_text(EN.t("advice.title"))
    step = advice_step(page, site, shop.order_id)
    assert step == "confirm_receipt"
    expect(advice).to_have_attribute("data-step", step)
    with site.runtime.store.read() as repo:
        deadline = repo.orders.order(shop.order_id).protection_deadline  # type: ignore[union-attr]
    assert deadline is not None
    london = Locale("en", ZoneInfo("Europe/London"))
    expect(advice.locator(".advice-text")).to_have_text(
        london.t("advice.confirm_receipt", date=london.day(deadline, "long")))
    shot(page, f"buyer-order-delivered-{size}")

    # The evidence file, both forms, from the page's own links.
    with page.expect_download() as pdf_download:
        page.get_by_role("link", name=EN.t("order_action.evidence_pdf")).click()
    pdf = pdf_download.value
    assert pdf.suggested_filename == f"evidence-{shop.reference}.pdf"
    with open(pdf.path(), "rb") as handle:
        assert handle.read(4) == b"%PDF"
    with page.expect_download() as json_download:
        page.get_by_role("link", name=EN.t("order_action.evidence_json")).click()
    with open(json_download.value.path(), encoding="utf-8") as handle:
        document = json.load(handle)
    assert verify_document(document).ok
    assert document["order"]["reference"] == shop.reference
    assert document["advice"]["step"] == step  # the file, the page and the API agree

    # Confirm receipt: a page says what it means first; cancelling changes nothing.
    advice.get_by_role("link", name=EN.t("order_action.confirm")).click()
    page.wait_for_url(f"{site.url}/orders/{shop.order_id}/confirm-receipt")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        EN.t("order_action.confirm_title", ref=shop.reference))
    shot(page, f"buyer-confirm-receipt-{size}")
    page.get_by_role("button", name=EN.t("order_action.confirm_submit")).click()
    page.wait_for_url(re.compile(rf"/orders/{shop.order_id}#advice$"))
    expect(page.locator("#flash")).to_have_text(EN.t("flash.received"))
    expect(page.locator(".badge.order-completed")).to_have_text(EN.t("order_status.completed"))
    expect(advice.locator(".advice-text")).to_have_text(
        EN.t("advice.none", status=EN.t("order_status.completed")))
    assert advice_step(page, site, shop.order_id) == "none"
    expect(page.get_by_role("link", name=EN.t("order_action.confirm"))).to_have_count(0)
    expect(page.get_by_role("link", name=EN.t("order_action.dispute"))).to_have_count(0)
    shot(page, f"buyer-order-completed-{size}")
    # Confirming again is refused with a page in the reader's language, not JSON.
    refused = page.goto(f"{site.url}/orders/{shop.order_id}/confirm-receipt?lang=es")
    assert refused is not None and refused.status == 409
    assert refused.headers["content-type"].startswith("text/html")
    expect(page.locator("p.error")).to_have_text(TEXTS["es"].t("order_action.error.order_not_receivable"))


@pytest.mark.parametrize("size", SIZES)
def test_a_buyer_opens_a_dispute_for_a_quiet_parcel(open_page: Callable[[str], Any], site: Site,
                                                    size: str) -> None:
    shop = make_shop(site, [UNREGISTERED])
    wait_for_order(site, shop, OrderStatus.IN_TRANSIT)
    site.advance(timedelta(days=20))
    page = open_page(size)
    sign_in(page, site, shop.buyer.email, f"/orders/{shop.order_id}")
    advice = page.locator("#advice")
    step = advice_step(page, site, shop.order_id)
    assert step in ("contact_seller", "open_dispute")
    expect(advice).to_have_attribute("data-step", step)
    no_contradiction(advice.inner_text(), EN)
    expect(advice.locator(".advice-text")).to_contain_text(re.compile(r"No tracking update for \d+ days"))
    shot(page, f"buyer-order-quiet-{size}")

    # Without the form's token nothing happens.
    forged = page.request.post(f"{site.url}/orders/{shop.order_id}/dispute", form={"csrf": "forged"})
    assert forged.status == 403 and forged.headers["content-type"].startswith("text/html")
    with site.runtime.store.read() as repo:
        assert repo.orders.order(shop.order_id).status is OrderStatus.IN_TRANSIT  # type: ignore[union-attr]

    advice.get_by_role("link", name=EN.t("order_action.dispute")).click()
    page.wait_for_url(f"{site.url}/orders/{shop.order_id}/dispute")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        EN.t("order_action.dispute_title", ref=shop.reference))
    expect(page.get_by_text(re.compile(re.escape(EN.t("order_action.protection_ends", date="x")[:20])))) \
        .to_be_visible()
    page.get_by_role("button", name=EN.t("order_action.dispute_submit")).click()
    page.wait_for_url(re.compile(rf"/orders/{shop.order_id}#advice$"))
    expect(page.locator("#flash")).to_have_text(EN.t("flash.disputed"))
    expect(page.locator(".badge.order-in_dispute")).to_have_text(EN.t("order_status.in_dispute"))
    expect(advice.locator(".advice-text")).to_have_text(EN.t("advice.provide_evidence"))
    assert advice_step(page, site, shop.order_id) == "provide_evidence"
    expect(page.get_by_role("link", name=EN.t("order_action.dispute"))).to_have_count(0)
    expect(page.get_by_role("link", name=EN.t("order_action.evidence_pdf"))).to_be_visible()
    shot(page, f"buyer-order-disputed-{size}")


def _second_order(site: Site, shop: Shop) -> order_service.Order:
    return order_service.place_order(site.runtime.store, shop.seller, order_service.NewOrder(
        currency="EUR", items=[OrderItem("Black tea 250 g", 1, 899, weight_grams=260)], ship_to=LONDON,
        buyer_email=shop.buyer.email, reference="PT-TEA-2"), site.clock.now())


@pytest.mark.parametrize("size", SIZES)
def test_a_seller_ships_from_the_desk_and_prints_labels(open_page: Callable[[str], Any], site: Site,
                                                        size: str) -> None:
    shop = make_shop(site, [])
    second = _second_order(site, shop)
    order_service.add_range(site.runtime.store, shop.seller, "GB", "RR", 100, 199, site.clock.now())
    page = open_page(size)
    sign_in(page, site, shop.seller.email, "/desk")
    awaiting = page.locator("#awaiting")
    expect(awaiting.get_by_role("heading")).to_contain_text(EN.t("ship.awaiting"))
    expect(awaiting.locator(".awaiting-order")).to_have_count(2)
    shot(page, f"seller-desk-awaiting-{size}")

    # A mistyped number: refused, kept in the box, with the corrections to pick from.
    first = page.locator(f"#order-{shop.order_id}")
    first.get_by_label(EN.t("ship.number", ref=shop.reference)).fill(TYPO.lower())
    first.get_by_role("button", name=EN.t("ship.submit"), exact=True).click()
    page.wait_for_url(f"{site.url}/desk/orders/{shop.order_id}/ship")
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text(EN.t("ship.error.did_you_mean", number=TYPO))
    number_box = page.get_by_label(EN.t("ship.number", ref=shop.reference))
    expect(number_box).to_have_value(TYPO.lower())
    expect(number_box).to_have_attribute("aria-invalid", "true")
    shot(page, f"seller-ship-typo-{size}")
    alert.get_by_role("button", name=EN.t("ship.use", number=DELIVERED)).click()
    page.wait_for_url(re.compile(r"/desk(#print-\d+)?$"))
    expect(page.locator("#flash")).to_have_text(EN.t("flash.shipped", number=DELIVERED))
    row = page.locator("#to-print").get_by_role("row", name=re.compile(DELIVERED))
    label = row.get_by_role("link", name=EN.t("ship.label_of", number=DELIVERED))
    href = label.get_attribute("href")
    assert href is not None
    pdf = page.request.get(f"{site.url}{href}")
    assert pdf.status == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.body()[:4] == b"%PDF"

    # The other order: a number issued from the seller's S10 range.
    other = page.locator(f"#order-{second.id}")
    other.get_by_role("button", name=EN.t("ship.issue")).click()
    page.wait_for_url(re.compile(r"/desk(#print-\d+)?$"))
    issued = "RR000001006GB"
    expect(page.locator("#flash")).to_have_text(EN.t("flash.shipped", number=issued))
    expect(page.locator("#to-print").get_by_role("row", name=re.compile(issued))).to_be_visible()
    expect(awaiting.locator(".awaiting-order")).to_have_count(0)
    expect(awaiting).to_contain_text(EN.t("ship.none_awaiting"))
    shot(page, f"seller-desk-shipped-{size}")
    with site.runtime.store.read() as repo:
        numbers = {p.tracking_number for o in (shop.order_id, second.id) for p in repo.orders.packages(o)}
    assert numbers == {DELIVERED, issued}

    # The same number again is refused with its reason; nothing is written.
    third = order_service.place_order(site.runtime.store, shop.seller, order_service.NewOrder(
        currency="EUR", items=[OrderItem("Oolong 50 g", 1, 650)], ship_to=LONDON,
        buyer_email=shop.buyer.email, reference="PT-TEA-3"), site.clock.now())
    page.goto(f"{site.url}/desk/orders/{third.id}/ship")
    page.get_by_label(EN.t("ship.number", ref="PT-TEA-3")).fill(DELIVERED)
    page.get_by_role("button", name=EN.t("ship.submit"), exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text(EN.t("ship.error.number_in_use"))
    with site.runtime.store.read() as repo:
        assert repo.orders.packages(third.id) == []


def test_only_the_seller_ships_and_prints(open_page: Callable[[str], Any], site: Site) -> None:
    shop = make_shop(site, [DELIVERED])
    page = open_page("mobile")
    sign_in(page, site, shop.buyer.email, "/orders")
    with site.runtime.store.read() as repo:
        package = repo.orders.packages(shop.order_id)[0]
    ship = f"/desk/orders/{shop.order_id}/ship"
    label = f"/orders/{shop.order_id}/packages/{package.id}/label.pdf"
    for path in (ship, label):
        answer = page.goto(f"{site.url}{path}")
        assert answer is not None and answer.status == 403, path
        assert answer.headers["content-type"].startswith("text/html")
        expect(page.get_by_role("heading", level=1)).to_have_text(EN.t("error.title"))
    assert page.request.get(f"{site.url}/orders/{shop.order_id + 7}/evidence.pdf").status == 404
    signed_out = page.context.browser.new_context()
    try:
        answer = signed_out.new_page().goto(f"{site.url}/orders/{shop.order_id}/evidence.pdf")
        assert answer is not None and "/login" in answer.url
    finally:
        signed_out.close()


@pytest.mark.parametrize("lang", LANGS)
def test_the_order_flows_in_every_language(open_page: Callable[[str], Any], site: Site, lang: str) -> None:
    loc = TEXTS[lang]
    shop = make_shop(site, [DELIVERED])
    _second_order(site, shop)
    wait_for_order(site, shop, OrderStatus.DELIVERED, after=timedelta(days=30))
    page = open_page("desktop")
    sign_in(page, site, shop.buyer.email, f"/orders/{shop.order_id}")
    page.goto(f"{site.url}/orders/{shop.order_id}?lang={lang}")
    advice = page.locator("#advice")
    expect(advice.get_by_role("heading")).to_have_text(loc.t("advice.title"))
    text = advice.locator(".advice-text").inner_text()
    prefix = loc.t("advice.confirm_receipt", date="\0").split("\0")[0]
    assert text.startswith(prefix), (text, prefix)
    expect(advice.get_by_role("link", name=loc.t("order_action.confirm"))).to_be_visible()
    expect(page.get_by_role("link", name=loc.t("order_action.evidence_pdf"))).to_be_visible()
    for size in SIZES:
        page.set_viewport_size(SIZES[size])
        shot(page, f"buyer-order-{lang}-{size}")
    advice.get_by_role("link", name=loc.t("order_action.confirm")).click()
    expect(page.get_by_role("button", name=loc.t("order_action.confirm_submit"))).to_be_visible()

    page.context.clear_cookies()
    page.context.add_cookies([{"name": "parceltrail_tz", "value": "Europe%2FLondon", "url": site.url}])
    sign_in(page, site, shop.seller.email, "/desk")
    page.goto(f"{site.url}/desk?lang={lang}")
    expect(page.locator("#awaiting").get_by_role("heading")).to_contain_text(loc.t("ship.awaiting"))
    expect(page.get_by_role("button", name=loc.t("ship.submit"), exact=True)).to_be_visible()
    expect(page.locator("#attention").get_by_role("heading")).to_have_text(loc.t("desk.attention"))
    for size in SIZES:
        page.set_viewport_size(SIZES[size])
        shot(page, f"seller-desk-{lang}-{size}")
    box = page.get_by_label(loc.t("ship.number", ref="PT-TEA-2"))
    box.fill("PTS0100000016")
    page.get_by_role("button", name=loc.t("ship.submit"), exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text(
        loc.t("ship.error.did_you_mean", number="PTS0100000016"))
    if lang != "en":
        expect(page.get_by_role("alert")).not_to_contain_text(EN.t("ship.error.did_you_mean", number=""))
