"""A procedure the participants undergo names the population; "after surgery" or a trial arm does not."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor import spans
from tests.extractor.pipes import blank_with, span_values


@pytest.fixture(scope="module")
def nlp() -> Language:
    return blank_with("studysift_conditions")


def values(nlp: Language, text: str) -> list[str]:
    return span_values(nlp, text, spans.CONDITION)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Early recanalization after vasectomy.", ["vasectomy"]),
        ("Fifty patients who underwent a scheduled cardiac surgery were included.", ["cardiac surgery"]),
        ("Diclofenac following third molar surgery.", ["third molar surgery"]),
        ("Patients undergoing minor oral surgical procedures.", ["minor oral surgical procedures"]),
    ],
)
def test_conditions_procedures_population(nlp: Language, text: str, expected: list[str]) -> None:
    assert values(nlp, text) == expected


def test_conditions_procedures_alone_or_arm_ignored(nlp: Language) -> None:
    assert values(nlp, "Pain after surgery.\n\nPressure rose during the trabeculectomy arm.") == []


def test_conditions_procedures_in_a_title_only(nlp: Language) -> None:
    assert values(nlp, "Preemptive analgesia in third molar impaction surgery") == ["third molar impaction surgery"]
    assert values(nlp, "A trial\n\nSurgeons with an interest in hip arthroscopy operated.") == []
