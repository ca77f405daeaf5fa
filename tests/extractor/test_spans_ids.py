from __future__ import annotations

import spacy
from spacy.tokens import Span

from extractor import spans


def test_spans_ids_keep_values_apart() -> None:
    doc = spacy.blank("en")("Artesunate/amodiaquine was given.")
    group: list[Span] = []
    # two spans of one label on one token, told apart by their span id
    first = spans.add_span(group, Span(doc, 0, 1, "drug", span_id="artesunate"), "artesunate", 0.8, route="oral")
    second = spans.add_span(group, Span(doc, 0, 1, "drug", span_id="amodiaquine"), "amodiaquine", 0.6)
    assert (first._.value, first._.confidence, first._.attrs) == ("artesunate", 0.8, {"route": "oral"})
    assert (second._.value, second._.confidence, second._.attrs) == ("amodiaquine", 0.6, None)
