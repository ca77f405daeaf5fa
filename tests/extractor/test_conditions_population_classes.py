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


def values(nlp: Language, text: str) -> list[str]:
    doc = nlp(text)
    return [s._.value for s in doc.spans[spans.CONDITION]]


def test_conditions_population_nouns_animals(nlp: Language) -> None:
    assert values(nlp, "Forty-eight transfusion-naive anemic cats were enrolled.") == ["anemia"]


def test_conditions_lexicon_pregnancy_complications(nlp: Language) -> None:
    assert values(nlp, "One hundred women with ectopic pregnancy were randomly allocated.") == ["ectopic pregnancy"]
