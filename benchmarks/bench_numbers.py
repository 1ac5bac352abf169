"""Benchmark parceltrail.numbers.detect against the `tracking-numbers` package, and extract in MB/s.

Run: .venv/bin/python benchmarks/bench_numbers.py [--count 100000] [--cold]
"""

from __future__ import annotations

import argparse
import random
import string
import time

from tracking_numbers import get_tracking_number

from parceltrail.numbers import detect, extract, issue_s10, precompile, sandbox_number
from parceltrail.numbers.formats import registry

DIGITS = string.digits


def _fix_check(format_id: str, body: str) -> str:
    """Complete a number of ``format_id`` whose check character is marked by '?'."""
    fmt = registry().format(format_id)
    for ch in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        candidate = body.replace("?", ch)
        m = fmt.regex.fullmatch(candidate)
        if m and fmt.expected_check(m) == m.group("check"):
            return candidate
    raise AssertionError(body)


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choices(DIGITS, k=n))


def make_numbers(count: int, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    countries = sorted(registry().operators)
    makers = [
        lambda: _fix_check("ups-1z", "1Z" + "".join(rng.choices("0123456789ABCDEFGHJKLMNPRSTVWXY", k=6))
                           + rng.choice(["01", "02", "03", "12", "13"]) + _digits(rng, 7) + "?"),
        lambda: _fix_check("usps-impb-n", "9400" + _digits(rng, 17) + "?"),
        lambda: _fix_check("usps-impb-c", "9205" + _digits(rng, 17) + "?"),
        lambda: _fix_check("usps-20", _digits(rng, 19) + "?"),
        lambda: _fix_check("fedex-12", _digits(rng, 11) + "?"),
        lambda: _fix_check("fedex-ground-15", _digits(rng, 14) + "?"),
        lambda: _fix_check("fedex-ground-96", "9611" + _digits(rng, 17) + "?"),
        lambda: _fix_check("dhl-express-awb", _digits(rng, 9) + "?"),
        lambda: _fix_check("canada-post-16", _digits(rng, 15) + "?"),
        lambda: _fix_check("ontrac-c", "C" + _digits(rng, 13) + "?"),
        lambda: _fix_check("dpd-14", _digits(rng, 14) + "?"),
        lambda: issue_s10(rng.choice(countries), rng.choice("ECHRLUV"), rng.randrange(10**8)),
        lambda: issue_s10(rng.choice(["CN", "US", "GB", "DE", "BR", "RU"]), rng.choice("ERLC"),
                          rng.randrange(10**8)),
        lambda: "TBA" + _digits(rng, 12),
        lambda: "LP00" + _digits(rng, 12),
        lambda: "YT" + _digits(rng, 16),
        lambda: "JJD" + _digits(rng, 16),
        lambda: sandbox_number(rng.randrange(100), rng.randrange(10**8)),
        lambda: _digits(rng, rng.choice([10, 12, 13, 15, 20, 22])),  # unknown/random
    ]
    seen: set[str] = set()
    out: list[str] = []
    while len(out) < count:
        n = rng.choice(makers)()
        if n not in seen:
            seen.add(n)
            out.append(n)
    return out


def bench_detect(numbers: list[str], rounds: int = 10) -> tuple[float, float, int, int]:
    """Numbers per second for both libraries; chunks alternate so machine noise hits both alike."""
    size = -(-len(numbers) // rounds)
    ours_s = theirs_s = 0.0
    ours = theirs = 0
    for start in range(0, len(numbers), size):
        chunk = numbers[start : start + size]
        t0 = time.perf_counter()
        for n in chunk:
            if detect(n):
                ours += 1
        t1 = time.perf_counter()
        for n in chunk:
            if get_tracking_number(n) is not None:
                theirs += 1
        t2 = time.perf_counter()
        ours_s += t1 - t0
        theirs_s += t2 - t1
    return len(numbers) / ours_s, len(numbers) / theirs_s, ours, theirs


def bench_extract(numbers: list[str], megabytes: float = 4.0) -> float:
    rng = random.Random(3)
    filler = ["Thank", "you", "for", "your", "order", "#112-3456789-1234567.", "Total", "$123.45,", "call",
              "+1", "555", "0100.", "Votre", "colis", "est", "en", "route.", "您的订单已发货。", "Tracking",
              "number:"]
    pieces: list[str] = []
    size = 0
    while size < megabytes * 1_000_000:
        piece = rng.choice(numbers) if rng.random() < 0.05 else rng.choice(filler)
        pieces.append(piece)
        size += len(piece.encode()) + 1
    text = " ".join(pieces)
    started = time.perf_counter()
    extract(text)
    elapsed = time.perf_counter() - started
    return len(text.encode()) / 1_000_000 / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--cold", action="store_true",
                        help="skip precompile(): shapes compile lazily inside the timed loop")
    args = parser.parse_args()
    numbers = make_numbers(args.count)
    # One-off set-up on both sides stays out of the timed loop: tracking_numbers compiles its
    # regexes when imported (above); parceltrail compiles its per-shape functions here (they
    # are built from the format data only, never from the numbers below).
    setup = 0.0 if args.cold else precompile()
    ours, theirs, ours_found, theirs_found = bench_detect(numbers)
    print(f"detect: {len(numbers)} distinct numbers of mixed formats")
    if args.cold:
        print("  parceltrail shapes compiled lazily, inside the timed loop (--cold)")
    else:
        print(f"  parceltrail.numbers.precompile(): {setup * 1000:.0f} ms, once, before timing")
    print(f"  parceltrail.numbers.detect : {ours:10,.0f} numbers/s  (recognised {ours_found})")
    print(f"  tracking_numbers 0.1.8     : {theirs:10,.0f} numbers/s  (recognised {theirs_found})")
    print(f"  ratio                      : {ours / theirs:.1f}x")
    print(f"extract: {bench_extract(numbers):.2f} MB/s")


if __name__ == "__main__":
    main()
