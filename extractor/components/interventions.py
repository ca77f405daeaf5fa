"""Interventions and comparators with dose, route, duration and frequency.

Names come from a lexicon of drugs, therapies and comparators (``data/interventions.tsv``) and token patterns for
drug-name stems and therapy phrases (``data/interventions.jsonl``); abbreviations the article defines for a named
intervention ("prothrombin complex concentrates (PCC)") count as that intervention. A mention is a comparator when
the lexicon says so (placebo, sham, usual care), when it reads "X alone", or when it follows "versus" / "compared
with". Doses, durations and frequencies (``data/dose.jsonl``) and routes (``data/routes.tsv``) are written as
groups of their own and linked to the nearest named mention in their sentence; a list of doses of one drug
("2.5, 5 or 10 mg") gives one arm per dose (``arm_doses``). When the title or an allocation sentence names
treatments, drugs named only elsewhere (sedation, background therapy) are left out.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractor import spans
from extractor.components import frames
from extractor.components.base import RuleComponent, alternation
from extractor.components.dose import concentration_units, normalise_amount, parse_dose, units
from extractor.components.outcomes import P_VALUE
from extractor.components.rules import (
    Match,
    defined_abbreviations,
    doc_text,
    gap,
    grouped,
    phrase_rules,
    sentence_bounds,
    sentence_of,
    whole_words,
)
from extractor.components.salience import Salience
from extractor.components.tagger import DEFAULT_ARM_TAGGER, load_tagger, spans_of
from extractor.lexicons import read_jsonl, read_tsv
from extractor.numbers import HYPHEN_CHARS, NUMBER_RE, parse_number

KEYS = (spans.INTERVENTION, spans.COMPARATOR, spans.DOSE, spans.ROUTE, spans.DURATION, spans.FREQUENCY)
NAME_KINDS = ("drug", "therapy", "comparator")
FACTS = ("dose", "route", "duration", "frequency")
CONFIDENCE = {"drug_suffix": 0.7, "abbreviation": 0.8, "frame": 0.6, "design_control": 0.6, "tagger": 0.55}
MAX_TAGGED_TOKENS = 6  # a longer run the arm tagger marks is a clause, not a treatment's name
# a setting word this many tokens before a broad word: "during repeated high intensity exercise", "after eye
# enucleation and orbital hydroxyapatite implant surgery"
SETTING_WINDOW = 8
SLASHED = re.compile(r"[A-Za-z][\w-]*/[\w/-]*[A-Za-z0-9]")
# What may stand between two items of a list of comparators: a dose, then a comma, "or", "and".
LIST_GAP = re.compile(r"^\s*(?:[\d.,]+\s*[^\s,]*\s*)?(?:,|,?\s*(?:or|and|and/or))\s*$", re.IGNORECASE)
LIST_WORD = re.compile(r"\b(?:or|and)\b", re.IGNORECASE)
OPENING_WORDS = 1  # words before a comparison cue that still open the sentence ("As compared with placebo, ...")
# What may stand between two treatments a route is said of together: their doses, bracketed or not, and list words
# ("gantenerumab 105 mg or 225 mg or placebo ... by subcutaneous injection", "lidocaine (20 mg), ketorolac (10 mg)").
ROUTE_LIST_GAP = re.compile(
    rf"^\s*(?:(?:\(?(?:{NUMBER_RE})\s*[^\s,()]*\)?|[(),]|or|and|and/or|either)\s*)+$", re.IGNORECASE
)
# What may stand between a treatment and the "alone" that makes it the control arm: its dose, then a bracket.
ALONE_GAP = re.compile(rf"^\s*(?:(?:{NUMBER_RE})\s*[^\s,()]*\s*)?(?:\([^()]*\)\s*)?$")
# What joins a drug's dose to a placebo-like control named with it: "propofol 2 mg/kg plus normal saline".
DOSED_JOIN = re.compile(rf"^\s*(?:{NUMBER_RE})\s*[^\s,()]*\s*(\S+)\s*$")
# A sentence stating what the arms got: "groups received either X alone or ...", "randomised to X alone or ...".
ARMS_SENTENCE = re.compile(
    r"\b(?:either|groups?\s+(?:received|were\s+given|got)|randomi[sz]|randomly|assigned|allocat)", re.IGNORECASE
)
# How far back a list of measured things may start ("levels of serum lipids, cyclosporine") and the words that end
# it: a preposition or a verb of giving starts another phrase ("levels of IL-6 in patients receiving propofol").
MEASURED_LIST_TOKENS = 8
LIST_STOPS = frozenset(
    [
        "in",
        "with",
        "on",
        "by",
        "after",
        "for",
        "to",
        "from",
        "during",
        "versus",
        "vs",
        "than",
        "receiving",
        "received",
        "given",
        "treated",
        "under",
        "among",
        "at",
    ]
)
# What joins two treatments given together as one arm: "dexmedetomidine with sufentanil", "X plus Y", "X combined
# with Y", "X added to Y".
COMBINED = re.compile(r"^\s*(?:with|plus|\+|and|combined\s+with|in\s+combination\s+with|added\s+to)\s*$", re.I)
# A sentence allocating participants to arms: the treatments it names are the study's.
ALLOCATION = re.compile(r"\b(?:randomi[sz]|randomly|assigned|allocat|divided)", re.IGNORECASE)
# Doses of one drug listed as arms: "4 g/day or 2 g/day", "30 mg, 60 mg or 90 mg", and bare numbers before a dose,
# "2 or 4 mg/kg/day" ("2 and 4 mg/kg" is a range: the dose rules read it so).
ARM_GAP = re.compile(r"^\s*(?:,|,?\s*(?:or|and|and/or))\s*$", re.IGNORECASE)
BARE_ARMS = re.compile(rf"(?<![\w.,])((?:(?:{NUMBER_RE})\s*(?:,\s*|,?\s+or\s+))+)$")
BARE_NUMBER = re.compile(NUMBER_RE)
ROMAN = re.compile(r"^[IVX]+$")
# a design adjective naming its control: "placebo-controlled" (one token), "placebo controlled"
DESIGN_CONTROL = re.compile(r"(?<![\w-])([a-z]+)[- ]controlled(?![\w-])", re.IGNORECASE)
# A sentence saying how the arms' treatments were given without naming them ("Treatment was administered
# intravenously", "Patients received the different regimens intravenously", "Each group was given orally"): a route
# stated there with no name in reach is every named treatment's.
ARM_REFERENCE = re.compile(
    r"\b(?:treatments?|regimens?|products?|drugs?|medications?|interventions?|(?:each|both|all) groups?"
    r"|(?:both|all|the|each) arms?)\b",
    re.IGNORECASE,
)
ADMINISTERED = re.compile(r"\b(?:administ(?:er|rat)ed|given|delivered|received|infused|injected)\b", re.IGNORECASE)
# The arms as the subject of the giving, the route or dose right after it ("Each group was administered intravenously
# and ..., after an injection of rocuronium", "Both drugs were given as 20-mg doses"): the fact is every arm's, not
# that of a drug named later in the sentence.
ARMS_GIVEN = re.compile(
    rf"(?:{ARM_REFERENCE.pattern})\s+(?:was|were)\s+(?:{ADMINISTERED.pattern})"
    r"(?:\s+(?:as|at|in)(?:\s+(?:an?|doses?\s+of|an?\s+dose\s+of))?)?\s*$",
    re.IGNORECASE,
)
# What the control arm was given, said of it by its generic name: "The control group completed the same case
# discussions without X", "cats in the control group received Y", "Z were taught to the control group". The phrase names
# that arm (a record names the control by what it got, not as "control group"). A count before the group ("97 (10%)
# patients in the control group received ...") reports a result, not the arm.
CONTROL_ARM = r"(?:the\s+)?controls?(?:\s+(?:group|arm|condition)s?)?"
CONTROL_GOT = re.compile(
    rf"(?<![\w-]){CONTROL_ARM}\s+(?:\([^()]*\)\s+)?(?:only\s+)?(?:received|completed|underwent|got|attended|followed"
    r"|(?:was|were)\s+(?:given|offered|provided\s+with|treated\s+with|assigned\s+to))\s+"
    r"(?P<x>[^.;:,()\d]{3,100}?)(?=\s*[.;:,(]|\s+(?:for|during|over|at|while|whereas|in\s+the|every|daily|until)\b)",
    re.IGNORECASE,
)
CONTROL_GIVEN = re.compile(
    r"(?:^|[.;:]\s+|\bwhile\s+|\bwhereas\s+)(?P<x>[^.;:,()\d]{3,100}?)\s+(?:was|were)\s+(?:taught|given|provided|"
    rf"offered|delivered|administered)\s+to\s+{CONTROL_ARM}(?![\w-])",
    re.IGNORECASE,
)
# The control arm named by what it goes without, where the arms are allocated or what the control got is said ("the
# control group (n = 34) without insoles", "control (no trimetazidine, n = 124)", "the control group patients received
# no statins"); its people nouns and the first words that say a result instead ("without significant differences")
# are in data/absent_arms.tsv.
CONTROL_LACKS = (
    rf"(?<![\w-]){CONTROL_ARM}(?:\s+(?:{{people}}))?\s*(?:\([^()]*\)\s*)?(?:[-–(,]\s*)?"
    r"(?P<verb>(?:with|received|receiving|were\s+given|was\s+given|got|had)\s+)?"
    r"(?P<x>(?:no|without)\s+(?!(?:{not_})(?![\w-]))[^.;:,()\d]{{2,60}}?)"
    r"(?=\s*[.;:,()]|\s+(?:for|during|over|at|while|whereas|in|every|daily|until|and|or|but)(?![\w-])|$)"
)
CONTROL_LEADS = re.compile(r"^(?:(?:the|a|an|same|only|identical|similar)\s+)+", re.IGNORECASE)
HYPHENS = frozenset(HYPHEN_CHARS)  # one character each: "no-morphine", "no‐morphine"
GLUED = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z]{3})")  # "ProgramZofenopril": two words with no space between


@Language.factory(
    "studysift_interventions",
    assigns=["doc.spans"],
    default_config={"max_link_tokens": 30, "cue_window": 3, "tagger": DEFAULT_ARM_TAGGER},
)
def make_interventions(
    nlp: Language, name: str, max_link_tokens: int, cue_window: int, tagger: str
) -> InterventionsComponent:
    return InterventionsComponent(nlp, name, max_link_tokens=max_link_tokens, cue_window=cue_window, tagger=tagger)


@dataclass
class Mention:
    span: Span
    name: str
    kind: str  # drug | therapy | comparator (the lexicon's kind)
    comparator: bool
    confidence: float
    facts: dict[str, tuple[int, Span, Any]] = field(default_factory=dict)  # key → (distance, evidence, value)
    generic: bool = False  # a broad word ("surgery", "exercise"): an intervention only when the title names it
    dosed: bool = False  # a name made of a word and its dose form ("cladribine tablets"): a treatment only with a dose
    framed: bool = False  # named by its place in a sentence ("randomised to X or Y"): salient without a repeat
    arm_doses: list[dict[str, Any]] = field(default_factory=list)  # the other doses of a dose list: other arms
    alone_of: str | None = None  # "X alone": the control arm of an add-on design, X given without the add-on
    tagged: bool = False  # found by the arm tagger: kept where it stands, but no evidence that other names are not arms


@dataclass
class Fact:
    key: str
    span: Span
    value: Any
    weak: bool = False
    adjacent: bool = False  # a concentration ("bromfenac 0.09%"): a dose only right beside the drug's name


def in_design_phrase(span: Span) -> bool:
    """Whether a control's name opens a design adjective ("placebo-controlled", "sham controlled"): the phrase says
    the trial has such an arm, not what the arm was ("saline was used as the control")."""
    return DESIGN_CONTROL.match(doc_text(span.doc), span.start_char) is not None


def default_rules() -> list[dict[str, Any]]:
    """Name, route and amount rules from the data files (``names``, ``routes`` and ``amounts`` rule sets)."""
    return (
        grouped("names", with_plurals(phrase_rules("interventions.tsv", label_column=2, flags_column=3)))
        + grouped("names", read_jsonl("interventions.jsonl"))
        + grouped("names", [{"label": "generic", "phrase": row[0]} for row in read_tsv("generic_drug_refs.tsv")])
        + grouped("routes", phrase_rules("routes.tsv"))
        + read_jsonl("dose.jsonl")
    )


def with_plurals(rules: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Lexicon phrases of several words also in the plural ("no interventions", "control groups"), named as the
    singular: the lexicon lists each name once."""
    plurals = []
    for rule in rules:
        phrase = rule["phrase"]
        if " " in phrase and re.search(r"[a-z]{3}(?<![sy])$", phrase) and "case" not in rule["flags"]:
            name = (rule["cols"][0] if rule["cols"] and rule["cols"][0] else phrase).lower()
            plurals.append({**rule, "phrase": phrase + "s", "cols": [name, *rule["cols"][1:]]})
    return rules + plurals


class InterventionsComponent(RuleComponent):
    data_file = "interventions.jsonl"
    keys = KEYS

    def __init__(
        self,
        nlp: Language,
        name: str,
        rules: list[dict[str, Any]] | None = None,
        *,
        max_link_tokens: int = 30,
        cue_window: int = 3,
        tagger: str = DEFAULT_ARM_TAGGER,
    ) -> None:
        super().__init__(nlp, name, default_rules() if rules is None else rules)
        self.tagger = load_tagger(tagger)
        self.max_link_tokens = max_link_tokens
        self.cue_window = cue_window
        blockers = [(r[0].lower(), r[1] if len(r) > 1 else "after") for r in read_tsv("intervention_blockers.tsv")]
        self.blockers = {word for word, side in blockers if side == "after"}
        self.blockers_before = {word for word, side in blockers if side == "before"}
        self.settings = {word for word, side in blockers if side == "setting"}
        self.blockers_of = {word for word, side in blockers if side == "of"}
        # one-word lexicon names, for the parts of slashed tokens ("artesunate/placebo") the tokenizer keeps whole
        self.words = {
            row[0].lower(): ((row[1] or row[0]).lower(), row[2])
            for row in read_tsv("interventions.tsv")
            if " " not in row[0] and "case" not in (row[3] if len(row) > 3 else "")
        }
        self.dose_exclusions = {row[0].lower() for row in read_tsv("dose_exclusions.tsv")}
        salts = [(row[0].lower(), set(row[1].split(","))) for row in read_tsv("salt_words.tsv")]
        after = alternation(word for word, sides in salts if "after" in sides)
        before = alternation(word for word, sides in salts if "before" in sides)
        self.salt_after = re.compile(rf"\s+({after})(?![\w-])", re.IGNORECASE)
        self.salt_before = re.compile(rf"(?<![\w-])({before})\s+$", re.IGNORECASE)
        sides = [(row[0].lower(), row[1] if len(row) > 1 else "after") for row in read_tsv("route_blockers.tsv")]
        self.route_blockers = {word for word, side in sides if side == "after"}
        self.route_blockers_before = {word for word, side in sides if side == "before"}
        # one-word routes that name how a treatment is given wherever they stand ("sublingual X" is X given so)
        self.route_words = {
            row[0].lower()
            for row in read_tsv("routes.tsv")
            if " " not in row[0] and not {"weak", "case"} & set((row[2] if len(row) > 2 else "").split(","))
        }
        joins = [(row[0].lower(), row[1]) for row in read_tsv("co_treatment_joins.tsv")]
        self.joins = {word for word, kind in joins if kind == "join"}
        self.placebo_words = {word for word, kind in joins if kind == "placebo"}
        self.generic_controls = {row[0].lower() for row in read_tsv("generic_comparators.tsv")}
        absent = [(row[0].lower(), row[1]) for row in read_tsv("absent_arms.tsv")]
        self.arm_nouns = {word for word, kind in absent if kind == "arm"}
        self.control_lacks = re.compile(
            CONTROL_LACKS.format(
                people=alternation(word for word, kind in absent if kind == "people"),
                not_=alternation(word for word, kind in absent if kind == "not"),
            ),
            re.IGNORECASE,
        )

    def annotate(self, doc: Doc) -> None:
        matches = self.best(doc, "names")
        mentions = self.mentions(doc, matches)
        generic = [m.span for m in matches if m.label == "generic"]
        facts = self.facts(doc)
        for fact in facts:
            self.link(doc, fact, mentions, generic)
        self._dose_from_alone_arm(mentions)
        salience = Salience.of(doc)
        broad_kept = {
            m.name
            for m in mentions
            if m.generic and (salience.in_title(m.span) and not self._setting(doc, m.span) or m.comparator)
        }
        mentions = [m for m in mentions if not m.generic or m.name in broad_kept]
        dosed = {m.name for m in mentions if m.dosed and "dose" in m.facts}
        mentions = [m for m in mentions if not m.dosed or m.name in dosed]
        mentions = salience.keep(
            mentions, lambda m: m.span, lambda m: m.name, lambda m: bool(m.facts) or m.comparator or m.framed
        )
        background = self._co_treatments(doc, mentions)
        mentions = [m for m in mentions if m.name not in background]
        mentions = self._arms_only(doc, mentions, salience)
        linked = {id(m.facts[k][1]) for m in mentions for k in m.facts}
        for m in mentions:
            arms = self._arm_doses(doc, m.facts["dose"], facts, linked) if "dose" in m.facts else []
            if arms:  # the first in the text is the mention's own dose, the others' arms follow it
                m.facts["dose"] = (m.facts["dose"][0], *arms[0])
                m.arm_doses = [value for _, value in arms[1:]]
        for fact in facts:
            if fact.weak and id(fact.span) not in linked:
                continue
            if fact.key == "route":
                spans.add_span(
                    doc.spans[spans.ROUTE], Span(doc, fact.span.start, fact.span.end, fact.value), fact.value
                )
            else:
                spans.add_span(doc.spans[fact.key], fact.span, fact.value)
        for m in mentions:
            attrs: dict[str, Any] = {}
            for key in FACTS:
                found = m.facts.get(key)
                attrs[key] = found[2] if found else None
                attrs[f"{key}_span"] = (found[1].start_char, found[1].end_char) if found else None
            attrs["arm_doses"] = m.arm_doses or None
            group = doc.spans[spans.COMPARATOR if m.comparator else spans.INTERVENTION]
            # the name as span id: the parts of a slashed token ("budesonide/formoterol") share its offsets
            span = Span(doc, m.span.start, m.span.end, m.kind, span_id=m.name)
            spans.add_span(group, span, m.name, m.confidence, **attrs)

    # -- names -------------------------------------------------------------------------------------------------

    def mentions(self, doc: Doc, matches: list[Match]) -> list[Mention]:
        cues = [m.span for m in matches if m.label == "comparison" and not self._result_than(doc, m.span)]
        alone = {m.span.start: self._name(m) for m in matches if m.label == "alone"}  # start → "alone" / "only"
        found: list[Mention] = []
        for m in matches:
            if m.label not in NAME_KINDS or self._blocked(doc, m.span):
                continue
            if "allocation" in (m.rule.get("flags") or ()) and not self._in_allocation(doc, m.span):
                continue  # a bare "control" names an arm where the arms are allocated, not "glycemic control"
            mention = Mention(m.span, self._name(m), m.label, m.label == "comparator", self._confidence(m))
            mention.generic = "generic" in (m.rule.get("flags") or ())
            mention.dosed = "dosed" in (m.rule.get("flags") or ())
            found.append(mention)
        found = self._with_salts(doc, found)
        found = self._with_slashed(doc, found)
        found = self._with_design_controls(doc, found)
        found = self._with_abbreviations(doc, found)
        found = self._with_frames(doc, found)
        found = self._with_tagged(doc, found, cues)
        found = self._with_control_content(doc, found)
        found = self._with_absent_arms(doc, found)
        found = self._described(doc, self._with_restatements(doc, found))
        found = self._with_abbreviations(doc, found)  # also the short forms of names found by frame or restatement
        listing: set[int] = set()  # mentions that head or continue a list of comparators
        opening: set[int] = set()  # ... in a comparison phrase that opens its sentence ("Compared with placebo, ...")
        alone_starts = sorted(alone)
        alone_said: dict[str, str] = {}  # treatment → the word its "alone" arm is first named with
        for i, mention in enumerate(found):
            word = self._alone_word(doc, mention.span, alone_starts)
            if word is not None:  # "fentanyl alone", "loxoprofen sodium only": one arm, named as first said
                if word == mention.span.end:
                    mention.span = doc[mention.span.start : word + 1]
                said = alone_said.setdefault(mention.name, alone[word])
                mention.alone_of, mention.name = mention.name, f"{mention.name} {said}"
                mention.comparator = True
            previous_end = found[i - 1].span.end if i else 0
            for cue in cues:
                if previous_end <= cue.start and 0 <= mention.span.start - cue.end <= self.cue_window:
                    mention.comparator = True
                    listing.add(i)
                    if cue.start - sentence_of(doc, cue.start)[0] <= OPENING_WORDS:
                        opening.add(i)
            if mention.comparator and self._after_treatment(doc, found, i):
                listing.add(i)
            between = doc[found[i - 1].span.end : mention.span.start].text if i else ""
            if i - 1 in opening and not LIST_WORD.search(between):
                continue  # "Compared with placebo, IPE 4 g/day reduced TG": the opening phrase ends at its comma
            if i - 1 in listing and LIST_GAP.match(between):
                mention.comparator = True  # "placebo, lisinopril 10 mg/day or ramipril"
                listing.add(i)
                if i - 1 in opening:
                    opening.add(i)
        # A drug compared against ("haloperidol versus olanzapine") is the comparator wherever it is named, unless the
        # title names it as the treatment.
        title = Salience.of(doc).in_title
        compared = {m.name for m in found if m.comparator and m.kind != "comparator"}
        treated_in_title = {m.name for m in found if not m.comparator and title(m.span)}
        compared_only = compared - treated_in_title - self._armed_beside_control(doc, found) if compared else set()
        for mention in found:
            if mention.name in compared_only:
                mention.comparator = True
        return found

    @staticmethod
    def _in_allocation(doc: Doc, span: Span) -> bool:
        """Whether the span stands in a sentence allocating participants to arms ("randomized to intervention or
        control", "divided into an experimental (n = 30) and control (n = 30) group")."""
        start, end = sentence_of(doc, span.start)
        return bool(ALLOCATION.search(doc_text(doc), doc[start].idx, doc[end - 1].idx + len(doc[end - 1])))

    def _result_than(self, doc: Doc, cue: Span) -> bool:
        """Whether a "than" reports a result between two arms ("intubations were higher in the standard group than
        the nCPAP group (P < 0.05)"): which arm stands after it follows the direction of the finding, not which arm
        is the control."""
        return cue.text.lower() == "than" and self._reports_test(doc, cue)

    @staticmethod
    def _dose_from_alone_arm(mentions: list[Mention]) -> None:
        """A treatment tested in its own arm too ("fimasartan 120 mg alone") has the dose stated there when its other
        mentions state none."""
        doses = {m.alone_of: m.facts["dose"] for m in mentions if m.alone_of and "dose" in m.facts}
        for m in mentions:
            if not m.comparator and m.name in doses and "dose" not in m.facts:
                m.facts["dose"] = doses[m.name]

    @staticmethod
    def _alone_word(doc: Doc, span: Span, alone: list[int]) -> int | None:
        """The "alone" / "only" that makes a treatment the control arm of an add-on design: right after its name or
        after its dose and a bracket ("loxoprofen sodium 68.1 mg (as needed) only")."""
        i = bisect_left(alone, span.end)
        # the text between, by character offsets: a slice of the Doc would make a Token per word up to the word
        if i < len(alone) and ALONE_GAP.match(doc_text(doc)[doc[span.end].idx : doc[alone[i]].idx]):
            return alone[i]
        return None

    @staticmethod
    def _armed_beside_control(doc: Doc, found: list[Mention]) -> set[str]:
        """Treatments an allocation sentence lists as arms beside a control ("randomised to granisetron 1 mg,
        ondansetron 4 mg or normal saline"): each is tested against that control, so one compared with the other
        elsewhere ("granisetron versus ondansetron") is still an intervention."""
        armed: set[str] = set()
        run: list[Mention] = []  # the current list of arms, in text order
        for i, m in enumerate(found):
            between = doc[found[i - 1].span.end : m.span.start].text if i else ""
            if not (run and LIST_GAP.match(between) and sentence_of(doc, m.span.start)[0] <= run[-1].span.start):
                run = []
            run.append(m)
            if m.kind == "comparator" and len(run) > 1:
                start, end = sentence_of(doc, m.span.start)
                if ALLOCATION.search(doc[start:end].text):
                    armed.update(a.name for a in run if a.kind != "comparator")
        return armed

    @staticmethod
    def _after_treatment(doc: Doc, found: list[Mention], i: int) -> bool:
        """Whether a treatment is named before, in the same sentence, as the thing compared: a comparator then heads a
        list of comparators ("zofenopril 60 mg/day with placebo, lisinopril or ramipril"). A list a placebo opens
        with none before it lists the arms ("randomised to placebo or erlotinib"): a placebo is named first as often
        as last. ``found`` is in text order; the comparator is ``found[i]``."""
        start = sentence_of(doc, found[i].span.start)[0]
        for m in (found[j] for j in range(i - 1, -1, -1)):  # walking back, no copy of the mentions before
            if m.span.start < start:
                return False
            if not m.comparator:
                return True
        return False

    @staticmethod
    def _arms_only(doc: Doc, mentions: list[Mention], salience: Salience) -> list[Mention]:
        """When the title or an allocation sentence names treatments, only those are the study's: others named
        elsewhere ("propofol sedation", "insulin") are given around the study, not tested."""

        def in_arm_context(m: Mention) -> bool:
            if salience.in_title(m.span):
                return True
            start, end = sentence_of(doc, m.span.start)
            return bool(ALLOCATION.search(doc[start:end].text))

        armed = [
            re.findall(r"\w+", m.name) for m in mentions if not m.comparator and not m.tagged and in_arm_context(m)
        ]
        if not armed:
            return mentions
        # a longer or shorter form of an allocated treatment ("ketamine-assisted psychotherapy") is one too
        return [
            m
            for m in mentions
            if m.comparator or m.tagged or any(frames.overlaps(re.findall(r"\w+", m.name), a) for a in armed)
        ]

    def _co_treatments(self, doc: Doc, mentions: list[Mention]) -> set[str]:
        """Drugs joined to a lexicon comparator as one arm ("codeine plus placebo", "placebo and amodiaquine"): the
        control arm gets them too, so they are a background treatment of both arms, not what the study tests."""
        found: set[str] = set()
        for a, b in zip(mentions, mentions[1:], strict=False):
            between = doc[a.span.end : b.span.start]
            if (
                not 0 < len(between) <= 2
                or (self._placebo(a) == self._placebo(b))
                or "comparator" not in (a.kind, b.kind)
            ):
                continue
            join = between[0] if self._placebo(a) else between[-1]  # next to the placebo: "X salt plus placebo"
            if join.lower_ in self.joins:
                found.add(b.name if self._placebo(a) else a.name)
        return found | self._with_dosed_joins(doc, mentions) | self._added_to_alone_arm(doc, mentions)

    def _with_dosed_joins(self, doc: Doc, mentions: list[Mention]) -> set[str]:
        """Drugs joined to a placebo-like comparator after their own dose ("propofol 2 mg/kg plus normal saline 2 ml
        (Group C) and propofol 2 mg/kg plus 2% lidocaine"): the control arm gets the drug too."""
        found: set[str] = set()
        for a, b in zip(mentions, mentions[1:], strict=False):
            if self._placebo(a) or not self._placebo(b):
                continue
            m = DOSED_JOIN.match(doc[a.span.end : b.span.start].text)
            if m and m.group(1).lower() in self.joins:
                found.add(a.name)
        return found

    @staticmethod
    def _added_to_alone_arm(doc: Doc, mentions: list[Mention]) -> set[str]:
        """A drug whose "X alone" is the control arm and that the same sentence, one stating the arms, names combined
        with another treatment ("All two groups received PCIA with either sufentanil alone (control group) or
        combining dexmedetomidine with sufentanil"): the add-on design gives X
        to both arms, a background treatment, not what the study tests. Not when the other treatment has its own
        "alone" arm too (a factorial design tests both)."""
        arms = [m for m in mentions if m.alone_of]
        if len({m.alone_of for m in arms}) != 1:
            return set()
        base = arms[0].alone_of
        # the sentences stating the arms ("the curve of fentanyl combined with ketamine was steeper than of fentanyl
        # alone" reports a result)
        stated = [sentence_of(doc, m.span.start) for m in arms]
        stated = [(start, end) for start, end in stated if ARMS_SENTENCE.search(doc[start:end].text)]
        for a, b in zip(mentions, mentions[1:], strict=False):
            if a.comparator or b.comparator or a.name == b.name or base not in (a.name, b.name):
                continue
            in_stated = any(start <= a.span.start < end for start, end in stated)
            if in_stated and COMBINED.match(doc[a.span.end : b.span.start].text):
                return {base}
        return set()

    def _placebo(self, mention: Mention) -> bool:
        return mention.kind == "comparator" and bool(self.placebo_words & set(mention.name.split()))

    @staticmethod
    def _name(match: Match) -> str:
        cols = match.rule.get("cols") or []
        if cols and cols[0]:
            return str(cols[0]).lower()
        # a title glued to the next line's first word ("the SMILE ProgramZofenopril") names the drug after the seam
        return GLUED.split(match.span.text)[-1].lower()

    @staticmethod
    def _confidence(match: Match) -> float:
        return CONFIDENCE.get(str(match.rule.get("id")), 0.9)

    def _setting(self, doc: Doc, span: Span) -> bool:
        """A broad word after "after", "during", "undergoing" ...: the setting of the study ("pain after surgery"),
        not its treatment."""
        for token in reversed(doc[max(0, span.start - SETTING_WINDOW) : span.start]):
            if token.is_punct:
                return False
            if token.lower_ in self.settings:
                return True
        return False

    def _blocked(self, doc: Doc, span: Span) -> bool:
        """Followed by a blocker ("estrogen receptors"), also across a coordinated word ("estrogen and progesterone
        receptors") or the fluid it is measured in ("cyclosporine serum levels"), preceded by one ("plasma glucose"),
        or the object of a measured quantity ("serum levels of cyclosporine", "onset time of rocuronium")."""
        start = span.start
        if start > 0 and doc[start - 1].lower_ in self.blockers_before:
            return True
        if self._measured_of(doc, start):
            return True
        end = span.end
        if end + 2 < len(doc) and doc[end].lower_ in ("and", "or", "/") and doc[end + 1].is_alpha:
            end += 2
        if end + 1 < len(doc) and doc[end].lower_ in self.blockers_before:
            end += 1
        return end < len(doc) and doc[end].lower_ in self.blockers

    def _measured_of(self, doc: Doc, start: int) -> bool:
        """Whether the name at ``start`` is the object, or in the list of objects, of a measured quantity: "serum
        levels of cyclosporine", "onset time of rocuronium", "levels of serum lipids, cyclosporine and creatinine"."""
        listed = False
        for i in range(start - 1, max(0, start - MEASURED_LIST_TOKENS) - 1, -1):
            word = doc[i].lower_
            if word == "of":
                return (i == start - 1 or listed) and bool(
                    self.blockers_of & {t.lower_ for t in doc[max(0, i - 2) : i]}
                )
            if word == ",":
                listed = True
            elif not (doc[i].is_alpha or doc[i].text == "-") or word in LIST_STOPS:
                return False
        return False

    def _with_salts(self, doc: Doc, found: list[Mention]) -> list[Mention]:
        """A drug's salt or formulation words beside it are part of its name ("diclofenac potassium alone" is the
        potassium salt's arm, "sodium valproate" one drug); a salt word the lexicon also names ("magnesium") joins
        the drug it stands before instead of being a drug of its own."""
        joined: set[int] = set()  # token starts of salt words taken into the name of the drug after them
        for m in found:
            if m.kind != "drug":
                continue
            before = self.salt_before.search(doc_text(doc), 0, m.span.start_char)
            after = self.salt_after.match(doc_text(doc), m.span.end_char)
            start = before.start(1) if before else m.span.start_char
            span = doc.char_span(start, after.end(1) if after else m.span.end_char)
            if span is None or span == m.span:
                continue
            if before:
                joined.add(span.start)
            lead = [before.group(1).lower()] if before else []
            tail = [after.group(1).lower()] if after else []
            m.name = " ".join([*lead, m.name, *tail])
            m.span = span
        return [m for m in found if not (m.span.start in joined and m.span.end == m.span.start + 1)]

    def _with_slashed(self, doc: Doc, found: list[Mention]) -> list[Mention]:
        """Lexicon names inside one slashed token ("artesunate/placebo", "tamoxifen/10"), each on that token; two
        treatments there ("budesonide/formoterol") are one combination product, named by both."""
        taken = {i for m in found for i in range(m.span.start, m.span.end)}
        extra = []
        for match in SLASHED.finditer(doc_text(doc)):
            token = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if token is None or len(token) != 1 or token.start in taken:
                continue
            parts = [self.words[part] for part in token.text.lower().split("/") if part in self.words]
            treatments = [(name, kind) for name, kind in parts if kind != "comparator"]
            if len(treatments) > 1:
                combination = "/".join(name for name, _ in treatments)
                parts = [(combination, treatments[0][1])] + [p for p in parts if p[1] == "comparator"]
            for name, kind in parts:
                extra.append(Mention(token, name, kind, kind == "comparator", 0.8))
        return sorted(found + extra, key=lambda m: m.span.start) if extra else found

    def _with_design_controls(self, doc: Doc, found: list[Mention]) -> list[Mention]:
        """The control a design adjective names ("placebo-controlled", "sham-controlled", one token): the trial has
        that arm, though the text may name it no other way."""
        extra = []
        for match in DESIGN_CONTROL.finditer(doc_text(doc)):
            name, kind = self.words.get(match.group(1).lower(), ("", ""))
            token = doc.char_span(match.start(), match.end())
            if kind == "comparator" and token is not None and len(token) == 1:
                extra.append(Mention(token, name, kind, True, CONFIDENCE["design_control"]))
        return sorted(found + extra, key=lambda m: m.span.start) if extra else found

    def _with_frames(self, doc: Doc, found: list[Mention]) -> list[Mention]:
        """Treatments and controls in a frame slot ("effects of X on", "randomised to X or Y") that hold no named
        mention: the slot's phrase is the name."""
        extra: list[Mention] = []
        # short form start → (its end, its long form)
        long_forms = {a.start: (a.end, a._.long_form.text.lower()) for a in defined_abbreviations(doc)}
        for slot in frames.slots(doc):
            if slot.role not in ("intervention", "comparator") or self._overlaps(slot.span, found + extra):
                continue
            comparator = slot.role == "comparator"
            name = self._expanded(doc, slot.span, long_forms) or slot.name
            for span, part in self._coordinated(doc, slot.span, name):
                extra.append(Mention(span, part, "therapy", comparator, CONFIDENCE["frame"], framed=True))
        return sorted(found + extra, key=lambda m: m.span.start) if extra else found

    def _with_control_content(self, doc: Doc, found: list[Mention]) -> list[Mention]:
        """The control arm named by what it was given ("the control group received X", "X were taught to the control
        group"): the generic control names ("control group", ``data/generic_comparators.tsv``) take that name, unless
        another control is named ("placebo", "usual care"). Only one such phrase: two say of different groups. A
        phrase that is a treatment's name and no more ("the control group received ketamine") is read as it stands."""
        text = doc_text(doc)
        said: set[tuple[int, int]] = set()
        given = [(m, False) for m in (*CONTROL_GOT.finditer(text), *CONTROL_GIVEN.finditer(text))]
        for match, lacks in (*given, *((m, True) for m in self.control_lacks.finditer(text))):
            where = doc.char_span(match.start("x"), match.end("x"), alignment_mode="expand")
            if where is None:
                continue
            if lacks and not (match.group("verb") or self._in_allocation(doc, where)):
                # what the control goes without counts where the arms are allocated ("randomized to X (n = 128) and
                # control (no X, n = 124)": counts before it are the arms', not a result) or with what it got
                # ("received no statins")
                continue
            if not lacks and re.search(r"\d", text[doc[sentence_of(doc, where.start)[0]].idx : match.start()]):
                continue
            lead = CONTROL_LEADS.match(match.group("x"))
            span = doc.char_span(
                match.start("x") + (lead.end() if lead else 0), match.end("x"), alignment_mode="expand"
            )
            if span is not None and len(span):
                said.add((span.start, span.end))
        if len(said) != 1:
            return found
        start, end = said.pop()
        span = doc[start:end]
        if any(m.span.start <= start and end <= m.span.end for m in found):
            return found
        generic = [m for m in found if m.kind == "comparator" and m.name in self.generic_controls]
        if not generic or any(m.comparator and all(m is not g for g in generic) for m in found):
            return found  # no generic name to replace, or the control is named already ("placebo", "usual care")
        name = re.sub(r"\s+", " ", span.text.lower()).strip()
        for m in generic:
            m.name, m.framed = name, True
        return found

    def _with_absent_arms(self, doc: Doc, found: list[Mention]) -> list[Mention]:
        """A treatment named after "no" / "without" as an arm ("the no-morphine group", "the no website condition",
        "cemented TKA with or without tourniquet"; arm nouns in ``data/absent_arms.tsv``): the control arm that goes
        without it, named so ("no morphine", "without tourniquet")."""
        extra: list[Mention] = []
        for m in found:
            if m.kind == "comparator" or m.comparator:
                continue
            j = m.span.start - 1
            if j > 0 and doc[j].text in HYPHENS and not doc[j - 1].whitespace_ and not doc[j].whitespace_:
                j -= 1  # "no-morphine"
            if j < 0 or doc[j].lower_ not in ("no", "without"):
                continue
            arm_after = m.span.end < len(doc) and doc[m.span.end].lower_ in self.arm_nouns
            with_or = j >= 2 and doc[j - 2].lower_ == "with" and doc[j - 1].lower_ in ("or", "and")
            either = doc[j].lower_ == "without" and with_or
            if arm_after:  # "the no-morphine group": this mention is the control arm's
                m.span, m.name = doc[j : m.span.end], f"{doc[j].lower_} {m.name}"
                m.kind, m.comparator, m.framed = "comparator", True, True
            elif either:  # "X with or without Y": Y is an arm, and going without it another
                extra.append(Mention(doc[j : m.span.end], f"without {m.name}", "comparator", True, 0.9, framed=True))
        # one token the tokenizer keeps whole ("no‐morphine" with U+2010): the treatment is named elsewhere too
        named = {m.name for m in found if m.kind != "comparator"}
        lower = doc_text(doc).lower()
        glued = named and any(f"no{hyphen}" in lower for hyphen in HYPHENS)  # else no token to look at
        for token in doc[:-1] if glued else ():
            word = token.lower_
            if (
                word[:2] == "no"
                and word[2:3] in HYPHENS
                and word[3:] in named
                and doc[token.i + 1].lower_ in self.arm_nouns
            ):
                extra.append(
                    Mention(doc[token.i : token.i + 1], f"no {word[3:]}", "comparator", True, 0.9, framed=True)
                )
        return sorted(found + extra, key=lambda m: m.span.start) if extra else found

    def _with_tagged(self, doc: Doc, found: list[Mention], cues: list[Span]) -> list[Mention]:
        """When no treatment is named in the sentences that name arms (the title, an allocation sentence, one
        comparing "X versus Y" / "compared with"), the names the arm tagger (``components/tagger.py``) finds there
        that overlap no mention: a control when the lexicon names it so; otherwise a treatment, which the comparison
        cues may make a comparator."""
        if self.tagger is None:
            return found
        salience = Salience.of(doc)
        if any(m.kind != "comparator" and not salience.in_background(m.span) for m in found):
            return found
        text = doc_text(doc)
        chosen = {sentence_of(doc, c.start) for c in cues}
        for sentence in sentence_bounds(doc):
            span = doc[sentence[0] : sentence[1]]
            if salience.in_title(span) or ALLOCATION.search(text, span.start_char, span.end_char):
                chosen.add(sentence)
        sentences = [s for s in sorted(chosen) if not salience.in_background(doc[s[0] : s[1]])]
        if not sentences:
            return found
        extra: list[Mention] = []
        tags = self.tagger.tag_all([[t.text for t in doc[a:b]] for a, b in sentences])
        for (a, _), sentence_tags in zip(sentences, tags, strict=True):
            for i, j in spans_of(sentence_tags):
                tagged = self._tagged_name(doc[a + i : a + j])
                if tagged is None or self._overlaps(tagged, found + extra) or self._blocked(doc, tagged):
                    continue  # a name the rules saw and blocked ("serum levels of cyclosporine") stays blocked
                name, kind = self.words.get(tagged.text.lower(), (tagged.text.lower(), "therapy"))
                comparator = kind == "comparator"
                extra.append(Mention(tagged, name, kind, comparator, CONFIDENCE["tagger"], framed=True, tagged=True))
        return sorted(found + extra, key=lambda m: m.span.start) if extra else found

    @staticmethod
    def _tagged_name(span: Span) -> Span | None:
        """A tagged run without the articles, punctuation and generic head words at its edges; None when what is left
        is no name (no word of three letters, a number, a clause)."""
        trims = frames.trim_words()
        start, end = span.start, span.end
        doc = span.doc
        while start < end and (doc[start].is_punct or doc[start].is_stop or doc[start].lower_ in trims["leading"]):
            start += 1
        while end > start and (
            doc[end - 1].is_punct or doc[end - 1].is_stop or doc[end - 1].lower_ in trims["trailing"]
        ):
            end -= 1
        if not start < end <= start + MAX_TAGGED_TOKENS:
            return None
        out = doc[start:end]
        words = out.text.lower()
        if (
            words in trims["reject"]
            or words in trims["reject_alone"]
            or not any(t.is_alpha and len(t) > 2 for t in out)
        ):
            return None
        return out

    @staticmethod
    def _coordinated(doc: Doc, span: Span, name: str) -> list[tuple[Span, str]]:
        """A slot "X and Y" whose two parts the text also names apart ("Effectiveness of amlexanox and adcortyl",
        then "amlexanox or adcortyl") holds two treatments; one the text names only together ("ligation and
        excision", "diet and exercise") is one treatment. A lone first word takes the second's head noun when the text
        says so ("flat and textured insoles", then "flat insoles")."""
        ands = [t.i for t in span if t.lower_ == "and"]
        if len(ands) != 1 or not span.start < ands[0] < span.end - 1:
            return [(span, name)]
        first, second = doc[span.start : ands[0]], doc[ands[0] + 1 : span.end]
        text = doc_text(doc)

        def named_apart(words: str) -> bool:
            pattern = rf"(?<![\w-]){re.escape(words)}(?![\w-])(?!\s+and\b)"
            return any(not span.start_char <= m.start() < span.end_char for m in re.finditer(pattern, text, re.I))

        if not (named_apart(first.text) and named_apart(second.text)):
            return [(span, name)]
        first_name = first.text.lower()
        shared = f"{first.text} {second[-1].text}"
        if len(first) == 1 and len(second) > 1 and named_apart(shared):
            first_name = shared.lower()
        return [(first, first_name), (second, second.text.lower())]

    @staticmethod
    def _described(doc: Doc, found: list[Mention]) -> list[Mention]:
        """A frame phrase that a treatment name in brackets follows ("an anti-leukotriene agent (pranlukast)",
        "Vascepa (icosapent ethyl)") describes that treatment: its mentions take the bracketed name. A bracketed
        acronym ("internet-based CBT (ICBT)") is the phrase's short form, a control ("PMR (control group)") the
        arm's role: neither renames it."""
        inside = {m.span.start: m for m in found if m.kind != "comparator" and not m.span.text.isupper()}
        renamed: dict[str, str] = {}
        for m in found:
            inner = inside.get(m.span.end + 1)
            if (
                m.framed
                and inner is not None
                and doc[m.span.end].text == "("
                and inner.span.end < len(doc)
                and doc[inner.span.end].text == ")"
            ):
                renamed.setdefault(m.name, inner.name)
        for m in found:
            m.name = renamed.get(m.name, m.name)
        return found

    @staticmethod
    def _expanded(doc: Doc, span: Span, long_forms: dict[int, tuple[int, str]]) -> str | None:
        """A slot of defined short forms and generic head words only ("the BPDS group", "ANP infusion") named with the
        long forms ("atrial natriuretic peptide infusion"); None for any other slot."""
        short = [i for i in range(span.start, span.end) if i in long_forms]
        rest = [t for t in span if not any(i <= t.i < long_forms[i][0] for i in short)]
        if not short or not all(t.lower_ in frames.trim_words()["head"] for t in rest):
            return None
        words, i = [], span.start
        while i < span.end:
            end, word = long_forms.get(i, (i + 1, doc[i].text.lower()))
            words.append(word + doc[min(end, span.end) - 1].whitespace_)
            i = end
        return "".join(words).strip()

    def _with_restatements(self, doc: Doc, found: list[Mention]) -> list[Mention]:
        """Other occurrences of a multi-word name found by frame or pattern, also without a route or generic head
        ("aerosolized iloprost" → "iloprost", "ubiquinol supplementation" → "ubiquinol"; ``data/frame_trims.tsv``
        kinds "head" and "route"), as mentions of it, so that the doses and routes stated there reach it."""
        trims = frames.trim_words()
        extra: list[Mention] = []
        done: set[str] = set()
        for mention in found:
            words = mention.name.split()
            if mention.name in done or mention.kind == "comparator" or len(words) < 2 and not mention.framed:
                continue
            done.add(mention.name)
            core = words[1:] if words[0] in trims["route"] | self.route_words else words
            core = core[:-1] if len(core) > 1 and core[-1] in trims["head"] else core
            for form in dict.fromkeys((mention.name, " ".join(core))):  # the whole name first, where both stand
                for start, end in whole_words(doc_text(doc), form):
                    span = doc.char_span(start, end)
                    if span is not None and not self._overlaps(span, found + extra) and not self._blocked(doc, span):
                        confidence = min(mention.confidence, CONFIDENCE["frame"])
                        extra.append(
                            Mention(span, mention.name, mention.kind, mention.comparator, confidence, framed=True)
                        )
        return sorted(found + extra, key=lambda m: m.span.start) if extra else found

    @staticmethod
    def _overlaps(span: Span, mentions: list[Mention]) -> bool:
        return any(m.span.start < span.end and span.start < m.span.end for m in mentions)

    def _with_abbreviations(self, doc: Doc, found: list[Mention]) -> list[Mention]:
        """Occurrences of a short form whose defined long form holds a named intervention, as that intervention."""
        taken = {i for m in found for i in range(m.span.start, m.span.end)}
        extra: list[Mention] = []
        for short in defined_abbreviations(doc):
            long_form = short._.long_form
            inside = [m for m in found if long_form.start <= m.span.start and m.span.end <= long_form.end]
            if not inside or any(i in taken for i in range(short.start, short.end)):
                continue
            outside = [t for t in long_form if not any(m.span.start <= t.i < m.span.end for m in inside)]
            if any(t.is_stop for t in outside):
                continue  # "World Association for Laser Therapy (WALT)" names a body, not a treatment
            # the long form is the one name, perhaps with its dose ("fimasartan 120 mg (FMS)"): the short form is it
            whole = len(inside) == 1 and all(t.like_num or t.lower_ in units() or t.is_punct for t in outside)
            name = inside[0].name if whole else long_form.text.lower()
            extra.append(Mention(short, name, inside[0].kind, inside[0].comparator, CONFIDENCE["abbreviation"]))
            taken.update(range(short.start, short.end))
        return sorted(found + extra, key=lambda m: m.span.start)

    # -- doses, routes, durations, frequencies -------------------------------------------------------------------

    def facts(self, doc: Doc) -> list[Fact]:
        found: list[Fact] = []
        # short forms of measured quantities ("TV" for "tidal volume"): an amount after one is a measurement
        measured = {
            short.text
            for short in defined_abbreviations(doc)
            if any(t.lower_ in self.dose_exclusions for t in short._.long_form)
        }
        for m in self.best(doc, "amounts"):
            groups = m.rule.get("groups") or {}
            if m.label == "dose":
                value = parse_dose(groups, m.rule.get("text") or m.span.text)
                strength = value is not None and value["unit"] in concentration_units()
                if (
                    value is None
                    or self._measurement(doc, m.span, measured)
                    or strength
                    and self._reports_test(doc, m.span)
                ):
                    continue
                found.append(Fact("dose", m.span, value, weak=strength, adjacent=strength))  # kept only when linked
            else:
                found.append(Fact(m.label, m.span, normalise_amount(m.rule.get("text") or m.span.text)))
        for m in self.best(doc, "routes"):
            after = doc[m.span.end : m.span.end + 2]
            if after.text.lower() in self.route_blockers or after[:1].text.lower() in self.route_blockers:
                continue  # "oral surgery", "intravenous drug users": not a route
            if self._graded(doc, m.span):
                continue  # "stage IV", "NYHA class III or IV": a grade, not the intravenous route
            found.append(Fact("route", m.span, m.label, weak="weak" in (m.rule.get("flags") or ())))
        return sorted(found, key=lambda f: f.span.start)

    def _graded(self, doc: Doc, span: Span) -> bool:
        """Whether a route word is the last of a grade ("stage IV", "grade III-IV", "class III or IV"): preceded, across
        other roman numerals and list words, by a word of ``route_blockers.tsv`` side "before"."""
        for token in reversed(doc[max(0, span.start - 4) : span.start]):
            if token.lower_ in self.route_blockers_before:
                return True
            if not (ROMAN.match(token.text) or token.lower_ in ("or", "and", "to", "-", "–", "/", ",")):
                return False
        return False

    @staticmethod
    def _arm_doses(
        doc: Doc, held: tuple[int, Span, Any], facts: list[Fact], linked: set[int]
    ) -> list[tuple[Span, Any]]:
        """The doses of a list the mention's dose stands in, one per arm, in text order (the held one among them):
        unlinked doses of the same unit joined to it by a comma or "or" ("4 g/day or 2 g/day"), and bare numbers
        before them ("2 or 4 mg/kg/day", each on the span of the dose that gives the unit)."""
        _, span, value = held
        doses = [f for f in facts if f.key == "dose" and f.value["unit"] == value["unit"] and f.value["max"] is None]
        if value["max"] is not None or not any(f.span is span for f in doses):
            return []
        text, out = doc_text(doc), [(span, value)]
        at = next(i for i, f in enumerate(doses) if f.span is span)
        for step in (-1, 1):  # outwards along the list, while the next dose is joined by a list word and unlinked
            i, edge = at, span
            while 0 <= i + step < len(doses):
                other = doses[i + step].span
                between = text[edge.end_char : other.start_char] if step > 0 else text[other.end_char : edge.start_char]
                if id(other) in linked or not ARM_GAP.match(between):
                    break
                out.append((other, doses[i + step].value))
                i, edge = i + step, other
        out.sort(key=lambda item: item[0].start_char)
        first = out[0][0]
        bare = BARE_ARMS.search(text, max(0, first.start_char - 60), first.start_char)
        numbers = [(n, parse_number(n)) for n in BARE_NUMBER.findall(bare.group(1))] if bare else []
        listed = [(first, {**value, "value": v, "text": f"{n} {value['unit']}"}) for n, v in numbers if v is not None]
        arms = listed + out
        return arms if len({v["value"] for _, v in arms}) == len(arms) > 1 else []

    @staticmethod
    def _reports_test(doc: Doc, span: Span) -> bool:
        """Whether the sentence reports a p-value: its percentages are results ("midazolam 64.7% vs diazepam 35.7%,
        P = 0.21"), not strengths."""
        start, end = sentence_of(doc, span.start)
        return bool(P_VALUE.search(doc[start:end].text))

    def _measurement(self, doc: Doc, span: Span, measured: set[str] | frozenset[str] = frozenset()) -> bool:
        """Whether a word of ``dose_exclusions.tsv`` ("volume", "plasma"), or a defined short form of a phrase with
        one ("TV (0.8 l, 0.3 l)" after "tidal volume (TV)"), stands just before the amount or its bracket: a measured
        quantity."""
        before = doc[max(0, span.start - 4) : span.start]
        if any(t.lower_ in self.dose_exclusions or t.text in measured for t in before):
            return True
        for token in reversed(doc[max(0, span.start - 12) : span.start]):  # "TV (0.8 l, 0.3 l)": the bracket's word
            if token.text == ")":
                return False
            if token.text == "(":
                return token.i > 0 and (
                    doc[token.i - 1].text in measured or doc[token.i - 1].lower_ in self.dose_exclusions
                )
        return False

    @staticmethod
    def _route_of_arms(sentence: str) -> bool:
        """A sentence saying how the arms' treatments were given without naming them ("Treatment was administered
        intravenously")."""
        return bool(ARM_REFERENCE.search(sentence) and ADMINISTERED.search(sentence))

    @staticmethod
    def _bracketed(doc: Doc, mention: Span, fact: Span) -> bool:
        """Whether the fact sits in brackets right after the mention: "ketamine (0.5 mg/kg over 40 min)"."""
        start = mention.end
        while start < fact.start and doc[start].is_space:  # a line break inside the sentence
            start += 1
        if not (start < fact.start <= start + 12) or doc[start].text != "(":
            return False
        return all(")" not in t.text for t in doc[start + 1 : fact.start])

    def link(self, doc: Doc, fact: Fact, mentions: list[Mention], generic: list[Span]) -> None:
        """Attach a fact to the nearest named mention in its sentence (a lexicon comparator takes only a route, a broad
        word such as "exercise" no dose: an amount beside it is of something else); with
        none there, to every named intervention when the sentence says "the study drugs". A route or dose stated right
        after the arms as the subject of the giving ("Each group was given intravenously") is every named
        intervention's, whatever drug the sentence names later."""
        start, end = sentence_of(doc, fact.span.start)
        best: tuple[int, Mention] | None = None
        arms_given = fact.key in ("route", "dose") and bool(
            ARMS_GIVEN.search(doc_text(doc), doc[start].idx, fact.span.start_char)
        )
        for m in [] if arms_given else mentions:
            if m.kind == "comparator" and fact.key != "route" or (m.generic and fact.key in ("dose", "route")):
                continue  # a comparator takes only a route; a broad word ("exercise", "surgery") no dose or route
            bracketed = self._bracketed(doc, m.span, fact.span)  # may cross a sentence split at a line break
            if not bracketed and not (start <= m.span.start < end):
                continue
            distance = 0 if bracketed else gap(fact.span, m.span)
            if fact.adjacent and (bracketed or distance > 0):
                continue  # "45% (ketamine)", "ketamine group 45%": a share of patients, not a strength
            # a broad word ("before and after surgery") takes a fact only when no named treatment is in reach
            rank = (m.generic, distance)
            if distance <= self.max_link_tokens and (best is None or rank < (best[1].generic, best[0])):
                best = (distance, m)
        if best is None:
            said_of_arms = arms_given or (fact.key == "route" and self._route_of_arms(doc[start:end].text))
            if not fact.adjacent and (said_of_arms or any(start <= g.start < end for g in generic)):
                for m in mentions:  # the drugs named before "the study drugs"
                    if m.span.end <= start and m.kind != "comparator" and not m.comparator and fact.key not in m.facts:
                        m.facts[fact.key] = (self.max_link_tokens, fact.span, fact.value)
            return
        distance, mention = best
        distance += fact.adjacent  # a strength gives way to an amount beside the same name ("2% lidocaine 40 mg")
        held = mention.facts.get(fact.key)
        if held is None or distance < held[0]:
            mention.facts[fact.key] = (distance, fact.span, fact.value)
        if fact.key != "route":
            return
        for other, combined in self._listed_with(doc, mention, mentions):  # "X or placebo were given intramuscularly"
            if fact.weak and not combined and not self._placebo(mention):
                continue  # a dosage form is of the name it follows ("sevoflurane and remifentanil infusion"), but a
                # matching placebo has its drug's form ("valerian or placebo tablets")
            held, distance = other.facts.get("route"), gap(fact.span, other.span)
            if held is None or distance < held[0]:  # a route beside an item ("or oral Y") stays that item's
                other.facts["route"] = (distance, fact.span, fact.value)

    @staticmethod
    def _listed_with(doc: Doc, mention: Mention, mentions: list[Mention]) -> list[tuple[Mention, bool]]:
        """The mentions listed with ``mention`` ("X or placebo", "X 4 mg or Y 8 mg"), each with whether it is part of
        one combination with it ("X/Y"): a way of giving said of the list is said of each item. ``mentions`` are in
        text order."""
        at = next(i for i, m in enumerate(mentions) if m is mention)
        listed = []
        for step in (-1, 1):
            i, combined = at, True
            while 0 <= i + step < len(mentions):
                a, b = sorted((mentions[i], mentions[i + step]), key=lambda m: m.span.start)
                between = doc[a.span.end : b.span.start].text if a.span.end <= b.span.start else ""
                combined = combined and (between.strip() in ("", "/"))  # "budesonide/formoterol": one product
                if sentence_of(doc, a.span.start) != sentence_of(doc, b.span.start):
                    break  # a list does not run on into the next sentence
                if not combined and not ROUTE_LIST_GAP.match(between):
                    break
                listed.append((mentions[i + step], combined))
                i += step
        return listed
