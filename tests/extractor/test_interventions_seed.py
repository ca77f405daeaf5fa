"""The seed article end to end (cleaning, then the whole pipeline): the span groups hold what its gold lists."""

from __future__ import annotations

import json
import re

from spacy.tokens import Doc

from extractor import spans
from extractor.cleaning import clean
from extractor.pipeline import load
from tests.conftest import REPO, SEED


def _tokens(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def _seed() -> tuple[Doc, dict]:
    gold = json.loads((REPO / "seeds" / "ketamine-for-therapy-diaries.gold.json").read_text(encoding="utf-8"))
    return load()(clean(SEED.read_text(encoding="utf-8")).text), gold


def test_interventions_seed() -> None:
    doc, gold = _seed()
    found = [
        (s._.value, (s._.attrs or {}).get("dose"), (s._.attrs or {}).get("route"))
        for s in doc.spans[spans.INTERVENTION]
    ]
    for record in gold["records"]:
        for item in record["interventions"]:
            matches = [f for f in found if f[0] == item["name"]]
            if "route" in item:
                matches = [f for f in matches if f[2] == item["route"]]
            if "dose" in item:
                matches = [f for f in matches if f[1] and f"{f[1]['value']:g} {f[1]['unit']}" == item["dose"]]
            assert matches, f"{item} not among the interventions"
    conditions = [_tokens(s._.value) for s in doc.spans[spans.CONDITION]]
    for record in gold["records"]:
        for condition in record["conditions"]:
            assert any(_tokens(condition) <= c for c in conditions), condition
    outcomes = [_tokens(s._.value) for s in doc.spans[spans.OUTCOME]]
    wanted = [o for record in gold["records"] for o in record["outcomes"]]
    hits = [o for o in wanted if any(_tokens(o) <= found for found in outcomes)]
    assert len(hits) >= len(wanted) - 2, f"missed {sorted(set(wanted) - set(hits))}"
