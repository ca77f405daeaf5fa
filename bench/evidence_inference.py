"""A weak check of outcomes, their directions and the arms on Evidence Inference, hundreds of abstracts outside gold.

    .venv/bin/python bench/evidence_inference.py [--split validation|train|all] [--limit N] [--halves] [--show KIND]

The corpus gives, for each abstract, prompts written by physicians (intervention, comparator, outcome) and each
prompt's label (significantly increased / decreased / no significant difference, by majority of the valid
annotations). For every abstract no gold document names (any split), the script extracts it and reports:

- outcome recall: the prompts whose outcome matches one of the records' outcomes (the scorer's loose match);
- direction agreement on those: "exact" (our direction is the label), "signed" (exact, or improved/worsened for a
  significant change, whose sign the label does not give in our terms), "significance" (we say no_difference exactly
  when the label does); ``reported`` counts as a disagreement;
- arm recall: the prompts whose intervention (comparator) matches one of the records' interventions (comparators)
  by the scorer's name match. Prompts name arms freely ("Patients who received a question prompt sheet"), so the
  figure is a floor, useful to compare two versions of the code.

The labels say how the intervention did against the comparator; ours say what changed, so some disagreement is a
convention (a change within both groups, a comparator named first), not an error: compare versions, not absolutes.
The rankers are trained on the ``train`` split, so ``validation`` is the honest one. ``--halves`` splits the
abstracts by crc32 of the PMC id, as the dev halves; ``--show no_difference`` lists the matched prompts of that
label we got wrong, with their evidence. Skips (exit 0) when ../shared is absent.
"""

from __future__ import annotations

import argparse
import csv
import sys
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpora" / "evidence-inference"

from corpora.scorer import loose_similarity, name_similarity  # noqa: E402
from extractor.training.train_ranker import gold_ids, load_corpus  # noqa: E402

LABELS = {
    "no significant difference": "no_difference",
    "significantly decreased": "decreased",
    "significantly increased": "increased",
    "significantly increase": "increased",  # as some annotations spell it
}
VALENCED = ("improved", "worsened")


@dataclass(frozen=True)
class Prompt:
    intervention: str
    comparator: str
    outcome: str
    label: str
    evidence: str


@dataclass
class Tally:
    prompts: int = 0
    outcomes: int = 0
    exact: int = 0
    signed: int = 0
    significance: int = 0
    interventions: int = 0
    comparators: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)

    def row(self, name: str) -> str:
        m = self.outcomes or 1
        return (
            f"{name:<10}{self.prompts:>8}{self.outcomes / max(self.prompts, 1):>9.3f}{self.exact / m:>8.3f}"
            f"{self.signed / m:>8.3f}{self.significance / m:>8.3f}"
            f"{self.interventions / max(self.prompts, 1):>8.3f}{self.comparators / max(self.prompts, 1):>8.3f}"
        )


def load_prompts() -> dict[str, list[Prompt]]:
    """Each abstract's labelled prompts: the majority label of the annotations marked valid, the first evidence."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    evidence: dict[str, str] = {}
    with (CORPUS / "v2_annotations.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["Valid Label"] == "True" and row["Label"] in LABELS:
                votes[row["PromptID"]][LABELS[row["Label"]]] += 1
                evidence.setdefault(row["PromptID"], " ".join(row["Annotations"].split()))
    prompts: dict[str, list[Prompt]] = defaultdict(list)
    with (CORPUS / "prompts_merged.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            pid = row["PromptID"]
            if votes[pid]:
                label = votes[pid].most_common(1)[0][0]
                item = Prompt(row["Intervention"], row["Comparator"], row["Outcome"], label, evidence[pid])
                prompts[f"PMC{row['PMCID']}"].append(item)
    return prompts


def abstracts(split: str, prompts: dict[str, list[Prompt]]) -> list[str]:
    splits, _ = load_corpus(SHARED)
    held = gold_ids()
    return sorted(k for k, v in splits.items() if split in ("all", v) and k not in held and prompts[k])


def score(tally: Tally, records: list[dict], prompt: Prompt, show: str | None, pmc: str) -> None:
    outcomes = [o for r in records for o in r.get("outcomes") or []]
    tally.prompts += 1
    tally.interventions += any(
        name_similarity(prompt.intervention, i["name"]) for r in records for i in r["interventions"]
    )
    tally.comparators += any(name_similarity(prompt.comparator, c["name"]) for r in records for c in r["comparators"])
    best = max(outcomes, key=lambda o: loose_similarity(prompt.outcome, o["name"]), default=None)
    if best is None or loose_similarity(prompt.outcome, best["name"]) <= 0:
        tally.confusion[(prompt.label, "-")] += 1
        return
    ours = best["direction"]
    tally.outcomes += 1
    tally.confusion[(prompt.label, ours)] += 1
    tally.exact += ours == prompt.label
    tally.signed += ours == prompt.label or (prompt.label != "no_difference" and ours in VALENCED)
    tally.significance += ours != "reported" and (ours == "no_difference") == (prompt.label == "no_difference")
    if show == prompt.label and ours != prompt.label:
        print(f"{pmc} [{prompt.outcome}] -> [{best['name']}] {ours}\n    {prompt.evidence[:300]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", default="validation", choices=("validation", "train", "all"))
    parser.add_argument("--limit", type=int, default=0, help="the first N abstracts (default all)")
    parser.add_argument("--halves", action="store_true")
    parser.add_argument("--show", choices=sorted(set(LABELS.values())), help="list the prompts of this label we miss")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"skipped: {CORPUS} not found")
        return
    from extractor import extract, load

    prompts = load_prompts()
    ids = abstracts(args.split, prompts)[: args.limit or None]
    nlp = load()
    tallies = {"all": Tally(), "A": Tally(), "B": Tally()}
    for pmc in ids:
        result = extract((CORPUS / "abstracts" / f"{pmc}.txt").read_bytes(), nlp=nlp, article_id=pmc)
        records = [r.model_dump() for r in result.records]
        half = "AB"[zlib.crc32(pmc.encode()) % 2]
        for prompt in prompts[pmc]:
            for name in ("all", half):
                score(tallies[name], records, prompt, args.show if name == "all" else None, pmc)
    print(f"Evidence Inference, {args.split} split: {len(ids)} abstracts outside gold")
    print(f"{'':<10}{'prompts':>8}{'outcome':>9}{'exact':>8}{'signed':>8}{'signif':>8}{'interv':>8}{'compar':>8}")
    for name in ("all", "A", "B") if args.halves else ("all",):
        print(tallies[name].row(name))
    print("\nlabel -> ours (matched outcomes; '-' unmatched)")
    for (label, ours), n in sorted(tallies["all"].confusion.items()):
        print(f"  {label:<14}{ours:<14}{n:>5}")


if __name__ == "__main__":
    main()
