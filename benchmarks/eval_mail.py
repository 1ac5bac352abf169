"""Precision and recall of reading shipping e-mails: tracking numbers kept, numbers an update replaces,
and order numbers, over the corpus in benchmarks/mail_corpus.py.

    PYTHONPATH=src python benchmarks/eval_mail.py [-v] [--holdout]

--holdout scores benchmarks/mail_corpus_holdout.py, written after the rules were settled.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import mail_corpus  # noqa: E402
import mail_corpus_holdout  # noqa: E402

from parceltrail.services.mailin.understand import understand  # noqa: E402


def _score(tp: int, fp: int, fn: int) -> tuple[float, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall


def main(verbose: bool = False, holdout: bool = False) -> dict[str, tuple[float, float]]:
    counts = {"tracking": [0, 0, 0], "replaced": [0, 0, 0], "order": [0, 0, 0], "shop": [0, 0, 0]}
    corpus = (mail_corpus_holdout if holdout else mail_corpus).cases()
    for case in corpus:
        mail = understand(case.raw)
        got = {n.number for n in mail.new_numbers}
        old = {n.number for n in mail.old_numbers}
        for key, found, expected in (
            ("tracking", got, case.numbers),
            ("replaced", old, case.replaced),
            ("order", {mail.order_number} - {None}, {case.order} - {None}),
            ("shop", {mail.shop} - {None}, {case.shop} - {None}),
        ):
            c = counts[key]
            c[0] += len(found & expected)
            c[1] += len(found - expected)
            c[2] += len(expected - found)
            if verbose and found != expected:
                print(f"{case.name}: {key} got {sorted(found)} expected {sorted(expected)}")
    result = {}
    print(f"{len(corpus)} messages")
    for key, (tp, fp, fn) in counts.items():
        precision, recall = _score(tp, fp, fn)
        result[key] = (precision, recall)
        print(f"{key:9s} precision {precision:.3f} recall {recall:.3f} (tp {tp}, fp {fp}, fn {fn})")
    return result


if __name__ == "__main__":
    main("-v" in sys.argv, "--holdout" in sys.argv)
