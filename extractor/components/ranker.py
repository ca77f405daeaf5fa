"""A small logistic ranker over string features: which candidates (outcome phrases) a systematic reviewer would list.

The rules find more candidates than an evidence table holds ("mean annual", "secondary outcome measures"); the ranker
scores each from features of its words, cue, section and salience, and the component keeps those at or above the
threshold. Trained by ``python -m extractor.training.train_ranker`` on the Evidence Inference prompts (weak labels)
and shipped as JSON (``data/models/outcome_ranker.json``: bias, threshold, weights per feature). Without the file
the component keeps every candidate, as before.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy

from extractor.lexicons import model_file

DEFAULT_OUTCOME_RANKER = "models/outcome_ranker.json"


@dataclass(frozen=True)
class Ranker:
    weights: dict[str, float]
    bias: float
    threshold: float

    def score(self, features: Iterable[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self) -> str:
        return json.dumps({"bias": self.bias, "threshold": self.threshold, "weights": self.weights}, sort_keys=True)


@lru_cache(maxsize=4)
def load_ranker(name: str) -> Ranker | None:
    """The ranker at ``name`` (relative to ``extractor/data`` unless absolute), or ``None`` when there is none."""
    path = model_file(name)
    if path is None:
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return Ranker({str(k): float(v) for k, v in data["weights"].items()}, float(data["bias"]), float(data["threshold"]))


def fit(
    rows: Sequence[tuple[Sequence[str], int]], *, l2: float = 1.0, epochs: int = 300, min_count: int = 2
) -> tuple[dict[str, float], float]:
    """Weights and bias of an L2-regularised logistic regression (full-batch gradient descent with AdaGrad) over
    binary features seen at least ``min_count`` times."""
    counts: dict[str, int] = {}
    for features, _ in rows:
        for f in set(features):
            counts[f] = counts.get(f, 0) + 1
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= min_count))}
    x = numpy.zeros((len(rows), len(vocab)), dtype=numpy.float32)
    for r, (features, _) in enumerate(rows):
        for f in set(features):
            if f in vocab:
                x[r, vocab[f]] = 1.0
    y = numpy.array([label for _, label in rows], dtype=numpy.float32)
    w = numpy.zeros(len(vocab), dtype=numpy.float32)
    b = 0.0
    grad_sq, bias_sq = numpy.full(len(vocab), 1e-8, dtype=numpy.float32), 1e-8
    for _ in range(epochs):
        p = 1.0 / (1.0 + numpy.exp(-(x @ w + b)))
        error = p - y
        grad = x.T @ error / len(rows) + l2 * w / len(rows)
        grad_b = float(error.mean())
        grad_sq += grad * grad
        bias_sq += grad_b * grad_b
        w -= 0.5 * grad / numpy.sqrt(grad_sq)
        b -= 0.5 * grad_b / math.sqrt(bias_sq)
    weights = {f: round(float(w[i]), 4) for f, i in vocab.items() if abs(w[i]) >= 1e-3}
    return weights, round(b, 4)
