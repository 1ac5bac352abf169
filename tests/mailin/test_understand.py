"""Reading shipping e-mails without a server: tracking context, traps, updates, order, items and total."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from parceltrail.services.mailin.understand import understand
from tests.mailin.conftest import Case


def mail(text: str, subject: str = "Notice", sender: str = "shop@example.com") -> bytes:
    message = EmailMessage()
    message["From"], message["Subject"] = sender, subject
    message.set_content(text)
    return message.as_bytes()


@pytest.mark.parametrize(
    ("text", "subject", "expected"),
    [
        ("Your parcel LP00700112233445 has shipped", "hi", {"LP00700112233445"}),
        ("hi", "Your package UA314159268CN is on its way", {"UA314159268CN"}),
        ("Track your package: https://t.17track.net/en#nums=UA314159268CN", "x", {"UA314159268CN"}),
        ("Shipped via UPS 1Z12345E0205271686", "x", {"1Z12345E0205271686"}),
        ("Tracking:\n\n1Z12345E0205271686", "x", {"1Z12345E0205271686"}),
        ("Rastreie seu pedido: NX556677887BR", "x", {"NX556677887BR"}),
        ("Отслеживать посылку: CA222222225RU", "x", {"CA222222225RU"}),
        ("包裹追踪：UA314159268CN", "x", {"UA314159268CN"}),
        # Not called a tracking number, or called something else:
        ("Your order 1Z12345E0205271686", "x", set()),
        ("Call 1Z12345E0205271686", "x", set()),
        ("Invoice number: 9400111202555842761230", "x", set()),
        ("Tracking updates by SMS to +1 202 555 0143, total $12.99, ZIP 94043", "x", set()),
    ],
)
def test_a_number_is_kept_only_when_the_text_calls_it_a_tracking_number(
    text: str, subject: str, expected: set[str]
) -> None:
    assert {n.number for n in understand(mail(text, subject)).new_numbers} == expected


def test_an_update_names_the_old_and_the_new_number() -> None:
    read = understand(
        mail(
            "The seller changed the tracking number of order 8187654321098765 from "
            "LP00512345678901 to RB765432106CN."
        )
    )
    assert read.update and read.order_number == "8187654321098765"
    assert [n.number for n in read.new_numbers] == ["RB765432106CN"]
    assert [n.number for n in read.old_numbers] == ["LP00512345678901"]


def test_order_items_and_total(corpus: dict[str, Case]) -> None:
    read = understand(corpus["aliexpress-en-html"].raw)
    assert read.shop == "AliExpress" and read.order_number == "8187654321098765"
    assert read.items == ["USB-C cable 2m braided"]
    assert read.total is not None and (read.total.minor, read.total.currency) == (1247, "USD")
    ru = understand(corpus["aliexpress-ru-koi8"].raw)
    assert ru.total is not None and (ru.total.minor, ru.total.currency) == (124900, "RUB")
    assert ru.items == ["Термокружка 500 мл"]
    temu = understand(corpus["temu-en"].raw)
    assert temu.items == ["Kitchen Scale Digital", "LED Strip Lights 5m"]


def test_the_corpus_reads_as_written(corpus: dict[str, Case]) -> None:
    for case in corpus.values():
        read = understand(case.raw)
        assert {n.number for n in read.new_numbers} == case.numbers, case.name
        assert {n.number for n in read.old_numbers} == case.replaced, case.name
        assert read.order_number == case.order, case.name


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"", set()),
        (b"\x00\xff\xfe garbage", set()),
        (b"Content-Type: multipart/mixed\n\nno boundary, tracking LP00512345678901", {"LP00512345678901"}),
        (b"Content-Type: multipart/mixed; boundary=a\n\n", set()),
        (
            b"Content-Type: multipart/alternative; boundary=x\n\n--x\n"
            b"Content-Type: text/plain; charset=nonsense-42"
            b"\n\nTracking: LP00512345678901\n--x--",
            {"LP00512345678901"},
        ),
        (b"Content-Type: text/plain\nContent-Transfer-Encoding: base64\n\n!!!not base64!!!", set()),
        (b"Content-Type: message/rfc822\n\nnot really a message", set()),
        (
            b"From: =?utf-8?b?broken?= <x@y>\nSubject: =?gb2312?b?zrTWqg==?=\n\n"
            b"Tracking number: UA314159268CN",
            {"UA314159268CN"},
        ),
    ],
)
def test_malformed_mail_is_read_as_far_as_it_goes(raw: bytes, expected: set[str]) -> None:
    assert {n.number for n in understand(raw).new_numbers} == expected
