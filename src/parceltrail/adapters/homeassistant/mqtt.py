"""The MQTT bridge to Home Assistant: one paho-mqtt client, one thread.

paho's network thread reconnects on its own (1 s doubling to 30 s); every (re)connection subscribes to
the command topics and to this node's discovery configs, and the bridge publishes everything again, so a
broker that restarted without its retained messages is whole again. Commands and connection changes are
queued to the bridge's thread, which alone touches the database and the published state. The last will
marks every entity unavailable ("offline") when parceltrail goes away.
"""

from __future__ import annotations

import logging
import queue
import ssl
import threading
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlsplit

import paho.mqtt.client as mqtt
from paho.mqtt.enums import CallbackAPIVersion

from parceltrail.services.homeassistant.commands import COMMANDS, home_account, run_command
from parceltrail.services.homeassistant.entities import HomeAssistantSync, Message, Topics, active_parcels
from parceltrail.services.tracking.trackings import Installation
from parceltrail.settings import Settings

log = logging.getLogger(__name__)
QOS = 1
RETAINED_SETTLE = 0.5  # seconds to let retained messages arrive after (re)subscribing
PUBLISH_TIMEOUT = 10.0


@dataclass(frozen=True, slots=True)
class Broker:
    host: str
    port: int
    username: str | None
    password: str | None
    tls: bool

    @classmethod
    def from_url(cls, url: str) -> Broker:
        parts = urlsplit(url)
        tls = parts.scheme == "mqtts"
        return cls(host=parts.hostname or "127.0.0.1", port=parts.port or (8883 if tls else 1883),
                   username=unquote(parts.username) if parts.username else None,
                   password=unquote(parts.password) if parts.password else None, tls=tls)


class _Connected:
    """Queued by paho's thread when a connection is up."""



class HomeAssistantBridge:
    def __init__(self, runtime: Installation, settings: Settings, *, metrics: Any = None,
                 interval: float | None = None) -> None:
        if settings.mqtt_url is None:
            raise ValueError("PARCELTRAIL_MQTT_URL is not set")
        self.runtime = runtime
        self.broker = Broker.from_url(settings.mqtt_url.get_secret_value())
        self.topics = Topics(settings.mqtt_topic, settings.mqtt_discovery_prefix)
        self.sync = HomeAssistantSync(self.topics, settings.public_url, settings.mqtt_timezone)
        self.account_name = settings.mqtt_account
        self.public_url = settings.public_url
        self.interval = interval if interval is not None else settings.mqtt_interval
        self.metrics = metrics
        self.inbox: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self.account_id: int | None = None
        self._publish_after = 0.0
        self.client = self._client()

    def _client(self) -> mqtt.Client:
        client = mqtt.Client(CallbackAPIVersion.VERSION2,
                             client_id=f"parceltrail-{self.topics.node}-{uuid.uuid4().hex[:8]}")
        if self.broker.username:
            client.username_pw_set(self.broker.username, self.broker.password)
        if self.broker.tls:
            client.tls_set(cert_reqs=ssl.CERT_REQUIRED)
        client.will_set(self.topics.availability, "offline", qos=QOS, retain=True)
        client.reconnect_delay_set(min_delay=1, max_delay=30)
        client.on_connect = self._on_connect
        client.on_message = self._on_message
        client.on_disconnect = self._on_disconnect
        return client

    # paho's thread --------------------------------------------------------------------------------
    def _on_connect(self, client: mqtt.Client, _userdata: Any, _flags: Any, reason: Any,
                    _properties: Any = None) -> None:
        if getattr(reason, "is_failure", False):
            log.warning("MQTT broker %s:%d refused the connection: %s", self.broker.host, self.broker.port,
                        reason)
            return
        log.info("connected to the MQTT broker %s:%d", self.broker.host, self.broker.port)
        client.subscribe([(f"{self.topics.commands}{name}", QOS) for name in COMMANDS]
                         + [(topic, QOS) for topic in self.topics.config_filters()]
                         + [(self.topics.parcel_states, QOS), (self.topics.parcel_attributes, QOS)])
        self.inbox.put(_Connected())

    def _on_disconnect(self, _client: mqtt.Client, _userdata: Any, _flags: Any, reason: Any,
                       _properties: Any = None) -> None:
        if getattr(reason, "is_failure", True):
            log.warning("MQTT connection to %s:%d lost (%s); reconnecting", self.broker.host,
                        self.broker.port, reason)

    def _on_message(self, _client: mqtt.Client, _userdata: Any, message: mqtt.MQTTMessage) -> None:
        self.inbox.put(message)

    # the bridge's thread --------------------------------------------------------------------------
    def run(self, stop: threading.Event) -> None:
        """Publish and answer commands until `stop` is set; never dies on one bad round."""
        self.client.connect_async(self.broker.host, self.broker.port, keepalive=30)
        self.client.loop_start()
        try:
            while not stop.is_set():
                try:
                    self._step(stop)
                except Exception:  # keep the bridge alive; the failure is logged with its traceback
                    log.exception("Home Assistant sync failed")
                    stop.wait(self.interval)
        finally:
            if self.client.is_connected():
                self.client.publish(self.topics.availability, "offline", qos=QOS, retain=True) \
                    .wait_for_publish(timeout=2)
            self.client.disconnect()
            self.client.loop_stop()

    def _step(self, stop: threading.Event) -> None:
        settling = self._publish_after - time.monotonic()
        try:
            item = self.inbox.get(timeout=self.interval if settling <= 0 else max(0.05, settling))
        except queue.Empty:
            item = None
        while item is not None and not stop.is_set():
            self._handle(item)
            try:
                item = self.inbox.get_nowait()
            except queue.Empty:
                item = None
        if self.client.is_connected() and time.monotonic() >= self._publish_after:
            self.publish_state()

    def _handle(self, item: Any) -> None:
        if isinstance(item, _Connected):
            self.sync.forget_published()
            # The retained configs and states arrive right after the subscription: read them first.
            self._publish_after = time.monotonic() + RETAINED_SETTLE
            return
        topic: str = item.topic
        tracking_id = self.topics.parcel_of_state(topic)
        if tracking_id is not None and item.payload:
            self.sync.seen_state(tracking_id, bytes(item.payload).decode("utf-8", "replace"))
        if topic.endswith("/config") or topic.startswith(f"{self.topics.prefix}/parcel/"):
            # A retained topic of ours (maybe of a parcel archived while we were away): cleared at the
            # next sync unless still wanted.
            if item.payload:
                self.sync.seen_retained.add(topic)
            else:
                self.sync.seen_retained.discard(topic)
            return
        if not topic.startswith(self.topics.commands) or item.retain:
            return  # a retained command was meant for an earlier run: never act on it twice
        command = topic[len(self.topics.commands):]
        self._count("received", command)
        result = run_command(self.runtime, self._account(), command, bytes(item.payload))
        if not result.ok:
            log.info("Home Assistant command %s refused: %s", command, result.error)
        self._send([Message(self.topics.command_result, result.payload(), retain=False)])

    def _account(self) -> int:
        if self.account_id is None:
            self.account_id = home_account(self.runtime, self.account_name)
        return self.account_id

    def publish_state(self) -> None:
        parcels = active_parcels(self.runtime, self._account(), self.public_url)
        messages = self.sync.plan(parcels, self.runtime.clock.now())
        if self._send(messages):
            self.sync.published_ok(parcels, messages)

    def _send(self, messages: Sequence[Message]) -> bool:
        """Publish and wait until the broker has them all; False if the connection dropped meanwhile."""
        infos = []
        for message in messages:
            info = self.client.publish(message.topic, message.payload, qos=QOS, retain=message.retain)
            if info.rc != mqtt.MQTT_ERR_SUCCESS:
                return False
            infos.append(info)
            self._count("published", message.topic.rsplit("/", 1)[-1])
        try:
            for info in infos:
                info.wait_for_publish(timeout=PUBLISH_TIMEOUT)
        except (RuntimeError, ValueError):
            return False
        return all(info.is_published() for info in infos)

    def _count(self, direction: str, kind: str) -> None:
        if self.metrics is not None:
            self.metrics.mqtt_messages.labels(direction, kind).inc()
