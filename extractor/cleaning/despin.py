"""De-spinning: restore the terms a synonym spinner replaced ("randomized, managed demo" -> "randomized controlled
trial"), and score how spun an article is.

The decision to repair is explicit and two-pass, because many spun phrases are also ordinary English:

1. *Unambiguous* evidence is collected first: lexicon entries with gate ``any`` (phrases no writer produces, such as
   "managed demo" or "quality of existence"), spun numbers ("0.five mg/kg", "0.twenty five", "twenty five mg") and
   the spelled-out citation markers found by the citation stage ("depression.one hundred and one").
2. Entries with gate ``spun`` ("sizeable difference", "locomotor exercise", "periods" before "of KAP") fire only when
   that evidence reaches ``Settings.spin_gate_min_evidence`` repairs *and* ``Settings.spin_gate_per_1000`` per 1,000
   words, and only where their own context cue (``before=``/``after=``/``near=`` in the lexicon) holds. A thesaurus
   spinner that swaps single words leaves few unambiguous phrases, so ``Gate.min_distinct`` (4) distinct phrases,
   unambiguous or context-dependent with their cue holding, are evidence too (the unspun corpora have at most one).
   A cue may name a shared pattern (``{design_head}``, ``{allocate}``: ``spin/cue_patterns.tsv``), so that single
   design words ("arbitrary", "managed", "preliminary") are restored wherever the rest of a design phrase stands
   around them, instead of listing every combination a spinner can make.

So "exercise" in a fitness abstract, "periods" in a menstrual-health study or "important" before a noun in any unspun
text stay as they are, while the same words in a page that is evidently spun are restored.

The lexicon is one regular expression compiled from a character trie of all phrases (one scan of the text however
many phrases there are). An external lexicon in the tortured-phrases JSON format (``Settings.spin_lexicon``) adds its
multi-word phrases as unambiguous entries; its single-word entries are ignored, because a catalogue word out of context
("organization", "arrangement") is ordinary English far more often than it is spinner output.

The spin score is repairs per 1,000 words of the cleaned text; ``is_spun`` is ``score >= Settings.spin_threshold``
(2.0) with at least ``spin_gate_min_evidence`` (2) repairs. Chosen on ``bench/clean.py``'s figures: the 852 unspun
shared abstracts all score 0.0 (none flagged); the seed scores 67.7; abstracts re-spun with the lexicon's own phrases
score 1.9 to 62.8 (mean 15.4), and those not flagged are the ones with a single spun phrase, which is no evidence of
a spinner. One stray repair in a 200-word abstract would score 5, hence the two-repair minimum.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from extractor.errors import InputError
from extractor.lexicons import read_tsv
from extractor.numbers import HYPHEN_CHARS, HYPHENS, parse_int, spelled_number_re

_BEFORE, _AFTER, _NEAR = 100, 100, 400  # context windows of the cues, in characters
_SUFFIX = re.compile(r"^(.*)\((\w+)\)$")


@dataclass(frozen=True)
class Cue:
    kind: str  # before, after or near
    rx: re.Pattern[str]

    def holds(self, text: str, start: int, end: int) -> bool:
        if self.kind == "before":
            return self.rx.search(text[max(0, start - _BEFORE) : start]) is not None
        if self.kind == "after":
            return self.rx.match(text[end : end + _AFTER]) is not None
        return self.rx.search(text[max(0, start - _NEAR) : end + _NEAR]) is not None


@dataclass(frozen=True)
class Entry:
    found: str
    restored: str
    gated: bool  # True: only in articles evidenced as spun
    cues: tuple[Cue, ...] = ()
    rule: str = "lexicon"
    # other originals the spun phrase may have had ("remedy": treatment or therapy); see _restoration
    alternatives: tuple[str, ...] = ()

    def applies(self, text: str, start: int, end: int, *, spun: bool) -> bool:
        return (spun or not self.gated) and all(c.holds(text, start, end) for c in self.cues)


_HYPHENS_TO_SPACE = str.maketrans(dict.fromkeys(HYPHEN_CHARS, " "))


def phrase_key(text: str) -> str:
    """The lookup key of a phrase: lower case, and a hyphen between words is a space ("double-daze" is "double
    daze"), since a spinner writes both for the same term."""
    return " ".join(text.replace("’", "'").lower().translate(_HYPHENS_TO_SPACE).split())


_NAMED = re.compile(r"\{([a-z_]+)\}")


@lru_cache(maxsize=1)
def cue_patterns() -> dict[str, str]:
    """Named regexes that cues share (``{design_head}``), so that a word class is written once, not per entry."""
    return {row[0]: row[1] for row in read_tsv("spin/cue_patterns.tsv")}


def _fill_names(rx: str) -> str:
    def fill(m: re.Match[str]) -> str:
        if m.group(1) not in cue_patterns():
            raise ValueError(f"spin lexicon: no cue pattern named {m.group(1)!r} (spin/cue_patterns.tsv)")
        return f"(?:{cue_patterns()[m.group(1)]})"

    return _NAMED.sub(fill, rx)


def _parse_cues(spec: str) -> tuple[Cue, ...]:
    cues = []
    for part in spec.split(" && "):
        if not part.strip():
            continue
        kind, _, rx = part.strip().partition("=")
        if kind not in ("before", "after", "near"):
            raise ValueError(f"unknown cue {part!r} in the spin lexicon")
        rx = _fill_names(rx)
        anchored = rx if kind != "before" else f"(?:{rx})$"
        cues.append(Cue(kind, re.compile(anchored, re.IGNORECASE)))
    return tuple(cues)


def _expand(found: str, restored: str) -> list[tuple[str, str]]:
    """ "scenario report(s)" / "case report(s)" -> singular and plural pairs."""
    f, r = _SUFFIX.match(found), _SUFFIX.match(restored)
    if f and r:
        return [(f.group(1), r.group(1)), (f.group(1) + f.group(2), r.group(1) + r.group(2))]
    return [(found, restored)]


@lru_cache(maxsize=1)
def builtin_entries() -> tuple[Entry, ...]:
    entries = []
    for row in read_tsv("spin/lexicon.tsv"):
        found, restored, gate = row[0], row[1], row[2]
        if gate not in ("any", "spun"):
            raise ValueError(f"spin lexicon: gate must be 'any' or 'spun', not {gate!r} ({found})")
        cues = _parse_cues(row[3] if len(row) > 3 else "")
        first, *others = restored.split("|")
        for f, r in _expand(found, first):
            entries.append(Entry(f, r, gate == "spun", cues, alternatives=tuple(others)))
    return tuple(entries)


_PARENTHETICAL = re.compile(r"\s*\([^)]*\)\s*$")


def external_entries(path: Path) -> tuple[Entry, ...]:
    """Multi-word phrases of a tortured-phrases JSON file (``{"phrases": [{"tortured", "correct"}]}``).

    Dropped: single words (too often ordinary English), uncertain corrections ("?"), and any phrase that is also
    a correction in the catalogue ("neural network" is both), since repairing it would rewrite correct text.
    """
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        phrases = data["phrases"] if isinstance(data, dict) else data
        pairs = [(str(p["tortured"]).strip(), str(p["correct"])) for p in phrases]
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise InputError(f"spin lexicon {path}: not a readable tortured-phrases JSON file ({e})") from None
    cleaned = [(t, _PARENTHETICAL.sub("", c).replace("[", "").replace("]", "").strip(), c) for t, c in pairs]
    corrections = {phrase_key(c) for _, c, _ in cleaned}
    entries = []
    for tortured, correct, original in cleaned:
        key = phrase_key(tortured)
        if len(key.split()) < 2 or not correct or "?" in original or key in corrections:
            continue
        entries.append(Entry(tortured, correct, gated=False, rule="external"))
    return tuple(entries)


def _ngrams(key: str) -> Iterable[str]:
    words = key.split()
    for n in range(1, len(words) + 1):
        for i in range(len(words) - n + 1):
            yield " ".join(words[i : i + n])


def _trie_pattern(keys: Iterable[str]) -> str:
    """One regex for many phrases: alternations factored by common prefixes, longest match preferred."""
    trie: dict[str, dict] = {}
    for key in keys:
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = {}

    def char(ch: str) -> str:
        if ch == " ":
            return rf"[\s{HYPHENS}]"
        if ch == "'":
            return "['’]"
        return re.escape(ch)

    def pattern(node: dict[str, dict]) -> str:
        alts = [char(ch) + pattern(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        optional = "" in node
        if len(alts) == 1 and not optional:
            return alts[0]
        return "(?:" + "|".join(alts) + ")" + ("?" if optional else "")

    return pattern(trie)


@dataclass(frozen=True)
class Lexicon:
    entries: dict[str, tuple[Entry, ...]]
    pattern: re.Pattern[str]


@lru_cache(maxsize=4)
def _compile(external: str | None, _mtime: float) -> Lexicon:
    table: dict[str, list[Entry]] = {}
    builtin = builtin_entries()
    for entry in builtin:
        table.setdefault(phrase_key(entry.found), []).append(entry)
    if external:
        extra = external_entries(Path(external))
        keys = set(table) | {phrase_key(e.found) for e in extra}
        for entry in extra:
            # an external correction that contains a spun phrase would be "repaired" again on the next pass
            if not any(gram in keys for gram in _ngrams(phrase_key(entry.restored))):
                table.setdefault(phrase_key(entry.found), []).append(entry)
    # matched against lower-cased text: a case-sensitive scan is about twice as fast as re.IGNORECASE
    rx = re.compile(rf"(?<![\w{HYPHENS}])(?:{_trie_pattern(table)})(?!\w|[{HYPHENS}]\w)")
    return Lexicon({k: tuple(v) for k, v in table.items()}, rx)


def lexicon(external: Path | None = None) -> Lexicon:
    if external is None:
        return _compile(None, 0.0)
    try:
        mtime = Path(external).stat().st_mtime
    except OSError as e:
        raise InputError(f"spin lexicon {external}: {e.strerror or e}") from None
    return _compile(str(Path(external).resolve()), mtime)


def _lower(text: str) -> str:
    """Lower case with offsets kept (the few characters whose lower case is longer stay as they are)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


@dataclass(frozen=True)
class Repair:
    start: int  # span of the spun phrase in the text given to despin()
    end: int
    found: str
    restored: str
    rule: str


_DIGITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_DIGIT_DOT_LETTER = re.compile(r"\d\.[a-zA-Z]")  # cheap pre-check
# the decimals of a number spelled out: "0.five", "12.ten", "0.twenty five" / "0.twenty-five" (two decimal digits),
# or digit by digit, as a spinner spells "0.05": "0.zero five"
_TWO_DIGITS = rf"(?:{'|'.join(_TENS)})(?:[ -](?:{'|'.join(_DIGITS[1:])}))?"
_DIGIT_RUN = rf"(?:{'|'.join(_DIGITS)})(?:[ -](?:{'|'.join(_DIGITS)}))+"
# a hyphen then a digit may follow ("22.one-40.three"), a hyphen then a letter may not ("1.one-off")
_DECIMAL_WORD = re.compile(
    rf"(?<![\w.])(\d+)\.({_TWO_DIGITS}|{_DIGIT_RUN}|{'|'.join(_TEENS + _DIGITS)})(?!\w|-[^\W\d])",
    re.IGNORECASE,
)


def _decimal_digits(words: str) -> str:
    """ "five" -> "5", "ten" -> "10", "thirty" -> "30", "twenty five" -> "25", "zero five" -> "05"."""
    parts = re.split(r"[ -]", words.lower())
    if len(parts) > 1 and all(p in _DIGITS for p in parts):
        return "".join(str(_DIGITS.index(p)) for p in parts)
    if parts[0] in _TENS:
        return str(20 + 10 * _TENS.index(parts[0]) + (_DIGITS.index(parts[1]) if len(parts) > 1 else 0))
    if parts[0] in _TEENS:
        return str(10 + _TEENS.index(parts[0]))
    return str(_DIGITS.index(parts[0]))


@lru_cache(maxsize=1)
def _spelled_unit() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A spelled-out number before a unit, and a cheap pre-check (a word before a unit) that most texts fail."""
    units = sorted((row[0] for row in read_tsv("spin/units.tsv")), key=len, reverse=True)
    unit_rx = "|".join(re.escape(u) for u in units)
    # a unit may go on with "/..." ("forty mg/m2", "twelve IU/kg"): the longest listed unit is tried first
    number = re.compile(rf"(?<![\w-])({spelled_number_re().pattern})(?=[ \u00a0](?:{unit_rx})(?!\w))")
    return number, re.compile(rf"[a-z][ \u00a0](?:{unit_rx})(?!\w)")


def number_repairs(text: str) -> list[Repair]:
    """Spun numbers: "0.five" -> "0.5", "0.twenty five" -> "0.25"; a spelled-out number before a dose unit:
    "twenty five mg" -> "25 mg"."""
    repairs = [
        Repair(m.start(), m.end(), m.group(), f"{m.group(1)}.{_decimal_digits(m.group(2))}", "spelled-decimal")
        for m in (_DECIMAL_WORD.finditer(text) if _DIGIT_DOT_LETTER.search(text) else ())
    ]
    number, word_then_unit = _spelled_unit()
    for m in number.finditer(text) if word_then_unit.search(text) else ():
        value = parse_int(m.group(1))
        if value is not None:
            repairs.append(Repair(m.start(1), m.end(1), m.group(1), str(value), "spelled-number-unit"))
    return repairs


_WORD_BEFORE = re.compile(r"([\w-]+)\s+$")


def _restoration(entry: Entry, lowered: str, start: int) -> str:
    """The entry's original, or the alternative that the text itself writes after the same word: an article that
    has "endocrine therapy" unspun once had it where "endocrine remedy" now stands."""
    before = _WORD_BEFORE.search(lowered[max(0, start - 40) : start])
    if entry.alternatives and before:
        word = re.escape(before.group(1))
        for original in (entry.restored, *entry.alternatives):
            if re.search(rf"(?<![\w-]){word}\s+{re.escape(original)}(?!\w)", lowered):
                return original
    return entry.restored


def _with_case(found: str, restored: str) -> str:
    """Upper-case text stays upper case; a capital first letter stays capital (a spinner keeps the case it found)."""
    letters = [c for c in found if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return restored.upper()
    if found[:1].isupper():
        return restored[:1].upper() + restored[1:]
    return restored


@dataclass(frozen=True)
class Gate:
    min_evidence: int
    per_1000: float
    # or this many distinct phrases, unambiguous repairs and cued context-dependent ones together: a spinner that
    # swaps single words ("sufferers", "considerably", "fake treatment") leaves few unambiguous phrases
    min_distinct: int = 4
    # ...or one fewer when at least one of them is unambiguous: the unspun corpora have no unambiguous phrase at all
    # (and at most two cued ones), so one unambiguous phrase plus two cued ones is already unlike any of them
    min_distinct_with_unambiguous: int = 3


def _options(lex: Lexicon, start: int, end: int, lowered: str) -> list[tuple[int, tuple[Entry, ...]]]:
    """The phrases found at ``start``, longest first: the match, then each shorter run of its words that is an
    entry too, so that "haphazardly appointed" whose cue fails can still be "haphazardly" whose cue holds."""
    options = []
    for cut in [end, *(i for i in range(end - 1, start, -1) if lowered[i].isspace() and not lowered[i - 1].isspace())]:
        entries = lex.entries.get(phrase_key(lowered[start:cut]))
        if entries:
            options.append((cut, entries))
    return options


def _first_applying(
    text: str, start: int, options: list[tuple[int, tuple[Entry, ...]]], *, spun: bool
) -> tuple[int, Entry] | None:
    for end, entries in options:
        entry = next((e for e in entries if e.applies(text, start, end, spun=spun)), None)
        if entry:
            return end, entry
    return None


def despin(
    text: str, lex: Lexicon, gate: Gate, *, extra_evidence: int = 0, spun_known: bool = False
) -> tuple[list[Repair], bool]:
    """The repairs to make in ``text`` and whether the article counted as evidenced spun (two passes, see above).

    ``extra_evidence`` counts unambiguous spin found elsewhere (spelled-out citation markers, earlier rounds);
    ``spun_known`` carries an earlier round's verdict.
    """
    candidates: list[tuple[int, list[tuple[int, tuple[Entry, ...]]]]] = []
    lowered = _lower(text)
    for m in lex.pattern.finditer(lowered):
        options = _options(lex, m.start(), m.end(), lowered)
        if options:
            candidates.append((m.start(), options))
    numbers = number_repairs(text)
    if not candidates and not numbers:
        return [], spun_known

    chosen: dict[int, tuple[int, Entry]] = {}
    pending: list[tuple[int, list[tuple[int, tuple[Entry, ...]]]]] = []
    for start, options in candidates:
        picked = _first_applying(text, start, options, spun=False)
        if picked:
            chosen[start] = picked
        else:
            pending.append((start, options))
    evidence = len(chosen) + len(numbers) + extra_evidence
    words = max(len(text.split()), 1)
    spun = spun_known or (evidence >= gate.min_evidence and evidence * 1000 / words >= gate.per_1000)
    later = [(start, _first_applying(text, start, options, spun=True)) for start, options in pending]
    if not spun:
        cued = {phrase_key(text[start : picked[0]]) for start, picked in later if picked}
        weak = evidence + len(cued)
        enough = gate.min_distinct_with_unambiguous if evidence else gate.min_distinct
        spun = weak >= enough and weak * 1000 / words >= gate.per_1000
    if spun:
        for start, picked in later:
            if picked:
                chosen[start] = picked

    repairs: list[Repair] = []
    for start, (end, entry) in chosen.items():
        found = text[start:end]
        restored = _with_case(found, _restoration(entry, lowered, start))
        if restored != found:
            repairs.append(Repair(start, end, found, restored, entry.rule))
    repairs += numbers
    repairs.sort(key=lambda r: r.start)
    kept: list[Repair] = []
    for r in repairs:
        if not kept or r.start >= kept[-1].end:
            kept.append(r)
    return kept, spun
