"""The cue matcher runs only in windows around trigger words: it must find what a whole-document pass finds."""

from __future__ import annotations

import spacy

import extractor.components  # noqa: F401  (registers the factories)
from extractor.components.outcomes import OutcomesComponent


def test_outcomes_windowing() -> None:
    nlp = spacy.blank("en")
    component = OutcomesComponent(nlp, "outcomes", ranker="")
    cues = component.sets[("cues", ())]
    assert cues._anchors, "the direction cues should be windowed"
    doc = nlp(
        "Ketamine significantly reduced pain intensity. There was no statistically significant difference in "
        "sedation. Heart rate did not differ. Mortality was similar. Patients had twice the incidence of nausea. "
        "Fatigue was significantly lower in the ketamine group and quality of life improved at 6 months."
    )
    windowed = sorted((m.span.start, m.span.end, m.index) for m in cues.matches(doc))
    cues._anchors = None
    whole = sorted((m.span.start, m.span.end, m.index) for m in cues.matches(doc))
    assert windowed == whole
    assert len(whole) >= 7
