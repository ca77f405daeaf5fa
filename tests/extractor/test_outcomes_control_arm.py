"""A change stated for the control arm ("higher in the placebo group") is the opposite for the intervention."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor import spans
from tests.extractor.pipes import blank_with, span_labels


@pytest.fixture(scope="module")
def nlp() -> Language:
    return blank_with("studysift_outcomes", {"ranker": ""})  # the rules alone


def found(nlp: Language, text: str) -> list[tuple[str, str]]:
    return span_labels(nlp, text, spans.OUTCOME)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Weaning duration was longer in the control group.", [("Weaning duration", "decreased")]),
        ("Joint pain improved more in the placebo group than with laser.", [("Joint pain", "worsened")]),
        ("Weaning duration was longer in the laser group.", [("Weaning duration", "increased")]),
        ("Weaning duration was longer in the laser group than in controls.", [("Weaning duration", "increased")]),
        ("Weaning duration was longer than in the control group.", [("Weaning duration", "increased")]),
    ],
)
def test_outcomes_control_arm_flips_direction(nlp: Language, text: str, expected: list[tuple[str, str]]) -> None:
    assert found(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Morphine consumption was more than 20% less than that of the control group (P < 0.001).", "decreased"),
        ("Morphine consumption was more than 30% lower in the laser group.", "decreased"),
        ("Morphine consumption was more than 30 mg (P = 0.01).", "reported"),
    ],
)
def test_outcomes_control_arm_bound_is_no_comparative(nlp: Language, text: str, expected: str) -> None:
    """A comparative before "than 20%" bounds a number: the direction is the comparative after it, if any."""
    assert found(nlp, text) == [("Morphine consumption", expected)]


@pytest.mark.parametrize("arm", ["standard", "conventional", "routine care"])
def test_outcomes_control_arm_standard_care_words(nlp: Language, arm: str) -> None:
    text = f"The rate of intubations was higher in the {arm} group than in the CPAP group."
    assert found(nlp, text) == [("rate of intubations", "decreased")]
