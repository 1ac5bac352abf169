from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from parceltrail.domain.events import chronological, current_status, event_fingerprint
from parceltrail.domain.shipment import TrackingEvent

MSK = timezone(timedelta(hours=3))


def _e(hour: int, tag: str | None, tz: timezone = UTC, classified: bool = True) -> TrackingEvent:
    when = datetime(2026, 11, 1, hour, tzinfo=tz)
    return TrackingEvent(occurred_at=when, raw_text=f"t{hour}", source="s",
                         fingerprint=event_fingerprint("N", when, f"t{hour}", None, None),
                         tag=tag, subtag=f"{tag}_001" if tag else None, classified=classified)


def test_fingerprint_ignores_spacing_case_and_offset_but_not_content() -> None:
    when = datetime(2026, 11, 1, 12, tzinfo=MSK)
    same_instant = when.astimezone(UTC)
    a = event_fingerprint("N1", when, "Вручение  адресату", "2", "Москва")
    assert a == event_fingerprint("N1", same_instant, "вручение адресату", "2", " москва ")
    assert a != event_fingerprint("N1", when, "Вручение адресату", "3", "Москва")
    assert a != event_fingerprint("N2", when, "Вручение адресату", "2", "Москва")
    assert a != event_fingerprint("N1", when + timedelta(minutes=1), "Вручение адресату", "2", "Москва")


def test_late_events_sort_by_time_and_status_is_the_latest_classified() -> None:
    delivered = _e(15, "Delivered")
    late_info = _e(8, "InfoReceived")
    noise = _e(16, None, classified=False)
    events = [delivered, noise, late_info, _e(12, "InTransit", tz=MSK)]  # 09:00 UTC
    assert [e.raw_text for e in chronological(events)] == ["t8", "t12", "t15", "t16"]
    assert current_status(events) == ("Delivered", "Delivered_001")
    assert current_status([noise]) is None
