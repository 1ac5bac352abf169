"""The native API under /api/v1: trackings, events, number tools, classification and API keys."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, cast

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import JSONResponse

from parceltrail.bootstrap import Runtime
from parceltrail.domain.accounts import ApiKey, Scope, Tracking, TrackingFilter
from parceltrail.domain.shipment import Timeline
from parceltrail.entrypoints.http.errors import NATIVE_ERRORS, ApiError
from parceltrail.entrypoints.http.limits import MAX_LIST_LIMIT
from parceltrail.entrypoints.http.prebuilt import JsonTemplate, Slot, json_response
from parceltrail.entrypoints.http.ratelimit import Reader, Writer
from parceltrail.entrypoints.http.schemas_native import (
    ClassifyBatchIn,
    ClassifyBatchOut,
    ClassifyIn,
    ClassifyOut,
    DetectOut,
    EventsOut,
    ExtractOut,
    HealthOut,
    KeyCreatedOut,
    KeyCreateIn,
    KeyEnvelope,
    KeysOut,
    NumberIn,
    SuggestIn,
    SuggestOut,
    TextIn,
    TrackingCreateIn,
    TrackingEnvelope,
    TrackingPage,
    TrackingUpdateIn,
)
from parceltrail.numbers import detect, extract, normalize
from parceltrail.services.outlook.eta import Models, models_for
from parceltrail.services.outlook.health import health_for
from parceltrail.services.outlook.shown import shown_eta_view
from parceltrail.services.tracking.corrections import corrections
from parceltrail.services.tracking.snapshots import Snapshot
from parceltrail.services.tracking.trackings import Labels, TrackingDetail, TrackingService
from parceltrail.services.tracking.views import event_dict, health_view, shipment_dict
from parceltrail.status import message, message_lang, message_langs, subtag_info
from parceltrail.status.classifier import Classification, classify

TAGS = ["Pending", "InfoReceived", "InTransit", "OutForDelivery", "AttemptFail", "Delivered",
        "AvailableForPickup", "Exception", "Expired"]


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def subtag_message(subtag: str | None) -> str | None:
    if not subtag:
        return None
    try:
        return subtag_info(subtag).name
    except (KeyError, ValueError):
        return None


def tracking_dict(detail: TrackingDetail, *, with_events: bool, models: Models | None = None,
                  now: datetime | None = None) -> dict[str, Any]:
    t, s = detail.tracking, detail.shipment
    data: dict[str, Any] = {
        "id": t.id, "tracking_number": s.tracking_number, "carrier": s.carrier,
        "tag": detail.tag, "subtag": detail.subtag, "subtag_message": subtag_message(detail.subtag),
        "active": detail.active, "title": t.title, "order_id": t.order_id, "order_number": t.order_number,
        "customer_name": t.customer_name, "customer_emails": t.customer_emails, "language": t.language,
        "custom_fields": t.custom_fields, "note": t.note, "created_at": t.created_at.isoformat(),
        "updated_at": t.updated_at.isoformat(), "completed_at": _iso(t.completed_at),
        "completed_reason": t.completed_reason.value if t.completed_reason else None,
        "shipment": shipment_dict(s),
    }
    if with_events:
        data["legs"] = [shipment_dict(leg) for leg in detail.legs]
        data["events"] = events_list(detail)
    if models is not None and now is not None:  # predicted delivery and silence health
        data.update(predictions(detail, models, now))
    return data


def predictions(detail: TrackingDetail, models: Models, now: datetime) -> dict[str, Any]:
    """`eta` and `health` of a tracking (its shipment's whole chain when events are loaded)."""
    timeline = Timeline(detail.shipment, detail.events, detail.legs or [detail.shipment])
    return {"eta": shown_eta_view(timeline, models, now),
            "health": health_view(health_for(timeline, models, now))}


def tracking_body(snapshot: Snapshot, models: Models, now: datetime) -> bytes:
    """`{"data": tracking_dict(..., with_events=True, models, now)}` as bytes, the same to the byte, from a
    snapshot: everything but the estimate and the silence health is serialized once per snapshot; the
    estimate comes from the snapshot's memo (per model and hour at the destination), health is
    computed for this request (its days of silence move with the clock)."""
    template = snapshot.memo.get("native")
    if template is None:
        detail = TrackingDetail(cast(Tracking, snapshot.tracking), snapshot.shipment, snapshot.legs,
                                snapshot.events)
        data = tracking_dict(detail, with_events=True)
        data["eta"], data["health"] = Slot("eta"), Slot("health")
        template = JsonTemplate({"data": data})
        snapshot.keep("native", template)
    shown = snapshot.shown.shown(models, now)
    return template.render({"eta": shown.to_dict() if shown else None,
                            "health": health_view(health_for(snapshot.timeline, models, now,
                                                             position=snapshot.shown.position(now)))})


def _at(request: Request) -> dict[str, Any]:
    """`models` (the current ETA/silence models, refitted lazily) and the installation clock's `now`."""
    runtime = _runtime(request)
    now = runtime.clock.now()
    return {"models": models_for(runtime.models, now), "now": now}


def events_list(detail: TrackingDetail) -> list[dict[str, Any]]:
    """Every event of the tracking's chain of legs, newest first."""
    numbers = {leg.id: leg.tracking_number for leg in detail.legs}
    ordered = sorted(detail.events, key=lambda e: (e.occurred_at, e.id or 0), reverse=True)
    return [event_dict(e, numbers.get(e.shipment_id)) for e in ordered]


def _reader_lang(show_in: str | None) -> str:
    """The message language a caller asked for ("pt-BR" -> "pt"); English when none is asked."""
    lang = message_lang(show_in)
    if lang is None:
        raise ApiError(422, "unsupported_language",
                       f"show_in: no messages in {show_in!r}; one of {', '.join(message_langs())}")
    return lang


def _classification(result: Classification, show_in: str | None = None) -> dict[str, Any]:
    subtag = result.subtag.value if result.subtag else None
    shown = None
    if result.subtag is not None:
        lang = _reader_lang(show_in)
        found = message(result.subtag, lang)
        shown = {"lang": lang, "title": found.title, "meaning": found.meaning, "next_step": found.next_step}
    return {"tag": result.tag.value if result.tag else None, "subtag": subtag,
            "subtag_message": subtag_message(subtag), "confidence": result.confidence,
            "location": result.location, "rule": result.rule, "classified": result.classified,
            "message": shown}


def _key_dict(key: ApiKey) -> dict[str, Any]:
    return {"id": key.id, "scope": key.scope.value, "prefix": key.prefix,
            "created_at": key.created_at.isoformat(), "revoked_at": _iso(key.revoked_at),
            "active": key.active}


def _runtime(request: Request) -> Runtime:
    return request.app.state.runtime


def _service(request: Request) -> TrackingService:
    return request.app.state.trackings


def _labels(body: TrackingCreateIn | TrackingUpdateIn) -> Labels:
    return Labels(title=body.title, order_id=body.order_id, order_number=body.order_number,
                  customer_name=body.customer_name, customer_emails=body.customer_emails,
                  language=body.language, custom_fields=body.custom_fields, note=body.note)


def router() -> APIRouter:
    api = APIRouter(prefix="/api/v1", responses=NATIVE_ERRORS)

    @api.get("/health", response_model=HealthOut, tags=["service"])
    def health(request: Request) -> dict[str, Any]:
        runtime = _runtime(request)
        return {"status": "ok", "now": runtime.clock.now().isoformat(), "demo": runtime.settings.demo}

    # trackings -----------------------------------------------------------------------------------
    @api.post("/trackings", response_model=TrackingEnvelope, status_code=201, tags=["trackings"],
              responses={200: {"model": TrackingEnvelope, "description": "Already tracked"}})
    def create_tracking(request: Request, caller: Writer, body: TrackingCreateIn) -> JSONResponse:
        """Track a number for the calling account. Idempotent: the same number and carrier again answers
        200 with the existing tracking (`created` false) instead of 201."""
        detail, created = _service(request).create(caller.account_id, body.tracking_number, body.carrier,
                                                   _labels(body))
        return JSONResponse({"data": tracking_dict(detail, with_events=True, **_at(request)),
                             "created": created}, status_code=201 if created else 200)

    @api.get("/trackings", response_model=TrackingPage, tags=["trackings"])
    def list_trackings(
        request: Request, caller: Reader,
        status: Annotated[list[str] | None, Query(max_length=9, description="Tag(s), e.g. InTransit")] = None,
        carrier: Annotated[list[str] | None, Query(max_length=50)] = None,
        created_after: datetime | None = None, created_before: datetime | None = None,
        updated_after: datetime | None = None, updated_before: datetime | None = None,
        cursor: Annotated[str | None, Query(max_length=200)] = None,
        limit: Annotated[int, Query(ge=1, le=MAX_LIST_LIMIT)] = 50,
    ) -> JSONResponse:
        """The account's trackings, newest first; follow `next_cursor` for the next page."""
        for tag in status or []:
            if tag not in TAGS:
                raise ApiError(422, "validation_error",
                               f"status: unknown tag {tag[:40]!r}; one of {', '.join(TAGS)}")
        dates = [_aware(d, n) for d, n in (
            (created_after, "created_after"), (created_before, "created_before"),
            (updated_after, "updated_after"), (updated_before, "updated_before"))]
        where = TrackingFilter(tags=status or (), carriers=carrier or (), created_after=dates[0],
                               created_before=dates[1], updated_after=dates[2], updated_before=dates[3])
        page = _service(request).list(caller.account_id, where, limit=limit, cursor=cursor, with_events=False)
        at = _at(request)
        return JSONResponse({"data": [tracking_dict(d, with_events=False, **at) for d in page.items],
                             "next_cursor": page.next_cursor})

    @api.get("/trackings/by-number/{tracking_number}", response_model=TrackingEnvelope, tags=["trackings"])
    def get_by_number(request: Request, caller: Reader, tracking_number: str,
                      carrier: Annotated[str | None, Query(max_length=64)] = None) -> JSONResponse:
        """The account's tracking of this number (at `carrier`, when several carriers are tracked)."""
        if len(tracking_number) > 200:
            raise ApiError(422, "validation_error", "tracking_number: too long")
        found = _service(request).by_number(caller.account_id, tracking_number, carrier)
        if not found:
            raise ApiError(404, "not_found", f"this account does not track {normalize(tracking_number)}")
        return JSONResponse({"data": tracking_dict(found[0], with_events=True, **_at(request))})

    @api.get("/trackings/{tracking_id}", response_model=TrackingEnvelope, tags=["trackings"])
    def get_tracking(request: Request, caller: Reader, tracking_id: str) -> JSONResponse:
        """One tracking with its shipment's legs and every event, newest first."""
        snapshot = _service(request).snapshot(caller.account_id, tracking_id)
        return json_response(tracking_body(snapshot, **_at(request)))

    @api.patch("/trackings/{tracking_id}", response_model=TrackingEnvelope, tags=["trackings"])
    def update_tracking(request: Request, caller: Writer, tracking_id: str,
                        body: TrackingUpdateIn) -> JSONResponse:
        detail = _service(request).update(caller.account_id, tracking_id, _labels(body), body.carrier)
        return JSONResponse({"data": tracking_dict(detail, with_events=True, **_at(request))})

    @api.delete("/trackings/{tracking_id}", status_code=204, response_class=Response, tags=["trackings"])
    def delete_tracking(request: Request, caller: Writer, tracking_id: str) -> Response:
        """Stop tracking for this account (the shared shipment and its history stay)."""
        _service(request).delete(caller.account_id, tracking_id)
        return Response(status_code=204)

    @api.post("/trackings/{tracking_id}/retrack", response_model=TrackingEnvelope, tags=["trackings"])
    def retrack(request: Request, caller: Writer, tracking_id: str) -> JSONResponse:
        """Fetch the shipment from its carrier now (and reactivate a completed tracking)."""
        detail = _service(request).retrack(caller.account_id, tracking_id)
        return JSONResponse({"data": tracking_dict(detail, with_events=True, **_at(request))})

    @api.get("/trackings/{tracking_id}/events", response_model=EventsOut, tags=["trackings"])
    def events(request: Request, caller: Reader, tracking_id: str) -> JSONResponse:
        detail = _service(request).get(caller.account_id, tracking_id)
        return JSONResponse({"data": events_list(detail)})

    # number tools and classification ---------------------------------------------------------------
    @api.post("/detect", response_model=DetectOut, tags=["numbers"])
    def detect_number(caller: Reader, body: NumberIn) -> dict[str, Any]:
        """Every plausible carrier and format of a number, best first."""
        number = normalize(body.tracking_number)
        return {"number": number, "data": [c.to_dict() for c in detect(number)]}

    @api.post("/suggest", response_model=SuggestOut, tags=["numbers"])
    def suggest_number(request: Request, caller: Reader, body: SuggestIn) -> dict[str, Any]:
        """Valid numbers one typing mistake away from the given one, most likely first (at most five;
        none when the number already passes its check, of `carrier` when given). Numbers in the range
        of one this account already tracks (or, for a seller, has shipped) come first; `carrier` and
        `country` (where the parcel ships to; default: the account's stored address) weigh in too."""
        number = normalize(body.tracking_number)
        with _runtime(request).store.read() as repo:
            found = corrections(repo, number, account_id=caller.account_id, carrier=body.carrier,
                                country=body.country)
        return {"number": number, "data": [
            {"number": s.number, "edit": s.edit, "position": s.position, "score": s.score,
             "candidate": s.candidate.to_dict()} for s in found]}

    @api.post("/extract", response_model=ExtractOut, tags=["numbers"])
    def extract_numbers(caller: Reader, body: TextIn) -> dict[str, Any]:
        """Tracking numbers found in a text (an e-mail, a page)."""
        return {"data": [{"number": e.number, "start": e.start, "end": e.end, "text": e.text,
                          "candidates": [c.to_dict() for c in e.candidates]}
                         for e in extract(body.text)[:200]]}

    @api.post("/classify", response_model=ClassifyOut, tags=["status"])
    def classify_event(caller: Reader, body: ClassifyIn) -> dict[str, Any]:
        """Place one carrier event (text and/or code) on the status taxonomy."""
        _reader_lang(body.show_in)
        found = classify(body.text, body.carrier, body.code, body.lang)
        return {"data": _classification(found, body.show_in)}

    @api.post("/classify/batch", response_model=ClassifyBatchOut, tags=["status"])
    def classify_events(caller: Reader, body: ClassifyBatchIn) -> dict[str, Any]:
        for e in body.events:  # every language checked before anything is classified
            _reader_lang(e.show_in)
        return {"data": [_classification(classify(e.text, e.carrier, e.code, e.lang), e.show_in)
                         for e in body.events]}

    # API keys ------------------------------------------------------------------------------------
    @api.get("/keys", response_model=KeysOut, tags=["keys"])
    def list_keys(request: Request, caller: Reader) -> dict[str, Any]:
        """The calling account's API keys (never the keys themselves)."""
        with _runtime(request).store.read() as repo:
            keys = repo.accounts.keys(caller.account_id)
        return {"data": [_key_dict(k) for k in keys]}

    @api.post("/keys", response_model=KeyCreatedOut, status_code=201, tags=["keys"])
    def create_key(request: Request, caller: Writer, body: KeyCreateIn) -> dict[str, Any]:
        """A new key for the calling account; the key is in this answer only."""
        runtime = _runtime(request)
        with runtime.store.transaction() as repo:
            live = [k for k in repo.accounts.keys(caller.account_id) if k.active]
            cap = runtime.settings.max_keys_per_account
            if len(live) >= cap:
                raise ApiError(403, "limit_reached", f"this account has {len(live)} live keys, the most this "
                                                     "server allows; revoke one first")
            key, plain = repo.accounts.create_key(caller.account_id, Scope(body.scope),
                                                                 runtime.clock.now())
        return {"data": _key_dict(key), "key": plain}

    @api.delete("/keys/{key_id}", response_model=KeyEnvelope, tags=["keys"])
    def revoke_key(request: Request, caller: Writer, key_id: int) -> dict[str, Any]:
        """Revoke one of the calling account's keys (it stops working at once)."""
        runtime = _runtime(request)
        if not -2**31 <= key_id < 2**31:
            raise ApiError(404, "not_found", f"no key {key_id}")
        with runtime.store.transaction() as repo:
            key = repo.accounts.revoke_key(key_id, runtime.clock.now(),
                                                          account_id=caller.account_id)
        if key is None:
            raise ApiError(404, "not_found", f"no key {key_id}")
        request.app.state.key_cache.forget_key(key_id)
        return {"data": _key_dict(key)}

    return api


def _aware(value: datetime | None, name: str) -> datetime | None:
    if value is None:
        return None
    if value.tzinfo is None:
        raise ApiError(422, "validation_error", f"{name}: give a time zone (e.g. 2026-11-01T00:00:00Z)")
    return value
