"""Facts and names around intervention mentions: a bracketed dose after a line break, ingestion as the oral route,
a blocker after a coordinated word ("estrogen and progesterone receptors")."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor import spans
from tests.extractor.pipes import blank_with


@pytest.fixture(scope="module")
def nlp() -> Language:
    return blank_with("studysift_interventions")


def test_interventions_linking_bracketed_dose_after_a_line_break(nlp: Language) -> None:
    doc = nlp("Patients randomly received cisapride\n(10 mg, via nasogastric tube) one day and a placebo the other.")
    (item,) = doc.spans[spans.INTERVENTION]
    assert item._.attrs["dose"]["value"] == 10 and item._.attrs["route"] == "other"


def test_interventions_linking_ingestion_is_oral(nlp: Language) -> None:
    doc = nlp("The subjects consumed 500 ml of pomegranate juice every day.")
    (item,) = doc.spans[spans.INTERVENTION]
    assert item._.attrs["route"] == "oral"


def test_interventions_linking_coordinated_blocker(nlp: Language) -> None:
    doc = nlp("Effects of tamoxifen on estrogen and progesterone receptors.")
    assert [s._.value for s in doc.spans[spans.INTERVENTION]] == ["tamoxifen"]


def test_interventions_linking_broad_word_takes_no_dose(nlp: Language) -> None:
    doc = nlp("Exercise with 400 mg daily improved fatigue.")
    found = {s._.value: s._.attrs["dose"] for s in doc.spans[spans.INTERVENTION]}
    assert found == {"exercise": None}


def test_interventions_linking_named_drug_before_broad_word(nlp: Language) -> None:
    doc = nlp("Pain after molar extraction.\nPatients got diclofenac K (50 mg Oral before and after surgery) daily.")
    found = {s._.value: s._.attrs["route"] for s in doc.spans[spans.INTERVENTION]}
    assert found["diclofenac"] == "oral"


def test_interventions_linking_only_allocated_treatments(nlp: Language) -> None:
    doc = nlp(
        "Pain after colonoscopy.\nPatients were randomized to ketamine or placebo. Ketamine was safe. "
        "All patients were sedated with propofol. Propofol doses were recorded."
    )
    assert {s._.value for s in doc.spans[spans.INTERVENTION]} == {"ketamine"}
    doc = nlp("Pain after colonoscopy.\nAll patients were sedated with propofol. Propofol doses were recorded.")
    assert {s._.value for s in doc.spans[spans.INTERVENTION]} == {"propofol"}  # no allocation named: kept


def test_interventions_linking_broad_word_takes_no_route(nlp: Language) -> None:
    doc = nlp("Knee pain trial.\nOne patient had fever after surgery that resolved with oral antibiotics.")
    assert all(s._.attrs["route"] is None for s in doc.spans[spans.INTERVENTION])


def test_interventions_linking_route_word_naming_a_specialty(nlp: Language) -> None:
    doc = nlp("Ketamine was compared with placebo in minor oral surgical procedures.")
    assert list(doc.spans[spans.ROUTE]) == []
    doc = nlp("Ketamine was given as oral drops.")
    assert [s.label_ for s in doc.spans[spans.ROUTE]] == ["oral"]
