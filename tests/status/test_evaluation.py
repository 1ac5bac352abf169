"""Accuracy goals on the shared real-carrier corpus. Fails (never skips) when the file is missing."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "data" / "carrier_events" / "carrier_events.tsv"


def _eval_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_classify", REPO / "benchmarks" / "eval_classify.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file executes
    spec.loader.exec_module(module)
    return module


def test_corpus_is_present() -> None:
    assert CORPUS.is_file(), f"evaluation corpus missing: {CORPUS}"


def test_accuracy_goals_text_only() -> None:
    report = _eval_module().run(use_codes=False, path=CORPUS)
    assert report.overall.n == 814
    assert report.overall.tag_acc >= 0.97, report.overall
    assert report.overall.subtag_acc >= 0.90, report.overall
    for lang, score in report.by_lang.items():
        assert score.tag_acc >= 0.90, (lang, score)


def test_fast_rule_path_agrees_with_the_combined_regex_on_the_corpus() -> None:
    from parceltrail.status.normalize import normalize
    from parceltrail.status.rules import available_langs, rule_set

    rows = _eval_module().read_tsv(CORPUS)
    for lang in available_langs():
        rules = rule_set(lang)
        assert rules is not None
        for row in rows:
            norm = normalize(row["text"])
            assert rules.first_match(norm) == rules.first_match_reference(norm), (lang, row["text"])


def test_accuracy_goals_with_carrier_codes() -> None:
    report = _eval_module().run(use_codes=True, path=CORPUS)
    assert report.overall.tag_acc >= 0.97, report.overall
    assert report.overall.subtag_acc >= 0.90, report.overall
    for lang, score in report.by_lang.items():
        assert score.tag_acc >= 0.90, (lang, score)
