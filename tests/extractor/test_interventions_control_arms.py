"""A bare "control" listed as an arm where the arms are allocated is the control group."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor import spans
from tests.extractor.pipes import blank_with


@pytest.fixture(scope="module")
def nlp() -> Language:
    return blank_with("studysift_interventions")


def comparators(nlp: Language, text: str) -> list[str]:
    doc = nlp(text)
    return [s._.value for s in doc.spans[spans.COMPARATOR]]


def test_interventions_control_arms_bare_control_allocated(nlp: Language) -> None:
    # a bare "control" listed as an arm where the arms are allocated is the control arm
    assert comparators(nlp, "Forty villages were randomly assigned to the reading scheme or control (20 each).") == [
        "control group"
    ]
    assert comparators(nlp, "Rats were divided into three groups: control, low dose and high dose of curcumin.") == [
        "control group"
    ]
    assert comparators(nlp, "Men were allocated to an exercise (n = 12) and control (n = 11) group.") == [
        "control group"
    ]


def test_interventions_control_arms_not_outside_allocation(nlp: Language) -> None:
    # "control" as a measure, or outside a sentence allocating arms, is no arm
    assert comparators(nlp, "Patients were randomized to metformin to improve glycemic control.") == []
    assert comparators(nlp, "Pain scores were similar with metformin and control.") == []
    assert comparators(nlp, "Patients were randomized to metformin or sitagliptin to control weight.") == []
