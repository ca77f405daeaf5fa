"""Sentence boundaries: scispaCy's ``pysbd_sentencizer`` rules (pySBD segments, no break after scispaCy's
abbreviations, a paragraph break always starts a sentence), in linear time.

scispaCy's component looks every token up in a list of sentence offsets, which is quadratic in the length of
the article; this one uses a set and one pass, and gives the same boundaries. pySBD itself runs as
``sentence_rules.FastSegmenter``: its rules, the same spans, without its quadratic span search and its
per-occurrence regex compiling.
"""

from __future__ import annotations

import numpy
from scispacy.consts import ABBREVIATIONS
from spacy.attrs import DEP, IDX, LENGTH, SENT_START
from spacy.errors import Errors
from spacy.language import Language
from spacy.tokens import Doc

from extractor.components.rules import doc_text, forget_sentences
from extractor.components.sentence_rules import FastSegmenter

_ABBREVIATIONS = frozenset(ABBREVIATIONS)


@Language.factory("studysift_sentences", assigns=["token.is_sent_start"], default_config={})
def make_sentences(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter(name)


class SentenceSplitter:
    def __init__(self, name: str) -> None:
        self.name = name
        self.segmenter = FastSegmenter()

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        starts: set[int] = set()
        for sentence in self.segmenter.segment(text):
            # pySBD's spans keep trailing spaces; the sentence starts at its first token either way
            span = doc.char_span(sentence.start, sentence.end - (len(sentence.sent) - len(sentence.sent.rstrip(" "))))
            if span is not None and len(span):
                starts.add(span[0].idx)
        size = len(doc)
        if not size:
            return doc
        # whole-doc arrays, not one Token per token; and one from_array, not token.is_sent_start per token (whose
        # setter checks the whole doc for a parse each time: quadratic)
        columns = doc.to_array([IDX, LENGTH, DEP]).astype(numpy.int64)
        if columns[:, 2].any():
            raise ValueError(Errors.E043)
        idx, length = columns[:, 0], columns[:, 1]
        newlines = numpy.zeros(len(text) + 1, dtype=numpy.int64)
        numpy.cumsum(
            numpy.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=numpy.uint32) == 10, out=newlines[1:]
        )
        # not a pySBD start: a start when the token before (not the first token) holds a paragraph break
        values = numpy.full(size, -1, dtype=numpy.int64)
        if size > 2:
            breaks = newlines[idx[1:-1] + length[1:-1]] - newlines[idx[1:-1]] >= 2
            values[2:][breaks] = 1
        positions = numpy.searchsorted(idx, sorted(starts))
        for i in positions[positions < size].tolist():
            if int(idx[i]) not in starts:
                continue
            if i == 0:
                values[i] = 1
                continue
            # no break after an abbreviation, nor after newlines that open the text
            previous = text[idx[i - 1] : idx[i - 1] + length[i - 1]]
            values[i] = -1 if previous in _ABBREVIATIONS or (i == 1 and previous.strip("\n") == "") else 1
        doc.from_array([SENT_START], values.view(numpy.uint64))  # type: ignore[arg-type]
        forget_sentences(doc)
        return doc
