"""Sample sizes: "185 individuals", "N = 40", "a total of 40 patients", "Forty-eight healthy volunteers", "3 RCTs",
"61 consecutive BMT recipients were randomised" (a count the verb makes the sample's, whatever its noun).

Rules in ``data/sample_size.jsonl``: group ``sample_size`` finds counts (the noun after the count, through
``data/sample_units.tsv``, gives the unit), group ``kind`` finds the cues that say whether a count was planned,
randomized, enrolled or analysed ("were randomized", "completed the study", "sample size of ... was calculated"); the
nearest cue in the count's sentence decides. Labels ("Phase one", "Fig. 1": ``data/count_labels.tsv``), the upper ends
of ranges, the denominators of proportions ("one in three women"), rates ("10 participants per week"), years ("January
2015": ``data/year_leads.tsv``) and counts of what was given or done ("a total of 762 courses":
``data/sample_things.tsv``) are not counts. Counts of one group ("20 in each group", "n = 20") carry ``attrs["role"] =
"group"``, counts of people screened or lost ``attrs["role"] = "screened"``, of staff who deliver or assess the
intervention ("assessed by two physicians") ``"staff"``, and counts of people after a count of
trials in one sentence ("12 trials with 1,500 participants") ``"pooled"``: record assembly does not use them (and never
sums arms: how many arms there are is not always stated next to the count).

The counts of one sentence are then read together:

- counts side by side ("30 patients who had A and 30 patients who had B", "87 were randomized to A and 90 to the
  control group") are groups (``_parallel``), as is a count with numbers listed before it ("78 and 78 patients");
- a count that is the sum of a sentence's consecutive counts is their total, as randomized as they are (``_totals``);
- in "Of 300 enrolled, 250 were randomized" the larger enrolled count is a step before the sample (``_flow``);
- the only count of a sentence that names no group is the sample, even as "(n = 120)" (``_lone_n``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass
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
TOTAL_LABELS = ("total", "N", "n_unit", "planned")  # counts that say they are the whole sample
SUBSET_OF = re.compile(r"\bof\s+(?:the\s+|these\s+|all\s+)?$", re.IGNORECASE)  # "Of the 120 ..., 100 were"
KIND_RANK = {None: 0, "planned": 0, "analysed": 1, "enrolled": 2, "randomized": 3}
MIN_TOTAL = 20  # sums of smaller counts coincide too easily
EACH_GROUP = re.compile(  # "N = 381 for each group", "two patients in each of the AmBisome arms", "from each group"
    r"\s*(?:for|in|from)?\s*(?:each|every|per)\s+(?:of\s+the\s+(?:[\w-]+\s+){0,4}?)?(?:group|arm)", re.IGNORECASE
)


@Language.factory("studysift_sample_size", assigns=["doc.spans"], default_config={})
def make_sample_size(nlp: Language, name: str) -> SampleSizeComponent:
    return SampleSizeComponent(nlp, name)


@lru_cache(maxsize=1)
def unit_of() -> dict[str, str]:
    return {" ".join(row[0].lower().split()): row[1] for row in lexicon("sample_units")}


@lru_cache(maxsize=1)
def staff_nouns() -> tuple[str, ...]:
    """How a count's noun of staff ends (``data/sample_staff.tsv``): "two research nurses", "3 health workers"."""
    return tuple(" ".join(row[0].lower().split()) for row in lexicon("sample_staff"))


@lru_cache(maxsize=1)
def rate_after() -> re.Pattern[str]:
    units = "|".join(re.escape(row[0]) for row in sorted(lexicon("time_units"), key=lambda r: -len(r[0])))
    return re.compile(rf"\s*(?:(?:per|a|an|each|every)\s+|/\s*)(?:{units})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def things_after() -> re.Pattern[str]:
    """A noun of things or time a few words after a count: "of a total of 762 courses", "four randomized exercise
    sessions", "for a total of 90 days"."""
    things = "|".join(re.escape(row[0]) for row in lexicon("sample_things") + lexicon("time_units"))
    stop = "|".join(re.escape(row[0]) for row in lexicon("sample_stopwords"))
    return re.compile(rf"(?:\s+(?!(?:{stop})\b)[A-Za-z][\w-]*){{0,2}}?\s+(?:{things})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def year_leads() -> frozenset[str]:
    return frozenset(row[0].lower() for row in lexicon("year_leads"))


@lru_cache(maxsize=1)
def count_labels() -> frozenset[str]:
    return frozenset(row[0].lower() for row in lexicon("count_labels"))


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
        # "(N = 381)", "(n = 575 couples)" is a total (a bare lower-case "n" an arm's), unless one sentence holds two:
        # "A (N = 197), B (N = 103)"
        bracketed = [m for m in found if m.label in ("N", "n_unit") and _in_brackets(text, _sentence(m.span), m.span)]
        per_sentence = Counter(_sentence(m.span).start_char for m in bracketed)
        counts: list[Count] = []
        for m in found:
            value = parse_int(m.rule["groups"]["n"])
            unit = _unit(m)
            if value is None or unit is None or value == 0 or DECIMAL.search(m.rule["groups"]["n"]):
                continue  # "WALK 2.0 randomised trial": a count is a whole number
            starts_with_number = text.startswith(m.rule["groups"]["n"], m.span.start_char)  # not "a total of 40"
            if starts_with_number and _labelled(text, m.span.start_char):  # "Phase one", "Fig. 1"
                continue
            if _range_end(text, m.span.start_char):  # "twelve to sixteen participants": a range, not a count
                continue
            if RATIO_BEFORE.search(text, max(0, m.span.start_char - 20), m.span.start_char):
                continue  # "one in three women": a proportion
            if rate_after().match(text, m.span.end_char):
                continue  # "10 participants per week": a recruitment rate
            if _counts_things(text, m):
                continue
            if value in YEARS and _year(text, m.span.start_char):
                continue
            if _after_bare_number(text, m.span.start_char):  # "2 3 patients"; "April 2019 137 patients" is kept
                continue
            sent = _sentence(m.span)
            kind = m.rule.get("kind") or self._kind(m.span, sent, cues, cue_starts)
            role = m.rule.get("role")
            if m in bracketed and per_sentence[sent.start_char] > 1:
                role = "group"
            if EACH_GROUP.match(text, m.span.end_char):  # "N = 381 for each group"
                role = "group"
            if FORMS_GROUP.match(text, m.span.end_char, sent.end_char):  # "75 patients ... made up the control"
                role = "group"
            if _staff(text, m):  # "by two trained nurses", "3 physicians performed the procedures"
                role = "staff"
            if _per_item(text, sent, m.span):  # "three cohorts, each with more than 4,000 subjects"
                role = "group"
            if LISTED_BEFORE.search(text, max(0, m.span.start_char - 16), m.span.start_char):
                role = "group"  # "78 and 78 patients": the numbers listed share the noun, one per group
            if _listed_fraction(text, sent, m.span):  # "128 of 184 A-treated, ... and 108 of 184 B-treated patients"
                role = "group"
            if SCREENED_AFTER.match(text, m.span.end_char):  # "from a total of 166 patients who were screened"
                kind = "screened"
            if kind == "screened" or any(c.label == "screened" and _within(c.span, m.span) for c in cues):
                kind, role = None, "screened"
            if unit in STUDY_UNITS:
                studies_at.append((sent.start_char, sent.end_char))
            elif (sent.start_char, sent.end_char) in studies_at:
                role = role or "pooled"  # "48 trials with 6674 participants": the people of other studies
            counts.append(Count(m, sent, value, unit, kind, role))
        _lone_n(counts, text)
        _parallel(counts, text)
        _totals(counts)
        _flow(counts)
        for c in counts:  # "451 were allocated to the decision aid": one arm's (not "to A or B", "to two groups")
            if (
                c.match.label == "assigned"
                and c.role is None
                and not ALL_ARMS_AFTER.match(text, c.match.span.end_char, c.sent.end_char)
            ):
                c.role = "group"
        for c in counts:
            attrs = {k: v for k, v in (("kind", c.kind), ("role", c.role)) if v}
            self.emit(doc, spans.SAMPLE_SIZE, c.match.span, c.unit, c.value, c.match.rule["confidence"], **attrs)

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


@dataclass
class Count:
    match: Match
    sent: Span
    value: int
    unit: str
    kind: str | None
    role: str | None

    @property
    def kind_of_unit(self) -> str:
        return "people" if self.unit in ("participants", "patients") else self.unit


def _by_sentence(counts: list[Count]) -> dict[int, list[Count]]:
    out: dict[int, list[Count]] = defaultdict(list)
    for c in counts:
        if c.unit not in STUDY_UNITS and c.role != "screened":
            out[c.sent.start_char].append(c)
    return out


def _totals(counts: list[Count]) -> None:
    """A count that is the sum of consecutive counts of one sentence ("402 people" ... "202 were allocated to A
    and 200 to B") is their total: they are its groups, and it is as much enrolled as they are."""
    for run in _by_sentence(counts).values():
        for i in range(len(run)):
            for j in range(i + 2, min(len(run), i + 4) + 1):
                parts = run[i:j]
                total = sum(p.value for p in parts)
                whole = [
                    c for c in counts if c.value == total and c not in parts and c.kind_of_unit == parts[0].kind_of_unit
                ]
                if total < MIN_TOTAL or not whole or any(p.kind_of_unit != parts[0].kind_of_unit for p in parts):
                    continue
                best = max((p.kind for p in parts), key=lambda k: KIND_RANK.get(k, 0))
                for c in whole:
                    if KIND_RANK.get(c.kind, 0) < KIND_RANK.get(best, 0):
                        c.kind = best
                    if c.sent == parts[0].sent:  # "(n = 138) were allocated to A (n = 69) or B (n = 69)"
                        c.role = None
                for p in parts:
                    p.role = p.role or "group"


def _parallel(counts: list[Count], text: str) -> None:
    """Counts side by side in one sentence ("30 patients who had A and 30 patients who had B", "549 participants in
    Laos and 613 on Pemba") are per-group counts, unless one says it is the total or they are steps of one flow
    (different kinds: "120 were randomized and 100 completed"; "Of the 120 ..., 100 ...")."""
    for run in _by_sentence(counts).values():
        # a count in brackets beside one outside them describes part of it: "120 patients (60 women)"
        outside = [c for c in run if c.role is None and not _in_brackets(text, c.sent, c.match.span)]
        run = outside if outside else run
        side = [
            c
            for c in run
            if c.role is None
            and c.match.label not in TOTAL_LABELS
            and not SUBSET_OF.search(text[c.sent.start_char : c.match.span.start_char])
        ]
        if len(side) < 2 or len(side) < len([c for c in run if c.role is None]):
            continue
        if len({c.kind for c in side if c.kind}) > 1 or len({c.kind_of_unit for c in side}) > 1:
            continue
        for c in side:
            c.role = "group"


WORD_BEFORE = re.compile(r"\b([A-Za-z]+)(\.?)[ \t]+$")
RANGE_BEFORE = re.compile(r"([\w.,]+)\s+(?:to|through)\s+$", re.IGNORECASE)
DECIMAL = re.compile(r"\d\.\d")
YEAR_PAIR_BEFORE = re.compile(r"(?<!\d)(?:19|20)\d\d\s+and\s+$")  # "between 2000 and 2007 were randomized"
LISTED_BEFORE = re.compile(  # "78 and 78 patients", "2589 versus 2576 children"; not a year: "in 2015 and 40 patients"
    r"(?<![\d.,])(?!(?:19|20)\d\d\b)\d+\s+(?:and|or|versus|vs\.?)\s+$", re.IGNORECASE
)
FRACTION = re.compile(r"(?<![\w.,])\d[\d,]*\s+of\s+(?:the\s+)?(?=\d)")  # "108 of 184 patients": a part of a whole
RATIO_BEFORE = re.compile(  # "one in three women", "1 in 5 adults", "out of every 100 patients"
    r"(?:(?<![\w.,/-])(?:one|1)\s+in\s+|\b(?:in|of)\s+every\s+)$", re.IGNORECASE
)


EACH_WITH_BEFORE = re.compile(  # "three cohorts, each with more than 4,000 subjects": the size of each of several
    r"\b(?:each|every)\s+(?:with|having|including|comprising|containing|enrolling|recruiting)\s+"
    r"(?:(?:more|fewer|less)\s+than\s+|over\s+|about\s+|approximately\s+|around\s+|up\s+to\s+|at\s+least\s+)?$",
    re.IGNORECASE,
)
EACH_SENTENCE = re.compile(r"\s*(?:each|every)\b(?!\s+of\s+(?:the\s+|these\s+|those\s+|all\s+)?$)", re.IGNORECASE)
EACH_AFTER = re.compile(r"\s+each\s*(?:[.,;:)\]]|$)", re.IGNORECASE)  # "two groups comprising 30 patients each."


def _staff(text: str, m: Match) -> bool:
    """Whether a count of staff ("two research nurses", "3 physicians") counts those who deliver or assess the
    intervention: "assessed by two blinded physicians", "Three surgeons performed all operations"."""
    noun = m.rule["groups"].get("unit")
    if not noun or not " ".join(noun.lower().split()).endswith(staff_nouns()):
        return False
    return (
        BY_BEFORE.search(text, max(0, m.span.start_char - 16), m.span.start_char) is not None
        or STAFF_VERB_AFTER.match(text, m.span.end_char) is not None
    )


def _per_item(text: str, sent: Span, span: Span) -> bool:
    """Whether a count is the size of each of several things: "cohorts, each with more than 4,000 subjects", "Each
    of 10 services was invited to recruit 10 patients" (a sentence about each one), "groups of 30 patients each."
    ("Each of the 40 patients" counts them all)."""
    if EACH_WITH_BEFORE.search(text, max(sent.start_char, span.start_char - 40), span.start_char):
        return True
    if EACH_AFTER.match(text, span.end_char):
        return True
    return EACH_SENTENCE.match(text[sent.start_char : span.start_char]) is not None


def _labelled(text: str, start: int) -> bool:
    """Whether the number at ``start`` is a label's ("Phase one", "Fig. 1"): the label word on the same line, and a
    full stop after it only as an abbreviation's before digits ("...in the control group. Forty patients" starts a
    sentence with a count)."""
    found = WORD_BEFORE.search(text, max(0, start - 20), start)
    if found is None or found.group(1).lower() not in count_labels():
        return False
    return not found.group(2) or text[start : start + 1].isdigit()


BY_BEFORE = re.compile(r"\bby\s+(?:one\s+of\s+)?(?:the\s+)?$", re.IGNORECASE)
STAFF_VERB_AFTER = re.compile(
    r"\s+(?:(?:who|each|also|then|independently|blindly)\s+)?(?:delivered|administered|performed|conducted|provided|"
    r"assessed|rated|scored|evaluated|collected|interviewed|facilitated|supervised|measured|examined|operated|"
    r"carried\s+out|read)\b",
    re.IGNORECASE,
)
ALL_ARMS_AFTER = re.compile(
    r"[^.;]{0,80}?(?:\bor\b|\beither\b|\bgroups\b|\barms\b|\bconditions\b|\b(?:two|three|four|five|2|3|4|5)\b|\bvs\.?|"
    r"\bversus\b|\bratio\b|:)",
    re.IGNORECASE,
)
ELIGIBLE = re.compile(r"\beligible\b", re.IGNORECASE)
FORMS_GROUP = re.compile(  # "Seventy-five patients failing ART comprised the TDF group", "... made up the control"
    r"[^.;]{0,100}?\b(?:comprised|formed|made\s+up|constituted)\s+the\s+"
    r"(?:(?!(?:study|trial|whole|entire|total|overall)\b)[\w+/()-]+\s+){0,3}?(?:group|arm|control|controls)\b",
    re.IGNORECASE,
)
SCREENED_AFTER = re.compile(
    r",?\s*(?:who|that)\s+(?:were|had\s+been)\s+(?:initially\s+|first\s+|originally\s+)?"
    r"(?:screened|assessed\s+for\s+eligibility|approached|invited)\b",
    re.IGNORECASE,
)
YEAR_RUN_BEFORE = re.compile(r"(?<![\d.,])(?:19|20)\d\d\s$")


def _listed_fraction(text: str, sent: Span, span: Span) -> bool:
    """Whether a count is the whole of a fraction listed with others in its sentence: "128 of 184 belatacept
    MI-treated, 138 of 175 LI-treated and 108 of 184 cyclosporine-treated patients contributed data" (each whole is
    one group's)."""
    fractions = list(FRACTION.finditer(text, sent.start_char, span.start_char + 1))
    return len(fractions) > 1 and fractions[-1].end() == span.start_char


def _after_bare_number(text: str, start: int) -> bool:
    """Whether the count at ``start`` follows another number with only a space between, but for a year by its lead
    ("From October 2016 to April 2019 137 patients were randomized": a date run into the count)."""
    found = YEAR_RUN_BEFORE.search(text, max(0, start - 5), start)
    return found is not None and not _year(text, found.start())


def _year(text: str, start: int) -> bool:
    """Whether the number at ``start`` is a year by the words before it: "in 2010", "January 2015", "between 2000
    and 2007"."""
    found = WORD_BEFORE.search(text, max(0, start - 20), start)
    return (
        found is not None
        and found.group(1).lower() in year_leads()
        or YEAR_PAIR_BEFORE.search(text, max(0, start - 12), start) is not None
    )


def _counts_things(text: str, m: Match) -> bool:
    """Whether a count that names no people counts things: "a total of 762 courses" (a noun of people after it
    would have been its unit)."""
    if m.rule["groups"].get("unit"):
        return False
    number = text.rfind(m.rule["groups"]["n"], m.span.start_char, m.span.end_char)
    return number >= 0 and things_after().match(text, number + len(m.rule["groups"]["n"])) is not None


def _range_end(text: str, start: int) -> bool:
    found = RANGE_BEFORE.search(text, max(0, start - 30), start)
    return found is not None and parse_int(found.group(1)) is not None


ARM_WORDS = re.compile(
    r"\b(?:groups?|arms?|placebo|control|controls|intervention|treated|vs|versus|compared|or)\b", re.IGNORECASE
)


# "63% (n = 373) female", "17% of pregnant women (n = 5919)": a share of the sample, or the subgroup it is of
SHARE_BEFORE = re.compile(r"%\s*(?:of\s+(?:the\s+|all\s+)?(?:[\w-]+\s+){0,4}?[\w-]+\s*)?[(\[]\s*$")


def _lone_n(counts: list[Count], text: str) -> None:
    """ "Participants were patients with hepatitis C (n = 120) ...": the only count of a sentence that names no
    group is the sample, even in a lower-case "n"."""
    for run in _by_sentence(counts).values():
        if len(run) == 1 and run[0].match.label == "n" and run[0].role == "group":
            c = run[0]
            subgroup = SHARE_BEFORE.search(
                text, max(c.sent.start_char, c.match.span.start_char - 60), c.match.span.start_char
            )
            if subgroup is None and not ARM_WORDS.search(text, c.sent.start_char, c.sent.end_char):
                c.role = None


def _flow(counts: list[Count]) -> None:
    """ "Of 300 patients enrolled, 250 were randomized": the randomised number is the sample; the larger enrolled
    count of its sentence is a step before it, as is a larger count of eligible people ("Out of 178 eligible
    patients, 55 participated")."""
    for run in _by_sentence(counts).values():
        randomized = [c.value for c in run if c.kind == "randomized" and c.role is None]
        taken = [c.value for c in run if c.kind in ("enrolled", "randomized") and c.role is None]
        for c in run:
            if c.role is not None:
                continue
            enrolled_before = c.kind == "enrolled" and any(v < c.value for v in randomized)
            # "Out of 178 eligible patients ..., 55 participated": the eligible are a step before the sample
            eligible_before = ELIGIBLE.search(c.match.span.text) is not None and any(v < c.value for v in taken)
            if enrolled_before or eligible_before:
                c.role = "screened"


def _in_brackets(text: str, sent: Span, span: Span) -> bool:
    """Whether ``span`` sits inside an open bracket of its sentence: "placebo (n = 15)", "(..., n = 93)"."""
    before = text[sent.start_char : span.start_char]
    return max(before.rfind("("), before.rfind("[")) > max(before.rfind(")"), before.rfind("]"))
