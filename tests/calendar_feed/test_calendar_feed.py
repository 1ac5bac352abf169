"""The calendar feed: a secret, revocable, rotatable URL per user whose events (parsed here with the
`icalendar` package) are the parcels the user expects, all-day over the estimate window in the
destination's calendar, one stable UID per parcel, gone once delivered."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar
from sqlalchemy import text
from typer.testing import CliRunner

from parceltrail.adapters.sandbox import TEST_NUMBERS
from parceltrail.domain.calendar import hash_token
from parceltrail.entrypoints.cli.main import app as cli
from parceltrail.services.outlook.estimates import destination_zone
from parceltrail.services.outlook.eta import eta_for, models_for
from tests.calendar_feed.conftest import World

DELIVERED = TEST_NUMBERS["delivered"]
CUSTOMS = TEST_NUMBERS["customs_hold"]
RETURNED = TEST_NUMBERS["returned"]


def events_of(body: bytes) -> dict[str, object]:
    calendar = Calendar.from_ical(body)
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def feed(world: World, url: str) -> tuple[int, bytes]:
    path = url.removeprefix(world.runtime.settings.public_url)
    answer = world.client.get(path)
    return answer.status_code, answer.content


def test_the_feed_lists_expected_parcels_in_the_destination_calendar(world: World) -> None:
    world.ship([DELIVERED], reference="PT-CAL-1")
    tracked = world.client.post("/api/v1/trackings", json={"tracking_number": CUSTOMS, "title": "Kettle"},
                                headers=world.buyer.headers)
    assert tracked.status_code == 201, tracked.text
    world.poll(hours=30)
    created = world.client.post("/api/v1/calendar", json={"timezone": "Europe/London", "language": "en"},
                                headers=world.buyer.headers)
    assert created.status_code == 201, created.text
    url = created.json()["data"]["url"]
    assert url.startswith("https://parcels.example.org/calendar/") and url.endswith(".ics")
    status, body = feed(world, url)
    assert status == 200
    events = events_of(body)
    assert len(events) == 2
    summaries = sorted(str(e["SUMMARY"]) for e in events.values())
    assert any("PT-CAL-1" in s for s in summaries) and any("Kettle" in s for s in summaries)
    now = world.clock.now()
    models = models_for(world.runtime.store, now)
    with world.runtime.store.read() as repo:
        shipment = repo.shipments.find(DELIVERED)
        assert shipment is not None
        legs = repo.shipments.chain(shipment)
        events_ = repo.shipments.events([leg.id for leg in legs if leg.id is not None])
    from parceltrail.domain.shipment import Timeline

    eta = eta_for(Timeline(shipment, events_, legs), models, now)
    assert eta is not None
    zone = destination_zone(legs[0].destination_country or legs[-1].destination_country, "Europe/London")
    event = events[f"parcel-{shipment.id}@parceltrail"]
    start, end = event["DTSTART"].dt, event["DTEND"].dt
    # all-day events (dates, not datetimes) from the first to the last local day of the window
    assert type(start) is date and type(end) is date
    assert start == eta.earliest.astimezone(zone).date()
    assert end == eta.latest.astimezone(zone).date() + timedelta(days=1)
    assert start >= now.astimezone(zone).date()
    assert event["LAST-MODIFIED"].dt <= now
    assert str(event["TRANSP"]) == "TRANSPARENT"
    # the parcel is delivered some days later: its event goes, the other keeps its UID
    for _ in range(30):
        world.poll(hours=24)
        with world.runtime.store.read() as repo:
            current = repo.shipments.get(shipment.id or 0)
        if current is not None and current.tag == "Delivered":
            break
    assert current is not None and current.tag == "Delivered"
    status, body = feed(world, url)
    later = events_of(body)
    assert f"parcel-{shipment.id}@parceltrail" not in later
    assert set(later) <= set(events) - {f"parcel-{shipment.id}@parceltrail"}


def test_only_a_hash_is_stored_and_the_url_can_be_rotated_and_revoked(world: World) -> None:
    world.ship([DELIVERED])
    world.poll(hours=30)
    first = world.client.post("/api/v1/calendar", headers=world.buyer.headers).json()["data"]["url"]
    token = first.rsplit("/", 1)[1].removesuffix(".ics")
    with world.runtime.store.engine.connect() as conn:
        stored = conn.execute(text("SELECT token_hash, prefix FROM calendar_feeds")).all()
    assert stored == [(hash_token(token), token[:8])]
    shown = world.client.get("/api/v1/calendar", headers=world.buyer.headers).json()["data"]
    assert shown["prefix"] == token[:8]
    second = world.client.post("/api/v1/calendar", headers=world.buyer.headers).json()["data"]["url"]
    assert second != first
    assert feed(world, first)[0] == 404  # rotated: the old URL is dead
    assert feed(world, second)[0] == 200
    unknown = world.client.get("/calendar/not-a-real-token.ics")
    assert unknown.status_code == 404 and unknown.json()["error"]["code"] == "not_found"
    assert world.client.delete("/api/v1/calendar", headers=world.buyer.headers).status_code == 204
    assert feed(world, second)[0] == 404
    again = world.client.delete("/api/v1/calendar", headers=world.buyer.headers)
    assert again.status_code == 404 and again.json()["error"]["code"] == "not_found"
    # read-only keys cannot make feeds; bad zones are refused with a stable code
    read_only = {"X-API-Key": world.buyer.read_key}
    assert world.client.post("/api/v1/calendar", headers=read_only).status_code == 403
    bad = world.client.post("/api/v1/calendar", json={"timezone": "Mars/Olympus"},
                            headers=world.buyer.headers)
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "invalid_timezone"


def test_a_feed_shows_only_its_users_parcels_in_their_language(world: World) -> None:
    world.ship([DELIVERED])
    world.poll(hours=30)
    seller_feed = world.client.post("/api/v1/calendar", json={"language": "es"},
                                    headers=world.seller.headers).json()["data"]["url"]
    status, body = feed(world, seller_feed)
    assert status == 200 and events_of(body) == {}  # the seller is not the one expecting it
    assert str(Calendar.from_ical(body)["X-WR-CALNAME"]) == "Paquetes esperados"
    buyer_feed = world.client.post("/api/v1/calendar", json={"language": "es"},
                                   headers=world.buyer.headers).json()["data"]["url"]
    (event,) = events_of(feed(world, buyer_feed)[1]).values()
    assert str(event["SUMMARY"]).startswith("Paquete esperado")


def test_returned_and_unfollowed_parcels_have_no_event(world: World) -> None:
    world.ship([RETURNED, DELIVERED])
    world.poll(hours=30)
    with world.runtime.store.transaction() as repo:
        shipment = repo.shipments.find(DELIVERED)
        assert shipment is not None
        shipment.unfollowed_reason = "no connector is enabled for this carrier"
        repo.shipments.save(shipment, world.clock.now())
    url = world.client.post("/api/v1/calendar", headers=world.buyer.headers).json()["data"]["url"]
    for _ in range(40):
        with world.runtime.store.read() as repo:
            returned = repo.shipments.find(RETURNED)
        if returned is not None and returned.tag == "Exception" and returned.subtag == "Exception_011":
            break
        world.poll(hours=24)
    status, body = feed(world, url)
    assert status == 200
    assert events_of(body) == {}


def test_destination_zone_prefers_the_users_zone_inside_the_country() -> None:
    assert destination_zone("GB").key == "Europe/London"
    assert destination_zone("US").key == "America/New_York"
    assert destination_zone("US", "America/Los_Angeles").key == "America/Los_Angeles"
    assert destination_zone("GB", "America/Los_Angeles").key == "Europe/London"  # not in the country
    assert destination_zone("BR").key == "America/Sao_Paulo"
    assert destination_zone(None).key == "UTC"
    assert isinstance(destination_zone("JP"), ZoneInfo)


def test_cli_creates_and_revokes_a_feed(world: World, tmp_path: Path) -> None:
    env = {"PARCELTRAIL_DATABASE_URL": world.runtime.settings.database_url,
           "PARCELTRAIL_DATA_DIR": str(tmp_path), "PARCELTRAIL_PUBLIC_URL": "https://parcels.example.org"}
    runner = CliRunner()
    made = runner.invoke(cli, ["calendar", "create", "--user", "buyer@example.com", "--timezone",
                               "Europe/London"], env=env)
    assert made.exit_code == 0, made.output
    url = made.output.strip()
    assert feed(world, url)[0] == 200
    revoked = runner.invoke(cli, ["calendar", "revoke", "--user", "buyer@example.com"], env=env)
    assert revoked.exit_code == 0 and feed(world, url)[0] == 404
    again = runner.invoke(cli, ["calendar", "revoke", "--user", "buyer@example.com"], env=env)
    assert again.exit_code == 4 and "no calendar feed" in again.output
    bad = runner.invoke(cli, ["calendar", "create", "--user", "buyer@example.com", "--timezone", "Nowhere/X"],
                        env=env)
    assert bad.exit_code == 2 and "Traceback" not in bad.output
    nobody = runner.invoke(cli, ["calendar", "create", "--user", "nobody@example.com"], env=env)
    assert nobody.exit_code == 2


def test_a_parcel_past_its_first_estimate_reads_late_with_a_future_day(world: World) -> None:
    world.ship([TEST_NUMBERS["lost"]])
    world.poll(hours=30)
    url = world.client.post("/api/v1/calendar", headers=world.buyer.headers).json()["data"]["url"]
    with world.runtime.store.read() as repo:
        shipment = repo.shipments.find(TEST_NUMBERS["lost"])
        assert shipment is not None
        first = repo.estimates.get(shipment.id or 0)
    assert first is not None  # the estimate the parcel was given when its scans came
    zone = ZoneInfo(first.timezone)
    for _ in range(25):  # the scans stop; days pass until the first window's last day is behind us
        world.poll(hours=24)
        if world.clock.now().astimezone(zone).date() > first.first_last_day:
            break
    today = world.clock.now().astimezone(zone).date()
    assert today > first.first_last_day
    (event,) = events_of(feed(world, url)[1]).values()
    assert str(event["SUMMARY"]).startswith("Late, expected by")
    assert event["DTEND"].dt - timedelta(days=1) >= today  # the window is never in the past
    assert "It was due by" in str(event["DESCRIPTION"])
