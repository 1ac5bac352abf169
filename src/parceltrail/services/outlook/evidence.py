"""Evidence files for a dispute: the order, its parcels, every tracking event with when and from where it
was retrieved (and the SHA-256 of the raw carrier payload it came in), the anomalies detected, and a
SHA-256 digest over all of it.

The digest is over the canonical JSON of the document without its `digest` member: keys sorted, UTF-8,
no whitespace (`canonical_bytes`). `verify_bytes` checks a JSON file or a PDF (which carries the same
canonical JSON; see `adapters.documents.evidence`). Only the order's buyer and seller may have one;
anyone else gets "not found".
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from parceltrail import __version__
from parceltrail.domain.money import format_minor
from parceltrail.domain.orders import Order, OrderNotFoundError, User
from parceltrail.domain.shipment import Shipment, Timeline, TrackingEvent
from parceltrail.numbers import detect
from parceltrail.services.outlook.advice import advice_for
from parceltrail.services.outlook.eta import Models
from parceltrail.services.outlook.health import health_for, long_silences
from parceltrail.services.outlook.shown import shown_eta_view
from parceltrail.services.ports import Store
from parceltrail.services.tracking.views import health_view

FORMAT = "parceltrail.evidence/1"
CANONICALIZATION = "JSON of the document without `digest`: keys sorted, UTF-8, no whitespace"


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def canonical_bytes(document: Mapping[str, Any]) -> bytes:
    """The canonical JSON of everything but the digest: keys sorted, UTF-8, no whitespace."""
    body = {k: v for k, v in document.items() if k != "digest"}
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def digest_of(document: Mapping[str, Any]) -> str:
    return hashlib.sha256(canonical_bytes(document)).hexdigest()


def seal(document: dict[str, Any]) -> dict[str, Any]:
    """The document with its `digest` member set."""
    document = {k: v for k, v in document.items() if k != "digest"}
    document["digest"] = {"algorithm": "sha256", "canonicalization": CANONICALIZATION,
                          "value": digest_of(document)}
    return document


def _party(user: User) -> dict[str, Any]:
    return {"id": user.id, "display_name": user.display_name, "email": user.email}


def _event(event: TrackingEvent, leg: Shipment, payloads: Mapping[int, Mapping[str, Any]]) -> dict[str, Any]:
    payload = payloads.get(event.raw_payload_id) if event.raw_payload_id is not None else None
    return {
        "tracking_number": leg.tracking_number, "carrier": leg.carrier,
        "occurred_at": _iso(event.occurred_at), "utc_offset_minutes": event.utc_offset_minutes,
        "text": event.raw_text, "code": event.raw_code, "location": event.location, "country": event.country,
        "city": event.city, "tag": event.tag, "subtag": event.subtag, "classified": event.classified,
        "retrieved_at": _iso(event.retrieved_at), "source": event.source,
        "raw_payload": payload,
    }


def _leg(leg: Shipment) -> dict[str, Any]:
    return {"tracking_number": leg.tracking_number, "carrier": leg.carrier, "tag": leg.tag,
            "subtag": leg.subtag, "origin_country": leg.origin_country,
            "destination_country": leg.destination_country, "first_event_at": _iso(leg.first_event_at),
            "last_event_at": _iso(leg.last_event_at), "last_checked_at": _iso(leg.last_checked_at),
            "last_error": leg.last_error}


def _order(order: Order, buyer: User, seller: User) -> dict[str, Any]:
    return {
        "id": order.id, "reference": order.reference, "status": order.status.value,
        "currency": order.currency, "total_minor": order.total_minor,
        "total": format_minor(order.total_minor, order.currency), "shipping_minor": order.shipping_minor,
        "placed_at": _iso(order.placed_at), "paid_at": _iso(order.paid_at),
        "shipped_at": _iso(order.shipped_at),
        "delivered_at": _iso(order.delivered_at), "received_at": _iso(order.received_at),
        "completed_at": _iso(order.completed_at), "protection_days": order.protection_days,
        "protection_deadline": _iso(order.protection_deadline),
        "buyer": _party(buyer), "seller": _party(seller),
        "ship_to": order.ship_to.to_dict(), "ship_from": order.ship_from.to_dict(),
        "items": [{"description": i.description, "sku": i.sku, "quantity": i.quantity,
                   "unit_price_minor": i.unit_price_minor, "total_minor": i.total_minor}
                  for i in order.items],
    }


def build_evidence(store: Store, actor: User, order_id: int, now: datetime,
                   models: Models | None = None) -> dict[str, Any]:
    """The sealed evidence document of an order, for its buyer or seller (others: OrderNotFoundError)."""
    with store.read() as repo:
        orders = repo.orders
        order = orders.order(order_id) if 0 < order_id < 2**31 else None
        if order is None or actor.id not in (order.buyer_id, order.seller_id):
            raise OrderNotFoundError(f"no order {order_id}")
        buyer, seller = orders.user(order.buyer_id), orders.user(order.seller_id)
        assert buyer is not None and seller is not None
        parcels = []
        for package in orders.packages(order.id):
            shipment = repo.shipments.get(package.shipment_id)
            if shipment is None:
                continue
            legs = repo.shipments.chain(shipment)
            events = repo.shipments.events([leg.id for leg in legs if leg.id is not None])
            parcels.append((package, Timeline(shipment, events, legs)))
        payload_ids = sorted({e.raw_payload_id for _, t in parcels for e in t.events
                              if e.raw_payload_id is not None})
        payloads: dict[int, dict[str, Any]] = {
            pid: {"id": pid, "sha256": sha, "source": source, "retrieved_at": _iso(retrieved)}
            for pid, sha, source, retrieved in repo.shipments.payload_digests(payload_ids)}

    packages, anomalies, healths = [], [], []
    for package, timeline in parcels:
        by_id = {leg.id: leg for leg in timeline.legs}
        ordered = sorted(timeline.events, key=lambda e: (e.occurred_at, e.id or 0))
        health = health_for(timeline, models, now)
        healths.append(health)
        reading = next((c for c in detect(package.tracking_number) if c.carrier == package.carrier), None)
        number = package.tracking_number
        packages.append({
            "id": package.id, "tracking_number": number, "carrier": package.carrier,
            "carrier_name": reading.carrier_name if reading else None, "service": package.service,
            "tracking_url": reading.tracking_url if reading else None,
            "tag": timeline.shipment.tag, "subtag": timeline.shipment.subtag,
            "legs": [_leg(leg) for leg in timeline.legs],
            "events": [_event(e, by_id.get(e.shipment_id, timeline.shipment), payloads) for e in ordered],
            "health": health_view(health), "eta": shown_eta_view(timeline, models, now),
        })
        if health.state not in ("ok", "untracked"):
            anomalies.append({"tracking_number": number, "kind": health.state,
                              "detail": f"no tracking update for {health.silence.days} days "
                                        f"(normal at most {health.threshold.days} days)",
                              "since": _iso(timeline.shipment.last_event_at),
                              "likely_reason": health.likely_reason})
        for silence in long_silences(timeline, models):
            anomalies.append({"tracking_number": number, "kind": "long_silence",
                              "detail": f"{silence.days:g} days without an update while "
                                        f"{silence.stage.value} (normal at most "
                                        f"{silence.threshold.days} days)",
                              "since": _iso(silence.start), "until": _iso(silence.end)})
        for event in ordered:
            if event.tag == "Exception":
                anomalies.append({"tracking_number": number, "kind": "exception",
                                  "detail": f"{event.subtag}: {event.raw_text}",
                                  "since": _iso(event.occurred_at)})
    return seal({
        "format": FORMAT,
        "generated_at": _iso(now),
        "generator": f"parceltrail {__version__}",
        "requested_by": {"email": actor.email,
                         "role": "buyer" if actor.id == order.buyer_id else "seller"},
        "order": _order(order, buyer, seller),
        "packages": packages,
        "anomalies": anomalies,
        "advice": advice_for(order, healths, now).to_dict(),
    })


def to_json_bytes(document: Mapping[str, Any]) -> bytes:
    """The JSON file: readable (indented); verification recomputes the canonical form anyway."""
    return (json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


@dataclass(frozen=True, slots=True)
class Verification:
    ok: bool
    message: str
    digest: str | None = None


def verify_document(document: Any) -> Verification:
    if not isinstance(document, dict) or not isinstance(document.get("digest"), dict):
        return Verification(False, "not a parceltrail evidence document (no digest)")
    stated = document["digest"].get("value")
    if document.get("format") != FORMAT:
        return Verification(False, f"unknown evidence format {str(document.get('format'))[:40]!r}")
    actual = digest_of(document)
    if stated != actual:
        return Verification(False, f"digest mismatch: the content was changed (stated {str(stated)[:64]}, "
                                   f"computed {actual})", actual)
    return Verification(True, f"digest {actual} matches", actual)
