"""Conformance kit for connectors (built in or plugins): run a connector against recorded responses served
over real HTTP on the loopback, and check what the engine relies on.

A replay directory holds the recorded bodies and a `replay.toml`:

    [[case]]
    number = "LP00512345678901"       # the tracking number the connector is asked for
    body = "found.json"               # file in the directory (or an absolute path)
    status = 200                      # HTTP status to answer with (default 200)
    content_type = "application/json" # default application/json
    expect = "found"                  # found | not_found | retry_later | permanent | auth
    events = 14                       # optional: how many events the recording holds

`parceltrail carriers check SLUG --replay DIR` (or `run_checks` from a test) then checks, per case, that
the outcome is the expected kind; for found numbers, that every event has a time zone, a text, that the
events are oldest first and that fetching again gives the same events (so re-polling stores nothing twice).
It also feeds the connector a truncated body, an HTML bot-check page, HTTP 429 and HTTP 503 for a found
number, each of which must be RETRY_LATER: never an exception and never an empty result.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request, Response

from parceltrail.adapters.carriers.http import RequestPacer
from parceltrail.adapters.carriers.spec import ConnectorSpec
from parceltrail.adapters.sandbox.server import serve_in_thread
from parceltrail.domain.connectors import Failure, FailureKind, FetchOutcome, TrackResult

EXPECTATIONS = {"found", "not_found", "retry_later", "permanent", "auth"}


class ManifestError(ValueError):
    """The replay directory or its replay.toml is not usable; the message says why."""


@dataclass(frozen=True, slots=True)
class Case:
    number: str
    body: bytes
    status: int = 200
    content_type: str = "application/json"
    expect: str = "found"
    events: int | None = None


@dataclass(frozen=True, slots=True)
class Check:
    name: str
    ok: bool
    detail: str = ""


def load_cases(directory: Path) -> list[Case]:
    manifest = directory / "replay.toml"
    if not manifest.is_file():
        raise ManifestError(f"{directory} has no replay.toml")
    try:
        raw = tomllib.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ManifestError(f"cannot read {manifest}: {error}") from None
    cases = []
    for index, item in enumerate(raw.get("case", [])):
        where = f"replay.toml case {index + 1}"
        if not isinstance(item, dict) or not isinstance(item.get("number"), str) \
                or not isinstance(item.get("body"), str):
            raise ManifestError(f"{where}: needs a number and a body file")
        expect = str(item.get("expect", "found"))
        if expect not in EXPECTATIONS:
            raise ManifestError(f"{where}: expect must be one of {', '.join(sorted(EXPECTATIONS))}")
        path = Path(item["body"])
        path = path if path.is_absolute() else directory / path
        try:
            body = path.read_bytes()
        except OSError as error:
            raise ManifestError(f"{where}: cannot read {path}: {error.strerror or error}") from None
        events = item.get("events")
        cases.append(Case(item["number"], body, int(item.get("status", 200)),
                          str(item.get("content_type", "application/json")), expect,
                          int(events) if events is not None else None))
    if not cases:
        raise ManifestError("replay.toml lists no [[case]]")
    return cases


class _Replay:
    """Answers every request that mentions a case's number with that case's recording (or a fault)."""

    def __init__(self, cases: Sequence[Case]) -> None:
        self.cases = list(cases)
        self.fault: tuple[int, bytes, str] | None = None
        self.app = FastAPI()
        self.app.add_api_route("/{path:path}", self._handle, methods=["GET", "POST"])

    async def _handle(self, path: str, request: Request) -> Response:
        if self.fault is not None:
            status, body, kind = self.fault
            headers = {"Retry-After": "1"} if status == 429 else {}
            return Response(body, status, media_type=kind, headers=headers)
        text = f"{path}?{request.url.query}".encode() + await request.body()
        for case in self.cases:
            if case.number.encode() in text:
                return Response(case.body, case.status, media_type=case.content_type)
        return Response(b'{"error":"no recording"}', 404, media_type="application/json")


def _build(spec: ConnectorSpec, url: str, env: Mapping[str, str]) -> Any:
    settings = {spec.env_name(s): env.get(spec.env_name(s), "replay") for s in spec.settings}
    connector = spec.build({**settings, spec.url_env(): url}, None, None)
    if hasattr(connector, "limiter"):
        connector.limiter = RequestPacer(0.0, sleep=lambda _: None)  # the replay needs no politeness
    return connector


def _kind(outcome: FetchOutcome | None) -> str:
    if isinstance(outcome, TrackResult):
        return "found"
    if isinstance(outcome, Failure):
        return outcome.kind.value
    return "no outcome"


def _fetch(spec: ConnectorSpec, url: str, env: Mapping[str, str], number: str) -> FetchOutcome | None:
    connector = _build(spec, url, env)
    try:
        return connector.fetch([number]).get(number)
    finally:
        close = getattr(connector, "close", None)
        if callable(close):
            close()


def _event_checks(case: Case, outcome: TrackResult, again: FetchOutcome | None) -> list[Check]:
    name = f"{case.number}"
    events = list(outcome.events)
    checks = [Check(f"{name}: has events", bool(events), f"{len(events)} event(s)")]
    naive = [e for e in events if e.occurred_at.tzinfo is None or e.occurred_at.utcoffset() is None]
    checks.append(Check(f"{name}: every event has a time zone", not naive, f"{len(naive)} without"))
    checks.append(Check(f"{name}: every event has a text", all(e.text.strip() for e in events)))
    ordered = all(a.occurred_at <= b.occurred_at for a, b in zip(events, events[1:], strict=False))
    checks.append(Check(f"{name}: events oldest first", ordered))
    if case.events is not None:
        checks.append(Check(f"{name}: {case.events} events", len(events) == case.events,
                            f"got {len(events)}"))
    same = isinstance(again, TrackResult) and list(again.events) == events
    checks.append(Check(f"{name}: fetching again gives the same events", same))
    return checks


def run_checks(spec: ConnectorSpec, cases: Sequence[Case],
               env: Mapping[str, str] | None = None) -> list[Check]:
    env = env or {}
    replay = _Replay(cases)
    url, stop = serve_in_thread(replay.app)
    checks: list[Check] = []
    try:
        for case in cases:
            try:
                outcome = _fetch(spec, url, env, case.number)
                kind = _kind(outcome)
                checks.append(Check(f"{case.number}: {case.expect}", kind == case.expect,
                                    f"got {kind}" + (f" ({outcome.reason})" if isinstance(outcome, Failure)
                                                     else "")))
                if isinstance(outcome, TrackResult):
                    checks += _event_checks(case, outcome, _fetch(spec, url, env, case.number))
            except Exception as error:  # noqa: BLE001 - a connector must never raise: report it
                checks.append(Check(f"{case.number}: {case.expect}", False,
                                    f"raised {type(error).__name__}: {error}"))
        found = next((c for c in cases if c.expect == "found"), None)
        if found is not None:
            faults = {"truncated body": (200, found.body[: len(found.body) // 2], found.content_type),
                      "HTML bot-check page": (200, b"<!DOCTYPE html><html><body>captcha</body></html>",
                                              "text/html"),
                      "HTTP 429": (429, b"", "text/plain"), "HTTP 503": (503, b"unavailable", "text/plain")}
            for label, fault in faults.items():
                replay.fault = fault
                try:
                    outcome = _fetch(spec, url, env, found.number)
                    ok = isinstance(outcome, Failure) and outcome.kind is FailureKind.RETRY_LATER
                    checks.append(Check(f"{label} -> retry_later", ok, f"got {_kind(outcome)}"))
                except Exception as error:  # noqa: BLE001
                    checks.append(Check(f"{label} -> retry_later", False,
                                        f"raised {type(error).__name__}: {error}"))
            replay.fault = None
    finally:
        stop()
    return checks
