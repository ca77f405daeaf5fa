"""The quality gate: the eval on the whole gold set must reach every floor pinned in corpora/floors.json."""

from __future__ import annotations

import json

from corpora.scorer import FIELDS, FLOORS, GOLD_ROOT, check_floors, evaluate, gold_digest
from tests.conftest import shared_path


def test_scorer_floors_pin_the_gold_digest() -> None:
    pinned = json.loads(FLOORS.read_text(encoding="utf-8"))
    assert pinned["gold_digest"] == gold_digest(GOLD_ROOT), (
        "the gold set changed: re-measure with `studysift eval corpora/gold`, then update corpora/floors.json "
        "(gold_digest from `studysift eval corpora/gold --digest`, floors, and a history entry saying why)"
    )
    assert set(pinned["floors"]) <= set(FIELDS) and pinned["history"]


def test_scorer_floors_are_reached() -> None:
    shared = shared_path()
    pinned = json.loads(FLOORS.read_text(encoding="utf-8"))
    evaluation = evaluate(GOLD_ROOT, split=pinned.get("split", "all"), shared=shared)
    assert not evaluation.skipped, evaluation.skipped
    assert not evaluation.failed, evaluation.failed
    assert check_floors(evaluation, FLOORS, GOLD_ROOT) == []
