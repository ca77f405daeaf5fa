"""Throughput of the ``studysift_sentences`` component against the one it replaced (stock ``pysbd.Segmenter`` with
scispaCy's abbreviation rule, token by token), on the same tokenized abstracts in the same run; also checks that
both give the same ``token.is_sent_start`` everywhere.

usage: python bench/sentences.py [--limit N] [--repeat R] [--cleaned]
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import pysbd
import spacy
from scispacy.consts import ABBREVIATIONS
from scispacy.custom_tokenizer import combined_rule_tokenizer
from spacy.tokens import Doc

ABSTRACTS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "evidence-inference" / "abstracts"
_ABBREVIATIONS = frozenset(ABBREVIATIONS)


class OldSentenceSplitter:
    """The component as it was: stock pySBD (char_span=True), then one ``token.is_sent_start`` per token."""

    def __init__(self) -> None:
        self.segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)

    def __call__(self, doc: Doc) -> Doc:
        starts: set[int] = set()
        for sentence in self.segmenter.segment(doc.text):
            span = doc.char_span(sentence.start, sentence.end - (len(sentence.sent) - len(sentence.sent.rstrip(" "))))
            if span is not None and len(span):
                starts.add(span[0].idx)
        for token in doc:
            previous = doc[token.i - 1] if token.i else None
            if token.idx in starts:
                opens_text = previous is not None and previous.i == 0 and previous.text.strip("\n") == ""
                token.is_sent_start = previous is None or not (previous.text in _ABBREVIATIONS or opens_text)
            else:
                token.is_sent_start = previous is not None and previous.i != 0 and previous.text.count("\n") >= 2
        return doc


def timed(label: str, docs: list[Doc], fn: Callable[[Doc], Doc], words: int) -> tuple[float, list[list[bool]]]:
    start = time.perf_counter()
    for doc in docs:
        fn(doc)
    seconds = time.perf_counter() - start
    print(f"{label:<32} {len(docs) / seconds:10.1f} articles/s {words / seconds:12,.0f} words/s ({seconds:.2f} s)")
    return words / seconds, [[bool(token.is_sent_start) for token in doc] for doc in docs]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=300, help="use only the first N abstracts (0: all)")
    parser.add_argument("--repeat", type=int, default=1, help="pass over the texts R times")
    parser.add_argument("--cleaned", action="store_true", help="segment extractor.cleaning.clean(text).text")
    args = parser.parse_args()
    if not ABSTRACTS.is_dir():
        print(f"skipped: {ABSTRACTS} is absent")
        return
    warnings.filterwarnings("ignore", message="Possible set union", category=FutureWarning)
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from extractor.cleaning import clean
    from extractor.components.sentences import SentenceSplitter

    paths = sorted(ABSTRACTS.glob("*.txt"))
    if args.limit:
        paths = paths[: args.limit]
    texts = [p.read_text(encoding="utf-8") for p in paths] * args.repeat
    if args.cleaned:
        texts = [clean(text).text for text in texts]
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} articles, {words:,} words (whitespace-separated), one core, sentence component only")

    nlp = spacy.blank("en")
    nlp.tokenizer = combined_rule_tokenizer(nlp)
    old, new = OldSentenceSplitter(), SentenceSplitter("studysift_sentences")
    old(nlp.make_doc(texts[0]))  # warm both
    new(nlp.make_doc(texts[0]))
    old_rate, old_starts = timed("old (stock pySBD, per token)", [nlp.make_doc(t) for t in texts], old, words)
    new_rate, new_starts = timed("new (studysift_sentences)", [nlp.make_doc(t) for t in texts], new, words)
    print(f"speed-up:                        {new_rate / old_rate:.1f}x")
    differ = sum(a != b for a, b in zip(old_starts, new_starts, strict=True))
    print(f"sentence starts differ in {differ} of {len(texts)} articles")
    if differ:
        sys.exit(1)


if __name__ == "__main__":
    main()
