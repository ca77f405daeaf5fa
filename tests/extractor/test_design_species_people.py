"""People named by their role ("subjects", "athletes", "nurses") are human; an animal study stays an animal study."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor import spans
from extractor.pipeline import build
from extractor.records import assemble
from tests.extractor.pipes import blank_with


@pytest.fixture(scope="module")
def nlp() -> Language:
    return blank_with("studysift_design")


@pytest.mark.parametrize("people", ["subjects", "athletes", "nurses", "physicians", "respondents", "parents"])
def test_design_species_people_are_human(nlp: Language, people: str) -> None:
    doc = nlp(f"Forty {people} took part.")  # held: a span group needs its Doc alive
    assert [s.label_ for s in doc.spans[spans.SPECIES]] == ["human"]


def test_design_species_people_animal_study_kept() -> None:
    doc = build()("A randomized controlled trial in rats.\n\nTwelve rats were randomised. The subjects were weighed.")
    (record,) = assemble(doc)[0]
    assert record.species == "rat"
