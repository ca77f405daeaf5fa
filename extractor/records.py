"""Record assembly: the span groups of a Doc → one StudyRecord per study the article describes.

PLACEHOLDER until the extraction issue lands: no records, COI not reported.
"""

from __future__ import annotations

from spacy.tokens import Doc

from extractor.models import ConflictsOfInterest, StudyRecord


def assemble(doc: Doc) -> tuple[list[StudyRecord], ConflictsOfInterest]:
    return [], ConflictsOfInterest()
