from __future__ import annotations

import spacy

import extractor.components  # noqa: F401  (registers the factories)
from extractor import spans


def test_outcomes_adverse_events() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("studysift_outcomes", config={"ranker": ""})  # the rules alone
    doc = nlp("Adverse events included nausea, vomiting and dizziness. Headache was the primary outcome.")
    names = [s._.value for s in doc.spans[spans.ADVERSE_EVENT]]
    assert names == ["nausea", "vomiting", "dizziness"]
    for span in doc.spans[spans.ADVERSE_EVENT]:
        assert span.text.lower() == span._.value
