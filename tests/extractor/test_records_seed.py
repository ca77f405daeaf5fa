"""End to end on the seed article: its studies, read against its person-read gold (not hard-coded here)."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from extractor import extract
from extractor.models import ArticleResult
from tests.conftest import SEED


@pytest.fixture(scope="module")
def result() -> ArticleResult:
    return extract(SEED.read_text(encoding="utf-8"), source=str(SEED))


@pytest.fixture(scope="module")
def gold() -> dict:
    return json.loads(SEED.with_suffix("").with_suffix(".gold.json").read_text(encoding="utf-8"))


def test_records_seed_designs_and_sizes(result: ArticleResult, gold: dict) -> None:
    assert Counter(r.design.value for r in result.records if r.design) == Counter(g["design"] for g in gold["records"])
    predicted = Counter(
        (r.design.value if r.design else None, r.sample_size.value if r.sample_size else None) for r in result.records
    )
    expected = Counter((g["design"], g.get("sample_size")) for g in gold["records"])
    assert predicted == expected


def test_records_seed_species_and_coi(result: ArticleResult, gold: dict) -> None:
    assert result.conflicts_of_interest.status == gold["conflicts_of_interest"]
    assert "AR" in result.conflicts_of_interest.names
    predicted = Counter(r.species for r in result.records if r.species)
    expected = Counter(g["species"] for g in gold["records"] if g.get("species"))
    assert predicted == expected


def test_records_seed_evidence_points_into_text(result: ArticleResult) -> None:
    for record in result.records:
        assert [r.id for r in result.records].count(record.id) == 1 and record.label
        evidences = [record.evidence, record.design.evidence if record.design else None]
        evidences += [record.sample_size.evidence if record.sample_size else None]
        evidences += [i.evidence for i in record.interventions] + [c.evidence for c in record.conditions]
        for ev in evidences:
            if ev is not None:
                assert result.text[ev.start : ev.end] == ev.text
