"""Common outcome measures of the lexicon (``data/outcomes.tsv``) are outcomes wherever a study names them."""

from __future__ import annotations

from extractor import spans
from tests.extractor.pipes import blank_with


def test_outcomes_lexicon_common_measures() -> None:
    nlp = blank_with("studysift_outcomes", {"ranker": ""})  # the rules alone
    doc = nlp("Secondary analyses covered bone mineral density, grip strength and viral load in all women.")
    assert {str(s._.value) for s in doc.spans[spans.OUTCOME]} == {"bone mineral density", "grip strength", "viral load"}
