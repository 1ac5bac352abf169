"""Learned fallback for texts the rules do not place: a character n-gram naive Bayes model.

Features are the character 1- to 4-grams of the `normalize()`d text padded with spaces, plus its
words, hashed (CRC-32) into `2**bits` buckets; each bucket counts once per text. The model is a
multinomial naive Bayes over subtags with a uniform prior, trained by
`benchmarks/train_classify_fallback.py` and shipped as `model/fallback.npz` (sparse counts; the
dense log-probabilities are built once, on first use). The tag is the one whose subtags hold the
most probability; the subtag is that tag's likeliest. Deterministic: no randomness at run time.

The posterior is tempered by the number of features (naive Bayes is over-confident on the many,
dependent n-grams of one text), and a text is only placed when that tempered probability of its
tag reaches `FLOOR`, and only when at least `MIN_COVERAGE` of its lettered 3/4-grams occurred in
training (gibberish, emoji and bare numbers stay unclassified). In alphabetic scripts a text also needs
one word of three or more letters: strings of one- and two-letter tokens ("ab cd ef") are made of the
3/4-grams every word boundary produces, so their coverage says nothing about vocabulary.
"""

from __future__ import annotations

import io
import zlib
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

from parceltrail.status.normalize import SHORT_WORD_SCRIPTS
from parceltrail.status.taxonomy import Subtag

MODEL_FILE = "fallback.npz"
FLOOR = 0.35  # tempered tag probability below which the model places nothing
MIN_COVERAGE = 0.5  # share of the text's lettered 3/4-grams the training texts must have shown
MAX_CONFIDENCE = 0.6  # a model guess never claims the confidence of a rule
_NGRAMS = (1, 2, 3, 4)


def known_grams(norm: str) -> set[int]:
    """Full CRC-32s of the text's character 3- and 4-grams that hold a letter: what `coverage` checks."""
    padded = f" {norm} "
    grams = {padded[i : i + n] for n in (3, 4) for i in range(len(padded) - n + 1)}
    return {zlib.crc32(g.encode("utf-8")) for g in grams if any(ch.isalpha() for ch in g)}


def has_word(norm: str) -> bool:
    """Whether the text holds a word the model can weigh: three letters, or any kana, ideograph or Hangul."""
    return any(sum(ch.isalpha() for ch in w) >= 3 or SHORT_WORD_SCRIPTS.search(w) for w in norm.split())


def features(norm: str, bits: int) -> list[int]:
    """Distinct hashed buckets of a normalised text (char 1-4-grams with space padding, and words)."""
    mask = (1 << bits) - 1
    padded = f" {norm} "
    grams = {padded[i : i + n] for n in _NGRAMS for i in range(len(padded) - n + 1)}
    grams.discard(" ")
    grams.update(f"w:{w}" for w in norm.split())
    return sorted({zlib.crc32(g.encode("utf-8")) & mask for g in grams})


@dataclass(frozen=True, slots=True)
class Guess:
    subtag: Subtag
    probability: float  # tempered probability of the subtag's tag


@dataclass(frozen=True, slots=True)
class Model:
    bits: int
    subtags: tuple[Subtag, ...]
    log_prob: np.ndarray  # (buckets, subtags) float32: log P(bucket | subtag)
    tag_of: np.ndarray  # (subtags,) int: index of each subtag's tag in `tags`
    tags: tuple[str, ...]
    temperature: float
    known: np.ndarray  # sorted uint32: CRC-32s of the 3/4-grams seen in training (see `known_grams`)

    def coverage(self, norm: str) -> float:
        """Share of the text's lettered 3/4-grams seen in training (0.0 for a text with none)."""
        grams = known_grams(norm)
        if not grams:
            return 0.0
        ask = np.fromiter(grams, dtype=np.uint32, count=len(grams))
        pos = np.searchsorted(self.known, ask).clip(0, max(len(self.known) - 1, 0))
        return float(np.count_nonzero(self.known[pos] == ask)) / len(grams) if len(self.known) else 0.0

    def predict(self, norm: str) -> Guess | None:
        feats = features(norm, self.bits)
        if not feats or not has_word(norm) or self.coverage(norm) < MIN_COVERAGE:
            return None
        scores = self.log_prob[feats].sum(axis=0, dtype=np.float64) / (len(feats) * self.temperature)
        probs = np.exp(scores - scores.max())
        probs /= probs.sum()
        by_tag = np.bincount(self.tag_of, weights=probs, minlength=len(self.tags))
        tag = int(np.argmax(by_tag))
        within = np.where(self.tag_of == tag, probs, -1.0)
        return Guess(self.subtags[int(np.argmax(within))], float(by_tag[tag]))


def build(
    bits: int,
    subtags: list[str],
    rows: np.ndarray,
    cols: np.ndarray,
    counts: np.ndarray,
    temperature: float,
    known: np.ndarray,
) -> Model:
    """Dense smoothed log-probabilities from sparse bucket counts (bucket `rows`, subtag `cols`)."""
    n_buckets, n_classes = 1 << bits, len(subtags)
    dense = np.zeros((n_buckets, n_classes), dtype=np.float64)
    dense[rows, cols] = counts
    alpha = 0.1
    totals = dense.sum(axis=0) + alpha * n_buckets
    log_prob = (np.log(dense + alpha) - np.log(totals)).astype(np.float32)
    tags = sorted({s.rsplit("_", 1)[0] for s in subtags})
    tag_of = np.array([tags.index(s.rsplit("_", 1)[0]) for s in subtags], dtype=np.int64)
    known = np.unique(known.astype(np.uint32))
    return Model(bits, tuple(Subtag(s) for s in subtags), log_prob, tag_of, tuple(tags), temperature, known)


def load(data: bytes) -> Model:
    with np.load(io.BytesIO(data), allow_pickle=False) as npz:
        return build(
            int(npz["bits"]),
            [str(s) for s in npz["subtags"]],
            npz["rows"].astype(np.int64),
            npz["cols"].astype(np.int64),
            npz["counts"].astype(np.float64),
            float(npz["temperature"]),
            npz["known"],
        )


@cache
def model() -> Model | None:
    """The packaged model, loaded once (None when the data file is absent)."""
    path = resources.files(__package__).joinpath("model", MODEL_FILE)
    if not path.is_file():
        return None
    return load(path.read_bytes())


def guess(norm: str) -> Guess | None:
    """The model's placement of a normalised text, or None when it is below the floor."""
    m = model()
    if m is None or not norm:
        return None
    found = m.predict(norm)
    return found if found is not None and found.probability >= FLOOR else None
