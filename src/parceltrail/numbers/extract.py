"""Find tracking numbers in free text and e-mails, leaving order numbers, phones, prices alone."""

from __future__ import annotations

import email
import email.policy
import re
from dataclasses import dataclass
from email.message import EmailMessage
from html.parser import HTMLParser

from parceltrail.numbers.detect import Candidate, detect_normalized
from parceltrail.numbers.normalize import InvalidNumberError, normalize

# Runs of letters/digits, ASCII or full-width (Chinese and Japanese pages use full-width digits).
_TOKEN = re.compile(r"[0-9A-Za-z\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+")
# A single separator that may sit inside a printed number ("9400 1112 0108", "RB 123 456 785 GB").
_JOINERS = frozenset(" -\u00a0\u2007\u202f\u3000")
_MAX_WINDOW = 40
_MAX_TOKENS = 8

# Words that announce a tracking number, in the languages shoppers paste from.
_POSITIVE = (
    r"track(?:ing)?|trace|tracking\s*(?:no|number|id|code)|shipment|waybill|air\s*waybill|awb|consignment"
    r"|parcel|package|colis|suivi|num[ée]ro\s+de\s+suivi|sendungs?(?:nummer|verfolgung)|paketnummer"
    r"|sendung|rastreio|rastreamento|c[óo]digo\s+de\s+rastreio|seguimiento|env[íi]o|tracciamento"
    r"|spedizione|трек|отслеживани\w*|почтов\w*|物流单号|运单号|快递单号|追踪号|跟踪号|物流|快递"
    r"|追跡番号|お問い合わせ番号|配送|송장번호|운송장|przesyłk\w*|zásilk\w*|verzending|zending"
)
_NEGATIVE = (
    r"order|invoice|bestell\w*|rechnung|commande|facture|pedido|factura|fattura|ordine|заказ\w*|счет"
    r"|phone|tel|telefon\w*|téléphone|fax|mobile|cell|zip|postcode|postal\s+code|plz|cep|customer"
    r"|account|sku|item\s*(?:no|number)|ref(?:erence)?|iban|vat|ust"
)
# CJK words have no \b boundaries inside a sentence, so they are matched bare.
_NEGATIVE_CJK = r"订单|訂單|發票|发票|注文番号|주문|电话|電話|手机|邮编|郵便番号"
_CONTEXT = re.compile(
    rf"(?P<pos>{_POSITIVE})|(?P<neg>\b(?:{_NEGATIVE})\b|{_NEGATIVE_CJK})", re.IGNORECASE
)
_DIGIT = re.compile(r"[0-9\uff10-\uff19]")
_CONTEXT_REACH = 80  # characters before a number that a context word may be
_CURRENCY = frozenset("$€£¥₹₽¢₩")


@dataclass(frozen=True)
class ExtractedNumber:
    """A tracking number found in text: where it is, how it was printed, and its readings."""

    number: str
    start: int
    end: int
    text: str
    candidates: tuple[Candidate, ...]
    source: str | None = None

    @property
    def best(self) -> Candidate:
        return self.candidates[0]


def _verdict(text: str, start: int) -> int:
    """+1 when a tracking word is the nearest context before ``start``, -1 for an order/phone word.

    Only words in the same sentence or line count (or the line before, for a number on its own).
    Searched per candidate, not over the whole text: numbers are rare, text is long.
    """
    boundary = _boundary(text, start)
    if not text[boundary:start].strip(" \t:：#-=>|*\u3000"):
        boundary = _boundary(text, max(boundary - 1, 0))
    verdict = 0
    for m in _CONTEXT.finditer(text, max(boundary, 0), start):
        verdict = 1 if m.group("pos") else -1  # the last (nearest) word wins
    return verdict


def _boundary(text: str, start: int) -> int:
    lo = max(0, start - _CONTEXT_REACH)
    return max(text.rfind("\n", lo, start), text.rfind(". ", lo, start), text.rfind("。", lo, start), lo - 1)


def _accept(best: Candidate, has_letters: bool, length: int, verdict: int) -> bool:
    if best.checksum == "failed":
        return False
    strong = best.confidence >= 0.75
    if has_letters:
        return strong or verdict > 0 or (best.checksum == "passed" and verdict == 0)
    # Purely numeric: order numbers, phones and dates look like this, so ask for more evidence.
    if verdict < 0:
        return False
    if verdict > 0:
        return True
    return best.checksum == "passed" and length >= 12 and strong


_DECIMAL_AFTER = re.compile(r"[.,:/]\d")


def _looks_like_amount_or_phone(text: str, start: int, end: int, numeric: bool) -> bool:
    before = text[max(0, start - 2) : start]
    if any(c in _CURRENCY for c in before) or text[end : end + 1] in _CURRENCY:
        return True
    if not numeric:
        return False
    # "12.99", "1,250.00", "12:30", "05/01": decimals, times and dates go on after the digits;
    # "+49 ..." and "(030) ..." open phone numbers.
    previous = text[max(0, start - 1) : start]
    return bool(_DECIMAL_AFTER.match(text, end)) or previous in {"+", "(", "/", ".", ","}


def extract(text: str, *, source: str | None = None) -> list[ExtractedNumber]:
    """Every tracking number in ``text`` with its character span and candidate readings."""
    if not isinstance(text, str):
        raise TypeError("extract() takes text; use extract_from_email() for raw messages")
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    found: list[ExtractedNumber] = []
    i = 0
    while i < len(tokens):
        start, end = tokens[i]
        first = text[start:end]
        # Numbers start with a digit or a short upper-case prefix ("1Z", "RB", "TBA", "LP").
        if not ((len(first) <= 5 and first.isupper()) or _DIGIT.search(first)):
            i += 1
            continue
        # The tail of a dashed group ("112-3456789-1234567") is not a number of its own.
        if i and tokens[i - 1][1] == start - 1 and text[start - 1] == "-":
            i += 1
            continue
        # Windows of tokens joined by single separators, longest first; a lower-case word ends them.
        windows = [i]
        j = i
        lower_ok = first.islower()
        while j + 1 < len(tokens) and j + 1 - i < _MAX_TOKENS:
            gap_start, gap_end = tokens[j][1], tokens[j + 1][0]
            if gap_end - gap_start != 1 or text[gap_start] not in _JOINERS:
                break
            following = text[gap_end : tokens[j + 1][1]]
            if following.isalpha() and following.islower() and not lower_ok:
                break
            if tokens[j + 1][1] - start > _MAX_WINDOW + _MAX_TOKENS:
                break
            j += 1
            windows.append(j)
        accepted = False
        for last in reversed(windows):
            w_end = tokens[last][1]
            raw = text[start:w_end]
            try:
                n = normalize(raw)
            except InvalidNumberError:
                continue
            if len(n) < 8 or not any(c.isdigit() for c in n):
                continue
            candidates = detect_normalized(n)
            if not candidates or candidates[0].checksum == "failed":
                continue
            verdict = _verdict(text, start)
            if _looks_like_amount_or_phone(text, start, w_end, n.isdigit()):
                continue
            if _accept(candidates[0], not n.isdigit(), len(n), verdict):
                good = tuple(c for c in candidates if c.checksum != "failed")
                found.append(ExtractedNumber(n, start, w_end, raw, good, source))
                i = last + 1
                accepted = True
                break
        if not accepted:
            i += 1
    return found


class _HTMLText(HTMLParser):
    """Visible text of an HTML part, with block elements turned into line breaks."""

    _BLOCK = frozenset({"br", "p", "div", "tr", "li", "td", "th", "h1", "h2", "h3", "h4", "table", "hr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "head"):
            self._skip += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "head"):
            self._skip = max(0, self._skip - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    parser = _HTMLText()
    parser.feed(markup)
    parser.close()
    return "".join(parser.parts)  # entities are already decoded (convert_charrefs)


# The standard library parses nested MIME recursively: a message nested a few hundred levels deep would
# exhaust the stack. Real mail nests a handful of levels; past this it is read as plain text.
MAX_MULTIPART_SECTIONS = 64


def _as_plain_text(message: bytes | str) -> list[ExtractedNumber]:
    text = message.decode("utf-8", "replace") if isinstance(message, bytes) else message
    seen: set[str] = set()
    unique = []
    for item in extract(text, source="text"):
        if item.number not in seen:
            seen.add(item.number)
            unique.append(item)
    return unique


def extract_from_email(message: bytes | str) -> list[ExtractedNumber]:
    """Tracking numbers in an e-mail (RFC 822 / .eml): subject, text and HTML parts, deduplicated. A message
    too deeply nested to parse safely is scanned as plain text instead."""
    marker = b"multipart/" if isinstance(message, bytes) else "multipart/"
    if message.lower().count(marker) > MAX_MULTIPART_SECTIONS:  # type: ignore[arg-type]
        return _as_plain_text(message)
    try:
        return _from_parsed_email(message)
    except RecursionError:
        return _as_plain_text(message)


def _from_parsed_email(message: bytes | str) -> list[ExtractedNumber]:
    if isinstance(message, bytes):
        msg = email.message_from_bytes(message, policy=email.policy.default)
    else:
        msg = email.message_from_string(message, policy=email.policy.default)
    found: list[ExtractedNumber] = []
    seen: set[str] = set()

    def take(items: list[ExtractedNumber]) -> None:
        for item in items:
            if item.number not in seen:
                seen.add(item.number)
                found.append(item)

    subject = msg.get("subject")
    if subject:
        take(extract(str(subject), source="subject"))
    parts = msg.walk() if msg.is_multipart() else [msg]
    for index, part in enumerate(parts):
        ctype = part.get_content_type()
        if ctype not in ("text/plain", "text/html") or part.get_content_disposition() == "attachment":
            continue
        try:
            body = part.get_content() if isinstance(part, EmailMessage) else part.get_payload(decode=True)
        except (LookupError, ValueError):  # unknown charset or broken transfer encoding
            payload = part.get_payload(decode=True)
            body = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else str(payload)
        if isinstance(body, bytes):
            body = body.decode("utf-8", "replace")
        text = html_to_text(body) if ctype == "text/html" else body
        take(extract(text, source=f"part {index} ({ctype})"))
    return found
