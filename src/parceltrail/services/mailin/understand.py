"""Understand a shipping e-mail: which shop, which order, what was bought, for how much, and which
tracking numbers it announces (or replaces).

A number found in the text is kept only when the words just before it call it a tracking number (or
name the carrier); order ids, invoice and phone numbers, prices and postcodes are left out. Forwarded
mail is read through: a message attached to the forward (message/rfc822) is read as the shop's own
mail, and an inline forward's quoted header names the shop.
"""

from __future__ import annotations

import email
import email.policy
import re
from dataclasses import dataclass, field
from email.message import EmailMessage, Message
from email.utils import getaddresses, parseaddr

from parceltrail.numbers import Candidate, extract
from parceltrail.numbers.extract import html_to_text

MAX_NUMBERS = 20
MAX_ITEMS = 20
MAX_TEXT = 200_000  # characters of body text read per message; shipping mails are far shorter

# Words that call the next number a tracking number, in the languages the pages speak (and a few
# more that shops write in).
_TRACKING_WORDS = (
    r"tracking|track|trace|waybill|air\s*waybill|awb|consignment"
    r"|shipment|parcel|package|paket|colis|paquete|pacote|encomenda|env[íi]o|посылк\w*|отправлени\w*"
    r"|rastrei\w*|rastre\w*|отслежива\w*"
    r"|seguimiento|n[úu]mero\s+de\s+(?:seguimiento|rastreo|env[íi]o)|rastreo|gu[íi]a"
    r"|rastreio|rastreamento|c[óo]digo\s+de\s+(?:rastreio|rastreamento|objeto|seguimiento)"
    r"|трек|трек-номер|отслеживани\w*|идентификатор\w*|почтов\w+\s+идентификатор\w*|шпи"
    r"|suivi|sendungsnummer|sendungsverfolgung|paketnummer"
    r"|运单号|运单|物流单号|快递单号|追踪号|跟踪号|物流编号|包裹号|单号|運單號|追跡番号|お問い合わせ番号|伝票番号"
    r"|包裹|追踪|跟踪|查询物流"
)
_CARRIER_WORDS = (
    r"ups|usps|fedex|dhl|tnt|gls|dpd|hermes|royal\s+mail|canada\s+post|la\s+poste|correos|correios"
    r"|cainiao|yunexpress|yanwen|4px|china\s+post|ems|sf\s+express|顺丰|中通|圆通|申通|韵达|京东物流"
    r"|почта\s+россии|сдэк|boxberry|amazon\s+logistics|ontrac|lasership|evri|poste\s+italiane|post\s*nl"
)
# Words that make the next number something else; the nearest word before a number decides.
_OTHER_WORDS = (
    r"order|invoice|receipt|bill|phone|tel|telephone|mobile|fax|zip|postcode|postal\s+code|customer"
    r"|account|sku|item|ref|reference|vat|tax\s+id|iban|card|transaction|payment|coupon|code\s+promo"
    r"|pedido|encomenda|factura|fatura|nota\s+fiscal|recibo|tel[ée]fono|telefone|celular|c[óo]digo\s+postal"
    r"|cep|cpf|cliente|art[íi]culo|produto|cup[óo]n|cupom"
    r"|заказ\w*|сч[её]т\w*|телефон\w*|индекс\w*|артикул\w*|покупател\w*|чек\w*|промокод\w*"
    r"|commande|facture|bestellung|bestellnummer|rechnung"
)
_OTHER_CJK = r"订单|訂單|发票|發票|电话|電話|手机|邮编|郵便番号|注文番号|注文|商品编号|优惠码|交易号|支付"
_CONTEXT = re.compile(
    rf"(?P<track>\b(?:{_TRACKING_WORDS})|运单|单号|追跡|伝票|包裹|追踪|跟踪)|(?P<carrier>\b(?:{_CARRIER_WORDS})\b|顺丰|中通|圆通)"
    rf"|(?P<other>\b(?:{_OTHER_WORDS})\b|{_OTHER_CJK})",
    re.IGNORECASE,
)
_CONTEXT_REACH = 120
_PHRASE_GAP = 6  # characters between a tracking verb and the noun it governs ("track your order")
# An order or invoice word followed by its own number, before the number being judged.
_SPENT = re.compile(r"\W{0,3}(?:[^\W\d]{1,12}\W{1,3}){0,2}#?[A-Z0-9-]*\d[A-Z0-9-]{3,}\b\W+\S", re.IGNORECASE)

# An update announces a new tracking number for the same order.
_UPDATE = re.compile(
    r"(?:changed|updated|new|replaced|corrected)\s+(?:the\s+|your\s+)?tracking"
    r"|tracking\s+(?:number\s+)?(?:has\s+been\s+|was\s+)?(?:changed|updated|replaced)"
    r"|(?:cambi[óo]|actualiz[óo]|nuevo)\s+(?:el\s+)?n[úu]mero\s+de\s+seguimiento"
    r"|n[úu]mero\s+de\s+seguimiento\s+(?:ha\s+)?(?:cambiado|actualizado)"
    r"|(?:alterou|atualizou|novo)\s+(?:o\s+)?c[óo]digo\s+de\s+rastreio|c[óo]digo\s+de\s+rastreio\s+(?:foi\s+)?(?:alterado|atualizado)"
    r"|(?:изменил\w*|обновил\w*|нов\w+)\s+трек|трек-номер\s+(?:был\s+)?изменён|трек-номер\s+изменен"
    r"|(?:更改|更新|变更|修改)了?(?:物流|运单|快递|追踪)?单?号|(?:物流|运单|快递)单号(?:已)?(?:更改|更新|变更|修改)|新的?(?:物流|运单|快递)?单号",
    re.IGNORECASE,
)
_OLD_BEFORE = re.compile(
    r"\b(?:old|previous|former|anterior|antiguo|antigo|старый|прежний|предыдущий)\b|原|旧", re.IGNORECASE
)
_OLD_BETWEEN = re.compile(r"^\W*(?:from|de|do|с|со|从|由)\W*$", re.IGNORECASE)

_ORDER_WORD = r"order|pedido|encomenda|заказ[аеу]?|commande|bestellung|订单|訂單|注文"
_ORDER_NUMBER = re.compile(
    rf"(?:{_ORDER_WORD})\s*(?:number|no\.?|nº|n°|№|#|id|ref(?:erence)?|n[úu]mero|номер|编号|号|番号|ид|n(?=\s))?\s*"
    r"(?:[:：#№]|is|es|é)?\s*(?P<n>#?[A-Z0-9][A-Z0-9-]{2,30}[0-9A-Z])",
    re.IGNORECASE,
)
_AMAZON_ORDER = re.compile(r"\b\d{3}-\d{7}-\d{7}\b")
_EBAY_ORDER = re.compile(r"\b\d{2}-\d{5}-\d{5}\b")
_TEMU_ORDER = re.compile(r"\bPO-\d{3}-\d{10,20}\b")

_SHOPS = (
    ("aliexpress", "AliExpress"),
    ("amazon.", "Amazon"),
    ("ebay.", "eBay"),
    ("temu.", "Temu"),
    ("shein.", "SHEIN"),
    ("myshopify.", None),
    ("shopifyemail.", None),
    ("shopify.", None),
)
_SHOP_NAMES = re.compile(r"\b(AliExpress|Amazon|eBay|Temu|SHEIN)\b", re.IGNORECASE)

_TOTAL = re.compile(
    r"(?:order\s+total|grand\s+total|total\s+paid|total|amount\s+paid|importe\s+total|total\s+do\s+pedido"
    r"|valor\s+total|итого|сумма\s+заказа|сумма|合计|总计|实付款?|订单金额|合計|お支払い金額)"
    r"\s*(?:\([^)]{0,20}\))?\s*[:：]?\s*(?P<amount>[^\n]{1,40})",
    re.IGNORECASE,
)
_CURRENCY_SIGNS = (
    ("US$", "USD"),
    ("US $", "USD"),
    ("R$", "BRL"),
    ("C$", "CAD"),
    ("A$", "AUD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("₽", "RUB"),
    ("руб", "RUB"),
    ("￥", "CNY"),
    ("¥", "CNY"),
    ("元", "CNY"),
    ("円", "JPY"),
    ("$", "USD"),
)
_CURRENCY_CODE = re.compile(r"\b(USD|EUR|GBP|CNY|RMB|RUB|BRL|JPY|CAD|AUD|MXN|ARS|COP|CLP)\b")
_AMOUNT = re.compile(r"\d{1,3}(?:[ ,.\u00a0\u202f]\d{3})*(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?")
_ZERO_DECIMAL = frozenset({"JPY", "CLP"})

_ITEMS_HEADER = re.compile(
    r"^\s*(?:items?(?:\s+ordered|\s+shipped|\s+in\s+this\s+(?:order|shipment|package))?|products?|art[íi]culos?"
    r"|productos?|produtos?|itens|товары|состав\s+заказа|商品(?:信息|清单|明细)?|宝贝|ご注文商品)\s*[:：]?\s*$",
    re.IGNORECASE,
)
_ITEM_LINE = re.compile(
    r"^\s*(?:[-•*·]\s*)?(?:(?P<qty>\d{1,3})\s*[x×]\s+(?P<a>\S.{2,150}?)|(?P<b>\S.{2,150}?)\s+[x×]\s*(?P<qty2>\d{1,3}))"
    r"\s*(?:[-–|]\s*[^\n]{0,30})?$",
    re.IGNORECASE,
)
_ITEM_LABEL = re.compile(
    r"^\s*(?:item|product|art[íi]culo|producto|produto|товар|商品名称|商品|品名)\s*[:：]\s*(?P<t>\S.{2,150})$",
    re.IGNORECASE,
)
_QTY_ALONE = re.compile(r"^\s*(?:[x×]\s*\d{1,3}|qty\s*[:：]?\s*\d{1,3})\s*$", re.IGNORECASE)
_BULLET = re.compile(r"^\s*[-•*·]\s+(?P<t>\S.{2,150})$")

_FORWARD_FROM = re.compile(
    r"^\s*>?\s*(?:from|de|von|от|发件人|寄件者|差出人)\s*[:：]\s*(?P<v>.+)$", re.IGNORECASE | re.MULTILINE
)
_FORWARD_MARK = re.compile(
    r"forwarded\s+message|original\s+message|mensaje\s+reenviado|mensagem\s+encaminhada|пересылаемое\s+сообщение"
    r"|转发的邮件|原始邮件|転送されたメッセージ|^\s*(?:fwd?|rv|enc|tr|wg|пересл)\s*:",
    re.IGNORECASE | re.MULTILINE,
)


@dataclass(slots=True)
class Money:
    minor: int
    currency: str


@dataclass(slots=True)
class FoundNumber:
    number: str
    reading: Candidate
    replaced: bool = False  # an update mail names it as the old number


@dataclass(slots=True)
class ShippingMail:
    """What one e-mail says about a purchase and its parcels."""

    message_id: str | None
    sender: str  # the address that sent (or forwarded) the mail
    subject: str
    shop: str | None = None
    shop_sender: str | None = None  # the shop's own address, from a forwarded mail
    order_number: str | None = None
    items: list[str] = field(default_factory=list)
    total: Money | None = None
    carrier: str | None = None
    numbers: list[FoundNumber] = field(default_factory=list)
    update: bool = False
    forwarded: bool = False

    @property
    def new_numbers(self) -> list[FoundNumber]:
        return [n for n in self.numbers if not n.replaced]

    @property
    def old_numbers(self) -> list[FoundNumber]:
        return [n for n in self.numbers if n.replaced]


def parse_message(data: bytes) -> EmailMessage:
    message = email.message_from_bytes(data, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    return message


def _part_text(part: Message) -> str:
    try:
        body = part.get_content() if isinstance(part, EmailMessage) else part.get_payload(decode=True)
    except (LookupError, ValueError, AssertionError):  # unknown charset or a broken transfer encoding
        payload = part.get_payload(decode=True)
        body = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else str(payload or "")
    if isinstance(body, bytes):
        charset = part.get_content_charset() or "utf-8"
        try:
            body = body.decode(charset, "replace")
        except LookupError:
            body = body.decode("utf-8", "replace")
    text = str(body)
    return html_to_text(text) if part.get_content_type() == "text/html" else text


def _texts(message: Message) -> list[str]:
    """The readable text of a message: per multipart/alternative the plain part (HTML when there is
    none), and every inline text part elsewhere; attached messages are read as messages of their own."""
    if message.get_content_maintype() == "multipart":
        parts = message.get_payload()
        if not isinstance(parts, list):  # a multipart without a usable boundary: read it as text
            return [str(parts or "")]
        if message.get_content_subtype() == "alternative":
            plain = [p for p in parts if p.get_content_type() == "text/plain"]
            html = [p for p in parts if p.get_content_type() == "text/html"]
            others = [p for p in parts if p.get_content_maintype() == "multipart"]
            if others:
                return _texts(others[-1])
            chosen = html[-1] if html and not plain else (plain[-1] if plain else None)
            if chosen is None:
                return []
            text = _part_text(chosen)
            # A plain part that only says "view this mail in a browser" is no body: use the HTML.
            if plain and html and len(text.strip()) < 40:
                text = _part_text(html[-1])
            return [text]
        found: list[str] = []
        for part in parts:
            found.extend(_texts(part))
        return found
    ctype = message.get_content_type()
    if ctype == "message/rfc822":
        inner = message.get_payload()
        inner_message = inner[0] if isinstance(inner, list) else inner
        if isinstance(inner_message, Message):
            subject = str(inner_message.get("subject") or "")
            return [subject, *_texts(inner_message)]
        return []
    if ctype in ("text/plain", "text/html") and message.get_content_disposition() != "attachment":
        return [_part_text(message)]
    return []


def _attached_messages(message: Message) -> list[Message]:
    found = []
    for part in message.walk():
        if part.get_content_type() == "message/rfc822":
            inner = part.get_payload()
            inner_message = inner[0] if isinstance(inner, list) else inner
            if isinstance(inner_message, Message):
                found.append(inner_message)
    return found


def _shop_of(address: str | None, display: str | None = None) -> str | None:
    if not address:
        return None
    domain = address.rsplit("@", 1)[-1].lower()
    for needle, name in _SHOPS:
        if needle in domain or domain.startswith(needle.rstrip(".")):
            if name:
                return name
            # A Shopify shop mails from its own name on myshopify.com or shopify's relay.
            return (display or domain.split(".")[0]).strip() or None
    return None


def _tracking_context(text: str, start: int) -> str:
    """'track' when the nearest word before ``start`` (same line, or the line before when the number
    stands alone) calls it a tracking number or names a carrier; 'other' or '' otherwise."""
    line_start = text.rfind("\n", 0, start) + 1
    lo = line_start
    if not text[line_start:start].strip(" \t:：#-=>|*\u3000"):
        lo = text.rfind("\n", 0, max(line_start - 1, 0)) + 1
        # A table cell's header may sit one more line up ("Tracking number | Carrier").
        if not text[lo:line_start].strip():
            lo = text.rfind("\n", 0, max(lo - 1, 0)) + 1
    lo = max(lo, start - _CONTEXT_REACH)
    verdict = ""
    track_end = -1
    for m in _CONTEXT.finditer(text, lo, start):
        if m.group("other") and _SPENT.match(text, m.end(), start):
            continue  # "order 8223... from LP00... to NX...": the order word already has its number
        if m.group("other") and 0 <= m.start() - track_end <= _PHRASE_GAP:
            continue  # "track your order:", "rastreie seu pedido": one phrase about tracking
        verdict = "other" if m.group("other") else "track"
        if verdict == "track":
            track_end = m.end()
    return verdict


def _is_old(text: str, start: int, previous_end: int) -> bool:
    """In an update mail: is the number at ``start`` the old one ("from X to Y", "old number: X")?"""
    between = text[max(previous_end, start - 60) : start]
    tail = between
    keyword = None
    for m in _CONTEXT.finditer(between):
        if m.group("track"):
            keyword = m
    if keyword is not None:
        tail = between[keyword.end() :]
        before = between[max(0, keyword.start() - 30) : keyword.start()]
        if _OLD_BEFORE.search(before):
            return True
    # Only the words after the last number in between ("order 8223... from X") speak about this one.
    tail = re.split(r"[A-Za-z0-9-]*\d[A-Za-z0-9-]*", tail)[-1]
    return bool(_OLD_BETWEEN.match(tail)) or bool(_OLD_BEFORE.search(tail))


def _numbers(texts: list[str], update: bool) -> list[FoundNumber]:
    found: dict[str, FoundNumber] = {}
    for text in texts:
        previous_end = 0
        for item in extract(text):
            if len(found) >= MAX_NUMBERS:
                break
            if _tracking_context(text, item.start) != "track":
                previous_end = item.end
                continue
            replaced = update and _is_old(text, item.start, previous_end)
            previous_end = item.end
            known = found.get(item.number)
            if known is None:
                found[item.number] = FoundNumber(item.number, item.best, replaced)
            elif not replaced:
                known.replaced = known.replaced and replaced
    return list(found.values())


def _order_number(texts: list[str], shop: str | None, tracking: set[str]) -> str | None:
    joined = "\n".join(texts)
    for pattern, shops in ((_AMAZON_ORDER, {"Amazon"}), (_EBAY_ORDER, {"eBay"}), (_TEMU_ORDER, {"Temu"})):
        if shop in shops or shop is None:
            m = pattern.search(joined)
            if m:
                return m.group(0)
    for m in _ORDER_NUMBER.finditer(joined):
        value = m.group("n").lstrip("#")
        compact = value.replace("-", "")
        if not any(c.isdigit() for c in value) or compact in tracking or value in tracking:
            continue
        return value
    return None


def _money(text: str) -> Money | None:
    currency = None
    for sign, code in _CURRENCY_SIGNS:
        if sign in text:
            currency = code
            break
    m = _CURRENCY_CODE.search(text)
    if m:
        currency = "CNY" if m.group(1) == "RMB" else m.group(1)
    amount = _AMOUNT.search(text)
    if currency is None or amount is None:
        return None
    raw = amount.group(0).replace("\u00a0", " ").replace("\u202f", " ")
    decimals = re.search(r"[.,](\d{1,2})$", raw)
    whole = raw[: decimals.start()] if decimals else raw
    whole_digits = re.sub(r"\D", "", whole)
    if not whole_digits:
        return None
    cents = (decimals.group(1).ljust(2, "0")) if decimals else "00"
    if currency in _ZERO_DECIMAL:
        return Money(int(whole_digits), currency)
    return Money(int(whole_digits) * 100 + int(cents), currency)


def _total(texts: list[str]) -> Money | None:
    best = None
    for text in texts:
        for m in _TOTAL.finditer(text):
            money = _money(m.group("amount"))
            if money is not None:
                best = money  # the last total is the grand total after subtotal and shipping
    return best


def _items(texts: list[str]) -> list[str]:
    items: list[str] = []

    def add(title: str) -> None:
        title = " ".join(title.split()).strip(" -–|")
        if title and title not in items and len(items) < MAX_ITEMS and any(c.isalpha() for c in title):
            items.append(title[:150])

    for text in texts:
        lines = text.splitlines()
        in_list = False
        previous = ""
        for line in lines:
            if _QTY_ALONE.match(line) and previous:
                add(previous)  # a table row turned into lines: the title, then "x2" in its own cell
                continue
            if line.strip():
                previous = line
            if _ITEMS_HEADER.match(line):
                in_list = True
                continue
            m = _ITEM_LINE.match(line)
            if m:
                add(m.group("a") or m.group("b") or "")
                continue
            m = _ITEM_LABEL.match(line)
            if m:
                add(m.group("t"))
                continue
            if in_list:
                bullet = _BULLET.match(line)
                if bullet:
                    add(bullet.group("t"))
                elif line.strip():
                    in_list = False
    return items


def _carrier(texts: list[str], numbers: list[FoundNumber]) -> str | None:
    if numbers:
        return numbers[-1].reading.carrier
    for text in texts:
        for m in _CONTEXT.finditer(text):
            if m.group("carrier"):
                return m.group("carrier")
    return None


def understand(data: bytes) -> ShippingMail:
    """Everything the mail says about an order and its parcels (nothing when it says nothing)."""
    message = parse_message(data)
    sender_name, sender = parseaddr(str(message.get("from") or ""))
    subject = " ".join(str(message.get("subject") or "").split())
    message_id = str(message.get("message-id") or "").strip() or None
    texts = [subject, *_texts(message)]
    texts = [t[:MAX_TEXT] for t in texts if t]
    mail = ShippingMail(message_id=message_id, sender=sender.lower(), subject=subject[:255])

    # Who the shop is: an attached original's From, else a quoted From in an inline forward, else
    # the sender itself (the shop mailed the user directly, read from a mailbox).
    attached = _attached_messages(message)
    candidates: list[tuple[str, str]] = []
    for inner in attached:
        name, address = parseaddr(str(inner.get("from") or ""))
        candidates.append((name, address))
    body = "\n".join(texts[1:])
    if _FORWARD_MARK.search(subject) or _FORWARD_MARK.search(body):
        mail.forwarded = True
        for m in _FORWARD_FROM.finditer(body):
            candidates.extend(getaddresses([m.group("v")]))
    mail.forwarded = mail.forwarded or bool(attached)
    candidates.append((sender_name, sender))
    for name, address in candidates:
        shop = _shop_of(address, name)
        if shop:
            mail.shop, mail.shop_sender = shop, address.lower()
            break
    if mail.shop is None:
        m = _SHOP_NAMES.search("\n".join(texts))
        if m:
            mail.shop = next(n for _, n in _SHOPS if n and n.lower() == m.group(1).lower())
    if mail.shop is None and candidates and mail.forwarded and candidates[0][1]:
        name, address = candidates[0]
        mail.shop = (name or address.rsplit("@", 1)[-1]).strip()[:64] or None

    mail.update = any(_UPDATE.search(text) for text in texts)
    mail.numbers = _numbers(texts, mail.update)
    tracking = {n.number for n in mail.numbers}
    mail.order_number = _order_number(texts, mail.shop, tracking)
    mail.items = _items(texts[1:])
    mail.total = _total(texts[1:])
    mail.carrier = _carrier(texts, mail.new_numbers)
    return mail
