"""Sample sizes: "185 individuals", "N = 40", "a total of 40 patients", "Forty-eight healthy volunteers", "3 RCTs".

Rules in ``data/sample_size.jsonl``: group ``sample_size`` finds counts (the noun after the count, through
``data/sample_units.tsv``, gives the unit), group ``kind`` finds the cues that say whether a count was planned,
enrolled or analysed ("were randomized", "completed the study", "sample size of ... was calculated"); the nearest
cue in the count's sentence decides. Counts of one group ("20 in each group", "n = 20") carry
``attrs["role"] = "group"``, counts of people screened or lost ``attrs["role"] = "screened"``, and counts of
people after a count of trials in one sentence ("12 trials with 1,500 participants") ``"pooled"``: record
assembly uses them only when nothing else is stated (and then never sums arms: how many arms there are is not
always stated next to the count).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractor import spans
from extractor.components.base import RuleComponent, lexicon
from extractor.components.rules import Match, doc_text
from extractor.numbers import parse_int

KEYS = (spans.SAMPLE_SIZE,)
BEFORE_CHARS = 40  # a kind cue this far before a count ("a sample size of ... was")
AFTER_CHARS = 150  # or this far after it, in its sentence ("... patients, aged ..., were randomized")
YEARS = range(1900, 2100)
STUDY_UNITS = ("trials", "studies")
EACH_GROUP = re.compile(r"\s*(?:for|in)?\s*(?:each|every|per)\s+(?:group|arm)", re.IGNORECASE)


@Language.factory("studysift_sample_size", assigns=["doc.spans"], default_config={})
def make_sample_size(nlp: Language, name: str) -> SampleSizeComponent:
    return SampleSizeComponent(nlp, name)


@lru_cache(maxsize=1)
def unit_of() -> dict[str, str]:
    return {" ".join(row[0].lower().split()): row[1] for row in lexicon("sample_units")}


def _sentence(span: Span) -> Span:
    return span.sent if span.doc.has_annotation("SENT_START") else span.doc[:]


def _within(inner: Span, outer: Span) -> bool:
    return inner.start_char >= outer.start_char and inner.end_char <= outer.end_char


def _unit(m: Match) -> str | None:
    noun = m.rule["groups"].get("unit")
    return unit_of().get(" ".join(noun.lower().split())) if noun else "participants"


class SampleSizeComponent(RuleComponent):
    data_file = "sample_size.jsonl"
    keys = KEYS

    def annotate(self, doc: Doc) -> None:
        cues = self.matches(doc, "kind")
        cue_starts = [c.span.start_char for c in cues]
        studies_at: list[tuple[int, int]] = []  # sentences (bounds) holding a count of trials or studies
        found = self.best(doc, spans.SAMPLE_SIZE)
        text = doc_text(doc)
        # "(N = 381)" is a total (a lower-case "n" an arm's), unless one sentence holds two: "A (N = 197), B (N = 103)"
        bracketed = [m for m in found if m.label == "N" and _in_brackets(text, _sentence(m.span), m.span)]
        per_sentence = Counter(_sentence(m.span).start_char for m in bracketed)
        for m in found:
            value = parse_int(m.rule["groups"]["n"])
            unit = _unit(m)
            if value is None or unit is None or value == 0:
                continue
            if value in YEARS and m.span.start > 0 and doc[m.span.start - 1].lower_ in ("in", "since", "from", "until"):
                continue
            sent = _sentence(m.span)
            kind = m.rule.get("kind") or self._kind(m.span, sent, cues, cue_starts)
            role = m.rule.get("role")
            if m in bracketed and per_sentence[sent.start_char] > 1:
                role = "group"
            if EACH_GROUP.match(text, m.span.end_char):  # "N = 381 for each group"
                role = "group"
            if kind == "screened" or any(c.label == "screened" and _within(c.span, m.span) for c in cues):
                kind, role = None, "screened"
            if unit in STUDY_UNITS:
                studies_at.append((sent.start_char, sent.end_char))
            elif (sent.start_char, sent.end_char) in studies_at:
                role = role or "pooled"  # "48 trials with 6674 participants": the people of other studies
            attrs = {k: v for k, v in (("kind", kind), ("role", role)) if v}
            self.emit(doc, spans.SAMPLE_SIZE, m.span, unit, value, m.rule["confidence"], **attrs)

    @staticmethod
    def _kind(span: Span, sent: Span, cues: list[Match], cue_starts: list[int]) -> str | None:
        lo = max(sent.start_char, span.start_char - BEFORE_CHARS)
        hi = min(sent.end_char, span.end_char + AFTER_CHARS)
        best: tuple[int, str] | None = None
        for i in range(bisect_left(cue_starts, lo), len(cues)):
            cue = cues[i].span
            if cue.start_char >= hi:
                break
            if cue.end_char > lo and not (cue.start_char < span.end_char and cue.end_char > span.start_char):
                distance = (
                    cue.start_char - span.end_char
                    if cue.start_char >= span.end_char
                    else span.start_char - cue.end_char
                )
                if best is None or distance < best[0]:
                    best = (distance, cues[i].label)
        return best[1] if best else None


def _in_brackets(text: str, sent: Span, span: Span) -> bool:
    """Whether ``span`` sits inside an open bracket of its sentence: "placebo (n = 15)", "(..., n = 93)"."""
    before = text[sent.start_char : span.start_char]
    return max(before.rfind("("), before.rfind("[")) > max(before.rfind(")"), before.rfind("]"))
