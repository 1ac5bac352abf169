from __future__ import annotations

import dataclasses
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parceltrail.status import UNCLASSIFIED_RULE, Classification, Subtag, Tag, classify


def test_result_is_frozen_and_consistent() -> None:
    result = classify("Delivered, In/At Mailbox")
    assert result.classified and result.tag is Tag.Delivered and result.subtag is Subtag.Delivered_001
    assert result.rule.startswith("text:en:") and 0 < result.confidence <= 1
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.tag = Tag.Pending  # type: ignore[misc]


@pytest.mark.parametrize("text", ["", "   ", "qwerty zxcvb", "12345", "\x00\x01", "🙂"])
def test_unplaceable_text_is_explicitly_unclassified(text: str) -> None:
    result = classify(text)
    assert not result.classified
    assert result.tag is None and result.subtag is None
    assert result.confidence == 0.0 and result.rule == UNCLASSIFIED_RULE


def test_inconsistent_classification_cannot_be_built() -> None:
    with pytest.raises(ValueError):
        Classification(Tag.Delivered, None, 1.0, None, "x", True)
    with pytest.raises(ValueError):
        Classification(Tag.Delivered, Subtag.InTransit_001, 1.0, None, "x", True)
    with pytest.raises(ValueError):
        Classification(None, None, 0.0, None, "x", True)


def test_code_table_takes_precedence_over_text() -> None:
    result = classify("Some unhelpful text", carrier="ups", code="RS")
    assert result.subtag is Subtag.Exception_010 and result.rule == "code:ups:RS"
    result = classify("", carrier="russian-post", code="2/2")
    assert result.subtag is Subtag.Exception_011 and result.rule == "code:russian-post:2/2"
    # Dotted Russian Post codes are accepted too.
    assert classify("", carrier="russian-post", code="14.1").subtag is Subtag.InTransit_005


def test_partial_code_defers_to_text_then_falls_back() -> None:
    # Russian Post operation 12 (failed attempt) with an attribute not in the table: text decides.
    text = "Неудачная попытка вручения: Неправильный адрес"
    result = classify(text, carrier="russian-post", code="12/99")
    assert result.subtag is Subtag.Exception_007 and result.rule.startswith("text:ru:")
    # Without usable text, the operation alone is used, at lower confidence.
    fallback = classify("", carrier="russian-post", code="12/99")
    assert fallback.subtag is Subtag.AttemptFail_001 and fallback.confidence < 0.9
    assert classify("", carrier="colissimo", code="LIVXXX").subtag is Subtag.Delivered_001
    assert classify("", carrier="correios", code="BDE/23").subtag is Subtag.Exception_011


@pytest.mark.parametrize(
    ("carrier", "code", "expected"),
    [
        ("laposte", "DI1", "Delivered_001"),
        ("laposte", "DO1", "InTransit_006"),
        ("colissimo", "PCHCFM", "InTransit_002"),
        ("correios", "PO", "InTransit_002"),
        ("correios", "OEC/01", "OutForDelivery_001"),
        ("usps", "OF", "OutForDelivery_001"),
        ("usps", "01", "Delivered_001"),
        ("ups", "M", "InfoReceived_001"),
        ("dhl", "pre-transit", "InfoReceived_001"),
        ("dhl", "failure", "Exception_001"),
    ],
)
def test_code_tables(carrier: str, code: str, expected: str) -> None:
    assert classify("", carrier=carrier, code=code).subtag == Subtag(expected)


def test_unknown_carrier_or_code_uses_text() -> None:
    result = classify("Out for delivery", carrier="nobody", code="ZZ")
    assert result.subtag is Subtag.OutForDelivery_001 and result.rule.startswith("text:")


@pytest.mark.parametrize(
    ("text", "location"),
    [
        ("Arrived at facility in MEMPHIS, TN", "MEMPHIS, TN"),
        ("Departed from DHL facility in Leipzig - Germany", "Leipzig - Germany"),
        ("到达【深圳转运中心】", "深圳转运中心"),
        ("【上海市】 快件离开 【外高桥北部】 已发往 【上海浦东中心】", "外高桥北部"),
        ("Прибыло в место вручения, Москва 101000", "Москва 101000"),
        ("Package available for pickup at: 2420 N BLACKSTONE AVE", "2420 N BLACKSTONE AVE"),
        ("Arrivée sur le site de Roissy", "Roissy"),
        ("Objeto encaminhado para Unidade de Tratamento em Curitiba / PR", "Curitiba / PR"),
        ("Arrived at facility", None),
        ("In transit", None),
    ],
)
def test_location_extraction(text: str, location: str | None) -> None:
    assert classify(text).location == location


def test_lang_hint_and_regional_codes() -> None:
    assert classify("Entregado", lang="es").subtag is Subtag.Delivered_001
    assert classify("Entregado", lang="ES").subtag is Subtag.Delivered_001
    assert classify("Entregado", lang="xx").subtag is Subtag.Delivered_001  # unknown hint: guessed


def test_long_and_odd_input_does_not_raise() -> None:
    assert classify("Delivered " + "x" * 10_000).classified
    assert classify(None).classified is False  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120))
def test_any_text_gets_a_valid_result_and_fast_path_matches_reference(text: str) -> None:
    from parceltrail.status.normalize import normalize
    from parceltrail.status.rules import available_langs, rule_set

    result = classify(text)
    assert result.classified == (result.subtag is not None)
    norm = normalize(text)
    for lang in available_langs():
        rules = rule_set(lang)
        assert rules is not None
        assert rules.first_match(norm) == rules.first_match_reference(norm)


def test_deterministic() -> None:
    texts = ["Прием", "已揽收", "Objeto postado", "Votre colis est livré", "Die Sendung wurde zugestellt"]
    assert [classify(t) for t in texts] == [classify(t) for t in texts]


def test_coarse_status_codes_defer_to_a_more_precise_text() -> None:
    # DHL's unified statusCode and UPS's status type are categories, not events.
    result = classify("Shipment is out with courier for delivery", carrier="dhl", code="transit")
    assert result.subtag is Subtag.OutForDelivery_001 and result.rule.startswith("text:en:")
    assert classify("", carrier="dhl", code="transit").subtag is Subtag.InTransit_001
    assert classify("Out For Delivery Today", carrier="ups", code="I").tag is Tag.OutForDelivery


def test_script_beats_the_carriers_language() -> None:
    # A Chinese carrier relaying English scans, a Russian carrier relaying Chinese ones.
    assert classify("Electronic information received", carrier="china-post").tag is Tag.InfoReceived
    assert classify("Arrived at USPS Regional Facility", carrier="china-post").tag is Tag.InTransit
    assert classify("已揽收", carrier="russian-post").subtag is Subtag.InTransit_002
    # The carrier's language is only a hint for Latin script: English wording still wins.
    assert classify("Shipment in preparation to be shipped", carrier="chronopost").tag is Tag.InfoReceived


@pytest.mark.parametrize(
    "text",
    ["in A" + " -" * 1000, "à A" + " -" * 1000, "в, А" + " а" * 1000 + ":", "at " + "A " * 990, "x " * 999],
)
def test_adversarial_text_is_handled_in_linear_time(text: str) -> None:
    from parceltrail.status.classifier import _classify

    for lang in ("en", "fr", "ru", "de"):
        classify("warm up", lang=lang)  # compile the rule files outside the timing
    start = time.perf_counter()
    for lang in (None, "en", "fr", "ru"):
        _classify.cache_clear()
        classify(text, lang=lang)
    # A hang guard, not a speed test (speed is measured by benchmarks/bench_classify.py): catastrophic
    # backtracking on these inputs would take minutes.
    assert time.perf_counter() - start < 10


def test_a_pattern_without_a_literal_start_wakes_on_a_literal_it_requires() -> None:
    from parceltrail.status.rules import _required_runs, _triggers, compile_rules

    assert _required_runs(r"[îi]napoi la expeditor") == ["napoi la expeditor"]
    assert _required_runs(r"(?:leaving|exit(?:ed)? from) (?:the )?customs") == [" ", "customs"]
    assert _required_runs(r"(?:a|b)?") == []
    (trigger,) = _triggers([r"[îi]napoi la expeditor"], 3, {})
    assert trigger is not None and len(trigger) == 1 and next(iter(trigger)) in "napoi la expeditor"
    rules = compile_rules("xx", [{"id": "r", "subtag": "Exception_010", "any": [r"[îi]napoi la expeditor"]}])
    assert not rules.always
    for text in ("coletul se intoarce inapoi la expeditor", "înapoi la expeditor", "la expeditor"):
        assert rules.first_match(text) == rules.first_match_reference(text)
