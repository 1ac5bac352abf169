"""A loopback replay server for connector tests: a small ASGI app, started over real HTTP (uvicorn in a
thread), that answers each request with a recorded body chosen by path and by the tracking number the
request carries (in its query string or body). Answers can be queued: each request takes the next one,
and the last one repeats. Every request is logged, so tests can check what was sent and how often.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from fastapi import FastAPI, Request, Response

from parceltrail.adapters.sandbox.server import serve_in_thread

REPO_ROOT = Path(__file__).resolve().parents[2]
RESPONSES = REPO_ROOT.parent / "shared" / "data" / "carrier_responses"


@dataclass(slots=True)
class Answer:
    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class Seen:
    method: str
    path: str
    query: str
    body: bytes
    headers: dict[str, str]


class ReplayServer:
    def __init__(self) -> None:
        self._answers: list[tuple[str, str, list[Answer]]] = []
        self.seen: list[Seen] = []
        self._lock = threading.Lock()
        self.app = FastAPI()
        self.app.add_api_route("/{path:path}", self._handle, methods=["GET", "POST"])
        self.url = ""

    def answer(self, path: str, needle: str, *answers: Answer) -> None:
        """Requests to `path` that mention `needle` get `answers`, one per request, the last repeating."""
        self._answers.append((path.strip("/"), needle, list(answers)))

    def json(self, path: str, needle: str, body: bytes, status: int = 200, **headers: str) -> None:
        self.answer(path, needle, Answer(status, body, {"content-type": "application/json;charset=UTF-8",
                                                        **headers}))

    def requests_for(self, needle: str) -> list[Seen]:
        return [s for s in self.seen if needle in s.query or needle.encode() in s.body or needle in s.path]

    async def _handle(self, path: str, request: Request) -> Response:
        body = await request.body()
        seen = Seen(request.method, path, request.url.query, body, dict(request.headers))
        with self._lock:
            self.seen.append(seen)
            for prefix, needle, answers in self._answers:
                if not path.startswith(prefix):
                    continue
                if needle and needle not in path and needle not in request.url.query \
                        and needle.encode() not in body:
                    continue
                answer = answers.pop(0) if len(answers) > 1 else answers[0]
                return Response(answer.body, answer.status, headers=answer.headers)
        return Response(b'{"error":"no recording for this request"}', 404,
                        media_type="application/json")

    @contextmanager
    def running(self) -> Iterator[ReplayServer]:
        base_url, stop = serve_in_thread(self.app)
        self.url = base_url
        try:
            yield self
        finally:
            stop()


def recorded(carrier: str, name: str) -> bytes:
    """A recorded body from the shared carrier_responses folder, byte for byte."""
    return (RESPONSES / carrier / name).read_bytes()


def cainiao_body(name: str) -> bytes:
    """Cainiao recordings: the raw body, or the `body` member of a Deno fetch-cache capture."""
    import json

    raw = recorded("cainiao", name)
    doc = json.loads(raw)
    if isinstance(doc, dict) and "body" in doc and "status" in doc:
        return json.dumps(doc["body"], ensure_ascii=False).encode()
    return raw


def recorded_http(carrier: str, name: str) -> Answer:
    """A raw HTTP capture (status line, headers, blank line, body) as an Answer with its status, content
    type and body."""
    raw = recorded(carrier, name).replace(b"\r\n", b"\n")
    head, _, body = raw.partition(b"\n\n")
    lines = head.decode("latin-1").split("\n")
    status = int(lines[0].split()[1])
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])
               if k.strip().lower() == "content-type"}
    return Answer(status, body, headers)
