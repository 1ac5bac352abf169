"""Demo parcels for `make run`: the sandbox's test numbers plus postal and courier numbers of real formats,
all answered by the sandbox in demo mode (and labelled as simulated)."""

from __future__ import annotations

from parceltrail.adapters.sandbox.scenarios import TEST_NUMBERS
from parceltrail.numbers import issue_s10
from parceltrail.services.tracking.tracker import Tracker

# (operator country, service indicator) pairs typical of cross-border e-commerce
_POSTAL = [("CN", "LP"), ("CN", "RB"), ("CN", "UA"), ("CN", "EA"), ("HK", "RP"), ("SG", "RS"),
           ("GB", "RR"), ("US", "LZ"), ("NL", "RS"), ("DE", "CD"), ("CN", "LY"), ("CN", "RV")]


def seed_demo(tracker: Tracker) -> int:
    """Register the demo parcels once; returns how many were new."""
    numbers = list(TEST_NUMBERS.values())
    numbers += [issue_s10(country, prefix, 20261100 + i) for i, (country, prefix) in enumerate(_POSTAL)]
    with tracker.store.read() as repo:
        before = repo.shipments.count()
    for number in numbers:
        tracker.register(number)
    with tracker.store.read() as repo:
        return repo.shipments.count() - before
