"""How often `parceltrail.numbers.suggest` puts the intended number first for a mistyped one.

    .venv/bin/python benchmarks/eval_suggest.py [--split dev|eval] [--per-set 1500] [--context] [--kinds]
        [--ceiling] [--senders] [--derive-priors]

Two splits, kept apart by seed and by source of real numbers:

* ``dev`` (constants in numbers/suggest.py are chosen here): numbers generated from the packaged
  formats with seed 1, mistakes seed 101; and the valid test numbers of jkeen/tracking_number_data
  (``../shared/data``) for these carriers, the one source the prefix priors are counted from
  (``--derive-priors`` writes numbers/suggest_prefixes.json), so its figure is in-sample;
* ``eval`` (reported, never tuned on): generated with seed 2, mistakes seed 102; and the numbers of
  another source, ``tracking_numbers_extra/numbers.tsv`` (niradler/tracking-number-validation and
  mediocre/bloodhound test lists), that parceltrail accepts for their carrier and jkeen does not list.

``--ceiling`` also ranks the generated set's candidates by the generator's own probabilities
(``generator_likelihood`` x ``generator_prior``): the Bayes-optimal order, the best any ranker can
do on average on that set.

Carriers: UPU S10, UPS, FedEx, USPS, DHL and Canada Post, drawn evenly. A generated number fills
each position of one of its format's fixed-width alternatives at random (service codes from the
format's own service table; S10 through ``issue_s10`` with a tracked service first letter and a
random operator), then gets its check character.

Each valid number gets one mistake, drawn with a fixed seed from this model (the five kinds
equally often):

* ``keyboard``: one character replaced by a neighbouring key. Digits: numeric keypad (789/456/123/0,
  eight neighbours) or the QWERTY top row (left/right digits and the letters just below), each
  half the time; letters: QWERTY neighbours on the same row and the rows above and below;
* ``lookalike``: one of O/0, I/1, S/5, B/8, Z/2 replaced by its partner (a position holding
  such a character, chosen at random);
* ``transposition``: two adjacent different characters swapped;
* ``drop``: one character left out;
* ``double``: one character typed twice.

Mistakes that leave a number passing some check digit cannot be told from a valid number without
context; they count as misses (suggest() offers nothing for a valid number) and are listed
separately. Printed per set: top-1 (the intended number is the first suggestion), top-3, recall
(anywhere in the list), the mean number of suggestions, and how many intended numbers are not
first only because another candidate is exactly as likely under the model, with the default call
``suggest(typo)``; ``--context`` also passes the number's carrier, as an order import would.

``--senders`` reports, on the same typos, what knowing other labels of the number's sender does
(``suggest(typo, known=...)``), each scenario on its own. The *sender model*: every number belongs
to a sender whose SERIES = 30 labels share every position but the serial field (the last
SERIAL_FIELD = 8 positions of the named group that ends where the check character begins: the S10
serial, the UPS package number, the serial of the others), with serials increasing by 1 + a
geometric number of steps (mean gap 5, GAP_P), read in the format's alphabet at each position; the
mistyped number is one of the 30 at random. The system knows k of the other 29 (``draw_k``: k = 0,
1, 2-4 or 5-29, a quarter of the time each, uniform inside a bucket), plus one label each of
UNRELATED = 10 other senders of the set (a person tracks other parcels too). Seeds: 201 (dev) and
202 (eval) for the senders, apart from the mistakes' seeds. Scenarios: no knowledge (the default
call), the order's carrier given, an unknown sender (k = 0) with and without the other senders'
labels, a known sender (k >= 1, and per bucket), and a known sender with the carrier.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from parceltrail.numbers import detect, issue_s10, normalize, suggest
from parceltrail.numbers.formats import Format, registry
from parceltrail.numbers.pattern_expansion import expand

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"
FAMILIES: dict[str, tuple[str, ...]] = {
    "s10": ("s10",),
    "ups": ("ups-1z", "ups-waybill"),
    "fedex": ("fedex-12", "fedex-ground-96", "fedex-34", "fedex-smartpost", "fedex-ground-15"),
    "usps": ("usps-impb-n", "usps-impb-c", "usps-20"),
    "dhl": ("dhl-express-awb", "dhl-paket-20"),
    "canada-post": ("canada-post-16",),
}
PUBLISHED_FILES = {"s10": "s10", "ups": "ups", "fedex": "fedex", "usps": "usps", "dhl": "dhl",
                   "canadapost": "canada-post"}
EXTRA_CARRIERS = {"ups": "ups", "fedex": "fedex", "fedEx": "fedex", "usps": "usps", "dhl": "dhl"}
TRACKED_S10 = "ECRLVH"  # S10 first letters of tracked services
PREFIX = 4  # leading characters counted by --derive-priors (USPS service type, FedEx Ground "96", ...)
# Formats whose leading digits name a service or application (USPS IMpb service type codes, FedEx
# Ground's 96 and its 34-digit barcodes); S10 letters and operators have their own plausibility.
SERVICE_PREFIXED = ("usps-", "fedex-ground-96", "fedex-34", "fedex-ground-gsn", "fedex-smartpost",
                    "fedex-astra-32")
PRIORS_FILE = REPO / "src" / "parceltrail" / "numbers" / "suggest_prefixes.json"

KEYPAD = ["789", "456", "123", "0"]
QWERTY = ["1234567890", "QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM"]
LOOKALIKE = {a: b for pair in ("O0", "I1", "S5", "B8", "Z2") for a, b in (pair, pair[::-1])}
KINDS = ("keyboard", "lookalike", "transposition", "drop", "double")


def _grid_neighbours(rows: list[str], offsets: tuple[float, ...]) -> dict[str, set[str]]:
    """Keys next to each key: same row +-1, rows above and below within half a key's stagger."""
    out: dict[str, set[str]] = defaultdict(set)
    for r, row in enumerate(rows):
        for i, ch in enumerate(row):
            x = i + offsets[r]
            for r2, row2 in enumerate(rows):
                if abs(r2 - r) > 1:
                    continue
                for j, other in enumerate(row2):
                    if other != ch and abs(j + offsets[r2] - x) <= (1.0 if r2 == r else 0.75):
                        out[ch].add(other)
    return out


KEYPAD_NEAR = _grid_neighbours(KEYPAD, (0, 0, 0, 0.5))
QWERTY_NEAR = _grid_neighbours(QWERTY, (0, 0.5, 0.75, 1.25))


def keyboard_slip(ch: str, rng: random.Random) -> str:
    if ch.isdigit() and rng.random() < 0.5:
        return rng.choice(sorted(KEYPAD_NEAR[ch]))
    return rng.choice(sorted(QWERTY_NEAR[ch]))


def mistake(number: str, kind: str, rng: random.Random) -> str | None:
    n = len(number)
    if kind == "keyboard":
        i = rng.randrange(n)
        return number[:i] + keyboard_slip(number[i], rng) + number[i + 1 :]
    if kind == "lookalike":
        spots = [i for i, ch in enumerate(number) if ch in LOOKALIKE]
        if not spots:
            return None
        i = rng.choice(spots)
        return number[:i] + LOOKALIKE[number[i]] + number[i + 1 :]
    if kind == "transposition":
        spots = [i for i in range(n - 1) if number[i] != number[i + 1]]
        i = rng.choice(spots)
        return number[:i] + number[i + 1] + number[i] + number[i + 2 :]
    i = rng.randrange(n)
    if kind == "drop":
        return number[:i] + number[i + 1 :]
    return number[:i] + number[i] + number[i:]  # double


def _passes(number: str, carrier: str) -> bool:
    return any(c.checksum == "passed" and c.carrier == carrier for c in detect(number))


def _fill(fmt: Format, rng: random.Random) -> str | None:
    alt = rng.choice(expand(fmt))
    chars = [rng.choice(sorted(s)) for s in alt.sets]
    names = fmt.regex.groupindex
    if fmt.service_table and names.get(fmt.service_group or "") in alt.groups:
        start, end = alt.groups[names[fmt.service_group]]  # type: ignore[index]
        codes = [c for c in registry().tables[fmt.service_table] if len(c) == end - start]
        if codes:
            chars[start:end] = rng.choice(sorted(codes))
    return _with_check(fmt, "".join(chars))


def _with_check(fmt: Format, body: str) -> str | None:
    """``body`` with its check character computed, or None when the format does not take it."""
    m = fmt.regex.fullmatch(body)
    if m is None:
        return None
    check = fmt.expected_check(m)
    if check is None:
        return None
    lo, hi = m.span("check")
    return body[:lo] + check + body[hi:]


def generated(count: int, seed: int) -> list[tuple[str, str]]:
    """(number, carrier) pairs of the six carriers, generated from the formats."""
    rng = random.Random(seed)
    reg = registry()
    operators = sorted(reg.operators)
    out: list[tuple[str, str]] = []
    while len(out) < count:
        family = rng.choice(sorted(FAMILIES))
        if family == "s10":
            country = rng.choice(operators)
            number = issue_s10(country, rng.choice(TRACKED_S10) + rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
                               rng.randrange(10**8))
            out.append((number, reg.operators[country].slug))
            continue
        fmt = reg.format(rng.choice(FAMILIES[family]))
        number = _fill(fmt, rng)
        if number is not None and _passes(number, fmt.carrier):
            out.append((number, fmt.carrier))
    return out


def _accepted(number: str, carrier: str | None = None) -> str | None:
    """The carrier parceltrail reads ``number`` as with a passing check (``carrier``'s, when given)."""
    best = [c.carrier for c in detect(number) if c.checksum == "passed" and carrier in (None, c.carrier)]
    return best[0] if best else None


def prior_source() -> list[tuple[str, str]]:
    """The valid test numbers of the six carriers in jkeen/tracking_number_data that parceltrail accepts.

    The only real numbers the plausibility priors are derived from (``--derive-priors``).
    """
    out: dict[str, str] = {}
    for name in PUBLISHED_FILES:
        data = json.loads((DATA / "tracking_number_data" / "couriers" / f"{name}.json").read_text())
        for entry in data["tracking_numbers"]:
            for raw in entry.get("test_numbers", {}).get("valid", []):
                number = normalize(raw)
                carrier = _accepted(number)
                if carrier is not None:
                    out.setdefault(number, carrier)
    return sorted(out.items())


def eval_source() -> list[tuple[str, str]]:
    """Numbers of another source: ``tracking_numbers_extra/numbers.tsv`` (the test lists of
    niradler/tracking-number-validation and mediocre/bloodhound), accepted for their expected carrier,
    minus any number prior_source() also has."""
    seen = dict(prior_source())
    out: dict[str, str] = {}
    for line in (DATA / "tracking_numbers_extra" / "numbers.tsv").read_text().splitlines()[1:]:
        parts = line.split("\t")
        if len(parts) < 2 or parts[1] not in EXTRA_CARRIERS:
            continue
        number = normalize(parts[0])
        carrier = _accepted(number, EXTRA_CARRIERS[parts[1]])
        if carrier is not None and number not in seen:
            out.setdefault(number, carrier)
    return sorted(out.items())


def derive_priors(numbers: list[tuple[str, str]]) -> dict[str, object]:
    """Counts of each format's first PREFIX characters among real numbers, with the number of prefixes
    the format allows (for the add-one smoothing suggest() applies)."""
    reg = registry()
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for number, carrier in numbers:
        reading = next(c.reading for c in detect(number) if c.checksum == "passed" and c.carrier == carrier)
        counts[reading.format][number[:PREFIX]] += 1
    formats: dict[str, object] = {}
    for fmt_id, seen in sorted(counts.items()):
        if not fmt_id.startswith(SERVICE_PREFIXED):
            continue  # elsewhere the leading characters are a serial or an account: no meaning to learn
        values = 0
        for alt in expand(reg.format(fmt_id)):
            size = 1
            for chars in alt.sets[:PREFIX]:
                size *= len(chars)
            values = max(values, size)
        formats[fmt_id] = {"numbers": sum(seen.values()), "values": values,
                           "prefixes": dict(sorted(seen.items()))}
    return {"source": "jkeen/tracking_number_data v2.0.0 (MIT), couriers/*.json test_numbers.valid; "
                      "written by benchmarks/eval_suggest.py --derive-priors",
            "prefix_length": PREFIX, "formats": formats}


@dataclass
class Tally:
    n: int = 0
    top1: float = 0  # a fraction of a hit where the ceiling splits a tie
    top3: float = 0
    found: float = 0
    shown: int = 0
    still_valid: int = 0
    tied: int = 0  # not first, but as likely as the first suggestion
    by_kind: dict[str, list[float]] = field(default_factory=lambda: defaultdict(lambda: [0.0, 0.0, 0.0, 0.0]))

    def add(self, kind: str, rank: int | None, shown: int, valid: bool, tied: bool) -> None:
        self.n += 1
        self.tied += tied
        self.shown += shown
        self.still_valid += valid
        row = self.by_kind[kind]
        row[0] += 1
        if rank is not None:
            self.found += 1
            row[3] += 1
            if rank < 3:
                self.top3 += 1
                row[2] += 1
            if rank == 0:
                self.top1 += 1
                row[1] += 1

    def line(self, name: str) -> str:
        pct = 100 / max(self.n, 1)
        if name == "ceiling":
            return (f"{name:<10} n={self.n:<5} top-1 {self.top1 * pct:5.1f}%  top-3 {self.top3 * pct:5.1f}%  "
                    f"top-5 {self.found * pct:5.1f}%  (ranked by the generator's own model)")
        return (f"{name:<10} n={self.n:<5} top-1 {self.top1 * pct:5.1f}%  top-3 {self.top3 * pct:5.1f}%  "
                f"recall {self.found * pct:5.1f}%  mean shown {self.shown / max(self.n, 1):5.2f}  "
                f"(typo still passes a check: {self.still_valid}; "
                f"not first but tied with the first: {self.tied})")


def _draw(number: str, rng: random.Random) -> tuple[str, str]:
    """(kind, typo): a mistake of a kind drawn evenly; drawn again when it cannot apply or changes nothing."""
    while True:
        kind = rng.choice(KINDS)
        typo = mistake(number, kind, rng)
        if typo is not None and typo != number:
            return kind, typo


def evaluate(numbers: list[tuple[str, str]], seed: int,
             call: Callable[[str, str, list[str]], list[tuple[str, float]]],
             known: list[list[str]] | None = None, keep: Callable[[int], bool] | None = None) -> Tally:
    """Figures for ``call(typo, carrier, known numbers)``; the typos depend on ``seed`` only, so every
    scenario sees the same mistakes. ``keep``: which numbers (by index) the figures count."""
    rng = random.Random(seed)
    tally = Tally()
    for index, (number, carrier) in enumerate(numbers):
        kind, typo = _draw(number, rng)
        if keep is not None and not keep(index):
            continue
        valid = any(c.checksum == "passed" for c in detect(typo))
        found = call(typo, carrier, known[index] if known is not None else [])
        shown = [n for n, _ in found]
        rank = shown.index(number) if number in shown else None
        tied = rank is not None and rank > 0 and found[rank][1] == found[0][1]
        tally.add(kind, rank, len(shown), valid, tied)
    return tally


# --- the sender model: labels of the same sender that the system already knows --------------------------

SERIAL_FIELD = 8  # at most this many positions of the field that ends at the check character
SERIES = 30  # labels in the sender's series around the mistyped one
GAP_P = 0.2  # gaps between consecutive serials of a sender: 1 + a geometric count, mean 1 / GAP_P = 5
UNRELATED = 10  # labels of other senders known as well (a person tracks other parcels too)


def draw_k(rng: random.Random) -> int:
    """How many other labels of the sender the system knows: 0, 1, 2-4 or 5-29, each a quarter of the
    time (uniform inside a bucket)."""
    bucket = rng.randrange(4)
    return (0, 1, rng.randint(2, 4), rng.randint(5, SERIES - 1))[bucket]


def _serial_field(number: str, carrier: str) -> tuple[Format, int, int, tuple[frozenset[str], ...]] | None:
    """(format, start, end, the position alphabets) of the running serial: the last SERIAL_FIELD positions
    of the named group that ends where the check character begins (S10 serial, UPS package number, the
    serial of the others)."""
    reg = registry()
    reading = next((c.reading for c in detect(number)
                    if c.checksum == "passed" and c.carrier == carrier), None)
    if reading is None:
        return None
    fmt = reg.format(reading.format)
    m = fmt.regex.fullmatch(number)
    if m is None or "check" not in fmt.regex.groupindex:
        return None
    lo = m.start("check")
    starts = [m.start(g) for g in fmt.regex.groupindex if g != "check" and m.end(g) == lo and m.start(g) >= 0]
    if not starts:
        return None
    start = max(max(starts), lo - SERIAL_FIELD)
    sets = next((alt.sets for alt in expand(fmt) if len(alt.sets) == len(number)
                 and all(ch in chars for ch, chars in zip(number, alt.sets, strict=True))), None)
    if sets is None:
        return None
    return fmt, start, lo, sets


def _with_serial(number: str, fmt: Format, start: int, end: int, sets: tuple[frozenset[str], ...],
                 value: int) -> str | None:
    """``number`` with serial ``value`` written in the field's alphabets and the check character redone."""
    chars = list(number)
    for i in range(end - 1, start - 1, -1):
        alphabet = sorted(sets[i])
        value, digit = divmod(value, len(alphabet))
        chars[i] = alphabet[digit]
    if value:
        return None  # past the end of the field
    return _with_check(fmt, "".join(chars))


def sender_labels(number: str, carrier: str, k: int, rng: random.Random) -> list[str]:
    """k other labels of the sender of ``number``: the sender's SERIES labels share every position but the
    serial field, their serials increase by 1 + geometric gaps, ``number`` is one of them at random and
    the k known ones are drawn from the others."""
    field_ = _serial_field(number, carrier)
    if field_ is None or k == 0:
        return []
    fmt, start, end, sets = field_
    value = 0
    for i in range(start, end):
        alphabet = sorted(sets[i])
        value = value * len(alphabet) + alphabet.index(number[i])
    offsets = [0]
    for _ in range(SERIES - 1):
        gap = 1
        while rng.random() >= GAP_P:
            gap += 1
        offsets.append(offsets[-1] + gap)
    mine = rng.randrange(SERIES)
    others = [j for j in range(SERIES) if j != mine]
    out = []
    for j in sorted(rng.sample(others, k)):
        serial = value + offsets[j] - offsets[mine]
        label = _with_serial(number, fmt, start, end, sets, serial) if serial >= 0 else None
        if label is not None and label != number and _passes(label, carrier):
            out.append(label)
    return out


def knowledge(numbers: list[tuple[str, str]], seed: int) -> tuple[list[int], list[list[str]]]:
    """For each number: k, and what the system knows (k labels of its sender, then UNRELATED labels of
    other senders: other numbers of the set, each moved to a nearby serial of its own sender)."""
    rng = random.Random(seed)
    ks, known = [], []
    for index, (number, carrier) in enumerate(numbers):
        k = draw_k(rng)
        mine = sender_labels(number, carrier, k, rng)
        unrelated = []
        for other in rng.sample(range(len(numbers)), UNRELATED + 1):
            if other != index and len(unrelated) < UNRELATED:
                unrelated.extend(sender_labels(*numbers[other], 1, rng))
        ks.append(len(mine))  # labels actually made (a serial past the field's end is left out)
        known.append(mine + unrelated)
    return ks, known


# --- the ceiling: the best any ranker can do on the generated numbers -----------------------------------

def _slip_share(typed: str, intended: str) -> float:
    """The generator's probability of ``typed`` for a keyboard slip on ``intended`` (keyboard_slip())."""
    p = 0.0
    if intended.isdigit():
        p += 0.5 / len(KEYPAD_NEAR[intended]) if typed in KEYPAD_NEAR[intended] else 0.0
        p += 0.5 / len(QWERTY_NEAR[intended]) if typed in QWERTY_NEAR[intended] else 0.0
    elif typed in QWERTY_NEAR[intended]:
        p += 1 / len(QWERTY_NEAR[intended])
    return p


def generator_likelihood(typo: str, x: str) -> float:
    """P(typo | intended x) under mistake() with the kinds equally likely."""
    size, share = len(x), 1 / len(KINDS)
    p = 0.0
    if len(typo) == size:
        diff = [i for i in range(size) if typo[i] != x[i]]
        if len(diff) == 1:
            i = diff[0]
            p += share / size * _slip_share(typo[i], x[i])
            if LOOKALIKE.get(x[i]) == typo[i]:
                p += share / sum(ch in LOOKALIKE for ch in x)
        elif len(diff) == 2 and diff[1] == diff[0] + 1 and typo[diff[0]] == x[diff[1]] \
                and typo[diff[1]] == x[diff[0]]:
            p += share / sum(x[j] != x[j + 1] for j in range(size - 1))
    elif len(typo) == size - 1:
        p += share * sum(x[:i] + x[i + 1 :] == typo for i in range(size)) / size
    elif len(typo) == size + 1:
        p += share * sum(x[:i] + x[i] + x[i:] == typo for i in range(size)) / size
    return p


def generator_prior(x: str) -> float:
    """P(x) under generated(): family, format, alternative, then each free position (check excluded)."""
    reg = registry()
    family_of = {f: fam for fam, fs in FAMILIES.items() for f in fs}
    total = 0.0
    for c in detect(x):
        fmt_id = c.reading.format
        if c.checksum != "passed" or fmt_id not in family_of:
            continue
        if fmt_id == "s10":
            if x[0] in TRACKED_S10 and x[-2:] in reg.operators:
                total += 1 / len(FAMILIES) / len(TRACKED_S10) / 26 / len(reg.operators) / 10**8
            continue
        fmt = reg.format(fmt_id)
        alts = expand(fmt)
        names = fmt.regex.groupindex
        for alt in alts:
            if len(alt.sets) != len(x) or not all(ch in chars for ch, chars in zip(x, alt.sets, strict=True)):
                continue
            p = 1 / len(FAMILIES) / len(FAMILIES[family_of[fmt_id]]) / len(alts)
            fixed = set(range(*alt.groups[names["check"]]))
            group = names.get(fmt.service_group or "")
            if fmt.service_table and group in alt.groups:
                start, end = alt.groups[group]  # type: ignore[index]
                codes = [code for code in reg.tables[fmt.service_table] if len(code) == end - start]
                if codes:
                    if x[start:end] not in codes:
                        continue
                    p /= len(codes)
                    fixed |= set(range(start, end))
            for i, chars in enumerate(alt.sets):
                if i not in fixed:
                    p /= len(chars)
            total += p
    return total


def ceiling(numbers: list[tuple[str, str]], seed: int) -> Tally:
    """Rank every candidate by the generator's own P(typo | x) P(x): the Bayes-optimal order, which no
    ranker can beat on average on these numbers; an exact tie counts as 1/k of a hit (k tied)."""
    rng = random.Random(seed)
    tally = Tally()
    for number, _ in numbers:
        kind, typo = _draw(number, rng)
        valid = any(c.checksum == "passed" for c in detect(typo))
        tally.n += 1
        tally.still_valid += valid
        row = tally.by_kind[kind]
        row[0] += 1
        if valid:
            continue
        cands = {s.number for s in suggest(typo, limit=None, always=True)}
        score = {x: generator_likelihood(typo, x) * generator_prior(x) for x in cands}
        mine = score.get(number, 0.0)
        if not mine:
            continue
        better = sum(v > mine * (1 + 1e-9) for v in score.values())
        tied = sum(abs(v - mine) <= mine * 1e-9 for v in score.values())
        for k, col in ((1, 1), (3, 2), (5, 3)):
            hit = max(0.0, min(1.0, (k - better) / tied))
            row[col] += hit
    tally.top1, tally.top3, tally.found = (sum(r[i] for r in tally.by_kind.values()) for i in (1, 2, 3))
    return tally


def _report(name: str, tally: Tally, kinds: bool) -> None:
    print(tally.line(name))
    if kinds:
        for kind in KINDS:
            n, t1, t3, f = tally.by_kind[kind]
            if n:
                last = "top-5" if name == "ceiling" else "recall"
                print(f"    {kind:<14} n={int(n):<5} top-1 {100 * t1 / n:5.1f}%  "
                      f"top-3 {100 * t3 / n:5.1f}%  {last} {100 * f / n:5.1f}%")


def senders(sets: dict[str, tuple[list[tuple[str, str]], int]], seed: int, kinds: bool) -> None:
    """The sender-model scenarios, each reported on its own: the same typos, different knowledge."""

    Call = Callable[[str, str, list[str]], list[tuple[str, float]]]

    def run(carrier_given: bool, with_known: bool) -> Call:
        def call(typo: str, carrier: str, known: list[str]) -> list[tuple[str, float]]:
            found = suggest(typo, carrier=carrier if carrier_given else None,
                            known=known if with_known else None)
            return [(s.number, s.score) for s in found]
        return call

    def having(ks: list[int], lo: int, hi: int) -> Callable[[int], bool]:
        return lambda i: lo <= ks[i] <= hi

    for set_name, (numbers, typo_seed) in sets.items():
        ks, known = knowledge(numbers, seed + (0 if set_name == "generated" else 1))
        print(f"{set_name}: {len(numbers)} numbers; sender's labels known: k = 0 for {ks.count(0)}, "
              f"1 for {ks.count(1)}, 2-4 for {sum(2 <= k <= 4 for k in ks)}, "
              f"5+ for {sum(k >= 5 for k in ks)}; plus up to {UNRELATED} labels of other senders each")
        scenarios: list[tuple[str, bool, bool, Callable[[int], bool] | None]] = [
            ("no knowledge, suggest(typo), all numbers", False, False, None),
            ("order's carrier given, all numbers", True, False, None),
            ("unknown sender (k = 0), nothing known", False, False, having(ks, 0, 0)),
            ("unknown sender (k = 0), other senders' labels known", False, True, having(ks, 0, 0)),
            ("known sender, k >= 1", False, True, having(ks, 1, SERIES)),
            ("    k = 1", False, True, having(ks, 1, 1)),
            ("    k = 2-4", False, True, having(ks, 2, 4)),
            ("    k >= 5", False, True, having(ks, 5, SERIES)),
            ("known sender, k >= 1, and the carrier", True, True, having(ks, 1, SERIES)),
        ]
        for name, carrier_given, with_known, keep in scenarios:
            tally = evaluate(numbers, typo_seed, run(carrier_given, with_known), known, keep)
            print(f"  {name}")
            _report(set_name, tally, kinds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=("dev", "eval"), default="dev",
                        help="dev: constants are chosen here; eval: reported once, never tuned on")
    parser.add_argument("--per-set", type=int, default=1500, help="generated numbers per generated set")
    parser.add_argument("--context", action="store_true", help="also pass the number's carrier")
    parser.add_argument("--kinds", action="store_true", help="break the figures down by kind of mistake")
    parser.add_argument("--ceiling", action="store_true",
                        help="also rank the generated set by the generator's own model (the best possible)")
    parser.add_argument("--senders", action="store_true",
                        help="the sender-model scenarios: no knowledge, carrier given, sender's labels known")
    parser.add_argument("--derive-priors", action="store_true",
                        help=f"write {PRIORS_FILE.name} from prior_source() and stop")
    args = parser.parse_args()
    if args.derive_priors:
        PRIORS_FILE.write_text(json.dumps(derive_priors(prior_source()), indent=1) + "\n")
        print(f"wrote {PRIORS_FILE.relative_to(REPO)}")
        return

    def call(typo: str, carrier: str, known: list[str]) -> list[tuple[str, float]]:
        found = suggest(typo, carrier=carrier) if args.context else suggest(typo)
        return [(s.number, s.score) for s in found]

    if args.split == "dev":
        sets = {"generated": (generated(args.per_set, 1), 101), "real": (prior_source(), 103)}
    else:
        sets = {"generated": (generated(args.per_set, 2), 102), "real": (eval_source(), 104)}
    if args.senders:
        senders(sets, 201 if args.split == "dev" else 202, args.kinds)
        return
    call_text = f"suggest(typo{', carrier=...' if args.context else ''})"
    print(f"{args.split} split; {call_text}; one mistake per valid number")
    tallies = {name: evaluate(numbers, seed, call) for name, (numbers, seed) in sets.items()}
    if args.ceiling:
        numbers, seed = sets["generated"]
        tallies["ceiling"] = ceiling(numbers, seed)
    for name, tally in tallies.items():
        _report(name, tally, args.kinds)
    counts = Counter(c for numbers, _ in sets.values() for _, c in numbers)
    print("carriers:", ", ".join(f"{c} {k}" for c, k in counts.most_common(8)), "...")


if __name__ == "__main__":
    main()
