"""E-mail updates without an account, in a real browser and through a real local SMTP server: the visitor
gives an address, gets a confirmation link, confirms on the page the link opens, gets the parcel's
notifications with an unsubscribe link, and unsubscribes with it; at desktop and mobile sizes and in every
page language."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from email.message import EmailMessage
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from parceltrail.adapters.delivery.dispatcher import outbox_dispatcher
from parceltrail.domain.notifications import ChannelKind, Scope, Subscription
from parceltrail.entrypoints.web.i18n import LANGS, Locale
from tests.web.conftest import Site, make_shop, shot
from tests.web.test_subscribe import Inbox, inbox  # noqa: F401 - the local SMTP server fixture

PARCEL = "PTS01000000016"  # moves on when the clock does
VISITOR = "visitor@example.org"
SIZES = {"desktop": {"width": 1280, "height": 900}, "mobile": {"width": 390, "height": 844}}
LINK = re.compile(r"https?://\S+/notify/confirm/[A-Za-z0-9_-]+")
UNSUBSCRIBE = re.compile(r"https?://\S+/notify/unsubscribe/\d+\.[0-9a-f]+")


@pytest.fixture
def visitor(browser: Any, site: Site) -> Iterator[Callable[[str], Any]]:
    """A signed-out visitor's tab at a named size."""
    contexts: list[Any] = []

    def make(size: str) -> Any:
        context = browser.new_context(locale="en-US", timezone_id="Europe/Madrid", viewport=SIZES[size])
        context.set_default_timeout(15_000)
        context.add_cookies([{"name": "parceltrail_tz", "value": "Europe%2FMadrid", "url": site.url}])
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def guest_subscriptions(site: Site) -> list[Subscription]:
    with site.runtime.store.read() as repo:
        return repo.notifications.subscriptions(None)


def mails_to(inbox: Inbox, address: str) -> list[EmailMessage]:  # noqa: F811 - the fixture's type
    return [message for recipients, message in inbox.messages if recipients == [address]]


def ask_for_updates(page: Any, site: Site, loc: Locale, address: str) -> None:
    panel = page.locator(f"#notify-{PARCEL}")
    expect(panel.get_by_text(loc.t("optin.intro"))).to_be_visible()
    panel.get_by_label(loc.t("optin.email")).fill(address)
    panel.get_by_role("button", name=loc.t("optin.submit")).click()
    page.wait_for_url(f"{site.url}/track/{PARCEL}#notify-{PARCEL}")
    expect(page.locator("#flash")).to_have_text(loc.t("flash.optin_sent"))


@pytest.mark.parametrize(("lang", "size"), [("en", "desktop"), ("ru", "mobile")])
def test_a_visitor_confirms_gets_the_news_and_unsubscribes(visitor: Callable[[str], Any], site: Site,
                                                           inbox: Inbox, lang: str, size: str) -> None:  # noqa: F811
    loc = Locale(lang, ZoneInfo("UTC"))
    make_shop(site, [PARCEL])
    page = visitor(size)
    page.goto(f"{site.url}/track/{PARCEL}?lang={lang}")
    shot(page, f"optin-form-{lang}-{size}")
    ask_for_updates(page, site, loc, VISITOR.upper())

    # Nothing is subscribed before the address owner follows the link.
    assert guest_subscriptions(site) == []
    [mail] = mails_to(inbox, VISITOR)
    assert mail["Subject"] == loc.t("optin.mail_subject", number=PARCEL)
    assert mail["Content-Language"] == lang
    body = mail.get_content().replace("\r\n", "\n")
    found = LINK.search(body)
    assert found, body
    link = found.group(0)
    assert link.startswith(site.url)

    # Opening the link (as a mail scanner would) shows what it confirms, and subscribes nobody.
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text(loc.t("optin.confirm_title", number=PARCEL))
    expect(page.get_by_text(loc.t("optin.confirm_explain", number=PARCEL, email=VISITOR))).to_be_visible()
    assert guest_subscriptions(site) == []
    shot(page, f"optin-confirm-{lang}-{size}")
    page.get_by_role("button", name=loc.t("optin.confirm_submit")).click()
    page.wait_for_url(f"{site.url}/track/{PARCEL}")
    expect(page.locator("#flash")).to_have_text(loc.t("flash.optin_confirmed", number=PARCEL))
    [subscription] = guest_subscriptions(site)
    assert subscription.scope is Scope.SHIPMENT and subscription.channel is ChannelKind.EMAIL
    assert subscription.target == VISITOR and subscription.language == lang
    assert subscription.account_id is None and subscription.timezone == "Europe/Madrid"
    # Following the link again changes nothing.
    page.goto(link)
    page.get_by_role("button", name=loc.t("optin.confirm_submit")).click()
    page.wait_for_url(f"{site.url}/track/{PARCEL}")
    assert len(guest_subscriptions(site)) == 1

    # The parcel arrives: the notification e-mail ends with an unsubscribe link.
    site.advance(timedelta(days=30))
    dispatcher = outbox_dispatcher(site.runtime.store, site.clock)
    deadline = time.monotonic() + 30
    try:
        while len(mails_to(inbox, VISITOR)) < 2 and time.monotonic() < deadline:
            dispatcher.run_once()
            time.sleep(0.2)
    finally:
        dispatcher.close()
    mails = mails_to(inbox, VISITOR)
    assert len(mails) >= 2, "no notification e-mail arrived"
    news = mails[1]
    assert PARCEL in news["Subject"]
    text = news.get_content()
    unsubscribe = UNSUBSCRIBE.search(text)
    assert unsubscribe, text
    assert news["List-Unsubscribe"] == f"<{unsubscribe.group(0)}>"
    assert news["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # Unsubscribing: the link shows what ends; the button ends it; the link is dead afterwards.
    page.goto(unsubscribe.group(0))
    expect(page.get_by_text(loc.t("optin.unsub_explain", number=PARCEL, email=VISITOR))).to_be_visible()
    assert len(guest_subscriptions(site)) == 1
    shot(page, f"optin-unsubscribe-{lang}-{size}")
    page.get_by_role("button", name=loc.t("optin.unsub_submit")).click()
    expect(page.get_by_role("status")).to_have_text(loc.t("flash.mail_unsubscribed", number=PARCEL))
    assert guest_subscriptions(site) == []
    again = page.goto(unsubscribe.group(0))
    assert again is not None and again.status == 404
    expect(page.locator("p.error")).to_have_text(loc.t("optin.unsub_invalid"))


@pytest.mark.parametrize("lang", LANGS)
def test_the_visitor_form_in_every_language(visitor: Callable[[str], Any], site: Site, inbox: Inbox,  # noqa: F811
                                            lang: str) -> None:
    loc = Locale(lang, ZoneInfo("UTC"))
    make_shop(site, [PARCEL])
    page = visitor("mobile")
    page.goto(f"{site.url}/track/{PARCEL}?lang={lang}")
    panel = page.locator(f"#notify-{PARCEL}")
    expect(panel.get_by_role("heading")).to_have_text(loc.t("notify.title"))
    expect(panel.get_by_text(loc.t("optin.hint"))).to_be_visible()
    for size in SIZES:
        page.set_viewport_size(SIZES[size])
        shot(page, f"optin-panel-{lang}-{size}")

    # A bad address (the browser's own check bypassed): the form again, in the page's language.
    answer = page.request.post(f"{site.url}/track/{PARCEL}/notify-email?lang={lang}",
                               form={"email": "visitor.example.org"})
    assert answer.status == 400 and answer.headers["content-type"].startswith("text/html")
    assert loc.t("notify.error.invalid_email") in answer.text()
    # Another site's page cannot post the form.
    forged = page.request.post(f"{site.url}/track/{PARCEL}/notify-email",
                               form={"email": VISITOR}, headers={"Origin": "https://evil.example"})
    assert forged.status == 403
    assert mails_to(inbox, VISITOR) == []

    ask_for_updates(page, site, loc, VISITOR)
    [mail] = mails_to(inbox, VISITOR)
    assert mail["Subject"] == loc.t("optin.mail_subject", number=PARCEL)
    body = mail.get_content().replace("\r\n", "\n")
    assert loc.t("optin.mail_body", number=PARCEL, link="\0").split("\0")[0] in body
    # A forged or unknown link opens a page that says so, in the page's language.
    dead = page.goto(f"{site.url}/notify/confirm/not-a-real-token")
    assert dead is not None and dead.status == 404
    expect(page.locator("p.error")).to_have_text(loc.t("optin.invalid"))
