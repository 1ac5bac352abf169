"""Accuracy of `parceltrail.status.classify` on the shared real-carrier event corpus.

    .venv/bin/python benchmarks/eval_classify.py [--codes] [--path PATH]

Reads `<repo>/../shared/data/carrier_events/carrier_events.tsv` (never copied into the
project). By default each text is classified with its carrier slug but WITHOUT its carrier
code, so the figure measures the text rules; `--codes` also passes the code.
Prints overall and per-language tag/subtag accuracy and the most frequent confusions.
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from parceltrail.status import classify

REPO = Path(__file__).resolve().parents[1]
DATA_DIR = REPO.parent / "shared" / "data" / "carrier_events"
CORPUS = DATA_DIR / "carrier_events.tsv"
AMBIGUOUS = DATA_DIR / "ambiguous.tsv"


@dataclass
class Score:
    n: int = 0
    tag: int = 0
    subtag: int = 0

    def add(self, tag_ok: bool, subtag_ok: bool) -> None:
        self.n += 1
        self.tag += tag_ok
        self.subtag += subtag_ok

    @property
    def tag_acc(self) -> float:
        return self.tag / self.n if self.n else 0.0

    @property
    def subtag_acc(self) -> float:
        return self.subtag / self.n if self.n else 0.0


@dataclass
class Report:
    overall: Score = field(default_factory=Score)
    by_lang: dict[str, Score] = field(default_factory=dict)
    unambiguous: Score = field(default_factory=Score)
    unclassified: int = 0
    tag_confusions: Counter[tuple[str, str]] = field(default_factory=Counter)
    subtag_confusions: Counter[tuple[str, str]] = field(default_factory=Counter)


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def evaluate(
    rows: list[dict[str, str]], use_codes: bool = False, ambiguous: set[tuple[str, str]] | None = None
) -> Report:
    report = Report()
    for row in rows:
        result = classify(
            row["text"],
            carrier=row["carrier"] or None,
            code=(row["carrier_code"] or None) if use_codes else None,
        )
        got_tag = str(result.tag) if result.classified else "-"
        got_sub = str(result.subtag) if result.classified else "-"
        tag_ok, sub_ok = got_tag == row["tag"], got_sub == row["subtag"]
        report.overall.add(tag_ok, sub_ok)
        report.by_lang.setdefault(row["lang"], Score()).add(tag_ok, sub_ok)
        if ambiguous is not None and (row["text"], row["carrier"]) not in ambiguous:
            report.unambiguous.add(tag_ok, sub_ok)
        report.unclassified += not result.classified
        if not tag_ok:
            report.tag_confusions[(row["tag"], got_tag)] += 1
        if not sub_ok:
            report.subtag_confusions[(row["subtag"], got_sub)] += 1
    return report


def run(use_codes: bool = False, path: Path = CORPUS) -> Report:
    ambiguous_path = path.parent / AMBIGUOUS.name
    ambiguous = (
        {(r["text"], r["carrier"]) for r in read_tsv(ambiguous_path)} if ambiguous_path.exists() else None
    )
    return evaluate(read_tsv(path), use_codes=use_codes, ambiguous=ambiguous)


def print_report(report: Report, use_codes: bool) -> None:
    mode = "text + carrier code" if use_codes else "text + carrier slug (codes withheld)"
    print(f"mode: {mode}")
    print(f"{'lang':8}{'n':>6}{'tag':>9}{'subtag':>9}")
    for lang, score in sorted(report.by_lang.items(), key=lambda kv: -kv[1].n):
        print(f"{lang:8}{score.n:>6}{score.tag_acc:>9.1%}{score.subtag_acc:>9.1%}")
    o = report.overall
    print(f"{'all':8}{o.n:>6}{o.tag_acc:>9.1%}{o.subtag_acc:>9.1%}")
    if report.unambiguous.n:
        u = report.unambiguous
        print(f"{'unambig.':8}{u.n:>6}{u.tag_acc:>9.1%}{u.subtag_acc:>9.1%}")
    print(f"unclassified: {report.unclassified}")
    print("tag confusions (gold -> predicted):")
    for (gold, got), count in report.tag_confusions.most_common(10):
        print(f"  {count:3}  {gold} -> {got}")
    print("subtag confusions (gold -> predicted):")
    for (gold, got), count in report.subtag_confusions.most_common(15):
        print(f"  {count:3}  {gold} -> {got}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--codes", action="store_true", help="also pass each row's carrier code")
    parser.add_argument("--path", type=Path, default=CORPUS)
    args = parser.parse_args()
    print_report(run(use_codes=args.codes, path=args.path), args.codes)


if __name__ == "__main__":
    main()
