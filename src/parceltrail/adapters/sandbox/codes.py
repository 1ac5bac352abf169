"""Sandbox event codes and the status each one should classify to (used by tests, never sent over HTTP)."""

from __future__ import annotations

from parceltrail.status.taxonomy import Subtag

S = Subtag

EXPECTED_SUBTAG: dict[str, Subtag] = {
    # origin, Chinese consolidator
    "INF": S.InfoReceived_001,  # electronic data received, not yet picked up
    "ACC": S.InTransit_002,  # accepted / picked up
    "SRT": S.InTransit_003,  # arrived at sorting centre
    "SDP": S.InTransit_007,  # left the sorting centre
    "EXC": S.InTransit_005,  # export customs cleared
    # international transit
    "DEP": S.InTransit_007,  # export flight departed
    "ARR": S.InTransit_004,  # arrived in the destination country
    "IMC": S.InTransit_006,  # handed to import customs
    "HLD": S.Exception_004,  # held by customs
    "REL": S.InTransit_005,  # released by customs
    "HND": S.InTransit_001,  # handed to the last-mile carrier under a new number
    "CRJ": S.Exception_004,  # customs refused the item
    "RTC": S.Exception_010,  # return started after a customs rejection
    "RDP": S.Exception_010,  # return on its way back
    "RTD": S.Exception_011,  # return received by the sender
    # last mile
    "TRF": S.InTransit_001,  # moving inside the destination network
    "ARD": S.InTransit_003,  # arrived at the delivery office
    "OFD": S.OutForDelivery_001,
    "ATT": S.AttemptFail_001,
    "PUP": S.AvailableForPickup_001,
    "PKD": S.Delivered_002,  # collected at the pickup point
    "DLV": S.Delivered_001,
    "RFS": S.Exception_003,  # recipient refused
    "RTS": S.Exception_010,  # returning to sender
}
