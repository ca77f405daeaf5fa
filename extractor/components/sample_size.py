"""Sample sizes with their unit.

PLACEHOLDER: writes empty span groups until implemented."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extractor import spans

KEYS = (spans.SAMPLE_SIZE,)


@Language.factory("studysift_sample_size", assigns=["doc.spans"], default_config={})
def make_sample_size(nlp: Language, name: str) -> SampleSizeComponent:
    return SampleSizeComponent(name)


class SampleSizeComponent:
    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        for key in KEYS:
            doc.spans[key] = []
        return doc
