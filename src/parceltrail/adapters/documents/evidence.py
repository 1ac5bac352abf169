"""The evidence file as an A4 PDF (reportlab): readable pages, plus the sealed document itself.

What is shown: the order, each parcel's legs and every event with when and from where it was retrieved,
the anomalies, the advice, and the SHA-256 digest. What makes it verifiable: the canonical JSON of the
document (base64) is embedded in the PDF's /Keywords metadata and the digest in /Subject
("parceltrail-evidence sha256=<hex>"); `parceltrail evidence verify FILE` recomputes the digest from the
embedded JSON (`embedded_document`).
"""

from __future__ import annotations

import base64
import binascii
import io
import json
import re
from collections.abc import Mapping
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from parceltrail.adapters.documents.fonts import font_for
from parceltrail.adapters.documents.label import _fonts
from parceltrail.services.outlook.evidence import Verification, canonical_bytes, verify_document

WIDTH, HEIGHT = A4
MARGIN = 15 * mm
SUBJECT_PREFIX = "parceltrail-evidence sha256="
_KEYWORDS = re.compile(rb"/Keywords\s*\(([A-Za-z0-9+/=\s\\]*)\)")
_SUBJECT = re.compile(rb"/Subject\s*\(" + re.escape(SUBJECT_PREFIX.encode()) + rb"([0-9a-f]{64})\)")


class _Writer:
    """Lines of text top to bottom, wrapped to the page width, new pages as needed."""

    def __init__(self, canvas: Canvas) -> None:
        self.canvas = canvas
        self.regular, self.bold = _fonts()
        self.y = HEIGHT - MARGIN
        self.page = 1

    def _room(self, height: float) -> None:
        if self.y - height < MARGIN + 8:
            self._footer()
            self.canvas.showPage()
            self.page += 1
            self.y = HEIGHT - MARGIN

    def _footer(self) -> None:
        self.canvas.setFont(self.regular, 7)
        self.canvas.drawRightString(WIDTH - MARGIN, MARGIN - 4, f"page {self.page}")

    def line(self, text: str, *, size: float = 8.5, bold: bool = False, indent: float = 0.0) -> None:
        font = font_for(text, self.bold if bold else self.regular)
        width = WIDTH - 2 * MARGIN - indent
        for part in self._wrap(text, font, size, width):
            self._room(size + 3)
            self.y -= size + 3
            self.canvas.setFont(font, size)
            self.canvas.drawString(MARGIN + indent, self.y, part)

    def gap(self, height: float = 4.0) -> None:
        self.y -= height

    def _wrap(self, text: str, font: str, size: float, width: float) -> list[str]:
        out: list[str] = []
        for paragraph in text.splitlines() or [""]:
            current = ""
            for word in paragraph.split(" "):
                candidate = f"{current} {word}" if current else word
                if self.canvas.stringWidth(candidate, font, size) <= width:
                    current = candidate
                    continue
                if current:
                    out.append(current)
                while self.canvas.stringWidth(word, font, size) > width:  # a very long token: cut it
                    cut = max(1, int(len(word) * width / self.canvas.stringWidth(word, font, size)))
                    out.append(word[:cut])
                    word = word[cut:]
                current = word
            out.append(current)
        return out

    def finish(self) -> None:
        self._footer()
        self.canvas.showPage()


def render_evidence(document: Mapping[str, Any]) -> bytes:
    """The sealed evidence document as a PDF (the document must carry its digest; see `seal`)."""
    digest = document["digest"]["value"]
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=True)
    order = document["order"]
    canvas.setTitle(f"Evidence for order {order['reference']}")
    canvas.setAuthor(document.get("generator", "parceltrail"))
    canvas.setSubject(SUBJECT_PREFIX + digest)
    canvas.setKeywords(base64.b64encode(canonical_bytes(document)).decode("ascii"))
    w = _Writer(canvas)
    w.line(f"Evidence file: order {order['reference']} (#{order['id']})", size=14, bold=True)
    w.line(f"Generated {document['generated_at']} by {document['generator']} for "
           f"{document['requested_by']['email']} ({document['requested_by']['role']})")
    w.gap()
    w.line("Order", size=11, bold=True)
    w.line(f"Status {order['status']}; total {order['total']}; placed {order['placed_at']}; shipped "
           f"{order['shipped_at'] or '-'}; buyer protection until {order['protection_deadline'] or '-'}")
    w.line(f"Seller: {order['seller']['display_name']} <{order['seller']['email']}>; buyer: "
           f"{order['buyer']['display_name']} <{order['buyer']['email']}>")
    for item in order["items"]:
        w.line(f"{item['quantity']} x {item['description']}", indent=8)
    advice = document.get("advice") or {}
    if advice:
        w.gap()
        w.line("Advice", size=11, bold=True)
        w.line(f"{advice['step']}: {advice['message']}")
    w.gap()
    w.line("Anomalies detected", size=11, bold=True)
    if not document["anomalies"]:
        w.line("none")
    for anomaly in document["anomalies"]:
        w.line(f"{anomaly['tracking_number']}  {anomaly['kind']}: {anomaly['detail']}", indent=8)
    for package in document["packages"]:
        w.gap(8)
        w.line(f"Parcel {package['tracking_number']} ({package['carrier_name'] or package['carrier']}) "
               f"{package['tag']} / {package['subtag']}", size=11, bold=True)
        if len(package["legs"]) > 1:
            w.line("Legs: " + " -> ".join(f"{leg['tracking_number']} ({leg['carrier']})"
                                           for leg in package["legs"]))
        health = package.get("health") or {}
        if health:
            w.line(f"Health: {health['state']}, silent for {health['silence_days']} days")
        w.line("Events (oldest first): occurred at | text | location | retrieved at, from, payload SHA-256",
               size=7.5, bold=True)
        for event in package["events"]:
            payload = event.get("raw_payload") or {}
            w.line(f"{event['occurred_at']}  [{event['subtag'] or 'unclassified'}]  {event['text']}"
                   f"{'  @ ' + event['location'] if event['location'] else ''}", size=7.5)
            w.line(f"retrieved {event['retrieved_at']} from {event['source']}; payload sha256 "
                   f"{payload.get('sha256') or '-'}", size=6.5, indent=10)
    w.gap(8)
    w.line("Verification", size=11, bold=True)
    w.line(f"SHA-256 digest: {digest}", size=8, bold=True)
    w.line(f"The digest covers the {document['digest']['canonicalization']}. That JSON is embedded in this "
           "PDF's metadata (Keywords, base64) and the digest in its Subject. Check with: "
           "parceltrail evidence verify FILE", size=7.5)
    w.finish()
    canvas.save()
    return buffer.getvalue()


def embedded_document(pdf: bytes) -> tuple[dict[str, Any], str]:
    """(the embedded document, the digest stated in the metadata); ValueError when missing or unreadable."""
    keywords = _KEYWORDS.search(pdf)
    subject = _SUBJECT.search(pdf)
    if keywords is None or subject is None:
        raise ValueError("no embedded evidence document")
    raw = re.sub(rb"\\\r?\n|\s", b"", keywords.group(1))
    try:
        document = json.loads(base64.b64decode(raw, validate=True).decode("utf-8"))
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise ValueError("the embedded evidence document is damaged") from None
    if not isinstance(document, dict):
        raise ValueError("the embedded evidence document is damaged")
    stated = subject.group(1).decode("ascii")
    document["digest"] = {"algorithm": "sha256", "value": stated}  # the embedded JSON is the digest's input
    return document, stated


def verify_bytes(data: bytes) -> Verification:
    """Check an evidence JSON file or PDF: the digest recomputed over its content must match."""
    if data.startswith(b"%PDF"):
        try:
            document, stated = embedded_document(data)
        except ValueError as error:
            return Verification(False, f"PDF: {error}")
        result = verify_document(document)
        if result.ok and stated != result.digest:
            return Verification(False, "PDF: the digest in its metadata does not match its content",
                                result.digest)
        return result
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return Verification(False, "neither an evidence PDF nor JSON")
    return verify_document(document)
