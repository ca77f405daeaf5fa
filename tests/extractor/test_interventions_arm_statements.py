"""Doses and routes stated of the arms as a whole ("The two drugs were given as 20-mg doses", "Each group was
administered intravenously"), and doses written as one word with their unit ("a 20-mg dose")."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from extractor import spans
from tests.extractor.pipes import blank_with


@pytest.fixture(scope="module")
def nlp() -> Language:
    return blank_with("studysift_interventions")


def facts(nlp: Language, text: str, key: str) -> dict[str, Any]:
    doc = nlp(text)
    found = [*doc.spans[spans.INTERVENTION], *doc.spans[spans.COMPARATOR]]
    return {str(s._.value): (s._.attrs[key] or {}).get("text") if key == "dose" else s._.attrs[key] for s in found}


@pytest.mark.parametrize(
    ("text", "dose"),
    [
        ("Patients took a 20-mg tablet of pravastatin every evening.", "20-mg"),
        ("Pravastatin was given as 0.5-mL doses.", "0.5-mL"),
    ],
)
def test_interventions_arm_statements_hyphenated_dose(nlp: Language, text: str, dose: str) -> None:
    assert facts(nlp, text, "dose") == {"pravastatin": dose}


def test_interventions_arm_statements_dose_said_of_the_arms(nlp: Language) -> None:
    text = "We compared pravastatin with atorvastatin. Both drugs were administered as 20-mg doses in the evening."
    assert facts(nlp, text, "dose") == {"pravastatin": "20-mg", "atorvastatin": "20-mg"}


def test_interventions_arm_statements_route_said_of_the_arms_before_another_drug(nlp: Language) -> None:
    text = (
        "Patients were allocated to ketamine 0.5 mg/kg or saline. Each group was given intravenously at the start of "
        "surgery, and morphine was used for rescue."
    )
    found = facts(nlp, text, "route")
    assert found["ketamine"] == "intravenous"
    assert found["morphine"] is None
