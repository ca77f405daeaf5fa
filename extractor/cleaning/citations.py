"""Citation markers: "[86]", digits glued to a word ("doses31"), after a sentence end ("opioids.18 In") or spelled
out by a spinner ("depression.one hundred and one", "route,fifty two Cholesterol"). They leave the text and become
``Citation`` entries.

Real numbers stay: a marker is only a marker in one of these shapes, so "Level 3", "500 mg", "0.5 mg/kg", "2019",
"COVID-19", "IL6", "CD4", "H2O", "BNT162b2" and "5-HT2A" never match: glued digits must follow a lower-case word of at
least three letters (with a vowel, starting a word, not a name stem like "covid" or "table") and be at most three.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extractor.cleaning.offsets import Edit
from extractor.lexicons import read_tsv
from extractor.numbers import parse_int, spelled_number_re

_BRACKET = re.compile(
    r" ?\[(\d{1,3}(?:\s*[,;–-]\s*\d{1,3})*)\](?:\[\d{1,3}(?:\s*[,;–-]\s*\d{1,3})*\])*"
)  # "[3][4]" is one
# a marker glued to a word, also to the last part of a hyphenated one ("placebo-controlled31.")
_GLUED = re.compile(r"(?:(?<![\w\-/.])|(?<=[a-z]-))([a-z]{3,}+)(\d{1,3})(?=[\s,;:!?)\]]|\.(?!\d)|$)")
# after a sentence end: a word (an acronym of three letters or more: "COPD.18 The"), or a closing parenthesis/bracket
# after anything ("(p = 0.01).18 The"), never a digit ("12.18 The" is a decimal)
_STOP = r"(?:(?<=[a-z][a-z)][.!?])|(?<=[)\]][.!?])|(?<=[A-Z]{3}[.!?]))"
_AFTER_STOP = re.compile(rf"{_STOP}(\d{{1,3}})(?=[ \t]+[A-Z]|[ \t]*$)", re.MULTILINE)
_VOWEL = re.compile(r"[aeiouy]")
# cheap pre-checks, so that most texts skip the scans above
_LETTER_DIGIT = re.compile(r"[a-z]\d")
_STOP_THEN_WORD = re.compile(r"[a-zA-Z)\]][.!?][\da-z]")
_COMMA_THEN_WORD = re.compile(r"[a-z],[a-z]")
_NUMBER_BEFORE = re.compile(r"(\d[^\s\d]*|\d)(\s+\S+)?\s*$")  # a number among the two words before


@lru_cache(maxsize=1)
def _name_stems() -> frozenset[str]:
    return frozenset(row[0].lower() for row in read_tsv("cleaning/citation_stems.tsv"))


# a spelled-out marker may also follow a comma, as a superscript after a clause does ("by swallowing route,fifty two
# Cholesterol decreased"): glued to a word of three letters or more, the next word capitalised. Digits after a comma
# stay: "fraction,8 Gy" is a dose and "Wang,2 Linda" an affiliation
_COMMA = r"(?<=[a-z]{3},)"


@lru_cache(maxsize=1)
def _spelled_marker() -> re.Pattern[str]:
    return re.compile(rf"(?:{_STOP}|{_COMMA})({spelled_number_re().pattern})(?=[ \t]+[A-Z]|[ \t]*$)", re.MULTILINE)


@dataclass(frozen=True)
class Marker:
    start: int  # span removed from the text
    end: int
    marker: str
    number: int | None
    spelled: bool


def find_markers(text: str) -> list[Marker]:
    markers: list[Marker] = []
    for m in _BRACKET.finditer(text) if "[" in text else ():
        if _NUMBER_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue  # "6 days [1–5]", "104 [51, 123]": a range or interval, not a reference
        first = re.match(r"\d+", m.group(1))
        markers.append(Marker(m.start(), m.end(), m.group().strip(), int(first.group()) if first else None, False))
    stems = _name_stems()
    for m in _GLUED.finditer(text) if _LETTER_DIGIT.search(text) else ():
        stem = m.group(1)
        if stem in stems or not _VOWEL.search(stem):
            continue
        markers.append(Marker(m.start(2), m.end(2), m.group(2), int(m.group(2)), False))
    stop_then_word = _STOP_THEN_WORD.search(text)
    for m in _AFTER_STOP.finditer(text) if stop_then_word else ():
        markers.append(Marker(m.start(1), m.end(1), m.group(1), int(m.group(1)), False))
    for m in _spelled_marker().finditer(text) if stop_then_word or _COMMA_THEN_WORD.search(text) else ():
        value = parse_int(m.group(1))
        if value is not None:
            markers.append(Marker(m.start(1), m.end(1), m.group(1), value, True))
    markers.sort(key=lambda mk: mk.start)
    kept: list[Marker] = []
    for mk in markers:
        if not kept or mk.start >= kept[-1].end:
            kept.append(mk)
    return kept


def marker_edits(markers: list[Marker]) -> list[Edit]:
    return [Edit(m.start, m.end, "") for m in markers]
