"""Outcome cues that state no result of the study: claims and aims ("can reduce", "to increase"), outcome
definitions ("The primary outcome is reduction of X"); lists of outcomes after one cue, with bracketed asides."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor import spans
from tests.extractor.pipes import blank_with


@pytest.fixture(scope="module")
def nlp() -> Language:
    return blank_with("studysift_outcomes", {"ranker": ""})  # the rules alone


def outcomes(nlp: Language, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    return [(s._.value, s.label_) for s in doc.spans[spans.OUTCOME]]


def test_outcomes_claims_modal_and_aim_cues_name_no_outcome(nlp: Language) -> None:
    assert outcomes(nlp, "Exercise therapy can reduce joint inflammation.") == []
    assert outcomes(nlp, "We designed a trial to reduce hospital admissions.") == []
    assert outcomes(nlp, "Exercise reduced joint inflammation.") == [("joint inflammation", "decreased")]


def test_outcomes_claims_definition_sentence_is_reported_and_declared(nlp: Language) -> None:
    doc = nlp("The primary outcome measure is reduction of bladder residual urine at week 6.")
    found = [(s._.value, s.label_, (s._.attrs or {}).get("declared")) for s in doc.spans[spans.OUTCOME]]
    assert found == [("bladder residual urine", "reported", True)]


def test_outcomes_claims_list_with_asides(nlp: Language) -> None:
    found = outcomes(
        nlp,
        "Qigong significantly improved fatigue (t153 = -5.6, P < 0.001), mood disturbance (t122 = 2.3, P = 0.021) "
        "and inflammation (CRP) compared with usual care. Tamoxifen reduced estrogen receptor (1D5) in the tissue.",
    )
    assert found == [
        ("fatigue", "improved"),
        ("mood disturbance", "improved"),
        ("inflammation", "improved"),
        ("estrogen receptor", "decreased"),
    ]


def test_outcomes_claims_noun_cue_with_passive_and_trend(nlp: Language) -> None:
    assert outcomes(nlp, "No differences were detected in high peak torque, or total work with ATP.") == [
        ("high peak torque", "no_difference"),
        ("total work", "no_difference"),
    ]
    assert outcomes(nlp, "ATP reduced torque fatigue (p < 0.10).") == [("torque fatigue", "no_difference")]
    assert outcomes(nlp, "ATP reduced torque fatigue (p < 0.05).") == [("torque fatigue", "decreased")]


def test_outcomes_claims_baseline_similarity_is_no_outcome(nlp: Language) -> None:
    assert outcomes(nlp, "The baseline demographic characteristics and laboratory values were similar.") == []
    assert outcomes(nlp, "There were no differences in adverse events over 6 months.") == [
        ("adverse events", "no_difference")
    ]


def test_outcomes_claims_no_difference_between_drugs(nlp: Language) -> None:
    assert outcomes(
        nlp, "There was no difference between the two drugs in preventing supraventricular arrhythmia."
    ) == [("supraventricular arrhythmia", "no_difference")]
