"""Design, randomization, blinding, allocation, species, evidence level and follow-up.

PLACEHOLDER: writes empty span groups until implemented."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extractor import spans

KEYS = (
    spans.DESIGN,
    spans.RANDOMIZED,
    spans.BLINDING,
    spans.ALLOCATION,
    spans.SPECIES,
    spans.EVIDENCE_LEVEL,
    spans.FOLLOW_UP,
)


@Language.factory("studysift_design", assigns=["doc.spans"], default_config={})
def make_design(nlp: Language, name: str) -> DesignComponent:
    return DesignComponent(name)


class DesignComponent:
    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        for key in KEYS:
            doc.spans[key] = []
        return doc
