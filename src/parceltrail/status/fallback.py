"""Learned fallback for texts the rules do not place: a linear model over character n-grams.

Features are the character 1- to 4-grams of the `normalize()`d text padded with spaces, plus its
words, hashed (CRC-32) into `2**bits` buckets; each bucket counts once per text. The model is a
multinomial logistic regression over subtags: a text's score for a subtag is the sum of its buckets'
weights divided by the square root of their number (so a long text does not shout), plus the subtag's
bias, and a softmax turns the scores into probabilities. Trained by `benchmarks/train_classify_fallback.py`
and shipped as `model/fallback.npz`, the weights as int8 with one scale per subtag (dequantised once, on
first use). The tag is the one whose subtags hold the most probability; the subtag is that tag's
likeliest. Deterministic: no randomness at run time.

A discriminative model, unlike naive Bayes, weighs n-grams by how well they tell subtags apart rather
than by how often they occur, so the shared stems of a language ("przesyłka", "zásilka") stop voting
for whichever subtag had the most training sentences.

A text is only placed when the probability of its tag reaches `FLOOR`, and only when at least
`MIN_COVERAGE` of its lettered 3/4-grams (2-grams in kana, ideographs and Hangul, written without spaces)
occurred in training (gibberish, emoji and bare numbers stay unclassified). In alphabetic scripts a
text also needs one word of three or more letters: strings of one- and two-letter tokens ("ab cd ef")
are made of the 3/4-grams every word boundary produces, so their coverage says nothing about
vocabulary; nor does a run of one letter ("xxxx", a mask or filler).
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
# Both chosen by `--cv` (benchmarks/train_classify_fallback.py): the floor x coverage grid's best cell that
# still leaves keyboard mash alone ("qwerty zxcvb" has a coverage of 0.35).
FLOOR = 0.2  # tempered tag probability below which the model places nothing
MIN_COVERAGE = 0.4  # share of the text's lettered 3/4-grams (CJK 2-grams) training must have shown
MAX_CONFIDENCE = 0.6  # a model guess never claims the confidence of a rule
_NGRAMS = (1, 2, 3, 4)


def known_grams(norm: str) -> set[int]:
    """Full CRC-32s of what `coverage` checks: the text's character 3- and 4-grams that hold a letter
    and no kana, ideograph or Hangul, and its 2-grams that hold one of those (a script written without
    spaces, where a new source's 3-grams are mostly unseen even when every word is known)."""
    padded = f" {norm} "
    grams = {padded[i : i + n] for n in (2, 3, 4) for i in range(len(padded) - n + 1)}
    return {
        zlib.crc32(g.encode("utf-8"))
        for g in grams
        if any(ch.isalpha() for ch in g) and (len(g) == 2) == (SHORT_WORD_SCRIPTS.search(g) is not None)
    }


def _weighable(word: str) -> bool:
    """Three letters of at least two kinds (a run of one letter, "xxxx", is a mask or filler, not
    vocabulary), or any kana, ideograph or Hangul."""
    letters = [ch for ch in word if ch.isalpha()]
    return (len(letters) >= 3 and len(set(letters)) >= 2) or SHORT_WORD_SCRIPTS.search(word) is not None


def has_word(norm: str) -> bool:
    """Whether the text holds a word the model can weigh (`_weighable`)."""
    return any(_weighable(w) for w in norm.split())


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
    weights: np.ndarray  # (buckets, subtags) float32
    bias: np.ndarray  # (subtags,) float32
    tag_of: np.ndarray  # (subtags,) int: index of each subtag's tag in `tags`
    tags: tuple[str, ...]
    known: np.ndarray  # sorted uint32: CRC-32s of the n-grams seen in training (see `known_grams`)

    def coverage(self, norm: str) -> float:
        """Share of the text's `known_grams` seen in training (0.0 for a text with none)."""
        grams = known_grams(norm)
        if not grams:
            return 0.0
        ask = np.fromiter(grams, dtype=np.uint32, count=len(grams))
        pos = np.searchsorted(self.known, ask).clip(0, max(len(self.known) - 1, 0))
        return float(np.count_nonzero(self.known[pos] == ask)) / len(grams) if len(self.known) else 0.0

    def probabilities(self, feats: list[int]) -> np.ndarray:
        """Softmax over subtags of a text's distinct buckets (see the module docstring)."""
        scores = self.weights[feats].sum(axis=0, dtype=np.float64) / np.sqrt(len(feats)) + self.bias
        probs = np.exp(scores - scores.max())
        return probs / probs.sum()

    def best(self, feats: list[int]) -> Guess:
        """The likeliest tag's likeliest subtag for a text's buckets, whatever its coverage or probability."""
        probs = self.probabilities(feats)
        by_tag = np.bincount(self.tag_of, weights=probs, minlength=len(self.tags))
        tag = int(np.argmax(by_tag))
        within = np.where(self.tag_of == tag, probs, -1.0)
        return Guess(self.subtags[int(np.argmax(within))], float(by_tag[tag]))

    def predict(self, norm: str) -> Guess | None:
        feats = features(norm, self.bits)
        if not feats or not has_word(norm) or self.coverage(norm) < MIN_COVERAGE:
            return None
        return self.best(feats)


def quantize(weights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """int8 weights and the per-subtag scale that maps them back (`dequantize`)."""
    scale = np.abs(weights).max(axis=0) / 127.0
    scale[scale == 0] = 1.0
    return np.rint(weights / scale).astype(np.int8), scale.astype(np.float32)


def dequantize(quantized: np.ndarray, scale: np.ndarray) -> np.ndarray:
    return quantized.astype(np.float32) * scale.astype(np.float32)


def build(bits: int, subtags: list[str], weights: np.ndarray, bias: np.ndarray, known: np.ndarray) -> Model:
    """The model from its (dequantised) weights, biases and the training n-gram checksums."""
    if weights.shape != (1 << bits, len(subtags)) or bias.shape != (len(subtags),):
        raise ValueError(f"weights {weights.shape} and bias {bias.shape} do not fit {len(subtags)} subtags")
    tags = sorted({s.rsplit("_", 1)[0] for s in subtags})
    tag_of = np.array([tags.index(s.rsplit("_", 1)[0]) for s in subtags], dtype=np.int64)
    return Model(
        bits,
        tuple(Subtag(s) for s in subtags),
        np.asarray(weights, dtype=np.float32),  # no copy of the dequantised table
        np.asarray(bias, dtype=np.float32),
        tag_of,
        tuple(tags),
        np.unique(known.astype(np.uint32)),
    )


def load(data: bytes) -> Model:
    with np.load(io.BytesIO(data), allow_pickle=False) as npz:
        return build(
            int(npz["bits"]),
            [str(s) for s in npz["subtags"]],
            dequantize(npz["weights"], npz["scale"]),
            npz["bias"],
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
