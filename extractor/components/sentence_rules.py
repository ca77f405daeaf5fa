"""pySBD's English segmenter (``Segmenter(language="en", clean=False, char_span=True)``), same rules, made fast.

pySBD spends most of its time outside its rules:

* ``Segmenter.sentences_with_char_spans`` finds each sentence back with a new regex (``re.escape(sentence)``)
  searched from the start of the text: quadratic, and every one of those patterns is compiled once and evicts
  pySBD's own patterns from ``re``'s 512-entry cache, so they are compiled again and again;
* ``AbbreviationReplacer.search_for_abbreviations_in_string`` runs one ``re.sub`` over the whole line for every
  occurrence of every abbreviation that occurs in it ("p", "is", "no", "man"... occur in nearly every word).

Here the classes are subclassed (pySBD itself is left alone) and only those parts replaced, by code that gives
the same result: sentences are found back in one forward pass (pySBD's regex search is kept for the rare
sentence where the shortcut would not be provably the same), each abbreviation substitution runs once per line
instead of once per occurrence (a second run of the same substitution cannot change anything: it only turns
``.`` into ``∯``, and its lookarounds never need a ``∯``), is skipped when ``abbreviation + "."`` is not in the
line, and every pattern is compiled once and kept here. The rules (patterns, lists, order) are read from pySBD.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import pysbd
from pysbd.lang.english import English
from pysbd.processor import Processor
from pysbd.utils import TextSpan

_SPACE = re.compile(r"\s")
_SPACES = re.compile(r"\s*")


@lru_cache(maxsize=4096)
def _compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern, flags)


_META = frozenset(".^$*+?{}[]\\|()")


class _Rule:
    """One ``pysbd.utils.Rule``, compiled; a literal pattern (and replacement) becomes ``str.replace``."""

    __slots__ = ("literal", "pattern", "replacement")

    def __init__(self, rule: Any) -> None:
        self.pattern = re.compile(rule.pattern)
        self.replacement: str = rule.replacement
        plain = not _META.intersection(rule.pattern) and "\\" not in rule.replacement
        self.literal: str | None = rule.pattern if plain and rule.pattern else None


def _rules(*rules: Any, needs: str = "") -> tuple[str, tuple[_Rule, ...]]:
    """Compiled rules; ``needs``: a character that every one of their patterns must match (to skip them)."""
    return needs, tuple(_Rule(rule) for rule in rules)


def _apply(text: str, rules: tuple[str, tuple[_Rule, ...]]) -> str:
    """``pysbd.utils.Text(text).apply(*rules)``."""
    needs, compiled = rules
    if needs and needs not in text:
        return text
    for rule in compiled:
        if rule.literal is not None:
            if rule.literal in text:
                text = text.replace(rule.literal, rule.replacement)
        else:
            text = rule.pattern.sub(rule.replacement, text)
    return text


def _has_border(sentence: str) -> bool:
    """Whether a proper prefix of ``sentence`` is also its suffix (so that two occurrences may overlap)."""
    size = len(sentence)
    first, last = sentence[0], sentence[-1]
    i = sentence.find(first, 1)
    while i != -1:
        if sentence[size - i - 1] == last and sentence.startswith(sentence[i:]):
            return True
        i = sentence.find(first, i + 1)
    return False


def _locate(text: str, sentence: str, prior_end: int) -> tuple[int, int] | None:
    """The span pySBD's ``sentences_with_char_spans`` gives ``sentence``: the first match of
    ``re.escape(sentence) + r"\\s*"`` in ``re.finditer`` order that ends after ``prior_end``.

    ``prior_end`` is 0 or the end of such a match, so ``text[prior_end]`` is not a space (the ``\\s*`` is greedy)
    and a match ends after ``prior_end`` exactly when it starts after ``prior_end - len(sentence)``. When
    ``sentence`` starts with a non-space and no proper prefix of it is also a suffix, its occurrences can neither
    overlap each other nor the spaces after the one before, so ``finditer`` yields every occurrence, in order:
    the answer is the first occurrence from ``prior_end - len(sentence) + 1`` on. Otherwise pySBD's search runs.
    """
    if sentence and _SPACE.match(sentence) is None and not _has_border(sentence):
        start = text.find(sentence, max(0, prior_end - len(sentence) + 1))
        if start < 0:
            return None
        end = _SPACES.match(text, start + len(sentence))
        assert end is not None
        return start, end.end()
    for match in re.finditer(f"{re.escape(sentence)}\\s*", text):
        if match.end() > prior_end:
            return match.span()
    return None


_LANG = English
_ABBR = _LANG.Abbreviation
_PREPOSITIVE = frozenset(_ABBR.PREPOSITIVE_ABBREVIATIONS)
_NUMBER_ABBREVIATIONS = frozenset(_ABBR.NUMBER_ABBREVIATIONS)
# per abbreviation: the text to look for, pySBD's two patterns of search_for_abbreviations_in_string, and the
# literal text the second one needs (its "{abbr} " lookbehind is literal: "{" does not open a repeat there)
_ABBREVIATIONS = tuple(
    (
        stripped,
        re.compile(r"(?:^|\s|\r|\n){}".format(stripped), flags=re.IGNORECASE),
        "{" + stripped + "} ",
        re.compile(r"(?<={" + str(re.escape(stripped)) + "} ).{1}"),
    )
    for stripped in (abbr.strip() for abbr in _ABBR.ABBREVIATIONS)
)
_ABBREVIATION_RULES = _rules(
    _LANG.PossessiveAbbreviationRule, _LANG.KommanditgesellschaftRule, *_LANG.SingleLetterAbbreviationRules.All
)
_AM_PM_RULES = _rules(*_LANG.AmPmRules.All)
_MULTI_PERIOD_ABBREVIATION = re.compile(_LANG.MULTI_PERIOD_ABBREVIATION_REGEX, flags=re.IGNORECASE)
_SENTENCE_STARTERS = "|".join(r"(?=\s{}\s)".format(word) for word in _LANG.AbbreviationReplacer.SENTENCE_STARTERS)
_ABBREVIATION_AS_SENTENCE_BOUNDARY = re.compile(
    r"(U∯S|U\.S|U∯K|E∯U|E\.U|U∯S∯A|U\.S\.A|I|i.v|I.V)∯({})".format(_SENTENCE_STARTERS)
)


def _multi_period_replace(match: re.Match[str]) -> str:
    return match.group().replace(".", "∯")


class AbbreviationReplacer(_LANG.AbbreviationReplacer):  # type: ignore[misc]
    """pySBD's ``AbbreviationReplacer`` for English, each substitution once per line and compiled once."""

    def replace(self) -> str:
        text = _apply(self.text, _ABBREVIATION_RULES)
        text = "".join(self.search_for_abbreviations_in_string(line) for line in text.splitlines(True))
        text = _MULTI_PERIOD_ABBREVIATION.sub(_multi_period_replace, text)
        text = _apply(text, _AM_PM_RULES)
        self.text = _ABBREVIATION_AS_SENTENCE_BOUNDARY.sub("\\1.", text)
        return self.text

    def search_for_abbreviations_in_string(self, text: str) -> str:
        lowered = text.lower()
        done: set[str] = set()
        for stripped, abbreviation, next_word_text, next_word_start in _ABBREVIATIONS:
            if stripped not in lowered:
                continue
            abbrev_match = abbreviation.findall(text)
            if not abbrev_match:
                continue
            char_array = next_word_start.findall(text) if next_word_text in text else []
            for ind, match in enumerate(abbrev_match):
                char = char_array[ind] if ind < len(char_array) else ""
                abbr = match.strip()
                lowered_abbr = abbr.lower()
                if str(char).isupper() and lowered_abbr not in _PREPOSITIVE:
                    continue
                # pySBD's replace_prepositive_abbr, replace_pre_number_abbr and replace_period_of_abbr
                if lowered_abbr in _PREPOSITIVE:
                    pattern = r"(?<=\s{abbr})\.(?=(\s|:\d+))".format(abbr=abbr)
                elif lowered_abbr in _NUMBER_ABBREVIATIONS:
                    pattern = r"(?<=\s{abbr})\.(?=(\s\d|\s+\())".format(abbr=abbr)
                else:
                    pattern = r"(?<=\s{abbr})\.(?=((\.|\:|-|\?|,)|(\s([a-z]|I\s|I'm|I'll|\d|\())))".format(
                        abbr=re.escape(abbr)
                    )
                if pattern in done:
                    continue
                done.add(pattern)
                compiled = _compiled(pattern)
                # the lookbehind is literal (letters, or escaped), so no match without abbr + "."
                if abbr + "." in text:
                    text = compiled.sub("∯", " " + text)[1:]
        return text


class FastProcessor(Processor):  # type: ignore[misc]
    """pySBD's ``Processor`` with the abbreviation replacer above."""

    def abbreviations_replacer(self) -> AbbreviationReplacer:
        return AbbreviationReplacer(self.text, self.lang)


class FastSegmenter(pysbd.Segmenter):  # type: ignore[misc]
    """``pysbd.Segmenter(language="en", clean=False, char_span=True)``, same spans, fast."""

    def __init__(self) -> None:
        super().__init__(language="en", clean=False, char_span=True)

    def processor(self, text: str) -> FastProcessor:
        return FastProcessor(text, self.language_module, char_span=self.char_span)

    def sentences_with_char_spans(self, sentences: list[str]) -> list[TextSpan]:
        text = self.original_text
        spans = []
        prior_end = 0
        for sentence in sentences:
            found = _locate(text, sentence, prior_end)
            if found is not None:
                start, prior_end = found
                spans.append(TextSpan(text[start:prior_end], start, prior_end))
        return spans
