"""Sentence boundaries: scispaCy's ``pysbd_sentencizer`` rules (pySBD segments, no break after scispaCy's
abbreviations, a paragraph break always starts a sentence), in linear time.

scispaCy's component looks every token up in a list of sentence offsets, which is quadratic in the length of
the article; this one uses a set and one pass, and gives the same boundaries.
"""

from __future__ import annotations

import pysbd
from scispacy.consts import ABBREVIATIONS
from spacy.language import Language
from spacy.tokens import Doc

_ABBREVIATIONS = frozenset(ABBREVIATIONS)


@Language.factory("studysift_sentences", assigns=["token.is_sent_start"], default_config={})
def make_sentences(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter(name)


class SentenceSplitter:
    def __init__(self, name: str) -> None:
        self.name = name
        self.segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)

    def __call__(self, doc: Doc) -> Doc:
        starts: set[int] = set()
        for sentence in self.segmenter.segment(doc.text):
            # pySBD's spans keep trailing spaces; the sentence starts at its first token either way
            span = doc.char_span(sentence.start, sentence.end - (len(sentence.sent) - len(sentence.sent.rstrip(" "))))
            if span is not None and len(span):
                starts.add(span[0].idx)
        for token in doc:
            previous = doc[token.i - 1] if token.i else None
            if token.idx in starts:
                # no break after an abbreviation, nor after newlines that open the text
                opens_text = previous is not None and previous.i == 0 and previous.text.strip("\n") == ""
                token.is_sent_start = previous is None or not (previous.text in _ABBREVIATIONS or opens_text)
            else:
                token.is_sent_start = previous is not None and previous.i != 0 and previous.text.count("\n") >= 2
        return doc
