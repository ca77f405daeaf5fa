"""pySBD's English segmenter (``Segmenter(language="en", clean=False, char_span=True)``), same rules, made fast.

pySBD spends most of its time outside its rules:

* ``Segmenter.sentences_with_char_spans`` finds each sentence back with a new regex (``re.escape(sentence)``)
  searched from the start of the text: quadratic, and every one of those patterns is compiled once and evicts
  pySBD's own patterns from ``re``'s 512-entry cache, so they are compiled again and again;
* ``AbbreviationReplacer.search_for_abbreviations_in_string`` runs one ``re.sub`` over the whole line for every
  occurrence of every abbreviation that occurs in it ("p", "is", "no", "man"... occur in nearly every word);
* ``ListItemReplacer`` runs one ``re.sub`` over the whole text per numbered-list item, and scans with
  alternations of a dozen lookbehinds.

Here the classes are subclassed (pySBD itself is left alone, and its rules, lists and order are read from it)
and those parts replaced by code that gives the same result, each shortcut argued where it is: sentences are
found back in one forward pass; each abbreviation substitution runs once per line, only for words before a
period; list items are substituted in one pass; every pattern is compiled once, and a group of rules is skipped
when the text lacks a character all of them need. tests/extractor/test_sentences_boundaries.py compares the
spans with stock pySBD's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

import pysbd
from pysbd.between_punctuation import BetweenPunctuation
from pysbd.exclamation_words import ExclamationWords
from pysbd.lang.english import English
from pysbd.lists_item_replacer import ListItemReplacer
from pysbd.processor import Processor
from pysbd.punctuation_replacer import EscapeRegexReservedCharacters, SubEscapedRegexReservedCharacters
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


class _Abbreviation:
    """One of pySBD's abbreviations, with the two patterns of ``search_for_abbreviations_in_string``."""

    __slots__ = ("index", "next_word_start", "next_word_text", "plain", "search", "stripped")

    def __init__(self, index: int, abbr: str) -> None:
        self.index = index
        self.stripped = stripped = abbr.strip()
        # pySBD does not escape it: the "." of "e.g" matches any character
        self.search = re.compile(rf"(?:^|\s|\r|\n){stripped}", flags=re.IGNORECASE)
        # literal: "{" opens no repeat here, so this needs "{e.g} " in the text
        self.next_word_start = re.compile(r"(?<={" + str(re.escape(stripped)) + "} ).{1}")
        self.next_word_text = "{" + stripped + "} "
        self.plain = stripped.isascii() and stripped.isalpha()


_ABBREVIATIONS = tuple(_Abbreviation(index, abbr) for index, abbr in enumerate(_ABBR.ABBREVIATIONS))
_PLAIN_ABBREVIATIONS: dict[str, list[int]] = {}
for _abbreviation in _ABBREVIATIONS:
    if _abbreviation.plain:
        _PLAIN_ABBREVIATIONS.setdefault(_abbreviation.stripped, []).append(_abbreviation.index)
_DOTTED = frozenset(abbreviation.index for abbreviation in _ABBREVIATIONS if not abbreviation.plain)
# a word (after a space or at the start of the line) right before a period
_WORD_BEFORE_PERIOD = re.compile(r"(?<!\S)[^\s.]+(?=\.)")

_ABBREVIATION_RULES = _rules(
    _LANG.PossessiveAbbreviationRule,
    _LANG.KommanditgesellschaftRule,
    *_LANG.SingleLetterAbbreviationRules.All,
    needs=".",
)
_AM_PM_RULES = _rules(*_LANG.AmPmRules.All, needs="∯")
_MULTI_PERIOD_ABBREVIATION = re.compile(_LANG.MULTI_PERIOD_ABBREVIATION_REGEX, flags=re.IGNORECASE)
_SENTENCE_STARTERS = "|".join(rf"(?=\s{word}\s)" for word in _LANG.AbbreviationReplacer.SENTENCE_STARTERS)
_ABBREVIATION_AS_SENTENCE_BOUNDARY = re.compile(
    rf"(U∯S|U\.S|U∯K|E∯U|E\.U|U∯S∯A|U\.S\.A|I|i.v|I.V)∯({_SENTENCE_STARTERS})"
)


def _multi_period_replace(match: re.Match[str]) -> str:
    return match.group().replace(".", "∯")


def _abbreviation_pattern(abbr: str) -> str:
    """The substitution pySBD's ``scan_for_replacements`` runs for the abbreviation ``abbr`` (as matched)."""
    lowered = abbr.lower()
    if lowered in _PREPOSITIVE:  # replace_prepositive_abbr
        return rf"(?<=\s{abbr})\.(?=(\s|:\d+))"
    if lowered in _NUMBER_ABBREVIATIONS:  # replace_pre_number_abbr
        return rf"(?<=\s{abbr})\.(?=(\s\d|\s+\())"
    # replace_period_of_abbr
    return rf"(?<=\s{re.escape(abbr)})\.(?=((\.|\:|-|\?|,)|(\s([a-z]|I\s|I'm|I'll|\d|\())))"


class AbbreviationReplacer(English.AbbreviationReplacer):
    """pySBD's ``AbbreviationReplacer`` for English, each substitution once per line and compiled once.

    pySBD runs, for every abbreviation (in its list's order) that occurs in a line and for every occurrence
    ``abbr`` of it after a space (in order), a substitution of the ``.`` after `` abbr``. Those substitutions only
    turn ``.`` into ``∯`` and none of their lookarounds needs a ``∯``, so a substitution that already ran, or whose
    ``abbr + "."`` is not in the line, changes nothing. Here each runs once, and, for an abbreviation made of
    letters, only for the words right before a period: the others change nothing.
    """

    text: str

    def replace(self) -> str:
        text = _apply(self.text, _ABBREVIATION_RULES)
        text = "".join(self.search_for_abbreviations_in_string(line) for line in text.splitlines(True))
        text = _MULTI_PERIOD_ABBREVIATION.sub(_multi_period_replace, text)
        text = _apply(text, _AM_PM_RULES)
        self.text = _ABBREVIATION_AS_SENTENCE_BOUNDARY.sub("\\1.", text)
        return self.text

    def search_for_abbreviations_in_string(self, text: str) -> str:
        if "." not in text:
            return text  # every substitution replaces a "."
        lowered = text.lower()
        # the words before a period that are a plain abbreviation (ignoring case as pySBD's search does)
        candidates: dict[int, list[str]] = {}
        for word in dict.fromkeys(_WORD_BEFORE_PERIOD.findall(text)):  # in text order: runs alike
            if word.isascii():
                indices = _PLAIN_ABBREVIATIONS.get(word.lower(), ())
            else:
                indices = [a.index for a in _ABBREVIATIONS if a.plain and a.search.fullmatch(" " + word)]
            for index in indices:
                candidates.setdefault(index, []).append(word)
        done: set[str] = set()
        if "{" in text:
            abbreviations: Iterable[_Abbreviation] = _ABBREVIATIONS
        else:
            # without "{", a plain abbreviation with no word before a period is skipped below: leave it out
            abbreviations = [_ABBREVIATIONS[index] for index in sorted(_DOTTED.union(candidates))]
        for abbreviation in abbreviations:
            if abbreviation.stripped not in lowered:
                continue
            words = candidates.get(abbreviation.index)
            if abbreviation.plain and abbreviation.next_word_text not in text:
                # its occurrences before no period change nothing; one word: nothing to order
                if not words:
                    continue
                if len(words) == 1:
                    text = self._substitute(text, words[0], done)
                    continue
            text = self._search(text, abbreviation, done)
        return text

    def _search(self, text: str, abbreviation: _Abbreviation, done: set[str]) -> str:
        """pySBD's loop over the occurrences of one abbreviation."""
        abbrev_match = abbreviation.search.findall(text)
        if not abbrev_match:
            return text
        char_array = abbreviation.next_word_start.findall(text) if abbreviation.next_word_text in text else []
        for ind, match in enumerate(abbrev_match):
            char = char_array[ind] if ind < len(char_array) else ""
            abbr = match.strip()
            if not str(char).isupper() or abbr.lower() in _PREPOSITIVE:
                text = self._substitute(text, abbr, done)
        return text

    @staticmethod
    def _substitute(text: str, abbr: str, done: set[str]) -> str:
        pattern = _abbreviation_pattern(abbr)
        if pattern in done:
            return text
        done.add(pattern)
        compiled = _compiled(pattern)
        # the lookbehind is literal (letters, or escaped): no match without abbr + "."
        if abbr + "." not in text:
            return text
        return compiled.sub("∯", " " + text)[1:]


# ListItemReplacer's alternations of lookbehinds, each as one lookbehind: the same matches (every alternative
# has the same body; "^" is "\A" here, and (?<!\S) is "at the start or after a space")
_FAST_ALPHABETICAL = {
    ListItemReplacer.ALPHABETICAL_LIST_WITH_PERIODS: re.compile(r"(?<!\S)[a-z](?=\.)"),
    ListItemReplacer.ALPHABETICAL_LIST_WITH_PARENS: re.compile(r"(?<![^\s(])[a-z]+(?=\))"),
}
_DIGITS_BEFORE_PERIOD = re.compile(r"\d{1,2}(?=\.[\s)])")


def _numbered_list_items(text: str) -> list[int]:
    """``[int(item) for item in re.findall(NUMBERED_LIST_REGEX_1, text)]``.

    Each of its alternatives is one or two digits before ". " or ".)", preceded by: a space or the start (both),
    or "-"/"⁃" after a space or at the start (". "), or "s-", "-" at the start, "⁃" after a space or at the start
    (".)"). Candidates come from one scan for the digits (a rejected one only hides digits after a digit, which
    no alternative accepts); the preceding characters are checked here.
    """
    items = []
    for match in _DIGITS_BEFORE_PERIOD.finditer(text):
        start, end = match.span()
        if start:
            before = text[start - 1]
            if not before.isspace():
                if text[end + 1] == ")":
                    if before == "-":
                        ok = start == 1 or text[start - 2] == "s"
                    else:
                        ok = before == "⁃" and (start == 1 or text[start - 2].isspace())
                else:
                    ok = before in "-⁃" and (start == 1 or text[start - 2].isspace())
                if not ok:
                    continue
        items.append(int(match.group()))
    return items


class FastListItemReplacer(ListItemReplacer):
    """pySBD's ``ListItemReplacer``, its numbered-list substitution in one pass for all the items.

    pySBD substitutes each list item with a pass of its pattern over the whole text (quadratic in long texts).
    A pass only rewrites, in the matches (digits and a period, or digits before a parenthesis) whose digits are
    the item, the end of the match; no pattern's lookaround looks at those characters and no match is changed by
    another one's rewriting, so the passes are independent and one pass for the set of items gives the same text.
    """

    text: str

    def iterate_alphabet_array(self, regex: str, parens: bool = False, roman_numeral: bool = False) -> str:
        list_array = _FAST_ALPHABETICAL.get(regex, _compiled(regex)).findall(self.text)
        alphabet = self.ROMAN_NUMERALS if roman_numeral else self.LATIN_NUMERALS
        list_array = [i for i in list_array if i in alphabet]
        for ind, each in enumerate(list_array):
            if ind == len(list_array) - 1:
                self.text = self.last_array_item_replacement(each, ind, alphabet, list_array, parens)
            else:
                self.text = self.other_items_replacement(each, ind, alphabet, list_array, parens)
        return str(self.text)

    def scan_lists(self, regex1: str, regex2: str, replacement: str, strip: bool = False) -> None:
        if regex1 == ListItemReplacer.NUMBERED_LIST_REGEX_1:
            list_array = _numbered_list_items(self.text)
        else:
            list_array = [int(item) for item in _compiled(regex1).findall(self.text)]
        items: set[str] = set()
        last = len(list_array) - 1
        for ind, item in enumerate(list_array):
            if (
                ind < last
                and item + 1 == list_array[ind + 1]
                or ind > 0
                and (
                    (item - 1) == list_array[ind - 1]
                    or (item == 0 and list_array[ind - 1] == 9)
                    or (item == 9 and list_array[ind - 1] == 0)
                )
            ):
                items.add(str(item))
        if not items:
            return

        def replace_item(match: re.Match[str]) -> str:
            found = match.group()
            if strip:
                found = found.strip()
            chomped_match = found if len(found) == 1 else found.strip(".])")
            if chomped_match in items:
                return f"{chomped_match}{replacement}"
            return found

        self.text = _compiled(regex2).sub(replace_item, self.text)


# Processor
_PUNCTUATIONS = tuple(_LANG.Punctuations)
_NUMBERS = _rules(*_LANG.Numbers.All, needs=".")
_CONTINUOUS_PUNCTUATION = re.compile(_LANG.CONTINUOUS_PUNCTUATION_REGEX)
_NUMBERED_REFERENCE = re.compile(_LANG.NUMBERED_REFERENCE_REGEX)
_PERIOD_RULES = _rules(
    _LANG.Abbreviation.WithMultiplePeriodsAndEmailRule, _LANG.GeoLocationRule, _LANG.FileFormatRule, needs="."
)
_PARENS_BETWEEN_DOUBLE_QUOTES = re.compile(_LANG.PARENS_BETWEEN_DOUBLE_QUOTES_REGEX)
_SPACE_BEFORE_PAREN = re.compile(r"\s(?=\()")
_SPACE_AFTER_PAREN = re.compile(r"(?<=\))\s")
_SINGLE_NEW_LINE = _rules(_LANG.SingleNewLineRule, needs="\n")
_ELLIPSIS = _rules(*_LANG.EllipsisRules.All, needs=".")
# every ellipsis pattern has "..." or a period, a space and a period
_ELLIPSIS_LIKE = re.compile(r"\.\.\.|\.\s\.")
_SUB_SYMBOLS = _rules(*_LANG.SubSymbolsRules.All)
_SUB_SINGLE_QUOTE = _rules(_LANG.SubSingleQuoteRule)
_LETTERS_ONLY = re.compile(r"\A[a-zA-Z]*\Z")
_REINSERT_ELLIPSIS = _rules(*_LANG.ReinsertEllipsisRules.All)
_QUOTATION_AT_END_OF_SENTENCE = re.compile(_LANG.QUOTATION_AT_END_OF_SENTENCE_REGEX)
_SPLIT_SPACE_QUOTATION_AT_END_OF_SENTENCE = re.compile(_LANG.SPLIT_SPACE_QUOTATION_AT_END_OF_SENTENCE_REGEX)
_EXCLAMATION_WORDS = re.compile(ExclamationWords.EXCLAMATION_REGEX)
_DOUBLE_PUNCTUATION = re.compile(_LANG.DoublePunctuationRules.DoublePunctuation)
_DOUBLE_PUNCTUATION_RULES = _rules(*_LANG.DoublePunctuationRules.All)
_QUESTION_AND_EXCLAMATION = _rules(_LANG.QuestionMarkInQuotationRule, *_LANG.ExclamationPointRules.All)
_ROMAN_NUMERALS_IN_PARENTHESES = re.compile(ListItemReplacer.ROMAN_NUMERALS_IN_PARENTHESES)
_FINAL_EXCLAMATION = re.compile(r"&ᓴ&$")
_SENTENCE_BOUNDARY = re.compile(_LANG.SENTENCE_BOUNDARY_REGEX)

# pysbd.punctuation_replacer.replace_punctuation
_ESCAPE = _rules(*EscapeRegexReservedCharacters.All)
_UNESCAPE = _rules(*SubEscapedRegexReservedCharacters.All, needs="\\")
_PUNCTUATION_SYMBOLS = (
    (".", "∯"),
    ("。", "&ᓰ&"),
    ("．", "&ᓱ&"),
    ("！", "&ᓳ&"),
    ("!", "&ᓴ&"),
    ("?", "&ᓷ&"),
    ("？", "&ᓸ&"),
)


def _replace_punctuation(match: re.Match[str], match_type: str | None = None) -> str:
    text = _apply(match.group(), _ESCAPE)
    for symbol, replacement in _PUNCTUATION_SYMBOLS:
        text = text.replace(symbol, replacement)
    if match_type != "single":
        text = text.replace("'", "&⎋&")
    return _apply(text, _UNESCAPE)


def _replace_single_quoted_punctuation(match: re.Match[str]) -> str:
    return _replace_punctuation(match, match_type="single")


# pysbd.between_punctuation.BetweenPunctuation, each pattern after the character it starts with
_BP = BetweenPunctuation
_WORD_WITH_LEADING_APOSTROPHE = re.compile(_BP.WORD_WITH_LEADING_APOSTROPHE)
_QUOTE_SPACE = re.compile(r"'\s")
_BETWEEN_SINGLE_QUOTES = re.compile(_BP.BETWEEN_SINGLE_QUOTES_REGEX)
_BETWEEN = tuple(
    (needs, re.compile(pattern))
    for needs, pattern in (
        ("‘", _BP.BETWEEN_SINGLE_QUOTE_SLANTED_REGEX),
        ('"', _BP.BETWEEN_DOUBLE_QUOTES_REGEX_2),
        ("[", _BP.BETWEEN_SQUARE_BRACKETS_REGEX_2),
        ("(", _BP.BETWEEN_PARENS_REGEX_2),
        ("«", _BP.BETWEEN_QUOTE_ARROW_REGEX_2),
        ("--", _BP.BETWEEN_EM_DASHES_REGEX_2),
        ("“", _BP.BETWEEN_QUOTE_SLANTED_REGEX_2),
    )
)


def _between_punctuation(text: str) -> str:
    """``BetweenPunctuation(text).replace()``."""
    if "'" in text and not (_WORD_WITH_LEADING_APOSTROPHE.search(text) and not _QUOTE_SPACE.search(text)):
        text = _BETWEEN_SINGLE_QUOTES.sub(_replace_single_quoted_punctuation, text)
    for needs, pattern in _BETWEEN:
        if needs in text:
            text = pattern.sub(_replace_punctuation, text)
    return text


def _continuous_punctuation_replace(match: re.Match[str]) -> str:
    return match.group().replace("!", "&ᓴ&").replace("?", "&ᓷ&")


def _paren_replace(match: re.Match[str]) -> str:
    return _SPACE_AFTER_PAREN.sub("\r", _SPACE_BEFORE_PAREN.sub("\r", match.group()))


class FastProcessor(Processor):
    """pySBD's ``Processor`` for English, its steps in the same order with compiled patterns."""

    text: str

    def process(self) -> list[str] | str:
        if not self.text:
            return self.text
        text = self.text.replace("\n", "\r")
        text = FastListItemReplacer(text).add_line_break()
        text = AbbreviationReplacer(text, self.lang).replace()
        text = _apply(text, _NUMBERS)
        if "!" in text or "?" in text:  # the pattern is three or more of them
            text = _CONTINUOUS_PUNCTUATION.sub(_continuous_punctuation_replace, text)
        text = _NUMBERED_REFERENCE.sub(r"∯\2\r\7", text)
        self.text = _apply(text, _PERIOD_RULES)
        return self.split_into_segments()

    def split_into_segments(self) -> list[str]:
        text = _PARENS_BETWEEN_DOUBLE_QUOTES.sub(_paren_replace, self.text)
        self.text = text
        sents: list[str] = []
        for line in text.split("\r"):
            if not line:
                continue
            line = _apply(line, _SINGLE_NEW_LINE)
            if _ELLIPSIS_LIKE.search(line):
                line = _apply(line, _ELLIPSIS)
            sents.extend(self.check_for_punctuation(line))
        postprocessed_sents: list[str] = []
        for sent in sents:
            post_process_sent = self.post_process_segments(_apply(sent, _SUB_SYMBOLS))
            if post_process_sent and isinstance(post_process_sent, str):
                postprocessed_sents.append(post_process_sent)
            elif isinstance(post_process_sent, list):
                postprocessed_sents.extend(post_process_sent)
        return [_apply(sent, _SUB_SINGLE_QUOTE) for sent in postprocessed_sents]

    def post_process_segments(self, txt: str) -> list[str] | str:
        if len(txt) > 2 and _LETTERS_ONLY.search(txt):
            return txt
        txt = _apply(txt, _REINSERT_ELLIPSIS)
        if _QUOTATION_AT_END_OF_SENTENCE.search(txt):
            return _SPLIT_SPACE_QUOTATION_AT_END_OF_SENTENCE.split(txt)
        return txt.replace("\n", "").strip()

    def check_for_punctuation(self, txt: str) -> list[str]:
        if any(p in txt for p in _PUNCTUATIONS):
            return self.process_text(txt)
        return [txt]

    def process_text(self, txt: str) -> list[str]:
        if txt[-1] not in _PUNCTUATIONS:
            txt += "ȸ"
        if "!" in txt or "ǃ" in txt:  # every exclamation word has one of them
            txt = _EXCLAMATION_WORDS.sub(_replace_punctuation, txt)
        txt = _between_punctuation(txt)
        if not _DOUBLE_PUNCTUATION.match(txt):
            txt = _apply(txt, _DOUBLE_PUNCTUATION_RULES)
        txt = _apply(txt, _QUESTION_AND_EXCLAMATION)
        if "(" in txt:
            txt = _ROMAN_NUMERALS_IN_PARENTHESES.sub(r"&✂&\1&⌬&", txt)
        return self.sentence_boundary_punctuation(txt)

    def sentence_boundary_punctuation(self, txt: str) -> list[str]:
        txt = _FINAL_EXCLAMATION.sub("!", txt)
        return [m.group() for m in _SENTENCE_BOUNDARY.finditer(txt)]


class FastSegmenter(pysbd.Segmenter):
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
