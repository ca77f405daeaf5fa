"""Score the entity span groups (interventions, comparators, doses, routes, conditions, outcomes) on a gold split,
independently of record assembly: every document's spans are folded into one pseudo-record, deduplicated by name,
and scored against the union of the gold records with ``corpora.scorer``.

    python -m extractor.training.eval_spans corpora/gold --split dev
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from extractor import spans


def pseudo_record(doc: Doc) -> dict[str, Any]:
    """One record holding every intervention, comparator, condition and outcome the spans name, once each."""
    interventions: dict[str, dict[str, Any]] = {}
    for span in doc.spans[spans.INTERVENTION]:
        attrs = span._.attrs or {}
        item = interventions.setdefault(span._.value, {"name": span._.value, "dose": None, "route": None})
        item["dose"] = item["dose"] or attrs.get("dose")
        item["route"] = item["route"] or attrs.get("route")
    comparators = list(dict.fromkeys(s._.value for s in doc.spans[spans.COMPARATOR]))
    conditions = list(dict.fromkeys(s._.value for s in doc.spans[spans.CONDITION]))
    outcomes: dict[str, dict[str, Any]] = {}
    for span in doc.spans[spans.OUTCOME]:
        item = outcomes.setdefault(span._.value.lower(), {"name": span._.value, "direction": span.label_})
        if item["direction"] == "reported":
            item["direction"] = span.label_
    return {
        "interventions": list(interventions.values()),
        "comparators": [{"name": c} for c in comparators],
        "conditions": [{"value": c} for c in conditions],
        "outcomes": list(outcomes.values()),
    }


def main() -> None:
    from corpora import scorer
    from extractor.cleaning import clean
    from extractor.pipeline import load

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold_dir", type=Path)
    parser.add_argument("--split", default="dev")
    args = parser.parse_args()
    if args.split == "test":
        parser.error("the test split is held out")
    nlp = load()

    def run(raw: str | bytes, **kwargs: Any) -> dict[str, Any]:
        doc = nlp(clean(raw, html=kwargs.get("html")).text)
        return {"records": [pseudo_record(doc)]}

    evaluation = scorer.evaluate(args.gold_dir, split=args.split, extract=run)
    fields = ("interventions", "dose", "route", "comparators", "conditions", "outcomes", "outcome_direction")
    print(f"{'field':<20}{'TP':>5}{'FP':>5}{'FN':>5}{'P':>8}{'R':>8}{'F1':>8}")
    for name in fields:
        c = evaluation.total.counts[name]
        print(f"{name:<20}{c.tp:>5}{c.fp:>5}{c.fn:>5}{c.precision:>8.3f}{c.recall:>8.3f}{c.f1:>8.3f}")


if __name__ == "__main__":
    main()
