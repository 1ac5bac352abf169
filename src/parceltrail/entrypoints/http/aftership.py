"""AfterShip Tracking API 2026-07, served at /tracking/2026-07 so AfterShip clients switch by URL.

Same paths, `as-api-key` header, `{meta, data}` envelope, tags and subtags, checkpoint fields and
numeric error codes. Differences: retrack is allowed on an active tracking too (it fetches now);
fields parceltrail does not keep (addresses, shipment weights, notifications...) are accepted and
ignored.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any, cast

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse

from parceltrail.domain.accounts import CompletedReason, Tracking, TrackingFilter
from parceltrail.domain.shipment import Timeline, TrackingEvent
from parceltrail.entrypoints.http.countries import to_alpha2, to_alpha3
from parceltrail.entrypoints.http.errors import AFTERSHIP_ERRORS, ApiError
from parceltrail.entrypoints.http.limits import MAX_LIST_LIMIT
from parceltrail.entrypoints.http.native import subtag_message
from parceltrail.entrypoints.http.prebuilt import JsonTemplate, Slot, json_response
from parceltrail.entrypoints.http.ratelimit import Reader, Writer
from parceltrail.entrypoints.http.schemas_aftership import (
    CouriersEnvelope,
    CreateTrackingIn,
    DetectIn,
    EddBatchEnvelope,
    EddBatchIn,
    EddEnvelope,
    EddIn,
    MarkCompletedIn,
    TrackingEnvelope,
    TrackingFieldsIn,
    TrackingsEnvelope,
    UpdateTrackingIn,
)
from parceltrail.numbers import carriers, detect, is_known_carrier, normalize
from parceltrail.numbers.formats import registry
from parceltrail.services.outlook.eta import Models, confidence_of, models_for
from parceltrail.services.outlook.predictor import Edd, EddQuery
from parceltrail.services.outlook.shown import ShownEta, shown_eta
from parceltrail.services.tracking.snapshots import Snapshot
from parceltrail.services.tracking.trackings import Labels, TrackingDetail, TrackingService, split_csv

PREFIX = "/tracking/2026-07"
_TAGS = {"Pending", "InfoReceived", "InTransit", "OutForDelivery", "AttemptFail", "Delivered",
         "AvailableForPickup", "Exception", "Expired"}


_META = {status: {"code": status, "message": "OK" if status == 200 else "Created", "type": "OK"}
         for status in (200, 201)}


def ok(data: Any, status: int = 200) -> JSONResponse:
    return JSONResponse({"meta": _META[status], "data": data}, status_code=status)


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _checkpoint(event: TrackingEvent, slug: str) -> dict[str, Any]:
    coordinate = None
    if event.latitude is not None and event.longitude is not None:
        coordinate = {"latitude": event.latitude, "longitude": event.longitude}
    tag = event.tag if event.tag in _TAGS else None
    return {
        "created_at": _iso(event.retrieved_at), "slug": slug, "checkpoint_time": _iso(event.occurred_at),
        "location": event.location, "city": event.city, "state": None, "postal_code": None,
        "coordinate": coordinate, "country_region": to_alpha3(event.country),
        "country_region_name": None, "message": event.raw_text, "tag": tag,
        "subtag": event.subtag if tag else None,
        "subtag_message": subtag_message(event.subtag) if tag else None,
        "raw_tag": event.raw_code, "source": "carrier", "hash": event.fingerprint,
    }


def _edd_fields(detail: TrackingDetail, models: Models, now: datetime) -> dict[str, Any]:
    """The predicted delivery as AfterShip's EDD fields (dates, recipient's day, 80% range)."""
    timeline = Timeline(detail.shipment, detail.events, detail.legs or [detail.shipment])
    return _edd_of(shown_eta(timeline, models, now))


def _edd_of(shown: ShownEta | None) -> dict[str, Any]:
    if shown is None:
        return {"aftership_estimated_delivery_date": None, "latest_estimated_delivery": None}
    eta = shown.eta
    day, low, high = (d.isoformat() for d in (shown.estimated, shown.earliest, shown.latest))
    return {
        "aftership_estimated_delivery_date": {
            "estimated_delivery_date": day, "confidence_code": confidence_of(eta),
            "estimated_delivery_date_min": low, "estimated_delivery_date_max": high},
        "latest_estimated_delivery": {"type": "range", "source": "AfterShip EDD", "datetime": day,
                                      "datetime_min": low, "datetime_max": high, "revise_reason": None},
    }


def _at(request: Request) -> dict[str, Any]:
    """The current ETA models (refitted lazily) and the runtime's now, for `tracking_view`."""
    runtime = request.app.state.runtime
    now = runtime.clock.now()
    return {"models": models_for(runtime.models, now), "now": now}


def _transit_time(detail: TrackingDetail) -> int | None:
    """Whole days from the first scan to delivery, or to now (wall time) while on the way."""
    s = detail.shipment
    if s.first_event_at is None:
        return None
    end = s.last_event_at if detail.tag == "Delivered" and s.last_event_at else datetime.now(UTC)
    return max(0, (end - s.first_event_at).days)


def tracking_body(snapshot: Snapshot, models: Models, now: datetime) -> bytes:
    """`ok(tracking_view(detail, models, now))`'s body, the same to the byte, from a snapshot: serialized
    once per snapshot but for the days in transit and the estimate (from the snapshot's memo, per model
    and hour at the destination), which are filled in for this request."""
    detail, template = snapshot.memo.get("aftership", (None, None))
    if detail is None or template is None:
        detail = TrackingDetail(cast(Tracking, snapshot.tracking), snapshot.shipment, snapshot.legs,
                                snapshot.events)
        view = tracking_view(detail)
        view["transit_time"] = Slot("transit_time")
        view["aftership_estimated_delivery_date"] = Slot("aftership_estimated_delivery_date")
        view["latest_estimated_delivery"] = Slot("latest_estimated_delivery")
        template = JsonTemplate({"meta": _META[200], "data": view})
        snapshot.keep("aftership", (detail, template))
    edd = _edd_of(snapshot.shown.shown(models, now))
    return template.render({"transit_time": _transit_time(detail), **edd})


def tracking_view(detail: TrackingDetail, *, models: Models | None = None,
                  now: datetime | None = None) -> dict[str, Any]:
    """A tracking as AfterShip's Tracking object."""
    t, s = detail.tracking, detail.shipment
    slug_of = {leg.id: leg.carrier for leg in detail.legs}
    events = sorted(detail.events, key=lambda e: (e.occurred_at, e.id or 0))
    delivered = detail.tag == "Delivered"
    first_mile = last_mile = None
    if len(detail.legs) > 1:
        first, last = detail.legs[0], detail.legs[-1]
        first_mile = {"tracking_number": first.tracking_number, "slug": first.carrier}
        last_mile = {"tracking_number": last.tracking_number, "slug": last.carrier}
    customers = [{"role": "buyer", "name": t.customer_name if i == 0 else None, "email": email}
                 for i, email in enumerate(t.customer_emails)]
    if not customers and t.customer_name:
        customers = [{"role": "buyer", "name": t.customer_name}]
    return {
        "id": t.id, "legacy_id": None, "created_at": t.created_at.isoformat(),
        "updated_at": t.updated_at.isoformat(),
        "tracking_number": s.tracking_number, "slug": s.carrier, "active": detail.active,
        "custom_fields": t.custom_fields, "transit_time": _transit_time(detail),
        "origin_country_region": to_alpha3(s.origin_country),
        "destination_country_region": to_alpha3(s.destination_country),
        "courier_destination_country_region": to_alpha3(s.destination_country),
        "note": t.note, "order_id": t.order_id, "order_number": t.order_number,
        "shipment_pickup_date": _iso(s.first_event_at),
        "shipment_delivery_date": _iso(s.last_event_at) if delivered else None,
        "signed_by": None, "source": "api", "tag": detail.tag if detail.tag in _TAGS else "Pending",
        "subtag": detail.subtag, "subtag_message": subtag_message(detail.subtag), "title": t.title,
        "tracked_count": None, "language": t.language,
        "checkpoints": [_checkpoint(e, slug_of.get(e.shipment_id, s.carrier)) for e in events],
        "subscribed_smses": [], "subscribed_emails": t.customer_emails,
        "return_to_sender": detail.subtag in ("Exception_010", "Exception_011"),
        "courier_tracking_link": None, "shipment_tags": [], "order_tags": [],
        "aftership_estimated_delivery_date": None, "first_mile": first_mile, "last_mile": last_mile,
        "customers": customers,
        # filled in from the ETA model when the caller passes the models and now
        **(_edd_fields(detail, models, now) if models is not None and now is not None else {}),
    }


def _labels(body: TrackingFieldsIn) -> Labels:
    emails = [c.email for c in body.customers or [] if c.email] or None
    name = next((c.name for c in body.customers or [] if c.name), None)
    custom = None if body.custom_fields is None else {str(k)[:64]: v for k, v in body.custom_fields.items()}
    return Labels(title=body.title, order_id=body.order_id, order_number=body.order_number,
                  customer_name=name, customer_emails=emails, language=body.language, custom_fields=custom,
                  note=body.note)


def _slug(slug: str | None) -> str | None:
    if slug is None:
        return None
    slug = slug.strip().lower()
    if not is_known_carrier(slug):
        raise ApiError(400, "unknown_carrier", "The value of `slug` is invalid.", meta_code=4010)
    return slug


def _when(value: str | None, name: str) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace(" ", "T", 1))
    except ValueError:
        raise ApiError(400, "validation_error", f"The value of `{name}` is invalid.",
                       meta_code=4008) from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _service(request: Request) -> TrackingService:
    return request.app.state.trackings


def _courier(slug: str, name: str) -> dict[str, Any]:
    carrier = registry().carriers.get(slug)
    country = to_alpha3(carrier.country) if carrier else None
    return {"slug": slug, "name": name, "phone": None, "other_name": None, "web_url": None,
            "required_fields": [], "optional_fields": [], "default_language": "en",
            "support_languages": ["en"], "service_from_country_regions": [country] if country else []}


def _country(value: str | None, name: str) -> str:
    code = to_alpha2(value)
    if code is None:
        raise ApiError(400, "validation_error", f"The value of `{name}` is invalid.", meta_code=4008)
    return code


def _predict(request: Request, body: EddIn) -> dict[str, Any]:
    slug = _slug(body.slug)
    assert slug is not None
    origin = _country(body.origin_address.country_region, "origin_address.country_region")
    destination = _country(body.destination_address.country_region, "destination_address.country_region")
    pickup = _when(body.pickup_time, "pickup_time") or _when(
        body.estimated_pickup.order_time if body.estimated_pickup else None, "estimated_pickup.order_time")
    edd: Edd = request.app.state.runtime.predictor.predict(
        EddQuery(slug, origin, destination, pickup or request.app.state.runtime.clock.now()))
    return {
        "id": None, "slug": slug, "service_type_name": body.service_type_name,
        "origin_address": body.origin_address.model_dump(),
        "destination_address": body.destination_address.model_dump(),
        "package_count": body.package_count, "pickup_time": body.pickup_time,
        "estimated_delivery_date": edd.estimated.isoformat(), "confidence_code": edd.confidence,
        "estimated_delivery_date_min": edd.earliest.isoformat(),
        "estimated_delivery_date_max": edd.latest.isoformat(),
    }


def router() -> APIRouter:
    api = APIRouter(prefix=PREFIX, responses=AFTERSHIP_ERRORS, tags=["AfterShip Tracking API 2026-07"])

    @api.get("/trackings", response_model=TrackingsEnvelope)
    def get_trackings(
        request: Request, caller: Reader,
        cursor: Annotated[str | None, Query(max_length=200)] = None,
        limit: Annotated[int, Query(ge=1, le=MAX_LIST_LIMIT)] = 100,
        keyword: Annotated[str | None, Query(max_length=256)] = None,
        tracking_numbers: Annotated[str | None, Query(max_length=4000)] = None,
        slug: Annotated[str | None, Query(max_length=2000)] = None,
        tag: Annotated[str | None, Query(max_length=200)] = None,
        order_id: Annotated[str | None, Query(max_length=4000)] = None,
        created_at_min: Annotated[str | None, Query(max_length=64)] = None,
        created_at_max: Annotated[str | None, Query(max_length=64)] = None,
        updated_at_min: Annotated[str | None, Query(max_length=64)] = None,
        updated_at_max: Annotated[str | None, Query(max_length=64)] = None,
    ) -> JSONResponse:
        tags = split_csv(tag)
        if any(t not in _TAGS for t in tags):
            raise ApiError(400, "validation_error", "The value of `tag` is invalid.", meta_code=4008)
        numbers = []
        for number in split_csv(tracking_numbers):
            try:
                numbers.append(normalize(number))
            except ValueError:
                raise ApiError(400, "invalid_number", "The value of `tracking_numbers` is invalid.",
                               meta_code=4005) from None
        where = TrackingFilter(
            tags=tags, carriers=[s.lower() for s in split_csv(slug)], numbers=numbers,
            order_ids=split_csv(order_id), keyword=keyword.strip() if keyword and keyword.strip() else None,
            created_after=_when(created_at_min, "created_at_min"),
            created_before=_when(created_at_max, "created_at_max"),
            updated_after=_when(updated_at_min, "updated_at_min"),
            updated_before=_when(updated_at_max, "updated_at_max"))
        page = _service(request).list(caller.account_id, where, limit=limit, cursor=cursor, with_events=True,
                                      with_total=True)
        at = _at(request)
        return ok({"pagination": {"total": page.total, "next_cursor": page.next_cursor,
                                  "has_next_page": page.next_cursor is not None},
                   "trackings": [tracking_view(d, **at) for d in page.items]})

    @api.post("/trackings", response_model=TrackingEnvelope, status_code=201)
    def create_tracking(request: Request, caller: Writer, body: CreateTrackingIn) -> JSONResponse:
        detail, created = _service(request).create(caller.account_id, body.tracking_number, _slug(body.slug),
                                                   _labels(body))
        if not created:
            raise ApiError(400, "tracking_exists", "Tracking already exists.", meta_code=4003)
        return ok(tracking_view(detail, **_at(request)), 201)

    @api.get("/trackings/{id}", response_model=TrackingEnvelope)
    def get_tracking_by_id(request: Request, caller: Reader, id: str) -> JSONResponse:  # noqa: A002
        snapshot = _service(request).snapshot(caller.account_id, id)
        return json_response(tracking_body(snapshot, **_at(request)))

    @api.put("/trackings/{id}", response_model=TrackingEnvelope)
    def update_tracking_by_id(request: Request, caller: Writer, id: str,  # noqa: A002
                              body: UpdateTrackingIn) -> JSONResponse:
        detail = _service(request).update(caller.account_id, id, _labels(body), _slug(body.slug))
        return ok(tracking_view(detail, **_at(request)))

    @api.delete("/trackings/{id}", response_model=TrackingEnvelope)
    def delete_tracking_by_id(request: Request, caller: Writer, id: str) -> JSONResponse:  # noqa: A002
        return ok(tracking_view(_service(request).delete(caller.account_id, id)))

    @api.post("/trackings/{id}/retrack", response_model=TrackingEnvelope)
    def retrack_tracking_by_id(request: Request, caller: Writer, id: str) -> JSONResponse:  # noqa: A002
        return ok(tracking_view(_service(request).retrack(caller.account_id, id), **_at(request)))

    @api.post("/trackings/{id}/mark-as-completed", response_model=TrackingEnvelope)
    def mark_tracking_completed_by_id(request: Request, caller: Writer, id: str,  # noqa: A002
                                      body: MarkCompletedIn) -> JSONResponse:
        at = _when(body.event_datetime, "event_datetime")
        detail = _service(request).complete(caller.account_id, id, CompletedReason(body.reason), at)
        return ok(tracking_view(detail, **_at(request)))

    @api.get("/couriers", response_model=CouriersEnvelope)
    def get_couriers(caller: Reader, active: bool | None = None,
                     slug: Annotated[str | None, Query(max_length=2000)] = None) -> JSONResponse:
        wanted = {s.lower() for s in split_csv(slug, limit=500)}
        found = [_courier(s, name) for s, name in carriers() if not wanted or s in wanted]
        return ok({"total": len(found), "couriers": found})

    @api.post("/couriers/detect", response_model=CouriersEnvelope)
    def detect_courier(caller: Reader, body: DetectIn) -> JSONResponse:
        wanted = {s.strip().lower() for s in body.slug or [] if s.strip()}
        seen: dict[str, dict[str, Any]] = {}
        for candidate in detect(normalize(body.tracking_number)):
            if candidate.checksum == "failed" or (wanted and candidate.carrier not in wanted):
                continue
            seen.setdefault(candidate.carrier, _courier(candidate.carrier, candidate.carrier_name))
        return ok({"total": len(seen), "couriers": list(seen.values())})

    @api.post("/estimated-delivery-date/predict", response_model=EddEnvelope)
    def predict(request: Request, caller: Reader, body: EddIn) -> JSONResponse:
        return ok(_predict(request, body))

    @api.post("/estimated-delivery-date/predict-batch", response_model=EddBatchEnvelope)
    def predict_batch(request: Request, caller: Reader, body: EddBatchIn) -> JSONResponse:
        results = [_predict(request, item) for item in body.estimated_delivery_dates]
        return ok({"estimated_delivery_dates": results})

    return api
