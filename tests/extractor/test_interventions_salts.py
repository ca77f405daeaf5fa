"""A drug's salt or formulation words beside it (data/salt_words.tsv) are part of its name."""

from __future__ import annotations

import spacy

import extractor.components  # noqa: F401  (registers the factories)
from extractor import spans


def _arms(text: str) -> tuple[list[str], list[str]]:
    nlp = spacy.blank("en")
    nlp.add_pipe("studysift_interventions")
    doc = nlp(text)
    return [s._.value for s in doc.spans[spans.INTERVENTION]], [s._.value for s in doc.spans[spans.COMPARATOR]]


def test_interventions_salts_after_the_name() -> None:
    # the salt is part of the arm's name, so "X salt alone" is the comparator and the salt no loose word
    treated, controls = _arms("Patients got diclofenac potassium plus dexamethasone or diclofenac potassium alone.")
    assert treated == ["diclofenac potassium", "dexamethasone"]
    assert controls == ["diclofenac potassium alone"]


def test_interventions_salts_before_the_name() -> None:
    # "magnesium" is a drug of the lexicon too, but before another drug it names that drug's salt
    treated, _ = _arms("Patients were randomized to magnesium valproate or sodium valproate.")
    assert treated == ["magnesium valproate", "sodium valproate"]


def test_interventions_salts_formulation() -> None:
    treated, _ = _arms("Patients were randomized to extended-release metformin 1000 mg daily.")
    assert treated == ["extended-release metformin"]
