"""Notification subscriptions of the calling account under /api/v1/subscriptions."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from parceltrail.bootstrap import Runtime
from parceltrail.domain.errors import NotFoundError
from parceltrail.entrypoints.http.errors import NATIVE_ERRORS, ApiError
from parceltrail.entrypoints.http.ratelimit import Reader, Writer
from parceltrail.numbers import normalize
from parceltrail.services.notifications import subscriptions as service
from parceltrail.services.notifications.urls import policy_of
from parceltrail.settings import NotifySettings


class SubscriptionIn(BaseModel):
    """One subscription: what to follow (a tracking, by id or number; an order; or, with none of them,
    every tracking of the account), which changes, and where to send them."""

    model_config = ConfigDict(extra="forbid")

    channel: Literal["webhook", "email", "apprise"]
    target: str = Field(min_length=1, max_length=2000, description="Webhook URL, e-mail address or "
                                                                    "Apprise URL")
    events: list[str] = Field(default=["status_change"], min_length=1, max_length=10,
                              description="status_change, checkpoint, delivered, exception, not_updated, "
                                          "eta_changed or all")
    tracking_id: str | None = Field(default=None, min_length=1, max_length=64)
    tracking_number: str | None = Field(default=None, min_length=1, max_length=64)
    order_id: str | None = Field(default=None, min_length=1, max_length=256)
    format: Literal["native", "aftership"] = "native"
    language: str | None = Field(default=None, min_length=2, max_length=16)
    timezone: str = Field(default="UTC", min_length=1, max_length=64)
    quiet_hours: str | None = Field(default=None, max_length=11, description="e.g. 22:00-07:00, local time")
    digest: bool = False
    digest_hour: int = Field(default=8, ge=0, le=23)
    eta_days: float | None = Field(default=None, gt=0, le=365)
    stale_days: float | None = Field(default=None, gt=0, le=365)


class SubscriptionOut(BaseModel):
    id: int
    scope: str
    tracking_id: str | None
    shipment_id: int | None
    order_id: str | None
    events: list[str]
    channel: str
    target: str
    format: str
    language: str | None
    timezone: str
    quiet_hours: str | None
    digest: bool
    digest_hour: int
    eta_days: float | None
    stale_days: float | None
    created_at: str
    secret_prefix: str


class SubscriptionEnvelope(BaseModel):
    data: SubscriptionOut


class SubscriptionCreated(BaseModel):
    data: SubscriptionOut
    secret: str = Field(description="Signs the webhooks (HMAC-SHA256); shown in this answer only")


class SubscriptionsOut(BaseModel):
    data: list[SubscriptionOut]


class SubscriptionOptions(BaseModel):
    events: list[str]
    channels: list[str]
    formats: list[str]
    languages: list[str]
    defaults: dict[str, Any]


def _runtime(request: Request) -> Runtime:
    return request.app.state.runtime


def _check_id(subscription_id: int) -> None:
    if not 0 < subscription_id < 2**31:
        raise ApiError(404, "not_found", f"no subscription {subscription_id}")


def router() -> APIRouter:
    api = APIRouter(prefix="/api/v1", responses=NATIVE_ERRORS, tags=["subscriptions"])

    @api.get("/subscriptions/options", response_model=SubscriptionOptions)
    def options(caller: Reader) -> dict[str, Any]:
        """The choices a subscription form offers (events, channels, formats, languages, defaults)."""
        return service.options()

    @api.post("/subscriptions", response_model=SubscriptionCreated, status_code=201)
    def create(request: Request, caller: Writer, body: SubscriptionIn) -> JSONResponse:
        """Subscribe to changes of a tracking, an order or every tracking of the account. The webhook
        secret is in this answer only."""
        runtime = _runtime(request)
        settings = NotifySettings.from_env()
        req = service.SubscriptionRequest(
            channel=body.channel, target=body.target, events=body.events, tracking_id=body.tracking_id,
            order_id=body.order_id, format=body.format, language=body.language, timezone=body.timezone,
            quiet_hours=body.quiet_hours, digest=body.digest, digest_hour=body.digest_hour,
            eta_days=body.eta_days, stale_days=body.stale_days)
        service.validate(req, targets=policy_of(settings))
        with runtime.store.transaction() as repo:
            if body.tracking_number is not None:
                if body.tracking_id is not None:
                    raise ApiError(422, "validation_error", "give tracking_id or tracking_number, not both")
                found = repo.accounts.trackings_by_number(caller.account_id,
                                                                         normalize(body.tracking_number))
                if not found:
                    raise NotFoundError(f"this account does not track {normalize(body.tracking_number)}")
                req.tracking_id = found[0].id
            subscription = service.create(repo, caller.account_id, req, runtime.clock.now(),
                                          targets=policy_of(settings),
                                          limit=runtime.settings.max_subscriptions_per_account)
        return JSONResponse({"data": service.subscription_dict(subscription), "secret": subscription.secret},
                            status_code=201)

    @api.get("/subscriptions", response_model=SubscriptionsOut)
    def list_subscriptions(request: Request, caller: Reader) -> dict[str, Any]:
        """The calling account's subscriptions (secrets are shown only when created)."""
        with _runtime(request).store.read() as repo:
            found = repo.notifications.subscriptions(caller.account_id)
        return {"data": [service.subscription_dict(s) for s in found]}

    @api.get("/subscriptions/{subscription_id}", response_model=SubscriptionEnvelope)
    def get_subscription(request: Request, caller: Reader, subscription_id: int) -> dict[str, Any]:
        _check_id(subscription_id)
        with _runtime(request).store.read() as repo:
            found = repo.notifications.subscription(subscription_id, caller.account_id)
        if found is None:
            raise ApiError(404, "not_found", f"no subscription {subscription_id}")
        return {"data": service.subscription_dict(found)}

    @api.delete("/subscriptions/{subscription_id}", status_code=204, response_class=Response)
    def delete_subscription(request: Request, caller: Writer, subscription_id: int) -> Response:
        """Unsubscribe; notifications not yet delivered are dropped with it."""
        _check_id(subscription_id)
        with _runtime(request).store.transaction() as repo:
            notes = repo.notifications
            deleted = notes.delete_subscription(subscription_id, caller.account_id)
        if not deleted:
            raise ApiError(404, "not_found", f"no subscription {subscription_id}")
        return Response(status_code=204)

    return api
