from __future__ import annotations

import spacy

import extractor.components  # noqa: F401  (registers the factories)
from extractor import spans


def test_conditions_population() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("studysift_conditions")
    doc = nlp("Asthma is common. We randomised 40 patients with chronic kidney disease and 12 gout patients.")
    confidence = {s._.value: s._.confidence for s in doc.spans[spans.CONDITION]}
    assert set(confidence) == {"asthma", "chronic kidney disease", "gout"}
    assert confidence["chronic kidney disease"] > confidence["asthma"]
    assert confidence["gout"] > confidence["asthma"]


def test_conditions_population_after_age_and_care() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("studysift_conditions")
    doc = nlp(
        "Gout is common. We enrolled 909 women aged 65-98 years with urinary incontinence, "
        "and evaluated community care of venous leg ulcers."
    )
    confidence = {s._.value: s._.confidence for s in doc.spans[spans.CONDITION]}
    assert confidence["urinary incontinence"] > confidence["gout"]
    assert confidence["venous leg ulcer"] > confidence["gout"]


def test_conditions_population_risk_level_and_conjunction() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("studysift_conditions")
    doc = nlp("Gout is common. Nuts in patients with type 2 diabetes and high cardiovascular disease risk.")
    confidence = {s._.value: s._.confidence for s in doc.spans[spans.CONDITION]}
    assert set(confidence) == {"gout", "type 2 diabetes", "high cardiovascular disease risk"}
    assert confidence["high cardiovascular disease risk"] > confidence["gout"]
