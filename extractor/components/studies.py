"""Study mentions, the anchors of record assembly.

PLACEHOLDER: writes empty span groups until implemented."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extractor import spans

KEYS = (spans.STUDY,)


@Language.factory("studysift_study_mentions", assigns=["doc.spans"], default_config={})
def make_studies(nlp: Language, name: str) -> StudiesComponent:
    return StudiesComponent(name)


class StudiesComponent:
    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        for key in KEYS:
            doc.spans[key] = []
        return doc
