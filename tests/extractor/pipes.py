"""Shared helpers of the extractor tests: a small pipeline on ``spacy.blank("en")``, and Docs with hand-made span
groups for record assembly."""

from __future__ import annotations

from functools import cache
from typing import Any

import spacy
from scispacy.abbreviation import AbbreviationDetector  # noqa: F401  (registers "abbreviation_detector")
from spacy.language import Language
from spacy.tokens import Doc, Span

import extractor.components  # noqa: F401  (registers the factories)
from extractor import spans


def blank_with(name: str, config: dict[str, Any] | None = None) -> Language:
    """``spacy.blank("en")`` with spaCy's sentencizer and one studysift component."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe(name, config=config or {})
    return nlp


@cache
def _pipe_with(name: str, config: tuple[tuple[str, Any], ...] = ()) -> Language:
    return blank_with(name, dict(config))  # built once per session: compiling a component's matchers is the slow part


def condition_values(text: str) -> list[str]:
    """The conditions the conditions component alone finds in ``text``."""
    return span_values(_pipe_with("studysift_conditions"), text, spans.CONDITION)


@cache
def _conditions_with_abbreviations() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("abbreviation_detector")  # scispaCy's: a defined short form names its long form's condition
    nlp.add_pipe("studysift_conditions")
    return nlp


def condition_spans(text: str) -> list[tuple[str, str]]:
    """(text, value) of each condition the conditions component finds in ``text``, abbreviations detected first."""
    doc = _conditions_with_abbreviations()(text)
    return [(s.text, str(s._.value)) for s in doc.spans[spans.CONDITION]]


def outcome_directions(text: str) -> dict[str, str]:
    """Each outcome the outcomes component's rules alone (no ranker) find in ``text``, lower-cased, to its direction."""
    doc = _pipe_with("studysift_outcomes", (("ranker", ""),))(text)
    return {str(s._.value).lower(): s.label_ for s in doc.spans[spans.OUTCOME]}


def span_values(nlp: Language, text: str, group: str) -> list[str]:
    """The values of the spans ``nlp`` puts in ``doc.spans[group]`` for ``text``."""
    doc = nlp(text)  # held: a span group needs its Doc alive
    return [str(s._.value) for s in doc.spans[group]]


def span_labels(nlp: Language, text: str, group: str) -> list[tuple[str, str]]:
    """(value, label) of the spans ``nlp`` puts in ``doc.spans[group]`` for ``text``."""
    doc = nlp(text)
    return [(str(s._.value), s.label_) for s in doc.spans[group]]


_SENTENCES = spacy.blank("en")
_SENTENCES.add_pipe("sentencizer")


def make(text: str) -> Doc:
    """A Doc with sentences and every studysift span group, empty."""
    doc = _SENTENCES(text)
    for key in spans.ALL_GROUPS:
        doc.spans[key] = []
    return doc


def mark(doc: Doc, group: str, text: str, label: str, value: object = None, nth: int = 0, **attrs: object) -> Span:
    """Add the ``nth`` occurrence of ``text`` to ``doc.spans[group]`` with its label, value and attrs."""
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(text, start + 1)
    found = doc.char_span(start, start + len(text))
    assert found is not None, text
    return spans.add_span(doc.spans[group], Span(doc, found.start, found.end, label), value, 0.8, **attrs)
