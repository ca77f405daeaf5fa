"""Conflict-of-interest statements.

PLACEHOLDER: writes empty span groups until implemented."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extractor import spans

KEYS = (spans.COI,)


@Language.factory("studysift_coi", assigns=["doc.spans"], default_config={})
def make_coi(nlp: Language, name: str) -> CoiComponent:
    return CoiComponent(name)


class CoiComponent:
    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        for key in KEYS:
            doc.spans[key] = []
        return doc
