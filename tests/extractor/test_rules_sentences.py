"""Sentence bounds read once per Doc: every sentence's token range, and the one holding a token."""

from __future__ import annotations

from extractor.components.rules import sentence_bounds, sentence_of
from tests.extractor.pipes import make


def test_rules_sentences_bounds_cover_the_doc_in_order() -> None:
    doc = make("Pain fell. Sleep improved a lot. Mood did not change.")
    bounds = sentence_bounds(doc)
    assert [doc[a:b].text for a, b in bounds] == ["Pain fell.", "Sleep improved a lot.", "Mood did not change."]
    assert all(sentence_of(doc, i) == (a, b) for a, b in bounds for i in range(a, b))
    assert sentence_bounds(make("")) == []
