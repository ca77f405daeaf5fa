"""The scorer on synthetic gold/prediction pairs: record matching, list matching, doses, directions, strings."""

from __future__ import annotations

from typing import Any

import pytest

from corpora.scorer import (
    loose_similarity,
    name_similarity,
    norm_duration,
    parse_dose,
    same_dose,
    score_document,
    score_records,
)


def pred_record(**fields: Any) -> dict[str, Any]:
    """A predicted StudyRecord as ArticleResult JSON, with only the fields given."""
    rec: dict[str, Any] = {"id": "r", "label": "x", "interventions": [], "comparators": [], "conditions": []}
    rec["outcomes"] = []
    for key, value in fields.items():
        if key == "design":
            rec["design"] = {"value": value}
        elif key == "sample_size":
            rec["sample_size"] = {"value": value, "unit": "participants"}
        elif key == "conditions":
            rec["conditions"] = [{"value": v} for v in value]
        elif key == "comparators":
            rec["comparators"] = [{"name": v} for v in value]
        elif key == "interventions":
            rec["interventions"] = [
                {"name": i["name"], "route": i.get("route"), "dose": _dose(i.get("dose"))} for i in value
            ]
        else:
            rec[key] = value
    return rec


def _dose(text: str | None) -> dict[str, Any] | None:
    if text is None:
        return None
    value, unit = text.split(" ", 1)
    return {"value": float(value), "unit": unit, "text": text}


def result(*records: dict[str, Any], coi: str = "not_reported", repairs: tuple[str, ...] = ()) -> dict[str, Any]:
    return {
        "records": list(records),
        "conflicts_of_interest": {"status": coi},
        "cleaning": {"spin": {"repairs": [{"restored": r} for r in repairs]}},
    }


KETAMINE = {
    "design": "randomized_controlled_trial",
    "randomized": True,
    "sample_size": 185,
    "interventions": [{"name": "ketamine", "dose": "500 mg", "route": "subcutaneous"}],
    "comparators": ["placebo"],
    "conditions": ["chronic pain"],
    "outcomes": [{"name": "pain intensity", "direction": "decreased"}],
}
CASE = {
    "design": "case_report",
    "sample_size": 1,
    "interventions": [{"name": "ketamine", "dose": "0.5 mg/kg", "route": "intravenous"}],
    "conditions": ["bulimia nervosa"],
    "outcomes": [{"name": "behavioral symptoms", "direction": "improved"}],
}
KETAMINE_FIELDS: dict[str, Any] = {
    "design": "randomized_controlled_trial",
    "randomized": True,
    "sample_size": 185,
    "interventions": [{"name": "Ketamine", "dose": "500 mg", "route": "subcutaneous"}],
    "comparators": ["placebo"],
    "conditions": ["chronic pain"],
    "outcomes": [{"name": "pain intensity", "direction": "decreased"}],
}
PRED_KETAMINE = pred_record(**KETAMINE_FIELDS)
PRED_CASE = pred_record(
    design="case_report",
    sample_size=1,
    interventions=[{"name": "ketamine", "dose": "0.5 mg/kg", "route": "intravenous"}],
    conditions=["bulimia nervosa"],
    outcomes=[{"name": "behavioral symptoms", "direction": "improved"}],
)


def f1(scores: Any, name: str) -> float:
    return float(scores.counts[name].f1)


def test_scorer_matching_perfect() -> None:
    gold = {"records": [KETAMINE, CASE], "conflicts_of_interest": "declared", "spin_repairs": ["case report"]}
    scores = score_document(gold, result(PRED_KETAMINE, PRED_CASE, coi="declared", repairs=("case report",)))
    for name, count in scores.counts.items():
        assert (count.fp, count.fn) == (0, 0), name
    assert scores.counts["dose"].tp == 2 and scores.counts["outcome_direction"].tp == 2


def test_scorer_matching_swapped_records_still_pair_up() -> None:
    scores = score_records([KETAMINE, CASE], [*map(_as_gold, (PRED_CASE, PRED_KETAMINE))])
    assert scores.counts["records"].tp == 2
    assert scores.counts["sample_size"].fp == 0 and scores.counts["design"].tp == 2


def _as_gold(pred: dict[str, Any]) -> dict[str, Any]:
    from corpora.scorer import predicted_records

    return predicted_records({"records": [pred]})[0]


def test_scorer_matching_missing_record_is_false_negative() -> None:
    scores = score_document({"records": [KETAMINE, CASE]}, result(PRED_KETAMINE))
    assert (scores.counts["records"].tp, scores.counts["records"].fn, scores.counts["records"].fp) == (1, 1, 0)
    assert scores.counts["sample_size"].fn == 1 and scores.counts["dose"].fn == 1
    assert scores.counts["design"].precision == 1.0


def test_scorer_matching_extra_record_is_false_positive() -> None:
    extra = pred_record(design="animal_study", species="mouse", interventions=[{"name": "saline"}])
    scores = score_document({"records": [KETAMINE]}, result(PRED_KETAMINE, extra))
    assert (scores.counts["records"].tp, scores.counts["records"].fp) == (1, 1)
    assert scores.counts["design"].fp == 1 and scores.counts["species"].fp == 1
    assert scores.counts["interventions"].fp == 1 and scores.counts["design"].recall == 1.0


def test_scorer_matching_dose_unit_mismatch() -> None:
    wrong = pred_record(**{**KETAMINE_FIELDS, "interventions": [{"name": "ketamine", "dose": "500 mcg"}]})
    scores = score_document({"records": [KETAMINE]}, result(wrong))
    assert scores.counts["interventions"].tp == 1
    assert (scores.counts["dose"].tp, scores.counts["dose"].fp, scores.counts["dose"].fn) == (0, 1, 1)
    assert scores.counts["route"].fn == 1


def test_scorer_matching_direction_mismatch() -> None:
    wrong = pred_record(**{**KETAMINE_FIELDS, "outcomes": [{"name": "Pain intensity", "direction": "increased"}]})
    scores = score_document({"records": [KETAMINE]}, result(wrong))
    assert scores.counts["outcomes"].tp == 1
    count = scores.counts["outcome_direction"]
    assert (count.tp, count.fp, count.fn) == (0, 1, 1)


@pytest.mark.parametrize(
    ("gold", "pred", "match"),
    [
        ("pain intensity", "patient-reported pain intensity", True),  # containment
        ("neck pain intensity on VAS", "pain intensity VAS", True),  # overlap at least half
        ("total arrhythmia", "supraventricular arrhythmia", False),  # overlap below half
        ("pain", "painless walking", False),  # containment is by tokens, not characters
        ("Pain scores", "pain score", True),  # case and plural
    ],
)
def test_scorer_matching_outcome_strings(gold: str, pred: str, match: bool) -> None:
    assert (loose_similarity(gold, pred) > 0) is match


def test_scorer_matching_intervention_names() -> None:
    assert name_similarity("diclofenac potassium", "diclofenac") > 0
    assert name_similarity("ketamine", "esketamine") == 0
    assert name_similarity("Ketamine", "ketamine") == 2
    # a contiguous run, not any ordered subsequence (the docstring says so)
    assert name_similarity("diclofenac potassium alone", "diclofenac alone") == 0


def test_scorer_matching_dose_parsing() -> None:
    assert parse_dose("5-160 mg") == (5.0, "mg")
    assert parse_dose("400 mg/d") == parse_dose({"value": 400, "unit": "mg/day", "text": "400 mg/day"})
    assert parse_dose("10 µg/kg") == parse_dose("10 mcg/kg")
    assert parse_dose("0.5 mg/kg") != parse_dose("0.5 mg")
    daily, bare, weekly = parse_dose("400 mg/day"), parse_dose("400 mg"), parse_dose("400 mg/week")
    assert daily and bare and weekly
    assert same_dose(daily, bare) and same_dose(bare, weekly) and not same_dose(daily, weekly)
    assert not same_dose(daily, (40.0, "mg/day"))


def test_scorer_matching_conflicts_and_repairs() -> None:
    gold = {"records": [], "conflicts_of_interest": "none_declared", "spin_repairs": ["randomized controlled trial"]}
    scores = score_document(gold, result(coi="declared", repairs=("randomized controlled trial", "patients")))
    coi = scores.counts["conflicts_of_interest"]
    assert (coi.tp, coi.fp, coi.fn) == (0, 1, 1)
    spin = scores.counts["spin_repairs"]
    assert (spin.tp, spin.fp, spin.fn) == (1, 1, 0)


def test_scorer_matching_unannotated_fields_are_not_scored() -> None:
    gold = {"records": [{"design": "case_report", "outcomes": ["remission"]}]}
    pred = pred_record(
        design="case_report", blinding="open_label", outcomes=[{"name": "remission", "direction": "improved"}]
    )
    scores = score_document(gold, result(pred))
    assert scores.counts["blinding"].fp == 0  # gold record has no blinding key
    assert scores.counts["outcome_direction"].fp == 0  # gold outcome given as a plain string
    assert scores.counts["outcomes"].tp == 1


def test_scorer_matching_follow_up_durations() -> None:
    assert norm_duration("6 months") == norm_duration("six months") == norm_duration("6-month") == (6.0, "month")
    assert norm_duration("4.8 years") == (4.8, "year")
    assert norm_duration("48 h") == norm_duration("48 hours")
    assert norm_duration("60 minutes") == norm_duration("60 min") == (60.0, "minute")
    assert norm_duration("1 year") != norm_duration("1 month")
