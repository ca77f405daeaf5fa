"""Conditions, with abbreviations the article defines expanded.

PLACEHOLDER: writes empty span groups until implemented."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extractor import spans

KEYS = (spans.CONDITION,)


@Language.factory("studysift_conditions", assigns=["doc.spans"], default_config={})
def make_conditions(nlp: Language, name: str) -> ConditionsComponent:
    return ConditionsComponent(name)


class ConditionsComponent:
    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        for key in KEYS:
            doc.spans[key] = []
        return doc
