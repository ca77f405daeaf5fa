"""Outcomes with their direction, and adverse events.

A direction cue (``data/directions.jsonl``: "reduced", "no difference", "did not improve", "twice the incidence of",
"was similar") names the outcome next to it: the words after the cue ("reduced pain intensity and morphine
requirements" → two outcomes) or, for cues that follow their subject, before it ("X did not differ"), up to a
boundary word (``data/outcome_boundaries.tsv``). Outcome measures of the lexicon (``data/outcomes.tsv``) found
elsewhere take the direction of a cue in their sentence, or ``reported``; so do the names the learned tagger
(``components/tagger.py``) finds in result sentences. A negation before a cue, "not significant" shortly after it
(``data/direction_nonsignificant.tsv``), or a p-value of 0.05 or more right after the outcome, makes the direction
``no_difference``; so does a clause that denies it with its verb left out ("but overall survival was not", "but not
Y"). Timepoints ("at 6 months") go in
``attrs["timepoint"]``. Adverse events come from a lexicon (``data/adverse_events.tsv``) in sentences that speak of
adverse effects, toxicity or tolerability (``data/adverse_event_cues.tsv``).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Any, NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extractor import spans
from extractor.components import frames
from extractor.components.base import RuleComponent
from extractor.components.ranker import DEFAULT_OUTCOME_RANKER, load_ranker
from extractor.components.rules import (
    Match,
    defined_abbreviations,
    doc_text,
    gap,
    grouped,
    phrase_rules,
    sentence_bounds,
    sentence_of,
)
from extractor.components.salience import Salience
from extractor.components.tagger import DEFAULT_OUTCOME_TAGGER, load_tagger, spans_of
from extractor.lexicons import read_jsonl, read_tsv

KEYS = (spans.OUTCOME, spans.ADVERSE_EVENT)
DETERMINERS = {"the", "a", "an", "its", "their", "both", "any", "overall"}
KEY_STOP = {"the", "of", "in", "a", "an", "and", "or", "to", "at", "for", "on", "with", "score", "scores", "level"}
MAX_EXPANDED = 5  # words of an outcome name with its short forms spelled out, beyond which they stay short
LIST_PIECES = 4  # a list after a cue holds at most this many names of max_outcome_tokens each
MAX_SUBJECT = 40  # tokens from the sentence start to a cue that may still be a list of measures, asides included
VERBS = {"was", "were", "is", "are", "been", "has", "have"}  # inside a subject: a clause, not a list
OPEN, CLOSE = ("(", "[", "{"), (")", "]", "}")
# the last word of a name that stands for the measures all together: "no differences in any of the sleep measures"
COLLECTIVE_HEADS = {"measures", "parameters", "variables", "outcomes", "endpoints", "end-points", "indices", "indexes"}
LATER_TIMES = {"after", "following", "post-treatment", "posttreatment", "post-intervention", "postintervention"}
EXAMPLE_LEADS = {"such", "including", "namely"}  # "such as" / "including" A, B and C: the measures listed after it
MAX_ASIDE = 20  # tokens of a bracketed aside after a name, brackets included
# "p = 0.3", "P>.05", "p-value: .222", "P value 0.48", "p value was < 0.05" (a value with no sign is equal to it)
P_VALUE = re.compile(
    r"\bp(?:\s*(=|>|≥|>=|<|≤|<=)|[\s-]?values?\b\s*(?:of|was|:)?\s*(=|>|≥|>=|<|≤|<=)?)\s*(\d*\.\d+|1)(?![\d.])",
    re.IGNORECASE,
)
NONSIGNIFICANT_WINDOW = 12  # tokens after a direction cue where "not significant" still speaks of its change
CLAUSE_ENDS = {";", "whereas", "while"}  # "X was lower, whereas Y did not significantly differ": Y's result
GROUP_WORD_WINDOW = 6  # tokens either side of "similar" / "no difference" where a group word says it compares groups
CLAUSE_P_WINDOW = 30  # tokens after a direction cue where the first p-value still speaks of its change
COMPARATIVE_LIST = 10  # tokens back from an outcome to the comparative that opens the list it ends
CUE_STARTS_KEY = "studysift.outcome_cue_starts"  # start → label of the Doc's direction cues, while it is annotated
NOUN_CUE_STARTS_KEY = "studysift.outcome_noun_cue_starts"  # the starts of its noun cues ("no difference in"), as well
TREND_WINDOW = 3  # tokens before a change word where "tended to" / "a trend towards" makes it a trend
FEATURES_KEY = "studysift.outcome_features"
# a candidate's confidence by source, before ranking
CONFIDENCE = {"cue": 0.7, "frame": 0.65, "measure": 0.6, "tagger": 0.55, "value": 0.5}
ELLIPTICAL_AUXILIARIES = {"was", "were", "is", "are", "did", "does", "do", "had", "has", "have"}  # "but Y was not."
COMPLEMENT_PREPOSITIONS = {"in", "for", "to"}  # "time in target range", "face scale for mood"
VALUE_GAP = 3  # tokens after a value copula ("was", "were") within which its number stands: "was quite less than 1.3"


def _nonsignificant_p(match: re.Match[str]) -> bool:
    """A P_VALUE match of ALPHA or more (or one only said to be below a larger bound)."""
    value, below = float(match.group(3)), (match.group(1) or match.group(2)) in ("<", "≤", "<=")
    return value > ALPHA or (value == ALPHA and not below)


def _closing(doc: Doc, start: int, end: int) -> int | None:
    """The index of the bracket closing the one at ``start`` (nested ones inside: "(CI [-20.7 to 6.7])"), if any
    before ``end``."""
    depth = 0
    for k in range(start, end):
        if doc[k].text in OPEN:
            depth += 1
        elif doc[k].text in CLOSE:
            depth -= 1
            if depth == 0:
                return k
    return None


def _number(token: Token) -> bool:
    return token.like_num or token.text[0].isdigit()  # "1.34±0.65" is one token


def _bounds_number(doc: Doc, than: int) -> bool:
    """The token at ``than`` is "than" before a number: "more than 20% less than control" states a quantity there,
    not the direction of a change."""
    return doc[than].lower_ == "than" and than + 1 < len(doc) and _number(doc[than + 1])


class Candidate(NamedTuple):
    span: Span
    name: str
    direction: str
    confidence: float
    source: str  # cue | measure | frame | tagger | value (CONFIDENCE's keys)


OPPOSITE = {"increased": "decreased", "decreased": "increased", "improved": "worsened", "worsened": "improved"}
ALPHA = 0.05  # a p-value of this or more (or one only said to be below a larger bound, "p < 0.10") is no difference


def outcome_key(text: str) -> list[str]:
    """Lower-case content words, plural -s dropped: the comparison key of an outcome name."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    return [
        w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words if w not in KEY_STOP
    ]


@lru_cache(maxsize=50_000)
def _word_key(word: str) -> str | None:
    """The comparison key of one word (``outcome_key``), when it is one word; cached: called for every word near
    every cue."""
    key = outcome_key(word)
    return key[0] if len(key) == 1 else None


def same_outcome(a: list[str], b: list[str]) -> bool:
    """One name inside the other ("QOL" / "global QOL"), or most of their words shared."""
    if not a or not b:
        return False
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    inside = any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1))
    return inside or len(set(a) & set(b)) / len(set(a) | set(b)) >= 0.67


@Language.factory(
    "studysift_outcomes",
    assigns=["doc.spans"],
    default_config={
        "max_outcome_tokens": 6,
        "cue_window": 12,
        "ranker": DEFAULT_OUTCOME_RANKER,
        "tagger": DEFAULT_OUTCOME_TAGGER,
    },
)
def make_outcomes(
    nlp: Language, name: str, max_outcome_tokens: int, cue_window: int, ranker: str, tagger: str
) -> OutcomesComponent:
    return OutcomesComponent(
        nlp, name, max_outcome_tokens=max_outcome_tokens, cue_window=cue_window, ranker=ranker, tagger=tagger
    )


def default_rules() -> list[dict[str, Any]]:
    return (
        grouped("cues", read_jsonl("directions.jsonl"))
        + grouped("measures", phrase_rules("outcomes.tsv", label="outcome"))
        + grouped("adverse_events", phrase_rules("adverse_events.tsv", label="adverse_event"))
    )


class OutcomesComponent(RuleComponent):
    data_file = "directions.jsonl"
    keys = KEYS

    def __init__(
        self,
        nlp: Language,
        name: str,
        rules: list[dict[str, Any]] | None = None,
        *,
        max_outcome_tokens: int = 6,
        cue_window: int = 12,
        ranker: str = DEFAULT_OUTCOME_RANKER,
        tagger: str = DEFAULT_OUTCOME_TAGGER,
    ) -> None:
        super().__init__(nlp, name, default_rules() if rules is None else rules)
        self.ranker = load_ranker(ranker)
        self.tagger = load_tagger(tagger)
        self.collect_features = False  # training: keep every candidate's features in doc.user_data[FEATURES_KEY]
        self.max_outcome_tokens = max_outcome_tokens
        self.cue_window = cue_window
        self.boundaries = {row[0].lower() for row in read_tsv("outcome_boundaries.tsv")}
        self.skip = {row[0].lower() for row in read_tsv("outcome_skip.tsv")}
        self.ae_cues = {row[0].lower() for row in read_tsv("adverse_event_cues.tsv")}
        self.negations = {row[0].lower() for row in read_tsv("negations.tsv")}
        phrases = [row[0].lower() for row in read_tsv("direction_nonsignificant.tsv")]
        # as scispaCy's tokenizer keeps "non-significant" and spaCy's splits it: both forms
        self.nonsignificant = {tuple(p.split()) for p in phrases} | {
            tuple(p.replace("-", " - ").split()) for p in phrases
        }
        self.nonsignificant_starts = {phrase[0] for phrase in self.nonsignificant}
        self.hedges = {row[0].lower() for row in read_tsv("direction_hedges.tsv")}
        self.trends = {row[0].lower() for row in read_tsv("direction_trends.tsv")}
        alike = [(row[0].lower(), row[1]) for row in read_tsv("direction_group_alike.tsv")]
        self.same_words = {w for w, kind in alike if kind == "same"}
        self.between_words = {w for w, kind in alike if kind == "between"}
        self.group_words_after = self.between_words | {w for w, kind in alike if kind == "both"}
        self.comparatives = {row[0].lower(): row[1] for row in read_tsv("direction_comparatives.tsv")}
        self.baseline_words = {row[0].lower() for row in read_tsv("baseline_words.tsv")}
        self.group_nouns = {row[0].lower() for row in read_tsv("group_nouns.tsv")}
        self.complement_heads = {row[0].lower() for row in read_tsv("outcome_complement_heads.tsv")}
        self.topics = [tuple(row[0].lower().split()) for row in read_tsv("outcome_topics.tsv")]
        self.leads = {tuple(row[0].lower().split()) for row in read_tsv("outcome_leads.tsv")}
        self.safety = [outcome_key(row[0]) for row in read_tsv("outcome_safety.tsv")]
        arms = [(row[0].lower(), row[1]) for row in read_tsv("control_arms.tsv")]
        self.control_words = {w for w, kind in arms if kind == "control"}
        self.versus_words = {w for w, kind in arms if kind == "versus"}
        self.comparison_words = self.versus_words | self.between_words  # a sentence setting group against group
        # what a complement after a measure's head may not name: the people, groups, arms and times it is measured in
        self.not_measured = (
            self.group_nouns
            | self.control_words
            | self.baseline_words
            | {row[0].lower() for row in read_tsv("condition_population_nouns.tsv")}
            | {row[0].lower() for row in read_tsv("time_units.tsv")}
        )
        subject = [(row[0].lower(), row[1]) for row in read_tsv("outcome_subject.tsv")]
        self.subject_leads = {tuple(w.split()) for w, kind in subject if kind == "lead"}
        self.subject_lead_len = max(map(len, self.subject_leads), default=0)
        self.subject_tails = {w for w, kind in subject if kind == "tail"}
        self.subject_blocks = {w for w, kind in subject if kind == "block"} | (self.subject_tails & VERBS)
        self.value_verbs = {w for w, kind in subject if kind == "value"}
        suffixes = [(row[0].lower(), row[1] if len(row) > 1 else "noun") for row in read_tsv("outcome_suffixes.tsv")]
        self.single_word_endings = tuple(end for end, kind in suffixes if kind == "noun")
        self.adjective_endings = tuple(end for end, kind in suffixes if kind == "adjective")
        self.lexicon_names = {
            row[0].lower() for name in ("outcomes.tsv", "adverse_events.tsv") for row in read_tsv(name)
        }
        stopwords = [(row[0].lower(), row[1] if len(row) > 1 else "edge") for row in read_tsv("outcome_stopwords.tsv")]
        self.edge_words = {word for word, kind in stopwords if kind == "edge"}
        self.alone_words = {word for word, kind in stopwords if kind != "whole"}
        self.design_names = {tuple(outcome_key(word)) for word, kind in stopwords if kind == "whole"}

    def annotate(self, doc: Doc) -> None:
        salience = Salience.of(doc)
        in_background = salience.in_background
        found = [m for m in self.best(doc, "cues") if not in_background(m.span)]
        cues = [
            m
            for m in found
            if m.label != "timepoint"
            and not self._hedged(doc, m)
            and not self._baseline(doc, m)
            and not _bounds_number(doc, m.span.end - 1)
        ]
        defining = {sentence_of(doc, m.span.start) for m in cues if m.rule.get("defines")}  # "primary outcome was"
        timepoints = [m for m in found if m.label == "timepoint"]
        outcomes: list[Candidate] = []
        taken: set[int] = set()
        cue_starts = {c.span.start for c in cues}
        doc.user_data[CUE_STARTS_KEY] = {c.span.start: c.label for c in cues}
        doc.user_data[NOUN_CUE_STARTS_KEY] = {c.span.start for c in cues if c.rule.get("noun")}
        cue_results: list[tuple[Match, str, bool]] = []  # each cue's direction, and whether it names its measures only
        try:
            for cue in cues:
                direction = self._direction(doc, cue)
                if sentence_of(doc, cue.span.start) in defining:
                    direction = "reported"  # "the primary outcome is reduction of X": what is measured, not a result
                phrases, subject = self._phrases(doc, cue, cue_starts)
                cue_results.append((cue, direction, all(p[-1].lower_ in COLLECTIVE_HEADS for p in phrases)))
                defines = bool(cue.rule.get("defines"))
                for span in map(self._trimmed, phrases):
                    # "‘coughing’, ‘sputum’ and X improved", "End points included time, morbidity and costs": measures
                    listed = (subject or defines) and len(phrases) > 1
                    listed = listed and not span[0].lower_.endswith(self.adjective_endings)  # not "Cardiovascular"
                    if len(span) == 1 and not (span[0].is_upper or listed or self._one_word_outcome(span[0].lower_)):
                        continue  # "alpacas", "wire": one word needs a measure-like ending or the lexicon
                    if not any(i in taken for i in range(span.start, span.end)):
                        found_direction = self._checked(doc, span, self._comparative(doc, span, direction, defining))
                        if defines or found_direction == "reported":  # declared or measured: the result naming it
                            found_direction = self._body_direction(doc, span, cues, salience)
                        outcomes.append(Candidate(span, span.text, found_direction, CONFIDENCE["cue"], "cue"))
                        taken.update(range(span.start, span.end))
            results = self._result_sentences(doc, salience)
            valued = self._valued(doc, cue_starts, results)
            # a lexicon measure that is the subject of a value sentence: the direction its values state
            stated_at = {
                i: stated for span, stated in valued if stated != "reported" for i in range(span.start, span.end)
            }
            for m in self.best(doc, "measures"):
                if in_background(m.span) or any(i in taken for i in range(m.span.start, m.span.end)):
                    continue
                direction = self._comparative(doc, m.span, self._nearest_direction(doc, m.span, cues), defining)
                direction = self._checked(doc, m.span, direction)
                if direction == "reported" and m.span.start in stated_at:
                    direction = self._checked(doc, m.span, stated_at[m.span.start])
                if direction == "reported":  # named without a result here: the result naming it elsewhere
                    direction = self._body_direction(doc, m.span, cues, salience)
                outcomes.append(Candidate(m.span, self._name(m), direction, CONFIDENCE["measure"], "measure"))
                taken.update(range(m.span.start, m.span.end))
            for span, stated in valued:
                if any(i in taken for i in range(span.start, span.end)):
                    continue
                nearest = self._nearest_direction(doc, span, cues)
                direction = self._checked(doc, span, stated if nearest == "reported" else nearest)
                outcomes.append(Candidate(span, span.text, direction, CONFIDENCE["value"], "value"))
                taken.update(range(span.start, span.end))
            for span in self._tagged(doc, cues, salience, results):
                if any(i in taken for i in range(span.start, span.end)):
                    continue
                direction = self._comparative(doc, span, self._nearest_direction(doc, span, cues), defining)
                direction = self._checked(doc, span, direction)
                if direction == "reported":
                    direction = self._body_direction(doc, span, cues, salience)
                outcomes.append(Candidate(span, span.text, direction, CONFIDENCE["tagger"], "tagger"))
                taken.update(range(span.start, span.end))
            declared = set(defining)
            for slot in frames.slots(doc):  # "effects of X on sleep and cortisol levels": what the study measures
                if slot.role != "outcome" or any(i in taken for i in range(slot.span.start, slot.span.end)):
                    continue
                if self._plausible(slot.span):
                    direction = self._body_direction(doc, slot.span, cues, salience)
                    outcomes.append(Candidate(slot.span, slot.span.text, direction, CONFIDENCE["frame"], "frame"))
                    taken.update(range(slot.span.start, slot.span.end))
                    declared.add(sentence_of(doc, slot.span.start))
            merged = self._merged(doc, outcomes, whole_doc=bool(salience.sections))
            # a structured abstract: keep what it reports (a subject stated by its values alone reports no result)
            if any(salience.section(o.span) == "results" and o.source != "value" for o in merged):
                merged = [o for o in merged if o[2] != "reported" or salience.section(o[0]) != "methods"]
            merged = self._ranked(doc, merged, salience, declared)
            merged = self._collective(doc, merged, cue_results, salience)  # after ranking: the names kept as found
            expansions = {s.text: s._.long_form.text for s in defined_abbreviations(doc)}
            for span, name, direction, confidence, _ in merged:
                timepoint = self._timepoint(doc, span, timepoints)
                # a short form the article defines, spelled out: "overall QOL" → "overall quality of life"; not when
                # that makes a long name of a short one ("NIHSS score", "ICU stay" stay as written)
                if name == span.text:
                    long = "".join(expansions.get(t.text, t.text) + t.whitespace_ for t in span).strip()
                    name = long if len(span) == 1 or len(long.split()) <= MAX_EXPANDED else name
                spans.add_span(
                    doc.spans[spans.OUTCOME],
                    Span(doc, span.start, span.end, direction),
                    name,
                    confidence,
                    timepoint=timepoint[0] if timepoint else None,
                    timepoint_span=timepoint[1] if timepoint else None,
                    declared=sentence_of(doc, span.start) in declared,
                )
        finally:  # the cue index is scratch state: it must not travel with the Doc
            doc.user_data.pop(CUE_STARTS_KEY, None)
            doc.user_data.pop(NOUN_CUE_STARTS_KEY, None)
        self.adverse_events(doc)

    # -- outcomes ----------------------------------------------------------------------------------------------

    @staticmethod
    def _collective(
        doc: Doc, outcomes: list[Candidate], stated: list[tuple[Match, str, bool]], salience: Salience
    ) -> list[Candidate]:
        """The measures named without a result ("blood pressure and heart rate were measured") take the result an
        abstract states of them all together, when that is its only result: "There were no significant differences
        between group C and L", "no differences in any of the sleep measures". A collective cue names no measure
        (or only "measures", "parameters", ...), and no candidate stands in its sentence but such a name."""
        results = [(c, d, whole) for c, d, whole in stated if d != "reported" and not salience.in_title(c.span)]
        directions = {d for _, d, _ in results}
        if len(directions) != 1:
            return outcomes
        named = {sentence_of(doc, o.span.start) for o in outcomes if o.span[-1].lower_ not in COLLECTIVE_HEADS}
        collective = {sentence_of(doc, c.span.start) for c, _, whole in results if whole} - named
        if not collective:
            return outcomes
        direction = directions.pop()
        return [
            o._replace(direction=direction)
            if o.direction == "reported" and sentence_of(doc, o.span.start) not in collective
            else o
            for o in outcomes
        ]

    def _tagged(self, doc: Doc, cues: list[Match], salience: Salience, results: list[tuple[int, int]]) -> list[Span]:
        """The outcome names the tagger finds in the sentences that state a result: those holding a cue, and the
        ``results`` sentences that state values ("Median fever clearance times were 92 and 138 hours")."""
        if self.tagger is None:
            return []
        chosen = {sentence_of(doc, c.span.start) for c in cues} | set(results)
        sentences = [s for s in sorted(chosen) if not salience.in_background(doc[s[0] : s[1]])]
        found = []
        tags = self.tagger.tag_all([[t.text for t in doc[start:end]] for start, end in sentences])
        for (start, _), sentence_tags in zip(sentences, tags, strict=True):
            for a, b in spans_of(sentence_tags):
                span = self._trimmed(doc[start + a : start + b])
                if self._plausible(span):
                    found.append(span)
        return found

    @staticmethod
    def _result_sentences(doc: Doc, salience: Salience) -> list[tuple[int, int]]:
        """The sentences of a results section, and elsewhere those holding a p-value."""
        found = []
        text = doc_text(doc)  # every sentence of every doc: a Span's .text would build its tokens each time
        for start, end in sentence_bounds(doc):
            sentence = doc[start:end]
            if salience.section(sentence) == "results" or P_VALUE.search(text, sentence.start_char, sentence.end_char):
                found.append((start, end))
        return found

    def _valued(self, doc: Doc, cue_starts: set[int], results: list[tuple[int, int]]) -> list[tuple[Span, str]]:
        """The subject of a results sentence that states its values with no cue ("Mean time to success was 16 min
        for intranasal and 13 min for intramuscular (P < 0.001)"): the measures before its first value copula,
        when a number follows it, with the direction it states (``_stated_direction``)."""
        found: list[tuple[Span, str]] = []
        for start, end in results:
            for token in doc[start:end]:
                if token.i in cue_starts:
                    break  # a cue before the copula names the subject itself
                if token.lower_ in self.value_verbs:
                    direction = self._stated_direction(doc, token.i, end)
                    if direction is not None:
                        subject = self._subject(doc, doc[token.i : token.i + 1], cue_starts)
                        found += [(span, direction) for span in subject]
                    break
        return found

    def _stated_direction(self, doc: Doc, copula: int, end: int) -> str | None:
        """After a value copula: nothing without a number ("was given in Table 2"), else the direction of a
        comparative right after the number ("was 1.5-fold higher") or ``reported``."""
        after = doc[copula + 1 : min(end, copula + 1 + VALUE_GAP)]
        if not any(_number(t) for t in after):
            return None
        limit = copula + 2 + VALUE_GAP
        k = copula + 1
        while k < min(end, limit):
            word = doc[k].lower_
            if word in self.comparatives:
                if not _bounds_number(doc, k + 1):
                    return self.comparatives[word]
                limit += 3  # "was more than 20% less": past the bound's number and unit, the direction
            k += 1
        return "reported"

    def _ranked(
        self,
        doc: Doc,
        outcomes: list[Candidate],
        salience: Salience,
        declared: set[tuple[int, int]],
    ) -> list[Candidate]:
        """The candidates the ranker keeps (at least the best one), each with its score as confidence."""
        if self.ranker is None and not self.collect_features:
            return outcomes
        text = doc_text(doc)
        heads = Counter(outcome_key(text))
        title_words = set(outcome_key(text[slice(*salience.title)]))
        features = [self._features(doc, o, salience, declared, heads, title_words) for o in outcomes]
        if self.collect_features:
            doc.user_data[FEATURES_KEY] = [
                (o[0].start, o[0].end, o[1], f) for o, f in zip(outcomes, features, strict=True)
            ]
        if self.ranker is None or not outcomes:
            return outcomes
        scores = [self.ranker.score(f) for f in features]
        best = max(scores)
        return [
            o._replace(confidence=round(p, 3))
            for o, p in zip(outcomes, scores, strict=True)
            if p >= self.ranker.threshold or p == best or self._safety(o.name)
        ]

    def _safety(self, name: str) -> bool:
        """A safety outcome (``data/outcome_safety.tsv``), which the ranker's weak labels seldom name."""
        key = outcome_key(name)
        return any(key[i : i + len(s)] == s for s in self.safety for i in range(len(key) - len(s) + 1))

    @staticmethod
    def _features(
        doc: Doc,
        outcome: Candidate,
        salience: Salience,
        declared: set[tuple[int, int]],
        heads: Counter[str],
        title_words: set[str],
    ) -> list[str]:
        """What the ranker sees of a candidate: its words, source, direction, section, place and salience."""
        span, name, direction, _, source = outcome
        key = outcome_key(name)
        found = [f"src={source}", f"dir={direction}", f"dir_src={direction}_{source}", f"len={min(len(key), 6)}"]
        found += [f"sec={salience.section(span) or 'none'}", f"pos={10 * span.start // max(1, len(doc))}"]
        found += [f"w={w}" for w in key]
        if key:
            found += [f"first={key[0]}", f"last={key[-1]}", f"head_count={min(heads[key[-1]], 4)}"]
        if salience.in_title(span):
            found.append("in_title")
        if title_words & set(key):
            found.append("title_word")
        if sentence_of(doc, span.start) in declared:
            found.append("declared")
        if any(t.like_num for t in span):
            found.append("digit")
        if any(t.is_upper and len(t) > 1 for t in span):
            found.append("abbreviation")
        return found

    def _one_word_outcome(self, word: str) -> bool:
        return word in self.lexicon_names or self._hyphenated_name(word) or word.endswith(self.single_word_endings)

    def _hyphenated_name(self, word: str) -> bool:
        """A name of the lexicon written as one hyphenated word: "HDL-cholesterol"."""
        return "-" in word and word.replace("-", " ") in self.lexicon_names

    def _merged(self, doc: Doc, outcomes: list[Candidate], *, whole_doc: bool) -> list[Candidate]:
        """One outcome per measure: mentions naming the same thing ("quality of life", "QOL", "global QOL") merge
        into the one that states the result (``_supersedes``; else the first), across a structured abstract
        (``whole_doc``: one study) or else within a sentence (an article reviewing several studies); one inside a
        condition or treatment span is dropped."""
        named = [s for key in (spans.CONDITION, spans.INTERVENTION, spans.COMPARATOR) for s in doc.spans.get(key, [])]
        expansions = {s.text: s._.long_form.text for s in defined_abbreviations(doc)}
        kept: list[Candidate] = []
        keys: list[tuple[int, list[str]]] = []
        for outcome in sorted(outcomes, key=lambda o: o[0].start):
            span = outcome[0]
            if any(s.start <= span.start and span.end <= s.end for s in named):
                continue  # a condition or a treatment, not a measure
            scope = 0 if whole_doc else sentence_of(doc, span.start)[0]
            key = (scope, outcome_key(" ".join(expansions.get(t.text, t.text) for t in span)))
            for i, other in enumerate(keys):
                if key[0] == other[0] and same_outcome(key[1], other[1]):
                    if self._supersedes(doc, outcome, kept[i]):
                        kept[i], keys[i] = outcome, key
                    break
            else:
                kept.append(outcome)
                keys.append(key)
        return kept

    def _supersedes(self, doc: Doc, later: Candidate, earlier: Candidate) -> bool:
        """Whether a later mention of a measure states its result over an earlier one: a direction over none, and a
        "no difference" stated against the other group ("No difference in weight loss was seen between the two
        schedules") over a change stated with no comparison (a change within each group, an aim's claim)."""
        if earlier.direction == "reported":
            return later.direction != "reported"
        if later.direction != "no_difference" or earlier.direction == "no_difference":
            return False
        return self._compares(doc, later.span) and not self._compares(doc, earlier.span)

    def _compares(self, doc: Doc, span: Span) -> bool:
        """The sentence of ``span`` sets one group against another ("than", "versus", "between", ...)."""
        start, end = sentence_of(doc, span.start)
        return any(t.lower_ in self.comparison_words for t in doc[start:end])

    @staticmethod
    def _name(m: Match) -> str:
        cols = m.rule.get("cols") or []
        return cols[0] if cols and cols[0] else m.span.text

    def _direction(self, doc: Doc, cue: Match) -> str:
        """The cue's direction, or no_difference when a negation or a trend word stands just before it ("did not
        reduce", "tended to reduce"), or the first p-value of its clause is not significant."""
        if cue.label in ("no_difference", "reported"):
            return cue.label
        before = doc[max(0, cue.span.start - 3) : cue.span.start]
        if any(t.lower_ in self.negations for t in before) or self._trend_before(doc, cue.span.start):
            return "no_difference"
        if any(self._nonsignificant_at(doc, t.i, cue.span.start) for t in before):
            return "no_difference"  # "a non-significant reduction in X"
        if self._taken_back(doc, cue.span) or self._clause_nonsignificant(doc, cue.span):
            return "no_difference"
        if self._groups_alike(doc, cue):
            return "no_difference"
        if self._in_control_arm(doc, cue):
            return OPPOSITE.get(cue.label, cue.label)
        return cue.label

    def _taken_back(self, doc: Doc, cue: Span) -> bool:
        """A non-significance phrase shortly after the cue, in the same clause: "X dropped by 6.3% but this was not
        significant"; not one that qualifies a later cue ("and a non-significant increase in Y")."""
        end = min(sentence_of(doc, cue.start)[1], cue.end + NONSIGNIFICANT_WINDOW)
        others = doc.user_data.get(CUE_STARTS_KEY, ())
        asides = self._asides(doc, cue.end, end)  # "(NF: 3.5 pre versus 5.6; SF 3.6 ...)": its ";" ends no clause
        for i in range(cue.end, end):
            if doc[i].lower_ in CLAUSE_ENDS and i not in asides:
                return False
            length = self._nonsignificant_at(doc, i, end)
            if length and i in doc.user_data.get(NOUN_CUE_STARTS_KEY, ()):
                return False  # "a non-significant difference in Y": a cue of its own, Y's result
            if length:
                later = range(i + 1, i + length + 3)
                return not any(k in others and not self._nonsignificant_at(doc, k, end) for k in later)
            if i in others:
                return False  # another cue's result comes first
        return False

    def _clause_nonsignificant(self, doc: Doc, cue: Span) -> bool:
        """The first p-value after the cue, before its clause or the next cue ends, is not significant: "weight gain
        was greater with WGJ (+50.7 g) than with AJ (+18.3 g) (p = 0.08)". Bracketed asides (each group's figures)
        take no room of the window."""
        end = sentence_of(doc, cue.start)[1]
        others = doc.user_data.get(CUE_STARTS_KEY, ())
        stop, depth, counted = cue.end, 0, 0
        while stop < end and counted < CLAUSE_P_WINDOW and stop not in others:
            if depth == 0 and doc[stop].lower_ in CLAUSE_ENDS:
                break
            depth += (doc[stop].text in OPEN) - (doc[stop].text in CLOSE)  # "(95% CI 0 to 38%; p = 0.05)": inside
            counted += depth <= 0 and doc[stop].text not in CLOSE
            stop += 1
        match = P_VALUE.search(doc[cue.end : stop].text) if stop > cue.end else None
        return match is not None and _nonsignificant_p(match)

    def _groups_alike(self, doc: Doc, cue: Match) -> bool:
        """The cue's clause goes on to say the groups did not differ in its change: "increased significantly but to
        a similar extent in both groups", "fell in both arms, with no difference between groups", "the increase in X
        was similar in both groups"; a word of likeness (or a "no difference" cue, or a non-significance phrase)
        with a group word just after it, before another cue's change. When it is the predicate of a new subject,
        that subject is the change (a noun cue: "the increase in X was similar") or the difference between the
        groups ("but the difference between the two treatments was not significant"), not another outcome ("and
        nausea was similar in both groups")."""
        start, end = cue.span.end, sentence_of(doc, cue.span.start)[1]
        others = doc.user_data.get(CUE_STARTS_KEY, {})
        alike = {k for k, label in others.items() if label == "no_difference"}
        asides = self._asides(doc, start, end)
        for i in range(start, end):
            if (doc[i].lower_ in CLAUSE_ENDS and i not in asides) or (i in others and i not in alike):
                return False
            if not (doc[i].lower_ in self.same_words or i in alike or self._nonsignificant_at(doc, i, end)):
                continue
            before = [k for k in range(start, i) if k not in asides][-GROUP_WORD_WINDOW:]  # "group (21%) was"
            between = any(doc[k].lower_ in self.between_words for k in before) or self._difference_between(
                doc, start, i, asides
            )
            if any(t.lower_ in VERBS for t in doc[start : i + 1]) and not (between or cue.rule.get("noun")):
                return False  # the likeness of another subject
            after = doc[i + 1 : min(end, i + GROUP_WORD_WINDOW)]
            if between or any(t.lower_ in self.group_words_after for t in after):
                return True
        return False

    def _difference_between(self, doc: Doc, start: int, i: int, asides: set[int]) -> bool:
        """The clause ending at ``i`` has "the difference(s) between ..." for its subject, however long the groups'
        names: "the difference between the valerian group (29%) and the placebo group (21%) was not significant"."""
        commas = [k for k in range(start, i) if doc[k].text == "," and k not in asides]
        clause = commas[-1] + 1 if commas else start
        return any(
            doc[k].lower_ in ("difference", "differences") and doc[k + 1].lower_ in self.between_words
            for k in range(clause, i - 1)
        )

    def _nonsignificant_at(self, doc: Doc, i: int, end: int) -> int:
        """The length of the non-significance phrase starting at token ``i``, or 0."""
        if doc[i].lower_ not in self.nonsignificant_starts:
            return 0
        words = tuple(t.lower_ for t in doc[i : min(end, i + 6)])
        return max((len(p) for p in self.nonsignificant if words[: len(p)] == p), default=0)

    def _in_control_arm(self, doc: Doc, match: Match) -> bool:
        """The difference a comparative cue states is the control arm's: "X was higher in the placebo group (than
        with Y)", "improved more in the sham group"; not "higher than in the placebo group" (the control is the
        reference) nor "worsened in the control arm" (a change within that arm)."""
        cue = match.span
        if doc[cue.end - 1].lower_ == "than":
            return False  # "higher than in the placebo group": the control is the reference
        end = sentence_of(doc, cue.start)[1]
        controls = list(doc.spans.get(spans.COMPARATOR, []))
        preps = ("in", "among", "with", "for", "under")
        i = cue.end - 1 if doc[cue.end - 1].lower_ in preps else cue.end  # "higher_than" ends at its "in"
        comparative = bool(match.rule.get("comparative"))
        while i < min(end, cue.end + 4) and doc[i].lower_ in ("more", "less", "significantly", "further", "greater"):
            comparative = comparative or doc[i].lower_ != "significantly"
            i += 1
        if not comparative or i >= end or doc[i].lower_ not in preps:
            return False
        for token in doc[i + 1 : min(end, i + 6)]:
            if token.lower_ in self.versus_words:
                return False
            if token.lower_ in self.control_words or any(s.start <= token.i < s.end for s in controls):
                return True
            if token.lower_ in self.group_nouns or token.lower_ in ("group", "arm"):
                return False
        return False

    def _baseline(self, doc: Doc, cue: Match) -> bool:
        """A "no difference" cue in a sentence about the groups at baseline: a check of randomization."""
        if cue.label != "no_difference":
            return False
        start, end = sentence_of(doc, cue.span.start)
        return any(  # not a change "from baseline to week 12"
            t.lower_ in self.baseline_words
            and (t.i == start or doc[t.i - 1].lower_ not in ("from", "since", "over"))
            and not self._later_time(doc, t.i + 1, end)
            for t in doc[start:end]
        )

    def _between_times(self, doc: Doc, start: int, end: int) -> bool:
        """The words after "between" name one measure at timepoints set against each other: "between C-reactive
        protein levels at baseline (...), after nine sessions of control (...) and after ozone (...)"."""
        for k in range(start + 1, min(end - 1, start + 1 + self.max_outcome_tokens)):
            if doc[k].is_punct and doc[k].text not in ("-", "/"):
                return False
            if doc[k].lower_ == "at" and doc[k + 1].lower_ in self.baseline_words:
                return self._later_time(doc, k + 2, end)
        return False

    def _later_time(self, doc: Doc, start: int, end: int) -> bool:
        """A later timepoint set against the baseline, outside brackets: "no difference between CRP levels at
        baseline (1.53 mg/l), after nine sessions of control (1.48 mg/l) and after ozone (1.55 mg/l)"."""
        asides = self._asides(doc, start, end)
        return any(doc[k].lower_ in LATER_TIMES for k in range(start, end) if k not in asides)

    def _trend_before(self, doc: Doc, i: int, start: int = 0) -> bool:
        """A trend word ("tended", "trend") just before token ``i`` (not before ``start``)."""
        return any(t.lower_ in self.trends for t in doc[max(start, i - TREND_WINDOW) : i])

    def _hedged(self, doc: Doc, cue: Match) -> bool:
        """A verb cue after a modal or "to" ("can reduce", "to significantly increase"): a claim or an aim."""
        if cue.rule.get("noun") or cue.label in ("reported", "no_difference"):
            return False
        before = doc[max(0, cue.span.start - 2) : cue.span.start]
        if self._trend_before(doc, cue.span.start):
            return False  # "tended to reduce": a result, a trend
        return any(t.lower_ in self.hedges for t in before)

    def _comparative(self, doc: Doc, span: Span, direction: str, defining: set[tuple[int, int]]) -> str:
        """The direction a comparative right before the outcome, or before the list it ends, states ("a greater range
        of hip flexion than ...", "more fatigue, insomnia and pain"), over that of a cue further away; not in a
        sentence declaring the measures, nor after a negation ("no greater pain"), nor when a cue after the outcome
        is nearer ("fewer falls, and mortality was similar")."""
        start, end = sentence_of(doc, span.start)
        if span.start == start or (start, end) in defining:
            return direction
        cue_starts = doc.user_data.get(CUE_STARTS_KEY, ())
        i = span.start - 1
        while i > max(start, span.start - COMPARATIVE_LIST) and doc[i].lower_ not in self.comparatives:
            token = doc[i]  # walk back over the list: "fatigue , insomnia , and"
            if i in cue_starts or not (token.text == "," or token.lower_ in ("and", "or") or token.is_alpha):
                return direction
            if token.is_stop and token.lower_ not in ("and", "or"):
                return direction  # "rates of nausea": a phrase, not a list
            i -= 1
        word = doc[i]
        if word.lower_ not in self.comparatives or (i > 0 and doc[i - 1].lower_ in self.negations):
            return direction
        if any(span.end <= k < end and k - span.end < span.start - i for k in cue_starts):
            return direction
        if self._trend_before(doc, i, start):
            return "no_difference"  # "a trend towards lower pain"
        return self.comparatives[word.lower_]

    def _checked(self, doc: Doc, span: Span, direction: str) -> str:
        """A direction (or a bare "reported") turned to no_difference by a non-significant p-value right after the
        outcome: "X was, compared to the control trial, +2% (P = 1.00)"."""
        if direction == "no_difference":
            return direction
        sent_end = sentence_of(doc, span.start)[1]
        if self._denied_alone(doc, span, sent_end):
            return "no_difference"
        window = doc[span.end : min(sent_end, span.end + 15)].text
        match = P_VALUE.search(window)
        return "no_difference" if match and _nonsignificant_p(match) else direction

    def _denied_alone(self, doc: Doc, span: Span, sent_end: int) -> bool:
        """The outcome of a clause that denies the change stated before it, its verb left out: "RFS was improved by
        chemotherapy, but overall survival was not", "improved pain but not function"."""
        after = [t.lower_ for t in doc[span.end : min(sent_end, span.end + 3)]]
        if len(after) >= 2 and after[0] in ELLIPTICAL_AUXILIARIES and after[1] in ("not", "n't"):
            return len(after) == 2 or doc[span.end + 2].is_punct
        return span.start >= 2 and doc[span.start - 2].lower_ == "but" and doc[span.start - 1].lower_ == "not"

    def _phrases(
        self, doc: Doc, cue: Match, cue_starts: set[int] | frozenset[int] = frozenset()
    ) -> tuple[list[Span], bool]:
        """The outcome phrases a cue names, and whether they are the subject the sentence opens with."""
        side = str(cue.rule.get("side", "both"))
        found: list[Span] = []
        if side in ("after", "both"):
            skip = cue.rule.get("skip")
            found = self._after(
                doc,
                cue.span,
                noun=bool(cue.rule.get("noun")),
                cue_starts=cue_starts,
                skip_words=frozenset(skip) if skip else None,
                likeness=bool(cue.rule.get("likeness")),
            )
            topic = self._topic(doc, cue.span.end, sentence_of(doc, cue.span.start)[1], cue_starts)
            if cue.rule.get("noun") and topic is not None:  # "no benefit for A over B in terms of X": what follows
                found = self._after(doc, doc[topic - 1 : topic], noun=True, cue_starts=cue_starts) or found
        if not found and side in ("before", "both"):
            subject = self._subject(doc, cue.span, cue_starts)
            if subject:
                return subject, True
            found = self._before(doc, cue.span)
        return found, False

    def _after(
        self,
        doc: Doc,
        cue: Span,
        *,
        noun: bool,
        cue_starts: set[int] | frozenset[int] = frozenset(),
        skip_words: frozenset[str] | None = None,
        likeness: bool = False,
    ) -> list[Span]:
        """The outcome phrase(s) after a cue, split at "and" / "or"; a noun cue ("no difference") may be followed by a
        preposition ("in", "regarding") or "between groups" first, a verb cue ("reduced") only by its object. After
        a likeness before its noun ("with similar death and graft loss"), "to" / "with" / "as" names the other arm."""
        skip: set[str] | frozenset[str] = self.skip if noun else DETERMINERS
        if skip_words is not None:  # "the primary outcome was the change in X": the rule's own lead words
            skip = skip_words
        start, end = cue.end, sentence_of(doc, cue.start)[1]
        i = start
        while i < end:
            lower = doc[i].lower_
            if noun and lower == "between" and i + 1 < end:  # "no difference between (the two) groups in X"
                j = i + 1
                while j < min(end, i + 5) and doc[j].lower_ not in self.group_nouns:
                    j += 1
                if j < min(end, i + 5):
                    i = j + 1
                elif self._between_times(doc, i + 1, end):
                    i += 1  # "no difference between CRP levels at baseline, after control and after ozone": CRP
                else:
                    return []
            elif lower in skip:
                i += 1
            else:
                break
        pieces: list[Span] = []
        piece_start = j = i
        limit = min(end, i + LIST_PIECES * self.max_outcome_tokens)
        while j < limit:
            token = doc[j]
            if token.text in ("(", "["):  # an aside after a name: "estrogen receptor (1D5)"; the name ends there
                close = _closing(doc, j, min(end, j + MAX_ASIDE))
                if close is None:
                    break
                if j > piece_start:
                    pieces.append(doc[piece_start:j])
                limit = min(end, limit + close + 1 - j)  # the aside takes no room from the names
                piece_start = j = close + 1
                continue
            if token.text == "," or token.lower_ in ("and", "or"):  # a list: "reduced A, B and C"
                if j > piece_start:
                    pieces.append(doc[piece_start:j])
                piece_start = j = j + 1
                continue
            # "Pain decreased and function improved": the next cue's subject; "elevated X (0.27 kPa) and impaired
            # Y": the next cue's list
            if j in cue_starts and (j > piece_start or pieces):
                piece_start = j
                break
            if likeness and token.lower_ in ("to", "with", "as"):
                break  # "comparable efficacy to UAE alone": the arm it is set against
            if token.lower_ in ("for", "to") and j - piece_start == 1 and j + 1 < limit and not doc[j + 1].is_punct:
                j += 1  # a one-word head and its complement: "need for ventilation", "time to recovery"
                continue
            if j > piece_start and self._complement(doc, j, limit):
                j += 1  # "percentage of time in target range", "face scale for mood": the measure goes on
                continue
            ends = token.is_punct and token.text not in ("-", "/") or token.lower_ in self.boundaries
            if ends or j - piece_start >= self.max_outcome_tokens:
                after = self._valued_item_end(doc, j, end, cue_starts) if j > piece_start else None
                if after is None:
                    if not ends:  # cut by the length limit inside a longer name: it ends at its last name word
                        j = self._name_end(doc, piece_start, j)
                    break
                pieces.append(doc[piece_start:j])  # "X on VAS (−7.0 mm, ...), Y (...)": the list goes on
                limit = min(end, limit + after - j)  # the qualifier and its value take no room from the names
                piece_start = j = after
                continue
            j += 1
        if j > piece_start:
            pieces.append(doc[piece_start:j])
        return [p for p in pieces if self._plausible(p)]

    def _complement(self, doc: Doc, j: int, end: int) -> bool:
        """The preposition at ``j`` opens the complement of a measure's head word
        (``data/outcome_complement_heads.tsv``) that names what is measured, a content word that is no group, arm,
        population or time: "percentage of time in target range", "odds of intention to smoke"; not "time in the
        placebo group", "scores in patients"."""
        if doc[j].lower_ not in COMPLEMENT_PREPOSITIONS or j + 1 >= end:
            return False
        if doc[j - 1].lower_ not in self.complement_heads:
            return False
        after = doc[j + 1]
        lower = after.lower_
        return (
            after.is_alpha
            and not after.is_stop
            and not after.is_upper
            and lower not in self.boundaries
            and lower not in self.not_measured
        )

    def _name_end(self, doc: Doc, start: int, end: int) -> int:
        """Where a name cut at ``end`` by the length limit may end: before the words at its edge that end no name
        ("indices of" in "did not improve cardiac magnetic resonance imaging indices of contractility")."""
        while end > start + 1 and (doc[end - 1].is_stop or doc[end - 1].lower_ in self.edge_words):
            end -= 1
        return end

    def _valued_item_end(self, doc: Doc, start: int, end: int, cue_starts: set[int] | frozenset[int]) -> int | None:
        """Where a listed name's qualifier and its bracketed value ("on VAS (−7.0 mm, 95% CI ...)") end, at the
        comma or "and" that goes on to the next name; None when no such value closes the stretch."""
        for k in range(start, min(end, start + self.max_outcome_tokens)):
            if k in cue_starts or doc[k].text in (",", ";"):
                return None
            if doc[k].text in OPEN:
                close = _closing(doc, k, min(end, k + MAX_ASIDE))
                if close is None or close + 1 >= end:
                    return None
                following = doc[close + 1]
                return close + 1 if following.text == "," or following.lower_ in ("and", "or") else None
        return None

    def _topic(self, doc: Doc, start: int, end: int, cue_starts: set[int] | frozenset[int]) -> int | None:
        """Where the words after a topic phrase ("with respect to", "in terms of") begin, between ``start`` and
        ``end`` and before any other cue."""
        words = [t.lower_ for t in doc[start:end]]
        for k in range(len(words)):
            if start + k in cue_starts:
                return None
            for topic in self.topics:
                if tuple(words[k : k + len(topic)]) == topic:
                    return start + k + len(topic)
        return None

    def _subject(self, doc: Doc, cue: Span, cue_starts: set[int] | frozenset[int] = frozenset()) -> list[Span]:
        """The measures a result sentence opens with, when the cue follows them ("Walking speed, TUG time and DGI
        scores (median [IQR]) significantly improved"; "Morbidity and reoperation rates in the three groups were
        comparable"): split at commas and "and"/"or", asides in brackets left out, up to the first boundary word
        ("in the three groups"); nothing when the stretch reads as a clause ("We found that X was")."""
        start = sentence_of(doc, cue.start)[0]
        for k in range(start + 1, min(cue.start, start + self.subject_lead_len + 1)):  # "However, X was similar"
            if doc[k].text == "," and tuple(t.lower_ for t in doc[start:k]) in self.subject_leads:
                start = k + 1
                break
        end = cue.start
        asides = self._asides(doc, start, end)
        colon = next((k for k in range(end - 1, start, -1) if doc[k].text == ":" and k not in asides), None)
        if colon is not None:  # "In the garlic group: total cholesterol (-12%) and LDL dropped": what follows
            start = colon + 1
        fronted = self._topic(doc, start, start + 4, cue_starts)
        if fronted is not None and doc[start].lower_ in ("with", "in", "as", "regarding", "concerning"):
            comma = next((k for k in range(cue.start - 1, fronted, -1) if doc[k].text == ","), None)
            if comma is not None:  # "With regard to X, no differences were detected"
                start, end = fronted, comma
        while start < end and doc[start].lower_ in DETERMINERS:
            start += 1
        while end > start and doc[end - 1].lower_ in self.subject_tails:
            end -= 1
        asides = self._asides(doc, start, end)  # again: the stretch may have moved
        # the stretch's length without its asides: "A (3.2 vs. 3; p = 0.67), B (...) and C (...) did not differ"
        if not start < end <= start + MAX_SUBJECT + len(asides) or any(
            start <= i < end and i not in asides for i in cue_starts
        ):
            return []  # "Pain decreased and function improved": another cue's clause comes first
        pieces: list[Span] = []
        piece_start, depth, stopped, skip_to = start, 0, False, start
        for j in range(start, end + 1):
            if j < skip_to:
                continue  # a listed name's qualifier ("on Day 1"), its numbers included
            token = doc[j] if j < end else None
            if token is not None and token.text in OPEN:
                if depth == 0 and j > piece_start:
                    pieces.append(doc[piece_start:j])
                depth += 1
                continue
            if token is not None and token.text in CLOSE:
                depth = max(0, depth - 1)
                piece_start = j + 1
                continue
            if depth:
                continue
            lower = token.lower_ if token is not None else ""
            if lower in self.subject_blocks or (token is not None and token.like_num):
                return []
            if self._generic_head(doc, j, end, piece_start, pieces):
                pieces = []  # "Other parameters, such as A, B and C": the measures are the examples
                piece_start = skip_to = j + 1 + (lower == "such")
                continue
            lead = tuple(t.lower_ for t in doc[piece_start : j + 1])
            ends = lower in self.boundaries and lead not in self.leads and lower != "to"  # "change in X", "time to X"
            ends = ends and not (j > piece_start and self._complement(doc, j, end))  # "time in target range"
            after = self._valued_item_end(doc, j, end, cue_starts) if ends and j > piece_start else None
            if after is not None:  # "VAS scores on Day 1 (2.3 vs. 2.2; p = 0.84), superficial SSI (...)": goes on
                pieces.append(doc[piece_start:j])
                piece_start = skip_to = after
                continue
            if token is None or lower in (",", ";", "and", "or") or ends:
                if j > piece_start:
                    pieces.append(doc[piece_start:j])
                piece_start = j + 1
                if ends:
                    stopped = True
                    break
        if stopped and any(t.lower_ in self.subject_blocks for t in doc[piece_start:end] if t.i not in asides):
            return []
        treatments = [s for key in (spans.INTERVENTION, spans.COMPARATOR) for s in doc.spans.get(key, [])]
        found = []
        for piece in pieces:
            a, b = piece.start, piece.end
            while a < b and (doc[a].lower_ in DETERMINERS or doc[a].is_quote or doc[a].lower_.endswith("ly")):
                a += 1  # "Especially ‘coughing’"
            while b > a and doc[b - 1].is_quote:
                b -= 1
            piece = self._trimmed(doc[a:b]) if b > a else doc[a:b]
            if not 0 < len(piece) <= self.max_outcome_tokens or piece[-1].lower_ in self.group_nouns:
                return []
            if any(s.start < piece.end <= s.end for s in treatments):
                return []  # "Co-administration of dexamethasone improved ...": the treatment is the subject
            if self._plausible(piece):
                found.append(piece)
        return found

    def _generic_head(self, doc: Doc, j: int, end: int, piece_start: int, pieces: list[Span]) -> bool:
        """Token ``j`` opens the examples ("such as", "including") of a head that names no measure itself ("Other
        parameters, such as A, B and C"); a head that does ("adverse side effects such as nausea") stays the name."""
        lower = doc[j].lower_
        if lower not in EXAMPLE_LEADS or (lower == "such" and not (j + 1 < end and doc[j + 1].lower_ == "as")):
            return False
        head = doc[piece_start:j] if j > piece_start else pieces[-1] if pieces else None
        return head is not None and not self._plausible(self._trimmed(head))

    @staticmethod
    def _asides(doc: Doc, start: int, end: int) -> set[int]:
        """The indices between ``start`` and ``end`` inside brackets: "HDL (increased by 5%) increased"."""
        inside, depth = set(), 0
        for k in range(start, end):
            depth += (doc[k].text in OPEN) - (doc[k].text in CLOSE)
            if depth > 0:
                inside.add(k)
        return inside

    def _before(self, doc: Doc, cue: Span) -> list[Span]:
        """The outcome phrase before a cue that follows its subject ("X was similar", "X did not differ")."""
        start = sentence_of(doc, cue.start)[0]
        j = cue.start
        while j > start and cue.start - j < self.max_outcome_tokens:
            token = doc[j - 1]
            if (token.is_punct and token.text not in ("-", "/")) or token.lower_ in ("the", "a", "an", "that", "and"):
                break
            if token.lower_ in self.boundaries and token.lower_ not in ("of", "to", "in"):
                if j == cue.start:
                    j -= 1
                    continue  # the auxiliary of the cue: "X was similar"
                break
            j -= 1
        end = cue.start
        while end > j and doc[end - 1].lower_ in self.boundaries:
            end -= 1
        span = doc[j:end]
        return [span] if self._plausible(span) else []

    def _trimmed(self, span: Span) -> Span:
        """The outcome without leading words that name no measure ("levels of ACTH" → "ACTH")."""
        doc, start = span.doc, span.start
        while True:
            words = [t.lower_ for t in doc[start : span.end]]
            fits = [lead for lead in self.leads if len(lead) < len(words) and tuple(words[: len(lead)]) == lead]
            lead = max(fits, key=len, default=None)
            if lead is None:
                return doc[start : span.end]
            start += len(lead)

    def _plausible(self, span: Span) -> bool:
        """A name, not a fragment: no stop word, adverb or cue-like word at either edge, not one generic word."""
        if (
            not len(span)
            or not any(t.is_alpha and len(t) > 2 or self._hyphenated_name(t.lower_) for t in span)
            or "\n" in span.text
        ):
            return False
        first, last = span[0], span[-1]
        for token in (first, last):
            if token.lower_ in self.edge_words or token.is_stop or token.like_num or token.lower_.endswith("ly"):
                return False
        if tuple(outcome_key(span.text)) in self.design_names:
            return False  # "The sample size was calculated": the design's, not a measure
        return not (len(span) == 1 and first.lower_ in self.alone_words)

    def _body_direction(self, doc: Doc, span: Span, cues: list[Match], salience: Salience) -> str:
        """The direction of an outcome named in the title or the aim, from the first result sentence outside the
        background that names its head word near a cue ("... on cortisol levels" → "cortisol was lower")."""
        key = outcome_key(span.text)
        if not key:
            return "reported"
        head = key[-1]
        for cue in cues:
            if salience.in_title(cue.span) or sentence_of(doc, cue.span.start) == sentence_of(doc, span.start):
                continue
            if any(_word_key(token.text) == head for token in self._near(doc, cue.span)):
                return self._direction(doc, cue)
        return "reported"

    def _near(self, doc: Doc, cue: Span) -> list[Token]:
        """The words of the cue's sentence within ``cue_window`` of it either side, bracketed asides not counted:
        "superior for the relief of pain (P < 0.05), and facial swelling"."""
        start, end = sentence_of(doc, cue.start)
        found: list[Token] = []
        for step, first in ((-1, cue.start - 1), (1, cue.end)):
            i, counted, depth = first, 0, 0
            while start <= i < end and counted < self.cue_window:
                text = doc[i].text
                depth += (text in CLOSE) - (text in OPEN) if step < 0 else (text in OPEN) - (text in CLOSE)
                counted += depth <= 0 and text not in OPEN + CLOSE
                found.append(doc[i])
                i += step
        return found

    def _nearest_direction(self, doc: Doc, span: Span, cues: list[Match]) -> str:
        """The direction of the cue nearest the outcome in its sentence; not one of a later clause ("X was 24 vs 7
        weeks (P < 0.05) but survival was similar")."""
        start, end = sentence_of(doc, span.start)
        inside = [c for c in cues if start <= c.span.start < end and not self._later_clause(doc, span, c.span)]
        near = [c for c in inside if gap(c.span, span) <= self.cue_window]
        if near:
            return self._direction(doc, min(near, key=lambda c: gap(c.span, span)))
        # a long list of measures a sentence's one result applies to: "improvements in the areas of fatigue (26.9%),
        # alertness (28.2%), ... and mental health (13.9%)"
        found = {self._direction(doc, c) for c in inside if c.label != "reported"}
        return found.pop() if len(found) == 1 else "reported"

    @staticmethod
    def _later_clause(doc: Doc, span: Span, cue: Span) -> bool:
        """A clause joined by "but" (or a CLAUSE_ENDS word) stands between the outcome and the cue after it."""
        return any(t.lower_ in CLAUSE_ENDS or t.lower_ == "but" for t in doc[span.end : cue.start])

    def _timepoint(self, doc: Doc, span: Span, timepoints: list[Match]) -> tuple[str, tuple[int, int]] | None:
        start, end = sentence_of(doc, span.start)
        near = [t for t in timepoints if start <= t.span.start < end]
        if not near:
            return None
        best = min(near, key=lambda t: gap(t.span, span))
        text = re.sub(r"\s+", " ", str(best.rule.get("text") or best.span.text))
        return text, (best.span.start_char, best.span.end_char)

    # -- adverse events ----------------------------------------------------------------------------------------

    def adverse_events(self, doc: Doc) -> None:
        for m in self.best(doc, "adverse_events"):
            start, end = sentence_of(doc, m.span.start)
            if any(t.lower_ in self.ae_cues for t in doc[start:end]):
                name = self._name(m).lower()
                spans.add_span(
                    doc.spans[spans.ADVERSE_EVENT], Span(doc, m.span.start, m.span.end, "adverse_event"), name, 0.7
                )
