from __future__ import annotations

import spacy
from scispacy.abbreviation import AbbreviationDetector  # noqa: F401  (registers "abbreviation_detector")

import extractor.components  # noqa: F401  (registers the factories)
from extractor import spans


def test_outcomes_merge() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("abbreviation_detector")
    nlp.add_pipe("studysift_conditions")
    nlp.add_pipe("studysift_outcomes", config={"model": ""})
    doc = nlp(
        "Health-related quality of life (HRQOL) was measured in patients with asthma. "
        "Yoga improved HRQOL. Systolic blood pressure and diastolic blood pressure were recorded."
    )
    found = [(s._.value, s.label_) for s in doc.spans[spans.OUTCOME]]
    assert found == [
        ("HRQOL", "improved"),
        ("Systolic blood pressure", "reported"),
        ("diastolic blood pressure", "reported"),
    ]
    assert doc.spans[spans.OUTCOME][0].text == "HRQOL"
