"""The "Parcels from e-mail" page (/mail): the user's mail-in address (and a new one), the senders
allowed to forward to it, connected mailboxes, the intake log and the undo of an added parcel. Forms
carry the session's CSRF token; bad input is a page in the reader's language, never a 500."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from parceltrail.adapters.mailin.cipher import cipher_for
from parceltrail.adapters.mailin.imap import connect_mailbox
from parceltrail.bootstrap import Runtime
from parceltrail.domain.errors import InputError
from parceltrail.domain.mailin import MailInError, mailin_address
from parceltrail.domain.orders import User
from parceltrail.entrypoints.web import notify
from parceltrail.entrypoints.web.i18n import Locale, negotiate
from parceltrail.services.mailin import intake, views
from parceltrail.status import message

MAX_SENDERS_TEXT = 4000
# Mailbox errors with a text of their own ("mail.error_<code>"); any other is "invalid_mailbox".
MAILBOX_ERRORS = (
    "mailbox_auth_failed",
    "mailbox_unavailable",
    "private_address",
    "no_such_folder",
    "invalid_sender",
    "invalid_mailbox",
    "credentials_unreadable",
)


def _runtime(request: Request) -> Runtime:
    return request.app.state.runtime


def status_title(loc: Locale) -> Callable[[str], str]:
    """A parcel's status in the reader's language (the carrier-neutral title of its subtag)."""

    def title(subtag: str) -> str:
        try:
            return message(subtag, loc.lang).title
        except ValueError:
            return subtag.split("_")[0]

    return title


def section(request: Request, loc: Locale, user: User) -> dict[str, Any]:
    """My Orders' part that came from mail (own and shared), as template context."""
    runtime = _runtime(request)
    address = intake.address_of(runtime.store, user, runtime.clock.now())
    return {
        "mail_address": mailin_address(address.token, runtime.settings.mailin_domain),
        "mail_groups": views.mail_orders(runtime.store, user),
        "mail_csrf": notify.csrf_token(request),
        "mail_next": "/orders",
        "mail_status": status_title(loc),
    }


def router() -> APIRouter:
    from parceltrail.entrypoints.web.pages import _login_redirect, error_page, page_user, render

    pages = APIRouter(include_in_schema=False)

    def _page(
        request: Request,
        loc: Locale,
        user: User,
        *,
        error: str | None = None,
        senders_text: str | None = None,
        status: int = 200,
        box_form: dict[str, str] | None = None,
    ) -> Response:
        runtime = _runtime(request)
        found = intake.address_of(runtime.store, user, runtime.clock.now())
        with runtime.store.read() as repo:
            boxes = repo.mailin.mailboxes(user.id)
        return render(
            request,
            "mail.html",
            loc,
            {
                "address": mailin_address(found.token, runtime.settings.mailin_domain),
                "senders_text": senders_text
                if senders_text is not None
                else "\n".join(found.allowed_senders),
                "entries": intake.intake_log(runtime.store, user, 100),
                "mailboxes": boxes,
                "groups": views.mail_orders(runtime.store, user),
                "csrf": notify.csrf_token(request),
                "error": error,
                "mail_status": status_title(loc),
                "box_form": box_form
                or {
                    "host": "",
                    "port": "993",
                    "security": "tls",
                    "login": "",
                    "folder": "INBOX",
                    "allow": "",
                },
            },
            status=status,
            user=user,
        )

    @pages.get("/mail", response_model=None)
    def mail_page(request: Request) -> Response:
        user = page_user(request)
        if user is None:
            return _login_redirect(request)
        return _page(request, negotiate(request), user)

    async def _post(request: Request, action: str, parcel_id: str | None = None) -> Response:
        form = await request.form()
        return await run_in_threadpool(_act, request, form, action, parcel_id)

    def _act(request: Request, form: FormData, action: str, parcel_id: str | None) -> Response:
        loc, user = negotiate(request), page_user(request)
        if user is None:
            return _login_redirect(request)
        if not notify.csrf_ok(request, form):
            return error_page(request, loc, 403, loc.t("notify.error.csrf"), user)
        runtime, now = _runtime(request), _runtime(request).clock.now()
        if action == "rotate":
            intake.rotate_token(runtime.store, user, now)
        elif action == "senders":
            text = str(form.get("senders") or "")[:MAX_SENDERS_TEXT]
            try:
                intake.set_allowed_senders(runtime.store, user, text.replace(",", "\n").splitlines(), now)
            except MailInError:
                return _page(
                    request, loc, user, error=loc.t("mail.error_senders"), senders_text=text, status=400
                )
        elif action == "undo":
            raw = parcel_id or ""
            try:
                if not raw.isdigit() or not 0 < int(raw) < 2**31:
                    raise MailInError("no such parcel", code="not_found", status=404)
                intake.undo(runtime.store, user, int(raw), now)
            except MailInError as error:
                return error_page(request, loc, error.status, loc.t("mail.error_not_found"), user)
        elif action == "share":
            raw = str(form.get("order") or "")
            permission = "manage" if form.get("manage") else "read"
            try:
                if not raw.isdigit() or not 0 < int(raw) < 2**31:
                    raise MailInError("no such order", code="not_found", status=404)
                views.share(
                    runtime.store,
                    user,
                    str(form.get("email") or "")[:254],
                    permission,
                    now,
                    order_id=int(raw),
                )
            except (MailInError, InputError):
                return _page(request, loc, user, error=loc.t("mail.error_share"), status=400)
        elif action == "mailbox":
            values = {
                k: str(form.get(k) or "")[:2000]
                for k in ("host", "port", "security", "login", "folder", "allow")
            }
            try:
                port = int(values["port"] or "993") if values["port"].strip().isdigit() else 0
                connect_mailbox(
                    runtime.store,
                    cipher_for(runtime.settings),
                    user,
                    now,
                    host=values["host"],
                    port=port,
                    security=values["security"],
                    username=values["login"],
                    secret=str(form.get("secret") or "")[:4096],
                    folder=values["folder"] or "INBOX",
                    allowed_senders=values["allow"].replace(",", " ").split(),
                    allow_private=runtime.settings.imap_allow_private,
                )
            except MailInError as error:
                known = error.code if error.code in MAILBOX_ERRORS else "invalid_mailbox"
                return _page(
                    request,
                    loc,
                    user,
                    error=loc.t(f"mail.error_{known}"),
                    box_form=values,
                    status=502 if error.status == 502 else 400,
                )
        elif action == "remove_mailbox":
            raw = parcel_id or ""
            with runtime.store.transaction() as repo:
                removed = (
                    raw.isdigit() and 0 < int(raw) < 2**31 and repo.mailin.delete_mailbox(int(raw), user.id)
                )
            if not removed:
                return error_page(request, loc, 404, loc.t("mail.error_no_mailbox"), user)
        back = str(form.get("next") or "")
        return RedirectResponse(back if back in ("/orders", "/mail") else "/mail", status_code=303)

    @pages.post("/mail/rotate", response_model=None)
    async def rotate(request: Request) -> Response:
        return await _post(request, "rotate")

    @pages.post("/mail/senders", response_model=None)
    async def senders(request: Request) -> Response:
        return await _post(request, "senders")

    @pages.post("/mail/mailboxes", response_model=None)
    async def add_mailbox(request: Request) -> Response:
        return await _post(request, "mailbox")

    @pages.post("/mail/mailboxes/{mailbox_id}/remove", response_model=None)
    async def remove_mailbox(request: Request, mailbox_id: str) -> Response:
        return await _post(request, "remove_mailbox", mailbox_id[:12])

    @pages.post("/mail/shares", response_model=None)
    async def share(request: Request) -> Response:
        return await _post(request, "share")

    @pages.post("/mail/parcels/{parcel_id}/undo", response_model=None)
    async def undo(request: Request, parcel_id: str) -> Response:
        return await _post(request, "undo", parcel_id[:12])

    return pages
