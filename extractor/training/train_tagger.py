"""Train the outcome-name tagger (``extractor/components/tagger.py``).

Weak labels: the outcome prompts of the Evidence Inference corpus (``../shared/corpora/evidence-inference/
prompts_merged.csv``, written by physicians for each abstract), found back in their abstract as token runs (case
and a final plural "s" aside); a found run is an outcome name (B I I ...), every other token O. The prompts cover
only some of an abstract's outcomes, so only sentences holding a found name are trained on: elsewhere an unlabelled
outcome would teach the model that measures are not names. Structured averaged perceptron over the corpus's
``train`` split, scored on its ``validation`` split (names found exactly, against the found prompts); every document
of the gold set (``corpora/gold``, dev and test) is left out of both. The corpus is read from ../shared and never
copied; the weights go to ``extractor/data/models/outcome_tagger.npz``.

    python -m extractor.training.train_tagger [--shared ../shared] [--out FILE] [--epochs N]
"""

from __future__ import annotations

import argparse
import random
import re
import time
from collections.abc import Sequence
from pathlib import Path

import numpy
from spacy.language import Language

from extractor.cleaning import clean
from extractor.components.tagger import (
    BEGIN,
    BUCKETS,
    DEFAULT_OUTCOME_TAGGER,
    INSIDE,
    OUTSIDE,
    TAGS,
    Tagger,
    constrained,
    features,
    spans_of,
    viterbi,
)
from extractor.lexicons import data_path
from extractor.pipeline import build
from extractor.training.train_ranker import REPO, gold_ids, load_corpus, split_ids

ARTICLES = {"the", "a", "an"}
Sentence = tuple[list[tuple[int, ...]], list[int]]  # feature rows, gold tags


def _norm(word: str) -> str:
    word = word.lower()
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def prompt_names(nlp: Language, prompt: str) -> set[tuple[str, ...]]:
    """The normalised names a prompt may be written as in its abstract: whole, and each item of a list ("fibrinogen
    levels, platelet counts"), without bracketed asides ("(FPI)") and leading articles."""
    prompt = re.sub(r"\([^()]*\)", " ", prompt)
    found = set()
    for piece in [prompt, *re.split(r"[,;]|\band\b|\bor\b", prompt)]:
        words = [_norm(t.text) for t in nlp.make_doc(piece) if not t.is_space]
        while words and (words[0] in ARTICLES or not any(c.isalnum() for c in words[0])):
            words = words[1:]
        while words and not any(c.isalnum() for c in words[-1]):
            words = words[:-1]
        if words and any(w.isalpha() and len(w) > 2 for w in words):
            found.add(tuple(words))
    return found


def labelled(words: Sequence[str], names: Sequence[Sequence[str]]) -> list[int]:
    """Tags of ``words`` with every run equal to one of ``names`` (normalised words) tagged, longest first."""
    norm = [_norm(w) for w in words]
    tags = [OUTSIDE] * len(words)
    for name in sorted(names, key=len, reverse=True):
        n = len(name)
        for i in range(len(norm) - n + 1):
            if norm[i : i + n] == list(name) and all(t == OUTSIDE for t in tags[i : i + n]):
                tags[i : i + n] = [BEGIN] + [INSIDE] * (n - 1)
    return tags


def sentences(nlp: Language, ids: Sequence[str], shared: Path, prompts: dict[str, list[str]]) -> list[Sentence]:
    """The sentences of the abstracts ``ids`` that hold a prompted outcome name, as feature rows and tags."""
    found = []
    for pmc in ids:
        names = {name for p in prompts[pmc] for name in prompt_names(nlp, p)}
        path = shared / "corpora" / "evidence-inference" / "abstracts" / f"{pmc}.txt"
        doc = nlp(clean(path.read_bytes()).text)
        for sent in doc.sents:
            words = [t.text for t in sent]
            tags = labelled(words, list(names))
            if BEGIN in tags:
                found.append((features(words), tags))
    return found


def train(data: list[Sentence], epochs: int, seed: int = 0) -> Tagger:
    """Structured averaged perceptron: Viterbi-decode each sentence, move the weights of the wrong tags' features
    towards the gold tags; the average of the weights over every step is the model."""
    weights = numpy.zeros((BUCKETS, len(TAGS)), dtype=numpy.float64)
    totals = numpy.zeros_like(weights)  # sum of step * update, for the average
    trans = numpy.zeros((4, 3), dtype=numpy.float64)
    trans_totals = numpy.zeros_like(trans)
    order = list(range(len(data)))
    rng = random.Random(seed)
    step = 1
    for _ in range(epochs):
        rng.shuffle(order)
        for k in order:
            rows, gold = data[k]
            index = numpy.array(rows)
            guess = viterbi(weights[index].sum(axis=1), constrained(trans))
            if guess != gold:
                for i, (g, p) in enumerate(zip(gold, guess, strict=True)):
                    if g != p:
                        for tag, sign in ((g, 1.0), (p, -1.0)):
                            numpy.add.at(weights[:, tag], index[i], sign)
                            numpy.add.at(totals[:, tag], index[i], sign * step)
                for seq, sign in ((gold, 1.0), (guess, -1.0)):
                    for prev, tag in zip([3, *seq[:-1]], seq, strict=True):
                        trans[prev, tag] += sign
                        trans_totals[prev, tag] += sign * step
            step += 1
    return Tagger(
        (weights - totals / step).astype(numpy.float32), constrained(trans - trans_totals / step).astype(numpy.float32)
    )


def scores(tagger: Tagger, data: list[Sentence]) -> tuple[float, float, float]:
    """Precision, recall and F1 of exact names against the found prompts (a lower bound on precision: unprompted
    outcomes count as wrong)."""
    tp = fp = fn = 0
    for rows, gold in data:
        guess = set(spans_of(viterbi(tagger.weights[numpy.array(rows)].sum(axis=1), tagger.transitions)))
        want = set(spans_of(gold))
        tp, fp, fn = tp + len(guess & want), fp + len(guess - want), fn + len(want - guess)
    p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
    return p, r, 2 * p * r / max(1e-9, p + r)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--out", type=Path, default=data_path(DEFAULT_OUTCOME_TAGGER))
    parser.add_argument("--epochs", type=int, default=6)
    args = parser.parse_args()
    start = time.perf_counter()
    splits, prompts = load_corpus(args.shared)
    train_ids, valid_ids = split_ids(splits, prompts)
    nlp = build()
    with nlp.select_pipes(enable=["studysift_sentences"]):
        train_data = sentences(nlp, train_ids, args.shared, prompts)
        valid_data = sentences(nlp, valid_ids, args.shared, prompts)
    print(f"{len(train_ids)} train / {len(valid_ids)} validation abstracts ({len(gold_ids())} gold documents left out)")
    print(f"{len(train_data)} train / {len(valid_data)} validation sentences holding a prompted outcome")
    tagger = train(train_data, args.epochs)
    p, r, f = scores(tagger, valid_data)
    print(f"validation names (exact, against the prompts): precision {p:.3f}, recall {r:.3f}, F1 {f:.3f}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tagger.save(args.out)
    size, seconds = args.out.stat().st_size, time.perf_counter() - start
    print(f"-> {args.out} ({size:,} bytes) in {seconds:.0f} s")


if __name__ == "__main__":
    main()
