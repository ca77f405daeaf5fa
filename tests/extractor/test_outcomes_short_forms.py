"""An outcome written with a short form the article defines is named by the long form, unless that makes a long
name of a short one ("NIHSS score" stays as written)."""

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
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("abbreviation_detector")
    nlp.add_pipe("studysift_outcomes", config={"ranker": ""})  # the rules alone
    return nlp


def names(nlp: Language, text: str) -> list[str]:
    doc = nlp(text)
    return [str(s._.value) for s in doc.spans[spans.OUTCOME]]


def test_outcomes_short_forms_spelled_out(nlp: Language) -> None:
    text = "We used a visual analogue scale (VAS) daily. VAS pain was lower in group A."
    assert names(nlp, text) == ["visual analogue scale pain"]


def test_outcomes_short_forms_kept_when_long(nlp: Language) -> None:
    text = "We used the National Institutes of Health Stroke Scale (NIHSS) daily. NIHSS score was lower in group A."
    assert names(nlp, text) == ["NIHSS score"]
