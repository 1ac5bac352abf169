"""Request and response bodies of the native API (/api/v1)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from parceltrail.entrypoints.http.limits import MAX_BATCH

Short = Field(default=None, max_length=256)


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TrackingLabelsIn(_In):
    title: str | None = Short
    order_id: str | None = Short
    order_number: str | None = Short
    customer_name: str | None = Short
    customer_emails: list[str] | None = Field(default=None, max_length=20)
    language: str | None = Field(default=None, max_length=16)
    custom_fields: dict[str, str] | None = Field(default=None, max_length=50)
    note: str | None = Field(default=None, max_length=4096)


class TrackingCreateIn(TrackingLabelsIn):
    tracking_number: str = Field(min_length=1, max_length=200)
    carrier: str | None = Field(default=None, min_length=1, max_length=64)


class TrackingUpdateIn(TrackingLabelsIn):
    carrier: str | None = Field(default=None, min_length=1, max_length=64)


class NumberIn(_In):
    tracking_number: str = Field(min_length=1, max_length=200)


class SuggestIn(NumberIn):
    carrier: str | None = Field(default=None, min_length=1, max_length=64)  # e.g. the order's carrier
    country: str | None = Field(default=None, min_length=2, max_length=2)  # where the parcel ships to


class TextIn(_In):
    text: str = Field(min_length=1, max_length=100_000)


class ClassifyIn(_In):
    text: str | None = Field(default=None, max_length=2000)
    carrier: str | None = Field(default=None, max_length=64)
    code: str | None = Field(default=None, max_length=64)
    lang: str | None = Field(default=None, max_length=16)  # the language of the carrier's text
    show_in: str | None = Field(default=None, max_length=16)  # the reader's language for `message`


class ClassifyBatchIn(_In):
    events: list[ClassifyIn] = Field(min_length=1, max_length=MAX_BATCH)


class KeyCreateIn(_In):
    scope: Literal["read", "write"] = "read"


class ShipmentOut(BaseModel):
    id: int
    tracking_number: str
    carrier: str
    format: str | None
    service_class: str | None
    origin_country: str | None
    destination_country: str | None
    tag: str
    subtag: str
    first_event_at: str | None
    last_event_at: str | None
    next_check_at: str | None
    last_checked_at: str | None
    last_error: str | None
    trackable: bool
    untrackable_reason: str | None
    previous_leg_id: int | None
    next_leg_id: int | None
    simulated: bool
    connector: str | None = None  # the connector that follows it
    unfollowed_reason: str | None = None  # set while no enabled connector can: what would make it trackable
    carrier_source: str = "detected"  # detected, user (never auto-corrected) or corrected
    created_at: str | None


class EventOut(BaseModel):
    id: int | None
    tracking_number: str | None
    occurred_at: str | None
    utc_offset_minutes: int
    text: str
    code: str | None
    location: str | None
    country: str | None
    city: str | None
    latitude: float | None
    longitude: float | None
    lang: str | None
    tag: str | None
    subtag: str | None
    classified: bool
    classifier_rule: str | None
    source: str
    retrieved_at: str | None
    raw_payload_id: int | None


# The predicted delivery and the silence health of a tracking (services/outlook/eta.py and health.py).
class EtaOut(BaseModel):
    date: str = Field(description="Most likely delivery date (YYYY-MM-DD)")
    earliest: str = Field(description="Start of the interval holding `level` of deliveries")
    latest: str
    level: float
    basis: str = Field(description="What the estimate rests on, e.g. carrier+lane:last_mile or prior:...")
    samples: int
    datetime: str


class HealthStateOut(BaseModel):
    state: Literal["ok", "not_updated", "possibly_lost", "expired"]
    silence_days: float
    not_updated_after_days: float
    possibly_lost_after_days: float
    likely_reason: str | None
    likely_reason_text: str | None
    basis: str


class TrackingOut(BaseModel):
    id: str
    tracking_number: str
    carrier: str
    tag: str
    subtag: str
    subtag_message: str | None
    active: bool
    title: str | None
    order_id: str | None
    order_number: str | None
    customer_name: str | None
    customer_emails: list[str]
    language: str | None
    custom_fields: dict[str, Any]
    note: str | None
    created_at: str
    updated_at: str
    completed_at: str | None
    completed_reason: str | None
    shipment: ShipmentOut
    legs: list[ShipmentOut] | None = None
    events: list[EventOut] | None = None
    eta: EtaOut | None = None  # null when the parcel is no longer in flight
    health: HealthStateOut | None = None  # silence health: not updated / possibly lost / expired


class TrackingEnvelope(BaseModel):
    data: TrackingOut
    created: bool | None = None


class TrackingPage(BaseModel):
    data: list[TrackingOut]
    next_cursor: str | None


class EventsOut(BaseModel):
    data: list[EventOut]


class CandidateOut(BaseModel):
    number: str
    carrier: str
    carrier_name: str
    format: str
    format_name: str
    checksum: str
    service_class: str
    service: str | None
    country: str | None
    trackable: bool
    untrackable_reason: str | None
    tracking_url: str | None
    confidence: float


class DetectOut(BaseModel):
    number: str
    data: list[CandidateOut]


class SuggestionOut(BaseModel):
    number: str
    edit: str
    position: int
    score: float
    candidate: CandidateOut


class SuggestOut(BaseModel):
    number: str
    data: list[SuggestionOut]


class ExtractedOut(BaseModel):
    number: str
    start: int
    end: int
    text: str
    candidates: list[CandidateOut]


class ExtractOut(BaseModel):
    data: list[ExtractedOut]


class MessageOut(BaseModel):
    lang: str
    title: str
    meaning: str
    next_step: str


class ClassificationOut(BaseModel):
    tag: str | None
    subtag: str | None
    subtag_message: str | None
    confidence: float
    location: str | None
    rule: str
    classified: bool
    message: MessageOut | None


class ClassifyOut(BaseModel):
    data: ClassificationOut


class ClassifyBatchOut(BaseModel):
    data: list[ClassificationOut]


class KeyOut(BaseModel):
    id: int
    scope: str
    prefix: str
    created_at: str
    revoked_at: str | None
    active: bool


class KeysOut(BaseModel):
    data: list[KeyOut]


class KeyCreatedOut(BaseModel):
    data: KeyOut
    key: str = Field(description="The API key itself. Shown only in this answer; store it now.")


class KeyEnvelope(BaseModel):
    data: KeyOut


class HealthOut(BaseModel):
    status: str
    now: str
    demo: bool


class HelloOut(BaseModel):
    hello: str
