"""How well a second annotator agrees with the gold, beside how well the extractor does, on the same documents.

    .venv/bin/python bench/agreement.py

``corpora/agreement/NAME.gold.json`` holds a second, independent annotation of gold document NAME (written blind to
the gold and to the extractor, by the same guideline). Each is scored against the gold with the scorer the eval
uses, the second annotation standing where the extractor's records would; the extractor is scored on the same
documents. A field where the two annotators agree little cannot be expected to score much higher for the extractor:
the figure is a rough ceiling of the field under our gold conventions. Skips (exit 0) when ../shared is absent.

The arm fields are then scored again with names matched as outcomes and conditions are (one contains the other or
their words overlap by half) instead of the eval's contiguous containment: how much of each column's gap is how
the arms are worded rather than which arms are found.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any
from unittest import mock

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from corpora import scorer  # noqa: E402
from corpora.scorer import (  # noqa: E402
    DEFAULT_SHARED,
    GOLD_ROOT,
    Scores,
    load_gold,
    score_document,
    source_path,
)

SECOND = REPO / "corpora" / "agreement"


def as_result(gold: dict[str, Any]) -> dict[str, Any]:
    """A gold annotation in the shape of an ArticleResult's JSON, as far as the scorer reads it."""
    records = [
        {
            **{key: rec.get(key) for key in ("randomized", "blinding", "species", "follow_up", "interventions")},
            "design": {"value": rec.get("design")},
            "sample_size": {"value": rec.get("sample_size")},
            "comparators": [{"name": c} for c in rec.get("comparators", [])],
            "conditions": [{"value": c} for c in rec.get("conditions", [])],
            "outcomes": rec.get("outcomes", []),
        }
        for rec in gold["records"]
    ]
    return {"records": records, "conflicts_of_interest": {"status": gold["conflicts_of_interest"]}}


def main() -> None:
    if not DEFAULT_SHARED.is_dir():
        print(f"skipped: {DEFAULT_SHARED} is absent")
        return
    from extractor import extract, load

    nlp = load()
    gold = {doc.name: doc for doc in load_gold(GOLD_ROOT) if doc.spin_seed is None}
    names = sorted(p.name.removesuffix(".gold.json") for p in SECOND.glob("*.gold.json"))
    triples = []  # (gold, second annotation, extractor result) of each document
    for name in names:
        path = source_path(gold[name], DEFAULT_SHARED)
        assert path is not None
        second = json.loads((SECOND / f"{name}.gold.json").read_text(encoding="utf-8"))
        triples.append((gold[name].gold, as_result(second), extract(path.read_bytes(), nlp=nlp)))

    def columns() -> tuple[Scores, Scores]:
        second_scores, extractor_scores = Scores(), Scores()
        for first, second, result in triples:
            second_scores.add(score_document(first, second))
            extractor_scores.add(score_document(first, result))
        return second_scores, extractor_scores

    strict = columns()
    with mock.patch.object(scorer, "name_similarity", scorer.loose_similarity):  # what the scorer matches names by
        loose = columns()
    print(f"{len(names)} documents with a second annotation (corpora/agreement/)")
    print(f"{'field':<22}{'2nd annotator F1':>18}{'extractor F1':>14}{'n gold':>8}   names matched loosely: 2nd, ext")
    for field, count in strict[0].counts.items():
        if field == "spin_repairs":
            continue
        other = strict[1].counts[field]
        line = f"{field:<22}{count.f1:>18.3f}{other.f1:>14.3f}{count.tp + count.fn:>8}"
        if field in ("interventions", "comparators", "dose", "route"):
            line += f"   {loose[0].counts[field].f1:.3f}, {loose[1].counts[field].f1:.3f}"
        print(line)


if __name__ == "__main__":
    main()
