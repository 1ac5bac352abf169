"""Signed-in pages in a real browser: a buyer's My Orders and View Detail, the seller desk."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from playwright.sync_api import expect

from tests.web.conftest import PASSWORD, Site, make_shop, shot

DELIVERED = "PTS01000000016"
RETURNED = "PTS04000000010"
UNREGISTERED = "PTS05000000017"


def sign_in(page: Any, email: str) -> None:
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_a_buyer_signs_in_and_opens_an_order(page: Any, site: Site) -> None:
    shop = make_shop(site, [DELIVERED])
    page.goto(f"{site.url}/orders")
    page.wait_for_url(re.compile(r"/login\?next=/orders"))
    page.get_by_label("E-mail").fill(shop.buyer.email)
    page.get_by_label("Password").fill("wrong password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_contain_text("Wrong e-mail or password")
    sign_in(page, shop.buyer.email)
    page.wait_for_url(f"{site.url}/orders")
    row = page.get_by_role("row", name=re.compile(shop.reference))
    expect(row.locator(".badge")).to_be_visible()
    expect(page.get_by_role("link", name="Seller desk")).to_have_count(0)  # buyers have no desk
    shot(page, "buyer-my-orders")
    row.get_by_role("link", name="View detail").click()
    page.wait_for_url(f"{site.url}/orders/{shop.order_id}")
    expect(page.get_by_role("heading", level=1)).to_contain_text(shop.reference)
    expect(page.locator(f"#card-{DELIVERED} .events li").first).to_be_visible()
    expect(page.get_by_text("Print label")).to_have_count(0)  # labels are the seller's
    expect(page.locator("address")).to_contain_text("London")
    shot(page, "buyer-order-detail")
    # Another user's order is not there at all.
    assert page.request.get(f"{site.url}/orders/{shop.order_id + 1}").status == 404
    assert page.request.get(f"{site.url}/desk").status == 403


def test_the_seller_desk_lists_what_needs_attention(page: Any, site: Site) -> None:
    shop = make_shop(site, [RETURNED, UNREGISTERED, DELIVERED])
    site.advance(timedelta(days=6))  # the unregistered parcel goes quiet; the returned one is refused
    page.goto(f"{site.url}/login")
    sign_in(page, shop.seller.email)
    page.wait_for_url(f"{site.url}/desk")
    expect(page.get_by_role("heading", level=1)).to_have_text("Seller desk")
    quiet = page.get_by_role("row", name=re.compile(UNREGISTERED))
    expect(quiet).to_contain_text("Not updated")
    label = quiet.get_by_role("link", name="Print label")
    href = label.get_attribute("href")
    assert href and href.endswith(".pdf")
    pdf = page.request.get(f"{site.url}{href}")
    assert pdf.status == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.body()[:4] == b"%PDF"
    shot(page, "seller-desk")
    page.get_by_role("link", name=shop.reference).first.click()
    page.wait_for_url(f"{site.url}/orders/{shop.order_id}")
    expect(page.get_by_role("link", name=re.compile("Print label")).first).to_be_visible()
    shot(page, "seller-order-detail")
