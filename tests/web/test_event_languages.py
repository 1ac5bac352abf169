"""A track card whose scans are in other languages than the page: each event reads in the page's
language (the status message), never as a raw code, with the carrier's own text one click away."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from parceltrail.bootstrap import Runtime
from parceltrail.domain.events import event_fingerprint
from parceltrail.domain.shipment import Shipment, TrackingEvent
from parceltrail.entrypoints.web.cards import build_card
from parceltrail.entrypoints.web.i18n import Locale
from parceltrail.entrypoints.web.pages import render_card
from parceltrail.status import SUBTAGS, classify, message

NUMBER = "LX123456785CN"
AT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
# (carrier text, its language): a Polish, a Japanese and a Czech carrier on one chain.
SCANS = [
    ("Przesyłka przyjęta w placówce", "pl"),
    ("お荷物をお届けしました", "ja"),
    ("Zásilka byla doručena", "cs"),
]
PAGE_LANGS = ("en", "es", "pt", "ru", "zh")
_ORIGINAL = re.compile(r'<details class="raw"><summary>(.*?)</summary>'
                       r'<span lang="(\w+)" dir="auto">(.*?)</span></details>', flags=re.S)
_CODE = re.compile("|".join(sorted((s.value for s in SUBTAGS), key=len, reverse=True)))


@pytest.fixture
def parcel(runtime: Runtime) -> int:
    with runtime.store.transaction() as repo:
        shipment = repo.shipments.add(Shipment(
            NUMBER, "china-post", origin_country="CN", destination_country="PL", tag="Delivered",
            subtag="Delivered_001", first_event_at=AT, last_event_at=AT + timedelta(days=2)), AT)
        assert shipment.id is not None
        events = []
        for day, (text, lang) in enumerate(SCANS):
            found = classify(text, lang=lang)
            assert found.classified, text  # the classifier places each one; the card shows what it placed
            at = AT + timedelta(days=day)
            events.append(TrackingEvent(
                occurred_at=at, raw_text=text, source="test", shipment_id=shipment.id, lang=lang,
                fingerprint=event_fingerprint(NUMBER, at, text, None, "PL"), country="PL",
                tag=found.tag, subtag=found.subtag, classified=True, retrieved_at=at))
        repo.shipments.add_events(events)
    return shipment.id


def _rows(page: str) -> list[str]:
    return re.findall(r'<li class="ev [^"]*">(.*?)</li>', page, flags=re.S)


@pytest.mark.parametrize("page_lang", PAGE_LANGS)
def test_events_read_in_the_page_language_with_the_original_a_click_away(
        runtime: Runtime, parcel: int, page_lang: str) -> None:
    loc = Locale(page_lang, ZoneInfo("UTC"))
    card = build_card(runtime, runtime.tracker.timeline(parcel), loc, NUMBER)
    page = render_card(card, loc)
    rows = _rows(page)
    assert len(rows) == len(SCANS)
    by_text = {text: lang for text, lang in SCANS}
    seen = set()
    for row in rows:
        what = html.unescape(re.search(r'<span class="what">(.*?)</span>', row, flags=re.S).group(1))
        original = _ORIGINAL.search(row)
        assert original is not None, row  # folded away behind a summary: one click shows it
        summary, raw_lang, raw = (html.unescape(original.group(1)), original.group(2),
                                  html.unescape(original.group(3)))
        assert raw in by_text and raw_lang == by_text[raw]
        subtag = classify(raw, lang=raw_lang).subtag
        assert subtag is not None
        assert what == message(subtag, page_lang).title  # the page's language, not the carrier's
        assert summary == loc.t("card.original")
        seen.add(raw)
        assert not _CODE.search(row), row  # no AfterShip code shown to the reader
    assert seen == set(by_text)
