"""Frames: treatments and populations a report names by their place in a sentence rather than by a lexicon word.

"Effects of earplugs and eye masks on sleep in ICU patients", "randomised to individual cognitive stimulation
therapy or treatment as usual", "Spiromax versus Turbuhaler", "patients with chronic disease risk factors": the
phrase in the slot is a treatment, a control or a condition whatever its words, which is how an unseen
intervention ("early supported discharge", "Medical Qigong") gets found. Frames are regexes in
``data/frames.jsonl`` with named groups ``x`` (the tested treatment), ``y`` (the control), ``c`` (the condition) and
``o`` (the outcomes: "effects of X on sleep, melatonin and cortisol levels"),
run on the title only (``"where": "title"``) or on every sentence. A slot is trimmed of filler words
(``data/frame_trims.tsv``: "the", "either", "receive", "group") and dropped when it holds a word that is not part of
a treatment or condition name (``data/frame_rejects.tsv``: "study", "trial", "we") or is too long to be a name.

Shared by the intervention, condition and outcome components; computed once per Doc (``doc.user_data``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from weakref import WeakKeyDictionary

from spacy.tokens import Doc, Span

from extractor.components.rules import TextRegex, doc_text
from extractor.components.salience import Salience
from extractor.lexicons import read_jsonl, read_tsv

ROLES = {"x": "intervention", "y": "comparator", "c": "condition", "o": "outcome"}
LISTS = {  # how a slot holding several names separates them
    "y": re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+or\s+|\s+and/or\s+)\s*"),
    "o": re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)\s*"),
}
DOSE_WORDS = frozenset({"dose", "doses", "dosage", "dosages", "dosing"})
MAX_TOKENS = 8  # a longer slot is a clause, not a name
# a doc's slots by token offsets, not as Spans: a Span holds its Doc, and a value that holds its key keeps the entry,
# and the Doc, alive for good (every article of a batch stayed in memory)
_CACHE: WeakKeyDictionary[Doc, list[tuple[str, int, int, str, bool]]] = WeakKeyDictionary()
_CODE = re.compile(r"[A-Za-z]+-[A-Z][A-Za-z]*")  # "C-Tb", "E-CMF": capitalised after the hyphen
_NUMERIC = re.compile(r"[\d.,:/–-]*\d[\d.,:/–-]*")  # "20–44", "1:1": an amount, not a name


@dataclass(frozen=True)
class Slot:
    role: str  # intervention | comparator | condition
    span: Span
    name: str
    in_title: bool


@lru_cache(maxsize=1)
def _frames() -> tuple[tuple[TextRegex, bool], ...]:
    return tuple(
        (TextRegex(str(rule["regex"]), re.IGNORECASE | re.MULTILINE), rule.get("where") == "title")
        for rule in read_jsonl("frames.jsonl")
    )


@lru_cache(maxsize=1)
def trim_words() -> dict[str, frozenset[str]]:
    """Word lists by kind: leading, trailing, dangling, head (``frame_trims.tsv``), reject, reject_alone
    (``frame_rejects.tsv``)."""
    kinds: dict[str, set[str]] = {}
    for row in read_tsv("frame_trims.tsv"):
        kinds.setdefault(row[1], set()).add(row[0].lower())
    rejects: dict[str, set[str]] = {}
    for row in read_tsv("frame_rejects.tsv"):
        rejects.setdefault(row[1] if len(row) > 1 else "any", set()).add(row[0].lower())
    kinds["reject"], kinds["reject_alone"] = rejects.get("any", set()), rejects.get("alone", set())
    return {kind: frozenset(words) for kind, words in kinds.items()}


def slots(doc: Doc) -> list[Slot]:
    """Every frame slot of the doc, in text order; a slot that restates an earlier one of its role (same words, or
    words inside it) is left out. Found once per doc, kept beside it (``doc.user_data`` must stay serialisable)."""
    cached = _CACHE.get(doc)
    if cached is None:
        cached = [(s.role, s.span.start, s.span.end, s.name, s.in_title) for s in _find_slots(doc)]
        _CACHE[doc] = cached
    return [Slot(role, doc[start:end], name, in_title) for role, start, end, name, in_title in cached]


def _find_slots(doc: Doc) -> list[Slot]:
    text = doc_text(doc)
    title_start, title_end = Salience.of(doc).title
    found: list[Slot] = []
    for pattern, title_only in _frames():
        start, end = (title_start, title_end) if title_only else (0, len(text))
        for m in pattern.on(doc).finditer(text, start, end):
            for group, value in m.groupdict().items():
                if value is None or group not in ROLES:
                    continue
                items = [(m.start(group), m.end(group))]
                if group in LISTS:  # "placebo or usual care", "sleep, melatonin and cortisol": each its own
                    items = _list_items(text, LISTS[group], *items[0])
                for a, b in items:
                    slot = _slot(doc, ROLES[group], a, b, title_start <= a < title_end)
                    if slot is not None:
                        found.append(slot)
    kept: list[Slot] = []
    for slot in sorted(found, key=lambda s: (not s.in_title, s.span.start)):
        words = slot.name.split()
        if not any(k.role == slot.role and overlaps(words, k.name.split()) for k in kept):
            kept.append(slot)
    kept.sort(key=lambda s: s.span.start)
    return kept


def _list_items(text: str, separator: re.Pattern[str], start: int, end: int) -> list[tuple[int, int]]:
    items, at = [], start
    for sep in separator.finditer(text, start, end):
        items.append((at, sep.start()))
        at = sep.end()
    items.append((at, end))
    return [(a, b) for a, b in items if b > a]


def _slot(doc: Doc, role: str, start: int, end: int, in_title: bool) -> Slot | None:
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None or not len(span):
        return None
    trims = trim_words()
    a, b = span.start, span.end
    while a < b and (doc[a].lower_ in trims["leading"] or doc[a].is_punct):
        a += 1
    while b > a and (doc[b - 1].lower_ in trims["trailing"] or doc[b - 1].is_punct and doc[b - 1].text != ")"):
        b -= 1
    span = doc[a:b]
    # a word of two letters or more, or a hyphenated code name ("C-Tb", "E-CMF"): not an amount or an initial
    if not 0 < len(span) <= MAX_TOKENS or not any(t.is_alpha and len(t) > 1 or _CODE.fullmatch(t.text) for t in span):
        return None
    if span[-1].lower_ in trims["dangling"]:
        return None  # cut mid-phrase: "sleep with"
    if len(span) == 1 and span[0].lower_ in trims["reject_alone"]:
        return None
    if span[-1].lower_ in DOSE_WORDS and all(t.lower_ in trims["reject_alone"] for t in span[:-1]):
        return None  # a dose level without its treatment: "Low Dose versus High Dose Statin Therapy"
    if any(t.lower_ in trims["reject"] or t.like_num or _NUMERIC.fullmatch(t.text) for t in span) or "\n" in span.text:
        return None
    return Slot(role, span, span.text.lower(), in_title)


def overlaps(a: list[str], b: list[str]) -> bool:
    """Whether the shorter word list is a contiguous run of the longer."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1))
