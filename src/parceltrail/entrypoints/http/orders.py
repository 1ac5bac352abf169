"""Marketplace routes under /api/v1: log in, My Orders and View Detail, shipping with a label, number
ranges, bulk import, and adding numbers from an e-mail or a label photo.

Another user's order answers 404 (its existence is not revealed); one the caller may see but not change
answers 403. Errors are `{"error": {"code", "message", ...}}`; a refused number adds `suggestions`.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from pydantic import BaseModel, Field

from parceltrail.adapters.documents.barcodes import numbers_in_image
from parceltrail.adapters.documents.label import label_pdf
from parceltrail.bootstrap import Runtime
from parceltrail.domain.errors import InputError
from parceltrail.domain.orders import Address, OrderError, OrderItem, User
from parceltrail.entrypoints.http import sessions
from parceltrail.entrypoints.http.errors import NATIVE_ERRORS
from parceltrail.entrypoints.http.sessions import UserReader, UserWriter
from parceltrail.services.marketplace import intake, order_import
from parceltrail.services.marketplace import orders as service
from parceltrail.services.marketplace.order_views import order_detail, order_summary
from parceltrail.services.outlook.eta import models_for

MAX_UPLOAD = 1024 * 1024
OrderParam = Annotated[int | None, Query(ge=1, le=2**31 - 1, description="Add as packages of this order")]


class OrderRoute(APIRoute):
    """Turns an OrderError into its own status and code, with its details (e.g. suggestions)."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def guarded(request: Request) -> Response:
            try:
                return await handler(request)
            except OrderError as error:
                return JSONResponse({"error": {"code": error.code, "message": " ".join(str(error).split()),
                                               **error.details}}, status_code=error.status)

        return guarded


class AddressIn(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    lines: list[Annotated[str, Field(min_length=1, max_length=100)]] = Field(min_length=1, max_length=4)
    city: str = Field(min_length=1, max_length=100)
    postcode: str | None = Field(default=None, max_length=20)
    country: str = Field(min_length=2, max_length=2, description="ISO 3166-1 alpha-2")
    phone: str | None = Field(default=None, max_length=30)

    def to_address(self) -> Address:
        return Address(name=self.name, lines=list(self.lines), city=self.city, country=self.country,
                       postcode=self.postcode, phone=self.phone)


class ItemIn(BaseModel):
    description: str = Field(min_length=1, max_length=200)
    quantity: int = Field(ge=1, le=100_000)
    unit_price_minor: int = Field(ge=0, le=1_000_000_000, description="Price of one unit in minor units")
    sku: str | None = Field(default=None, max_length=64)
    weight_grams: int | None = Field(default=None, ge=1, le=1_000_000)
    hs_code: str | None = Field(default=None, pattern=r"^[0-9]{6,10}$")
    origin_country: str | None = Field(default=None, min_length=2, max_length=2)


class OrderCreateIn(BaseModel):
    buyer_email: str | None = Field(default=None, max_length=254)
    seller_email: str | None = Field(default=None, max_length=254)
    reference: str | None = Field(default=None, min_length=1, max_length=64)
    currency: str = Field(pattern=r"^[A-Z]{3}$", description="ISO 4217, e.g. EUR")
    items: list[ItemIn] = Field(min_length=1, max_length=100)
    shipping_minor: int = Field(default=0, ge=0, le=1_000_000_000)
    ship_to: AddressIn
    ship_from: AddressIn | None = None
    protection_days: int = Field(default=60, ge=0, le=365)


class ShipIn(BaseModel):
    carrier: str | None = Field(default=None, max_length=64)
    service: str | None = Field(default=None, min_length=1, max_length=100)
    tracking_number: str | None = Field(default=None, max_length=200)
    issue: bool = False
    range_id: int | None = Field(default=None, ge=1, le=2**31 - 1)
    weight_grams: int | None = Field(default=None, ge=1, le=1_000_000)


class RangeIn(BaseModel):
    country: str = Field(min_length=2, max_length=2)
    service_indicator: str = Field(min_length=1, max_length=2)
    first_serial: int = Field(ge=0, le=99_999_999)
    last_serial: int = Field(ge=0, le=99_999_999)


def _runtime(request: Request) -> Runtime:
    return request.app.state.runtime


def detail_for(runtime: Runtime, user: User, order_id: int) -> dict[str, Any]:
    """View Detail as the API returns it: with each package's ETA and health and the buyer's next step,
    on the installation's clock."""
    now = runtime.clock.now()
    return order_detail(service.order_view(runtime.store, user, order_id), user, now=now,
                        models=models_for(runtime.models, now))


def _id(value: int, what: str) -> int:
    if not 0 < value < 2**31:
        raise OrderError(f"no {what} {value}", code="not_found", status=404)
    return value


async def _upload(request: Request, field: str = "file") -> bytes:
    """The uploaded file of a multipart form, or the raw body."""
    if request.headers.get("content-type", "").startswith("multipart/form-data"):
        form = await request.form()
        upload = form.get(field)
        if upload is None or isinstance(upload, str):
            raise InputError(f"the form has no file field {field!r}")
        data = await upload.read()
    else:
        data = await request.body()
    if not data:
        raise InputError("the request has no file")
    if len(data) > MAX_UPLOAD:
        raise InputError(f"the file is larger than {MAX_UPLOAD} bytes")
    return data


def router() -> APIRouter:
    api = APIRouter(prefix="/api/v1", responses=NATIVE_ERRORS, route_class=OrderRoute)

    # orders --------------------------------------------------------------------------------------
    @api.get("/orders", tags=["orders"])
    def my_orders(request: Request, user: UserReader,
                  limit: Annotated[int, Query(ge=1, le=200)] = 50,
                  before_id: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None) -> dict[str, Any]:
        """My Orders: a buyer's purchases, a seller's sales (every order for an admin), newest first."""
        found = service.list_orders(_runtime(request).store, user, limit=limit, before_id=before_id)
        return {"data": [order_summary(o) for o in found],
                "next_before_id": found[-1].id if len(found) == limit else None}

    @api.post("/orders", status_code=201, tags=["orders"])
    def place_order(request: Request, user: UserWriter, body: OrderCreateIn) -> dict[str, Any]:
        """Place a (paid) order: a seller names the buyer, a buyer names the seller, an admin both."""
        runtime = _runtime(request)
        new = service.NewOrder(
            currency=body.currency, ship_to=body.ship_to.to_address(),
            items=[OrderItem(**item.model_dump()) for item in body.items],
            buyer_email=body.buyer_email, seller_email=body.seller_email, reference=body.reference,
            shipping_minor=body.shipping_minor, protection_days=body.protection_days,
            ship_from=body.ship_from.to_address() if body.ship_from else None)
        order = service.place_order(runtime.store, user, new, runtime.clock.now())
        return {"data": detail_for(runtime, user, order.id)}

    @api.get("/orders/{order_id}", tags=["orders"])
    def view_order(request: Request, user: UserReader, order_id: int) -> dict[str, Any]:
        """View Detail: the order, each package with its carrier, service, the carrier's tracking page,
        status and timeline (newest first)."""
        return {"data": detail_for(_runtime(request), user, _id(order_id, "order"))}

    @api.post("/orders/{order_id}/confirm-receipt", tags=["orders"])
    def confirm_receipt(request: Request, user: UserWriter, order_id: int) -> dict[str, Any]:
        """The buyer received everything: the order completes."""
        runtime = _runtime(request)
        service.confirm_receipt(runtime.store, user, _id(order_id, "order"), runtime.clock.now())
        return {"data": detail_for(runtime, user, order_id)}

    @api.post("/orders/{order_id}/shipments", status_code=201, tags=["orders"])
    def ship(request: Request, user: UserWriter, order_id: int, body: ShipIn) -> dict[str, Any]:
        """Ship a package: enter the carrier's number (checked; refused with likely corrections) or
        `issue` one from the seller's S10 range. The number is tracked and a label is ready."""
        runtime = _runtime(request)
        package = service.ship_order(runtime.store, user, _id(order_id, "order"), service.ShipRequest(
            **body.model_dump()), runtime.clock.now())
        detail = detail_for(runtime, user, order_id)
        return {"data": next(p for p in detail["packages"] if p["id"] == package.id), "order": detail}

    @api.get("/orders/{order_id}/shipments/{package_id}/label.pdf", tags=["orders"],
             response_class=Response, responses={200: {"content": {"application/pdf": {}}}})
    def label(request: Request, user: UserReader, order_id: int, package_id: int) -> Response:
        """The package's 100 x 150 mm label (seller and admins only)."""
        runtime = _runtime(request)
        pdf = label_pdf(runtime.store, user, _id(order_id, "order"), _id(package_id, "package"),
                                runtime.clock.now())
        name = f"label-{order_id}-{package_id}.pdf"
        return Response(pdf, media_type="application/pdf",
                        headers={"Content-Disposition": f'inline; filename="{name}"'})

    # number ranges -------------------------------------------------------------------------------
    @api.get("/number-ranges", tags=["orders"])
    def list_ranges(request: Request, user: UserReader) -> dict[str, Any]:
        return {"data": [r.to_dict() for r in service.ranges(_runtime(request).store, user)]}

    @api.post("/number-ranges", status_code=201, tags=["orders"])
    def add_range(request: Request, user: UserWriter, body: RangeIn) -> dict[str, Any]:
        """A block of S10 serials the seller's postal operator assigned, for issuing label numbers."""
        runtime = _runtime(request)
        added = service.add_range(runtime.store, user, body.country, body.service_indicator,
                                  body.first_serial, body.last_serial, runtime.clock.now())
        return {"data": added.to_dict()}

    # bulk import and intake ----------------------------------------------------------------------
    @api.post("/shipments/import", tags=["orders"])
    async def import_shipments(request: Request, user: UserWriter, partial: bool = False) -> JSONResponse:
        """CSV rows `order reference, tracking number[, carrier[, service]]` (multipart `file` or a
        text/csv body). Any rejected row imports nothing (422 `import_rejected`) unless `partial`."""
        runtime = _runtime(request)
        data = await _upload(request)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise InputError("the CSV file must be UTF-8 text") from None
        report = order_import.import_csv(runtime.store, user, text, runtime.clock.now(), partial=partial)
        if not report.imported:
            message = "no row was imported" if partial else \
                "the file has rejected rows, so nothing was imported (send partial=true to import the others)"
            return JSONResponse({"error": {"code": "import_rejected", "message": message},
                                 "data": report.to_dict()}, status_code=422)
        return JSONResponse({"data": report.to_dict()})

    @api.post("/intake/email", status_code=201, tags=["orders"])
    async def intake_email(request: Request, user: UserWriter,
                           order_id: OrderParam = None) -> dict[str, Any]:
        """Track the numbers in a shipping e-mail (.eml, HTML or text; multipart `file` or the raw body);
        with `order_id`, the order's seller adds them as its packages."""
        runtime = _runtime(request)
        found = intake.numbers_in_email(await _upload(request))
        added = intake.add_found(runtime.store, user, found, runtime.clock.now(), order_id=order_id,
                                 source="an e-mail")
        return {"data": [a.to_dict() for a in added]}

    @api.post("/intake/image", status_code=201, tags=["orders"])
    async def intake_image(request: Request, user: UserWriter,
                           order_id: OrderParam = None) -> dict[str, Any]:
        """Track the numbers in the barcodes of a label photo or scan (multipart `file` or the raw body)."""
        runtime = _runtime(request)
        found = numbers_in_image(await _upload(request))
        added = intake.add_found(runtime.store, user, found, runtime.clock.now(), order_id=order_id,
                                 source="an image")
        return {"data": [a.to_dict() for a in added]}

    api.include_router(sessions.router(prefix=""))
    return api
