from __future__ import annotations

import pytest
import spacy
from scispacy.abbreviation import AbbreviationDetector  # noqa: F401  (registers "abbreviation_detector")
from spacy.language import Language

import extractor.components  # noqa: F401  (registers the factories)
from extractor import spans


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("abbreviation_detector")
    nlp.add_pipe("studysift_conditions")
    return nlp


def conditions(nlp: Language, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    return [(s.text, s._.value) for s in doc.spans[spans.CONDITION]]


def test_conditions_eponyms_possessive_not_in_lexicon(nlp: Language) -> None:
    found = conditions(nlp, "Patients with stage IA Hodgkin's Disease were randomised to radiotherapy.")
    assert found == [("Hodgkin's Disease", "hodgkin's disease")]


def test_conditions_eponyms_curly_apostrophe(nlp: Language) -> None:
    found = conditions(nlp, "A trial in patients with prodromal Alzheimer\u2019s disease (AD). AD progressed slowly.")
    assert ("Alzheimer\u2019s disease", "alzheimer's disease") in found
    assert ("AD", "alzheimer's disease") in found
