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


def test_interventions_co_treatment_dosed_drug_plus_placebo_is_background(nlp: Language) -> None:
    doc = nlp(
        "Patients were randomly allocated into two groups: propofol 2 mg/kg plus normal saline 2 ml (Group C) and "
        "propofol 2 mg/kg plus 2% lidocaine 40 mg (Group L)."
    )
    assert "propofol" not in [s._.value for s in doc.spans[spans.INTERVENTION]]
    assert "lidocaine" in [s._.value for s in doc.spans[spans.INTERVENTION]]


def test_interventions_co_treatment_alone_arm_drug_added_to(nlp: Language) -> None:
    doc = nlp(
        "All two groups received PCIA with either sufentanil alone (control group) or combining dexmedetomidine "
        "with sufentanil (dexmedetomidine group)."
    )
    assert {s._.value for s in doc.spans[spans.INTERVENTION]} == {"dexmedetomidine"}
    assert "sufentanil alone" in [s._.value for s in doc.spans[spans.COMPARATOR]]


def test_interventions_co_treatment_alone_in_a_result_is_not_background(nlp: Language) -> None:
    doc = nlp(
        "The dose response curve of fentanyl combined with ketamine was markedly steeper than the dose response "
        "curve of fentanyl alone."
    )
    assert {"fentanyl", "ketamine"} <= {s._.value for s in doc.spans[spans.INTERVENTION]}
