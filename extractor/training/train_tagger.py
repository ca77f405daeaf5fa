"""Train the name taggers (``extractor/components/tagger.py``): outcome names, or treatment-arm names.

Weak labels: the prompts of the Evidence Inference corpus (``../shared/corpora/evidence-inference/
prompts_merged.csv``, written by physicians for each abstract), found back in their abstract as token runs (case
and a final plural "s" aside); a found run is a name (B I I ...), every other token O. ``--target outcome`` reads
the ``Outcome`` prompts, each found whole or as an item of its list; ``--target arm`` the ``Intervention`` and
``Comparator`` prompts, which describe a group more often than they name its treatment ("Patients who received a
question prompt sheet", "etoricoxib 90 mg once daily"): each is found as the longest run of its words that the
abstract holds, with no dose in it and no group word at its edges (``arm_names``). The prompts cover only some of
an abstract's names, so only sentences holding a found name are trained on: elsewhere an unlabelled name would teach
the model that such words are not names. Structured averaged perceptron over the corpus's ``train`` split, scored on
its ``validation`` split (names found exactly, against the found prompts); every document of the gold set
(``corpora/gold``, dev and test) is left out of both. The corpus is read from ../shared and never copied; the weights
go to ``extractor/data/models/outcome_tagger.npz`` (``arm_tagger.npz``).

    python -m extractor.training.train_tagger [--target outcome|arm] [--shared ../shared] [--out FILE] [--epochs N]
"""

from __future__ import annotations

import argparse
import random
import re
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy
from spacy.language import Language

from extractor.cleaning import clean
from extractor.components.dose import units
from extractor.components.tagger import (
    BEGIN,
    BUCKETS,
    DEFAULT_ARM_TAGGER,
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
from extractor.lexicons import data_path, read_tsv
from extractor.pipeline import build
from extractor.training.train_ranker import REPO, gold_ids, load_corpus, split_ids

ARTICLES = {"the", "a", "an"}


def _norm(word: str) -> str:
    word = word.lower()
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


# Words a prompt describes a group with, not part of the treatment's name at either edge of it ("Patients who
# received ...", "... group"), as normalised by _norm.
GROUP_WORDS = frozenset(_norm(row[0]) for row in read_tsv("arm_prompt_group_words.tsv"))
BREAK_WORDS = frozenset({"or", "versus", "vs", "vs.", "compared"})  # words between two arms a prompt lists
MAX_ARM_WORDS = 8  # the longest run of a prompt matched back as an arm name
Sentence = tuple[list[tuple[int, ...]], list[int]]  # feature rows, gold tags
Names = Callable[[Language, str, set[tuple[str, ...]]], set[tuple[str, ...]]]  # prompt, abstract's runs -> names


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


def arm_names(nlp: Language, prompt: str, runs: set[tuple[str, ...]]) -> set[tuple[str, ...]]:
    """The arm names a prompt is found as in an abstract whose normalised word runs are ``runs``: the prompt cut at
    punctuation, numbers, units and "or" / "versus" (a dose, a bracketed aside and each listed arm stand apart:
    "losartan (50 mg)", "telemonitored care (TCC)"), and in each piece the longest run of its words the abstract
    holds, beginning and ending on a word of two letters or more that is not a group word, with a word of three
    letters or more."""
    bad = units()
    pieces: list[list[str]] = [[]]
    for token in nlp.make_doc(prompt):
        word = _norm(token.text)
        if token.is_space:
            continue
        if (
            not any(c.isalnum() for c in word)
            or any(c.isdigit() for c in word)
            or word in BREAK_WORDS
            or any(part in bad for part in word.split("/"))
        ):
            pieces.append([])
        else:
            pieces[-1].append(word)
    found = set()
    for words in pieces:
        best: tuple[str, ...] = ()
        for i, first in enumerate(words):
            if first in GROUP_WORDS or len(first) < 2:
                continue
            for j in range(i + len(best) + 1, min(len(words), i + MAX_ARM_WORDS) + 1):
                run, last = tuple(words[i:j]), words[j - 1]
                if (
                    last not in GROUP_WORDS
                    and len(last) > 1
                    and any(w.isalpha() and len(w) > 2 for w in run)
                    and run in runs
                ):
                    best = run
        if best:
            found.add(best)
    return found


def word_runs(words: Sequence[str], longest: int = MAX_ARM_WORDS) -> set[tuple[str, ...]]:
    """Every run of up to ``longest`` normalised words of ``words``."""
    norm = [_norm(w) for w in words]
    return {tuple(norm[i : i + n]) for n in range(1, longest + 1) for i in range(len(norm) - n + 1)}


def outcome_names(nlp: Language, prompt: str, runs: set[tuple[str, ...]]) -> set[tuple[str, ...]]:
    """The outcome names of a prompt (``prompt_names``), wherever the abstract holds them."""
    return prompt_names(nlp, prompt)


TARGETS: dict[str, tuple[tuple[str, ...], Names, str]] = {  # prompt columns, their names, default model file
    "outcome": (("Outcome",), outcome_names, DEFAULT_OUTCOME_TAGGER),
    "arm": (("Intervention", "Comparator"), arm_names, DEFAULT_ARM_TAGGER),
}


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


def sentences(
    nlp: Language,
    ids: Sequence[str],
    shared: Path,
    prompts: dict[str, list[str]],
    names_of: Names = outcome_names,
    matched: list[int] | None = None,
) -> list[Sentence]:
    """The sentences of the abstracts ``ids`` that hold a prompted name, as feature rows and tags. ``matched``, when
    given, gets the number of distinct prompts and of those found back at all."""
    found = []
    for pmc in ids:
        path = shared / "corpora" / "evidence-inference" / "abstracts" / f"{pmc}.txt"
        doc = nlp(clean(path.read_bytes()).text)
        doc_words = [t.text for t in doc]
        runs = word_runs(doc_words)
        per_prompt = [names_of(nlp, p, runs) for p in dict.fromkeys(prompts[pmc])]
        if matched is not None:
            longest = max((len(name) for n in per_prompt for name in n), default=0)
            held = runs if longest <= MAX_ARM_WORDS else word_runs(doc_words, longest)
            matched[0] += len(per_prompt)
            matched[1] += sum(1 for n in per_prompt if any(name in held for name in n))
        names = {name for n in per_prompt for name in n}
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
    parser.add_argument("--target", choices=sorted(TARGETS), default="outcome")
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--out", type=Path, help="the model file (default: the target's, under extractor/data)")
    parser.add_argument("--epochs", type=int, default=6)
    args = parser.parse_args()
    columns, names_of, default_out = TARGETS[args.target]
    out = args.out or data_path(default_out)
    start = time.perf_counter()
    splits, prompts = load_corpus(args.shared, columns)
    train_ids, valid_ids = split_ids(splits, prompts)
    nlp = build()
    matched = [0, 0]
    with nlp.select_pipes(enable=["studysift_sentences"]):
        train_data = sentences(nlp, train_ids, args.shared, prompts, names_of, matched)
        valid_data = sentences(nlp, valid_ids, args.shared, prompts, names_of, matched)
    print(f"{len(train_ids)} train / {len(valid_ids)} validation abstracts ({len(gold_ids())} gold documents left out)")
    print(f"{matched[1]} of {matched[0]} distinct {args.target} prompts found in their abstract")
    print(f"{len(train_data)} train / {len(valid_data)} validation sentences holding a prompted {args.target}")
    tagger = train(train_data, args.epochs)
    p, r, f = scores(tagger, valid_data)
    print(f"validation names (exact, against the prompts): precision {p:.3f}, recall {r:.3f}, F1 {f:.3f}")
    out.parent.mkdir(parents=True, exist_ok=True)
    tagger.save(out)
    size, seconds = out.stat().st_size, time.perf_counter() - start
    print(f"-> {out} ({size:,} bytes) in {seconds:.0f} s")


if __name__ == "__main__":
    main()
