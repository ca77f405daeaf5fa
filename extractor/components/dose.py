"""Doses, durations and frequencies (the regex rules of ``data/dose.jsonl``, their unit alternations filled in from
``data/dose_units.tsv``, ``dose_denominators.tsv`` and ``time_units.tsv``): parsing a match into the SPEC's dose dict
(``{"value", "unit", "max", "text"}``) and normalising amounts ("three courses of" → "3 courses")."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from extractor.lexicons import read_tsv
from extractor.numbers import number_words, parse_number

# "µg·kg-1·min-1", "mg kg−1 h−1": a denominator written as a negative exponent is read as "/kg/min", "/kg/h"
NEGATIVE_EXPONENT = re.compile(r"[\s·⋅.]*([a-z0-9]+)\s*[-−–]1")


@lru_cache(maxsize=1)
def units() -> dict[str, str]:
    return {row[0].lower(): row[1] for row in read_tsv("dose_units.tsv")}


@lru_cache(maxsize=1)
def concentration_units() -> frozenset[str]:
    """Normalised units flagged ``adjacent`` (a strength such as "%"): a dose only right beside a drug's name."""
    return frozenset(row[1] for row in read_tsv("dose_units.tsv") if "adjacent" in row[2:])


@lru_cache(maxsize=1)
def denominators() -> dict[str, str]:
    return {row[0].lower(): (row[1] if len(row) > 1 else "") for row in read_tsv("dose_denominators.tsv")}


@lru_cache(maxsize=1)
def time_units() -> dict[str, str]:
    return {row[0].lower(): row[1] for row in read_tsv("time_units.tsv")}


def parse_dose(groups: dict[str, str | None], text: str) -> dict[str, Any] | None:
    """``{"value", "unit", "max", "text"}`` from a dose rule's named groups (low, high, unit, per)."""
    low = parse_number(groups.get("low") or "")
    unit = units().get((groups.get("unit") or "").lower())
    if low is None or unit is None:
        return None
    per = groups.get("per")
    if per:
        per = NEGATIVE_EXPONENT.sub(r"/\1", per.lower())
        unit += denominators().get(re.sub(r"\s+", " ", per.strip()), "")
    high = parse_number(groups.get("high") or "") if groups.get("high") else None
    if high is not None and high <= low:
        return None
    return {"value": low, "unit": unit, "max": high, "text": text}


def normalise_amount(text: str) -> str:
    """Whitespace collapsed and a spelled-out leading number in digits: "three  courses of" → "3 courses"."""
    words = re.sub(r"\s+", " ", text.strip()).split(" ")
    if words and words[-1].lower() == "of":
        words = words[:-1]
    table = number_words()
    if words and table.get(words[0].lower(), (0, "unit"))[1] not in ("unit", "scale"):
        return " ".join(words)  # "twice daily", "a single dose" stay as written
    for n in range(len(words), 0, -1):
        value = parse_number(" ".join(words[:n]))
        if value is not None and n < len(words):
            number = str(int(value)) if value == int(value) else str(value)
            return " ".join([number, *words[n:]])
    return " ".join(words)
