"""The web pages: public tracking (/track), sign-in, My Orders and order detail, the seller desk, and the
live-update streams. Server-rendered Jinja2; the little JavaScript there is (static/app.js) only adds
live updates and the reader's time zone.

Bad input is answered with an HTML page and a 4xx status, never a 500.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from parceltrail.bootstrap import Runtime
from parceltrail.domain.errors import InputError, NotFoundError
from parceltrail.domain.orders import OrderError, Role, User
from parceltrail.entrypoints.http import sessions
from parceltrail.entrypoints.http.errors import ApiError
from parceltrail.entrypoints.http.login import TooManyAttempts, attempt_login
from parceltrail.entrypoints.web import buyer, desk, notify, seller, stream
from parceltrail.entrypoints.web.cards import Card
from parceltrail.entrypoints.web.i18n import LANG_COOKIE, LANG_NAMES, LANGS, Locale, negotiate
from parceltrail.entrypoints.web.live_version import parse_versions
from parceltrail.entrypoints.web.tracking import (
    MAX_NUMBERS,
    Tracked,
    card_for,
    find_cards,
    split_input,
    track,
)
from parceltrail.numbers import InvalidNumberError, normalize
from parceltrail.services.marketplace import orders as order_service
from parceltrail.services.tracking.unwatched import ViewLog

log = logging.getLogger(__name__)
WEB = Path(__file__).resolve().parent
TEMPLATES = Jinja2Templates(directory=str(WEB / "templates"))
YEAR = 365 * 24 * 3600
MAX_QUERY = 4000


def static_files() -> StaticFiles:
    return StaticFiles(directory=str(WEB / "static"))


def _runtime(request: Request) -> Runtime:
    return request.app.state.runtime


def page_user(request: Request) -> User | None:
    """The signed-in user (session cookie), or None: pages never answer 401 JSON."""
    if not request.cookies.get(sessions.COOKIE):
        return None
    try:
        return sessions.current_user(request)
    except ApiError:
        return None


def _lang_links(request: Request) -> list[tuple[str, str, str]]:
    links = []
    for code in LANGS:
        url = request.url.include_query_params(lang=code)
        links.append((code, LANG_NAMES[code], f"{url.path}?{url.query}"))
    return links


def render(request: Request, name: str, loc: Locale, context: dict[str, Any], *, status: int = 200,
           user: User | None = None) -> HTMLResponse:
    runtime = _runtime(request)
    flash = notify.read_flash(request, loc)  # a confirmation after a redirect, shown once
    response = TEMPLATES.TemplateResponse(request, name, {
        "loc": loc, "t": loc.t, "user": user, "lang_links": _lang_links(request),
        "demo": runtime.settings.demo, "path": request.url.path, "flash": flash, "notify": None,
        **context}, status_code=status)
    if loc.requested:
        response.set_cookie(LANG_COOKIE, loc.lang, max_age=YEAR, samesite="lax", path="/")
    if notify.FLASH_COOKIE in request.cookies:
        response.delete_cookie(notify.FLASH_COOKIE, path="/")
    response.headers["Cache-Control"] = "no-store"  # live data, and private pages
    return response


# Rendered cards by (language, reader's zone, card): a card's markup depends on nothing else, and a
# parcel's card stays the same between its changes and the turns of the clock it shows (minutes ago, the
# estimate's hour, days), so an equal card is served its earlier markup. Bounded, per process.
_RENDERED: OrderedDict[tuple[str, str, str], tuple[Card, str]] = OrderedDict()
_RENDERED_SIZE = 512
_rendered_lock = threading.Lock()


def render_card(card: Card, loc: Locale) -> str:
    key = (loc.lang, loc.zone.key, card.dom_id)
    with _rendered_lock:
        found = _RENDERED.get(key)
        if found is not None:
            _RENDERED.move_to_end(key)
    if found is not None and found[0] == card:
        return found[1]
    html = TEMPLATES.get_template("_card.html").render(card=card, loc=loc, t=loc.t)
    with _rendered_lock:
        _RENDERED[key] = (replace(card), html)
        _RENDERED.move_to_end(key)
        while len(_RENDERED) > _RENDERED_SIZE:
            _RENDERED.popitem(last=False)
    return html


TEMPLATES.env.globals["card_html"] = lambda card, loc: Markup(render_card(card, loc))


def error_page(request: Request, loc: Locale, status: int, message: str,
               user: User | None = None) -> HTMLResponse:
    return render(request, "error.html", loc, {"status": status, "message": message}, status=status,
                  user=user)


def _safe_next(value: object) -> str | None:
    """Only a local path: never redirect a login to another site."""
    text = str(value or "")
    if text.startswith("/") and not text.startswith("//") and "\\" not in text and len(text) < 500:
        return text
    return None


def _anchored(path: str, number: str) -> str:
    """Back to the page the form was on, scrolled to that parcel's notifications."""
    return f"{path.split('#', 1)[0]}#notify-{number}" if number else path


def _looked_at(request: Request, tracked: Tracked) -> None:
    """Someone looked at these parcels: numbers nobody owns stay followed while people look at them."""
    views: ViewLog | None = getattr(request.app.state, "views", None)
    if views is not None:
        views.seen(card.shipment_id for card in tracked.cards if card.shipment_id is not None)


def _live(cards: list[Card]) -> dict[str, str]:
    """What a page's live stream address needs: its cards' numbers and, in the same order, the version token
    each card was rendered with."""
    return {"live_query": " ".join(c.number for c in cards),
            "live_versions": " ".join(c.version for c in cards)}


def _login_redirect(request: Request) -> RedirectResponse:
    return RedirectResponse(f"/login?next={quote(request.url.path)}", status_code=303)


def router() -> APIRouter:
    pages = APIRouter(include_in_schema=False)

    # public tracking -----------------------------------------------------------------------------
    @pages.get("/track", response_class=HTMLResponse)
    def track_page(request: Request, q: str = "") -> HTMLResponse:
        loc, user = negotiate(request), page_user(request)
        if len(q) > MAX_QUERY:
            return error_page(request, loc, 400, loc.t("error.too_long"), user)
        numbers, truncated = split_input(q) if q.strip() else ([], False)
        tracked = track(_runtime(request), numbers, loc, user=user) if numbers else None
        if tracked:
            _looked_at(request, tracked)
        status = 200
        if q.strip() and not numbers:
            status = 400
        return render(request, "track.html", loc, {
            "q": q, "numbers": numbers, "tracked": tracked, "truncated": truncated or bool(
                tracked and tracked.truncated), "max_numbers": MAX_NUMBERS, "nothing_found": status == 400,
            **_live(tracked.cards if tracked else []),
            "notify": notify.view(request, _runtime(request), loc, user, tracked.cards) if tracked else None},
            status=status, user=user)

    @pages.post("/track", response_model=None)
    async def track_submit(request: Request) -> Response:
        """Numbers or a whole e-mail pasted into the form (or a page's "Track this parcel" button): the new
        ones are registered and fetched once, then on to the GET page (shareable, reloadable), or back to
        the page the button was on."""
        form = await request.form()
        text = str(form.get("q") or "")
        numbers, _ = split_input(text)
        if numbers:
            loc = negotiate(request)
            user = await run_in_threadpool(page_user, request)
            tracked = await run_in_threadpool(track, _runtime(request), numbers, loc, register=True,
                                              user=user)
            await run_in_threadpool(_looked_at, request, tracked)
            back = _safe_next(form.get("next"))
            if back:
                return RedirectResponse(back, status_code=303)
        if not numbers:
            loc = negotiate(request)
            user = await run_in_threadpool(page_user, request)
            return render(request, "track.html", loc, {
                "q": text[:MAX_QUERY], "numbers": [], "tracked": None, "truncated": False,
                "max_numbers": MAX_NUMBERS, "nothing_found": True, **_live([])}, status=400, user=user)
        if len(numbers) == 1:
            return RedirectResponse(f"/track/{quote(numbers[0])}", status_code=303)
        return RedirectResponse(f"/track?q={quote(' '.join(numbers))}", status_code=303)

    @pages.get("/track/events", response_model=None)
    def track_events(request: Request, q: str = "", v: str = "") -> Response:
        """Live updates (SSE) for the cards of several numbers at once: one connection per page. `v` holds
        the version tokens of the cards as the page showed them, in the order of `q`'s numbers."""
        numbers, _ = split_input(q[:MAX_QUERY])
        return _stream(request, numbers, parse_versions(v[:MAX_QUERY]))

    @pages.get("/track/{number}/events", response_model=None)
    def number_events(request: Request, number: str) -> Response:
        """Live updates (SSE) for one number's card."""
        return _stream(request, [number[:200]])

    @pages.get("/track/{number}/card", response_class=HTMLResponse)
    def number_card(request: Request, number: str) -> HTMLResponse:
        """One card as an HTML fragment (numbers already tracked; nothing is registered here)."""
        loc = negotiate(request)
        cards = find_cards(_runtime(request), [number[:200]], loc)
        if not cards:
            return HTMLResponse(f"<p>{loc.t('error.not_tracked')}</p>", status_code=404)
        return HTMLResponse(render_card(cards[0], loc), headers={"Cache-Control": "no-store"})

    @pages.get("/track/{number}", response_class=HTMLResponse)
    def number_page(request: Request, number: str) -> HTMLResponse:
        loc, user = negotiate(request), page_user(request)
        if len(number) > 200:
            return error_page(request, loc, 400, loc.t("error.too_long"), user)
        tracked = track(_runtime(request), [number], loc, user=user)
        _looked_at(request, tracked)
        status = 200
        if tracked.problems and not tracked.cards:
            status = 404 if tracked.problems[0].kind in ("unrecognized", "unknown") else 400
        return render(request, "track.html", loc, {
            "q": number, "numbers": [number], "tracked": tracked, "truncated": False,
            "max_numbers": MAX_NUMBERS, "nothing_found": False, "single": True,
            **_live(tracked.cards),
            "notify": notify.view(request, _runtime(request), loc, user, tracked.cards)}, status=status,
            user=user)

    # "Get notified": subscribe to one parcel from its page --------------------------------------------
    @pages.get("/track/{number}/subscribe", response_model=None)
    def subscribe_page(request: Request, number: str) -> Response:
        """The "Get notified" form of one parcel on a page of its own (also where errors are shown)."""
        loc, user = negotiate(request), page_user(request)
        if user is None:
            return RedirectResponse(notify.login_url(f"/track/{quote(number[:200])}"), status_code=303)
        return _subscribe_form(request, loc, user, number[:200])

    @pages.post("/track/{number}/subscribe", response_model=None)
    async def subscribe_submit(request: Request, number: str) -> Response:
        form = await request.form()
        return await run_in_threadpool(_subscribe, request, number[:200], form)

    @pages.post("/track/{number}/unsubscribe", response_model=None)
    async def unsubscribe_submit(request: Request, number: str) -> Response:
        form = await request.form()
        return await run_in_threadpool(_unsubscribe, request, number[:200], form)

    def _subscribe_form(request: Request, loc: Locale, user: User, number: str, *,
                        form: notify.FormValues | None = None, error: notify.FormError | None = None,
                        next_url: str | None = None, status: int = 200) -> HTMLResponse:
        runtime = _runtime(request)
        cards = find_cards(runtime, [number], loc)
        if not cards or cards[0].shipment_id is None:
            return error_page(request, loc, 404, loc.t("error.not_tracked"), user)
        card = cards[0]
        back = next_url or f"/track/{quote(card.number)}"
        view = notify.view(request, runtime, loc, user, [card], next_url=back, form=form, error=error,
                           open_form=True)
        return render(request, "subscribe.html", loc, {"card": card, "notify": view, "back": back},
                      status=status, user=user)

    def _subscribe(request: Request, number: str, form: FormData) -> Response:
        loc, user = negotiate(request), page_user(request)
        if user is None:
            return RedirectResponse(notify.login_url(f"/track/{quote(number)}"), status_code=303)
        if not notify.csrf_ok(request, form):
            return error_page(request, loc, 403, loc.t("notify.error.csrf"), user)
        runtime = _runtime(request)
        back = _safe_next(form.get("next")) or f"/track/{quote(number)}"
        values = notify.read_form(form, loc)
        shipment = notify.find_shipment(runtime, number)
        if shipment is None or shipment.id is None:
            return error_page(request, loc, 404, loc.t("error.not_tracked"), user)
        try:
            notify.subscribe(runtime, user, shipment.id, values, loc.zone_name)
        except InputError as error:
            status = 404 if isinstance(error, NotFoundError) else 400
            log.info("web subscription refused (%s): %s", error.code, error)
            return _subscribe_form(request, loc, user, number, form=values, next_url=back, status=status,
                                   error=notify.error_of(error, shipment.tracking_number, loc))
        response = RedirectResponse(_anchored(back, shipment.tracking_number), status_code=303)
        notify.set_flash(response, "subscribed", shipment.tracking_number)
        return response

    def _unsubscribe(request: Request, number: str, form: FormData) -> Response:
        loc, user = negotiate(request), page_user(request)
        if user is None:
            return RedirectResponse(notify.login_url(f"/track/{quote(number)}"), status_code=303)
        if not notify.csrf_ok(request, form):
            return error_page(request, loc, 403, loc.t("notify.error.csrf"), user)
        back = _safe_next(form.get("next")) or f"/track/{quote(number)}"
        raw = str(form.get("subscription") or "")
        if not raw.isdigit() or not 0 < int(raw) < 2**31 or not notify.unsubscribe(
                _runtime(request), user, int(raw)):
            return error_page(request, loc, 404, loc.t("notify.error.no_subscription"), user)
        shipment = notify.find_shipment(_runtime(request), number)
        shown = shipment.tracking_number if shipment else ""
        response = RedirectResponse(_anchored(back, shown), status_code=303)
        if shown:
            notify.set_flash(response, "unsubscribed", shown)
        return response

    def _stream(request: Request, numbers: list[str], versions: list[str] | None = None) -> Response:
        runtime, loc = _runtime(request), negotiate(request)
        watched: dict[str, int] = {}
        shown: dict[str, str] = {}
        with runtime.store.read() as repo:
            for index, number in enumerate(numbers[:MAX_NUMBERS]):
                seen = versions[index] if versions and index < len(versions) else ""
                try:
                    shipment = repo.shipments.find(normalize(number))
                except InvalidNumberError:
                    continue
                if shipment is not None and shipment.id is not None:
                    watched[shipment.tracking_number] = shipment.id
                    if seen:
                        shown[shipment.tracking_number] = seen
        if not watched:
            return HTMLResponse(loc.t("error.not_tracked"), status_code=404)

        def rerender(number: str) -> str | None:
            with runtime.store.read() as repo:
                shipment = repo.shipments.get(watched[number])
            card = card_for(runtime, shipment, loc, number) if shipment else None
            return render_card(card, loc) if card else None

        return stream.event_stream(runtime, watched, rerender, request.app, shown)

    # signing in ----------------------------------------------------------------------------------
    @pages.get("/login", response_class=HTMLResponse)
    def login_page(request: Request, next: str = "") -> HTMLResponse:  # noqa: A002 - the query's name
        loc = negotiate(request)
        return render(request, "login.html", loc, {"next": _safe_next(next) or "", "error": None,
                                                    "email": ""}, user=page_user(request))

    @pages.post("/login", response_model=None)
    async def login_submit(request: Request) -> Response:
        """The sign-in form: the same check and the same signed session cookie as POST /api/v1/session."""
        form = await request.form()
        email = str(form.get("email") or "")[:254].strip()
        password = str(form.get("password") or "")[:1024]
        target = _safe_next(form.get("next"))
        runtime = _runtime(request)
        try:
            user = (await run_in_threadpool(attempt_login, runtime, request, email, password)
                    if email else None)
        except TooManyAttempts as error:
            loc = negotiate(request)
            page = render(request, "login.html", loc, {"next": target or "", "email": email,
                                                       "error": loc.t("security.too_many")}, status=429)
            page.headers["Retry-After"] = str(error.seconds)
            return page
        if user is None:
            loc = negotiate(request)
            return render(request, "login.html", loc, {"next": target or "", "error": loc.t("login.failed"),
                                                        "email": email}, status=401)
        home = "/desk" if user.role in (Role.SELLER, Role.ADMIN) else "/orders"
        response = RedirectResponse(target or home, status_code=303)
        await run_in_threadpool(sessions.issue_session, request, response, user)
        return response

    @pages.post("/logout", response_model=None)
    def logout(request: Request) -> Response:
        response = RedirectResponse("/track", status_code=303)
        sessions.end_session(request, response)  # revoked on the server too
        return response

    # signed in: orders and the seller desk -------------------------------------------------------
    @pages.get("/orders", response_model=None)
    def my_orders(request: Request) -> Response:
        user = page_user(request)
        if user is None:
            return _login_redirect(request)
        loc = negotiate(request)
        found = order_service.list_orders(_runtime(request).store, user, limit=100)
        from parceltrail.entrypoints.web import mail  # parcels that came in by e-mail

        return render(request, "orders.html", loc, {"orders": found, **mail.section(request, loc, user)},
                      user=user)

    @pages.get("/orders/{order_id}", response_model=None)
    def order_page(request: Request, order_id: str) -> Response:
        user = page_user(request)
        if user is None:
            return _login_redirect(request)
        loc = negotiate(request)
        if not order_id.isdigit() or not 0 < int(order_id) < 2**31:
            return error_page(request, loc, 404, loc.t("error.no_order"), user)
        runtime = _runtime(request)
        try:
            view = order_service.order_view(runtime.store, user, int(order_id), with_events=False)
        except OrderError as error:
            text = loc.t("error.no_order") if error.status == 404 else loc.t("error.forbidden")
            return error_page(request, loc, error.status, text, user)
        cards = []
        for package in view.packages:
            card = card_for(runtime, package.shipment, loc, package.package.tracking_number)
            cards.append((package, card))
        seller_view = user.role is Role.ADMIN or user.id == view.order.seller_id
        return render(request, "order.html", loc, {
            **buyer.order_context(runtime, user, view.order.id, loc),
            "csrf": notify.csrf_token(request), "label_url": seller.label_url,
            "view": view, "cards": cards, "seller_view": seller_view,
            **_live([c for _, c in cards if c]),
            "notify": notify.view(request, runtime, loc, user, [c for _, c in cards])}, user=user)

    @pages.get("/desk", response_model=None)
    def seller_desk(request: Request) -> Response:
        user = page_user(request)
        if user is None:
            return _login_redirect(request)
        loc = negotiate(request)
        if user.role not in (Role.SELLER, Role.ADMIN):
            return error_page(request, loc, 403, loc.t("error.sellers_only"), user)
        rows = desk.attention(_runtime(request), user)
        return render(request, "desk.html", loc, {"rows": rows, "csrf": notify.csrf_token(request),
                                                   **seller.desk_context(_runtime(request), user)},
                      user=user)

    return pages
