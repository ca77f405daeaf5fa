from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

import extractor.components  # noqa: F401  (registers the factories)
from extractor import spans


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("studysift_outcomes", config={"ranker": ""})  # the rules alone
    return nlp


def outcomes(nlp: Language, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    for span in doc.spans[spans.OUTCOME]:
        assert span.label_ in ("improved", "worsened", "increased", "decreased", "no_difference", "reported")
    return [(s._.value, s.label_) for s in doc.spans[spans.OUTCOME]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Both trials observed that ketamine reduced pain intensity and morphine requirements.",
            [("pain intensity", "decreased"), ("morphine requirements", "decreased")],
        ),
        (
            "There was no difference between groups regarding patient-reported pain intensity.",
            [("patient-reported pain intensity", "no_difference")],
        ),
        (
            "There was almost twice the incidence of adverse effects in the ketamine group.",
            [("adverse effects", "increased")],
        ),
        ("Exercise did not improve exercise capacity in this trial.", [("exercise capacity", "no_difference")]),
        (
            "Diclofenac did not alter the formation of codeine-6-glucuronide.",
            [("formation of codeine-6-glucuronide", "no_difference")],
        ),
        ("Sleep quality was similar in both groups.", [("Sleep quality", "no_difference")]),
        ("The drug improved wound healing at 6 months.", [("wound healing", "improved")]),
        ("Skin hydration was extensively greater among the treated children.", [("Skin hydration", "increased")]),
        ("Infusion had no considerable effect on blood gas tensions.", [("blood gas tensions", "no_difference")]),
        ("There was no critical contrast in sleep quality.", [("sleep quality", "no_difference")]),
        ("There was an enhancement of the exercise capacity after iloprost.", [("exercise capacity", "improved")]),
        ("Fatigue worsened in the control arm.", [("Fatigue", "worsened")]),
        ("Mortality was measured at 28 days.", [("mortality", "reported")]),
    ],
)
def test_outcomes_direction(nlp: Language, text: str, expected: list[tuple[str, str]]) -> None:
    found = outcomes(nlp, text)
    assert [(name.lower(), direction) for name, direction in found] == [(n.lower(), d) for n, d in expected]


def test_outcomes_direction_non_significant_p_value(nlp: Language) -> None:
    assert outcomes(nlp, "Treatment increased grip strength (p = 0.40).") == [("grip strength", "no_difference")]
    assert outcomes(nlp, "Treatment increased grip strength (p = 0.01).") == [("grip strength", "increased")]


def test_outcomes_direction_negating_adverb_is_no_comparative(nlp: Language) -> None:
    found = outcomes(nlp, "Reaction time was insignificantly lower in the garlic group.")
    assert ("Reaction time", "decreased") not in found


def test_outcomes_direction_timepoint(nlp: Language) -> None:
    doc = nlp("The drug improved wound healing at 6 months.")
    (outcome,) = doc.spans[spans.OUTCOME]
    assert outcome._.attrs["timepoint"] == "6 months"
    start, end = outcome._.attrs["timepoint_span"]
    assert doc.text[start:end] == "6 months"


def test_outcomes_direction_one_result_applies_to_a_long_list(nlp: Language) -> None:
    listed = "in the areas of sleep (26.9%), alertness (28.2%), work performance (19.4%) and body weight (13.9%)."
    found = dict(outcomes(nlp, f"Participants in the intervention group improved significantly {listed}"))
    assert found["body weight"] == "improved"  # the one cue of the sentence, far before the measure
    found = dict(
        outcomes(nlp, f"Participants in the intervention arm improved in sleep, while pain was similar {listed}")
    )
    assert found["body weight"] == "reported"  # two results in the sentence: which one is not said


@pytest.mark.parametrize(
    "text",
    [
        "Relapse-free survival was significantly improved by chemotherapy, but overall survival was not.",
        "Chemotherapy significantly improved relapse-free survival but not overall survival.",
    ],
)
def test_outcomes_direction_elliptical_denial(nlp: Language, text: str) -> None:
    found = dict(outcomes(nlp, text))
    assert found["overall survival"] == "no_difference"
    assert found.get("relapse-free survival", "improved") == "improved"
