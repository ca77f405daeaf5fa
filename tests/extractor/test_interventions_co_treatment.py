"""A drug joined to a placebo as one arm is given to both arms: a background treatment, not the intervention;
"as effective as Y" makes Y the comparator."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor import spans
from tests.extractor.pipes import blank_with


@pytest.fixture(scope="module")
def nlp() -> Language:
    return blank_with("studysift_interventions")


def test_interventions_co_treatment_with_placebo_is_background(nlp: Language) -> None:
    doc = nlp("Volunteers received 100 mg codeine phosphate plus 50 mg diclofenac or codeine phosphate plus placebo.")
    assert [s._.value for s in doc.spans[spans.INTERVENTION]] == ["diclofenac"]
    assert [s._.value for s in doc.spans[spans.COMPARATOR]] == ["placebo"]


def test_interventions_co_treatment_usual_care_is_not_placebo(nlp: Language) -> None:
    doc = nlp("29 patients were allocated to lithium plus usual care and 27 to usual care without lithium.")
    assert "lithium" in [s._.value for s in doc.spans[spans.INTERVENTION]]


def test_interventions_co_treatment_as_effective_as(nlp: Language) -> None:
    doc = nlp("Oral ketamine is as effective as intravenous morphine for pain.")
    assert [s._.value for s in doc.spans[spans.INTERVENTION]] == ["ketamine"]
    assert [s._.value for s in doc.spans[spans.COMPARATOR]] == ["morphine"]
