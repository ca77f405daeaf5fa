"""Record assembly: the span groups of a Doc → one StudyRecord per study the article describes.

1. **Mode.** An article that reports its own study (a ``self`` span: "we randomized", "the present study", an
   abstract's METHODS heading; or a study mention in its title, the first paragraph: "...: A Randomized Controlled
   Trial") or that has fewer than two study mentions describes ONE study: every span belongs to
   it (numbered studies, "study 1" / "study 2", are the exception: one record each, the text outside them shared).
   Otherwise (a review, a news page about several studies) each study mention opens a record.
2. **Contexts.** Sentence by sentence: a mention opens its study's context, which runs to the next mention or the
   end of the paragraph; a sentence with anaphora ("In this trial", "Both trials", "The patient") belongs to the
   study it refers to (the latest one of the right kind); other sentences continue the open context; text before
   any mention or after a paragraph closed one belongs to no record. Two mentions in one sentence split it at the
   second when a semicolon sets them apart ("a case report of X; a case report of Y"); otherwise they are one
   study ("Zhang et al. ran a trial", "The Cochrane review included 3 RCTs").
3. **Fields.** Each span goes to the context holding its start; each field is taken from its context's spans
   (see the ``_design``, ``_sample_size``, ``_species`` ... helpers for the rules), with the span as evidence.
   A context yields a record only when it has a design (stated, or an animal study from its species), or when the
   article reports it as its own study ("we studied", a METHODS heading): then its design is null, not guessed.

Rules that read more than one span, stated here so they are not mistaken for guesses:

- a crossover design in a trial's context makes it a ``crossover_trial``; "placebo-controlled"/"control group"
  without any statement of randomization is a ``non_randomized_trial``, with one an RCT; an RCT is randomized;
- a context whose species is not human and that has no stated design is an ``animal_study``; an animal-study
  phrase ("in animal models") where no animal is named is background, not the design;
- a design phrase scores its confidence, more in a sentence where the article speaks of its own study, in the
  title or inside a study mention, less in a sentence that calls for studies or past a full text's abstract (the
  first 3,000 characters): the best one is the design;
- the blinding is the most blinded statement of the context (triple, double, single, assessor, open-label);
- a single case ("a case report of ...", "the case of ...") is one patient and human: the design states it;
- the sample size is the largest count of people (else animals, else trials/studies) said to be randomized, else
  enrolled (those recruited before a run-in or a check of the criteria are a step before the randomized), else the
  largest stated without a kind (or analysed), else the planned one (first when the article's first count is
  planned: a protocol), counts in the first 3,000 characters (an abstract) before later ones; never a count of one
  group, of people screened, or (but in reviews) of other studies;
- the follow-up is the longest stated follow-up (the abstract's before a full text body's), else the last assessment
  time point (in crossover trials too: their last time point ends the last period).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Span

from extractor import spans
from extractor.components.design import duration_days
from extractor.components.interventions import in_design_phrase
from extractor.components.outcomes import outcome_key, same_outcome
from extractor.components.rules import doc_text
from extractor.components.salience import Salience
from extractor.lexicons import read_tsv
from extractor.models import (
    AdverseEvent,
    Comparator,
    Condition,
    ConflictsOfInterest,
    DesignField,
    Dose,
    Evidence,
    Intervention,
    Outcome,
    SampleSize,
    StudyRecord,
)

OPENERS = ("design", "author", "case", "numbered")
TRIALS = ("randomized_controlled_trial", "crossover_trial", "non_randomized_trial")
CASES = ("case_report", "case_series")
LEAD_CHARS = 3000  # a full text's abstract: its counts describe the study; later ones often other studies or subsets
FULL_TEXT_CHARS = 2 * LEAD_CHARS  # longer than an abstract: a full text, whose abstract opens it
REVIEWS = ("systematic_review", "meta_analysis", "narrative_review")
BLINDING_ORDER = ("triple_blind", "double_blind", "single_blind", "assessor_blind", "open_label")
WEAK_DESIGN = 0.5  # design spans below this confidence only say "a controlled comparison"
MIN_DESIGN_SCORE = 0.1  # below this (a weak design in a sentence that calls for studies) a design span is ignored
MIN_DIRECTED = 2  # directed outcomes that make a study's merely named ones incidental
MAX_OUTCOMES = 7  # outcomes per record, as a systematic reviewer's evidence table lists them
PEOPLE = ("participants", "patients")
UNIT_ORDER = (PEOPLE, ("animals",), ("trials", "studies"))
ENTITY_GROUPS = (
    spans.DESIGN,
    spans.RANDOMIZED,
    spans.BLINDING,
    spans.ALLOCATION,
    spans.SPECIES,
    spans.SAMPLE_SIZE,
    spans.INTERVENTION,
    spans.COMPARATOR,
    spans.CONDITION,
    spans.OUTCOME,
    spans.ADVERSE_EVENT,
    spans.FOLLOW_UP,
    spans.EVIDENCE_LEVEL,
)
_PARAGRAPH = re.compile(r"\n[ \t\r\f\v]*\n")


@dataclass
class Context:
    mention: Span | None = None
    plural: bool = False
    number: str | None = None
    hint: str | None = None
    author: Span | None = None
    own: bool = False  # the article reports this study as its own: a record even when no design is named
    spans: dict[str, list[Span]] = field(default_factory=dict)

    @property
    def kind(self) -> str | None:
        return self.mention.label_ if self.mention is not None else None

    def add(self, group: str, span: Span) -> None:
        self.spans.setdefault(group, []).append(span)

    def get(self, group: str) -> list[Span]:
        return self.spans.get(group, [])


def evidence(span: Span) -> Evidence:
    """The span as Evidence, trimmed of surrounding white space."""
    text = span.text
    lead, trail = len(text) - len(text.lstrip()), len(text) - len(text.rstrip())
    start, end = span.start_char + lead, max(span.start_char + lead, span.end_char - trail)
    return Evidence(start=start, end=end, text=text[lead : len(text) - trail] if end > start else "")


def _confidence(span: Span, default: float = 0.5) -> float:
    value = span._.confidence
    return round(min(1.0, max(0.0, float(value if value is not None else default))), 3)


def _group(doc: Doc, key: str) -> list[Span]:
    return sorted(doc.spans[key], key=lambda s: s.start_char) if key in doc.spans else []


# --- conflicts of interest ----------------------------------------------------------------------------------------


def article_coi(doc: Doc) -> ConflictsOfInterest:
    """declared if any statement declares an interest; none_declared if all say none; else not_reported."""
    statements = _group(doc, spans.COI)
    if not statements:
        return ConflictsOfInterest()
    status = "declared" if any(s.label_ == "declared" for s in statements) else "none_declared"
    names: list[str] = []
    for s in statements:
        names.extend(n for n in (s._.value or []) if n not in names)
    return ConflictsOfInterest(status=status, statements=[evidence(s) for s in statements], names=names)


# --- segmentation -------------------------------------------------------------------------------------------------


def _sentences(doc: Doc) -> list[tuple[int, int]]:
    """Sentence character bounds, never crossing a paragraph break."""
    if doc.has_annotation("SENT_START"):
        bounds = [(s.start_char, s.end_char) for s in doc.sents]
    else:
        bounds = [(0, len(doc_text(doc)))]
    breaks = [m.end() for m in _PARAGRAPH.finditer(doc_text(doc))]
    out: list[tuple[int, int]] = []
    for start, end in bounds:
        cuts = [b for b in breaks if start < b < end]
        for cut in cuts:
            out.append((start, cut))
            start = cut
        out.append((start, end))
    return out


def _paragraph_of(doc: Doc) -> list[int]:
    return [m.end() for m in _PARAGRAPH.finditer(doc_text(doc))]


def _merge_openers(doc: Doc, openers: list[Span], sentences: list[tuple[int, int]]) -> list[Span]:
    """Mentions in one sentence, not set apart by a semicolon, name one study ("Zhang et al. ran a trial", "The
    Cochrane review included 3 RCTs"): keep the first, with the design hint of either. Numbered studies stay
    apart ("in study 1, ... while in study 2, ...")."""
    kept: list[Span] = []
    starts = [s for s, _ in sentences]
    for m in openers:
        if kept:
            prev = kept[-1]
            same_sentence = bisect_right(starts, prev.start_char) == bisect_right(starts, m.start_char)
            apart = ";" in doc_text(doc)[prev.end_char : m.start_char] or "numbered" in (prev.label_, m.label_)
            if same_sentence and not apart:
                if prev._.value is None and m._.value is not None:
                    prev._.value = m._.value
                continue
        kept.append(m)
    return kept


def _resolve(anaphor: Span, contexts: list[Context]) -> Context | None:
    """The latest context an anaphor can refer to: plural to plural mentions, "the patient" to cases."""
    kind = anaphor.label_
    for ctx in reversed(contexts):
        if ctx.mention is None or ctx.mention.start_char > anaphor.start_char:
            continue
        if kind == "anaphora_plural" and ctx.plural:
            return ctx
        if kind == "anaphora_case" and (ctx.hint in CASES or ctx.kind == "case"):
            return ctx
        if kind == "anaphora_singular" and not ctx.plural:
            return ctx
    return None


def segment(doc: Doc) -> tuple[list[Context], list[tuple[int, int, Context | None]]]:
    """The study contexts of the text and its pieces ``(start, end, context)``; ``None``: shared by all."""
    studies = _group(doc, spans.STUDY)
    sentences = _sentences(doc)
    openers = _merge_openers(doc, [s for s in studies if s.label_ in OPENERS], sentences)
    numbered = {s._.attrs["number"] for s in openers if s.label_ == "numbered" and s._.attrs}
    breaks = _paragraph_of(doc)
    title_end = breaks[0] if breaks else 0
    # the article's own study: it says so ("we randomized"), or its title names a study ("...: A Randomized Trial")
    self_report = any(s.label_ == "self" for s in studies) or any(m.start_char < title_end for m in openers)
    if len(numbered) >= 2:
        openers = [s for s in openers if s.label_ == "numbered"]
    elif self_report or len(openers) < 2:
        ctx = Context(mention=openers[0] if openers else None, own=self_report)
        if ctx.mention is not None and not self_report:
            ctx.hint = ctx.mention._.value
            ctx.plural = bool((ctx.mention._.attrs or {}).get("plural"))
        return [ctx], [(0, len(doc_text(doc)), ctx)]
    anaphora = [s for s in studies if s.label_.startswith("anaphora_")]
    contexts: list[Context] = []
    by_number: dict[str, Context] = {}
    pieces: list[tuple[int, int, Context | None]] = []
    paragraph_starts = set(breaks)
    current: Context | None = None
    for start, end in sentences:
        if start in paragraph_starts:
            current = None
        here = [m for m in openers if start <= m.start_char < end]
        if here:
            cut = start
            for i, m in enumerate(here):
                ctx = _context_for(m, contexts, by_number)
                piece_end = here[i + 1].start_char if i + 1 < len(here) else end
                pieces.append((cut, piece_end, ctx))
                cut = piece_end
                current = ctx
            continue
        refs = [a for a in anaphora if start <= a.start_char < end]
        target = _resolve(refs[0], contexts) if refs else None
        if target is not None:
            current = target
        pieces.append((start, end, current if current is not None else (None if numbered else _NOWHERE)))
    return contexts, [(s, e, c) for s, e, c in pieces if c is not _NOWHERE]


_NOWHERE = Context()  # text in no record (before any mention, after a paragraph closed one)


def _context_for(mention: Span, contexts: list[Context], by_number: dict[str, Context]) -> Context:
    attrs = mention._.attrs or {}
    number = attrs.get("number")
    if number is not None and number in by_number:
        return by_number[number]
    ctx = Context(mention=mention, plural=bool(attrs.get("plural")), number=number, hint=mention._.value)
    if mention.label_ == "author":
        ctx.author = mention
    contexts.append(ctx)
    if number is not None:
        by_number[number] = ctx
    return ctx


def _distribute(doc: Doc, contexts: list[Context], pieces: list[tuple[int, int, Context | None]]) -> None:
    starts = [p[0] for p in pieces]
    for group in ENTITY_GROUPS:
        for span in _group(doc, group):
            i = bisect_right(starts, span.start_char) - 1
            if i < 0 or span.start_char >= pieces[i][1]:
                continue
            ctx = pieces[i][2]
            for target in contexts if ctx is None else [ctx]:
                target.add(group, span)


# --- fields -------------------------------------------------------------------------------------------------------


@dataclass
class Signals:
    """Sentences that call for studies ("further trials are needed"), sentences where the article speaks of its
    own study ("In this pooled analysis we ..."), and where the title (the first paragraph) ends."""

    hedged: list[tuple[int, int]]
    own: list[tuple[int, int]]
    title_end: int
    mentions: list[tuple[int, int]]
    lead_end: int = 0  # an abstract without headings: its opening sentences, before the study, are background

    @classmethod
    def of(cls, doc: Doc, single: bool = False) -> Signals:
        studies = _group(doc, spans.STUDY)
        sents = doc.has_annotation("SENT_START")

        def sentences(label: str) -> list[tuple[int, int]]:
            return [(s.sent.start_char, s.sent.end_char) for s in studies if s.label_ == label] if sents else []

        breaks = _paragraph_of(doc)
        mentions = [(s.start_char, s.end_char) for s in studies if s.label_ in OPENERS]
        title_end = breaks[0] if breaks else 0
        own = sentences("self")
        lead_end = 0
        if single and not Salience.of(doc).sections:  # one study, in an abstract without headings
            about = [s for s in studies if s.label_ == "self"] + _group(doc, spans.SAMPLE_SIZE)
            lead_end = min((max(s.sent.start_char, title_end) for s in about if s.start_char >= title_end), default=0)
        return cls(sentences("hedge"), own, title_end, mentions, lead_end)

    def in_lead(self, span: Span) -> bool:
        """In the background an abstract without headings opens with: after the title, before the first sentence
        that speaks of the study itself ("We conducted ...", "38 patients were randomized")."""
        return self.title_end <= span.start_char < self.lead_end

    def own_at(self, span: Span) -> bool:
        """In a sentence where the article speaks of its own study."""
        return any(a <= span.start_char < b for a, b in self.own)

    def score(self, span: Span) -> float:
        """A design span's confidence, raised where the article names its own study or in the title, lowered
        where it calls for studies."""
        score = _confidence(span)
        if self.own_at(span):
            score += 0.2
        if span.start_char < self.title_end:
            score += 0.1
        if any(a <= span.start_char < b for a, b in self.mentions):  # "a randomized study of ...": introduces one
            score += 0.15
        if span.start_char >= LEAD_CHARS:  # a full text's body: often other studies, its own design is in the abstract
            score -= 0.2
        if any(a <= span.start_char < b for a, b in self.hedged):
            score -= 0.5
        return score


def _design(ctx: Context, signals: Signals) -> tuple[str, Span | None, float] | None:
    animals = any(s.label_ != "human" for s in ctx.get(spans.SPECIES))
    candidates = [
        s
        for s in ctx.get(spans.DESIGN)
        if signals.score(s) > MIN_DESIGN_SCORE and (animals or s.label_ != "animal_study")
    ]
    chosen: tuple[str, Span | None, float] | None = None
    if ctx.hint:
        inside = [s for s in candidates if ctx.mention is not None and s.start_char >= ctx.mention.start_char]
        span = next((s for s in inside if s.label_ == ctx.hint), ctx.mention)
        chosen = (str(ctx.hint), span, _confidence(span) if span is not None else 0.7)
    elif candidates:
        best = max(candidates, key=lambda s: (signals.score(s), -s.start_char))
        chosen = (best.label_, best, _confidence(best))
    if chosen is None or chosen[0] in TRIALS:
        # in a full text's body, a crossover trial the study does not call its own is another study's
        crossover = next(
            (
                s
                for s in candidates
                if s.label_ == "crossover_trial" and (s.start_char < LEAD_CHARS or signals.own_at(s))
            ),
            None,
        )
        if crossover is not None:
            return "crossover_trial", crossover, _confidence(crossover)
    if chosen is not None and chosen[0] == "non_randomized_trial" and chosen[2] < WEAK_DESIGN:
        randomized = next((s for s in ctx.get(spans.RANDOMIZED) if s._.value is True), None)
        if randomized is not None:
            return "randomized_controlled_trial", randomized, _confidence(randomized)
    if chosen is None or chosen[0] in TRIALS:  # a trial in animals ("a randomized study in 48 cats") is an animal study
        animal = next((s for s in ctx.get(spans.SPECIES) if s.label_ != "human"), None)
        if animal is not None and _species(ctx, None) not in (None, "human"):
            return "animal_study", animal, 0.6 if chosen is None else chosen[2]
    return chosen


def _randomized(ctx: Context, design: str | None) -> bool | None:
    if design == "randomized_controlled_trial":
        return True
    if design in REVIEWS or design in CASES or design == "guideline":
        return None
    values = [s._.value for s in ctx.get(spans.RANDOMIZED)]
    if False in values:
        return False
    return True if True in values else None


def _species(ctx: Context, design: str | None) -> str | None:
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for s in ctx.get(spans.SPECIES):
        counts[s.label_] = counts.get(s.label_, 0) + 1
        first.setdefault(s.label_, s.start_char)
    animals = [label for label in counts if label != "human"]
    if animals:
        top = min(animals, key=lambda label: (-counts[label], first[label]))
        if sum(counts[a] for a in animals) >= counts.get("human", 0) or design == "animal_study":
            return top
    if "human" in counts:
        return "human"
    return "human" if design in CASES else None


def _single_case(ctx: Context, design: str | None) -> bool:
    """ "a case report of ...", "the case of ...": one patient, stated by the design itself."""
    if design != "case_report" or ctx.mention is None or ctx.plural:
        return False
    return ctx.mention.text.split()[0].lower() in ("a", "an", "the", "one", "this")


def _sample_size(ctx: Context, design: str | None) -> SampleSize | None:
    counts = [s for s in ctx.get(spans.SAMPLE_SIZE) if isinstance(s._.value, int)]
    review = design in REVIEWS

    def usable(s: Span) -> bool:
        role = (s._.attrs or {}).get("role")
        # a count of trials sizes a review or a mention of several trials, not one study ("running two studies")
        if s.label_ in ("trials", "studies") and not (review or ctx.plural):
            return False
        return role is None or (role == "pooled" and review)

    def kind(s: Span) -> str | None:
        return (s._.attrs or {}).get("kind")

    stated = [s for s in counts if usable(s)]
    # a full text's background section counts other studies or the population ("350,000 women die each year");
    # an abstract's background may state the study's own ("we randomised 56 patients")
    stated = [s for s in stated if not Salience.of(s.doc).in_body_background(s)]
    lead = [s for s in stated if s.start_char < LEAD_CHARS]
    stated = lead or stated
    pools = [
        [s for s in stated if kind(s) == "randomized"],
        [s for s in stated if kind(s) == "enrolled"],
        [s for s in stated if kind(s) in (None, "analysed")],
        [s for s in stated if kind(s) == "planned"],
    ]
    first_kind = next((kind(s) for s in stated if kind(s)), None)
    if first_kind == "planned":  # a protocol: the planned size is the study's size
        pools.insert(0, pools.pop())
    for pool in pools:
        for units in UNIT_ORDER:
            found = [s for s in pool if s.label_ in units]
            if found:
                best = max(found, key=lambda s: (s._.value, -s.start_char))
                return SampleSize(
                    value=best._.value,
                    unit=best.label_,
                    kind="enrolled" if kind(best) == "randomized" else kind(best),
                    evidence=evidence(best),
                    confidence=_confidence(best),
                )
    if _single_case(ctx, design) and ctx.mention is not None:
        return SampleSize(value=1, unit="patients", evidence=evidence(ctx.mention), confidence=0.8)
    return None


def _first_value(ctx: Context, group: str, labels: Iterable[str] | None = None) -> Span | None:
    allowed = set(labels) if labels is not None else None
    return next((s for s in ctx.get(group) if allowed is None or s.label_ in allowed), None)


def _blinding(ctx: Context) -> Span | None:
    """The most blinded statement: a double-blind phase over its open-label run-in, blinded assessors over
    participants who "were not blinded"; the first of equals."""
    found = ctx.get(spans.BLINDING)
    return min(found, key=lambda s: BLINDING_ORDER.index(s.label_), default=None)


def _follow_up(ctx: Context, signals: Signals) -> Span | None:
    """The longest stated follow-up (a full text's abstract, its first 3,000 characters, before its body, which
    also reports other studies' follow-ups), else the last assessment time point ("at 3 and 6 months" → 6 months)
    outside the title and the background lead, of a day or more (hours and minutes time a measurement within one
    session). A crossover trial's last time point is its follow-up too: a time point of each period ("after 2
    weeks of each period") is not taken as one."""
    # a background section's follow-up is an earlier study's ("One year follow-up revealed ...")
    stated = [
        s for s in ctx.get(spans.FOLLOW_UP) if s.label_ == "follow_up" and not Salience.of(s.doc).in_background(s)
    ]
    times = [s for s in ctx.get(spans.FOLLOW_UP) if s.label_ == "timepoint" and not signals.in_lead(s)]
    stated = [s for s in stated if s.start_char < LEAD_CHARS] or stated
    for found, shortest in ((stated, 0.0), (times, 1.0)):
        days = {s: duration_days(str(s._.value)) for s in found}
        days = {s: d for s, d in days.items() if d > 0 and d >= shortest}
        longest = max(days.values(), default=0.0)
        # the first statement of the longest: "12 months" and a later "1 year" are one time (365 vs 365.25 days)
        chosen = next((s for s in days if days[s] >= longest * 0.98), None)
        if chosen is not None:
            return chosen
    return None


def _interventions(ctx: Context) -> list[Intervention]:
    """One item per intervention: the mentions of one name (normalised) merge into one, each fact (dose, route,
    duration, frequency) taken from the first mention that states it (a dose restated more specifically, "10 mg"
    then "10 mg/day", takes the specific form); the evidence is the mention carrying the dose, else the first.
    Two routes or two doses named in one sentence ("IV ketamine or intrathecal ketamine", "ramipril 5 mg/day,
    ramipril 1.25 mg/day", "IPE 4 g/day or 2 g/day") are two arms, two items."""
    arms: list[_Arm] = []
    for span in ctx.get(spans.INTERVENTION):
        attrs: dict[str, Any] = span._.attrs or {}
        dose = attrs.get("dose")
        item = Intervention(
            name=str(span._.value or span.text),
            dose=_dose(dose),
            route=attrs.get("route"),
            duration=attrs.get("duration"),
            frequency=attrs.get("frequency"),
            evidence=evidence(span),
            confidence=_confidence(span),
        )
        split = [item.model_copy(update={"dose": _dose(d)}) for d in attrs.get("arm_doses") or ()]
        for one in [item, *split]:
            _place(one, _sentence_start(span), span.start_char, arms)
    merged = _nested([arm.items for arm in arms])
    for i, one in enumerate(merged):  # an arm split off by its dose has the route its drug is given by
        routes = {m.route for m in merged if m.route is not None and _name_key(m.name) == _name_key(one.name)}
        if one.route is None and len(routes) == 1:
            merged[i] = one.model_copy(update={"route": routes.pop()})
    return merged


def _share_routes(records: list[StudyRecord]) -> None:
    """The studies or parts of one article's own work ("In part A, oral X ...; in part B, X ...") give a treatment
    the one route the article states for it where a part states none."""
    routes: dict[tuple[str, ...], set[Any]] = {}
    for item in (i for r in records for i in r.interventions if i.route is not None):
        routes.setdefault(_name_key(item.name), set()).add(item.route)
    for record in records:
        for i, item in enumerate(record.interventions):
            stated = routes.get(_name_key(item.name), set())
            if item.route is None and len(stated) == 1:
                record.interventions[i] = item.model_copy(update={"route": next(iter(stated))})


def _dose(dose: Any) -> Dose | None:
    return Dose(**{k: dose.get(k) for k in ("value", "unit", "max", "text")}) if isinstance(dose, dict) else None


@dataclass
class _Arm:
    """The mentions of one treatment arm, and where they state a route (sentence starts) and a dose."""

    items: list[Intervention]
    route_sentences: list[int] = field(default_factory=list)
    doses_at: list[tuple[int, int]] = field(default_factory=list)  # (character offset, sentence start)

    def add(self, item: Intervention, sentence: int, char: int) -> None:
        self.items.append(item)
        if item.route is not None:
            self.route_sentences.append(sentence)
        if item.dose is not None:
            self.doses_at.append((char, sentence))


def _place(item: Intervention, sentence: int, char: int, arms: list[_Arm]) -> None:
    """Into the arm of its name (the one with its very dose first), unless that arm states another route in the
    same sentence or another dose a few words away (another arm)."""
    key = _name_key(item.name)
    same = [arm for arm in arms if _name_key(arm.items[0].name) == key]
    if item.dose is not None:
        dose = item.dose
        same.sort(key=lambda arm: not any(c.dose and _same_amount(c.dose, dose) for c in arm.items))
    home = next((arm for arm in same if not _other_arm(item, arm, sentence, char)), None)
    if home is None:
        home = _Arm([])
        arms.append(home)
    home.add(item, sentence, char)


ARM_REACH = 60  # characters: "ramipril 5 mg/day (n = 133), ramipril 1.25 mg/day" lists arms; a tapered dose is further


def _other_arm(item: Intervention, arm: _Arm, sentence: int, char: int) -> bool:
    routes = {c.route for c in arm.items if c.route is not None}
    if item.route is not None and routes and item.route not in routes and sentence in arm.route_sentences:
        return True
    doses = [c.dose for c in arm.items if c.dose is not None]
    return (
        item.dose is not None
        and bool(doses)
        and not any(_same_amount(item.dose, d) for d in doses)
        and any(abs(char - other) <= ARM_REACH and sentence == at for other, at in arm.doses_at)
    )


def _same_amount(a: Dose, b: Dose) -> bool:
    """Equal values in one unit, or one restated with its rate ("10 mg" and "10 mg/day")."""
    return a.value == b.value and (
        a.unit == b.unit or (a.unit + "/").startswith(b.unit + "/") or (b.unit + "/").startswith(a.unit + "/")
    )


_FACTS = ("route", "duration", "frequency")


def _sentence_start(span: Span) -> int:
    return span.sent.start_char if span.doc.has_annotation("SENT_START") else 0


def _name_key(name: str) -> tuple[str, ...]:
    """A name compared as the scorer reads it: lower-case word tokens, a final plural "s" dropped."""
    # British spellings read as American ("behavioural" = "behavioral"): one treatment, not two
    name = re.sub(r"(?<=[a-z]{2})our", "or", name.lower())
    return tuple(re.sub(r"(?<=[a-z]{3})s$", "", w) for w in re.findall(r"\w+", name))


def _nested(clusters: list[list[Intervention]]) -> list[Intervention]:
    """One item per treatment: a name inside a longer one ("hypnosis" in "conversational hypnosis") is that
    treatment, the longer's mentions merged into it (unless the two state different doses: two arms);
    a name holding two others ("fimasartan/rosuvastatin" beside both) is the combination listed, left out."""
    keys = [_name_key(c[0].name) for c in clusters]
    kept = list(range(len(clusters)))
    for i in range(len(clusters)):
        inner = [j for j in kept if j != i and keys[j] != keys[i] and _contains(keys[i], keys[j])]
        if len(inner) >= 2:
            kept.remove(i)
    for j in sorted(kept, key=lambda j: len(keys[j])):
        if j not in kept:
            continue
        outer = [i for i in kept if i != j and keys[i] != keys[j] and _contains(keys[i], keys[j])]
        doses = {(m.dose.value, m.dose.unit) for k in [j, *outer] for m in clusters[k] if m.dose is not None}
        if len(outer) == 1 and len(doses) <= 1 and all(keys[k] != keys[j] for k in kept if k != j):
            clusters[j].extend(clusters[outer[0]])  # the short name: the longer form often holds a stray word
            kept.remove(outer[0])
    return [_merged(clusters[i]) for i in kept]


def _merged(mentions: list[Intervention]) -> Intervention:
    first = mentions[0]
    dosed = [m for m in mentions if m.dose is not None]
    carrier = dosed[0] if dosed else first
    dose = carrier.dose
    for m in dosed[1:]:  # the same amount restated with its rate ("10 mg" → "10 mg/day") is the specific form
        if (
            dose is not None
            and m.dose is not None
            and m.dose.value == dose.value
            and m.dose.unit.startswith(dose.unit + "/")
        ):
            dose = m.dose
    facts = {k: next((getattr(m, k) for m in mentions if getattr(m, k) is not None), None) for k in _FACTS}
    return Intervention(
        name=first.name,
        dose=dose,
        **facts,
        evidence=carrier.evidence,
        confidence=max(m.confidence for m in mentions),
    )


def _head_to_head(interventions: list[Intervention], ctx: Context) -> tuple[list[Intervention], list[Comparator]]:
    """The interventions and comparators of a record. Two different treatments and no control arm ("lansoprazole
    and pantoprazole", "tube surgery and trabeculectomy") compare the one named second against the first, as a
    reviewer's table puts it: the second is the comparator, unless only the first names a control ("control fermented
    milk"). Dose arms of one drug, and the parts of a combination named as one ("fimasartan/rosuvastatin"), stay
    interventions. A treatment named "control ..." ("control fermented milk", "control diet") is a control arm."""
    controls = [i for i in interventions if _name_key(i.name)[:1] == ("control",)]
    interventions = [i for i in interventions if i not in controls]
    comparators = _comparators(ctx, interventions)
    comparators += [Comparator(name=c.name, evidence=c.evidence, confidence=c.confidence) for c in controls]
    if comparators or len(interventions) != 2:
        return interventions, comparators
    first, second = interventions
    a, b = _name_key(first.name), _name_key(second.name)
    named = [_name_key(str(s._.value or s.text)) for s in ctx.get(spans.INTERVENTION)]
    combined = any(_contains(k, a) and _contains(k, b) for k in named)
    if _same(a, b) or combined:
        return interventions, comparators
    if _CONTROL_WORDS & set(a) and not _CONTROL_WORDS & set(b):
        first, second = second, first
    reference = Comparator(name=second.name, evidence=second.evidence, confidence=second.confidence)
    return [first], [reference]


_CONTROL_WORDS = frozenset(
    {"alone", "only", "monotherapy", "placebo", "sham", "no", "without", "standard", "usual", "control", "conventional"}
)


def _comparators(ctx: Context, interventions: list[Intervention]) -> list[Comparator]:
    """The comparators, without those that name one of the record's interventions (a drug is one or the other;
    "fentanyl alone" or "placebo" still names the comparison), nor a bare "control group" beside a named control
    ("placebo", "usual care", "waiting list": that names the arm)."""
    treated = [_name_key(i.name) for i in interventions]
    out = []
    for s in _unique(ctx.get(spans.COMPARATOR)):
        name = str(s._.value or s.text)
        key = _name_key(name)
        if key in treated or any(_same(key, t) for t in treated) and not _CONTROL_WORDS & set(key):
            continue  # "low-level laser therapy" beside the intervention "laser therapy"; "laser therapy alone" stays
        out.append(Comparator(name=name, evidence=evidence(s), confidence=_confidence(s)))
    generic, families = _comparator_words()
    if any(c.name.lower() not in generic for c in out):  # "placebo", "usual care" names the control arm
        out = [c for c in out if c.name.lower() not in generic]
    return _one_per_family(out, ctx.get(spans.COMPARATOR), families)


def _one_per_family(comparators: list[Comparator], mentions: list[Span], families: dict[str, str]) -> list[Comparator]:
    """Names of one kind of control ("placebo" and "sham"; "usual care" and "treatment as usual") are one arm said
    two ways: keep the one the text names most, not counting design adjectives ("placebo-controlled" says a
    placebo arm exists, not what it was: "saline was used as the control"), the first on a tie. A name joined to a
    treatment ("albendazole plus placebo") is its own arm."""

    def family(name: str) -> str | None:
        kinds = {families.get(w) for w in re.findall(r"\w+|\+", name.lower())} - {None}
        return kinds.pop() if len(kinds) == 1 and "join" not in kinds else None

    said: dict[tuple[str, ...], int] = {}
    for s in mentions:
        key = _name_key(str(s._.value or s.text))
        said[key] = said.get(key, 0) + (not in_design_phrase(s))

    def count(c: Comparator) -> int:
        return said.get(_name_key(c.name), 0)

    best: dict[str, Comparator] = {}
    for c in comparators:
        kind = family(c.name)
        if kind is not None and (kind not in best or count(c) > count(best[kind])):
            best[kind] = c
    return [c for c in comparators if (kind := family(c.name)) is None or best[kind] is c]


@lru_cache(maxsize=1)
def _comparator_words() -> tuple[frozenset[str], dict[str, str]]:
    """The generic names of a control arm, and the family of each word that makes a control name one of a kind
    ("placebo", "usual") or joins it to a treatment ("plus"), from ``co_treatment_joins.tsv``."""
    generic = frozenset(row[0].lower() for row in read_tsv("generic_comparators.tsv"))
    families = {row[0].lower(): row[1] for row in read_tsv("co_treatment_joins.tsv")}
    return generic, families


def _words(span: Span) -> tuple[str, ...]:
    return tuple(re.findall(r"\w+", str(span._.value or span.text).lower()))


def _contains(big: tuple[str, ...], small: tuple[str, ...]) -> bool:
    return any(big[i : i + len(small)] == small for i in range(len(big) - len(small) + 1))


def _same(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return _contains(a, b) or _contains(b, a)


def _unique(items: Iterable[Span], nested: bool = True) -> list[Span]:
    """One span per name; with ``nested``, a name inside a longer one ("PTSD" in "chronic PTSD") is the same thing,
    said shorter."""
    out: list[Span] = []
    for s in items:
        words = _words(s)
        if not words:
            continue
        same = next(
            (i for i, kept in enumerate(out) if _contains(_words(kept), words) or _contains(words, _words(kept))), None
        )
        if same is None:
            out.append(s)
        elif len(words) > len(_words(out[same])):
            out[same] = s
    return out


def _outcomes(ctx: Context, signals: Signals) -> list[Span]:
    """The study's outcomes: mentions naming one measure ("prescription of antipsychotics", "antipsychotic
    prescription rates") merge into the last that states a direction (a conclusion restates the finding), else the
    first. An outcome only named, with no direction, is dropped when a sentence declares the study's outcomes ("The
    primary outcome was X"; declared outcomes stay), or when the record has more outcomes than an evidence table
    holds and the study reports directed results for others: measured in passing or named in the background. Of
    more still, the best ranked are kept. In a full text, outcomes its abstract names stand for the record: the
    body adds those of its methods, subgroups and other studies."""
    kept: list[Span] = []
    keys: list[list[str]] = []
    abstract: set[int] = set()  # the outcomes (by index in kept) a mention in a full text's abstract names
    mentions = ctx.get(spans.OUTCOME)
    full_text = bool(mentions) and len(doc_text(mentions[0].doc)) > FULL_TEXT_CHARS
    for s in mentions:
        if signals.in_lead(s):
            continue
        key = outcome_key(str(s._.value or s.text))
        if not key:
            continue
        i = next((i for i, other in enumerate(keys) if _one_outcome(key, other)), len(kept))
        if i == len(kept):
            kept.append(s)
            keys.append(key)
        elif s.label_ != "reported" or (kept[i].label_ == "reported" and (s._.attrs or {}).get("declared")):
            kept[i], keys[i] = s, key
        if full_text and s.start_char < LEAD_CHARS:
            abstract.add(i)
    if abstract:  # a record from the body alone (a review's study, a text without abstract) keeps its own
        kept = [s for i, s in enumerate(kept) if i in abstract]
    directed = [s for s in kept if s.label_ != "reported"]
    declared = [s for s in kept if s.label_ == "reported" and (s._.attrs or {}).get("declared")]
    crowded = len(kept) > MAX_OUTCOMES  # with room for all, a result stated without a direction word is still one
    if (crowded and len(directed) >= MIN_DIRECTED) or declared:
        kept = [s for s in kept if s.label_ != "reported" or s in declared]
    if len(kept) > MAX_OUTCOMES:  # an evidence table lists the main ones: the best ranked, in text order
        best = set(sorted(kept, key=lambda s: -_confidence(s))[:MAX_OUTCOMES])
        kept = [s for s in kept if s in best]
    return kept


def _same_counted(a: list[str], b: list[str]) -> bool:
    """One thing counted two ways: the names are equal once the words of how it is counted are dropped ("number of
    inconclusive tests", "rate of inconclusive tests")."""
    measures = _measure_words()
    counted_a, counted_b = [w for w in a if w not in measures], [w for w in b if w not in measures]
    return bool(counted_a) and counted_a == counted_b


@lru_cache(maxsize=1)
def _measure_words() -> frozenset[str]:
    """From ``outcome_measure_words.tsv``, as comparison keys (``outcome_key``)."""
    return frozenset(w for row in read_tsv("outcome_measure_words.tsv") for w in outcome_key(row[0]))


def _one_outcome(a: list[str], b: list[str]) -> bool:
    return same_outcome(a, b) or _words_within(a, b) or _same_counted(a, b)


def _words_within(a: list[str], b: list[str]) -> bool:
    """All words of the shorter name, two or more, in the longer: "antipsychotic prescription(s)" and "prescription
    rates of antipsychotics" name one measure."""
    short, long = (set(a), set(b)) if len(set(a)) <= len(set(b)) else (set(b), set(a))
    return len(short) >= 2 and short <= long


def _conditions(ctx: Context, treatments: Sequence[str] = ()) -> list[Span]:
    """One span per condition: besides names inside longer ones ("PTSD" in "chronic PTSD"), names with the same head
    word that share another ("advanced prostate cancer", "early prostate cancer"; "unipolar major depression",
    "unipolar depression") are one condition qualified differently: the more confident (the studied population),
    else the first stated, stands for it."""
    treatment_words = [tuple(re.findall(r"\w+", name.lower())) for name in treatments]
    kept: list[Span] = []
    for s in _unique(ctx.get(spans.CONDITION)):
        words = _words(s)
        # a treatment's name, or its end said shorter: "gonioscopy" on healthy eyes, "gastric bypass" of "Roux-en-Y
        # gastric bypass" (one word is not enough: "lymphoma" of a "Manchester lymphoma" regimen stays)
        if any(words == t or len(words) > 1 and t[-len(words) :] == words for t in treatment_words):
            continue
        same = next((i for i, k in enumerate(kept) if _same_condition(_words(k), words)), None)
        if same is None:
            kept.append(s)
        elif _confidence(s) > _confidence(kept[same]):
            kept[same] = s
    return kept


def _same_condition(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if a[-1] == b[-1] and len(set(a) & set(b)) >= 2:
        return True
    # the same words in other forms: "gynecological laparoscopy", "laparoscopic gynecologic surgery"
    stems_a, stems_b = ({w[:STEM] for w in words} for words in (a, b))
    short, long = sorted((stems_a, stems_b), key=len)
    return len(short) >= 2 and short <= long


STEM = 5  # letters that identify a word across its forms ("laparoscopy", "laparoscopic")


_DESIGN_WORDS = {
    "randomized_controlled_trial": "randomized controlled trial",
    "crossover_trial": "crossover trial",
    "non_randomized_trial": "non-randomized trial",
}


def _label(ctx: Context, record: StudyRecord) -> str:
    parts = []
    if ctx.author is not None:
        parts.append(ctx.author.text)
    if ctx.number is not None:
        parts.append(f"study {ctx.number}")
    if record.design is not None:
        words = _DESIGN_WORDS.get(record.design.value, record.design.value.replace("_", " "))
        if record.allocation == "parallel" and record.design.value == "randomized_controlled_trial":
            words = "parallel-group trial"
        parts.append(words)
    if record.sample_size is not None:
        unit: str = record.sample_size.unit
        if record.sample_size.value == 1:
            unit = "study" if unit == "studies" else unit[:-1]
        parts.append(f"{record.sample_size.value} {unit}")
    if record.conditions:
        parts.append(record.conditions[0].value)
    if record.interventions:
        parts.append(record.interventions[0].name)
    return ", ".join(parts)[:120] or "study"


def build_record(ctx: Context, signals: Signals) -> StudyRecord | None:
    found = _design(ctx, signals)
    if found is None and not ctx.own:
        return None
    design_value, design_span, design_conf = found or (None, None, 0.5)
    trial_like = design_value in TRIALS
    blinding = _blinding(ctx) if trial_like else None
    allocation = _first_value(ctx, spans.ALLOCATION) if trial_like else None
    follow_up = _follow_up(ctx, signals)
    interventions, comparators = _head_to_head(_interventions(ctx), ctx)
    level = _first_value(ctx, spans.EVIDENCE_LEVEL)
    record = StudyRecord(
        id="r0",
        label="",
        design=DesignField(
            value=design_value,
            evidence=evidence(design_span) if design_span is not None else None,
            confidence=design_conf,
        )
        if design_value is not None
        else None,
        randomized=_randomized(ctx, design_value),
        blinding=blinding.label_ if blinding is not None else None,
        allocation=("crossover" if design_value == "crossover_trial" else (allocation.label_ if allocation else None)),
        species=_species(ctx, design_value),
        sample_size=_sample_size(ctx, design_value),
        conditions=[
            Condition(value=str(s._.value or s.text), evidence=evidence(s), confidence=_confidence(s))
            for s in _conditions(ctx, [i.name for i in interventions] + [c.name for c in comparators])
        ],
        interventions=interventions,
        comparators=comparators,
        outcomes=[
            Outcome(
                name=str(s._.value or s.text),
                direction=s.label_ if s.label_ in _DIRECTIONS else None,
                timepoint=(s._.attrs or {}).get("timepoint"),
                evidence=evidence(s),
                confidence=_confidence(s),
            )
            for s in _outcomes(ctx, signals)
        ],
        adverse_events=[
            AdverseEvent(name=str(s._.value or s.text), evidence=evidence(s), confidence=_confidence(s))
            for s in _unique(ctx.get(spans.ADVERSE_EVENT))
        ],
        follow_up=str(follow_up._.value) if follow_up is not None else None,
        evidence_level=str(level._.value) if level is not None else None,
        evidence=evidence(ctx.mention) if ctx.mention is not None else None,
        confidence=_confidence(ctx.mention) if ctx.mention is not None else design_conf,
    )
    record.label = _label(ctx, record)
    return record


_DIRECTIONS = ("improved", "worsened", "increased", "decreased", "no_difference", "reported")


def assemble(doc: Doc) -> tuple[list[StudyRecord], ConflictsOfInterest]:
    coi = article_coi(doc)
    contexts, pieces = segment(doc)
    _distribute(doc, contexts, pieces)
    signals = Signals.of(doc, single=len(contexts) == 1)
    built = [(ctx, r) for ctx in contexts if (r := build_record(ctx, signals)) is not None]
    records = [r for _, r in built]
    if len(built) > 1 and all(ctx.own or ctx.number for ctx, _ in built):  # parts of one article's study
        _share_routes(records)
    for i, record in enumerate(records, 1):
        record.id = f"r{i}"
    if len(records) == 1:
        records[0].conflicts_of_interest = coi
    return records, coi
