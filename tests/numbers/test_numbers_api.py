"""normalize, detect, suggest, issue and extract on hand-picked examples."""

from __future__ import annotations

import pytest

from parceltrail.numbers import (
    InvalidNumberError,
    IssueError,
    carrier_name,
    carriers,
    detect,
    detect_best,
    extract,
    extract_from_email,
    is_known_carrier,
    issue_range,
    issue_s10,
    normalize,
    sandbox_number,
    suggest,
)
from parceltrail.numbers.checksums import check_character
from parceltrail.numbers.formats import registry


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1z 5r8-939.0357 567127", "1Z5R89390357567127"),
        ("ＹＴ２２２９５２１２７２１６４４４６", "YT2229521272164446"),
        ("RB\u00a0123\u200b456\u2009785 gb", "RB123456785GB"),
        ("  LP00123456789012\n", "LP00123456789012"),
    ],
)
def test_normalize(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@pytest.mark.parametrize("raw", ["", "  - . ", "A" * 65, "12\x0034", "1Z\x07", "abc$def", b"\xff\xfe"])
def test_normalize_rejects(raw: str) -> None:
    with pytest.raises(InvalidNumberError) as info:
        normalize(raw)  # type: ignore[arg-type]
    assert "\n" not in str(info.value)
    assert isinstance(info.value, ValueError)


def test_detect_ups_fields() -> None:
    best = detect_best("1Z5R89390357567127")
    assert best is not None
    assert (best.carrier, best.format, best.checksum, best.country) == ("ups", "ups-1z", "passed", "US")
    assert best.service == "UPS Ground" and best.service_class == "courier-ground"
    assert best.tracking_url and best.number in best.tracking_url
    assert 0 < best.confidence <= 1


@pytest.mark.parametrize(
    ("number", "carrier", "service_class", "trackable"),
    [
        ("RB123456785GB", "royal-mail", "postal-registered", True),
        ("EE123456785CN", "china-post", "postal-express", True),
        ("CP123456785BR", "brazil-correios", "postal-parcel", True),
        ("LX123456785DE", "deutsch-post", "postal-tracked-letter", True),
        ("UA123456785US", "usps", "postal-unregistered", False),
        ("VV123456785RU", "russian-post", "postal-insured", True),
        ("MA123456785FR", "la-poste-colissimo", "postal-mbag", True),
    ],
)
def test_s10_operator_and_service(number: str, carrier: str, service_class: str, trackable: bool) -> None:
    c = next(c for c in detect(number) if c.format == "s10")
    got = (c.carrier, c.service_class, c.trackable, c.checksum)
    assert got == (carrier, service_class, trackable, "passed")
    assert c.country == number[-2:]
    assert (c.untrackable_reason is None) == trackable
    assert (c.tracking_url is None) or trackable


def test_s10_unknown_country_is_not_s10() -> None:
    assert not [c for c in detect("RB123456785XX") if c.format == "s10"]


@pytest.mark.parametrize(
    ("number", "carrier"),
    [
        ("LP00123456789012", "cainiao"),
        ("YT2229521272164446", "yunexpress"),
        ("YT1234567890123", "yto"),
        ("SF1234567890123", "sf-express"),
        ("JT1234567890123", "jtexpress"),
        ("4PX3001234567CN", "4px"),
        ("UG123456789YP", "yanwen"),
        ("3SABCD1234567", "postnl-3s"),
        ("TBA123456789012", "amazon"),
    ],
)
def test_other_carriers(number: str, carrier: str) -> None:
    assert detect(number)[0].carrier == carrier


def test_dpd_and_gls_check_digits() -> None:
    dpd = detect("09980000020033F")
    assert any(c.carrier == "dpd" and c.checksum == "passed" for c in dpd)
    body = "12345678901"
    gls_number = body + check_character("mod10", body, registry().format("gls-12").params)
    assert any(c.carrier == "gls" and c.checksum == "passed" for c in detect(gls_number))


def test_ambiguous_twelve_digits_lists_all_best_first() -> None:
    candidates = detect("986578788855")
    carriers_found = [c.carrier for c in candidates]
    assert "fedex" in carriers_found and len(candidates) >= 2
    seen_failed = False
    for c in candidates:  # a failed check digit never ranks above a pass
        seen_failed |= c.checksum == "failed"
        assert not (seen_failed and c.checksum != "failed")


def test_failed_checksum_ranks_last() -> None:
    candidates = detect("1Z5R89390357567128")
    assert candidates and all(c.checksum == "failed" for c in candidates)
    assert detect_best("1Z5R89390357567128") is None


def test_carrier_lookup() -> None:
    slugs = dict(carriers())
    for slug in ("usps", "ups", "fedex", "dhl", "china-post", "cainiao", "royal-mail", "parceltrail-sandbox"):
        assert is_known_carrier(slug) and slugs[slug] == carrier_name(slug)
    assert not is_known_carrier("nope") and carrier_name("nope") is None
    assert len(registry().operators) >= 192


def test_sandbox_number() -> None:
    number = sandbox_number(1, 1)
    assert number == "PTS01000000016"
    best = detect_best(number)
    assert best is not None and best.carrier == "parceltrail-sandbox" and best.checksum == "passed"
    assert best.carrier_name == "parceltrail sandbox network" and best.tracking_url == f"/track/{number}"
    assert detect("PTS01000000017")[0].checksum == "failed"
    with pytest.raises(IssueError):
        sandbox_number(100, 1)


def test_issue_s10() -> None:
    assert issue_s10("CN", "R", 12345678) == "RA123456785CN"
    assert issue_s10("gb", "rb", 12345678) == "RB123456785GB"
    numbers = list(issue_range("US", "EA", 5, 15))
    assert len(numbers) == 10 and numbers[0] == issue_s10("US", "EA", 5)
    for n in numbers:
        assert detect_best(n).checksum == "passed"  # type: ignore[union-attr]
    for bad in (("XX", "R", 1), ("CN", "R1", 1), ("CN", "F", 1), ("CN", "R", 10**8), ("CN", "R", -1)):
        with pytest.raises(IssueError):
            issue_s10(*bad)
    with pytest.raises(IssueError):
        issue_range("CN", "RA", 10, 5)


def test_suggest_ocr_and_transposition() -> None:
    assert suggest("RB123456785G8")[0].number == "RB123456785GB"
    assert suggest("RB12345678SGB")[0].number == "RB123456785GB"
    swapped = suggest("RB124356785GB")
    assert "RB123456785GB" in [s.number for s in swapped[:5]]
    assert suggest("1Z5R89390357567127") == []  # already valid
    top = suggest("1Z5R89390357567128")
    assert 0 < len(top) <= 25 and all(s.candidate.checksum == "passed" for s in top)
    kinds = [s.edit for s in top]
    assert kinds.index("transposition") < kinds.index("substitution")


SHIPPING_MAIL = """Bonjour ! Votre commande n° 112-3456789-1234567 a été expédiée le 2024-01-05.
Total : 123,45 € — Service client : +33 1 23 45 67 89
Numéro de suivi : 1Z5R89390357567127
运单号：ＹＴ２２２９５２１２７２１６４４４６
Трек-номер: RB123456785RU
Invoice 302912345678 / order 986578788855 / code postal 75001
USPS tracking: 9400 1112 0108 0805 4830 16
"""


def test_extract_text() -> None:
    found = extract(SHIPPING_MAIL)
    assert [f.number for f in found] == [
        "1Z5R89390357567127", "YT2229521272164446", "RB123456785RU", "9400111201080805483016",
    ]
    for f in found:
        assert normalize(SHIPPING_MAIL[f.start : f.end]) == f.number
        assert f.candidates[0].checksum != "failed"


def test_extract_from_email_html() -> None:
    eml = (
        "From: shop@example.com\r\nTo: me@example.com\r\n"
        "Subject: Your parcel LP00123456789012 is on its way\r\n"
        "MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=XX\r\n\r\n"
        "--XX\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nTracking number: 1Z5R89390357567127\r\n"
        "--XX\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
        "<html><head><style>.x{}</style></head><body><p>Tracking&nbsp;number:"
        "<b>RB123456785GB</b></p><p>Order 986578788855</p></body></html>\r\n--XX--\r\n"
    )
    numbers = [f.number for f in extract_from_email(eml.encode())]
    assert numbers == ["LP00123456789012", "1Z5R89390357567127", "RB123456785GB"]
    assert [f.number for f in extract_from_email(eml)] == numbers


def test_extract_from_email_encoded_parts() -> None:
    from email.message import EmailMessage

    msg = EmailMessage()
    msg["From"] = "商家 <shop@example.cn>"
    msg["Subject"] = "您的订单已发货"
    msg.set_content("订单号：986578788855\n运单号：LP00123456789012\n", charset="gb18030", cte="base64")
    msg.add_alternative("<p>Numéro de suivi&nbsp;: <a href='#'>RB 123 456 785 FR</a></p>", subtype="html",
                        cte="quoted-printable")
    found = extract_from_email(msg.as_bytes())
    assert [f.number for f in found] == ["LP00123456789012", "RB123456785FR"]
    assert found[1].best.carrier == "la-poste-colissimo"


def test_extract_ignores_non_numbers() -> None:
    text = ("Order 112-3456789-1234567 placed 2024-01-05 12:30, total $1,234.56 (EUR 987654321012.00). "
            "Call +1 (555) 010-0199 or 0800 123 4567. Postcode 75001, SKU 400638133393.")
    assert extract(text) == []
