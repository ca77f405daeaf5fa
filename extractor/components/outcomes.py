"""Outcomes with their direction, and adverse events.

PLACEHOLDER: writes empty span groups until implemented."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extractor import spans

KEYS = (
    spans.OUTCOME,
    spans.ADVERSE_EVENT,
)


@Language.factory("studysift_outcomes", assigns=["doc.spans"], default_config={})
def make_outcomes(nlp: Language, name: str) -> OutcomesComponent:
    return OutcomesComponent(name)


class OutcomesComponent:
    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        for key in KEYS:
            doc.spans[key] = []
        return doc
