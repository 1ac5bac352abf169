"""External conformance: jkeen/tracking_number_data test numbers, and the noisier extra lists."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from parceltrail.numbers import Candidate, InvalidNumberError, detect

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"
COURIERS = SHARED / "tracking_number_data" / "couriers"
EXTRA = SHARED / "tracking_numbers_extra" / "numbers.tsv"

# jkeen courier codes -> our carrier slugs (S10 is matched by format: its carrier is the operator).
SLUGS = {
    "amazon": {"amazon"},
    "canada_post": {"canada-post"},
    "canpar": {"canpar"},
    "dhl": {"dhl", "dhl-global-mail"},
    "dpd": {"dpd"},
    "fedex": {"fedex"},
    "gofo": {"gofo"},
    "landmark": {"landmark-global"},
    "lasership": {"lasership"},
    "old_dominion": {"old-dominion"},
    "ontrac": {"ontrac"},
    "purolator": {"purolator"},
    "speedee": {"speedee"},
    "ups": {"ups"},
    "usps": {"usps"},
    "yodel": {"yodel"},
    "yunexpress": {"yunexpress"},
}


def conformance_cases() -> Iterator[tuple[str, bool, str, bool]]:
    """(courier code, format has a checksum?, number, valid?) for every test number of the data set."""
    files = sorted(COURIERS.glob("*.json"))
    if not files:  # must fail, not skip: the suite is the point
        raise FileNotFoundError(f"conformance data missing: {COURIERS}")
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        for fmt in data["tracking_numbers"]:
            for kind in ("valid", "invalid"):
                for number in fmt["test_numbers"].get(kind, []):
                    checksummed = bool((fmt.get("validation") or {}).get("checksum"))
                    yield data["courier_code"], checksummed, number, kind == "valid"


CASES = list(conformance_cases())
# A valid Purolator 12-digit PIN (Luhn passes) that the data set lists as invalid only for its
# *alpha* format: per courier it is a Purolator number, per format it is not an alpha one.
FORMAT_LEVEL_INVALID = {("purolator", "331426749957"): "purolator-alpha"}


def _of_courier(code: str, candidates: list[Candidate]) -> list[Candidate]:
    if code == "s10":
        return [c for c in candidates if c.format == "s10"]
    return [c for c in candidates if c.carrier in SLUGS[code]]


def test_data_set_is_complete() -> None:
    assert len(CASES) == 280
    assert {code for code, *_ in CASES} == set(SLUGS) | {"s10"}


@pytest.mark.parametrize(("code", "checksummed", "number", "valid"), CASES,
                         ids=[f"{c[0]}:{c[2]}" for c in CASES])
def test_conformance(code: str, checksummed: bool, number: str, valid: bool) -> None:
    mine = _of_courier(code, detect(number))
    if valid:
        assert mine, f"{number!r} not recognised as {code}"
        accepted = {"passed"} if checksummed else {"passed", "none"}
        assert any(c.checksum in accepted for c in mine), [(c.format, c.checksum) for c in mine]
        return
    passing = [c for c in mine if c.checksum != "failed"]
    only_format = FORMAT_LEVEL_INVALID.get((code, number))
    if only_format:
        assert only_format not in {c.format for c in passing}
    else:
        assert not passing, [(c.format, c.checksum) for c in passing]


EXTRA_SLUGS = {"fedEx": "fedex", "dhlEcommerceSolutions": "dhl-global-mail"}


def _extra_agreement() -> tuple[float, float, int]:
    strict = lenient = total = 0
    with EXTRA.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            expected = (row["expected"] or "").strip()
            if not expected or expected.startswith("//") or expected == ",":
                continue  # comment lines of the source lists
            invalid = expected.endswith(":INVALID")
            slug = EXTRA_SLUGS.get(expected.split(":")[0], expected.split(":")[0])
            try:
                candidates = detect(row["number"])
            except InvalidNumberError:
                candidates = []
            ours = [c for c in candidates
                    if c.carrier == slug or (slug == "dhl" and c.carrier.startswith("dhl"))]
            passing = [c for c in ours if c.checksum != "failed"]
            total += 1
            strict += (not passing) if invalid else bool(passing)
            lenient += (not passing) if invalid else bool(ours)
    return strict / total, lenient / total, total


def test_extra_lists_agreement() -> None:
    strict, lenient, total = _extra_agreement()
    print(f"extra lists: {total} numbers, strict {strict:.1%}, carrier recognised {lenient:.1%}")
    # Measured 66.4% strict (the misses are placeholder numbers with wrong check digits, e.g.
    # 1Z12345E0205271688) and 96%+ when a failed check digit still names the right carrier.
    assert strict >= 0.65
    assert lenient >= 0.95
