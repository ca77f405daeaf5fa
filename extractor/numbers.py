"""Numbers as articles write them: digits ("1,000", "0.5", "2.5e3", "½"), spelled out ("twenty-one",
"one hundred and one", "a dozen") and multiplicative adverbs ("twice"), plus ranges ("0.5–1", "10 to 20").

The one number parser of the project: dose parsing and sample sizes both use it.

>>> parse_number("one hundred and one")
101.0
>>> parse_range("0.5-1")
(0.5, 1.0)
"""

from __future__ import annotations

import re
from functools import lru_cache

from extractor.lexicons import read_tsv

_DIGITS = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?")
_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}
_RANGE = re.compile(r"^\s*(?P<low>.+?)\s*(?:-|–|—|−|\bto\b|\band\b)\s*(?P<high>.+?)\s*$")
# The hyphen and its typographic forms (U+2010 hyphen, U+2011 non-breaking hyphen, U+2012 figure dash, U+2013 en
# dash), which cleaning keeps as written: what joins the words of a spelled number ("Fifty-three") or of a compound
# ("double-blind"). The one home of the set: HYPHENS is it as a regex character-class fragment.
HYPHEN_CHARS = "-\u2010\u2011\u2012\u2013"
HYPHENS = re.escape(HYPHEN_CHARS)
WORD_GAP = rf"[\s{HYPHENS}]+"
# A number in digits as a regex fragment, for patterns built elsewhere (doses, sample sizes).
NUMBER_RE = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+|[½¼¾⅓⅔]"


@lru_cache(maxsize=1)
def number_words() -> dict[str, tuple[float, str]]:
    """Word → (value, kind) from ``data/number_words.tsv``; kind is unit, scale, article or times."""
    return {row[0]: (float(row[1]), row[2]) for row in read_tsv("number_words.tsv")}


def _parse_digits(text: str) -> float | None:
    text = text.strip()
    if text in _FRACTIONS:
        return _FRACTIONS[text]
    if not text or not any(c.isdigit() for c in text):
        return None
    match = _DIGITS.fullmatch(text)
    if match is None:
        return None
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def _fits(current: float, value: float) -> bool:
    """Whether a unit word can follow what is spelled so far: tens and teens after a round hundred (or nothing),
    ones after a round ten that is not a teen ("sixty six", "one hundred and one"; not "one twenty")."""
    below_hundred = current % 100
    if value >= 10:
        return below_hundred == 0
    return below_hundred % 10 == 0 and not 10 <= below_hundred < 20


def _parse_words(text: str) -> float | None:
    words = [w for w in re.split(WORD_GAP, text.lower().strip()) if w and w != "and"]
    if not words:
        return None
    table = number_words()
    total = 0.0
    current = 0.0
    seen_value = False
    for i, word in enumerate(words):
        entry = table.get(word)
        if entry is None:
            return None
        value, kind = entry
        if kind == "article":
            if i != 0 or len(words) == 1:  # "a" / "an" only as "a hundred", "a dozen"
                return None
            current = 1.0
        elif kind == "times":
            if len(words) != 1:
                return None
            return value
        elif kind == "unit":
            if not _fits(current, value):
                return None  # "one hundred and one twenty five" is two numbers, not 126
            current += value
            seen_value = True
        else:  # scale
            current = (current or 1.0) * value
            seen_value = True
            if value >= 1000:
                total += current
                current = 0.0
    return total + current if seen_value else None


def parse_number(text: str) -> float | None:
    """A single number written in digits or words; ``None`` when ``text`` is not one."""
    value = _parse_digits(text)
    return value if value is not None else _parse_words(text)


def parse_int(text: str) -> int | None:
    """A whole number (a count), or ``None``."""
    value = parse_number(text)
    return int(value) if value is not None and value == int(value) and value >= 0 else None


def parse_range(text: str) -> tuple[float, float | None] | None:
    """``(value, None)`` for one number, ``(low, high)`` for a range such as "0.5–1" or "10 to 20"."""
    single = parse_number(text)
    if single is not None:
        return single, None
    match = _RANGE.match(text)
    if match is None:
        return None
    low, high = parse_number(match["low"]), parse_number(match["high"])
    if low is None or high is None:
        return None
    return low, high


@lru_cache(maxsize=1)
def spelled_number_re() -> re.Pattern[str]:
    """One spelled-out number as a regex ("one hundred and one", "sixty six", "twenty-five"): unit and scale
    words only, so "a", "once" or "twice" alone never match."""
    words = sorted((w for w, (_, kind) in number_words().items() if kind in ("unit", "scale")), key=len, reverse=True)
    alternation = "|".join(words)
    gap = f"[ {HYPHENS}]"
    return re.compile(rf"\b(?:{alternation})(?:{gap}(?:and{gap})?(?:{alternation}))*\b")


def is_number_word(word: str) -> bool:
    """Whether ``word`` is one of the words that spell numbers ("three", "hundred", "twice")."""
    return word.lower() in number_words()
