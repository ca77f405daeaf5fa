"""Rule sets shared by the intervention, condition and outcome components: phrase lexicons (``PhraseMatcher``),
token patterns (``Matcher``) and text regexes, loaded from ``extractor/data/`` and saved with the component.

A rule is a dict: ``{"label": str, "phrase": str}`` (matched on lower-case text, or on the exact text with
``"case": true``), ``{"label": str, "pattern": [token specs]}`` or ``{"label": str, "regex": str}``; any other keys
(``"value"``, ``"id"`` ...) travel with the match. Regexes are there for dose-like expressions, which the scispaCy
tokenizer splits inconsistently ("0.5mg/kg/day" one token, "0.5 - 1 mg/kg" five); they match on the text and snap
outward to token boundaries. A one-token pattern that needs a regex (a drug-name suffix) is a regex rule with
``"whole_token": true`` (it counts only when it is exactly one token): one pass over the text instead of a regex per
token, and the token patterns left can then run only around their anchor words.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy
from spacy.attrs import ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extractor.lexicons import read_tsv

MAX_REPEAT = 8  # tokens an open-ended pattern ("OP": "*" / "+") may take beyond its length, when windowed


_TEXT_KEY = "studysift.text"
_SENTENCE_STARTS_KEY = "studysift.sentence_starts"


def defined_abbreviations(doc: Doc) -> list[Span]:
    """The short forms the article defines (scispaCy's ``AbbreviationDetector``; each has ``._.long_form``), in text
    order: the detector collects them in sets, so its own order changes from run to run with the hash seed, and a
    first-found-wins rule over them would give a different result each run."""
    if not doc.has_extension("abbreviations") or not Span.has_extension("long_form"):
        return []
    return sorted(doc._.abbreviations, key=lambda short: (short.start, short.end))


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc (kept in ``doc.user_data`` with the number of tokens it is of, which a Doc
    made from a span with its user data would not match) and from two arrays: spaCy's ``doc.text`` makes a ``Token``
    per token on every access."""
    cached = doc.user_data.get(_TEXT_KEY)
    if isinstance(cached, (tuple, list)) and len(cached) == 2 and cached[0] == len(doc):
        return str(cached[1])
    strings = doc.vocab.strings
    pairs = doc.to_array([ORTH, SPACY]).tolist() if len(doc) else []
    text = "".join([strings[orth] + " " if space else strings[orth] for orth, space in pairs])
    doc.user_data[_TEXT_KEY] = (len(doc), text)
    return text


_ASCII_KEY = "studysift.ascii_equivalent"
_SEPARATORS = "\x1c\x1d\x1e\x1f"  # ASCII, yet whitespace to Unicode matching (``str.isspace``), not to ASCII's


def ascii_equivalent(doc: Doc) -> bool:
    r"""Whether every regex finds in the doc's text under ``re.ASCII`` what it finds under Unicode matching, which a
    regex that begins with ``\b`` or a lookbehind, case-insensitive, runs markedly slower. True when no character
    of the text outside ASCII is a letter, digit or space or has case, and no ASCII separator occurs: then ``\w``,
    ``\d``, ``\s``, ``\b`` and their negations class every character alike in both modes, and case-insensitive
    matching differs only on characters with case (``K`` and the Kelvin sign, ``s`` and the long s). Kept in
    ``doc.user_data``, by the text's length."""
    text = doc_text(doc)
    cached = doc.user_data.get(_ASCII_KEY)
    if isinstance(cached, tuple) and len(cached) == 2 and cached[0] == len(text):
        return bool(cached[1])
    same = not any(
        c.isalnum() or c.isspace() or c.lower() != c.upper() for c in set(text) if not c.isascii() or c in _SEPARATORS
    )
    doc.user_data[_ASCII_KEY] = (len(text), same)
    return same


class TextRegex:
    """A regex compiled for Unicode and for ASCII matching; ``on(doc)`` is the form to run on the doc's text: the
    ASCII one, faster, where ``ascii_equivalent`` says the two find the same."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.unicode = re.compile(pattern, flags)
        self.ascii = re.compile(pattern, flags | re.ASCII)

    def on(self, doc: Doc) -> re.Pattern[str]:
        return self.ascii if ascii_equivalent(doc) else self.unicode


@dataclass(frozen=True)
class Match:
    span: Span
    rule: dict[str, Any]
    index: int  # the rule's position in its set: on equal spans the earlier rule wins

    @property
    def label(self) -> str:
        return str(self.rule["label"])


class RuleSet:
    """Compiled once; ``matches(doc)`` yields every match, ``best(doc)`` the longest non-overlapping ones."""

    def __init__(self, nlp: Language, rules: Iterable[dict[str, Any]] = ()) -> None:
        self.nlp = nlp
        self.rules: list[dict[str, Any]] = []
        self._phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._phrases_cased = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._tokens = Matcher(nlp.vocab, validate=True)
        self._regexes: list[tuple[TextRegex, int]] = []
        # Token patterns run only around their anchor words (a required token's LOWER values), when every pattern
        # has one: the Matcher's per-token cost then falls on few windows. The anchors are kept by the window they
        # need (tokens before the anchor, tokens from it on), so that a frequent anchor of a short pattern ("was")
        # opens a short window, not the longest any pattern needs.
        self._anchors: dict[tuple[int, int], set[int]] | None = {}
        self._anchor_arrays: list[tuple[int, int, numpy.ndarray]] | None = None  # built from _anchors when needed
        self.add(rules)

    def __len__(self) -> int:
        return len(self.rules)

    def add(self, rules: Iterable[dict[str, Any]]) -> None:
        phrases: dict[str, list[Doc]] = {}
        cased: dict[str, list[Doc]] = {}
        for rule in rules:
            key = f"studysift_rule_{len(self.rules)}"
            self.rules.append(rule)
            if "phrase" in rule:
                target = cased if rule.get("case") else phrases
                target.setdefault(key, []).append(self.nlp.make_doc(str(rule["phrase"])))
            elif "pattern" in rule:
                self._tokens.add(key, [rule["pattern"]])
                self._add_trigger(rule["pattern"])
            elif "regex" in rule:
                flags = 0 if rule.get("case") else re.IGNORECASE
                self._regexes.append((TextRegex(str(rule["regex"]), flags), len(self.rules) - 1))
            else:
                raise ValueError(f"rule has no phrase, pattern or regex: {rule!r}")
        for key, docs in phrases.items():
            self._phrases.add(key, docs)
        for key, docs in cased.items():
            self._phrases_cased.add(key, docs)

    def _add_trigger(self, pattern: list[dict[str, Any]]) -> None:
        """Record the LOWER values of the pattern's first required token that names them (its anchor: every match
        holds it, at most ``lead`` tokens from the start), or give up when no such token comes before an
        open-ended one."""
        open_ended = any(spec.get("OP") in ("*", "+") for spec in pattern)
        reach = len(pattern) + (MAX_REPEAT if open_ended else 0)
        for lead, spec in enumerate(pattern):
            if self._anchors is None or spec.get("OP") in ("*", "+"):
                break
            lower = spec.get("LOWER")
            values = [lower] if isinstance(lower, str) else lower.get("IN") if isinstance(lower, dict) else None
            simple = isinstance(lower, str) or (isinstance(lower, dict) and set(lower) == {"IN"})
            if spec.get("OP") != "?" and simple and isinstance(values, list):
                anchors = self._anchors.setdefault((lead, reach), set())
                anchors.update(self.nlp.vocab.strings.add(str(v)) for v in values)
                self._anchor_arrays = None
                return
        self._anchors = None

    def _windows(self, doc: Doc) -> list[tuple[int, int]]:
        """Token ranges that can hold a token-pattern match, merged where they meet."""
        if self._anchors is None:
            return [(0, len(doc))]
        if self._anchor_arrays is None:  # sorted once, for a binary search: numpy.isin sorts on every call
            self._anchor_arrays = [
                (lead, reach, numpy.array(sorted(anchors), dtype=numpy.uint64))
                for (lead, reach), anchors in self._anchors.items()
                if anchors
            ]
        lower = doc.to_array("LOWER")
        ranges: list[tuple[int, int]] = []
        for lead, reach, anchors in self._anchor_arrays:
            found = anchors[numpy.minimum(numpy.searchsorted(anchors, lower), len(anchors) - 1)]
            hits = numpy.flatnonzero(found == lower)
            ranges.extend((max(0, hit - lead), min(len(doc), hit + reach)) for hit in hits.tolist())
        windows: list[tuple[int, int]] = []
        for start, end in sorted(ranges):
            if windows and start <= windows[-1][1]:
                windows[-1] = (windows[-1][0], max(windows[-1][1], end))
            else:
                windows.append((start, end))
        return windows

    def _index(self, match_id: int) -> int:
        return int(self.nlp.vocab.strings[match_id].rsplit("_", 1)[1])

    def matches(self, doc: Doc) -> Iterator[Match]:
        text = doc_text(doc) if self._regexes else ""
        for matcher in (self._phrases, self._phrases_cased):
            if len(matcher):
                for match_id, start, end in matcher(doc):
                    index = self._index(match_id)
                    yield Match(doc[start:end], self.rules[index], index)
        if len(self._tokens):
            for offset, window_end in self._windows(doc):
                for match_id, start, end in self._tokens(doc[offset:window_end]):
                    index = self._index(match_id)
                    yield Match(doc[offset + start : offset + end], self.rules[index], index)
        for regex, index in self._regexes:
            compiled = regex.on(doc)
            group = "m" if "m" in compiled.groupindex else 0
            for m in compiled.finditer(text):
                start, end = m.span(group)
                span = doc.char_span(start, end, alignment_mode="expand") if start < end else None
                if span is not None and self.rules[index].get("whole_token"):  # as a token pattern: one whole token
                    span = span if len(span) == 1 and span.start_char == start and span.end_char == end else None
                if span is not None:
                    yield Match(span, {**self.rules[index], "groups": m.groupdict(), "text": m.group(group)}, index)

    def best(self, doc: Doc) -> list[Match]:
        """The longest matches, no two overlapping; on equal spans the earlier rule wins."""
        by_span: dict[tuple[int, int], Match] = {}
        for m in self.matches(doc):
            key = (m.span.start, m.span.end)
            if key not in by_span or m.index < by_span[key].index:
                by_span[key] = m
        kept = {(s.start, s.end) for s in filter_spans([m.span for m in by_span.values()])}
        return sorted((m for k, m in by_span.items() if k in kept), key=lambda m: m.span.start)


def phrase_rules(
    name: str, *, label: str | None = None, label_column: int = 1, flags_column: int = 2
) -> list[dict[str, Any]]:
    """Phrase rules from a TSV lexicon: column 0 the phrase, the label fixed or from ``label_column``, comma-separated
    flags in ``flags_column`` (``case``: match the exact case); the columns after the phrase are kept as ``cols``."""
    rules = []
    for row in read_tsv(name):
        cell = row[flags_column] if len(row) > flags_column else ""
        flags = sorted({f.strip() for f in cell.split(",") if f.strip()})
        rule: dict[str, Any] = {"label": label or row[label_column], "phrase": row[0], "cols": row[1:], "flags": flags}
        if "case" in flags:
            rule["case"] = True
        rules.append(rule)
    return rules


def grouped(group: str, rules: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rules tagged with the span group (``base.RuleComponent``'s rule set) they feed."""
    return [{**rule, "group": group} for rule in rules]


def _sentence_starts(doc: Doc) -> list[int]:
    """The token index of each sentence's first token, read once per Doc (kept in ``doc.user_data``;
    ``forget_sentences`` when setting boundaries anew): walking to the boundaries made a ``Token`` per word."""
    cached = doc.user_data.get(_SENTENCE_STARTS_KEY)
    if isinstance(cached, tuple) and len(cached) == 2 and cached[0] == len(doc):
        starts: list[int] = cached[1]
        return starts
    flags = doc.to_array(SENT_START) if len(doc) else numpy.zeros(0, dtype=numpy.int64)
    starts = [0, *(numpy.flatnonzero(flags[1:].astype(numpy.int64) == 1) + 1).tolist()]
    doc.user_data[_SENTENCE_STARTS_KEY] = (len(doc), starts)
    return starts


def sentence_of(doc: Doc, token_index: int) -> tuple[int, int]:
    """Token bounds of the sentence holding a token; the whole doc when sentences are not set."""
    starts = _sentence_starts(doc)
    i = bisect_right(starts, token_index) - 1
    return starts[i], starts[i + 1] if i + 1 < len(starts) else len(doc)


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Token bounds of every sentence, in order (none for an empty Doc)."""
    if not len(doc):
        return []
    starts = _sentence_starts(doc)
    return list(zip(starts, [*starts[1:], len(doc)], strict=True))


def forget_sentences(doc: Doc) -> None:
    """Drop the sentence starts ``sentence_of`` keeps: for whoever sets a Doc's sentence boundaries anew."""
    doc.user_data.pop(_SENTENCE_STARTS_KEY, None)


def whole_words(text: str, phrase: str) -> Iterator[tuple[int, int]]:
    r"""Character bounds of each occurrence of ``phrase`` in ``text`` as whole words, case-insensitively (no letter,
    digit, underscore or hyphen on either side): what ``re.finditer(r"(?<![\w-])PHRASE(?![\w-])", text, re.I)``
    finds, without compiling a regex per name. Names differ from article to article, so such regexes missed the
    ``re`` cache, and compiling them cost more than the search."""
    lower, needle = text.lower(), phrase.lower()
    if not needle or len(lower) != len(text) or len(needle) != len(phrase):  # lower-casing moved the offsets
        for m in re.finditer(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", text, re.IGNORECASE):
            yield m.span()
        return
    start = lower.find(needle)
    while start >= 0:
        end = start + len(needle)
        if _word_char(text, start - 1) or _word_char(text, end):
            start = lower.find(needle, start + 1)
        else:
            yield start, end
            start = lower.find(needle, end)


def _word_char(text: str, i: int) -> bool:
    r"""Whether ``text[i]`` is in the regex class ``[\w-]`` (``str.isalnum`` is what ``re`` takes for ``\w``)."""
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] in "_-")


def gap(a: Span, b: Span) -> int:
    """Tokens between two spans (0 when adjacent or overlapping)."""
    return max(0, b.start - a.end, a.start - b.end)
