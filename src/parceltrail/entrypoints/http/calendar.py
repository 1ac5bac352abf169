"""Calendar feeds: `POST /api/v1/calendar` makes (or rotates) the signed-in user's secret feed URL,
`GET /api/v1/calendar` says whether one is active, `DELETE /api/v1/calendar` revokes it, and
`GET /calendar/{token}.ics` (no login: the token is the secret) serves it; unknown or revoked tokens
answer 404."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from parceltrail.adapters.documents.calendar import AllDayEvent, render_ics
from parceltrail.bootstrap import Runtime
from parceltrail.domain.calendar import CalendarFeed
from parceltrail.domain.errors import InputError
from parceltrail.entrypoints.http.errors import NATIVE_ERRORS, ApiError
from parceltrail.entrypoints.http.sessions import UserReader, UserWriter
from parceltrail.entrypoints.web.i18n import Locale, pick_lang
from parceltrail.services.notifications.urls import tracking_link
from parceltrail.services.outlook import calendar as calendars
from parceltrail.services.outlook.eta import models_for

MEDIA_TYPE = "text/calendar; charset=utf-8"


class CalendarIn(BaseModel):
    timezone: str | None = Field(default=None, max_length=64, description="Your IANA time zone: used for "
                                 "destinations spanning several zones (the destination's zone otherwise).")
    language: str | None = Field(default=None, max_length=16, description="Language of the events' texts "
                                 "(default: the request's Accept-Language).")


def _runtime(request: Request) -> Runtime:
    return request.app.state.runtime


def feed_url(runtime: Runtime, token: str) -> str:
    return f"{runtime.settings.public_url}/calendar/{token}.ics"


def _feed_dict(feed: CalendarFeed) -> dict[str, Any]:
    return {"id": feed.id, "prefix": feed.prefix, "created_at": feed.created_at.isoformat(),
            "timezone": feed.timezone, "language": feed.language}


def render_feed(runtime: Runtime, feed: calendars.Feed) -> bytes:
    """The feed's events with their texts in the feed's language."""
    lang = pick_lang(feed.feed.language, None, None)
    events = []
    for entry in feed.entries:
        loc = Locale(lang, ZoneInfo(entry.timezone))
        label = entry.label or entry.tracking_number
        last = loc.day(entry.last_day, "medium")
        if entry.late:
            summary = loc.t("calendar.late", label=label, date=last)
        else:
            summary = loc.t("calendar.expected", label=label)
        lines = [loc.t("calendar.window", first=loc.day(entry.first_day, "medium"), last=last,
                       expected=loc.day(entry.expected_day, "medium")),
                 loc.t("calendar.number", number=entry.tracking_number, carrier=entry.carrier)]
        if entry.late and entry.was_due is not None:
            lines.append(loc.t("calendar.was_due", date=loc.day(entry.was_due, "medium")))
        link = tracking_link(runtime.settings.public_url, entry.tracking_number)
        events.append(AllDayEvent(entry.uid, summary, "\n".join([*lines, link]), entry.first_day,
                                  entry.last_day, entry.last_modified, link))
    name = Locale(lang, ZoneInfo("UTC")).t("calendar.name")
    return render_ics(name, events, runtime.clock.now())


def router(prefix: str = "/api/v1") -> APIRouter:
    routes = APIRouter(responses=NATIVE_ERRORS, tags=["calendar"])

    @routes.post(f"{prefix}/calendar", status_code=201)
    def create(request: Request, user: UserWriter, body: CalendarIn | None = None) -> dict[str, Any]:
        """A new secret calendar feed URL for the signed-in user (shown once); an earlier one stops
        working. Subscribe to it in any calendar app: expected deliveries appear as all-day events."""
        runtime = _runtime(request)
        body = body or CalendarIn()
        language = body.language or pick_lang(None, None, request.headers.get("accept-language"))
        try:
            feed, token = calendars.create_feed(runtime.store, user, runtime.clock.now(),
                                                timezone=body.timezone, language=language)
        except InputError as error:
            raise ApiError(400, "invalid_timezone", str(error)) from None
        return {"data": {**_feed_dict(feed), "url": feed_url(runtime, token)}}

    @routes.get(f"{prefix}/calendar")
    def show(request: Request, user: UserReader) -> dict[str, Any]:
        """The user's active feed (its URL is only shown when made), or 404."""
        feed = calendars.active_feed(_runtime(request).store, user)
        if feed is None:
            raise ApiError(404, "not_found",
                           "You have no calendar feed; create one with POST /api/v1/calendar.")
        return {"data": _feed_dict(feed)}

    @routes.delete(f"{prefix}/calendar", status_code=204, response_class=Response)
    def revoke(request: Request, user: UserWriter) -> Response:
        """Revoke the user's feed: its URL answers 404 from now on."""
        runtime = _runtime(request)
        if not calendars.revoke_feed(runtime.store, user, runtime.clock.now()):
            raise ApiError(404, "not_found", "You have no calendar feed.")
        return Response(status_code=204)

    @routes.get("/calendar/{token}.ics", include_in_schema=False, response_model=None)
    async def feed(request: Request, token: str) -> Response:
        runtime = _runtime(request)

        def build() -> bytes | None:
            now = runtime.clock.now()
            found = calendars.feed_entries(runtime.store, token, models_for(runtime.models, now), now)
            return render_feed(runtime, found) if found is not None else None

        body = await run_in_threadpool(build)
        if body is None:
            raise ApiError(404, "not_found", "No such calendar feed (it may have been revoked).")
        return Response(body, media_type=MEDIA_TYPE, headers={
            "Cache-Control": "private, max-age=300", "Content-Disposition": 'inline; filename="parcels.ics"',
            "X-Robots-Tag": "noindex"})

    return routes
