"""Canonical delivery-status model: AfterShip's 2026-07 tags and subtags.

Labelling conventions
---------------------
The rules of every language, the learned fallback and the benchmark labels follow the written
labelling rules of the shared carrier-event corpus ("Labelling rules (short)" in its README). Where
wording is open to more than one reading, a concept gets this subtag:

* C1 Return started, under way or announced (a return noun, "returning", "will be returned", "sent
  back"): Exception_010.
* C2 A perfect "returned to sender" that does not say the sender has it: not unified yet; each
  language's rules keep their reading (Exception_010 in most, Exception_011 for the perfect forms
  of pt, ru, it and zh).
* C3 Back with the sender (delivered, handed or received back, "return completed"): Exception_011.
* C4 A return that states its cause ("<cause>, returned/returning to sender", in either order):
  Exception_010, the return outranks the cause. Refused at acceptance stays Exception_009, since
  the parcel never shipped.
* C5 Delivered to a pickup point, parcel shop or public locker: AvailableForPickup_001 (a private
  locker or mailbox is Delivered_001).
* C6 Handed out at a counter, branch, pickup point or locker: Delivered_002; a handover that names no
  place: Delivered_001.
* C7 Sorted, processed, or ready to leave ("完成分拣，准备发往"): InTransit_001; departed, left or
  dispatched: InTransit_007.
* C8 ja 配送中 / ko 배송중 (shipping in progress): InTransit_001; ja 配達中 / ko 배달중 (door delivery under
  way): OutForDelivery_001. In Chinese 配送中/派送中 stays OutForDelivery_001.
* C9 A notice that the parcel waits at a counter ("Awizo", "Доставлено извещение"):
  AvailableForPickup_001; a failed attempt with a notice left stays AttemptFail.
* C10 Brought back to the depot with no cause (ja 持戻り): AttemptFail_001; AttemptFail_002 only when
  the addressee's absence is stated.
* C11 Received at a courier branch or depot ("przyjęta w oddziale"): InTransit_003; posted or handed
  in by the sender: InTransit_002.
* C12 At a transfer or sorting centre as a bare location: InTransit_003.
* C13 Being prepared by the sender: InfoReceived_001.
* C14 A delivery day or window the carrier forecasts or announces on its own ("expected delivery
  tomorrow", "will be delivered on Friday", "voraussichtlich morgen", "prévue demain", "entrega
  prevista", "배송 예정", "お届け予定日", "预计明天送达", "Planowana dostawa: jutro"):
  InTransit_001; a forecast attached to a stated movement is that movement. An appointment arranged
  with, chosen by or changed at the request of the recipient, or a rescheduled or booked delivery
  ("rendez-vous", "delivery appointment", "entrega concertada/agendada/programada", "nowa data
  doręczenia (decyzja Odbiorcy)", "配達希望受付", "rescheduled", "delivery moved to <day>"), and a
  repeated attempt planned after a failed one ("Ponowna próba doręczenia jutro"):
  OutForDelivery_004. A forecast for today, a window today or an estimate given while the parcel is
  on the delivery round: OutForDelivery_001.
* C15 The addressee moved away ("verzogen", "flyttet", "muuttanut", "転居", "搬家"): Exception_002, in every
  language; an address that is wrong, incomplete or unknown, or nobody of that name there: Exception_007.
* C16 zh 签收/簽收 (signed for) is the carriers' everyday word for a completed delivery, with or without a
  signature: a plain "已签收", a signing by a proxy (前台, 门卫, 保安, 物业, 家人, 同事, a shop or company,
  代收/代签) or by a photo ("拍照签收"): Delivered_001. Signed by the addressee in person ("本人签收",
  "签收人：本人", the addressee's own name as signer, "草签"): Delivered_003. Collected with a pickup code or
  at a station or locker: Delivered_002 (C6); left at a locker or station for collection:
  AvailableForPickup_001 (C5). Other languages keep "signed for" as Delivered_003 where a signature is
  stated.
* C17 An address outside the carrier's delivery or service area ("超区", "sin cobertura", "fora da área de
  cobertura", "außerhalb des Zustellgebiets"): Exception_001, in every language; the address itself is not
  wrong (Exception_007) and the shipment was not refused as non-compliant (Exception_009).

Every carrier event is placed on one `Tag` and one `Subtag`. Helpers answer the
questions the rest of the system asks about a status: its parent tag, whether it
ends tracking, whether the parcel is in customs, where it sits on a progress line,
and what 17TRACK (API v2) calls it.

Subtag descriptions are short paraphrases of AfterShip's published list; the
Pending_002..006 descriptions are our own wording (AfterShip's page gives few words).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Tag(StrEnum):
    """AfterShip delivery status (the "tag")."""

    Pending = "Pending"
    InfoReceived = "InfoReceived"
    InTransit = "InTransit"
    OutForDelivery = "OutForDelivery"
    AttemptFail = "AttemptFail"
    Delivered = "Delivered"
    AvailableForPickup = "AvailableForPickup"
    Exception = "Exception"
    Expired = "Expired"


class Subtag(StrEnum):
    """AfterShip delivery sub-status code; the prefix before `_` is its `Tag`."""

    Pending_001 = "Pending_001"
    Pending_002 = "Pending_002"
    Pending_003 = "Pending_003"
    Pending_004 = "Pending_004"
    Pending_005 = "Pending_005"
    Pending_006 = "Pending_006"
    InfoReceived_001 = "InfoReceived_001"
    InTransit_001 = "InTransit_001"
    InTransit_002 = "InTransit_002"
    InTransit_003 = "InTransit_003"
    InTransit_004 = "InTransit_004"
    InTransit_005 = "InTransit_005"
    InTransit_006 = "InTransit_006"
    InTransit_007 = "InTransit_007"
    InTransit_008 = "InTransit_008"
    InTransit_009 = "InTransit_009"
    OutForDelivery_001 = "OutForDelivery_001"
    OutForDelivery_003 = "OutForDelivery_003"
    OutForDelivery_004 = "OutForDelivery_004"
    AttemptFail_001 = "AttemptFail_001"
    AttemptFail_002 = "AttemptFail_002"
    AttemptFail_003 = "AttemptFail_003"
    Delivered_001 = "Delivered_001"
    Delivered_002 = "Delivered_002"
    Delivered_003 = "Delivered_003"
    Delivered_004 = "Delivered_004"
    Delivered_005 = "Delivered_005"
    AvailableForPickup_001 = "AvailableForPickup_001"
    Exception_001 = "Exception_001"
    Exception_002 = "Exception_002"
    Exception_003 = "Exception_003"
    Exception_004 = "Exception_004"
    Exception_005 = "Exception_005"
    Exception_006 = "Exception_006"
    Exception_007 = "Exception_007"
    Exception_008 = "Exception_008"
    Exception_009 = "Exception_009"
    Exception_010 = "Exception_010"
    Exception_011 = "Exception_011"
    Exception_012 = "Exception_012"
    Exception_013 = "Exception_013"
    Exception_016 = "Exception_016"
    Exception_017 = "Exception_017"
    Exception_018 = "Exception_018"
    Exception_019 = "Exception_019"
    Exception_020 = "Exception_020"
    Exception_021 = "Exception_021"
    Expired_001 = "Expired_001"

    @property
    def tag(self) -> Tag:
        return _SUBTAG_TAG[self._value_]  # keyed by the plain str: Enum.__hash__ is slow


_SUBTAG_TAG: dict[str, Tag] = {s.value: Tag(s.value.split("_", 1)[0]) for s in Subtag}


@dataclass(frozen=True, slots=True)
class SubtagInfo:
    """One subtag with AfterShip's short name and a one-line description."""

    code: Subtag
    tag: Tag
    name: str
    description: str


def _info(code: Subtag, name: str, description: str) -> SubtagInfo:
    return SubtagInfo(code, code.tag, name, description)


S = Subtag
# Ordered like AfterShip's list within each tag; `_001` is always the generic one.
SUBTAGS: dict[Subtag, SubtagInfo] = {
    i.code: i
    for i in (
        _info(S.Pending_001, "Pending", "New shipment added; no tracking information yet"),
        _info(S.Pending_002, "Pending (awaiting first scan)", "Carrier knows the number but has no scan yet"),
        _info(S.Pending_003, "Pending (carrier busy)", "Carrier could not be queried; will retry"),
        _info(S.Pending_004, "Pending (not found)", "Carrier does not recognise the tracking number yet"),
        _info(S.Pending_005, "Pending (carrier unknown)", "Carrier for this number is not identified"),
        _info(S.Pending_006, "Pending (not yet shipped)", "Order is being prepared for shipment"),
        _info(S.InfoReceived_001, "Info Received", "Carrier has the shipper's data; pickup is pending"),
        _info(S.InTransit_001, "In Transit", "Shipment on the way"),
        _info(S.InTransit_002, "Picked up", "Carrier accepted or picked up the shipment from the shipper"),
        _info(S.InTransit_003, "Arrival scan", "Shipment arrived at a hub or sorting centre"),
        _info(S.InTransit_004, "Arrived at destination country", "Arrived in the destination country"),
        _info(S.InTransit_005, "Customs clearance completed", "Customs released the shipment"),
        _info(S.InTransit_006, "Customs clearance started", "Shipment handed to customs for clearance"),
        _info(S.InTransit_007, "Departure scan", "Shipment left a facility"),
        _info(S.InTransit_008, "Problem resolved", "An earlier exception was resolved; back in transit"),
        _info(S.InTransit_009, "Forwarded", "Sent on to another address or pickup point"),
        _info(S.OutForDelivery_001, "Out for Delivery", "Shipment is on its way to the recipient today"),
        _info(S.OutForDelivery_003, "Customer contacted", "Carrier contacted the recipient before delivery"),
        _info(S.OutForDelivery_004, "Delivery appointment scheduled", "A delivery appointment was arranged"),
        _info(S.AttemptFail_001, "Failed Attempt", "Delivery attempted but failed; carrier usually retries"),
        _info(S.AttemptFail_002, "Addressee not available", "Nobody was available to receive the shipment"),
        _info(S.AttemptFail_003, "Business Closed", "Business was closed at the delivery attempt"),
        _info(S.Delivered_001, "Delivered", "Shipment delivered successfully"),
        _info(S.Delivered_002, "Picked up by the customer", "Recipient collected the shipment"),
        _info(S.Delivered_003, "Sign by customer", "Delivered and signed for by the recipient"),
        _info(S.Delivered_004, "Delivered and received cash on delivery", "Delivered, COD collected"),
        _info(S.Delivered_005, "Delivered to neighbor", "Shipment left with a neighbour"),
        _info(S.AvailableForPickup_001, "Available for pickup", "Shipment is waiting at a pickup point"),
        _info(S.Exception_001, "Exception", "Delivery failed due to a shipping exception"),
        _info(S.Exception_002, "Customer moved", "Delivery failed; the recipient relocated"),
        _info(S.Exception_003, "Customer refused delivery", "Recipient refused the shipment"),
        _info(S.Exception_004, "Delayed (Customs clearance)", "Delayed by an issue during customs clearance"),
        _info(S.Exception_005, "Delayed (External factors)", "Delayed for unforeseen reasons"),
        _info(S.Exception_006, "Held for payment", "Held until the recipient pays (e.g. duties)"),
        _info(S.Exception_007, "Incorrect Address", "Not delivered; address incorrect or incomplete"),
        _info(S.Exception_008, "Pick up missed", "Not collected from the pickup point in time"),
        _info(S.Exception_009, "Rejected by carrier", "Carrier rejected it (non-compliant/prohibited)"),
        _info(S.Exception_010, "Returning to sender", "Shipment is on its way back to the sender"),
        _info(S.Exception_011, "Returned to sender", "Shipment was received back by the sender"),
        _info(S.Exception_012, "Shipment damage", "Shipment damaged"),
        _info(S.Exception_013, "Shipment lost", "Shipment lost"),
        _info(S.Exception_016, "Delayed (Processing issue)", "Delayed by a carrier-network problem"),
        _info(S.Exception_017, "Delayed (Extreme weather)", "Delayed by extreme weather"),
        _info(S.Exception_018, "Incorrect / missing documents", "On hold: documents missing or incorrect"),
        _info(S.Exception_019, "Delayed (Late flight)", "Delayed by a late or rescheduled flight"),
        _info(S.Exception_020, "Shipment cancelled", "Shipment voided or cancelled by sender or carrier"),
        _info(S.Exception_021, "Shipment disposed", "Shipment destroyed or discarded"),
        _info(S.Expired_001, "Expired", "No tracking update for a long time; tracking stopped"),
    )
}
del S

_TAG_VALUES = frozenset(t.value for t in Tag)
_BY_TAG: dict[Tag, tuple[Subtag, ...]] = {
    tag: tuple(code for code in SUBTAGS if code.tag is tag) for tag in Tag
}


def _subtag(subtag: str) -> Subtag:
    try:
        return Subtag(subtag)
    except ValueError:
        raise ValueError(f"unknown AfterShip subtag: {subtag!r}") from None


def subtags_of(tag: Tag | str) -> tuple[Subtag, ...]:
    """All subtags of `tag`, generic `_001` first."""
    return _BY_TAG[Tag(tag)]


def tag_of(subtag: Subtag | str) -> Tag:
    """Parent tag of a subtag ("InTransit_004" -> Tag.InTransit)."""
    return _subtag(subtag).tag


def default_subtag(tag: Tag | str) -> Subtag:
    """The generic `_001` subtag of a tag."""
    return _BY_TAG[Tag(tag)][0]


def subtag_info(subtag: Subtag | str) -> SubtagInfo:
    return SUBTAGS[_subtag(subtag)]


# Terminal = tracking can stop: the parcel will not move again on this number.
# Returned-to-sender (Exception_011), cancelled (020) and disposed (021) end the
# journey; returning (010) and lost (013) do not (the parcel can still move or be found).
_TERMINAL_SUBTAGS = frozenset({Subtag.Exception_011, Subtag.Exception_020, Subtag.Exception_021})
_TERMINAL_TAGS = frozenset({Tag.Delivered, Tag.Expired})


def is_terminal(status: Tag | Subtag | str) -> bool:
    """True for Delivered, Expired and the final exceptions (returned, cancelled, disposed).

    Accepts a tag or a subtag; a bare `Tag.Exception` is not terminal (most exceptions are not).
    """
    if status in _TAG_VALUES:
        return Tag(status) in _TERMINAL_TAGS
    code = _subtag(status)
    return code.tag in _TERMINAL_TAGS or code in _TERMINAL_SUBTAGS


class CustomsState(StrEnum):
    """Where a parcel stands with customs, as far as one subtag tells."""

    clearing = "clearing"  # handed to customs, normal processing
    held = "held"  # delayed or stopped: documents, inspection, duties
    released = "released"


_CUSTOMS: dict[Subtag, CustomsState] = {
    Subtag.InTransit_006: CustomsState.clearing,
    Subtag.Exception_004: CustomsState.held,
    Subtag.Exception_018: CustomsState.held,
    Subtag.InTransit_005: CustomsState.released,
}


def customs_state(subtag: Subtag | str) -> CustomsState | None:
    """Customs meaning of a subtag, or None when it says nothing about customs."""
    return _CUSTOMS.get(_subtag(subtag))


def is_customs(subtag: Subtag | str) -> bool:
    """True while the parcel is *in* customs (clearing or held); released is not 'in customs'."""
    return customs_state(subtag) in (CustomsState.clearing, CustomsState.held)


# Step on a 5-step UI progress line: 0 not yet known, 1 label/info, 2 moving,
# 3 last mile (out for delivery, failed attempt, waiting at pickup point), 4 delivered.
# Exceptions stay on the "moving" step (the UI colours it); Expired falls back to 0.
PROGRESS_STEPS = 5
_PROGRESS: dict[Tag, int] = {
    Tag.Pending: 0,
    Tag.Expired: 0,
    Tag.InfoReceived: 1,
    Tag.InTransit: 2,
    Tag.Exception: 2,
    Tag.OutForDelivery: 3,
    Tag.AttemptFail: 3,
    Tag.AvailableForPickup: 3,
    Tag.Delivered: 4,
}


def progress_rank(status: Tag | Subtag | str) -> int:
    """Progress-line step (0..4) of a tag or subtag."""
    tag = Tag(status) if status in _TAG_VALUES else tag_of(status)
    return _PROGRESS[tag]


# --- 17TRACK API v2 (main status, sub status) ---------------------------------------------

_TO_17TRACK: dict[Subtag, tuple[str, str]] = {
    **{s: ("NotFound", "NotFound_Other") for s in _BY_TAG[Tag.Pending]},
    Subtag.InfoReceived_001: ("InfoReceived", "InfoReceived"),
    Subtag.InTransit_001: ("InTransit", "InTransit_Other"),
    Subtag.InTransit_002: ("InTransit", "InTransit_PickedUp"),
    Subtag.InTransit_003: ("InTransit", "InTransit_Arrival"),
    Subtag.InTransit_004: ("InTransit", "InTransit_Arrival"),
    Subtag.InTransit_005: ("InTransit", "InTransit_CustomsReleased"),
    Subtag.InTransit_006: ("InTransit", "InTransit_CustomsProcessing"),
    Subtag.InTransit_007: ("InTransit", "InTransit_Departure"),
    Subtag.InTransit_008: ("InTransit", "InTransit_Other"),
    Subtag.InTransit_009: ("InTransit", "InTransit_Other"),
    **{s: ("OutForDelivery", "OutForDelivery_Other") for s in _BY_TAG[Tag.OutForDelivery]},
    Subtag.AttemptFail_001: ("DeliveryFailure", "DeliveryFailure_Other"),
    Subtag.AttemptFail_002: ("DeliveryFailure", "DeliveryFailure_NoBody"),
    Subtag.AttemptFail_003: ("DeliveryFailure", "DeliveryFailure_NoBody"),
    **{s: ("Delivered", "Delivered_Other") for s in _BY_TAG[Tag.Delivered]},
    Subtag.AvailableForPickup_001: ("AvailableForPickup", "AvailableForPickup_Other"),
    Subtag.Exception_001: ("Exception", "Exception_Other"),
    Subtag.Exception_002: ("Exception", "Exception_Other"),
    Subtag.Exception_003: ("Exception", "Exception_Rejected"),
    Subtag.Exception_004: ("Exception", "Exception_Delayed"),
    Subtag.Exception_005: ("Exception", "Exception_Delayed"),
    Subtag.Exception_006: ("Exception", "Exception_Other"),
    Subtag.Exception_007: ("DeliveryFailure", "DeliveryFailure_InvalidAddress"),
    Subtag.Exception_008: ("Exception", "Exception_NoBody"),
    Subtag.Exception_009: ("Exception", "Exception_Security"),
    Subtag.Exception_010: ("Exception", "Exception_Returning"),
    Subtag.Exception_011: ("Exception", "Exception_Returned"),
    Subtag.Exception_012: ("Exception", "Exception_Damage"),
    Subtag.Exception_013: ("Exception", "Exception_Lost"),
    Subtag.Exception_016: ("Exception", "Exception_Delayed"),
    Subtag.Exception_017: ("Exception", "Exception_Delayed"),
    Subtag.Exception_018: ("InTransit", "InTransit_CustomsRequiringInformation"),
    Subtag.Exception_019: ("Exception", "Exception_Delayed"),
    Subtag.Exception_020: ("Exception", "Exception_Cancel"),
    Subtag.Exception_021: ("Exception", "Exception_Destroyed"),
    Subtag.Expired_001: ("Expired", "Expired_Other"),
}

# 17TRACK sub status -> our subtag, where several of ours share one of theirs the
# most general is chosen; main statuses without a listed sub fall back via _17TRACK_MAIN.
_FROM_17TRACK_SUB: dict[str, Subtag] = {
    "NotFound_Other": Subtag.Pending_001,
    "NotFound_InvalidCode": Subtag.Pending_004,
    "InfoReceived": Subtag.InfoReceived_001,
    "InTransit_PickedUp": Subtag.InTransit_002,
    "InTransit_Departure": Subtag.InTransit_007,
    "InTransit_Arrival": Subtag.InTransit_003,
    "InTransit_CustomsProcessing": Subtag.InTransit_006,
    "InTransit_CustomsReleased": Subtag.InTransit_005,
    "InTransit_CustomsRequiringInformation": Subtag.Exception_018,
    "InTransit_Other": Subtag.InTransit_001,
    "Expired_Other": Subtag.Expired_001,
    "AvailableForPickup_Other": Subtag.AvailableForPickup_001,
    "OutForDelivery_Other": Subtag.OutForDelivery_001,
    "DeliveryFailure_Other": Subtag.AttemptFail_001,
    "DeliveryFailure_NoBody": Subtag.AttemptFail_002,
    "DeliveryFailure_Security": Subtag.AttemptFail_001,
    "DeliveryFailure_Rejected": Subtag.Exception_003,
    "DeliveryFailure_InvalidAddress": Subtag.Exception_007,
    "Delivered_Other": Subtag.Delivered_001,
    "Exception_Returning": Subtag.Exception_010,
    "Exception_Returned": Subtag.Exception_011,
    "Exception_NoBody": Subtag.Exception_008,
    "Exception_Security": Subtag.Exception_009,
    "Exception_Damage": Subtag.Exception_012,
    "Exception_Rejected": Subtag.Exception_003,
    "Exception_Delayed": Subtag.Exception_005,
    "Exception_Lost": Subtag.Exception_013,
    "Exception_Destroyed": Subtag.Exception_021,
    "Exception_Cancel": Subtag.Exception_020,
    "Exception_Other": Subtag.Exception_001,
}

_17TRACK_MAIN: dict[str, Subtag] = {
    "NotFound": Subtag.Pending_001,
    "InfoReceived": Subtag.InfoReceived_001,
    "InTransit": Subtag.InTransit_001,
    "Expired": Subtag.Expired_001,
    "AvailableForPickup": Subtag.AvailableForPickup_001,
    "OutForDelivery": Subtag.OutForDelivery_001,
    "DeliveryFailure": Subtag.AttemptFail_001,
    "Delivered": Subtag.Delivered_001,
    "Exception": Subtag.Exception_001,
}

TRACK17_MAIN_STATUSES: tuple[str, ...] = tuple(_17TRACK_MAIN)
TRACK17_SUB_STATUSES: tuple[str, ...] = tuple(_FROM_17TRACK_SUB)


def to_17track(subtag: Subtag | str) -> tuple[str, str]:
    """(main status, sub status) in 17TRACK API v2 terms."""
    return _TO_17TRACK[_subtag(subtag)]


def from_17track(main: str, sub: str | None = None) -> tuple[Tag, Subtag]:
    """(tag, subtag) for a 17TRACK v2 status; an unknown sub falls back to the main status.

    Raises ValueError for an unknown main status.
    """
    if main not in _17TRACK_MAIN:
        raise ValueError(f"unknown 17TRACK main status: {main!r}")
    code = _FROM_17TRACK_SUB.get(sub or "")
    if code is None or not _sub_belongs(main, sub or ""):
        code = _17TRACK_MAIN[main]
    return code.tag, code


def _sub_belongs(main: str, sub: str) -> bool:
    # 17TRACK sub statuses are prefixed by their main status ("InTransit_Arrival").
    return sub == main or sub.startswith(main + "_")
