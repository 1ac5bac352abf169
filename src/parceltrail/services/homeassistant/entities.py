"""What Home Assistant sees, as MQTT messages following its MQTT discovery format: a sensor per active
parcel (state = status tag; attributes: carrier, number, ETA window, last event, location), an archive
button per parcel, a summary sensor, a text entity to add a number, and an event entity that fires when
a parcel is delivered. Discovery configs and states are retained, so Home Assistant sees them whenever
it (or the broker) restarts; a parcel's retained topics are cleared when it is archived.

`HomeAssistantSync.plan` turns the parcels as they stand into the messages still to publish, given what
was published before; the MQTT adapter only carries them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from parceltrail import __version__
from parceltrail.domain.accounts import TrackingFilter
from parceltrail.domain.shipment import Timeline
from parceltrail.services.outlook.eta import eta_for, models_for
from parceltrail.services.tracking.trackings import Installation, TrackingService
from parceltrail.status import Tag

IN_TRANSIT = frozenset({Tag.InTransit.value, Tag.OutForDelivery.value, Tag.AttemptFail.value,
                        Tag.AvailableForPickup.value})
COMPONENTS = ("sensor", "button", "text", "event")
PAGE = 200


@dataclass(frozen=True, slots=True)
class Message:
    topic: str
    payload: str  # "" on a retained topic clears it
    retain: bool = True


@dataclass(frozen=True, slots=True)
class Parcel:
    """One active tracking of the Home Assistant account, as shown there."""

    tracking_id: str
    number: str
    carrier: str
    title: str | None
    tag: str
    subtag: str
    last_event: str | None
    last_event_at: datetime | None
    location: str | None
    eta: str | None = None
    eta_earliest: str | None = None
    eta_latest: str | None = None
    link: str | None = None

    def attributes(self) -> dict[str, Any]:
        return {"tracking_id": self.tracking_id, "number": self.number, "carrier": self.carrier,
                "title": self.title, "status": self.tag, "substatus": self.subtag,
                "eta": self.eta, "eta_earliest": self.eta_earliest, "eta_latest": self.eta_latest,
                "last_event": self.last_event,
                "last_event_at": self.last_event_at.isoformat() if self.last_event_at else None,
                "location": self.location, "link": self.link}


def active_parcels(runtime: Installation, account_id: int, public_url: str) -> list[Parcel]:
    """The account's trackings not archived (completed), with their status, last event and ETA window."""
    service = TrackingService(runtime)
    now = runtime.clock.now()
    models = models_for(runtime.tracker.models, now)
    parcels: list[Parcel] = []
    cursor: str | None = None
    while True:
        page = service.list(account_id, TrackingFilter(), limit=PAGE, cursor=cursor, with_events=True)
        for detail in page.items:
            if not detail.tracking.active:
                continue
            shipment = detail.shipment
            last = max(detail.events, key=lambda e: e.occurred_at, default=None)
            eta = eta_for(Timeline(shipment, detail.events, detail.legs), models, now)
            location = None
            if last is not None:
                location = last.location or ", ".join(p for p in (last.city, last.country) if p) or None
            parcels.append(Parcel(
                tracking_id=detail.tracking.id, number=shipment.tracking_number, carrier=shipment.carrier,
                title=detail.tracking.title, tag=detail.tag, subtag=detail.subtag,
                last_event=last.raw_text if last else None,
                last_event_at=last.occurred_at if last else shipment.last_event_at, location=location,
                eta=eta.date.date().isoformat() if eta else None,
                eta_earliest=eta.earliest.date().isoformat() if eta else None,
                eta_latest=eta.latest.date().isoformat() if eta else None,
                link=f"{public_url.rstrip('/')}/track/{shipment.tracking_number}"))
        cursor = page.next_cursor
        if not cursor:
            return parcels


def summary(parcels: Iterable[Parcel], now: datetime, timezone: str) -> dict[str, int]:
    zone = ZoneInfo(timezone)
    today = now.astimezone(zone).date()

    def is_today(moment: datetime | None) -> bool:
        return moment is not None and moment.astimezone(zone).date() == today

    items = list(parcels)
    return {
        "in_transit": sum(1 for p in items if p.tag in IN_TRANSIT),
        "out_for_delivery_today": sum(1 for p in items
                                      if p.tag == Tag.OutForDelivery.value and is_today(p.last_event_at)),
        "delivered_today": sum(1 for p in items
                               if p.tag == Tag.Delivered.value and is_today(p.last_event_at)),
        "active": len(items),
    }


def node_id(topic_prefix: str) -> str:
    """The discovery node id: the topic prefix reduced to the characters Home Assistant allows there."""
    return re.sub(r"[^A-Za-z0-9_-]", "_", topic_prefix) or "parceltrail"


@dataclass(frozen=True, slots=True)
class Topics:
    prefix: str = "parceltrail"
    discovery: str = "homeassistant"

    @property
    def node(self) -> str:
        return node_id(self.prefix)

    @property
    def availability(self) -> str:
        return f"{self.prefix}/status"

    @property
    def commands(self) -> str:
        return f"{self.prefix}/command/"

    @property
    def command_result(self) -> str:
        return f"{self.prefix}/command/result"

    @property
    def delivered(self) -> str:
        return f"{self.prefix}/event/delivered"

    def config(self, component: str, object_id: str) -> str:
        return f"{self.discovery}/{component}/{self.node}/{object_id}/config"

    def config_filters(self) -> list[str]:
        """Subscriptions that return every discovery config of this node (to clear stale ones)."""
        return [f"{self.discovery}/{component}/{self.node}/+/config" for component in COMPONENTS]

    def parcel(self, tracking_id: str, what: str) -> str:
        return f"{self.prefix}/parcel/{tracking_id}/{what}"

    @property
    def parcel_states(self) -> str:
        """The retained states an earlier run left: what Home Assistant last saw of each parcel."""
        return f"{self.prefix}/parcel/+/state"

    @property
    def parcel_attributes(self) -> str:
        return f"{self.prefix}/parcel/+/attributes"

    def parcel_of_state(self, topic: str) -> str | None:
        head, tail = f"{self.prefix}/parcel/", "/state"
        if topic.startswith(head) and topic.endswith(tail) and "/" not in topic[len(head):-len(tail)]:
            return topic[len(head):-len(tail)]
        return None


def _dump(body: dict[str, Any]) -> str:
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


class HomeAssistantSync:
    """Plans the MQTT messages that bring Home Assistant up to date, remembering what it published."""

    def __init__(self, topics: Topics, public_url: str, timezone: str = "UTC") -> None:
        self.topics = topics
        self.public_url = public_url
        self.timezone = timezone
        self.published: dict[str, str] = {}  # retained topic -> payload, as last published
        self.tags: dict[str, str] = {}  # tracking id -> last tag seen (delivered events fire on change)
        self.seen_retained: set[str] = set()  # our configs and parcel topics the broker holds

    def seen_state(self, tracking_id: str, tag: str) -> None:
        """A state Home Assistant was last told (a retained message of an earlier run): a parcel
        delivered while parceltrail was away still fires its event."""
        self.tags.setdefault(tracking_id, tag)

    def forget_published(self) -> None:
        """After a (re)connection: the broker may have lost retained messages, publish everything again."""
        self.published.clear()

    # discovery payloads ---------------------------------------------------------------------------
    def device(self) -> dict[str, Any]:
        return {"identifiers": [f"parceltrail_{self.topics.node}"], "name": "parceltrail",
                "manufacturer": "parceltrail", "model": "Parcel tracking", "sw_version": __version__,
                "configuration_url": self.public_url}

    def _common(self, unique: str, name: str | None) -> dict[str, Any]:
        return {"unique_id": f"parceltrail_{self.topics.node}_{unique}", "name": name,
                "availability_topic": self.topics.availability, "payload_available": "online",
                "payload_not_available": "offline", "device": self.device(),
                "origin": {"name": "parceltrail", "sw_version": __version__,
                           "support_url": self.public_url}}

    def parcel_config(self, parcel: Parcel) -> dict[str, Any]:
        return {**self._common(parcel.tracking_id, parcel.title or parcel.number),
                "state_topic": self.topics.parcel(parcel.tracking_id, "state"),
                "json_attributes_topic": self.topics.parcel(parcel.tracking_id, "attributes"),
                "device_class": "enum", "options": [tag.value for tag in Tag],
                "icon": "mdi:package-variant-closed"}

    def archive_config(self, parcel: Parcel) -> dict[str, Any]:
        return {**self._common(f"{parcel.tracking_id}_archive",
                               f"Archive {parcel.title or parcel.number}"),
                "command_topic": f"{self.topics.commands}archive", "payload_press": parcel.tracking_id,
                "icon": "mdi:archive-arrow-down"}

    def summary_config(self) -> dict[str, Any]:
        return {**self._common("summary", "Parcels in transit"),
                "state_topic": f"{self.topics.prefix}/summary/state",
                "json_attributes_topic": f"{self.topics.prefix}/summary/attributes",
                "state_class": "measurement", "unit_of_measurement": "parcels", "icon": "mdi:truck-delivery"}

    def add_config(self) -> dict[str, Any]:
        return {**self._common("add", "Add tracking number"),
                "command_topic": f"{self.topics.commands}add", "min": 1, "max": 64, "mode": "text",
                "icon": "mdi:package-variant-plus"}

    def delivered_config(self) -> dict[str, Any]:
        return {**self._common("delivered", "Parcel delivered"), "state_topic": self.topics.delivered,
                "event_types": ["delivered"], "icon": "mdi:package-variant-closed-check"}

    # planning -------------------------------------------------------------------------------------
    def desired(self, parcels: Sequence[Parcel], now: datetime) -> dict[str, str]:
        """Every retained topic and its payload, as it should stand."""
        t = self.topics
        wanted = {
            t.availability: "online",
            t.config("sensor", "summary"): _dump(self.summary_config()),
            t.config("text", "add"): _dump(self.add_config()),
            t.config("event", "delivered"): _dump(self.delivered_config()),
        }
        counts = summary(parcels, now, self.timezone)
        wanted[f"{t.prefix}/summary/state"] = str(counts["in_transit"])
        wanted[f"{t.prefix}/summary/attributes"] = _dump(counts)
        for parcel in parcels:
            wanted[t.config("sensor", parcel.tracking_id)] = _dump(self.parcel_config(parcel))
            wanted[t.config("button", f"{parcel.tracking_id}_archive")] = _dump(self.archive_config(parcel))
            wanted[t.parcel(parcel.tracking_id, "state")] = parcel.tag
            wanted[t.parcel(parcel.tracking_id, "attributes")] = _dump(parcel.attributes())
        return wanted

    def plan(self, parcels: Sequence[Parcel], now: datetime) -> list[Message]:
        """The messages to publish now: changed retained topics (configs before states, so Home Assistant
        knows an entity before its state arrives), cleared topics of archived parcels and stale configs,
        and a delivered event for every parcel that became Delivered since the last plan."""
        wanted = self.desired(parcels, now)
        configs = [topic for topic in wanted if topic.endswith("/config")]
        rest = [topic for topic in wanted if not topic.endswith("/config")]
        messages = [Message(topic, wanted[topic]) for topic in (*configs, *rest)
                    if self.published.get(topic) != wanted[topic]]
        gone = (set(self.published) | self.seen_retained) - set(wanted)
        # states before configs when clearing: the entity goes last
        for topic in sorted(gone, key=lambda name: name.endswith("/config")):
            messages.append(Message(topic, ""))
        for parcel in parcels:
            before = self.tags.get(parcel.tracking_id)
            if before is not None and before != parcel.tag and parcel.tag == Tag.Delivered.value:
                messages.append(Message(self.topics.delivered, _dump({
                    "event_type": "delivered", "tracking_id": parcel.tracking_id, "number": parcel.number,
                    "carrier": parcel.carrier, "title": parcel.title,
                    "delivered_at": parcel.last_event_at.isoformat() if parcel.last_event_at else None,
                    "location": parcel.location, "link": parcel.link}), retain=False))
        return messages

    def published_ok(self, parcels: Sequence[Parcel], messages: Iterable[Message]) -> None:
        """Record what reached the broker (only then: a lost message is planned again)."""
        for message in messages:
            if not message.retain:
                continue
            if message.payload:
                self.published[message.topic] = message.payload
            else:
                self.published.pop(message.topic, None)
                self.seen_retained.discard(message.topic)
        self.tags = {parcel.tracking_id: parcel.tag for parcel in parcels}


@dataclass(slots=True)
class CommandResult:
    command: str
    ok: bool
    tracking_id: str | None = None
    error: dict[str, str] | None = field(default=None)

    def payload(self) -> str:
        body: dict[str, Any] = {"command": self.command, "ok": self.ok}
        if self.tracking_id:
            body["tracking_id"] = self.tracking_id
        if self.error:
            body["error"] = self.error
        return _dump(body)
