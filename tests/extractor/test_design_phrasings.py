"""The design component on phrasings the first rules were not written for: crossovers told by their order or their
wash-out, blinding stated by who was blinded, a non-random allocation criterion, and the times that are not
assessment times (a wash-out length, a window an event fell in)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor import spans
from tests.extractor.pipes import blank_with, span_labels


@pytest.fixture(scope="module")
def nlp() -> Language:
    return blank_with("studysift_design")


def labels(nlp: Language, text: str, group: str) -> set[str]:
    return {label for _, label in span_labels(nlp, text, group)}


@pytest.mark.parametrize(
    "text",
    [
        "Two days of therapy were compared with a control day, according to randomized order, in eight patients.",
        "They chewed garlic for two months; after a one month wash-out period, they took it by the other route.",
        "After a 2-week washout, patients were switched to the other treatment.",
    ],
)
def test_design_crossover_order_and_washout(nlp: Language, text: str) -> None:
    assert "crossover_trial" in labels(nlp, text, spans.DESIGN)


def test_design_washout_alone_is_not_crossover(nlp: Language) -> None:
    text = "After a 2-week washout period, patients were randomized to drug or placebo."
    assert "crossover_trial" not in labels(nlp, text, spans.DESIGN)


@pytest.mark.parametrize(
    ("text", "blinding"),
    [
        ("Improvement was assessed by two dermatologists blinded to treatment conditions.", "assessor_blind"),
        ("Scans were read by an experienced radiologist who was unaware of group allocation.", "assessor_blind"),
        ("Blocks were allocated to albendazole, vitamin A, both, or neither (open control).", "open_label"),
        ("This was an open, randomised, controlled trial in 200 adults.", "open_label"),
        (
            "Allocation was concealed from patients, outcome assessors, and all other health-care workers.",
            "triple_blind",
        ),
        ("Treatment allocation was concealed from patients and investigators.", "double_blind"),
    ],
)
def test_design_blinding_who_was_blinded(nlp: Language, text: str, blinding: str) -> None:
    assert blinding in labels(nlp, text, spans.BLINDING)


def test_design_reopened_trial_is_not_open_label(nlp: Language) -> None:
    assert "open_label" not in labels(nlp, "The trial was reopened. The study was open to all.", spans.BLINDING)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Patients were assigned to off-pump (40) or on-pump surgery (46) based on coronary anatomy.", "False"),
        ("Patients were allocated to the two wards according to their place of residence.", "False"),
        ("Patients were randomly assigned according to a computer-generated list.", "True"),
        ("Patients were assigned to groups according to a random number table.", None),
    ],
)
def test_design_assigned_by_a_criterion_is_not_random(nlp: Language, text: str, value: str | None) -> None:
    found = {v for v, _ in span_labels(nlp, text, spans.RANDOMIZED)}
    assert ("False" in found) == (value == "False")
    if value == "True":
        assert found == {"True"}


@pytest.mark.parametrize(
    ("text", "times"),
    [
        ("They took garlic for two months, after one month wash-out period, then the other route.", []),
        ("Resolution occurred within 14 to 21 days postoperatively.", []),
        ("Patients were surveyed before the study and 6 weeks after completion of the sessions.", ["6 weeks"]),
        ("Titres were measured 2 years after immunization.", ["2 years"]),
    ],
)
def test_design_times_that_are_not_assessments(nlp: Language, text: str, times: list[str]) -> None:
    assert [v for v, _ in span_labels(nlp, text, spans.FOLLOW_UP)] == times


@pytest.mark.parametrize(
    "text",
    [
        "236 medical students were evaluated before and after receiving prespecified instructions.",
        "A pre-test/post-test study of a nurse training programme.",
    ],
)
def test_design_before_after_is_non_randomized(nlp: Language, text: str) -> None:
    assert "non_randomized_trial" in labels(nlp, text, spans.DESIGN)


@pytest.mark.parametrize(
    "text",
    [
        "The study examined yoga among working professionals.",
        "Schoolteachers and teachers took part.",
        "Firefighters and military personnel were surveyed.",
    ],
)
def test_design_people_named_by_their_work_are_human(nlp: Language, text: str) -> None:
    assert labels(nlp, text, spans.SPECIES) == {"human"}
