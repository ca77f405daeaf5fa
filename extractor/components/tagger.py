"""A learned outcome-name tagger: which tokens of a sentence name an outcome measure ("serum C-reactive protein",
"hospital stay", "time to first flatus"), whatever the cue words around them.

The rules find an outcome next to a direction cue or in the lexicon; a reviewer also lists measures named in a
result sentence with no cue the rules know ("cortisol and adrenaline fell by 20%"). The tagger is a linear model
over hashed string features of each token and its neighbours (words, word pairs, suffixes, shapes), decoded over the
tags O / B (first word of a name) / I (a later word) with a transition score (Viterbi), so a sentence costs one
table lookup per feature and a 3-tag pass. Trained by ``python -m extractor.training.train_tagger`` (structured
averaged perceptron on weak labels: Evidence Inference outcome prompts matched back into their abstracts) and
shipped as ``data/models/outcome_tagger.npz``; without the file no tokens are tagged.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy

from extractor.lexicons import model_file

DEFAULT_OUTCOME_TAGGER = "models/outcome_tagger.npz"
DEFAULT_ARM_TAGGER = "models/arm_tagger.npz"
TAGS = ("O", "B", "I")
OUTSIDE, BEGIN, INSIDE = range(3)
BUCKETS = 2**18  # hashed feature rows: few collisions for the ~10^5 features a few hundred abstracts hold
WINDOW = (-2, -1, 0, 1, 2)
_BAD = -1e4  # the transition O → I: a name starts with B


@lru_cache(maxsize=200_000)
def _hash(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) & (BUCKETS - 1)  # stable across runs, unlike hash()


def _shape(word: str) -> str:
    if word.isdigit():
        return "d"
    if word.isupper():
        return "X" if len(word) > 1 else "A"
    if word[:1].isupper():
        return "Xx"
    if any(c.isdigit() for c in word):
        return "xd"
    return "x" if word.isalpha() else "p"


@lru_cache(maxsize=100_000)
def _word(word: str) -> tuple[str, str, tuple[int, ...], tuple[int, ...]]:
    """What a word contributes wherever it stands, computed once per word: its lower case, its shape, the hashed
    features of its own place (shape, prefix, suffix) and of it at each offset of the window."""
    lower = word.lower()
    shape = _shape(word)
    own = (_hash(f"s={shape}"), _hash(f"p3={lower[:3]}"), _hash(f"x3={lower[-3:]}"))
    return lower, shape, own, tuple(_hash(f"w{d}={lower}") for d in WINDOW)


@lru_cache(maxsize=200_000)
def _pair(kind: str, a: str, b: str) -> int:
    return _hash(f"{kind}={a}|{b}")


_EDGE = ("<s>", "<s>", (), tuple(_hash(f"w{d}=<s>") for d in WINDOW))
_END = ("</s>", "</s>", (), tuple(_hash(f"w{d}=</s>") for d in WINDOW))
_BIAS = _hash("b")


def features(words: Sequence[str]) -> list[tuple[int, ...]]:
    """The hashed feature rows of each token of a sentence (``words`` as written): its shape, prefix and suffix, the
    words at -2..+2, the word pairs it is in and the shapes of it and the word before. Built a column at a time."""
    known = [_word(w) for w in words]
    n = len(known)
    padded = [_EDGE, _EDGE, *known, _END, _END]
    before, after = padded[1 : n + 1], padded[3 : n + 3]
    columns = [[_BIAS] * n, *([w[2][j] for w in known] for j in range(3))]
    columns += [[w[3][j] for w in padded[2 + d : 2 + d + n]] for j, d in enumerate(WINDOW)]
    columns.append([_pair("w-1w0", a[0], w[0]) for a, w in zip(before, known, strict=True)])
    columns.append([_pair("w0w1", w[0], a[0]) for w, a in zip(known, after, strict=True)])
    columns.append([_pair("s-1s0", a[1], w[1]) for a, w in zip(before, known, strict=True)])
    return list(zip(*columns, strict=True))


def viterbi(emissions: numpy.ndarray, transitions: numpy.ndarray) -> list[int]:
    """The best tag sequence for per-token tag scores ``emissions`` (n × 3) and ``transitions`` (from × to, with a
    start row 3). Plain floats: for three tags, numpy's per-call cost would be most of the work."""
    rows = emissions.tolist()
    if not rows:
        return []
    trans = transitions.tolist()
    score = [trans[3][j] + rows[0][j] for j in range(3)]
    back = []
    for row in rows[1:]:
        step, new = [], []
        for j in range(3):
            best, value = 0, score[0] + trans[0][j]
            for i in (1, 2):
                if score[i] + trans[i][j] > value:
                    best, value = i, score[i] + trans[i][j]
            step.append(best)
            new.append(value + row[j])
        score = new
        back.append(step)
    path = [max(range(3), key=score.__getitem__)]
    for step in reversed(back):
        path.append(step[path[-1]])
    return path[::-1]


def spans_of(tags: Sequence[int]) -> list[tuple[int, int]]:
    """(start, end) of each name in a tag sequence (an I with no B before it starts one)."""
    found: list[tuple[int, int]] = []
    start = None
    for i, tag in enumerate([*tags, OUTSIDE]):
        if start is not None and tag != INSIDE:
            found.append((start, i))
            start = None
        if tag == BEGIN or (tag == INSIDE and start is None):
            start = i
    return found


@dataclass(frozen=True)
class Tagger:
    weights: numpy.ndarray  # BUCKETS × 3
    transitions: numpy.ndarray  # 4 × 3: from O, B, I, start → to O, B, I

    def tag(self, words: Sequence[str]) -> list[int]:
        return self.tag_all([words])[0]

    def tag_all(self, sentences: Sequence[Sequence[str]]) -> list[list[int]]:
        """The tags of each sentence; one table lookup for all of them."""
        rows = [features(words) for words in sentences]
        flat = [row for sentence in rows for row in sentence]
        if not flat:
            return [[] for _ in sentences]
        emissions = self.weights[numpy.array(flat, dtype=numpy.int64)].sum(axis=1)
        found, at = [], 0
        for sentence in rows:
            found.append(viterbi(emissions[at : at + len(sentence)], self.transitions))
            at += len(sentence)
        return found

    def names(self, words: Sequence[str]) -> list[tuple[int, int]]:
        return spans_of(self.tag(words))

    def save(self, path: Path) -> None:
        numpy.savez_compressed(path, weights=self.weights.astype(numpy.float16), transitions=self.transitions)


def constrained(transitions: numpy.ndarray) -> numpy.ndarray:
    """The transitions with O → I and start → I ruled out."""
    out = numpy.array(transitions, dtype=numpy.float32)
    out[OUTSIDE, INSIDE] = out[3, INSIDE] = _BAD
    return out


@lru_cache(maxsize=4)
def load_tagger(name: str) -> Tagger | None:
    """The tagger at ``name`` (relative to ``extractor/data`` unless absolute), or ``None`` when there is none."""
    path = model_file(name)
    if path is None:
        return None
    with numpy.load(path) as data:
        return Tagger(data["weights"].astype(numpy.float32), constrained(data["transitions"]))
