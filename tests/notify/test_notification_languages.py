"""Every language a subscription accepts is written end to end: status texts, the words around them
and the unsubscribe line, so no recipient gets an e-mail or a push that is half in English."""

from __future__ import annotations

import re
from typing import Any

import pytest

from parceltrail.services.notifications import messages as notification_messages
from parceltrail.services.notifications import push
from parceltrail.services.notifications.messages import notification_langs, render
from parceltrail.services.notifications.subscriptions import (
    InvalidSubscriptionError,
    SubscriptionRequest,
    options,
    validate,
)
from parceltrail.services.notifications.unsubscribe import FOOTER
from parceltrail.status import message, message_langs

_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
NUMBER, LINK = "PTS03000000012", "https://parcels.example.org/track/PTS03000000012"
# Carrier text in the payload is the carrier's own and stays as it came; none here, so every letter
# of a rendered notice is ours.
PAYLOADS: list[dict[str, Any]] = [
    {"kind": "status_change", "tracking_number": NUMBER, "subtag": "AvailableForPickup_001", "link": LINK},
    {"kind": "exception", "tracking_number": NUMBER, "subtag": "Exception_006", "link": LINK},
    {"kind": "late", "tracking_number": NUMBER, "eta": "2026-11-20", "was_due": "2026-11-14", "link": LINK},
    {"kind": "eta_changed", "tracking_number": NUMBER, "eta": "2026-11-20", "previous_eta": "2026-11-18",
     "link": LINK},
    {"kind": "not_updated", "tracking_number": NUMBER, "stale_days": 9, "stale_since": "2026-11-02T08:00:00",
     "link": LINK},
]
NON_LATIN = ("zh", "ru", "uk", "ko", "ja", "he", "ar", "el")


def _words() -> dict[str, dict[str, str]]:
    return notification_messages._WORDS


def test_every_message_language_is_a_notification_language() -> None:
    assert notification_langs() == message_langs()
    assert options()["languages"] == list(notification_langs())


@pytest.mark.parametrize("lang", message_langs())
def test_words_and_footer_complete_with_the_same_placeholders(lang: str) -> None:
    english = _words()["en"]
    words = _words()[lang]
    assert set(words) == set(english), lang
    for key, text in english.items():
        assert words[key].strip(), f"{lang}.{key} is empty"
        assert sorted(_PLACEHOLDER.findall(words[key])) == sorted(_PLACEHOLDER.findall(text)), f"{lang}.{key}"
    assert _PLACEHOLDER.findall(FOOTER[lang]) == ["{link}"]


@pytest.mark.parametrize("lang", [lang for lang in message_langs() if lang != "en"])
def test_no_english_left_in_a_notice(lang: str) -> None:
    english_words = [w for w in _words()["en"].values() if "{" not in w]
    for payload in [*PAYLOADS, {"kind": "digest", "items": PAYLOADS[:2]}]:
        text = render(payload, lang)
        whole = f"{text.subject}\n{text.body}"
        for word in english_words:
            assert word not in whole, f"{lang} {payload['kind']}: {word!r}"
        if lang in NON_LATIN:
            ours = whole.replace(LINK, "").replace(NUMBER, "")
            assert not re.search(r"[A-Za-z]", ours), f"{lang} {payload['kind']}: {ours!r}"
    status = render(PAYLOADS[0], lang)
    assert message("AvailableForPickup_001", lang).meaning in status.body
    assert message("AvailableForPickup_001", lang).next_step in status.body


def test_a_language_missing_any_string_is_not_accepted(monkeypatch: pytest.MonkeyPatch) -> None:
    partial = {lang: dict(words) for lang, words in _words().items() if lang != "ja"}
    monkeypatch.setattr(notification_messages, "_WORDS", partial)
    assert "ja" not in notification_langs() and "ja" in message_langs()
    request = SubscriptionRequest(channel="email", target="kenji@example.jp", language="ja")
    with pytest.raises(InvalidSubscriptionError, match="language must be one of"):
        validate(request)
    # ... and a notice for it is all English rather than half English.
    text = render(PAYLOADS[0], "ja")
    assert "What to do" in text.body and message("AvailableForPickup_001", "en").meaning in text.body


@pytest.mark.parametrize("language", ["ja", "he", "nb-NO", "pt-BR", "uk"])
def test_subscription_accepts_the_new_languages(language: str) -> None:
    validate(SubscriptionRequest(channel="email", target="someone@example.org", language=language))


def test_push_keeps_a_covered_language_and_drops_others() -> None:
    class NoSubscriptions:
        def subscriptions(self, all_accounts: bool = False) -> list[object]:
            return []

    class Notes(NoSubscriptions):
        added: list[Any]

        def __init__(self) -> None:
            self.added = []

        def add_subscription(self, subscription: Any) -> Any:
            self.added.append(subscription)
            return subscription

        def save_state(self, *args: Any, **kwargs: Any) -> None:
            return None

    class Shipments:
        def get(self, shipment_id: int) -> None:
            return None

    class Uow:
        def __init__(self) -> None:
            self.notifications = Notes()
            self.shipments = Shipments()

    from datetime import UTC, datetime

    for asked, kept in (("he", "he"), ("ko", "ko"), ("xx", None)):
        uow = Uow()
        subscription, created = push.subscribe(uow, 1, "https://push.example/ep", "keys", asked,  # type: ignore[arg-type]
                                               datetime(2026, 12, 1, tzinfo=UTC))
        assert created and subscription.language == kept
