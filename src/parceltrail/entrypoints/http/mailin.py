"""Mail intake under /api/v1/mailin: the caller's mail-in address and allowed senders, a message posted
as if mailed, the intake log, parcels added from mail (and their undo), household shares and
connected IMAP mailboxes. Errors are `{"error": {"code", "message"}}` with a stable code."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from parceltrail.adapters.mailin.cipher import cipher_for
from parceltrail.adapters.mailin.imap import MailboxUnavailableError, connect_mailbox
from parceltrail.bootstrap import Runtime
from parceltrail.domain.mailin import MailInError, mailin_address
from parceltrail.entrypoints.http.errors import NATIVE_ERRORS, ErrorBody
from parceltrail.entrypoints.http.sessions import UserReader, UserWriter
from parceltrail.services.mailin import intake, views


class MailInRoute(APIRoute):
    """A MailInError answers its own status and code."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def guarded(request: Request) -> Response:
            try:
                return await handler(request)
            except MailInError as error:
                return JSONResponse(
                    {"error": {"code": error.code, "message": " ".join(str(error).split())}},
                    status_code=error.status,
                )

        return guarded


class SendersIn(BaseModel):
    senders: list[str] = Field(min_length=1, max_length=50)


class ShareIn(BaseModel):
    email: str = Field(min_length=3, max_length=254)
    permission: str = Field(default="read", pattern="^(read|manage)$")
    order_id: int | None = Field(default=None, ge=1, le=2**31 - 1)
    parcel_id: int | None = Field(default=None, ge=1, le=2**31 - 1)


class MailboxIn(BaseModel):
    host: str = Field(min_length=1, max_length=253)
    port: int = Field(default=993, ge=1, le=65535)
    security: str = Field(default="tls", pattern="^(tls|starttls|plain)$")
    username: str = Field(min_length=1, max_length=254)
    auth: str = Field(default="password", pattern="^(password|oauth2)$")
    secret: str = Field(min_length=1, max_length=4096, description="App password or OAuth2 access token")
    folder: str = Field(default="INBOX", min_length=1, max_length=255)
    allowed_senders: list[str] = Field(default_factory=list, max_length=50)
    mark_seen: bool = False


def _runtime(request: Request) -> Runtime:
    return request.app.state.runtime


def _address(runtime: Runtime, token: str, allowed: list[str]) -> dict[str, Any]:
    return {"address": mailin_address(token, runtime.settings.mailin_domain), "allowed_senders": allowed}


def router() -> APIRouter:
    api = APIRouter(
        prefix="/api/v1/mailin", responses=NATIVE_ERRORS, route_class=MailInRoute, tags=["mail intake"]
    )

    @api.get("")
    def my_address(request: Request, user: UserReader) -> dict[str, Any]:
        """The caller's mail-in address (made on first use) and the senders allowed to forward to it."""
        runtime = _runtime(request)
        found = intake.address_of(runtime.store, user, runtime.clock.now())
        with runtime.store.read() as repo:
            counts = repo.mailin.counts(user.id)
        return {"data": {**_address(runtime, found.token, found.allowed_senders), "counts": counts}}

    @api.post("/rotate")
    def rotate(request: Request, user: UserWriter) -> dict[str, Any]:
        """A new address; mail to the old one is refused from now on."""
        runtime = _runtime(request)
        found = intake.rotate_token(runtime.store, user, runtime.clock.now())
        return {"data": _address(runtime, found.token, found.allowed_senders)}

    @api.put("/senders")
    def senders(request: Request, user: UserWriter, body: SendersIn) -> dict[str, Any]:
        runtime = _runtime(request)
        found = intake.set_allowed_senders(runtime.store, user, body.senders, runtime.clock.now())
        return {"data": _address(runtime, found.token, found.allowed_senders)}

    @api.post("/messages", responses={201: {"description": "Parcels added (or a tracking number replaced)"}})
    async def post_message(request: Request, user: UserWriter) -> JSONResponse:
        """A raw RFC 822 message (message/rfc822 body), read as if mailed to the caller's address."""
        runtime = _runtime(request)
        data = await request.body()
        if not data:
            raise MailInError("the request has no message", code="empty_message")
        if len(data) > runtime.settings.mailin_max_bytes:
            raise MailInError(
                f"message larger than {runtime.settings.mailin_max_bytes} bytes", code="too_large", status=413
            )
        result = await run_in_threadpool(
            intake.accept, runtime.store, user, data, runtime.clock.now(), channel="api", allowed=None
        )
        return JSONResponse({"data": result.to_dict()}, status_code=201 if result.stored else 200)

    @api.get("/log")
    def log(request: Request, user: UserReader, limit: int = 100) -> dict[str, Any]:
        """What came in, what was added, what was ignored and why (newest first)."""
        entries = intake.intake_log(_runtime(request).store, user, max(1, min(limit, 1000)))
        return {"data": [e.to_dict() for e in entries]}

    @api.get("/parcels")
    def parcels(request: Request, user: UserReader) -> dict[str, Any]:
        """The caller's orders and parcels read from mail, and those household members shared."""
        return {"data": [g.to_dict() for g in views.mail_orders(_runtime(request).store, user)]}

    @api.delete("/parcels/{parcel_id}")
    def undo(request: Request, user: UserWriter, parcel_id: int) -> dict[str, Any]:
        """Take back a parcel added from mail."""
        if not 0 < parcel_id < 2**31:
            raise MailInError(f"no parcel {parcel_id} added from your mail", code="not_found", status=404)
        runtime = _runtime(request)
        return {"data": intake.undo(runtime.store, user, parcel_id, runtime.clock.now()).to_dict()}

    @api.post("/shares", status_code=201)
    def share(request: Request, user: UserWriter, body: ShareIn) -> dict[str, Any]:
        """Share an order read from mail (or one parcel) with another user, read-only or to manage."""
        runtime = _runtime(request)
        made = views.share(
            runtime.store,
            user,
            body.email,
            body.permission,
            runtime.clock.now(),
            order_id=body.order_id,
            parcel_id=body.parcel_id,
        )
        return {"data": made.to_dict()}

    @api.get("/shares")
    def shares(request: Request, user: UserReader) -> dict[str, Any]:
        """Shares the caller made and those made with the caller."""
        with _runtime(request).store.read() as repo:
            return {"data": [s.to_dict() for s in repo.mailin.shares(user.id)]}

    @api.delete("/shares/{share_id}", status_code=204, response_class=Response)
    def unshare(request: Request, user: UserWriter, share_id: int) -> Response:
        with _runtime(request).store.transaction() as repo:
            removed = 0 < share_id < 2**31 and repo.mailin.delete_share(share_id, user.id)
        if not removed:
            raise MailInError(f"no share {share_id} of yours", code="not_found", status=404)
        return Response(status_code=204)

    @api.get("/mailboxes")
    def mailboxes(request: Request, user: UserReader) -> dict[str, Any]:
        with _runtime(request).store.read() as repo:
            return {"data": [m.to_dict() for m in repo.mailin.mailboxes(user.id)]}

    @api.post(
        "/mailboxes", status_code=201, responses={502: {"model": ErrorBody, "description": "Bad Gateway"}}
    )
    def add_mailbox(request: Request, user: UserWriter, body: MailboxIn) -> dict[str, Any]:
        """Connect an IMAP mailbox: the login is checked first; the secret is stored encrypted."""
        runtime = _runtime(request)
        try:
            made = connect_mailbox(
                runtime.store,
                cipher_for(runtime.settings),
                user,
                runtime.clock.now(),
                host=body.host,
                port=body.port,
                security=body.security,
                username=body.username,
                secret=body.secret,
                folder=body.folder,
                auth=body.auth,
                allowed_senders=body.allowed_senders,
                mark_seen=body.mark_seen,
                allow_private=runtime.settings.imap_allow_private,
            )
        except MailboxUnavailableError as error:
            raise MailInError(str(error), code=error.code, status=502) from None
        return {"data": made.to_dict()}

    @api.delete("/mailboxes/{mailbox_id}", status_code=204, response_class=Response)
    def remove_mailbox(request: Request, user: UserWriter, mailbox_id: int) -> Response:
        with _runtime(request).store.transaction() as repo:
            removed = 0 < mailbox_id < 2**31 and repo.mailin.delete_mailbox(mailbox_id, user.id)
        if not removed:
            raise MailInError(f"no mailbox {mailbox_id} of yours", code="not_found", status=404)
        return Response(status_code=204)

    return api
