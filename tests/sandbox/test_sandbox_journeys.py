"""The journey model: deterministic, realistic, every scenario and language, legs that fit together."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from parceltrail.adapters.sandbox import (
    SCENARIOS,
    TEST_NUMBERS,
    TEST_NUMBERS_BY_DESTINATION,
    Journey,
    Leg,
    Scenario,
    build_journey,
    expected_statuses,
    journey,
    make_number,
    number_for,
)
from parceltrail.adapters.sandbox.scenarios import demo_parcel, parse_sandbox_number
from parceltrail.numbers import detect
from parceltrail.status.taxonomy import Subtag

ZONES = {
    "CN": "Asia/Shanghai", "BR": "America/Sao_Paulo", "ES": "Europe/Madrid", "RU": "Europe/Moscow",
    "FR": "Europe/Paris", "DE": "Europe/Berlin", "US": "America/New_York", "GB": "Europe/London",
}
ORIGIN = ["INF", "ACC", "SRT", "SDP", "EXC", "DEP", "ARR", "IMC"]
LAST_MILE_DELIVERED = ["TRF", "ARD", "OFD", "DLV"]
LAST_MILE_BY_LANG = {
    "BR": "pt-BR", "ES": "es", "RU": "ru", "FR": "fr", "DE": "de", "US": "en-US", "GB": "en-GB",
}
RETURNED_AT_DOOR = ["TRF", "ARD", "OFD", "RFS", "RTS", "RDP", "RTD"]


def both_legs(number: str, epoch: datetime) -> tuple[Journey, Journey | None]:
    main = journey(number, epoch, demo=False)
    assert main is not None
    last = journey(main.next_leg, epoch, demo=False) if main.next_leg else None
    return main, last


def codes(number: str, epoch: datetime) -> tuple[list[str], list[str]]:
    main, last = both_legs(number, epoch)
    return [e.code for e in main.events], [e.code for e in last.events] if last else []


def all_test_numbers() -> list[str]:
    return [n for by_dest in TEST_NUMBERS_BY_DESTINATION.values() for n in by_dest.values()]


def test_test_numbers_are_fixed_sandbox_numbers() -> None:
    assert set(TEST_NUMBERS) == set(SCENARIOS)
    assert TEST_NUMBERS["delivered"] == make_number(Scenario.DELIVERED, 1)
    for name, number in TEST_NUMBERS.items():
        assert len(number) == 14 and number.startswith("PTS")
        assert number[3:5] == f"{Scenario[name.upper()]:02d}" and number[5:13] == "00000001"
        assert TEST_NUMBERS_BY_DESTINATION[name]["BR"] == number
    for number in all_test_numbers():
        best = detect(number)[0]
        assert (best.carrier, best.checksum) == ("parceltrail-sandbox", "passed")


def test_journeys_are_deterministic(epoch: datetime) -> None:
    for number in all_test_numbers():
        assert journey(number, epoch, demo=False) == journey(number, epoch, demo=False)
    later = journey(TEST_NUMBERS["delivered"], epoch + timedelta(days=3), demo=False)
    first = journey(TEST_NUMBERS["delivered"], epoch, demo=False)
    assert later and first
    # Same journey shifted with the epoch: the shape depends only on (scenario, serial).
    assert [e.occurred_at - timedelta(days=3) for e in later.events] == [e.occurred_at for e in first.events]


@pytest.mark.parametrize(
    ("number", "main", "last_mile"),
    [
        (TEST_NUMBERS["delivered"], [*ORIGIN, "REL", "HND"], LAST_MILE_DELIVERED),
        (TEST_NUMBERS["customs_hold"], [*ORIGIN, "HLD", "REL", "HND"], LAST_MILE_DELIVERED),
        (TEST_NUMBERS["lost"], ORIGIN[:6], []),
        (number_for("lost", "ES"), ORIGIN[:7], []),
        (TEST_NUMBERS["returned"], [*ORIGIN, "REL", "HND"], RETURNED_AT_DOOR),
        (number_for("returned", "ES"), [*ORIGIN, "CRJ", "RTC", "RDP", "RTD"], []),
        (TEST_NUMBERS["unregistered"], ["ACC"], []),
        (TEST_NUMBERS["not_yet_active"], [*ORIGIN, "REL", "HND"], LAST_MILE_DELIVERED),
        (TEST_NUMBERS["pickup_point"], [*ORIGIN, "REL", "HND"], ["TRF", "ARD", "OFD", "ATT", "PUP", "PKD"]),
        (number_for("pickup_point", "ES"), [*ORIGIN, "REL", "HND"],
         ["TRF", "ARD", "OFD", "ATT", "OFD", "ATT", "PUP", "PKD"]),
    ],
)
def test_scenario_event_sequences(epoch: datetime, number: str, main: list[str], last_mile: list[str]):
    assert codes(number, epoch) == (main, last_mile)


def test_expected_statuses_per_scenario(epoch: datetime) -> None:
    def statuses(number: str) -> list[str]:
        main, last = both_legs(number, epoch)
        events = [*main.events, *(last.events if last else ())]
        return [subtag for _, subtag in expected_statuses(events)]

    head = ["InfoReceived_001", "InTransit_002", "InTransit_003", "InTransit_007", "InTransit_005",
            "InTransit_007", "InTransit_004", "InTransit_006"]
    handover = ["InTransit_005", "InTransit_001", "InTransit_001", "InTransit_003", "OutForDelivery_001"]
    assert statuses(TEST_NUMBERS["delivered"]) == [*head, *handover, "Delivered_001"]
    assert statuses(TEST_NUMBERS["customs_hold"]) == [*head, "Exception_004", *handover, "Delivered_001"]
    assert statuses(TEST_NUMBERS["lost"]) == head[:6]
    assert statuses(TEST_NUMBERS["returned"]) == [
        *head, *handover, "Exception_003", "Exception_010", "Exception_010", "Exception_011"]
    assert statuses(number_for("returned", "ES")) == [
        *head, "Exception_004", "Exception_010", "Exception_010", "Exception_011"]
    assert statuses(TEST_NUMBERS["unregistered"]) == ["InTransit_002"]
    assert statuses(TEST_NUMBERS["pickup_point"]) == [
        # "Carteiro não atendido": nobody answered the door, AttemptFail_002
        *head, *handover, "AttemptFail_002", "AvailableForPickup_001", "Delivered_002"]
    main, _ = both_legs(TEST_NUMBERS["delivered"], epoch)
    for event in main.events:
        assert isinstance(event.expected_subtag, Subtag)
        assert event.expected_tag == event.expected_subtag.tag


def test_every_destination_language_appears(epoch: datetime) -> None:
    langs: set[str] = set()
    for country, number in TEST_NUMBERS_BY_DESTINATION["delivered"].items():
        main, last = both_legs(number, epoch)
        assert last is not None and main.destination_country == country == last.destination_country
        assert {e.lang for e in main.events} == {"zh", "en"}
        assert {e.lang for e in last.events} == {LAST_MILE_BY_LANG[country]}
        assert all(e.country == country for e in last.events)
        langs |= {e.lang for e in (*main.events, *last.events)}
    assert langs == {"zh", "en", *LAST_MILE_BY_LANG.values()}


def test_texts_read_like_real_carriers(epoch: datetime) -> None:
    main, last = both_legs(TEST_NUMBERS["delivered"], epoch)  # BR
    assert last is not None
    by_code = {e.code: e for e in (*main.events, *last.events)}
    assert "揽收" in by_code["ACC"].text and by_code["ACC"].location.endswith("市")
    assert "Objeto" in by_code["DLV"].text and "entregue" in by_code["DLV"].text
    assert by_code["HND"].text.count(main.next_leg or "-") == 1  # handover names the new number
    _, de = both_legs(number_for("delivered", "DE"), epoch)
    assert de is not None and "zugestellt" in de.events[-1].text
    _, ru = both_legs(number_for("delivered", "RU"), epoch)
    assert ru is not None and "адресату" in ru.events[-1].text.lower()


def test_next_leg_numbers_are_valid_and_answered(epoch: datetime) -> None:
    for number in all_test_numbers():
        main, last = both_legs(number, epoch)
        if main.next_leg is None:
            assert main.handover_at is None
            continue
        ref = parse_sandbox_number(main.next_leg)
        assert ref is not None and ref.leg is Leg.LAST_MILE and ref.family == main.family
        assert main.next_leg[5:13] == number[5:13]  # same serial
        best = detect(main.next_leg)[0]
        assert (best.carrier, best.checksum) == ("parceltrail-sandbox", "passed")
        assert last is not None and last.events and last.number == main.next_leg
        assert last.active_from == main.handover_at == main.events[-1].occurred_at
        assert last.events[0].occurred_at > main.events[-1].occurred_at
        assert last.next_leg is None


def test_last_mile_numbers_without_a_handover_are_unknown(epoch: datetime) -> None:
    assert journey(make_number(Scenario.LOST, 1, Leg.LAST_MILE), epoch, demo=False) is None
    assert journey(make_number(Scenario.UNREGISTERED, 1, Leg.LAST_MILE), epoch, demo=False) is None
    assert build_journey(Scenario.RETURNED, 2, epoch, leg=Leg.LAST_MILE) is None  # refused by customs


def test_times_carry_the_local_offset(epoch: datetime) -> None:
    for number in all_test_numbers():
        main, last = both_legs(number, epoch)
        for e in (*main.events, *(last.events if last else ())):
            assert e.occurred_at.utcoffset() == ZoneInfo(ZONES[e.country]).utcoffset(e.occurred_at)
            assert e.occurred_at.microsecond == 0


def test_gaps_between_scans_are_realistic(epoch: datetime) -> None:
    durations = []
    for serial in range(1, 71):
        main = build_journey(Scenario.DELIVERED, serial, epoch)
        last = build_journey(Scenario.DELIVERED, serial, epoch, leg=Leg.LAST_MILE)
        assert main and last
        events = [*main.events, *last.events]
        gaps = [b.occurred_at - a.occurred_at for a, b in zip(events, events[1:], strict=False)]
        assert all(timedelta(minutes=30) <= g <= timedelta(days=6) for g in gaps), gaps
        durations.append(events[-1].occurred_at - events[0].occurred_at)
        # Couriers go out in the morning, local time.
        ofd = next(e for e in last.events if e.code == "OFD")
        assert 7 <= ofd.occurred_at.hour < 11
    assert all(timedelta(days=7) <= d <= timedelta(days=22) for d in durations), durations
    assert max(durations) - min(durations) > timedelta(days=3)  # they vary


def test_customs_hold_is_a_long_silence(epoch: datetime) -> None:
    for serial in range(1, 15):
        main = build_journey(Scenario.CUSTOMS_HOLD, serial, epoch)
        assert main is not None
        at = {e.code: e.occurred_at for e in main.events}
        assert timedelta(days=7) <= at["REL"] - at["HLD"] <= timedelta(days=10)


def test_unregistered_stops_at_acceptance(epoch: datetime) -> None:
    j = journey(TEST_NUMBERS["unregistered"], epoch, demo=False)
    assert j is not None
    assert [e.code for e in j.events] == ["ACC"] and j.next_leg is None
    far = epoch + timedelta(days=365)
    assert j.found(far) and [e.code for e in j.visible_events(far)] == ["ACC"]


def test_not_yet_active_is_not_found_then_found(epoch: datetime) -> None:
    j = journey(TEST_NUMBERS["not_yet_active"], epoch, demo=False)
    assert j is not None
    assert timedelta(hours=24) <= j.active_from - epoch <= timedelta(hours=54)
    assert j.events[0].occurred_at == j.active_from
    assert not j.found(epoch) and not j.found(j.active_from - timedelta(seconds=1))
    assert j.found(j.active_from) and len(j.visible_events(j.active_from)) == 1


def test_normal_numbers_are_known_from_the_epoch(epoch: datetime) -> None:
    j = journey(TEST_NUMBERS["delivered"], epoch, demo=False)
    assert j is not None
    assert j.found(epoch)
    assert epoch <= j.events[0].occurred_at <= epoch + timedelta(hours=6)
    assert j.visible_events(epoch - timedelta(seconds=1)) == []


def test_visibility_follows_the_clock(epoch: datetime) -> None:
    j = journey(TEST_NUMBERS["delivered"], epoch, demo=False)
    assert j is not None and j.handover_at is not None
    now = j.events[4].occurred_at
    assert [e.code for e in j.visible_events(now)] == ORIGIN[:5]
    assert j.visible_next_leg(now) is None
    assert j.visible_next_leg(j.handover_at) == j.next_leg


def test_sandbox_numbers_need_a_valid_check_digit(epoch: datetime) -> None:
    good = TEST_NUMBERS["delivered"]
    bad = good[:-1] + str((int(good[-1]) + 1) % 10)
    assert journey(bad, epoch, demo=False) is None
    assert journey(good.lower(), epoch, demo=False) is not None
    assert journey("PTS08000000011", epoch, demo=False) is None  # no such scenario
    assert journey("1Z999AA10123456784", epoch, demo=False) is None  # not ours outside demo mode


def test_demo_answers_any_valid_number(epoch: datetime) -> None:
    ups = "1Z999AA10123456784"
    j = journey(ups, epoch, demo=True)
    assert j is not None and j.number == ups and j.demo
    assert epoch - timedelta(days=12) <= j.events[0].occurred_at <= epoch + timedelta(days=2)
    ref = demo_parcel(ups)
    if j.next_leg:
        assert j.next_leg == make_number(ref.family, ref.serial, Leg.LAST_MILE)
        last = journey(j.next_leg, epoch, demo=True)
        assert last is not None and last.active_from == j.handover_at
    assert journey("hello world", epoch, demo=True) is None


def test_demo_scenarios_favour_normal_journeys() -> None:
    counts = Counter(demo_parcel(f"LX{i:09d}CN").family for i in range(2000))
    assert counts.most_common(1)[0][0] is Scenario.DELIVERED
    assert set(counts) == set(Scenario)


def test_demo_parcels_are_at_every_stage(epoch: datetime) -> None:
    stages = Counter()
    for i in range(300):
        j = build_journey(Scenario.DELIVERED, 1000 + i, epoch, demo=True)
        last = build_journey(Scenario.DELIVERED, 1000 + i, epoch, demo=True, leg=Leg.LAST_MILE)
        assert j and last
        visible = [*j.visible_events(epoch), *last.visible_events(epoch)]
        stages[visible[-1].code if visible else "none"] += 1
    assert {"INF", "DEP", "HND", "OFD", "DLV"} <= set(stages) or len(stages) >= 8


def test_epoch_must_be_aware() -> None:
    with pytest.raises(ValueError, match="aware"):
        build_journey(Scenario.DELIVERED, 1, datetime(2026, 1, 1))
