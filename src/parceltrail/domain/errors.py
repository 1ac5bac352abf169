"""Errors that user input can cause; every interface turns them into a clear message or a 4xx."""

from __future__ import annotations


class InputError(ValueError):
    """Bad input from a user; `code` is stable for APIs."""

    code = "invalid_input"


class LimitReachedError(InputError):
    """An account reached one of the operator's caps (keys, subscriptions, trackings)."""

    code = "limit_reached"


class UnknownCarrierError(InputError):
    code = "unknown_carrier"

    def __init__(self, slug: str) -> None:
        super().__init__(f"unknown carrier slug {slug!r} (see `parceltrail carriers`)")
        self.slug = slug


class UnrecognizedNumberError(InputError):
    code = "unrecognized_number"

    def __init__(self, number: str, suggestions: list[str]) -> None:
        hint = f"; did you mean {', '.join(suggestions[:5])}?" if suggestions else ""
        super().__init__(f"{number} is not a tracking number any known carrier issues{hint}")
        self.number = number
        self.suggestions = suggestions


class NotFoundError(InputError):
    code = "not_found"


class ConflictError(Exception):
    """A write lost a race: another transaction stored the same unique thing first. Callers that can
    treat the other writer's result as theirs catch it; the storage adapter raises it for any
    uniqueness violation, so services never see the database library's own errors."""
