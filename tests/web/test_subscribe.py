"""Notifications from the page: a buyer signs in from a tracking page, subscribes to the parcel by e-mail, the
clock moves, the engine polls, the dispatcher runs and a real local SMTP server (aiosmtpd) receives the
notification; then the buyer unsubscribes. Signed out, the page offers to sign in instead."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from playwright.sync_api import expect

from parceltrail.adapters.delivery.dispatcher import outbox_dispatcher
from parceltrail.domain.notifications import ChannelKind, EventKind, Scope
from tests.smtp_inbox import Inbox, local_smtp
from tests.web.conftest import PASSWORD, Site, make_shop, shot

PARCEL = "PTS01000000016"  # moves on when the clock does (its handover leg gets new scans)
OTHER = "PTS02000000014"


@pytest.fixture
def inbox(monkeypatch: pytest.MonkeyPatch, site: Site) -> Iterator[Inbox]:
    with local_smtp() as (received, port):
        monkeypatch.setenv("PARCELTRAIL_SMTP_HOST", "127.0.0.1")
        monkeypatch.setenv("PARCELTRAIL_SMTP_PORT", str(port))
        monkeypatch.setenv("PARCELTRAIL_SMTP_FROM", "parceltrail <parcels@example.org>")
        monkeypatch.setenv("PARCELTRAIL_PUBLIC_URL", site.url)
        monkeypatch.delenv("PARCELTRAIL_WEBHOOK_ALLOW_PRIVATE", raising=False)  # the default: refused
        yield received


def sign_in(page: Any, email_address: str) -> None:
    page.get_by_label("E-mail").fill(email_address)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def _subscriptions(site: Site, account_id: int) -> list[Any]:
    with site.runtime.store.read() as repo:
        return repo.notifications.subscriptions(account_id)


def test_a_buyer_subscribes_from_the_page_and_gets_the_email(page: Any, site: Site, inbox: Inbox) -> None:
    shop = make_shop(site, [PARCEL])
    buyer = shop.buyer

    # Signed out: e-mail only (with a confirmation link), and an offer to sign in for the other channels
    # that comes back here.
    page.goto(f"{site.url}/track/{PARCEL}")
    panel = page.locator(f"#notify-{PARCEL}")
    prompt = panel.get_by_role("link", name="Sign in to get notifications")
    expect(prompt).to_have_attribute("href", f"/login?next=/track/{PARCEL}")
    expect(panel.locator("form")).to_have_count(1)
    expect(panel.get_by_label("Your e-mail address")).to_be_visible()
    expect(panel.get_by_label("E-mail address or URL")).to_have_count(0)
    shot(page, "subscribe-signed-out")
    prompt.click()
    page.wait_for_url(re.compile(r"/login\?next="))
    sign_in(page, buyer.email)
    page.wait_for_url(f"{site.url}/track/{PARCEL}")

    # A mistyped address: the same form again with the stable code, nothing stored.
    panel.locator("summary").click()
    expect(panel.get_by_label("E-mail", exact=True)).to_be_checked()
    expect(panel.get_by_label("Any change of status")).to_be_checked()  # the default
    expect(panel.get_by_label("Language of the messages")).to_have_value("en")  # the page's language
    panel.get_by_label("E-mail address or URL").fill("buyer.example.com")
    panel.get_by_label("Every new scan").check()
    panel.get_by_role("button", name="Get notified", exact=True).click()
    page.wait_for_url(f"{site.url}/track/{PARCEL}/subscribe")
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("That is not an e-mail address.")
    expect(alert).not_to_contain_text("invalid_email")  # the code is for machines, not shown to people
    expect(alert).to_have_attribute("data-code", "invalid_email")
    panel = page.locator(f"#notify-{PARCEL}")
    expect(panel.get_by_label("Every new scan")).to_be_checked()  # what was chosen is kept
    shot(page, "subscribe-invalid-email")
    assert _subscriptions(site, buyer.account_id) == []

    panel.get_by_label("E-mail address or URL").fill(buyer.email)
    panel.get_by_role("button", name="Get notified", exact=True).click()
    page.wait_for_url(f"{site.url}/track/{PARCEL}#notify-{PARCEL}")
    expect(page.locator("#flash")).to_have_text(f"Done: you will be notified about {PARCEL}.")
    panel = page.locator(f"#notify-{PARCEL}")
    listed = panel.locator(".sub")
    expect(listed).to_have_count(1)
    expect(listed).to_contain_text(buyer.email)
    expect(listed).to_contain_text("Every new scan")
    shot(page, "subscribe-subscribed")
    [subscription] = _subscriptions(site, buyer.account_id)
    assert subscription.scope is Scope.SHIPMENT and subscription.channel is ChannelKind.EMAIL
    assert subscription.target == buyer.email and subscription.language == "en"
    assert set(subscription.events) == {EventKind.STATUS_CHANGE, EventKind.CHECKPOINT}
    assert subscription.timezone == "America/Sao_Paulo"  # the reader's zone, for quiet hours
    page.reload()
    expect(page.locator("#flash")).to_have_count(0)  # the confirmation is shown once

    # Time passes: the engine polls, the outbox gets the change, the dispatcher e-mails it.
    site.advance(timedelta(days=3))
    dispatcher = outbox_dispatcher(site.runtime.store, site.clock)
    deadline = time.monotonic() + 30
    try:
        while not inbox.messages and time.monotonic() < deadline:
            dispatcher.run_once()
            time.sleep(0.2)
    finally:
        dispatcher.close()
    assert inbox.messages, "no notification e-mail arrived"
    recipients, message = inbox.messages[0]
    assert recipients == [buyer.email] and message["To"] == buyer.email
    assert PARCEL in message["Subject"]
    assert f"{site.url}/track/{PARCEL}" in message.get_content()

    # Unsubscribe: gone from the page and from the database.
    page.goto(f"{site.url}/track/{PARCEL}")
    panel = page.locator(f"#notify-{PARCEL}")
    panel.get_by_role("button", name=f"Unsubscribe {buyer.email}").click()
    page.wait_for_url(f"{site.url}/track/{PARCEL}#notify-{PARCEL}")
    expect(page.locator("#flash")).to_contain_text(f"no longer be notified about {PARCEL}")
    expect(page.locator(f"#notify-{PARCEL} .sub")).to_have_count(0)
    assert _subscriptions(site, buyer.account_id) == []


def test_forms_need_the_token_and_refuse_unsafe_urls(page: Any, site: Site, inbox: Inbox) -> None:
    shop = make_shop(site, [PARCEL, OTHER])
    signed_out = page.request.post(f"{site.url}/track/{PARCEL}/subscribe", max_redirects=0,
                                   form={"channel": "email", "target": "x@example.com"})
    assert signed_out.status == 303 and signed_out.headers["location"].startswith("/login?next=")
    page.goto(f"{site.url}/login?next=/orders/{shop.order_id}")
    sign_in(page, shop.buyer.email)
    page.wait_for_url(f"{site.url}/orders/{shop.order_id}")
    for number in (PARCEL, OTHER):  # every package card of the order has the form
        expect(page.locator(f"#notify-{number} form.notify-form")).to_have_count(1)
    token = page.locator(f"#notify-{PARCEL} input[name=csrf]").first.get_attribute("value")
    assert token
    base = {"channel": "webhook", "target": "https://example.org/hook", "events": "status_change",
            "language": "en"}
    # No token, or another one: refused before anything is read.
    for form in (base, {**base, "csrf": "x" * 43}):
        response = page.request.post(f"{site.url}/track/{PARCEL}/subscribe", form=form, max_redirects=0)
        assert response.status == 403 and "text/html" in response.headers["content-type"]
    # A webhook to this very machine: the API's stable code, as a 400 page.
    response = page.request.post(f"{site.url}/track/{PARCEL}/subscribe", max_redirects=0,
                                 form={**base, "csrf": token, "target": "http://127.0.0.1:9/hook"})
    assert response.status == 400 and "unsafe_url" in response.text()
    # Half a quiet-hours range, an unknown event, no event at all: 400s, never a 500.
    for extra in ({"quiet_from": "22:00"}, {"events": "bogus"}, {"events": ""}):
        response = page.request.post(f"{site.url}/track/{PARCEL}/subscribe", max_redirects=0,
                                     form={**base, "csrf": token, "channel": "email",
                                           "target": "b@example.com", **extra})
        assert response.status == 400, extra
    # Not tracked, and someone else's (or no) subscription: 404 pages.
    response = page.request.post(f"{site.url}/track/PTS06000000015/subscribe", max_redirects=0,
                                 form={**base, "csrf": token})
    assert response.status == 404
    response = page.request.post(f"{site.url}/track/{PARCEL}/unsubscribe", max_redirects=0,
                                 form={"csrf": token, "subscription": "999"})
    assert response.status == 404
    # Quiet hours from the page, on the several-numbers page, and listed.
    page.goto(f"{site.url}/track?q={PARCEL}%20{OTHER}")
    panel = page.locator(f"#notify-{OTHER}")
    panel.locator("summary").click()
    panel.get_by_label("Language of the messages").select_option("pt")
    panel.get_by_label("E-mail address or URL").fill("night@example.com")
    panel.get_by_label("From").fill("22:00")
    panel.get_by_label("To").fill("07:00")
    panel.get_by_role("button", name="Get notified", exact=True).click()
    page.wait_for_url(re.compile(rf"/track\?q=.*#notify-{OTHER}$"))
    expect(page.locator(f"#notify-{OTHER} .sub")).to_contain_text("quiet 22:00–07:00")
    expect(page.locator(f"#notify-{PARCEL} .sub")).to_have_count(0)  # only the parcel subscribed to
    [subscription] = _subscriptions(site, shop.buyer.account_id)
    assert (subscription.channel, subscription.language) == (ChannelKind.EMAIL, "pt")
    assert (subscription.quiet_start, subscription.quiet_end) == ("22:00", "07:00")
