"""The development gold set: its shape, vocabularies, sizes, splits and sources."""

from __future__ import annotations

import json
import re
from collections import Counter

from corpora.scorer import GOLD_ROOT, gold_files, load_gold, source_path
from corpora.spinner import number_words
from tests.conftest import REPO, shared_path

RECORD_KEYS = {"design", "randomized", "blinding", "species", "sample_size", "interventions", "comparators"}
RECORD_KEYS |= {"conditions", "outcomes", "follow_up"}
# SPEC.md's vocabularies (kept here so that this test does not depend on the extractor importing cleanly)
DESIGNS = {"randomized_controlled_trial", "crossover_trial", "non_randomized_trial", "cohort_study"}
DESIGNS |= {"case_control_study", "cross_sectional_study", "case_report", "case_series", "systematic_review"}
DESIGNS |= {"meta_analysis", "narrative_review", "guideline", "animal_study", "in_vitro_study", "qualitative_study"}
DESIGNS |= {"other"}
ROUTES = {"intravenous", "intramuscular", "subcutaneous", "oral", "sublingual", "intranasal", "intrathecal"}
ROUTES |= {"epidural", "inhaled", "topical", "transdermal", "rectal", "other"}
DIRECTIONS = {"improved", "worsened", "increased", "decreased", "no_difference", "reported"}
BLINDINGS = {"double_blind", "triple_blind", "single_blind", "open_label", "assessor_blind"}
STATUSES = {"declared", "none_declared", "not_reported"}


def test_scorer_gold_set_sizes_and_splits() -> None:
    docs = load_gold(GOLD_ROOT)
    originals = {d.source for d in docs if d.source and d.source.startswith("shared:") and d.spin_seed is None}
    assert len(originals) >= 40
    assert sum(d.spin_seed is not None for d in docs) >= 20
    splits = Counter(d.split for d in docs)
    assert set(splits) == {"dev", "test"} and min(splits.values()) >= 20
    dev_sources = {d.source for d in docs if d.split == "dev" and d.spin_seed is None}
    test_sources = {d.source for d in docs if d.split == "test" and d.spin_seed is None}
    assert not dev_sources & test_sources  # an article is in one split only
    assert any(d.source == "repo:seeds/ketamine-for-therapy-diaries.txt" and d.split == "dev" for d in docs)


def test_scorer_gold_set_vocabularies() -> None:
    designs, routes, directions, blindings, statuses = DESIGNS, ROUTES, DIRECTIONS, BLINDINGS, STATUSES
    for doc in load_gold(GOLD_ROOT):
        assert doc.gold["conflicts_of_interest"] in statuses, doc.name
        assert doc.gold["records"], doc.name
        for rec in doc.gold["records"]:
            if doc.source and doc.source.startswith("shared:"):
                assert set(rec) >= RECORD_KEYS, doc.name  # our own annotations state every field
            assert rec["design"] in designs, doc.name
            assert rec.get("blinding") in blindings | {None}, doc.name
            assert rec.get("sample_size") is None or isinstance(rec["sample_size"], int), doc.name
            for item in rec.get("interventions", []):
                assert item.get("route") in routes | {None}, doc.name
            for outcome in rec.get("outcomes", []):
                assert isinstance(outcome, str) or outcome["direction"] in directions, doc.name


def test_scorer_gold_set_copies_no_text() -> None:
    files = [p for p in GOLD_ROOT.rglob("*") if p.is_file()]
    assert files and all(p.name.endswith(".gold.json") for p in files)
    for path in gold_files(GOLD_ROOT):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data.get("source", "").startswith(("shared:", "repo:")), path.name


def test_scorer_gold_set_sources_exist() -> None:
    shared = shared_path()
    for doc in load_gold(GOLD_ROOT):
        path = source_path(doc, shared)
        assert path is not None and path.is_file(), doc.name
        assert REPO in path.parents or shared in path.parents


def test_scorer_gold_set_numbers_appear_in_their_texts() -> None:
    """A typo guard: every gold sample size and dose value is written in its source (as digits or words)."""
    shared = shared_path()
    for doc in load_gold(GOLD_ROOT):
        path = source_path(doc, shared)
        if doc.spin_seed is not None or path is None or not (doc.source or "").startswith("shared:"):
            continue
        text = path.read_text(encoding="utf-8").lower()
        digits = text.replace(",", "")
        words = re.sub(r"[-\u2010\u2011]", " ", text).replace(" and ", " ")  # "forty-eight", "forty\u2010eight"
        for rec in doc.gold["records"]:
            n = rec["sample_size"]
            if n is not None:
                spelled = n < 1000 and number_words(n).replace(" and ", " ") in words
                assert re.search(rf"(?<![\d.]){n}(?!\d)", digits) or spelled, (doc.name, n)
            for item in rec["interventions"]:
                if item["dose"]:
                    value = re.match(r"[\d.]+", item["dose"])
                    assert value and value.group(0) in text, (doc.name, item["dose"])


def test_scorer_gold_set_second_annotations_pair_with_gold() -> None:
    """``corpora/agreement/`` (bench/agreement.py): each file re-annotates one gold document, same vocabularies."""
    gold = {doc.name: doc for doc in load_gold(GOLD_ROOT) if doc.spin_seed is None}
    files = sorted((REPO / "corpora" / "agreement").glob("*.gold.json"))
    assert files
    for path in files:
        second = json.loads(path.read_text(encoding="utf-8"))
        name = path.name.removesuffix(".gold.json")
        assert name in gold and second["source"] == gold[name].source, name
        assert second["conflicts_of_interest"] in STATUSES and second["records"], name
        for rec in second["records"]:
            assert set(rec) >= RECORD_KEYS and rec["design"] in DESIGNS, name
            assert rec["blinding"] in BLINDINGS | {None}, name
            assert all(item["route"] in ROUTES | {None} for item in rec["interventions"]), name
            assert all(outcome["direction"] in DIRECTIONS for outcome in rec["outcomes"]), name
