"""The order page's advice without a browser: every branch of `services.outlook.advice` has its own text in
every page language, with the same dates as the API's advice, and no text mixes a warning with "nothing
to do"; the page texts of every language use the same placeholders."""

from __future__ import annotations

import re
import string
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from parceltrail.domain.orders import Address, Order, OrderItem, OrderStatus, Role, User
from parceltrail.entrypoints.web.buyer import actions_for, advice_text
from parceltrail.entrypoints.web.i18n import LANGS, Locale, catalog
from parceltrail.predict import Health
from parceltrail.services.marketplace.orders import OrderView
from parceltrail.services.outlook.advice import advice_for

NOW = datetime(2026, 12, 9, 12, 0, tzinfo=UTC)
HOME = Address("Zoë", ["1 Main Street"], "London", "GB", "N1 1AA")
BUYER = User(id=2, account_id=2, email="b@example.org", role=Role.BUYER, display_name="B", created_at=NOW)
SELLER = User(id=1, account_id=1, email="s@example.org", role=Role.SELLER, display_name="S", created_at=NOW)


def _order(status: OrderStatus, shipped_days_ago: float | None, paid_days_ago: float = 1) -> Order:
    paid = NOW - timedelta(days=paid_days_ago)
    shipped = NOW - timedelta(days=shipped_days_ago) if shipped_days_ago is not None else None
    return Order(id=7, reference="PT-7", seller_id=1, buyer_id=2, currency="EUR", status=status,
                 placed_at=paid, paid_at=paid, ship_to=HOME, ship_from=HOME,
                 items=[OrderItem("Tea", 1, 500)], shipping_minor=0, protection_days=60, updated_at=NOW,
                 shipped_at=shipped)


def _health(state: str, days: float, reason: str | None = None) -> Health:
    return Health(state=state, silence=timedelta(days=days), threshold=timedelta(days=5),  # type: ignore[arg-type]
                  lost_after=timedelta(days=20), likely_reason=reason, basis="prior")


# (order, package healths, the step the service gives, the page text's key)
CASES = [
    (_order(OrderStatus.AWAITING_SHIPMENT, None), [], "wait", "advice.unshipped"),
    (_order(OrderStatus.AWAITING_SHIPMENT, None, paid_days_ago=8), [], "contact_seller",
     "advice.unshipped_late"),
    (_order(OrderStatus.IN_TRANSIT, 5), [_health("ok", 1)], "wait", "advice.on_its_way"),
    (_order(OrderStatus.IN_TRANSIT, 12), [_health("not_updated", 8, "customs")], "contact_seller",
     "advice.not_updated"),
    (_order(OrderStatus.IN_TRANSIT, 30), [_health("possibly_lost", 21)], "open_dispute", "advice.lost"),
    (_order(OrderStatus.IN_TRANSIT, 55), [_health("ok", 1)], "open_dispute", "advice.protection_ending"),
    (_order(OrderStatus.DELIVERED, 10), [_health("ok", 0)], "confirm_receipt", "advice.confirm_receipt"),
    (_order(OrderStatus.IN_DISPUTE, 20), [_health("ok", 0)], "provide_evidence", "advice.provide_evidence"),
    (_order(OrderStatus.IN_TRANSIT, 70), [_health("ok", 1)], "protection_ended", "advice.protection_ended"),
    (_order(OrderStatus.COMPLETED, 20), [_health("ok", 0)], "none", "advice.none"),
]


def _view(order: Order) -> OrderView:
    return OrderView(order, [], BUYER, SELLER)


def _prefix(loc: Locale, key: str) -> str:
    """The text of `key` up to its first placeholder."""
    return re.split(r"\{[a-z]+\}", catalog(loc.lang).get(key) or catalog("en")[key])[0]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("order", "healths", "step", "key"), CASES, ids=[c[3] + "-" + c[2] for c in CASES])
def test_each_step_has_its_own_text(lang: str, order: Order, healths: list[Health], step: str,
                                    key: str) -> None:
    loc = Locale(lang, ZoneInfo("Europe/London"))
    advice = advice_for(order, healths, NOW)
    assert advice.step == step
    text = advice_text(advice, _view(order), healths, NOW, loc)
    assert text.startswith(_prefix(loc, key)), (text, key)
    assert "{" not in text and "}" not in text
    if advice.deadline is not None and step not in ("provide_evidence", "none"):
        dates = (loc.day(advice.deadline, "long"), loc.day(advice.protection_deadline or NOW, "long"))
        assert any(date in text for date in dates), (text, dates)
    if step not in ("wait", "none", "confirm_receipt", "protection_ended"):
        for calm in ("advice.on_its_way", "advice.none"):
            assert _prefix(loc, calm) not in text


def test_the_english_page_text_gives_the_apis_dates() -> None:
    loc = Locale("en", ZoneInfo("UTC"))
    for order, healths, _, _ in CASES:
        advice = advice_for(order, healths, NOW)
        text = advice_text(advice, _view(order), healths, NOW, loc)
        for day in re.findall(r"\d{4}-\d{2}-\d{2}", advice.message):
            shown = loc.day(datetime.fromisoformat(day).replace(tzinfo=UTC), "long")
            assert shown in text, (advice.message, text)


def test_buttons_follow_the_order() -> None:
    delivered = _view(_order(OrderStatus.DELIVERED, 10))
    as_buyer = actions_for(BUYER, delivered, NOW)
    assert as_buyer.can_confirm and as_buyer.can_dispute and as_buyer.can_download and as_buyer.confirm_first
    as_seller = actions_for(SELLER, delivered, NOW)
    assert not (as_seller.can_confirm or as_seller.can_dispute)
    assert as_seller.can_download and as_seller.can_ship
    ended = actions_for(BUYER, _view(_order(OrderStatus.IN_TRANSIT, 70)), NOW)
    assert ended.can_confirm and not ended.can_dispute
    done = actions_for(BUYER, _view(_order(OrderStatus.COMPLETED, 20)), NOW)
    assert not (done.can_confirm or done.can_dispute)


def test_every_language_uses_the_same_placeholders() -> None:
    names = string.Formatter()
    english = catalog("en")
    for lang in LANGS:
        texts = catalog(lang)
        for key, text in english.items():
            wanted = {field for _, field, _, _ in names.parse(text) if field}
            got = {field for _, field, _, _ in names.parse(texts.get(key, text)) if field}
            assert got == wanted, (lang, key, got, wanted)
