"""Order actions in the browser, for the pages that show them (order page, seller desk):

- the buyer confirms receipt or opens a dispute (each after a page that says what it means), and
  downloads the evidence file (PDF or JSON);
- the seller ships an order from the desk (an entered number, checked with corrections, or one issued
  from the seller's S10 range) and prints the label.

These call the same use cases as the API (`services.marketplace.orders`, `services.outlook.advice`,
`services.outlook.evidence`). Forms carry the session's CSRF token (`notify.csrf_token`); a refusal is an
HTML page in the visitor's language with a 4xx status, never JSON or a 500.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from parceltrail.adapters.documents.evidence import render_evidence
from parceltrail.adapters.documents.label import label_pdf
from parceltrail.bootstrap import Runtime
from parceltrail.domain.errors import InputError
from parceltrail.domain.orders import OrderError, User
from parceltrail.entrypoints.web import notify, seller
from parceltrail.entrypoints.web.i18n import Locale, negotiate
from parceltrail.entrypoints.web.pages import error_page, page_user, render
from parceltrail.services.marketplace import orders as order_service
from parceltrail.services.outlook.advice import open_dispute
from parceltrail.services.outlook.eta import models_for
from parceltrail.services.outlook.evidence import build_evidence, to_json_bytes

log = logging.getLogger(__name__)
# Refusals of an order action with a text of their own ("order_action.error.<code>").
KNOWN_ERRORS = ("order_not_receivable", "order_not_disputable", "protection_ended", "forbidden",
                "not_found", "order_not_shippable")
ACTIONS = ("confirm-receipt", "dispute")


def _runtime(request: Request) -> Runtime:
    return request.app.state.runtime


def _order_id(raw: str) -> int | None:
    return int(raw) if raw.isdigit() and 0 < int(raw) < 2**31 else None


def _refusal(request: Request, loc: Locale, user: User | None, error: InputError) -> HTMLResponse:
    code = getattr(error, "code", "invalid_input")
    status = getattr(error, "status", 400)
    log.info("web order action refused (%s): %s", code, error)
    text = loc.t(f"order_action.error.{code}") if code in KNOWN_ERRORS else loc.t("order_action.error.other")
    return error_page(request, loc, status if 400 <= status < 500 else 400, text, user)


def _signed_in(request: Request) -> tuple[Locale, User | None, Response | None]:
    loc, user = negotiate(request), page_user(request)
    if user is None:
        return loc, None, RedirectResponse(notify.login_url(request.url.path), status_code=303)
    return loc, user, None


def _safe_name(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in name)[:120]


def router() -> APIRouter:
    web = APIRouter(include_in_schema=False)

    # the buyer: confirm receipt, open a dispute ------------------------------------------------------
    @web.get("/orders/{order_id}/confirm-receipt", response_model=None)
    def confirm_page(request: Request, order_id: str) -> Response:
        """What confirming receipt means, with the button that does it."""
        return action_page(request, order_id, "confirm-receipt")

    @web.get("/orders/{order_id}/dispute", response_model=None)
    def dispute_page(request: Request, order_id: str) -> Response:
        """What opening a dispute means, with the button that does it."""
        return action_page(request, order_id, "dispute")

    @web.post("/orders/{order_id}/confirm-receipt", response_model=None)
    async def confirm_submit(request: Request, order_id: str) -> Response:
        form = await request.form()
        return await run_in_threadpool(_act, request, order_id, "confirm-receipt", form)

    @web.post("/orders/{order_id}/dispute", response_model=None)
    async def dispute_submit(request: Request, order_id: str) -> Response:
        form = await request.form()
        return await run_in_threadpool(_act, request, order_id, "dispute", form)

    def action_page(request: Request, order_id: str, action: str) -> Response:
        loc, user, away = _signed_in(request)
        if away is not None or user is None:
            return away or error_page(request, loc, 404, loc.t("error.no_order"))
        oid = _order_id(order_id)
        if action not in ACTIONS or oid is None:
            return error_page(request, loc, 404, loc.t("error.no_order"), user)
        return _action_page(request, loc, user, oid, action)

    def _action_page(request: Request, loc: Locale, user: User, order_id: int, action: str) -> Response:
        runtime = _runtime(request)
        try:
            view = order_service.order_view(runtime.store, user, order_id, with_events=False)
        except OrderError as error:
            return _refusal(request, loc, user, error)
        from parceltrail.entrypoints.web.buyer import actions_for

        allowed = actions_for(user, view, runtime.clock.now())
        if not allowed.is_buyer:
            return error_page(request, loc, 403, loc.t("order_action.error.forbidden"), user)
        possible = allowed.can_confirm if action == "confirm-receipt" else allowed.can_dispute
        if not possible:
            code = "order_not_receivable" if action == "confirm-receipt" else "order_not_disputable"
            return error_page(request, loc, 409, loc.t(f"order_action.error.{code}"), user)
        key = "confirm" if action == "confirm-receipt" else "dispute"
        protection = view.order.protection_deadline
        return render(request, "order_action.html", loc, {
            "order": view.order, "action": action, "key": key, "csrf": notify.csrf_token(request),
            "protection": loc.day(protection, "long") if protection else ""}, user=user)

    def _act(request: Request, order_id: str, action: str, form: FormData) -> Response:
        loc, user, away = _signed_in(request)
        if away is not None or user is None:
            return away or error_page(request, loc, 404, loc.t("error.no_order"))
        oid = _order_id(order_id)
        if action not in ACTIONS or oid is None:
            return error_page(request, loc, 404, loc.t("error.no_order"), user)
        if not notify.csrf_ok(request, form):
            return error_page(request, loc, 403, loc.t("notify.error.csrf"), user)
        runtime = _runtime(request)
        try:
            if action == "confirm-receipt":
                order_service.confirm_receipt(runtime.store, user, oid, runtime.clock.now())
                flash = "received"
            else:
                open_dispute(runtime.store, user, oid, runtime.clock.now())
                flash = "disputed"
        except OrderError as error:
            return _refusal(request, loc, user, error)
        response = RedirectResponse(f"/orders/{oid}#advice", status_code=303)
        notify.set_flash(response, flash, "")
        return response

    # evidence and labels --------------------------------------------------------------------------
    @web.get("/orders/{order_id}/evidence.pdf", response_model=None)
    def evidence_pdf(request: Request, order_id: str) -> Response:
        """The sealed evidence file (the API's), to read, print or hand to a payment provider."""
        return evidence(request, order_id, "pdf")

    @web.get("/orders/{order_id}/evidence.json", response_model=None)
    def evidence_json(request: Request, order_id: str) -> Response:
        """The same evidence file as JSON, to verify (`parceltrail evidence verify`) or process."""
        return evidence(request, order_id, "json")

    def evidence(request: Request, order_id: str, kind: str) -> Response:
        loc, user, away = _signed_in(request)
        if away is not None or user is None:
            return away or error_page(request, loc, 404, loc.t("error.no_order"))
        oid = _order_id(order_id)
        if kind not in ("pdf", "json") or oid is None:
            return error_page(request, loc, 404, loc.t("error.no_order"), user)
        runtime = _runtime(request)
        now = runtime.clock.now()
        try:
            document = build_evidence(runtime.store, user, oid, now, models_for(runtime.models, now))
        except OrderError as error:
            return _refusal(request, loc, user, error)
        name = _safe_name(f"evidence-{document['order']['reference']}.{kind}")
        body = render_evidence(document) if kind == "pdf" else to_json_bytes(document)
        media = "application/pdf" if kind == "pdf" else "application/json"
        return Response(body, media_type=media, headers={
            "Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "no-store"})

    @web.get("/orders/{order_id}/packages/{package_id}/label.pdf", response_model=None)
    def label(request: Request, order_id: str, package_id: str) -> Response:
        """The package's label to print (the order's seller only)."""
        loc, user, away = _signed_in(request)
        if away is not None or user is None:
            return away or error_page(request, loc, 404, loc.t("error.no_order"))
        oid, pid = _order_id(order_id), _order_id(package_id)
        if oid is None or pid is None:
            return error_page(request, loc, 404, loc.t("error.no_order"), user)
        runtime = _runtime(request)
        try:
            pdf = label_pdf(runtime.store, user, oid, pid, runtime.clock.now())
        except OrderError as error:
            return _refusal(request, loc, user, error)
        return Response(pdf, media_type="application/pdf", headers={
            "Content-Disposition": f'inline; filename="label-{oid}-{pid}.pdf"', "Cache-Control": "no-store"})

    # the seller ships from the desk -----------------------------------------------------------------
    @web.get("/desk/orders/{order_id}/ship", response_model=None)
    def ship_page(request: Request, order_id: str) -> Response:
        loc, user, away = _signed_in(request)
        if away is not None or user is None:
            return away or error_page(request, loc, 404, loc.t("error.no_order"))
        oid = _order_id(order_id)
        if oid is None:
            return error_page(request, loc, 404, loc.t("error.no_order"), user)
        return _ship_form(request, loc, user, oid, seller.ShipForm())

    def _ship_form(request: Request, loc: Locale, user: User, order_id: int, form: seller.ShipForm, *,
                   status: int = 200) -> Response:
        runtime = _runtime(request)
        try:
            view = order_service.order_view(runtime.store, user, order_id, with_events=False)
            order_service.shippable_order(user, view.order)
        except OrderError as error:
            return _refusal(request, loc, user, error)
        context: dict[str, Any] = {"view": view, "form": form, "csrf": notify.csrf_token(request),
                                   "ranges": seller.range_options(runtime, user)}
        return render(request, "ship.html", loc, context, status=status, user=user)

    @web.post("/desk/orders/{order_id}/ship", response_model=None)
    async def ship_submit(request: Request, order_id: str) -> Response:
        form = await request.form()
        return await run_in_threadpool(_ship, request, order_id, form)

    def _ship(request: Request, order_id: str, form: FormData) -> Response:
        loc, user, away = _signed_in(request)
        if away is not None or user is None:
            return away or error_page(request, loc, 404, loc.t("error.no_order"))
        oid = _order_id(order_id)
        if oid is None:
            return error_page(request, loc, 404, loc.t("error.no_order"), user)
        if not notify.csrf_ok(request, form):
            return error_page(request, loc, 403, loc.t("notify.error.csrf"), user)
        number, issue, range_id = seller.read_ship_form(form)
        try:
            package = seller.ship(_runtime(request), user, oid, number, issue, range_id)
        except OrderError as error:
            if error.status in (403, 404):
                return _refusal(request, loc, user, error)
            log.info("web shipping refused (%s): %s", error.code, error)
            return _ship_form(request, loc, user, oid, seller.refused(error, number, loc), status=400)
        except InputError as error:
            log.info("web shipping refused (%s): %s", error.code, error)
            return _ship_form(request, loc, user, oid, seller.refused(error, number, loc), status=400)
        response = RedirectResponse(f"/desk#print-{package.id}", status_code=303)
        notify.set_flash(response, "shipped", package.tracking_number)
        return response

    from parceltrail.entrypoints.web import optin  # e-mail updates without an account, unsubscribe links

    web.include_router(optin.router())
    return web
