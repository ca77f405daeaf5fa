from __future__ import annotations

import spacy
from scispacy.custom_tokenizer import combined_rule_tokenizer

import extractor.components  # noqa: F401  (registers the factories)
from extractor import spans


def test_interventions_slashed() -> None:
    nlp = spacy.blank("en")
    nlp.tokenizer = combined_rule_tokenizer(nlp)  # keeps "artesunate/placebo" as one token
    nlp.add_pipe("studysift_interventions")
    doc = nlp("We studied the addition of artesunate/placebo (4 mg/kg/day) to the usual regimen.")
    assert any(t.text == "artesunate/placebo" for t in doc)
    (drug,) = doc.spans[spans.INTERVENTION]
    assert drug._.value == "artesunate"
    assert drug._.attrs["dose"]["value"] == 4.0 and drug._.attrs["dose"]["unit"] == "mg/kg/day"
    assert [s._.value for s in doc.spans[spans.COMPARATOR]] == ["placebo"]


def test_interventions_slashed_combination() -> None:
    nlp = spacy.blank("en")
    nlp.tokenizer = combined_rule_tokenizer(nlp)
    nlp.add_pipe("studysift_interventions")
    doc = nlp("Patients were randomized to inhaled budesonide/formoterol twice daily or placebo.")
    # two drugs on one token are one combination product: one intervention named by both, with the route
    (product,) = doc.spans[spans.INTERVENTION]
    assert product._.value == "budesonide/formoterol"
    assert product._.attrs["route"] == "inhaled"
    assert [s._.value for s in doc.spans[spans.COMPARATOR]] == ["placebo"]
