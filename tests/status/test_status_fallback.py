"""The learned fallback (status/model/fallback.npz) and concept priority (a cause outranks movement).

Sentences here are our own, written from general knowledge of carrier wording (not in benchmarks/data).
"""

from __future__ import annotations

import importlib.util
import sys
import zlib
from importlib import resources
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from parceltrail.status import Subtag, classify, fallback
from parceltrail.status.classifier import _classify_rules_only
from parceltrail.status.normalize import normalize
from parceltrail.status.rules import CAUSE_SUBTAGS, MOVEMENT_SUBTAGS, compile_rules, rule_set

REPO = Path(__file__).resolve().parents[2]

# Texts no rule places, that the model reads (pl, ro, cs: "out for delivery" in words the rules lack).
MODEL_PLACED = [
    ("Paczka u doręczyciela", "OutForDelivery_001"),
    ("Livrare în curs", "OutForDelivery_001"),
    ("Zásilka u doručovatele", "OutForDelivery_001"),
]


def test_greek_couriers_loan_word_is_a_rule_not_a_guess() -> None:
    # Greek carriers write the English loan word in Latin letters ("with the courier" = out for
    # delivery); a rule places it, so it does not hang on the model's n-grams.
    result = classify("Στον courier")
    assert result.subtag == Subtag.OutForDelivery_001 and result.rule.startswith("text:el:")


def test_model_loads_from_the_package() -> None:
    path = resources.files("parceltrail.status").joinpath("model", fallback.MODEL_FILE)
    assert path.is_file()
    model = fallback.model()
    assert model is not None and model is fallback.model()  # loaded once
    assert len(model.subtags) >= 30 and all(isinstance(s, Subtag) for s in model.subtags)
    assert model.weights.shape == (1 << model.bits, len(model.subtags))
    assert model.bias.shape == (len(model.subtags),)
    assert len(model.known) > 10_000 and np.all(np.diff(model.known.astype(np.int64)) > 0)


def test_model_is_deterministic() -> None:
    model = fallback.model()
    assert model is not None
    rebuilt = fallback.load(
        resources.files("parceltrail.status").joinpath("model", fallback.MODEL_FILE).read_bytes()
    )
    for text, _ in MODEL_PLACED:
        norm = normalize(text)
        assert model.predict(norm) == model.predict(norm) == rebuilt.predict(norm)
    assert fallback.features("zugestellt", 16) == fallback.features("zugestellt", 16)


def _trainer() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "train_fb", REPO / "benchmarks" / "train_classify_fallback.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_training_is_deterministic_and_the_shipped_file_is_current() -> None:
    # The shipped file was written by another run of the trainer: equal arrays mean the training is
    # deterministic (seeded order, no threads) and the file is current.
    trainer = _trainer()
    retrained = trainer.train(trainer.gather())
    shipped = np.load(trainer.OUT)
    assert set(retrained) == set(shipped.files)
    for key in retrained:
        assert np.array_equal(retrained[key], shipped[key]), (
            f"{key}: retrain with benchmarks/train_classify_fallback.py"
        )


def test_no_training_text_reads_like_a_blind_row() -> None:
    # Test sentences and rule phrases are written by us, and a short common one ("Delivered") can equal a
    # real text of a blind batch; the trainer leaves such texts out of what the model learns.
    trainer = _trainer()
    blind = trainer._blind_texts()
    assert blind, "the blind splits hold texts"
    assert any(normalize(text) in blind for text, _ in trainer.test_sentences())
    assert not [text for text, _, _ in trainer.gather() if normalize(text) in blind]


def test_quantized_weights_keep_the_model() -> None:
    weights = np.array([[0.5, -2.0], [0.0, 1.0], [-0.25, 0.0]])
    quantized, scale = fallback.quantize(weights)
    assert quantized.dtype == np.int8 and quantized[0, 1] == -127
    assert np.allclose(fallback.dequantize(quantized, scale), weights, atol=float(scale.max()) / 2)
    zero_column, zero_scale = fallback.quantize(np.zeros((2, 1)))
    assert not zero_column.any() and zero_scale[0] == 1.0


@pytest.mark.parametrize(("text", "expected"), MODEL_PLACED)
def test_model_places_texts_no_rule_places(text: str, expected: str) -> None:
    assert not _classify_rules_only(text).classified
    result = classify(text)
    assert result.classified and result.rule.startswith("model:")
    assert result.subtag == Subtag(expected)
    assert 0.0 < result.confidence <= fallback.MAX_CONFIDENCE


def _sentences() -> list[tuple[str, str, str]]:
    spec = importlib.util.spec_from_file_location(
        "multilang_cases", REPO / "tests/status/test_status_multilang.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return [*module.CASES, *module.CARRIER_WORDING, *module.CONCEPTS, *module.OUTCOMES, *module.MORE_WORDING]


def test_model_never_overrides_a_rule() -> None:
    for lang, text, _ in _sentences():
        rules_only = _classify_rules_only(text)
        if rules_only.classified:
            full = classify(text)
            assert (full.subtag, full.rule) == (rules_only.subtag, rules_only.rule), (lang, text)
            assert full.confidence > fallback.MAX_CONFIDENCE


@pytest.mark.parametrize(
    "text", ["qwerty zxcvb", "zzxq vvkp", "12345 67890", "🙂🙂", "x" * 3000, "ab cd ef gh"]
)
def test_model_leaves_text_without_known_evidence_alone(text: str) -> None:
    assert fallback.guess(normalize(text)) is None


# --- cause over movement ----------------------------------------------------------------------------

CAUSE_BESIDE_MOVEMENT = [
    ("en", "Arrived at the pickup point. Storage period exceeded", "Exception_008"),
    ("en", "Departed facility - package damaged", "Exception_012"),
    ("en", "Out for delivery; address unknown", "Exception_007"),
    ("de", "Sendung in der Filiale eingetroffen, Lagerfrist überschritten", "Exception_008"),
    ("de", "Die Sendung wurde sortiert. Annahme verweigert", "Exception_003"),
    ("fr", "Colis en cours d'acheminement, refusé par le destinataire", "Exception_003"),
    ("nl", "Zending gesorteerd, retour afzender", "Exception_010"),
    ("pl", "Przesyłka w drodze, odmowa przyjęcia", "Exception_003"),
    ("tr", "Kargo dağıtıma çıktı, alıcı adresi bulunamadı", "Exception_007"),
    ("ru", "Прибыло в место вручения, истек срок хранения", "Exception_008"),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CAUSE_BESIDE_MOVEMENT)
def test_cause_outranks_movement(lang: str, text: str, expected: str) -> None:
    assert classify(text).subtag == Subtag(expected)
    assert classify(text, lang=lang).subtag == Subtag(expected)


_TOY = [
    {"id": "arrived", "subtag": "InTransit_003", "any": ["arrived"]},
    {"id": "pickup_days", "subtag": "AvailableForPickup_001", "any": ["days left"], "outranks_causes": True},
    {"id": "storage", "subtag": "Exception_008", "any": ["storage (?:period )?(?:exceeded|expired)"]},
]


def test_priority_is_by_concept_not_rule_order() -> None:
    toy = compile_rules("xx", _TOY)
    norm = "arrived at the branch; storage period exceeded"
    first = toy.first_match(norm)
    assert first is not None and first.subtag in MOVEMENT_SUBTAGS  # file order alone reads movement
    cause = toy.first_cause(norm)
    assert cause is not None and cause[0].subtag in CAUSE_SUBTAGS
    assert norm[cause[1][0] : cause[1][1]] == "storage period exceeded"
    assert toy.first_cause("arrived at the branch") is None


def test_rules_written_for_the_phrase_keep_their_place() -> None:
    # "storage period expires (5 days left)" is a reminder: the Russian rule opts out of the priority.
    assert (
        classify("Обработка: Истекает срок хранения (осталось 5 дней)").subtag
        == Subtag.AvailableForPickup_001
    )
    ru = rule_set("ru")
    assert ru is not None and any(r.outranks_causes for r in ru.rules)


def test_a_cause_is_not_invented_where_there_is_none() -> None:
    for text in ["Arrived at the pickup point", "Sendung in der Filiale eingetroffen", "Przesyłka w drodze"]:
        result = classify(text)
        assert result.classified and result.subtag in MOVEMENT_SUBTAGS, text


# --- linear time ------------------------------------------------------------------------------------

_HOSTILE = [
    "a" * 50_000,
    "ab " * 20_000,
    "storage " * 6_000 + "arrived",
    "ü" * 30_000,
    "返" * 30_000,
    ("arrived " + "x" * 40 + " ") * 1_000 + "storage period exceeded",
]


@pytest.mark.timeout(30)
@pytest.mark.parametrize("text", _HOSTILE, ids=lambda t: f"{t[:12]!r}x{len(t)}")
def test_hostile_input_finishes_in_the_model_and_the_priority(text: str) -> None:
    norm = normalize(text)
    model = fallback.model()
    assert model is not None
    model.predict(norm[:2000])
    for lang in ("en", "de", "ru", "zh"):
        rules = rule_set(lang)
        assert rules is not None
        rules.first_cause(norm)
        rules.first_match_span(norm)
    classify(text)


def test_a_rule_that_repeats_a_pattern_is_refused() -> None:
    # A repeat would count twice in the trigger index and in the phrases the trainer samples.
    repeated = [{"id": "delivered", "subtag": "Delivered_001", "any": ["delivered", "handed", "delivered"]}]
    with pytest.raises(ValueError, match="repeats 'delivered'"):
        compile_rules("xx", repeated)


def test_coverage_reads_cjk_by_pairs_and_alphabets_by_three_and_four() -> None:
    # Chinese is written without spaces, so a new source's 3-grams are mostly unseen even when every word
    # is known: coverage checks its 2-grams, and an alphabet's 3- and 4-grams with a letter in them.
    cjk = fallback.known_grams(normalize("已签收"))
    assert cjk == {zlib.crc32(g.encode("utf-8")) for g in (" 已", "已签", "签收", "收 ")}
    latin = fallback.known_grams(normalize("ok 12"))
    assert latin == {zlib.crc32(g.encode("utf-8")) for g in (" ok", "ok ", "k 1", " ok ", "ok 1", "k 12")}
