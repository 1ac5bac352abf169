"""Home Assistant over MQTT against real Mosquitto brokers: discovery in Home Assistant's documented
format, states and attributes, the delivered event, commands, archive, and a broker restart."""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pydantic import SecretStr

from parceltrail.adapters.homeassistant.mqtt import HomeAssistantBridge
from parceltrail.adapters.observability.metrics import Metrics
from parceltrail.adapters.sandbox.scenarios import TEST_NUMBERS
from parceltrail.services.homeassistant.entities import HomeAssistantSync, Parcel, Topics, summary
from parceltrail.settings import Settings, SettingsError
from tests.engine.conftest import Rig
from tests.homeassistant.conftest import SHARED, PrivateBroker, Watcher, clear_retained
from tests.homeassistant.ha_schema import check_attributes, check_config, check_event, check_sensor_state

DELIVERED = TEST_NUMBERS["delivered"]


@dataclass
class Running:
    bridge: HomeAssistantBridge
    topics: Topics
    stop: threading.Event
    thread: threading.Thread


@pytest.fixture
def start_bridge(tmp_path: Path) -> Iterator[Callable[..., Running]]:
    running: list[Running] = []

    def start(rig: Rig, host: str, port: int, metrics: Metrics | None = None,
              tag: str | None = None) -> Running:
        tag = tag or uuid.uuid4().hex[:10]
        settings = Settings(data_dir=tmp_path, mqtt_url=SecretStr(f"mqtt://{host}:{port}"),
                            mqtt_topic=f"pt-test-{tag}", mqtt_discovery_prefix=f"ha-test-{tag}",
                            public_url="https://parcels.example.org")
        bridge = HomeAssistantBridge(rig, settings, metrics=metrics, interval=0.1)
        stop = threading.Event()
        thread = threading.Thread(target=bridge.run, args=(stop,), daemon=True)
        thread.start()
        item = Running(bridge, bridge.topics, stop, thread)
        running.append(item)
        return item

    yield start
    for item in running:
        item.stop.set()
        item.thread.join(timeout=15)
        if item.bridge.broker.port == SHARED[1]:
            clear_retained(item.bridge.broker.host, item.bridge.broker.port,
                           [item.topics.prefix, item.topics.discovery])


def configs(watcher: Watcher, topics: Topics) -> dict[str, dict]:
    prefix = f"{topics.discovery}/"
    return {t: json.loads(p) for t, p in watcher.retained.items() if t.startswith(prefix)}


def command(watcher: Watcher, topics: Topics, name: str, payload: str) -> dict:
    before = len(watcher.messages)
    watcher.publish(f"{topics.prefix}/command/{name}", payload)
    topic, body, _ = watcher.wait(lambda: next((m for m in watcher.messages[before:]
                                                if m[0] == topics.command_result), None),
                                  what=f"the result of {name}")
    return json.loads(body)


def test_parcels_in_home_assistant_end_to_end(make_rig: Callable[..., Rig], shared_broker: tuple[str, int],
                                              start_bridge: Callable[..., Running],
                                              watch: Callable[..., Watcher]) -> None:
    rig = make_rig()
    metrics = Metrics()
    host, port = shared_broker
    run = start_bridge(rig, host, port, metrics)
    t = run.topics
    ha = watch(host, port, f"{t.discovery}/#", f"{t.prefix}/#")
    ha.wait(lambda: ha.retained.get(t.availability) == "online", what="availability")
    base = [f"{t.prefix}/summary/state", t.config("sensor", "summary"), t.config("event", "delivered"),
            t.config("text", "add")]
    ha.wait(lambda: all(topic in ha.retained for topic in base), what="the summary, add and event entities")
    for topic, body in configs(ha, t).items():
        check_config(topic, body)
    assert ha.retained[f"{t.prefix}/summary/state"] == "0"

    added = command(ha, t, "add", DELIVERED)
    assert added["ok"] is True
    tid = added["tracking_id"]
    parcel_topics = [t.config("sensor", tid), t.config("button", f"{tid}_archive"), t.parcel(tid, "state"),
                     t.parcel(tid, "attributes")]
    ha.wait(lambda: all(topic in ha.retained for topic in parcel_topics), what="the parcel's entities")
    parcel_config = json.loads(ha.retained[t.config("sensor", tid)])
    assert check_config(t.config("sensor", tid), parcel_config) == "sensor"
    assert check_config(t.config("button", f"{tid}_archive"),
                        json.loads(ha.retained[t.config("button", f"{tid}_archive")])) == "button"
    check_sensor_state(parcel_config, ha.retained[t.parcel(tid, "state")])
    attributes = check_attributes(ha.retained[t.parcel(tid, "attributes")])
    assert attributes["number"] == DELIVERED and attributes["carrier"] == "parceltrail-sandbox"
    assert {"eta_earliest", "eta_latest", "last_event", "location"} <= set(attributes)

    rig.run_until_quiet()  # the carrier delivers the parcel
    ha.wait(lambda: ha.retained.get(t.parcel(tid, "state")) == "Delivered", what="Delivered")
    fired = ha.wait(lambda: [m for m in ha.messages if m[0] == t.delivered and not m[2]], what="the event")
    assert len(fired) == 1
    event = check_event(json.loads(ha.retained[t.config("event", "delivered")]), fired[0][1])
    assert event["tracking_id"] == tid and event["number"] == DELIVERED
    attributes = check_attributes(ha.retained[t.parcel(tid, "attributes")])
    assert attributes["last_event"] and attributes["location"] and attributes["last_event_at"]
    check_sensor_state(parcel_config, "Delivered")
    counts = json.loads(ha.retained[f"{t.prefix}/summary/attributes"])
    assert set(counts) == {"in_transit", "out_for_delivery_today", "delivered_today", "active"}
    assert counts["active"] == 1 and counts["in_transit"] == 0

    changed = command(ha, t, "carrier", json.dumps({"tracking_id": tid, "carrier": "usps"}))
    assert changed == {"command": "carrier", "ok": True, "tracking_id": tid}
    ha.wait(lambda: json.loads(ha.retained.get(t.parcel(tid, "attributes"), "{}")).get("carrier") == "usps",
            what="the new carrier")

    refused = command(ha, t, "add", "NOT-A-NUMBER-123")
    assert refused["ok"] is False and refused["error"]["code"] == "unrecognized_number"
    assert command(ha, t, "carrier", "{broken")["error"]["code"] == "invalid_command"
    assert command(ha, t, "archive", json.dumps({"tracking_id": "0" * 32}))["error"]["code"] == "not_found"

    # archiving with the parcel's button: every retained topic of the parcel is cleared
    ha.publish(f"{t.prefix}/command/archive", tid)
    ha.wait(lambda: not any(topic in ha.retained for topic in parcel_topics), what="the parcel's removal")
    ha.wait(lambda: json.loads(ha.retained[f"{t.prefix}/summary/attributes"])["active"] == 0, what="summary")
    text = metrics.exposition().decode()
    assert 'parceltrail_mqtt_messages_total{direction="received",kind="add"} 2.0' in text

    # adding it again (at the carrier it was moved to) shows the same parcel again
    again = command(ha, t, "add", json.dumps({"number": DELIVERED, "carrier": "usps", "title": "Boots"}))
    assert again["ok"] and again["tracking_id"] == tid
    ha.wait(lambda: t.config("sensor", tid) in ha.retained, what="the parcel back")


def test_broker_restart_reconnects_and_republishes(make_rig: Callable[..., Rig],
                                                   private_broker: PrivateBroker,
                                                   start_bridge: Callable[..., Running],
                                                   watch: Callable[..., Watcher]) -> None:
    rig = make_rig()
    run = start_bridge(rig, "127.0.0.1", private_broker.port)
    t = run.topics
    ha = watch("127.0.0.1", private_broker.port, f"{t.discovery}/#", f"{t.prefix}/#")
    ha.wait(lambda: ha.retained.get(t.availability) == "online", what="availability")
    tid = command(ha, t, "add", DELIVERED)["tracking_id"]
    ha.wait(lambda: t.config("sensor", tid) in ha.retained, what="the parcel's sensor")
    ha.stop()

    private_broker.stop()  # no persistence: every retained message is gone with it
    private_broker.start()
    after = watch("127.0.0.1", private_broker.port, f"{t.discovery}/#", f"{t.prefix}/#")
    wanted = [t.availability, t.config("sensor", "summary"), t.config("sensor", tid), t.parcel(tid, "state"),
              t.config("event", "delivered")]
    after.wait(lambda: all(topic in after.retained for topic in wanted), timeout=60,
               what="everything republished after the restart")
    assert after.retained[t.availability] == "online"
    assert command(after, t, "archive", DELIVERED)["ok"] is True  # commands work on the new connection
    after.wait(lambda: t.config("sensor", tid) not in after.retained, what="the archived parcel's removal")


def test_a_parcel_delivered_while_parceltrail_was_away_fires_on_return(
        make_rig: Callable[..., Rig], private_broker: PrivateBroker, start_bridge: Callable[..., Running],
        watch: Callable[..., Watcher]) -> None:
    rig = make_rig()
    tag = uuid.uuid4().hex[:10]
    first = start_bridge(rig, "127.0.0.1", private_broker.port, tag=tag)
    t = first.topics
    ha = watch("127.0.0.1", private_broker.port, f"{t.discovery}/#", f"{t.prefix}/#")
    ha.wait(lambda: ha.retained.get(t.availability) == "online", what="availability")
    tid = command(ha, t, "add", DELIVERED)["tracking_id"]
    ha.wait(lambda: ha.retained.get(t.parcel(tid, "state")) == "Pending", what="the parcel pending")
    first.stop.set()
    first.thread.join(timeout=15)
    ha.wait(lambda: ha.retained.get(t.availability) == "offline", what="offline while away")

    rig.run_until_quiet()  # delivered meanwhile
    start_bridge(rig, "127.0.0.1", private_broker.port, tag=tag)
    ha.wait(lambda: ha.retained.get(t.parcel(tid, "state")) == "Delivered", what="Delivered")
    fired = ha.wait(lambda: [m for m in ha.messages if m[0] == t.delivered and not m[2]], what="the event")
    assert len(fired) == 1 and json.loads(fired[0][1])["tracking_id"] == tid


def test_stale_configs_of_our_node_are_cleared(make_rig: Callable[..., Rig], private_broker: PrivateBroker,
                                               start_bridge: Callable[..., Running],
                                               watch: Callable[..., Watcher]) -> None:
    """A parcel archived while parceltrail was down leaves a retained config behind; the next run clears
    it, and leaves other nodes' configs alone."""
    rig = make_rig()
    seed = watch("127.0.0.1", private_broker.port, "#")
    seed.wait(lambda: seed.client.is_connected(), what="connection")
    other = "homeassistant/sensor/othernode/x/config"
    seed.client.publish(other, "{}", qos=1, retain=True).wait_for_publish()
    run = start_bridge(rig, "127.0.0.1", private_broker.port)
    t = run.topics
    seed.wait(lambda: seed.retained.get(t.availability) == "online", what="the bridge online")
    # as an earlier run would have left them for a parcel archived since
    stale = [t.config("sensor", "f" * 32), t.parcel("f" * 32, "state"), t.parcel("f" * 32, "attributes")]
    for topic in stale:
        seed.client.publish(topic, json.dumps({"state_topic": "x"}), qos=1, retain=True).wait_for_publish()
    seed.wait(lambda: all(any(m[0] == topic and m[1] for m in seed.messages) for topic in stale),
              what="the stale topics")
    seed.wait(lambda: not any(topic in seed.retained for topic in stale), what="the stale topics cleared")
    assert other in seed.retained


def _parcel(tid: str, tag: str, at: datetime | None) -> Parcel:
    return Parcel(tracking_id=tid, number=f"N{tid}", carrier="usps", title=None, tag=tag,
                  subtag=f"{tag}_001", last_event=None, last_event_at=at, location=None)


def test_summary_counts_today_in_the_configured_zone() -> None:
    now = datetime(2026, 11, 5, 23, 30, tzinfo=UTC)  # already 6 November in Berlin
    parcels = [_parcel("a", "InTransit", None), _parcel("b", "OutForDelivery", datetime(2026, 11, 5, 23, 5,
                                                                                            tzinfo=UTC)),
               _parcel("c", "Delivered", datetime(2026, 11, 5, 12, 0, tzinfo=UTC)),
               _parcel("d", "OutForDelivery", datetime(2026, 11, 4, 9, 0, tzinfo=UTC)),
               _parcel("e", "Pending", None)]
    assert summary(parcels, now, "UTC") == {"in_transit": 3, "out_for_delivery_today": 1,
                                            "delivered_today": 1, "active": 5}
    assert summary(parcels, now, "Europe/Berlin")["delivered_today"] == 0
    assert summary(parcels, now, "Europe/Berlin")["out_for_delivery_today"] == 1


def test_delivered_fires_once_on_the_change_only() -> None:
    sync = HomeAssistantSync(Topics("pt", "homeassistant"), "https://p.example.org")
    now = datetime(2026, 11, 5, 12, tzinfo=UTC)
    already = [_parcel("a", "Delivered", now)]
    first = sync.plan(already, now)
    assert not [m for m in first if m.topic == "pt/event/delivered"]  # delivered before we looked
    sync.published_ok(already, first)
    assert sync.plan(already, now) == []  # nothing changed, nothing published
    moving = [*already, _parcel("b", "OutForDelivery", now)]
    sync.published_ok(moving, sync.plan(moving, now))
    done = [*already, _parcel("b", "Delivered", now)]
    events = [m for m in sync.plan(done, now) if m.topic == "pt/event/delivered"]
    assert len(events) == 1 and json.loads(events[0].payload)["tracking_id"] == "b" and not events[0].retain


def test_mqtt_settings_are_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARCELTRAIL_MQTT_URL", "http://broker")
    with pytest.raises(SettingsError, match="PARCELTRAIL_MQTT_URL"):
        Settings.from_env()
    monkeypatch.setenv("PARCELTRAIL_MQTT_URL", "mqtt://user:pw@broker:1884")
    monkeypatch.setenv("PARCELTRAIL_MQTT_TOPIC", "home/#")
    with pytest.raises(SettingsError, match="PARCELTRAIL_MQTT_TOPIC"):
        Settings.from_env()
    monkeypatch.setenv("PARCELTRAIL_MQTT_TOPIC", "home/parcels")
    monkeypatch.setenv("PARCELTRAIL_MQTT_TIMEZONE", "Mars/Olympus")
    with pytest.raises(SettingsError, match="PARCELTRAIL_MQTT_TIMEZONE"):
        Settings.from_env()
    monkeypatch.setenv("PARCELTRAIL_MQTT_TIMEZONE", "Europe/Berlin")
    settings = Settings.from_env()
    assert settings.mqtt_url is not None and "pw" not in repr(settings.mqtt_url)
