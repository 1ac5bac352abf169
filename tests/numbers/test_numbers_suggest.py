"""suggest(): what a mistyped number gets back, ranked by the error model (not timings)."""

from __future__ import annotations

import math
import random

import pytest

from parceltrail.numbers import detect, issue_s10, suggest
from parceltrail.numbers.formats import registry
from parceltrail.numbers.ranges import KnownRanges
from parceltrail.numbers.suggest import _KEYBOARD, COSTS, Suggestion
from tests.ups_labels import ups_label

ROYAL_MAIL = "RB123456785GB"
UPS = "1Z5R89390357567127"


def _passes(number: str) -> bool:
    return any(c.checksum == "passed" for c in detect(number))


def test_valid_numbers_get_no_suggestion() -> None:
    rng = random.Random(3)
    countries = sorted(registry().operators)[:40]
    valid = [ROYAL_MAIL, UPS, *(issue_s10(c, "EA", rng.randrange(10**8)) for c in countries)]
    for number in valid:
        assert suggest(number) == [], number
        assert suggest(number, country="GB") == [] and suggest(number, limit=None) == []


def test_a_number_valid_for_another_carrier_gets_suggestions_for_the_orders_carrier() -> None:
    # The typo is a valid Gibraltar number; the order says Royal Mail.
    typo = "RB123456785GI"
    assert _passes(typo) and suggest(typo) == []
    hints = suggest(typo, carrier="royal-mail")
    assert hints and hints[0].number == ROYAL_MAIL and hints[0].carrier == "royal-mail"


def test_transposition_touching_the_check_digit_is_corrected_first() -> None:
    # Check digit and the country's first letter swapped: only swapping back makes a valid number.
    typo = "RB12345678G5B"
    hints = suggest(typo)
    assert hints[0].number == ROYAL_MAIL and hints[0].edit == "transposition" and hints[0].position == 10
    # Serial digit and check digit swapped on a digit-only S10 look-alike: unique here as well.
    rng = random.Random(8)
    checked = 0
    for _ in range(300):
        number = issue_s10("US", "EA", rng.randrange(10**8))
        typo = number[:9] + number[10] + number[9] + number[11:]  # last serial digit <-> check digit
        if typo == number or _passes(typo):
            continue
        hints = suggest(typo, limit=None)
        transpositions = [h for h in hints if h.edit == "transposition"]
        if [h.number for h in transpositions] == [number]:  # the only swap that passes
            checked += 1
            assert hints[0].number == number, (typo, [(h.number, h.mistake, h.score) for h in hints[:3]])
    assert checked > 50


def test_look_alikes_beat_keyboard_slips_beat_arbitrary_substitutions() -> None:
    assert suggest("RB123456785G8")[0].number == ROYAL_MAIL  # 8 for B
    assert suggest("RB12345678SGB")[0].number == ROYAL_MAIL  # S for 5
    assert suggest("RB12345678SGB")[0].mistake == "look-alike"
    assert COSTS["look-alike"] < COSTS["keyboard neighbour"] - math.log(max(_KEYBOARD.values()))
    assert _KEYBOARD[("4", "5")] > _KEYBOARD[("8", "5")]  # beside on both layouts vs keypad only
    for intended in "0123456789QAZ":
        shares = [q for (typed, i), q in _KEYBOARD.items() if i == intended]
        assert shares and sum(shares) == pytest.approx(1.0)


def test_doubled_character_is_removed_first() -> None:
    typo = UPS[:12] + UPS[12] + UPS[12:]  # a character typed twice
    hints = suggest(typo)
    assert hints[0].number == UPS and hints[0].edit == "deletion" and hints[0].mistake == "doubled"


def test_at_most_five_shown_and_scores_are_shares() -> None:
    rng = random.Random(5)
    for _ in range(40):
        number = issue_s10(rng.choice(sorted(registry().operators)), "RA", rng.randrange(10**8))
        i = rng.randrange(2, 11)
        typo = number[:i] + number[i + 1 :]  # a dropped character: many candidates
        hints = suggest(typo)
        assert 0 < len(hints) <= 5
        assert all(h.candidate.checksum == "passed" for h in hints)
        assert [h.score for h in hints] == sorted((h.score for h in hints), reverse=True)
        everything = suggest(typo, limit=None)
        assert len(everything) >= len(hints) and number in {h.number for h in everything}
        assert sum(h.score for h in everything) == pytest.approx(1.0, abs=1e-3)


def test_the_orders_carrier_ranks_its_numbers_first() -> None:
    typo = "RB123456785XB"  # X for S, or for G on the keyboard, or ...: several operators fit
    plain = suggest(typo, limit=None)
    assert plain[0].carrier != "royal-mail" and "royal-mail" in {h.carrier for h in plain}
    royal = suggest(typo, carrier="royal-mail")
    assert royal[0].number == ROYAL_MAIL


def test_the_destination_country_makes_its_operators_likelier() -> None:
    typo = "RB123456785GV"  # VG swapped (British Virgin Islands), or V for B (Great Britain)
    assert suggest(typo)[0].number == "RB123456785VG"
    assert suggest(typo, country="gb")[0].number == ROYAL_MAIL


def test_tracked_s10_services_are_likelier_than_domestic_or_unassigned_ones() -> None:
    # First letter left out: any letter in front makes a valid S10 number; the check cannot tell.
    hints = suggest("B123456785GB", limit=None)
    letters = [h.number[0] for h in hints if h.number.endswith("B123456785GB") and len(h.number) == 13]
    tracked, domestic, unassigned = "ECHRLV", "ABDGKNPSTWXYZ", "FIJO"
    assert set(letters) >= set(tracked + domestic + unassigned)
    last_tracked = max(letters.index(c) for c in tracked)
    assert last_tracked < min(letters.index(c) for c in domestic)
    assert max(letters.index(c) for c in domestic) < min(letters.index(c) for c in unassigned)
    assert all(h.number[0] in tracked or h.number[0] == "B" for h in suggest("B123456785GB"))


def test_leading_digits_of_real_numbers_make_a_candidate_likelier() -> None:
    from parceltrail.numbers.suggest import _prefix_factor

    # USPS Priority Mail numbers begin 9400; no real number counted begins 9499.
    assert _prefix_factor("usps-impb-n", "9400111206206406260787") > 1.0 > _prefix_factor(
        "usps-impb-n", "9499111206206406260787")
    assert _prefix_factor("fedex-12", "477179081230") == 1.0  # a serial: nothing to learn from its digits
    # A keypad slip in the service prefix (4 typed as 1 or 5): going back to 9400 beats fixing the check
    # with a slip in the serial, which the error model alone finds as likely or likelier.
    for typo in ("9100111206206406260787", "9500111206206406260787"):
        assert suggest(typo)[0].number == "9400111206206406260787", typo


def test_the_list_stops_where_the_rest_is_far_less_likely_than_the_first() -> None:
    from parceltrail.numbers.suggest import SCORE_GAP, likely

    rng = random.Random(11)
    cut = 0
    for _ in range(60):
        number = issue_s10(rng.choice(sorted(registry().operators)), "EA", rng.randrange(10**8))
        i = rng.randrange(len(number))
        typo = number[:i] + rng.choice("0123456789") + number[i + 1 :]
        if _passes(typo):
            continue
        everything = suggest(typo, limit=None)
        shown = suggest(typo)
        assert shown == likely(everything) and len(shown) <= 5
        assert all(h.score >= shown[0].score * SCORE_GAP for h in shown)
        beyond = everything[len(shown) : 5]
        assert all(h.score < max(0.01, shown[0].score * SCORE_GAP) for h in beyond)
        cut += any(h.score >= 0.01 for h in beyond)
    assert cut  # some lists are cut before five by the gap alone


# known number ranges (numbers/ranges.py) ------------------------------------------------------------

def _rank(hints: list[Suggestion], number: str) -> int | None:
    shown = [h.number for h in hints]
    return shown.index(number) if number in shown else None


def test_a_dropped_digit_is_corrected_first_next_to_a_known_label_of_the_same_shipper() -> None:
    # The labels of one shipper share its account and service and run in near-consecutive packages: a
    # dropped package digit has several one-digit fixes that pass the check, equally likely without
    # knowledge; a label of the same shipper a few packages away singles out the right one. (A digit
    # dropped from the last two positions can leave a fix just as near the label: not counted here.)
    rng = random.Random(21)
    checked = first_known = first_plain = 0
    for _ in range(60):
        package = rng.randrange(10**6, 10**7 - 100)
        number = ups_label("4A9E71", "03", package)
        neighbour = ups_label("4A9E71", "03", package + rng.randint(1, 30))
        i = rng.randrange(10, 15)  # a package digit
        typo = number[:i] + number[i + 1 :]
        if _passes(typo):
            continue
        checked += 1
        with_label = suggest(typo, known=[neighbour])
        assert len(with_label) <= 5
        first_known += _rank(with_label, number) == 0
        first_plain += _rank(suggest(typo), number) == 0
    assert checked >= 40
    assert first_known >= 0.95 * checked
    assert first_plain <= 0.7 * checked  # without the label the right fix is often not first


def test_labels_of_other_shippers_change_nothing() -> None:
    rng = random.Random(5)
    others = [ups_label("7Y3X21", "01", rng.randrange(10**7)) for _ in range(5)] + \
        [issue_s10("CN", "LX", rng.randrange(10**8)) for _ in range(5)]
    for _ in range(30):
        number = ups_label("4A9E71", "03", rng.randrange(10**7))
        i = rng.randrange(2, 17)
        typo = number[:i] + number[i + 1 :]
        if _passes(typo):
            continue
        plain = [(h.number, h.score) for h in suggest(typo)]
        assert [(h.number, h.score) for h in suggest(typo, known=others)] == plain


def test_a_nearer_known_serial_makes_a_candidate_likelier() -> None:
    ranges = KnownRanges([issue_s10("GB", "RB", 12_345_000)])
    near, far = (next(c for c in detect(issue_s10("GB", "RB", s)) if c.checksum == "passed")
                 for s in (12_345_010, 12_395_000))
    other_block = next(c for c in detect(issue_s10("GB", "CP", 12_345_010)) if c.checksum == "passed")
    assert ranges.factor(near) > ranges.factor(far) > 1.0
    assert ranges.factor(other_block) == 1.0
    assert KnownRanges([]).factor(near) == 1.0 and not KnownRanges(["not a number"])


def test_known_numbers_never_bring_a_suggestion_for_a_valid_number() -> None:
    number = ups_label("4A9E71", "03", 5_551_234)
    known = [ups_label("4A9E71", "03", 5_551_230), number]
    assert suggest(number, known=known) == []
    assert suggest(ROYAL_MAIL, known=[issue_s10("GB", "RB", 12_345_670)]) == []


def test_a_shops_s10_range_ranks_a_mistyped_serial_first() -> None:
    # A keyboard slip in an S10 serial: several one-digit fixes pass the mod-11 check; the shop's own
    # labels (issued a few serials apart) make its own serial first far more often.
    rng = random.Random(9)
    checked = first_known = first_plain = 0
    for _ in range(80):
        serial = rng.randrange(10**7, 10**8 - 50)
        number = issue_s10("DE", "RR", serial)
        i = rng.randrange(2, 10)
        slip = "1234567890"[("1234567890".index(number[i]) + 1) % 10]
        typo = number[:i] + slip + number[i + 1 :]
        if _passes(typo):
            continue
        checked += 1
        shop = [issue_s10("DE", "RR", serial - rng.randint(1, 20)), issue_s10("DE", "RR", serial + 1)]
        first_known += _rank(suggest(typo, known=shop), number) == 0
        first_plain += _rank(suggest(typo), number) == 0
    assert checked > 40
    assert first_known >= 0.9 * checked
    assert first_known > first_plain + 0.2 * checked
