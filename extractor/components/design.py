"""Design, randomization, blinding, allocation, species, evidence level and follow-up: the trial-level facts.

Rules in ``data/design.jsonl`` (each with the span ``group`` it feeds and a ``label``); species words in
``data/species.tsv``. Every mention is kept: record assembly decides which ones describe which study.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from extractor import spans
from extractor.components.base import RuleComponent, lexicon
from extractor.components.rules import Match, grouped, phrase_rules
from extractor.lexicons import read_jsonl
from extractor.numbers import parse_number

KEYS = (
    spans.DESIGN,
    spans.RANDOMIZED,
    spans.BLINDING,
    spans.ALLOCATION,
    spans.SPECIES,
    spans.EVIDENCE_LEVEL,
    spans.FOLLOW_UP,
)
SPECIES_CONFIDENCE = 0.8
_ROMAN = {"i": "I", "ii": "II", "iii": "III", "iv": "IV", "v": "V"}
_SINGULAR = {"months": "month", "weeks": "week", "years": "year", "days": "days", "hours": "hour"}
_PLURAL = {singular: plural for plural, singular in _SINGULAR.items()} | {"day": "days"}  # "1 day", "1 month"
_DAYS = {
    "s": 1 / 86400,
    "min": 1 / 1440,
    "h": 1 / 24,
    "hours": 1 / 24,
    "days": 1,
    "weeks": 7,
    "months": 30.4,
    "years": 365.25,
}


@Language.factory("studysift_design", assigns=["doc.spans"], default_config={})
def make_design(nlp: Language, name: str) -> DesignComponent:
    return DesignComponent(nlp, name)


@lru_cache(maxsize=1)
def time_unit_of() -> dict[str, str]:
    return {row[0].lower(): row[1] for row in lexicon("time_units")}


def normalise_duration(number: str, unit: str) -> str | None:
    """ "three", "months" → "3 months"; "1", "years" → "1 year"; "48", "h" → "48 h"."""
    value = parse_number(number)
    norm = time_unit_of().get(unit.lower())
    if value is None or norm is None:
        return None
    if value == 1:
        norm = _SINGULAR.get(norm, norm).replace("days", "day")
    return f"{value:g} {norm}"


def duration_days(value: str) -> float:
    """A duration as ``normalise_duration`` writes it ("6 months", "1 year", "48 h") in days; 0 for a unit it does
    not know."""
    number, _, unit = value.partition(" ")
    return float(number) * _DAYS.get(_PLURAL.get(unit, unit), 0.0)


def evidence_level(match: Match) -> str:
    v = str(match.rule["groups"]["v"])
    if match.label == "grade":
        return f"Grade {v.upper()}"
    return f"Level {_ROMAN.get(v.lower(), v.upper() if v.isalpha() else v)}"


def default_rules() -> list[dict[str, Any]]:
    """``data/design.jsonl`` and the species words of ``data/species.tsv`` (phrases, label: the species)."""
    return read_jsonl("design.jsonl") + grouped(spans.SPECIES, phrase_rules("species.tsv", flags_column=2))


class DesignComponent(RuleComponent):
    data_file = "design.jsonl"
    keys = KEYS

    def __init__(self, nlp: Language, name: str, rules: list[dict[str, Any]] | None = None) -> None:
        super().__init__(nlp, name, default_rules() if rules is None else rules)

    def annotate(self, doc: Doc) -> None:
        for group in (spans.DESIGN, spans.BLINDING, spans.ALLOCATION, spans.RANDOMIZED):
            for m in self.matches(doc, group):
                value = m.rule.get("value", m.label)
                self.emit(doc, group, m.span, m.label, value, m.rule["confidence"])
        for m in self.best(doc, spans.SPECIES):
            self.emit(doc, spans.SPECIES, m.span, m.label, m.label, SPECIES_CONFIDENCE)
        for m in self.best(doc, spans.EVIDENCE_LEVEL):
            self.emit(doc, spans.EVIDENCE_LEVEL, m.span, "evidence_level", evidence_level(m), m.rule["confidence"])
        for m in self.best(doc, spans.FOLLOW_UP):
            groups = m.rule["groups"]
            value = normalise_duration(groups["n"], groups.get("u") or m.rule["unit"])
            if value is not None:  # "follow_up" states the follow-up; "timepoint" an assessment time ("at 6 months")
                self.emit(doc, spans.FOLLOW_UP, m.span, m.label, value, m.rule["confidence"])
