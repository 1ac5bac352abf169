"""Out-of-source accuracy of `parceltrail.status.classify` on carrier texts in many languages.

    .venv/bin/python benchmarks/eval_classify_multilang.py [--split dev|eval|fresh|...|all] [--lang-hint]
                                                         [--errors] [--without-source TEXT ...]

Reads `benchmarks/data/multilang_events.tsv`: short status texts gathered from public carrier
tables, client libraries and explainer pages (source per row), hand-labelled. Rows are split by
source: `dev` sources were used to correct rules; `eval` sources never were (measured during the
work, so the developer had seen them); `fresh` sources were gathered last and measured blind once
(docs/benchmarks.md gives that figure and what changed after it). The `eval` and `fresh` figures say
how the classifier does on wording it was not built from. `fresh3` sources were set aside before the
third round's rule work began and measured blind once at its end (docs/benchmarks.md gives that
figure and what changed after it); the shipped fallback model is never trained on them.
`train8`, `train9` and `train10` rows are real texts from many further sources that the rules were
corrected from and the model trains on; `fresh8`, `fresh9` and `fresh10` sources were split from them by
their file index id before any was read, and are measured blind (neither rules nor model learn from them).
`multilang_splits.toml` lists every split and which ones the model never trains on.
Texts are classified without carrier and, by default, without language (the classifier must
find the language itself); `--lang-hint` passes the row's language. Prints per-language
tag accuracy, subtag accuracy and unclassified share.
"""

from __future__ import annotations

import argparse
import csv
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from parceltrail.status import classify

DATA = Path(__file__).resolve().parent / "data" / "multilang_events.tsv"
# Every split the data file may hold, in order of gathering (what each is for: the file's comments).
SPLITS: tuple[str, ...] = tuple(tomllib.loads(
    (DATA.parent / "multilang_splits.toml").read_text(encoding="utf-8"))["splits"])


@dataclass
class Score:
    n: int = 0
    tag: int = 0
    subtag: int = 0
    unclassified: int = 0

    def add(self, tag_ok: bool, subtag_ok: bool, placed: bool) -> None:
        self.n += 1
        self.tag += tag_ok
        self.subtag += subtag_ok
        self.unclassified += not placed

    @property
    def tag_acc(self) -> float:
        return self.tag / self.n if self.n else 0.0

    @property
    def subtag_acc(self) -> float:
        return self.subtag / self.n if self.n else 0.0

    @property
    def unclassified_share(self) -> float:
        return self.unclassified / self.n if self.n else 0.0


@dataclass
class Report:
    overall: Score = field(default_factory=Score)
    by_lang: dict[str, Score] = field(default_factory=dict)
    errors: list[tuple[str, str, str, str]] = field(default_factory=list)  # lang, text, gold, got
    tag_confusions: Counter[tuple[str, str]] = field(default_factory=Counter)
    # Who placed each text: a rule or code table, the learned fallback, or nobody.
    by_placer: dict[str, Score] = field(default_factory=dict)


def _placer(classified: bool, rule: str) -> str:
    if not classified:
        return "unplaced"
    return "model" if rule.startswith("model:") else "rules/codes"


def read_rows(path: Path = DATA) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\"))


def evaluate(rows: list[dict[str, str]], lang_hint: bool = False) -> Report:
    report = Report()
    for row in rows:
        result = classify(row["text"], lang=row["lang"] if lang_hint else None)
        got_tag = str(result.tag) if result.classified else "-"
        got_sub = str(result.subtag) if result.classified else "-"
        tag_ok, sub_ok = got_tag == row["tag"], got_sub == row["subtag"]
        report.overall.add(tag_ok, sub_ok, result.classified)
        report.by_lang.setdefault(row["lang"], Score()).add(tag_ok, sub_ok, result.classified)
        placer = _placer(result.classified, result.rule)
        report.by_placer.setdefault(placer, Score()).add(tag_ok, sub_ok, result.classified)
        if not sub_ok:
            report.errors.append((row["lang"], row["text"], row["subtag"], got_sub))
        if not tag_ok:
            report.tag_confusions[(row["tag"], got_tag)] += 1
    return report


def run(split: str = "eval", lang_hint: bool = False, path: Path = DATA,
        without: tuple[str, ...] = ()) -> Report:
    # "fresh4" and "fresh5" are both halves of the fourth and fifth blind batches (fresh4a/b, fresh5a/b)
    halves = split in ("fresh4", "fresh5")
    rows = [r for r in read_rows(path)
            if (split == "all" or r["split"] == split or (halves and r["split"].startswith(split)))
            and not any(w in r["source"] for w in without)]
    return evaluate(rows, lang_hint=lang_hint)


def print_report(report: Report, title: str, errors: bool = False) -> None:
    print(title)
    print(f"{'lang':6}{'n':>5}{'tag':>9}{'subtag':>9}{'unclass.':>10}")
    for lang, s in sorted(report.by_lang.items(), key=lambda kv: (-kv[1].n, kv[0])):
        print(f"{lang:6}{s.n:>5}{s.tag_acc:>9.1%}{s.subtag_acc:>9.1%}{s.unclassified_share:>10.1%}")
    o = report.overall
    print(f"{'all':6}{o.n:>5}{o.tag_acc:>9.1%}{o.subtag_acc:>9.1%}{o.unclassified_share:>10.1%}")
    print("placed by: " + ", ".join(
        f"{placer} {s.n} (tag right {s.tag})" for placer, s in sorted(report.by_placer.items())
    ))
    if report.tag_confusions:
        print("tag confusions (gold -> predicted):")
        for (gold, got), count in report.tag_confusions.most_common(8):
            print(f"  {count:3}  {gold} -> {got}")
    if errors:
        print("subtag errors (lang, text, gold, predicted):")
        for lang, text, gold, got in report.errors:
            print(f"  {lang}  {text!r}  {gold} -> {got}")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    splits = (*SPLITS, "fresh4", "fresh5", "all")
    parser.add_argument("--split", choices=splits, default="eval")
    parser.add_argument("--lang-hint", action="store_true", help="pass each row's language to classify()")
    parser.add_argument("--errors", action="store_true", help="list every row whose subtag is wrong")
    parser.add_argument("--path", type=Path, default=DATA)
    parser.add_argument("--without-source", action="append", default=[], metavar="TEXT",
                        help="leave out rows whose source contains TEXT (repeatable), e.g. a source "
                             "a developer has seen")
    args = parser.parse_args()
    mode = "language given" if args.lang_hint else "no language, no carrier"
    if args.without_source:
        mode += ", without " + ", ".join(args.without_source)
    report = run(args.split, args.lang_hint, args.path, tuple(args.without_source))
    print_report(report, f"split: {args.split} ({mode})", errors=args.errors)


if __name__ == "__main__":
    main()
