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
    return (
        list(dict.fromkeys(s._.value for s in doc.spans[spans.INTERVENTION])),
        list(dict.fromkeys(s._.value for s in doc.spans[spans.COMPARATOR])),
    )


def test_interventions_salience_background_and_passing_mentions(nlp: Language) -> None:
    text = (
        "Haloperidol in acute psychosis\n\n"
        "BACKGROUND:\nMorphine and aspirin are widely used.\n\n"
        "METHODS:\nPatients received haloperidol 5 mg or olanzapine. Some had had surgery before. "
        "Haloperidol raised lactate more than olanzapine."
    )
    interventions, comparators = names(nlp, text)
    assert interventions == ["haloperidol"]
    assert comparators == ["olanzapine"]


def test_interventions_salience_study_drugs_take_the_route(nlp: Language) -> None:
    doc = nlp(
        "Ketamine and fentanyl were compared in volunteers. Target controlled infusions of the study drugs were used."
    )
    routes = {s._.value: s._.attrs["route"] for s in doc.spans[spans.INTERVENTION]}
    assert routes == {"ketamine": "intravenous", "fentanyl": "intravenous"}


def test_interventions_salience_supplements_and_juices(nlp: Language) -> None:
    doc = nlp("Men drank 500 ml of pomegranate juice daily. Others took ATP supplementation 400 mg/d.")
    found = {s._.value: s._.attrs["dose"]["text"] for s in doc.spans[spans.INTERVENTION]}
    assert found == {"pomegranate juice": "500 ml", "atp supplementation": "400 mg/d"}


def test_interventions_salience_broad_title_word_after_a_distant_setting_word(nlp: Language) -> None:
    title = "Effects of ATP supplementation on fatigue during repeated high intensity exercise sets\n\n"
    text = title + "METHODS:\nAthletes were randomized to ATP supplementation or placebo."
    interventions, _ = names(nlp, text)
    assert "exercise" not in interventions and "atp supplementation" in interventions


def test_interventions_salience_broad_title_word_after_a_long_setting_phrase(nlp: Language) -> None:
    title = "Palonosetron plus droperidol to prevent vomiting after eye enucleation and orbital implant surgery\n\n"
    text = title + "METHODS:\nPatients were randomized to palonosetron plus droperidol or placebo."
    interventions, _ = names(nlp, text)
    assert "surgery" not in interventions and "palonosetron" in interventions
