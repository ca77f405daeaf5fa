"""Control arms named by what they go without: "control (no trimetazidine)", "the no-morphine group",
"X with or without Y"."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor import spans
from tests.extractor.pipes import blank_with


@pytest.fixture(scope="module")
def nlp() -> Language:
    return blank_with("studysift_interventions")


def names(nlp: Language, text: str) -> tuple[list[str], list[str]]:
    doc = nlp(text)
    return [s._.value for s in doc.spans[spans.INTERVENTION]], [s._.value for s in doc.spans[spans.COMPARATOR]]


def test_interventions_absent_arms_control_without(nlp: Language) -> None:
    # the control arm named by what it goes without, where the arms are allocated or what it got is said
    _, comparators = names(
        nlp, "Children were randomized to melatonin (n = 40) or control group (n = 41) without melatonin."
    )
    assert comparators == ["without melatonin"]
    _, comparators = names(
        nlp, "The allopurinol group took 300 mg daily; the control group patients received no allopurinol."
    )
    assert comparators == ["no allopurinol"]


def test_interventions_absent_arms_no_treatment_group(nlp: Language) -> None:
    # "the no-X group" is the control arm; "X with or without Y" has an arm without Y beside the one with it
    interventions, comparators = names(nlp, "Delirium was rarer in the no-haloperidol group. Patients got haloperidol.")
    assert (interventions, comparators) == (["haloperidol"], ["no haloperidol"])
    interventions, comparators = names(nlp, "Women were randomized to letrozole with or without metformin.")
    assert comparators == ["without metformin"]
    assert "metformin" in interventions


def test_interventions_absent_arms_not_a_result(nlp: Language) -> None:
    # "without significant differences" says a result of the control group, not what it went without
    _, comparators = names(
        nlp, "Patients were randomized to melatonin or control group without significant differences at baseline."
    )
    assert comparators == ["control group"]
