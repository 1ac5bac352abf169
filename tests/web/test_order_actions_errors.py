"""Bad requests to the order actions, the Ship form and the e-mail links answer an HTML page in the
visitor's language with a 4xx status (or send a signed-out visitor to sign in); never JSON, never a 500,
and nothing is written."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from zoneinfo import ZoneInfo

import httpx
import pytest

from parceltrail.entrypoints.web.i18n import Locale
from tests.web.conftest import PASSWORD, Shop, Site, make_shop

DELIVERED = "PTS01000000016"
ES = Locale("es", ZoneInfo("UTC"))


@contextmanager
def _client(site: Site, email: str | None) -> Iterator[httpx.Client]:
    """A client with Spanish as its page language, signed in as `email` (None: a visitor)."""
    with httpx.Client(base_url=site.url, follow_redirects=False, timeout=20,
                      cookies={"parceltrail_lang": "es"}) as client:
        if email is not None:
            answer = client.post("/login", data={"email": email, "password": PASSWORD})
            assert answer.status_code == 303
        yield client


def _token(client: httpx.Client, order_id: int) -> str:
    """The CSRF token the pages put in this session's forms (read from the order page)."""
    found = re.search(r'name="csrf" value="([^"]+)"', client.get(f"/orders/{order_id}").text)
    assert found
    return found.group(1)


@pytest.fixture
def shop(site: Site) -> Iterator[Shop]:
    yield make_shop(site, [DELIVERED])


def _html(answer: httpx.Response, status: int, text: str | None = None) -> None:
    assert answer.status_code == status, (answer.status_code, answer.text[:300])
    assert answer.headers["content-type"].startswith("text/html")
    assert '<html lang="es"' in answer.text
    if text is not None:
        assert text in answer.text


def test_signed_out_visitors_are_sent_to_sign_in(site: Site, shop: Shop) -> None:
    with _client(site, None) as client:
        for method, path in (("GET", f"/orders/{shop.order_id}/dispute"),
                             ("POST", f"/orders/{shop.order_id}/confirm-receipt"),
                             ("GET", f"/orders/{shop.order_id}/evidence.json"),
                             ("GET", f"/desk/orders/{shop.order_id}/ship"),
                             ("POST", f"/desk/orders/{shop.order_id}/ship")):
            answer = client.request(method, path)
            assert answer.status_code == 303 and answer.headers["location"].startswith("/login?next="), path


def test_wrong_orders_and_wrong_people_get_pages(site: Site, shop: Shop) -> None:
    with _client(site, shop.buyer.email) as buyer:
        token = _token(buyer, shop.order_id)
        for path in ("/orders/0/dispute", "/orders/abc/confirm-receipt", f"/orders/{2**40}/evidence.pdf",
                     f"/orders/{shop.order_id + 1}/dispute", f"/orders/{shop.order_id}/packages/x/label.pdf"):
            _html(buyer.get(path), 404)
        _html(buyer.get(f"/desk/orders/{shop.order_id}/ship"), 403, ES.t("order_action.error.forbidden"))
        _html(buyer.post(f"/desk/orders/{shop.order_id}/ship",
                         data={"csrf": token, "tracking_number": "PTS02000000014"}), 403)
        # The form's token is required; with it, an order that cannot be disputed any more says why.
        _html(buyer.post(f"/orders/{shop.order_id}/dispute", data={"csrf": "x"}), 403,
              ES.t("notify.error.csrf"))
        assert buyer.post(f"/orders/{shop.order_id}/confirm-receipt", data={"csrf": token}).status_code == 303
        _html(buyer.post(f"/orders/{shop.order_id}/dispute", data={"csrf": token}), 409,
              ES.t("order_action.error.order_not_disputable"))
    with _client(site, shop.seller.email) as seller:
        token = _token(seller, shop.order_id)
        # The seller may not act for the buyer.
        _html(seller.get(f"/orders/{shop.order_id}/dispute"), 403)
        _html(seller.post(f"/orders/{shop.order_id}/confirm-receipt", data={"csrf": token}), 403)
        # A completed order cannot ship; an empty or missing number is asked for again.
        _html(seller.get(f"/desk/orders/{shop.order_id}/ship"), 409,
              ES.t("order_action.error.order_not_shippable"))
    with site.runtime.store.read() as repo:
        assert len(repo.orders.packages(shop.order_id)) == 1


def test_the_ship_form_refuses_bad_numbers_in_the_page_language(site: Site, shop: Shop) -> None:
    from parceltrail.domain.orders import OrderItem
    from parceltrail.services.marketplace import orders as order_service
    from tests.web.conftest import LONDON

    order = order_service.place_order(site.runtime.store, shop.seller, order_service.NewOrder(
        currency="EUR", items=[OrderItem("Tea", 1, 100)], ship_to=LONDON, buyer_email=shop.buyer.email,
        reference="PT-ERR"), site.clock.now())
    with _client(site, shop.seller.email) as seller:
        token = _token(seller, shop.order_id)
        path = f"/desk/orders/{order.id}/ship"
        _html(seller.post(path, data={"csrf": token, "tracking_number": ""}), 400,
              ES.t("ship.error.missing_number"))
        _html(seller.post(path, data={"csrf": token, "tracking_number": "!!!" * 100}), 400)
        _html(seller.post(path, data={"csrf": token, "tracking_number": DELIVERED}), 400,
              ES.t("ship.error.number_in_use"))
        _html(seller.post(path, data={"csrf": token, "issue": "1"}), 400, ES.t("ship.error.no_number_range"))
        _html(seller.post(path, data={"csrf": "", "tracking_number": "PTS02000000014"}), 403)
    with site.runtime.store.read() as repo:
        assert repo.orders.packages(order.id) == []


def test_e_mail_links_that_are_not_valid(site: Site, shop: Shop) -> None:
    with _client(site, None) as visitor:
        for path in ("/notify/confirm/nope", "/notify/confirm/" + "a" * 5000, "/notify/unsubscribe/1.abc",
                     "/notify/unsubscribe/99999999999.0123456789abcdef0123456789abcdef"):
            _html(visitor.get(path), 404)
            _html(visitor.post(path), 404)
        _html(visitor.post("/track/PTS02000000014/notify-email", data={"email": "a@example.org"}), 404,
              ES.t("error.not_tracked"))
        _html(visitor.post(f"/track/{DELIVERED}/notify-email", data={}), 400,
              ES.t("notify.error.invalid_email"))
    with site.runtime.store.read() as repo:
        assert repo.notifications.subscriptions(None) == []
