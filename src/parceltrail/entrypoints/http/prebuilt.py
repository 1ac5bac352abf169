"""JSON bodies serialized once and completed per request: the parts of an answer that depend on the time of
the request (an estimate, silence health, days in transit) are slots filled in at the last moment, the
rest is bytes built once per snapshot. The output is byte for byte what `JSONResponse` renders for the
same content."""

from __future__ import annotations

import json
import re
import secrets
from collections.abc import Mapping
from typing import Any

from fastapi import Response


def _dumps(value: Any, default: Any = None) -> str:
    # the same settings as starlette's JSONResponse.render
    return json.dumps(value, ensure_ascii=False, allow_nan=False, indent=None, separators=(",", ":"),
                      default=default)


class Slot:
    """A place in a template for a value given at render time."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name


# A per-process random token in the markers, so no stored text (an event's raw words, a title) can pose
# as a slot.
_TOKEN = secrets.token_hex(12)
_MARK = re.compile(re.escape(_dumps(f"\x00{_TOKEN}:")[:-1]) + r"([a-z_]+)" + re.escape(_dumps("\x00")[1:]))


class JsonTemplate:
    """`content` with `Slot`s, serialized once; `render(**values)` gives the whole body."""

    __slots__ = ("_parts", "_names")

    def __init__(self, content: Any) -> None:
        def mark(value: Any) -> str:
            if isinstance(value, Slot):
                return f"\x00{_TOKEN}:{value.name}\x00"
            raise TypeError(f"{type(value).__name__} is not JSON serializable")

        pieces = _MARK.split(_dumps(content, default=mark))
        self._parts = [piece.encode() for piece in pieces[::2]]
        self._names = pieces[1::2]

    def render(self, values: Mapping[str, Any]) -> bytes:
        out = [self._parts[0]]
        for name, part in zip(self._names, self._parts[1:], strict=True):
            out.append(_dumps(values[name]).encode())
            out.append(part)
        return b"".join(out)


def json_response(body: bytes, status_code: int = 200) -> Response:
    return Response(body, status_code=status_code, media_type="application/json")
