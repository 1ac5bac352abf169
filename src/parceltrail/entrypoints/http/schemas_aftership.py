"""Bodies of the AfterShip-compatible Tracking API 2026-07 (the fields parceltrail reads and fills)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from parceltrail.entrypoints.http.errors import AfterShipMeta

Str = Field(default=None, max_length=256)
TagName = Literal["Pending", "InfoReceived", "InTransit", "OutForDelivery", "AttemptFail", "Delivered",
                  "AvailableForPickup", "Exception", "Expired"]


class _In(BaseModel):
    model_config = ConfigDict(extra="ignore")  # AfterShip fields parceltrail does not use are accepted


class CustomerIn(_In):
    role: str | None = Str
    name: str | None = Str
    phone_number: str | None = Str
    email: str | None = Str
    language: str | None = Str
    id: str | None = Str


class TrackingFieldsIn(_In):
    title: str | None = Str
    order_id: str | None = Str
    order_number: str | None = Str
    custom_fields: dict[str, Any] | None = Field(default=None, max_length=50)
    language: str | None = Field(default=None, max_length=16)
    note: str | None = Field(default=None, max_length=4096)
    customers: list[CustomerIn] | None = Field(default=None, max_length=20)
    slug: str | None = Field(default=None, max_length=64)
    origin_country_region: str | None = Field(default=None, max_length=3)
    destination_country_region: str | None = Field(default=None, max_length=3)


class CreateTrackingIn(TrackingFieldsIn):
    tracking_number: str = Field(min_length=1, max_length=200)
    id: str | None = Field(default=None, max_length=64)


class UpdateTrackingIn(TrackingFieldsIn):
    pass


class MarkCompletedIn(_In):
    reason: Literal["DELIVERED", "LOST", "RETURNED_TO_SENDER"]
    event_datetime: str | None = Field(default=None, max_length=64)


class DetectIn(_In):
    tracking_number: str = Field(min_length=1, max_length=200)
    slug: list[str] | None = Field(default=None, max_length=50)


class AddressIn(_In):
    country_region: str | None = Field(default=None, max_length=3)
    state: str | None = Str
    city: str | None = Str
    postal_code: str | None = Field(default=None, max_length=32)
    raw_location: str | None = Str


class WeightIn(_In):
    unit: str | None = Field(default=None, max_length=16)
    value: float | None = None


class EstimatedPickupIn(_In):
    order_time: str | None = Field(default=None, max_length=64)
    order_cutoff_time: str | None = Field(default=None, max_length=64)
    business_days: list[int] | None = Field(default=None, max_length=7)


class EddIn(_In):
    slug: str = Field(min_length=1, max_length=64)
    service_type_name: str | None = Str
    origin_address: AddressIn
    destination_address: AddressIn
    weight: WeightIn | None = None
    package_count: int | None = None
    pickup_time: str | None = Field(default=None, max_length=64)
    estimated_pickup: EstimatedPickupIn | None = None


class EddBatchIn(_In):
    estimated_delivery_dates: list[EddIn] = Field(min_length=1, max_length=5)


# responses -------------------------------------------------------------------------------------------

class Coordinate(BaseModel):
    latitude: float | None = None
    longitude: float | None = None


class CheckpointOut(BaseModel):
    created_at: str | None = None
    slug: str | None = None
    checkpoint_time: str | None = None
    location: str | None = None
    city: str | None = None
    state: str | None = None
    postal_code: str | None = None
    coordinate: Coordinate | None = None
    country_region: str | None = None
    country_region_name: str | None = None
    message: str | None = None
    tag: TagName | None = None
    subtag: str | None = None
    subtag_message: str | None = None
    raw_tag: str | None = None
    source: Literal["carrier", "user"] | None = None
    hash: str | None = None


class CustomerOut(BaseModel):
    role: str | None = None
    name: str | None = None
    phone_number: str | None = None
    email: str | None = None
    language: str | None = None
    id: str | None = None


class MileOut(BaseModel):
    tracking_number: str | None = None
    slug: str | None = None
    transit_time: int | None = None
    courier_tracking_link: str | None = None
    courier_redirect_link: str | None = None


class EddOut(BaseModel):
    estimated_delivery_date: str | None = None
    confidence_code: float | None = None
    estimated_delivery_date_min: str | None = None
    estimated_delivery_date_max: str | None = None


class LatestEddOut(BaseModel):
    """As the SDK's TrackingLatestEstimatedDelivery (type range, source "AfterShip EDD")."""

    type: Literal["range", "specific"] | None = None
    source: Literal["Carrier EDD", "AfterShip EDD", "Custom EDD", "Order EDD"] | None = None
    datetime: str | None = None
    datetime_min: str | None = None
    datetime_max: str | None = None
    revise_reason: str | None = None


class TrackingOut(BaseModel):
    id: str
    legacy_id: str | None = None
    created_at: str | None = None
    updated_at: str | None = None
    tracking_number: str | None = None
    slug: str | None = None
    active: bool | None = None
    custom_fields: dict[str, Any] | None = None
    transit_time: int | None = None
    origin_country_region: str | None = None
    destination_country_region: str | None = None
    courier_destination_country_region: str | None = None
    note: str | None = None
    order_id: str | None = None
    order_number: str | None = None
    shipment_pickup_date: str | None = None
    shipment_delivery_date: str | None = None
    signed_by: str | None = None
    source: str | None = None
    tag: TagName | None = None
    subtag: str | None = None
    subtag_message: str | None = None
    title: str | None = None
    tracked_count: float | None = None
    language: str | None = None
    checkpoints: list[CheckpointOut] | None = None
    subscribed_smses: list[str] | None = None
    subscribed_emails: list[str] | None = None
    return_to_sender: bool | None = None
    courier_tracking_link: str | None = None
    shipment_tags: list[str] | None = None
    order_tags: list[str] | None = None
    aftership_estimated_delivery_date: EddOut | None = None
    latest_estimated_delivery: LatestEddOut | None = None  # from the ETA model
    first_mile: MileOut | None = None
    last_mile: MileOut | None = None
    customers: list[CustomerOut] | None = None


class _Envelope(BaseModel):
    meta: AfterShipMeta


class TrackingEnvelope(_Envelope):
    data: TrackingOut


class Pagination(BaseModel):
    total: int | None = None
    next_cursor: str | None = None
    has_next_page: bool | None = None


class TrackingsData(BaseModel):
    pagination: Pagination
    trackings: list[TrackingOut]


class TrackingsEnvelope(_Envelope):
    data: TrackingsData


class CourierOut(BaseModel):
    slug: str
    name: str
    phone: str | None = None
    other_name: str | None = None
    web_url: str | None = None
    required_fields: list[str] = []
    optional_fields: list[str] = []
    default_language: str | None = None
    support_languages: list[str] = []
    service_from_country_regions: list[str] = []


class CouriersData(BaseModel):
    total: int
    couriers: list[CourierOut]


class CouriersEnvelope(_Envelope):
    data: CouriersData


class AddressOut(BaseModel):
    country_region: str | None = None
    state: str | None = None
    city: str | None = None
    postal_code: str | None = None
    raw_location: str | None = None


class EddResultOut(BaseModel):
    id: str | None = None
    slug: str | None = None
    service_type_name: str | None = None
    origin_address: AddressOut | None = None
    destination_address: AddressOut | None = None
    package_count: int | None = None
    pickup_time: str | None = None
    estimated_delivery_date: str | None = None
    confidence_code: float | None = None
    estimated_delivery_date_min: str | None = None
    estimated_delivery_date_max: str | None = None


class EddEnvelope(_Envelope):
    data: EddResultOut


class EddBatchData(BaseModel):
    estimated_delivery_dates: list[EddResultOut]


class EddBatchEnvelope(_Envelope):
    data: EddBatchData
