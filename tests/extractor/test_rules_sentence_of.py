"""``sentence_of``: the token bounds of a token's sentence, read once per Doc."""

from __future__ import annotations

import spacy

from extractor.components.rules import forget_sentences, sentence_of


def test_rules_sentence_of_bounds() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("One two. Three four five. Six")
    assert [sentence_of(doc, i) for i in range(len(doc))] == [(0, 3)] * 3 + [(3, 7)] * 4 + [(7, 8)]


def test_rules_sentence_of_without_sentences_is_the_doc() -> None:
    doc = spacy.blank("en")("one two. three")
    assert {sentence_of(doc, i) for i in range(len(doc))} == {(0, len(doc))}


def test_rules_sentence_of_boundaries_set_anew() -> None:
    doc = spacy.blank("en")("one two three four")
    assert sentence_of(doc, 3) == (0, 4)
    doc[2].is_sent_start = True
    forget_sentences(doc)
    assert sentence_of(doc, 3) == (2, 4) and sentence_of(doc, 1) == (0, 2)
