"""Who is calling, as a marketplace user: a server-side session (web login; the cookie holds a random
token, revoked at logout, on a password change or by an administrator) or an API key whose account belongs
to a user. `POST /api/v1/session` logs in with e-mail and argon2-checked password, throttled
(`entrypoints/http/login.py`); `POST /api/v1/session/password` changes the password and ends every
other session."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response
from pydantic import BaseModel, Field

from parceltrail.adapters.db import sessions as store_sessions
from parceltrail.bootstrap import Runtime
from parceltrail.domain.accounts import Scope
from parceltrail.domain.orders import User
from parceltrail.entrypoints.http.auth import identify
from parceltrail.entrypoints.http.errors import NATIVE_ERRORS, ApiError
from parceltrail.entrypoints.http.login import attempt_login
from parceltrail.services.marketplace.order_views import user_dict
from parceltrail.services.marketplace.users import set_password

COOKIE = "parceltrail_session"
SESSION_SECONDS = 14 * 24 * 3600


class LoginIn(BaseModel):
    email: str = Field(min_length=3, max_length=254)
    password: str = Field(min_length=1, max_length=1024)


class PasswordIn(BaseModel):
    current_password: str = Field(min_length=1, max_length=1024)
    new_password: str = Field(min_length=8, max_length=1024)


def _runtime(request: Request) -> Runtime:
    return request.app.state.runtime


def issue_session(request: Request, response: Response, user: User) -> None:
    """Sign `user` in on `response`: a new server-side session in an HTTP-only, SameSite=Lax cookie (the
    API login and the web sign-in form both use this). Writes to the database: call it off the event loop."""
    token = store_sessions.create_session(_runtime(request).store, user.id)
    response.set_cookie(COOKIE, token, max_age=SESSION_SECONDS, httponly=True, samesite="lax",
                        secure=request.url.scheme == "https", path="/")


def end_session(request: Request, response: Response) -> None:
    """Log out: the session is revoked on the server, not only forgotten by the browser."""
    token = request.cookies.get(COOKIE)
    if token:
        store_sessions.revoke_session(_runtime(request).store, token)
    response.delete_cookie(COOKIE, path="/")


def _from_cookie(request: Request, token: str) -> User:
    store = _runtime(request).store
    user_id = store_sessions.session_user(store, token)
    if user_id is None:
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
        """Log in with e-mail and password; answers the user and sets an HTTP-only session cookie. Failed
        attempts are throttled per account and per address (429 with Retry-After)."""
        user = attempt_login(_runtime(request), request, body.email, body.password)
        if user is None:
            raise ApiError(401, "invalid_credentials", "Wrong e-mail or password.")
        issue_session(request, response, user)
        return {"data": user_dict(user)}

    @api.post("/session/password")
    def change_password(request: Request, response: Response, body: PasswordIn,
                        user: UserWriter) -> dict[str, Any]:
        """Change the password (the current one is asked again); every session of the user ends, and a
        cookie caller gets a fresh one."""
        runtime = _runtime(request)
        if attempt_login(runtime, request, user.email, body.current_password) is None:
            raise ApiError(401, "invalid_credentials", "The current password is wrong.")
        set_password(runtime.store, user.id, body.new_password)
        ended = store_sessions.revoke_user_sessions(runtime.store, user.id)
        if request.cookies.get(COOKIE):
            issue_session(request, response, user)
        return {"data": {"sessions_ended": ended}}

    @api.get("/session")
    def whoami(user: UserReader) -> dict[str, Any]:
        """The logged-in user (cookie or API key)."""
        return {"data": user_dict(user)}

    @api.delete("/session", status_code=204, response_class=Response)
    def logout(request: Request) -> Response:
        response = Response(status_code=204)
        end_session(request, response)
        return response

    return api
