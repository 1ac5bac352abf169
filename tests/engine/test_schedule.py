from __future__ import annotations

from datetime import UTC, datetime, timedelta

from parceltrail.carriers.base import FailureKind
from parceltrail.domain.shipment import Shipment
from parceltrail.engine import schedule

NOW = datetime(2026, 11, 10, 12, tzinfo=UTC)
H = timedelta(hours=1)


def _s(tag: str, subtag: str | None = None, **kw: object) -> Shipment:
    kw.setdefault("created_at", NOW - 2 * H)
    return Shipment(tracking_number="N", carrier="c", tag=tag, subtag=subtag or f"{tag}_001", **kw)  # type: ignore[arg-type]


def test_terminal_states_stop_polling() -> None:
    assert schedule.after_success(_s("Delivered"), NOW) is None
    assert schedule.after_success(_s("Expired"), NOW) is None


def test_out_for_delivery_is_polled_more_often_than_in_transit() -> None:
    ofd = schedule.after_success(_s("OutForDelivery", last_event_at=NOW - H), NOW)
    transit = schedule.after_success(_s("InTransit", "InTransit_002", last_event_at=NOW - H), NOW)
    assert ofd is not None and transit is not None
    assert ofd - NOW == H
    assert transit - NOW == 4 * H


def test_long_silence_stretches_the_interval_up_to_a_cap() -> None:
    quiet = schedule.after_success(_s("InTransit", "InTransit_002", last_event_at=NOW - 40 * H), NOW)
    very_quiet = schedule.after_success(_s("InTransit", "InTransit_002", last_event_at=NOW - 400 * H), NOW)
    assert quiet == NOW + 10 * H
    assert very_quiet == NOW + schedule.MAX_INTERVAL


def test_not_found_backs_off_from_an_hour_to_a_day() -> None:
    young = _s("Pending", created_at=NOW - 10 * timedelta(minutes=1))
    old = _s("Pending", created_at=NOW - 10 * timedelta(days=1))
    assert schedule.after_not_found(young, NOW) == NOW + H
    assert schedule.after_not_found(_s("Pending", created_at=NOW - 12 * H), NOW) == NOW + 3 * H
    assert schedule.after_not_found(old, NOW) == NOW + 24 * H


def test_faults_back_off_exponentially_and_honour_retry_after() -> None:
    delays = [schedule.after_failure(FailureKind.RETRY_LATER, n, NOW) - NOW for n in range(1, 10)]  # type: ignore[operator]
    assert delays[:3] == [timedelta(minutes=1), timedelta(minutes=2), timedelta(minutes=4)]
    assert max(delays) == schedule.MAX_BACKOFF
    assert schedule.after_failure(FailureKind.RETRY_LATER, 1, NOW, 600) == NOW + timedelta(seconds=600)
    assert schedule.after_failure(FailureKind.PERMANENT, 1, NOW) is None
    assert schedule.after_failure(FailureKind.AUTH, 1, NOW) == NOW + H


def test_thirty_days_without_information_expires() -> None:
    assert schedule.is_expired(_s("InTransit", last_event_at=NOW - timedelta(days=31)), NOW)
    assert not schedule.is_expired(_s("InTransit", last_event_at=NOW - timedelta(days=29)), NOW)
    assert schedule.is_expired(_s("Pending", created_at=NOW - timedelta(days=31)), NOW)
    assert not schedule.is_expired(_s("Delivered", last_event_at=NOW - timedelta(days=90)), NOW)


def test_unregistered_items_are_not_polled_past_acceptance() -> None:
    item = _s("InTransit", "InTransit_002", trackable=False, last_event_at=NOW - H)
    assert schedule.after_success(item, NOW) is None
