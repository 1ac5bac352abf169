"""The operator's list of every tracked number: behind sign-in (administrators only), never public.

`/` sends visitors to the track page; an installation's whole list of numbers is private data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from parceltrail.domain.orders import Role
from parceltrail.domain.shipment import Shipment
from parceltrail.entrypoints.web.cards import carrier_label
from parceltrail.entrypoints.web.i18n import Locale, negotiate
from parceltrail.status import message

MAX_ROWS = 500


@dataclass(frozen=True, slots=True)
class ParcelRow:
    number: str
    carrier: str
    status: str
    last_event_at: datetime | None
    next_check_at: datetime | None


def status_words(tag: str, subtag: str | None, loc: Locale) -> str:
    """A status in the page language ("Held by customs"), never a raw code like `Exception_004`."""
    for code in (subtag, f"{tag}_001"):
        if not code:
            continue
        try:
            return message(code, loc.lang).title
        except (KeyError, ValueError):
            continue
    return loc.t("operator.unknown_status")


def row_of(shipment: Shipment, loc: Locale) -> ParcelRow:
    return ParcelRow(shipment.tracking_number, carrier_label(shipment.carrier, loc),
                     status_words(shipment.tag, shipment.subtag, loc), shipment.last_event_at,
                     shipment.next_check_at)


def router() -> APIRouter:
    pages = APIRouter(include_in_schema=False)

    @pages.get("/parcels", response_model=None)
    def parcels(request: Request) -> Response:
        from parceltrail.entrypoints.web.pages import error_page, page_user, render

        user = page_user(request)
        if user is None:
            return RedirectResponse("/login?next=/parcels", status_code=303)
        loc = negotiate(request)
        if user.role is not Role.ADMIN:
            return error_page(request, loc, 403, loc.t("error.forbidden"), user)
        runtime = request.app.state.runtime
        with runtime.store.read() as repo:
            shipments = repo.shipments.list(limit=MAX_ROWS)
        return render(request, "parcels.html", loc, {"rows": [row_of(s, loc) for s in shipments]}, user=user)

    return pages
