"""Home Assistant's MQTT discovery format, as documented (integrations/mqtt: "MQTT Discovery", and the
MQTT sensor, button, text and event platforms), written out as checks so tests can hold our messages to
it. A config that Home Assistant would reject or silently misread fails here."""

from __future__ import annotations

import json
import re
from typing import Any

DISCOVERY_TOPIC = re.compile(r"^(?P<prefix>[^/#+]+)/(?P<component>[a-z_]+)/(?:(?P<node>[a-zA-Z0-9_-]+)/)?"
                             r"(?P<object>[a-zA-Z0-9_-]+)/config$")

DEVICE_KEYS = {"configuration_url", "connections", "hw_version", "identifiers", "manufacturer", "model",
               "model_id", "name", "serial_number", "suggested_area", "sw_version", "via_device"}
ORIGIN_KEYS = {"name", "sw_version", "support_url"}
COMMON = {"availability", "availability_mode", "availability_template", "availability_topic", "device",
          "enabled_by_default", "encoding", "entity_category", "entity_picture", "icon",
          "json_attributes_template", "json_attributes_topic", "name", "object_id", "default_entity_id",
          "origin", "payload_available", "payload_not_available", "platform", "qos", "unique_id"}
PLATFORMS: dict[str, dict[str, set[str]]] = {
    "sensor": {"required": {"state_topic"},
               "optional": {"device_class", "expire_after", "force_update", "last_reset_value_template",
                            "options", "state_class", "suggested_display_precision", "unit_of_measurement",
                            "value_template"}},
    "button": {"required": {"command_topic"},
               "optional": {"command_template", "device_class", "payload_press", "retain"}},
    "text": {"required": {"command_topic"},
             "optional": {"command_template", "max", "min", "mode", "pattern", "retain", "state_topic",
                          "value_template"}},
    "event": {"required": {"state_topic", "event_types"}, "optional": {"device_class", "value_template"}},
}
STATE_CLASSES = {"measurement", "measurement_angle", "total", "total_increasing"}
BUTTON_CLASSES = {"identify", "restart", "update"}
EVENT_CLASSES = {"button", "doorbell", "motion"}
ENTITY_CATEGORIES = {"config", "diagnostic"}


def _topic(value: Any, what: str, *, wildcards: bool = False) -> None:
    assert isinstance(value, str) and value, f"{what} must be a non-empty topic"
    assert wildcards or ("+" not in value and "#" not in value), f"{what} {value!r} has a wildcard"
    assert len(value.encode()) <= 65535


def check_config(topic: str, body: dict[str, Any]) -> str:
    """Check one discovery message; returns its component."""
    match = DISCOVERY_TOPIC.match(topic)
    assert match, f"{topic!r} is not a discovery topic <prefix>/<component>/[<node_id>/]<object_id>/config"
    component = match["component"]
    assert component in PLATFORMS, f"no checks for component {component}"
    platform = PLATFORMS[component]
    allowed = COMMON | platform["required"] | platform["optional"]
    assert not set(body) - allowed, f"{topic}: keys Home Assistant does not know: {set(body) - allowed}"
    assert not platform["required"] - set(body), f"{topic}: missing {platform['required'] - set(body)}"
    assert isinstance(body.get("unique_id"), str) and body["unique_id"], "unique_id is needed with a device"
    if "name" in body:
        assert body["name"] is None or isinstance(body["name"], str)
    for key in ("state_topic", "command_topic", "json_attributes_topic", "availability_topic"):
        if key in body:
            _topic(body[key], key)
    device = body.get("device")
    assert isinstance(device, dict) and not set(device) - DEVICE_KEYS, f"bad device {device}"
    assert device.get("identifiers") or device.get("connections"), "a device needs identifiers"
    assert isinstance(device.get("identifiers", []), list | str)
    if "origin" in body:
        assert isinstance(body["origin"], dict) and "name" in body["origin"]
        assert not set(body["origin"]) - ORIGIN_KEYS
    if "entity_category" in body:
        assert body["entity_category"] in ENTITY_CATEGORIES
    if "qos" in body:
        assert body["qos"] in (0, 1, 2)
    if component == "sensor":
        if body.get("device_class") == "enum":
            options = body.get("options")
            assert isinstance(options, list) and options and all(isinstance(o, str) for o in options)
            assert "unit_of_measurement" not in body and "state_class" not in body, \
                "an enum sensor has neither a unit nor a state class"
        else:
            assert "options" not in body, "options only go with device_class enum"
        if "state_class" in body:
            assert body["state_class"] in STATE_CLASSES
    if component == "button" and "device_class" in body:
        assert body["device_class"] in BUTTON_CLASSES
    if component == "text":
        low, high = body.get("min", 0), body.get("max", 255)
        assert isinstance(low, int) and isinstance(high, int) and 0 <= low <= high <= 255
        assert body.get("mode", "text") in ("text", "password")
    if component == "event":
        types = body["event_types"]
        assert isinstance(types, list) and types and all(isinstance(t, str) and t for t in types)
        if "device_class" in body:
            assert body["device_class"] in EVENT_CLASSES
    return component


def check_sensor_state(config: dict[str, Any], state: str) -> None:
    assert len(state) <= 255, "a sensor state is at most 255 characters"
    if config.get("device_class") == "enum":
        assert state in config["options"], f"{state!r} is not one of the enum's options"


def check_attributes(payload: str) -> dict[str, Any]:
    body = json.loads(payload)
    assert isinstance(body, dict), "json_attributes_topic must carry a JSON object"
    return body


def check_event(config: dict[str, Any], payload: str) -> dict[str, Any]:
    body = json.loads(payload)
    assert isinstance(body, dict) and body.get("event_type") in config["event_types"], \
        "an event payload is a JSON object whose event_type is one of event_types"
    return body
