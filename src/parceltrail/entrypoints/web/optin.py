"""E-mail updates for visitors without an account (double opt-in), and the unsubscribe link of every
e-mail:

- `POST /track/{number}/notify-email`: the address gets a confirmation link (nothing is subscribed yet);
- `GET /notify/confirm/{token}` shows what the link confirms, `POST` confirms it (mail scanners that
  open links never subscribe anybody);
- `GET /notify/unsubscribe/{token}` shows what ends, `POST` ends it; mail programs' one-click
  unsubscribe (RFC 8058) posts to the same address.

Signed-in users keep the full form (e-mail, Apprise, webhooks) in `notify.py`.
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import quote, urlsplit

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from parceltrail.adapters.delivery.email import plain_message, transmit
from parceltrail.bootstrap import Runtime
from parceltrail.domain.errors import InputError, NotFoundError
from parceltrail.entrypoints.web import notify
from parceltrail.entrypoints.web.i18n import Locale, negotiate
from parceltrail.entrypoints.web.pages import error_page, page_user, render
from parceltrail.entrypoints.web.tracking import find_cards
from parceltrail.services.notifications import optin, unsubscribe
from parceltrail.settings import NotifySettings

log = logging.getLogger(__name__)
MAX_TOKEN = 200


def _runtime(request: Request) -> Runtime:
    return request.app.state.runtime


def same_origin(request: Request) -> bool:
    """A browser's form post from another site says so in Origin (or Referer); those are refused."""
    source = request.headers.get("origin") or request.headers.get("referer")
    if not source or source == "null":
        return source is None
    return urlsplit(source).netloc == request.url.netloc


def _guest_form(request: Request, loc: Locale, number: str, email: str, error: InputError,
                status: int) -> Response:
    """The parcel's "Get notified" form on a page of its own, with the address and why it was refused."""
    runtime = _runtime(request)
    cards = find_cards(runtime, [number], loc)
    if not cards or cards[0].shipment_id is None:
        return error_page(request, loc, 404, loc.t("error.not_tracked"))
    card = cards[0]
    values = notify.FormValues(target=email)
    view = notify.view(request, runtime, loc, None, [card], next_url=f"/track/{quote(card.number)}",
                       form=values, error=notify.error_of(error, card.number, loc), open_form=True)
    return render(request, "subscribe.html", loc, {"card": card, "notify": view,
                                                   "back": f"/track/{quote(card.number)}"}, status=status)


def _send_link(settings: NotifySettings, loc: Locale, email: str, number: str, token: str) -> bool:
    link = f"{settings.public_url}/notify/confirm/{token}"
    message = plain_message(settings.smtp.sender, email, loc.t("optin.mail_subject", number=number),
                            loc.t("optin.mail_body", number=number, link=link) + "\n", loc.lang)
    outcome = transmit(settings.smtp, message)
    if not outcome.ok:
        log.warning("confirmation e-mail not sent: %s", outcome.reason)
    return outcome.ok


def router() -> APIRouter:
    web = APIRouter(include_in_schema=False)

    @web.post("/track/{number}/notify-email", response_model=None)
    async def ask(request: Request, number: str) -> Response:
        form = await request.form()
        return await run_in_threadpool(_ask, request, number[:200], form)

    def _ask(request: Request, number: str, form: FormData) -> Response:
        loc = negotiate(request)
        if not same_origin(request):
            return error_page(request, loc, 403, loc.t("notify.error.csrf"), page_user(request))
        runtime = _runtime(request)
        shipment = notify.find_shipment(runtime, number)
        if shipment is None or shipment.id is None:
            return error_page(request, loc, 404, loc.t("error.not_tracked"), page_user(request))
        raw = form.get("email")
        email = raw.strip()[:254] if isinstance(raw, str) else ""
        settings = NotifySettings.from_env()
        try:
            with runtime.store.transaction() as repo:
                asked = optin.ask(repo.optins, repo, email, shipment.id, loc.lang,
                                  loc.zone_name, runtime.clock.now())
        except optin.TooManyRequestsError:
            return error_page(request, loc, 429, loc.t("optin.too_many"), page_user(request))
        except InputError as error:
            log.info("e-mail sign-up refused (%s): %s", error.code, error)
            return _guest_form(request, loc, shipment.tracking_number, email, error,
                               404 if isinstance(error, NotFoundError) else 400)
        if asked.token is not None and not _send_link(settings, loc, asked.optin.email,
                                                      shipment.tracking_number, asked.token):
            with runtime.store.transaction() as repo:  # an unsent link must not count or linger
                repo.optins.remove(asked.optin.id)
            return error_page(request, loc, 503, loc.t("optin.mail_failed"), page_user(request))
        number_shown = shipment.tracking_number
        response = RedirectResponse(f"/track/{quote(number_shown)}#notify-{number_shown}", status_code=303)
        notify.set_flash(response, "optin_sent", "")
        return response

    @web.get("/notify/confirm/{token}", response_model=None)
    def confirm_page(request: Request, token: str) -> Response:
        loc = negotiate(request)
        runtime = _runtime(request)
        try:
            with runtime.store.read() as repo:
                pending = optin.pending(repo.optins, token[:MAX_TOKEN], runtime.clock.now())
                shipment = repo.shipments.get(pending.shipment_id)
        except optin.InvalidLinkError:
            return error_page(request, loc, 404, loc.t("optin.invalid"), page_user(request))
        number = shipment.tracking_number if shipment else ""
        return _mail_page(request, loc, "optin.confirm_title", "optin.confirm_explain",
                          "optin.confirm_submit", number=number, email=pending.email)

    @web.post("/notify/confirm/{token}", response_model=None)
    def confirm_submit(request: Request, token: str) -> Response:
        loc = negotiate(request)
        runtime = _runtime(request)
        try:
            with runtime.store.transaction() as repo:
                confirmed, _ = optin.confirm(repo.optins, repo, token[:MAX_TOKEN],
                                             runtime.clock.now())
                shipment = repo.shipments.get(confirmed.shipment_id)
        except optin.InvalidLinkError:
            return error_page(request, loc, 404, loc.t("optin.invalid"), page_user(request))
        except InputError as error:
            log.info("e-mail sign-up not confirmed (%s): %s", error.code, error)
            return error_page(request, loc, 400, loc.t("optin.invalid"), page_user(request))
        number = shipment.tracking_number if shipment else ""
        response = RedirectResponse(f"/track/{quote(number)}" if number else "/track", status_code=303)
        notify.set_flash(response, "optin_confirmed", number)
        return response

    @web.get("/notify/unsubscribe/{token}", response_model=None)
    def unsubscribe_page(request: Request, token: str) -> Response:
        loc = negotiate(request)
        runtime = _runtime(request)
        with runtime.store.read() as repo:
            subscription = unsubscribe.find(repo, token[:MAX_TOKEN])
            shipment = repo.shipments.get(subscription.shipment_id) \
                if subscription is not None and subscription.shipment_id is not None else None
        if subscription is None:
            return error_page(request, loc, 404, loc.t("optin.unsub_invalid"), page_user(request))
        number = shipment.tracking_number if shipment else ""
        explain = "optin.unsub_explain" if number else "optin.unsub_explain_all"
        return _mail_page(request, loc, "optin.unsub_title", explain, "optin.unsub_submit", number=number,
                          email=subscription.target)

    @web.post("/notify/unsubscribe/{token}", response_model=None)
    def unsubscribe_submit(request: Request, token: str) -> Response:
        loc = negotiate(request)
        runtime = _runtime(request)
        with runtime.store.transaction() as repo:
            ended = unsubscribe.unsubscribe(repo, token[:MAX_TOKEN])
            shipment = repo.shipments.get(ended.shipment_id) \
                if ended is not None and ended.shipment_id is not None else None
        if ended is None:
            return error_page(request, loc, 404, loc.t("optin.unsub_invalid"), page_user(request))
        number = shipment.tracking_number if shipment else ""
        return render(request, "mail_link.html", loc, {
            "title": loc.t("optin.unsub_title"),
            "done": loc.t("flash.mail_unsubscribed", number=number) if number
            else loc.t("optin.unsub_done_all"),
            "explain": "", "submit": "", "number": number}, user=page_user(request))

    def _mail_page(request: Request, loc: Locale, title: str, explain: str, submit: str, *, number: str,
                   email: str) -> HTMLResponse:
        context: dict[str, Any] = {"title": loc.t(title, number=number),
                                   "explain": loc.t(explain, number=number, email=email),
                                   "submit": loc.t(submit), "done": "", "number": number}
        return render(request, "mail_link.html", loc, context, user=page_user(request))

    return web
