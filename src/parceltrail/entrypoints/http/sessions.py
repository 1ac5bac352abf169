"""Who is calling, as a marketplace user: a signed session cookie (web login) or an API key whose account
belongs to a user. `POST /api/v1/session` logs in with e-mail and argon2-checked password."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response
from itsdangerous import BadSignature, URLSafeTimedSerializer
from pydantic import BaseModel, Field

from parceltrail.bootstrap import Runtime
from parceltrail.domain.accounts import Scope
from parceltrail.domain.orders import User
from parceltrail.entrypoints.http.auth import identify
from parceltrail.entrypoints.http.errors import NATIVE_ERRORS, ApiError
from parceltrail.services.marketplace.order_views import user_dict
from parceltrail.services.marketplace.users import authenticate, session_fingerprint

COOKIE = "parceltrail_session"
SESSION_SECONDS = 14 * 24 * 3600
SECRET_ENV = "PARCELTRAIL_SECRET_KEY"


class LoginIn(BaseModel):
    email: str = Field(min_length=3, max_length=254)
    password: str = Field(min_length=1, max_length=1024)


def _secret(runtime: Runtime) -> str:
    """PARCELTRAIL_SECRET_KEY, else a random key kept in the data directory (made once, mode 0600)."""
    configured = runtime.settings.secret_key
    if configured is not None:
        return configured.get_secret_value()
    path = Path(runtime.settings.data_dir) / "session_secret"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as handle:
                handle.write(secrets.token_urlsafe(32))
        except FileExistsError:
            pass  # another process made it first
    return path.read_text().strip()


def _serializer(request: Request) -> URLSafeTimedSerializer:
    state = request.app.state
    if getattr(state, "session_serializer", None) is None:
        state.session_serializer = URLSafeTimedSerializer(_secret(state.runtime), salt="parceltrail-session")
    return state.session_serializer


def _runtime(request: Request) -> Runtime:
    return request.app.state.runtime


def issue_session(request: Request, response: Response, user: User) -> None:
    """Sign `user` in on `response`: the signed, HTTP-only, SameSite=Lax session cookie (the API login and
    the web sign-in form both use this). Reads the password fingerprint, so call it off the event loop."""
    fingerprint = session_fingerprint(_runtime(request).store, user.id)
    token = _serializer(request).dumps({"u": user.id, "f": fingerprint})
    response.set_cookie(COOKIE, token, max_age=SESSION_SECONDS, httponly=True, samesite="lax",
                        secure=request.url.scheme == "https", path="/")


def _from_cookie(request: Request, token: str) -> User:
    try:
        data: Any = _serializer(request).loads(token, max_age=SESSION_SECONDS)
        user_id, fingerprint = int(data["u"]), str(data["f"])
    except (BadSignature, KeyError, TypeError, ValueError):
        raise ApiError(401, "unauthorized", "The session has expired or is invalid; log in again.") from None
    store = _runtime(request).store
    if session_fingerprint(store, user_id) != fingerprint:
        raise ApiError(401, "unauthorized", "The session has expired or is invalid; log in again.")
    with store.read() as repo:
        user = repo.orders.user(user_id)
    if user is None:
        raise ApiError(401, "unauthorized", "The session has expired or is invalid; log in again.")
    request.state.write_allowed = True
    return user


def current_user(request: Request) -> User:
    """The user behind the session cookie or the API key; 401 without either, 403 for a key whose account
    is not a marketplace user."""
    token = request.cookies.get(COOKIE)
    if token and not any(h in request.headers for h in ("x-api-key", "authorization", "as-api-key")):
        return _from_cookie(request, token)
    caller = identify(request)
    with _runtime(request).store.read() as repo:
        user = repo.orders.user_by_account(caller.account_id)
    if user is None:
        raise ApiError(403, "no_user", "This API key's account is not a marketplace user "
                                       "(create one with `parceltrail users create`).")
    request.state.write_allowed = caller.scope.allows(Scope.WRITE)
    return user


def writing_user(user: Annotated[User, Depends(current_user)], request: Request) -> User:
    if not getattr(request.state, "write_allowed", False):
        raise ApiError(403, "forbidden", "This API key is read-only; this request needs a write key.")
    return user


UserReader = Annotated[User, Depends(current_user)]
UserWriter = Annotated[User, Depends(writing_user)]


def router(prefix: str = "/api/v1") -> APIRouter:
    api = APIRouter(prefix=prefix, responses=NATIVE_ERRORS, tags=["session"])

    @api.post("/session")
    def login(request: Request, response: Response, body: LoginIn) -> dict[str, Any]:
        """Log in with e-mail and password; answers the user and sets a signed, HTTP-only session cookie."""
        store = _runtime(request).store
        user = authenticate(store, body.email, body.password)
        if user is None:
            raise ApiError(401, "invalid_credentials", "Wrong e-mail or password.")
        issue_session(request, response, user)
        return {"data": user_dict(user)}

    @api.get("/session")
    def whoami(user: UserReader) -> dict[str, Any]:
        """The logged-in user (cookie or API key)."""
        return {"data": user_dict(user)}

    @api.delete("/session", status_code=204, response_class=Response)
    def logout() -> Response:
        response = Response(status_code=204)
        response.delete_cookie(COOKIE, path="/")
        return response

    return api
