"""Commands from Home Assistant: add a number, archive a parcel, change a parcel's carrier.

Payloads are a bare value (`add`: the number; `archive`: a tracking id or number) or JSON:
`add` {"number", "carrier"?, "title"?}, `archive` {"tracking_id" | "number"},
`carrier` {"tracking_id" | "number", "carrier"}. Every command answers a `CommandResult`; bad input is a
result with a stable error code, never an exception.
"""

from __future__ import annotations

import json
from typing import Any

from parceltrail.domain.accounts import TrackingExistsError
from parceltrail.domain.errors import InputError, NotFoundError
from parceltrail.services.homeassistant.entities import CommandResult
from parceltrail.services.tracking.trackings import Installation, Labels, TrackingService

COMMANDS = ("add", "archive", "carrier")
MAX_PAYLOAD = 4096


class InvalidCommandError(InputError):
    code = "invalid_command"


def home_account(runtime: Installation, name: str) -> int:
    """The account whose trackings Home Assistant shows, created on first use."""
    with runtime.store.transaction() as repo:
        account = repo.accounts.account_by_name(name)
        if account is None:
            account = repo.accounts.create_account(name, runtime.clock.now())
        return account.id


def _fields(payload: bytes, bare: str) -> dict[str, Any]:
    if len(payload) > MAX_PAYLOAD:
        raise InvalidCommandError(f"the payload is longer than {MAX_PAYLOAD} bytes")
    try:
        text = payload.decode("utf-8").strip()
    except UnicodeDecodeError:
        raise InvalidCommandError("the payload is not UTF-8 text") from None
    if not text:
        raise InvalidCommandError("the payload is empty")
    if text.startswith("{"):
        try:
            body = json.loads(text)
        except json.JSONDecodeError as error:
            raise InvalidCommandError(f"the payload is not valid JSON: {error.msg}") from None
        if not isinstance(body, dict) or any(not isinstance(v, str | None) for v in body.values()):
            raise InvalidCommandError("the JSON payload must be an object of strings")
        return body
    return {bare: text}


def _target(service: TrackingService, account_id: int, body: dict[str, Any]) -> str:
    """The tracking id a command names, by id or by number."""
    tracking_id, number = body.get("tracking_id"), body.get("number")
    if tracking_id:
        return service.get(account_id, tracking_id, with_events=False).tracking.id
    if number:
        found = [d for d in service.by_number(account_id, number) if d.tracking.active] \
            or service.by_number(account_id, number)
        if not found:
            raise NotFoundError(f"no parcel with the number {number}")
        return found[0].tracking.id
    raise InvalidCommandError("name the parcel with \"tracking_id\" or \"number\"")


def run_command(runtime: Installation, account_id: int, command: str, payload: bytes) -> CommandResult:
    service = TrackingService(runtime)
    try:
        if command == "add":
            body = _fields(payload, "number")
            if not body.get("number"):
                raise InvalidCommandError("\"number\" is required")
            detail, _created = service.create(account_id, body["number"], body.get("carrier") or None,
                                              Labels(title=body.get("title") or None))
            if not detail.tracking.active:  # added again after it was archived: show it again
                detail = service.retrack(account_id, detail.tracking.id)
            return CommandResult(command, True, detail.tracking.id)
        if command == "archive":
            body = _fields(payload, "tracking_id")
            if "tracking_id" in body and "number" not in body and len(body) == 1 \
                    and not _looks_like_id(body["tracking_id"]):
                body = {"number": body["tracking_id"]}  # a bare number
            tracking_id = _target(service, account_id, body)
            archive(runtime, account_id, tracking_id)
            return CommandResult(command, True, tracking_id)
        if command == "carrier":
            body = _fields(payload, "carrier")
            if not body.get("carrier"):
                raise InvalidCommandError("\"carrier\" is required")
            tracking_id = _target(service, account_id, body)
            detail = service.update(account_id, tracking_id, Labels(), slug=body["carrier"])
            return CommandResult(command, True, detail.tracking.id)
        raise InvalidCommandError(f"unknown command {command!r}; commands: {', '.join(COMMANDS)}")
    except TrackingExistsError as error:
        return CommandResult(command, False, error.existing_id, {"code": error.code, "message": str(error)})
    except InputError as error:
        return CommandResult(command, False, None, {"code": error.code, "message": str(error)[:500]})


def _looks_like_id(value: str) -> bool:
    return len(value) == 32 and all(ch in "0123456789abcdef" for ch in value)


def archive(runtime: Installation, account_id: int, tracking_id: str) -> None:
    """Stop showing a parcel (and notifying about it): the tracking is completed without a reason, so
    its status stays the carrier's."""
    now = runtime.clock.now()
    with runtime.store.transaction() as repo:
        tracking = repo.accounts.tracking(account_id, tracking_id)
        if tracking is None:
            raise NotFoundError(f"no parcel {tracking_id}")
        if tracking.completed_at is None:
            tracking.completed_at = now
            repo.accounts.save_tracking(tracking, now)
