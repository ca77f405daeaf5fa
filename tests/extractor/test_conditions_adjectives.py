"""An adjective naming a condition counts only before the population it describes."""

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
        ("Inhaled steroids in asthmatic adults.", ["asthma"]),
        ("Zinc for HIV-positive patients.", ["HIV infection"]),
        ("Weaning of critically ill adult patients.", ["critical illness"]),
        ("Exercise in obese pregnant women.", ["obesity"]),
        ("Coaching of physically inactive patients.", ["physical inactivity"]),
    ],
)
def test_conditions_adjectives_before_population(nlp: Language, text: str, expected: list[str]) -> None:
    assert values(nlp, text) == expected


def test_conditions_adjectives_elsewhere_ignored(nlp: Language) -> None:
    assert values(nlp, "A diabetic diet and a septic tank.") == []
