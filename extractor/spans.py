"""The span groups that studysift's components write and record assembly reads: one home for their names.

Each component writes labelled spans to ``doc.spans[KEY]``; ``span._.value`` holds the normalised value
(design vocabulary, an int sample size, a dose dict, a route, a normalised name ...) and ``span._.confidence``
a score in [0, 1]. Extra per-span facts go in ``span._.attrs`` (a dict), e.g. ``{"kind": "enrolled"}``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Span

STUDY = "study"  # study mentions: "Zhang and colleagues", "a third larger trial", "a case report of ..."
DESIGN = "design"  # label: the SPEC design vocabulary
RANDOMIZED = "randomized"  # value: True / False
BLINDING = "blinding"  # label: the SPEC blinding vocabulary
ALLOCATION = "allocation"  # label: parallel / crossover / factorial / cluster
SPECIES = "species"  # label: human, mouse, rat, ...
SAMPLE_SIZE = "sample_size"  # label: unit; value: int; attrs["kind"]: planned / enrolled / analysed
INTERVENTION = "intervention"  # value: normalised name
COMPARATOR = "comparator"  # value: normalised name
DOSE = "dose"  # value: {"value", "unit", "max", "text"}
ROUTE = "route"  # label: the SPEC route vocabulary
DURATION = "duration"  # value: normalised text, e.g. "40 min"
FREQUENCY = "frequency"  # value: normalised text, e.g. "every 12 hours", "3 courses"
CONDITION = "condition"  # value: normalised name, abbreviations expanded
OUTCOME = "outcome"  # label: the SPEC direction vocabulary; value: name; attrs["timepoint"]
ADVERSE_EVENT = "adverse_event"  # value: name
FOLLOW_UP = "follow_up"  # value: e.g. "6 months"
EVIDENCE_LEVEL = "evidence_level"  # value: e.g. "Level 3"
COI = "coi"  # label: declared / none_declared; value: list of names

ALL_GROUPS = (
    STUDY, DESIGN, RANDOMIZED, BLINDING, ALLOCATION, SPECIES, SAMPLE_SIZE, INTERVENTION, COMPARATOR, DOSE, ROUTE,
    DURATION, FREQUENCY, CONDITION, OUTCOME, ADVERSE_EVENT, FOLLOW_UP, EVIDENCE_LEVEL, COI,
)  # fmt: skip


def _extension(name: str) -> tuple[Callable[[Span], Any], Callable[[Span, Any], None]]:
    """Getter and setter keyed by the span's offsets, label *and id*: spaCy keys default span extensions by offsets
    alone, so two groups' spans over the same text (a design "cross-over" and an allocation "cross-over") would
    overwrite each other's values; two spans of one group and label on one token ("budesonide/formoterol" names two
    drugs) tell their values apart by their ``span_id``."""

    def key(span: Span) -> Any:
        return ("studysift._.", name, span.start_char, span.end_char, span.label, span.id)

    def get(span: Span) -> Any:
        return span.doc.user_data.get(key(span))

    def set_(span: Span, value: Any) -> None:
        span.doc.user_data[key(span)] = value

    return get, set_


for _attr in ("value", "confidence", "attrs"):
    if not Span.has_extension(_attr):
        _get, _set = _extension(_attr)
        Span.set_extension(_attr, getter=_get, setter=_set)


def add_span(doc_spans: list[Span], span: Span, value: object = None, confidence: float = 1.0, **attrs: object) -> Span:
    """Annotate ``span`` and append it to a span group (a list or ``doc.spans[key]``)."""
    span._.value = value
    span._.confidence = confidence
    span._.attrs = attrs or None
    doc_spans.append(span)
    return span
