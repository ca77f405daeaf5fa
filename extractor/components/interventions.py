"""Interventions and comparators with dose, route, duration and frequency.

PLACEHOLDER: writes empty span groups until implemented."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extractor import spans

KEYS = (
    spans.INTERVENTION,
    spans.COMPARATOR,
    spans.DOSE,
    spans.ROUTE,
    spans.DURATION,
    spans.FREQUENCY,
)


@Language.factory("studysift_interventions", assigns=["doc.spans"], default_config={})
def make_interventions(nlp: Language, name: str) -> InterventionsComponent:
    return InterventionsComponent(name)


class InterventionsComponent:
    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        for key in KEYS:
            doc.spans[key] = []
        return doc
