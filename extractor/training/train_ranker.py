"""Train the outcome ranker (``extractor/components/ranker.py``) that keeps the candidate outcomes a reviewer would
list.

Weak labels: the outcome prompts of the Evidence Inference corpus (``../shared/corpora/evidence-inference/
prompts_merged.csv``, written by physicians for each abstract). Every candidate the outcome rules find in an abstract
is a positive when it names one of that abstract's prompted outcomes (the scorer's loose match), else a negative
(noisy: prompts cover about three outcomes per abstract). Trained on the corpus's ``train`` split, threshold chosen
on its ``validation`` split; every document of the gold set (``corpora/gold``, dev and test) is left out of both, so
the gold scores stay honest. The corpus is read from ../shared and never copied; the weights go to
``extractor/data/models/outcome_ranker.json``.

    python -m extractor.training.train_ranker [--shared ../shared] [--out FILE]
"""

from __future__ import annotations

import argparse
import csv
import re
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from spacy.language import Language

from corpora.scorer import GOLD_ROOT, load_gold, loose_similarity
from extractor.cleaning import clean
from extractor.components.outcomes import FEATURES_KEY, OutcomesComponent
from extractor.components.ranker import DEFAULT_OUTCOME_RANKER, Ranker, fit
from extractor.lexicons import data_path
from extractor.pipeline import build

REPO = Path(__file__).resolve().parents[2]
RECALL = 0.9  # of the prompted outcomes among the candidates, on the validation split


def gold_ids() -> set[str]:
    """PMC ids of every gold document (any split): never trained on."""
    ids = set()
    for doc in load_gold(GOLD_ROOT):
        ids.update(re.findall(r"PMC\d+", doc.source or ""))
    return ids


def load_corpus(shared: Path, columns: Sequence[str] = ("Outcome",)) -> tuple[dict[str, str], dict[str, list[str]]]:
    """Split per PMC id, and the prompts of ``columns`` per PMC id (the outcomes unless told; the arms are
    ``("Intervention", "Comparator")``), in the file's order."""
    root = shared / "corpora" / "evidence-inference"
    splits = dict(line.split("\t") for line in (root / "splits.tsv").read_text().split("\n") if "\t" in line)
    prompts: dict[str, list[str]] = defaultdict(list)
    with (root / "prompts_merged.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            prompts[f"PMC{row['PMCID']}"].extend(row[column] for column in columns)
    return {k: v.strip() for k, v in splits.items()}, prompts


def split_ids(splits: dict[str, str], labelled: dict[str, list[str]]) -> tuple[list[str], list[str]]:
    """The train and validation PMC ids that have labels, every gold document left out."""
    held = gold_ids()

    def pick(split: str) -> list[str]:
        return sorted(k for k, v in splits.items() if v == split and k not in held and labelled[k])

    return pick("train"), pick("validation")


def candidates(nlp: Language, path: Path) -> list[tuple[str, list[str]]]:
    doc = nlp(clean(path.read_bytes()).text)
    return [(name, features) for _, _, name, features in doc.user_data.get(FEATURES_KEY, [])]


def rows_of(nlp: Language, ids: list[str], shared: Path, outcomes: dict[str, list[str]]) -> list[tuple[list[str], int]]:
    rows = []
    for pmc in ids:
        path = shared / "corpora" / "evidence-inference" / "abstracts" / f"{pmc}.txt"
        for name, features in candidates(nlp, path):
            label = int(any(loose_similarity(prompt, name) > 0 for prompt in outcomes[pmc]))
            rows.append((features, label))
    return rows


def threshold_for_recall(
    ranker: Ranker, rows: list[tuple[list[str], int]], recall: float
) -> tuple[float, float, float]:
    """The highest threshold that keeps ``recall`` of the positives, with the precision and recall it gives. The
    prompts name only some of an abstract's outcomes, so a threshold tuned for F1 on them drops real outcomes:
    this one only sheds the candidates least like any prompted outcome."""
    scored = [(ranker.score(f), label) for f, label in rows]
    positives = max(1, sum(label for _, label in scored))
    best = (0.0, 0.0, 1.0)
    for t in [i / 100 for i in range(1, 100)]:
        tp = sum(1 for p, y in scored if p >= t and y)
        kept = sum(1 for p, _ in scored if p >= t)
        if tp / positives < recall:
            break
        best = (t, tp / max(1, kept), tp / positives)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--out", type=Path, default=data_path(DEFAULT_OUTCOME_RANKER))
    args = parser.parse_args()
    splits, outcomes = load_corpus(args.shared)
    train, valid = split_ids(splits, outcomes)
    nlp = build()
    component = nlp.get_pipe("studysift_outcomes")
    assert isinstance(component, OutcomesComponent)
    component.ranker, component.collect_features = None, True  # every candidate, with its features
    start = time.perf_counter()
    train_rows, valid_rows = rows_of(nlp, train, args.shared, outcomes), rows_of(nlp, valid, args.shared, outcomes)
    positives = sum(y for _, y in train_rows)
    print(f"{len(train)} train / {len(valid)} validation abstracts ({len(gold_ids())} gold documents left out)")
    print(f"{len(train_rows)} train candidates ({positives} positive), {len(valid_rows)} validation candidates")
    weights, bias = fit(train_rows)
    ranker = Ranker(weights, bias, 0.5)
    _, base_precision, _ = threshold_for_recall(Ranker({}, 10.0, 0.5), valid_rows, 1.0)
    threshold, precision, recall = threshold_for_recall(ranker, valid_rows, RECALL)
    print(f"validation, keeping every candidate: precision {base_precision:.3f}, recall 1.000")
    print(f"validation, ranker at threshold {threshold:.2f}: precision {precision:.3f}, recall {recall:.3f}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(Ranker(weights, bias, threshold).to_json() + "\n", encoding="utf-8")
    size, seconds = args.out.stat().st_size, time.perf_counter() - start
    print(f"{len(weights)} weights -> {args.out} ({size:,} bytes) in {seconds:.0f} s")


if __name__ == "__main__":
    main()
