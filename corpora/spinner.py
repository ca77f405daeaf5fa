"""A deterministic article spinner, for the spun variants of the gold set.

It imitates what web "article spinners" do to scientific text, from a table written for this project
(``corpora/spin_table.tsv``) and independent of the extractor's de-spinning lexicons:

* synonym substitution of common and of academic/biomedical words and phrases, longest phrase first,
  case kept ("randomized controlled trial" -> "randomized managed trial", "patients" -> "sufferers",
  "follow-up" -> "comply with-up", "orally" -> "verbally"); alternatives marked ``=`` in the table are
  legitimate synonyms, applied but not expected to be repaired;
* the decimals of numbers spelled out ("0.5" -> "0.five", "95.5" -> "95.five");
* citation markers glued to sentence ends, as digits or as words ("doses31.", "opioids.18 ", "depression.sixty six ").

``spin(text, seed)`` is a pure function of its arguments: the same text and seed give the same spun text, and
``Spun.repairs`` lists the original phrases that a de-spinner should restore (tortured substitutions and spelled
decimals), in order of first appearance, without repeats.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

TABLE = Path(__file__).with_name("spin_table.tsv")

_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
]
_ONES += ["seventeen", "eighteen", "nineteen"]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


@dataclass(frozen=True)
class Alternative:
    text: str
    repair: bool  # a tortured phrase: a de-spinner should restore the original


@dataclass(frozen=True)
class Spun:
    text: str
    repairs: list[str]


def number_words(n: int) -> str:
    """0..999 in words, the way spinners write them ("sixty six", "one hundred and one")."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (f" {_ONES[ones]}" if ones else "")
    hundreds, rest = divmod(n, 100)
    return f"{_ONES[hundreds]} hundred" + (f" and {number_words(rest)}" if rest else "")


@lru_cache
def load_table(path: Path = TABLE) -> dict[str, list[Alternative]]:
    """phrase (lower case) -> its alternatives, from the TSV table."""
    table: dict[str, list[Alternative]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        phrase, alternatives = line.split("\t")
        table[phrase.lower()] = [
            Alternative(a[1:], False) if a.startswith("=") else Alternative(a, True) for a in alternatives.split("|")
        ]
    return table


@lru_cache
def _pattern(path: Path = TABLE) -> re.Pattern[str]:
    phrases = sorted(load_table(path), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(p) for p in phrases) + r")(?![\w-])", re.IGNORECASE)


def _keep_case(original: str, replacement: str) -> str:
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


_DECIMAL = re.compile(r"(?<![\d.])(\d+)\.([1-9]\d?)(?![\d.])")
_SENTENCE_END = re.compile(r"(?<=[a-z]{3})([.,])(\s+)(?=[A-Z])")


def spin(text: str, seed: int, *, rate: float = 0.85, table: Path = TABLE) -> Spun:
    """Spin ``text`` deterministically for ``seed``; see the module docstring."""
    rng = random.Random(seed)
    alternatives = load_table(table)
    repairs: list[str] = []

    def note(phrase: str) -> None:
        if phrase not in repairs:
            repairs.append(phrase)

    def substitute(m: re.Match[str]) -> str:
        original = m.group(1)
        if rng.random() >= rate:
            return original
        choice = rng.choice(alternatives[original.lower()])
        if choice.repair:
            note(original.lower())
        return _keep_case(original, choice.text)

    def decimal(m: re.Match[str]) -> str:
        if rng.random() >= 0.5:
            return m.group(0)
        note(m.group(0))
        return f"{m.group(1)}.{number_words(int(m.group(2)))}"

    def marker(m: re.Match[str]) -> str:
        if rng.random() >= 0.12:
            return m.group(0)
        n = rng.randint(1, 120)
        style = rng.randrange(3)
        if style == 0:
            return f"{n}{m.group(1)}{m.group(2)}"
        if style == 1:
            return f"{m.group(1)}{n}{m.group(2)}"
        return f"{m.group(1)}{number_words(n)}{m.group(2)}"

    text = _pattern(table).sub(substitute, text)
    text = _DECIMAL.sub(decimal, text)
    text = _SENTENCE_END.sub(marker, text)
    return Spun(text, repairs)
