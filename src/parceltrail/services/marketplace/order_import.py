"""Bulk import of package numbers for many orders from CSV, with a report for every row.

Columns: order reference, tracking number, and optionally carrier slug and service (a header row naming
them is recognized and skipped). A row is accepted, accepted with a correction (the number failed its
check digit but one single-edit fix is clearly the most likely), or rejected with the reason. A file
with any rejected row imports nothing unless `partial` is set; what is imported is one transaction.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any, Literal

from parceltrail.domain.errors import ConflictError, InputError
from parceltrail.domain.orders import Order, OrderError, Role, User
from parceltrail.numbers import Candidate, detect, is_known_carrier
from parceltrail.services.marketplace.orders import (
    LabelContext,
    LabelNumberError,
    attach_package,
    check_label_number,
    label_context,
    shippable_order,
)
from parceltrail.services.ports import Store, UnitOfWork

AUTO_CORRECT_RATIO = 5.0

MAX_ROWS = 10_000
HEADER_WORDS = {"order", "order_reference", "reference", "order reference", "order_ref"}
Outcome = Literal["accepted", "corrected", "rejected"]


@dataclass(slots=True)
class RowReport:
    line: int
    order_reference: str
    input: str
    status: Outcome
    number: str | None = None
    carrier: str | None = None
    reason: str | None = None
    suggestions: list[str] = field(default_factory=list)
    order_id: int | None = None
    package_id: int | None = None


@dataclass(slots=True)
class ImportReport:
    rows: list[RowReport]
    imported: bool
    partial: bool

    @property
    def counts(self) -> dict[str, int]:
        counts = {"accepted": 0, "corrected": 0, "rejected": 0}
        for row in self.rows:
            counts[row.status] += 1
        return counts

    def to_dict(self) -> dict[str, Any]:
        return {"imported": self.imported, "partial": self.partial, "counts": self.counts,
                "rows": [asdict(r) for r in self.rows]}


@dataclass(slots=True)
class _Row:
    report: RowReport
    reading: Candidate | None = None
    service: str | None = None


def parse_csv(text: str) -> list[tuple[int, list[str]]]:
    """(line number, cells) of every non-empty row, header skipped."""
    if "\x00" in text:
        raise InputError("the file is not CSV text")
    rows = []
    try:
        for cells in csv.reader(io.StringIO(text.lstrip("\ufeff"))):
            if any(c.strip() for c in cells):
                rows.append((len(rows) + 1, [c.strip() for c in cells]))
    except csv.Error as error:
        raise InputError(f"the file is not valid CSV: {error}") from None
    if rows and rows[0][1][0].lower() in HEADER_WORDS:
        rows = rows[1:]
    if not rows:
        raise InputError("the CSV file has no rows (columns: order reference, tracking number[, carrier])")
    if len(rows) > MAX_ROWS:
        raise InputError(f"the CSV file has {len(rows)} rows; at most {MAX_ROWS} at once")
    return rows


def _reading(raw: str, carrier: str | None,
             context: Callable[[], LabelContext]) -> tuple[str, Candidate, bool]:
    """(number, reading, corrected) or OrderError with the suggestions, ranked with the shop's own labels
    (``context`` reads them once per import, see `_context`)."""
    try:
        number, reading = check_label_number(raw, carrier, context=context)
        return number, reading, False
    except LabelNumberError as error:
        hints = error.ranked
        # Correct silently only when one reading is far likelier than the next one under the typing
        # model (8 for B is a common slip, 8 for I is not): a guess between near-equals is the user's.
        if len(hints) == 1 or (len(hints) > 1 and hints[0].score >= AUTO_CORRECT_RATIO * hints[1].score):
            best = hints[0]
            reading = next(c for c in detect(best.number) if c.carrier == best.carrier)
            return best.number, reading, True
        raise


def _context(repo: UnitOfWork, order: Order, cache: dict[tuple[int, str], LabelContext]
             ) -> Callable[[], LabelContext]:
    """The order's label context, read once per seller and destination in one import."""
    def read() -> LabelContext:
        key = (order.seller_id, order.ship_to.country)
        if key not in cache:
            cache[key] = label_context(repo, order)
        return cache[key]
    return read


def import_csv(store: Store, actor: User, text: str, now: datetime, *, partial: bool = False) -> ImportReport:
    """Check every row, then (when all are good, or `partial`) attach the good ones in one transaction."""
    if actor.role not in (Role.SELLER, Role.ADMIN):
        raise OrderError("only sellers import shipments", code="forbidden", status=403)
    rows: list[_Row] = []
    seen: set[tuple[str, str]] = set()
    contexts: dict[tuple[int, str], LabelContext] = {}
    with store.read() as repo:
        orders = repo.orders
        for line, cells in parse_csv(text):
            reference, raw = cells[0], cells[1] if len(cells) > 1 else ""
            carrier = cells[2] if len(cells) > 2 and cells[2] else None
            row = _Row(RowReport(line=line, order_reference=reference, input=raw, status="accepted",
                                 carrier=carrier), service=cells[3] if len(cells) > 3 and cells[3] else None)
            rows.append(row)
            report = row.report
            try:
                if not raw:
                    raise InputError("no tracking number")
                if carrier is not None and not is_known_carrier(carrier):
                    raise InputError(f"unknown carrier {carrier!r}")
                order = orders.order_by_reference(reference) if reference else None
                if order is None or not order.visible_to(actor) or \
                        (actor.role is Role.SELLER and order.seller_id != actor.id):
                    raise InputError(f"no order {reference!r}" if reference else "no order reference")
                shippable_order(actor, order)
                report.order_id = order.id
                number, reading, corrected = _reading(raw, carrier, _context(repo, order, contexts))
                report.number, report.carrier, row.reading = number, reading.carrier, reading
                if corrected:
                    report.status = "corrected"
                    report.reason = f"{raw} fails its check digit; corrected to {number}"
                if (number, reading.carrier) in seen:
                    raise InputError(f"{number} appears twice in this file")
                seen.add((number, reading.carrier))
                if orders.package_by_number(number, reading.carrier) is not None:
                    raise InputError(f"{number} is already the label of a package")
            except InputError as error:
                report.status = "rejected"
                report.reason = " ".join(str(error).split())
                report.suggestions = list(getattr(error, "details", {}).get("suggestions", []))
    good = [r for r in rows if r.report.status != "rejected"]
    if len(good) < len(rows) and not partial:
        return ImportReport([r.report for r in rows], imported=False, partial=partial)
    try:
        with store.transaction() as repo:
            orders = repo.orders
            for row in good:
                assert row.reading is not None and row.report.number and row.report.order_id
                order = orders.order(row.report.order_id)
                assert order is not None
                package = attach_package(repo, order, row.report.number, row.reading, now,
                                         service=row.service)
                row.report.package_id = package.id
    except ConflictError:
        raise OrderError("another request added one of these numbers meanwhile; nothing was imported",
                         code="number_in_use") from None
    return ImportReport([r.report for r in rows], imported=bool(good), partial=partial)
