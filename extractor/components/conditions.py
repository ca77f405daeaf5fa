"""Conditions, with abbreviations the article defines expanded.

Names come from a lexicon (``data/conditions.tsv``) and token patterns for disease-like words and phrases
(``data/conditions.jsonl``: "-itis", "-opathy", "... disease", "... syndrome"), widened left over modifiers such as
"chronic" or "severe and enduring" (``data/condition_modifiers.tsv``); a grade ("severe", "mild") stays on the span,
not in the value. A lexicon abbreviation ("PTSD") keeps the form written unless the article defines it: then its
value is the article's long form, as is the value of every short form whose long form is a condition. Spans stay on
the text as written. A condition named as the studied population ("patients with X", "X patients";
``data/condition_contexts.jsonl``) gets a higher confidence than one mentioned in passing, for record assembly to
prefer.

Which names stay (``_salient``): those the title or the keyword line names, or that the opening names as the
population or in the aim, outside background sections, exclusion criteria (with the list or section they
introduce) and the title's outcome slot ("Effects of X on hypotension"); a name only the results state ("18 cases
of mild hypotension") anchors nothing. A frame slot ("patients with X") counts only when a word of it looks like a
condition (``data/condition_slot_heads.tsv``); two names sharing a head said once ("colon or breast cancer") are
both found (``data/condition_conjuncts.tsv``).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractor import spans
from extractor.components import frames
from extractor.components.base import RuleComponent
from extractor.components.rules import Match, defined_abbreviations, doc_text, grouped, phrase_rules
from extractor.components.salience import Salience
from extractor.lexicons import read_jsonl, read_tsv

KEYS = (spans.CONDITION,)
# A full text's population is stated in its opening (title, abstract, start of the methods); its discussion names the
# populations of other studies and its exclusion criteria other conditions, each "in patients with ..."
OPENING_CHARS = 8000
Found = tuple[Span, str, float, bool]  # span, value, confidence, named as the population
# the items of a list after a line ending in ":" ("  1. Temporary stay in respite care;", "- pregnancy")
_LIST = re.compile(r"(?:\s*\n[ \t]*(?:\d{1,2}[.)]|\(?[ivx]{1,4}\)|[a-z][.)]|[-•*·–])[ \t]+[^\n]*)+")
_HEADING = re.compile(r"[ \t]*#")  # a Markdown heading line ("### Exclusion criteria")
_NEXT_HEADING = re.compile(r"\n[ \t]*#")
# a sentence reporting other studies' findings: "Previous studies have found beneficial effects ... in people with X"
_PRIOR_WORK = re.compile(
    r"(?:previous|prior|earlier|past|other)\s+(?:studies|trials|research|reports|work)\b|studies\s+have\s+(?:shown|found)",
    re.IGNORECASE,
)
CONFIDENCE = {"suffix": 0.6, "head_noun": 0.6, "abbreviation": 0.8, "frame": 0.7, "adjective": 0.8}


def _straight(value: str) -> str:
    """A value with straight apostrophes: "Alzheimer’s disease" is "alzheimer's disease", as the lexicon writes it."""
    return value.replace("\u2019", "'")


@Language.factory("studysift_conditions", assigns=["doc.spans"], default_config={})
def make_conditions(nlp: Language, name: str) -> ConditionsComponent:
    return ConditionsComponent(nlp, name)


def default_rules() -> list[dict[str, Any]]:
    return (
        grouped("names", phrase_rules("conditions.tsv", label="condition") + read_jsonl("conditions.jsonl"))
        + grouped("adjectives", phrase_rules("condition_adjectives.tsv", label="condition"))
        + read_jsonl("condition_contexts.jsonl")
    )


class ConditionsComponent(RuleComponent):
    data_file = "conditions.jsonl"
    keys = KEYS

    def __init__(self, nlp: Language, name: str, rules: list[dict[str, Any]] | None = None) -> None:
        super().__init__(nlp, name, default_rules() if rules is None else rules)
        modifiers = list(read_tsv("condition_modifiers.tsv"))
        self.modifiers = {row[0].lower() for row in modifiers}
        self.grades = {row[0].lower() for row in modifiers if row[1:] == ["grade"]}
        self.stopwords = {row[0].lower() for row in read_tsv("condition_stopwords.tsv")}
        self.blockers = {row[0].lower() for row in read_tsv("condition_blockers.tsv")}
        lexicon = list(read_tsv("conditions.tsv"))
        self.names = {row[0].lower() for row in lexicon}
        # "GAD" → "generalized anxiety disorder": a lexicon abbreviation's name, for when the article spells it out
        self.abbreviation_names = {
            row[0]: row[1] for row in lexicon if len(row) > 2 and row[1] and "abbr" in row[2].split(",")
        }
        self.slot_rejects = {row[0].lower() for row in read_tsv("condition_slot_rejects.tsv")}
        procedure_words = list(read_tsv("condition_procedures.tsv"))
        self.generic_procedures = {row[0].lower() for row in procedure_words if row[1] == "alone"}
        self.arm_nouns = {row[0].lower() for row in procedure_words if row[1] == "arm"}
        self.population_nouns = {row[0].lower() for row in read_tsv("condition_population_nouns.tsv")}
        slot_heads = list(read_tsv("condition_slot_heads.tsv"))
        self.slot_heads = {row[0].lower() for row in slot_heads if row[1] != "suffix"}
        self.slot_suffixes = tuple(row[0].lower() for row in slot_heads if row[1] == "suffix")
        conjuncts = list(read_tsv("condition_conjuncts.tsv"))
        self.conjunct_words = {row[0].lower() for row in conjuncts if row[1] == "word"}
        self.conjunct_suffixes = tuple(row[0].lower() for row in conjuncts if row[1] == "suffix")

    def annotate(self, doc: Doc) -> None:
        defined = self._defined(doc)
        redefined = self._redefined(doc, defined)
        population_ends = {m.span.end for m in self.best(doc, "population")}
        found: list[Found] = []
        taken: set[int] = set()
        for m in self.best(doc, "adjectives"):  # "asthmatic adults", "HIV-positive patients": the population
            after = doc[m.span.end : m.span.end + 2]
            if any(t.lower_ in self.population_nouns for t in after):
                found.append((m.span, m.rule["cols"][0], CONFIDENCE["adjective"], True))
                taken.update(range(m.span.start, m.span.end))
        name_words: set[int] = set()  # every token a name or disease pattern matched, kept or not
        titled = Salience.of(doc).title[1] < len(doc_text(doc))  # a title line above the text, not one line alone
        for m in self.best(doc, "names"):
            name_words.update(range(m.span.start, m.span.end))
            start = m.span.start
            while "phrase" not in m.rule and start < m.span.end and start in taken:
                start += 1  # "Obese Cancer Survivors": "obese" is the population's adjective, "Cancer" a name
            if any(i in taken for i in range(start, m.span.end)):
                continue
            if "abbr" in (m.rule.get("flags") or ()) and m.span.text in redefined:
                continue  # "belatacept more intense [MI]": the article's MI is no myocardial infarction
            core = self._trim(doc, doc[start : m.span.end])
            if core is None or core.end < len(doc) and doc[core.end].lower_ in self.blockers:
                continue  # "shock wave lithotripsy", "stroke volume": part of another name
            if (
                m.rule.get("id") == "head_noun"
                and all(t.lower_ in self.modifiers for t in core[:-1])
                and core[-1].lower_ not in self.names
            ):
                continue  # "disease" alone once its qualifier was trimmed, or "moderate disease": no name ("cancer" is)
            procedure = m.rule.get("id") in ("procedure", "procedure_title")  # "undergoing cardiac surgery"
            if m.rule.get("id") == "procedure_title" and not Salience.of(doc).in_title(m.span):
                continue  # "Analgesia in third molar surgery" names the population in a title, not in the body
            if procedure and (
                len(core) == 1
                and core[0].lower_ in self.generic_procedures
                or core.end < len(doc)
                and doc[core.end].lower_ in self.arm_nouns
            ):
                continue  # "after surgery": which surgery is not said; "the trabeculectomy group": a treatment
            span = self._widen(doc, core)
            confidence = self._confidence(m)
            population = (
                procedure
                or span.start in population_ends
                or (span.end < len(doc) and doc[span.end].lower_ in self.population_nouns)
                or (  # "patients with hypertension and dyslipidemia": both name the population
                    span.start > 1
                    and doc[span.start - 1].lower_ == "and"
                    and any(f[3] and f[0].end == span.start - 1 for f in found)
                )
            )
            if population or titled and Salience.of(doc).in_title(span):  # "patients with X", "X patients", the
                confidence = min(1.0, confidence + 0.1)  # title: the studied population, named as the article does
            found.append((span, self._value(doc, span, core, m, defined), confidence, population))
            taken.update(range(span.start, span.end))
            shared_head = self._conjunct(doc, core, taken)
            if shared_head is not None:  # "colon or breast cancer": "colon cancer" too
                found.append((shared_head, f"{shared_head.text} {core[1:].text}".lower(), confidence, population))
                taken.update(range(shared_head.start, shared_head.end))
        salience = Salience.of(doc)
        if not any(salience.in_title(f[0]) for f in found):  # "Nerve block in chronic shoulder pain": the population
            for span in self._title_heads(doc, taken, name_words):
                found.append((span, span.text.lower(), CONFIDENCE["frame"], True))
                taken.update(range(span.start, span.end))
        for short, long_form in self._abbreviations(doc, found):
            if not any(i in taken for i in range(short.start, short.end)):
                found.append((short, long_form, CONFIDENCE["abbreviation"], False))
                taken.update(range(short.start, short.end))
        # "X for C", "in patients with C": a population no lexicon name covers, from the title; from the body only
        # when nothing but what the aim measures names one (the body's "patients with ..." often qualifies rather than
        # names; "to compare the effect of X on sedation and postoperative pain" names no population)
        measured = {f[1] for f in found if self._measured(doc, f[0])}
        named = any(f[1] not in measured for f in found)
        for slot in frames.slots(doc):
            if slot.role != "condition" or named and not slot.in_title:
                continue
            if salience.section(slot.span) == "results":
                continue  # "Of the 8 complete responses, 7 were in patients with ...": results name outcomes
            if any(t.lower_ in self.slot_rejects for t in slot.span) or slot.span.text in defined:
                continue  # "leg ulcer care", "patients with HOPR" (an abbreviation the article defines, no condition)
            if not any(
                t.i in name_words or t.lower_ in self.slot_heads or t.lower_.endswith(self.slot_suffixes)
                for t in slot.span
            ):
                continue  # "patients with an American Society of Anesthesiologists status": no word of a condition
            span = self._without_verb(slot.span, name_words)
            name = slot.name if span == slot.span else span.text
            if not any(i in taken for i in range(span.start, span.end)):
                found.append((span, name, CONFIDENCE["frame"], True))
                taken.update(range(span.start, span.end))
        # "patients suffering from GAD", then "subjects with generalized anxiety disorder" (no definition between
        # them): one condition, by the name the article spells out
        spelled_out = {f[1] for f in found}
        found = [
            (f[0], self.abbreviation_names[f[1]], *f[2:]) if self.abbreviation_names.get(f[1]) in spelled_out else f
            for f in found
        ]
        found = self._salient(doc, found)
        for span, value, confidence, _ in sorted(found, key=lambda f: f[0].start):
            spans.add_span(doc.spans[spans.CONDITION], Span(doc, span.start, span.end, "condition"), value, confidence)

    def _title_heads(self, doc: Doc, taken: set[int], name_words: set[int]) -> list[Span]:
        """Phrases of the title after "in", "for" or "with" that end in a head of condition names
        (``data/condition_slot_heads.tsv``): "in chronic shoulder pain", "for displaced femoral neck fractures"."""
        start_char, end_char = Salience.of(doc).title
        title = doc.char_span(start_char, end_char, alignment_mode="expand") if end_char > start_char else None
        if title is None:
            return []
        out = []
        for head in title:
            if head.lower_ not in self.slot_heads or head.i in taken:
                continue
            start = head.i
            while start > title.start and head.i - start < 4:
                before = doc[start - 1]
                if before.is_stop or not before.is_alpha and "-" not in before.text or before.i in taken:
                    break
                start -= 1
            after = doc[head.i + 1] if head.i + 1 < title.end else None
            if (
                start < head.i
                and start > title.start
                and doc[start - 1].lower_ in ("in", "for", "with")
                and (after is None or after.is_punct or after.is_stop or after.is_space)
                and not any(t.lower_ in self.slot_rejects for t in doc[start : head.i])  # "previously treated"
            ):
                out.append(self._without_verb(doc[start : head.i + 1], name_words))
        return out

    def _without_verb(self, span: Span, name_words: set[int]) -> Span:
        """A slot without the verb of purpose it starts with: "for managing sleep disturbance" names "sleep
        disturbance" (not "with internalizing problems" or "for bleeding ulcers", where it is part of the name)."""
        lead = span[0]
        if (
            len(span) > 1
            and span.start > 0
            and span.doc[span.start - 1].lower_ == "for"
            and lead.lower_.endswith("ing")
            and lead.i not in name_words
            and lead.lower_ not in self.slot_heads
        ):
            return span[1:]
        return span

    def _conjunct(self, doc: Doc, core: Span, taken: set[int]) -> Span | None:
        """The qualifier before "and"/"or" that shares a two-word condition's head: "colon" in "colon or breast
        cancer", "endometrial" in "endometrial and ovarian cancer" (``data/condition_conjuncts.tsv``)."""
        if len(core) != 2 or core.start < 2 or doc[core.start - 1].lower_ not in ("and", "or"):
            return None
        word = doc[core.start - 2]
        if word.i in taken or word.is_stop or not word.is_alpha or not word.is_lower:
            return None  # "hypertension and breast cancer": a condition of its own
        if word.lower_ in self.conjunct_words or word.lower_.endswith(self.conjunct_suffixes):
            return doc[word.i : word.i + 1]
        return None

    def _salient(self, doc: Doc, found: list[Found]) -> list[Found]:
        """Conditions outside background sections (or in a sentence stating the study's aim, wherever it stands)
        that are named in the title, or as the population or in the aim in the article's opening; when none is, those
        named twice or more."""
        salience = Salience.of(doc)
        aims = self._sentences_of(doc, "aim")
        # "Inclusion and exclusion criteria:" introduces the population as well as what it excludes
        inclusions = set(self._sentences_of(doc, "inclusion"))
        exclusions = [r if r in inclusions else self._with_list(doc, r) for r in self._sentences_of(doc, "exclusion")]

        def titled(span: Span) -> bool:  # "Effects of zinc on hypotension in older adults": not its population
            return salience.in_title(span) and not self._measured(doc, span)

        def in_aim(span: Span) -> bool:
            return any(a <= span.start < b for a, b in aims)

        usable = [
            f
            for f in found
            if (in_aim(f[0]) or salience.in_keywords(f[0]) or not salience.in_background(f[0]))
            and not any(a <= f[0].start < b for a, b in exclusions)  # "patients with X were excluded"
            and (salience.in_title(f[0]) or not self._prior_work(f[0]))
        ]
        counts = Counter(self._core(f[1]).lower() for f in usable)
        # a name only a results section states ("18 cases of mild hypotension") is an outcome, not the population
        outside_results = {self._core(f[1]).lower() for f in usable if salience.section(f[0]) != "results"}
        anchored = {
            self._core(f[1]).lower()
            for f in usable
            if titled(f[0])
            or salience.in_keywords(f[0])
            or (f[3] or in_aim(f[0]))
            and f[0].start_char < OPENING_CHARS
            and self._core(f[1]).lower() in outside_results
        }
        if anchored:  # the title, the population or the aim names them: a name repeated elsewhere is a result
            return [f for f in usable if self._core(f[1]).lower() in anchored]
        return [f for f in usable if counts[self._core(f[1]).lower()] >= 2]

    @staticmethod
    def _prior_work(span: Span) -> bool:
        """In a sentence that opens by reporting other studies ("Previous studies have found ...")."""
        if not span.doc.has_annotation("SENT_START"):
            return False
        sentence = span.sent
        return _PRIOR_WORK.match(sentence.text.lstrip()) is not None

    @staticmethod
    def _measured(doc: Doc, span: Span) -> bool:
        """Whether a name stands in an outcome slot ("Effects of zinc on hypotension", "to compare the effect of X on
        sedation and postoperative pain scores"): what is measured."""
        return any(s.role == "outcome" and s.span.start <= span.start < s.span.end for s in frames.slots(doc))

    @staticmethod
    def _with_list(doc: Doc, sentence: tuple[int, int]) -> tuple[int, int]:
        """A sentence's token range with what it introduces: the list after a sentence ending in ":" ("The
        exclusion criteria were:" then "1. ...", "2. primary diagnosis of schizophrenia"), the section under a
        heading ("### Exclusion criteria"); the items are what the sentence or heading says of them."""
        text = doc_text(doc)
        start, end = sentence
        last = end - 1
        while last > start and doc[last].is_space:
            last -= 1
        after = doc[last].idx + len(doc[last].text)
        if _HEADING.match(text, text.rfind("\n", 0, doc[start].idx) + 1):
            heading = _NEXT_HEADING.search(text, after)
            stop = heading.start() if heading else len(text)
        else:
            items = _LIST.match(text, after) if doc[last].text == ":" else None
            stop = items.end() if items else after
        if stop > after and end < len(doc):
            introduced = doc.char_span(doc[end].idx, max(doc[end].idx, stop), alignment_mode="expand")
            end = max(end, introduced.end) if introduced is not None else end
        return start, end

    def _sentences_of(self, doc: Doc, group: str) -> list[tuple[int, int]]:
        """Token ranges of the sentences holding a match of ``group``: "aim" ("The aim of this study was to compare
        ..."), "exclusion" ("Exclusion criteria were ...")."""
        if not doc.has_annotation("SENT_START"):
            return []
        sentences = {(m.span.sent.start, m.span.sent.end) for m in self.best(doc, group)}
        return sorted(sentences)

    @staticmethod
    def _confidence(m: Match) -> float:
        return CONFIDENCE.get(str(m.rule.get("id")), 0.9)

    def _trim(self, doc: Doc, span: Span) -> Span | None:
        """Drop leading words that cannot start a condition ("patients", "severity")."""
        start = span.start
        while start < span.end - 1 and doc[start].lower_ in self.stopwords:
            start += 1
        return doc[start : span.end] if doc[start].lower_ not in self.stopwords else None

    def _widen(self, doc: Doc, span: Span) -> Span:
        """Take in modifiers right before the name: "chronic PTSD", "severe and enduring bulimia nervosa"."""
        start = span.start
        while start > 0:
            token = doc[start - 1]
            if (
                token.lower_ in self.modifiers
                or token.lower_ == "and"
                and start > 1
                and doc[start - 2].lower_ in self.modifiers
                and start < span.start
            ):
                start -= 1
            else:
                break
        return doc[start : span.end]

    def _core(self, value: str) -> str:
        """A condition's name without its modifiers: "severe and enduring bulimia nervosa" → "bulimia nervosa"."""
        words = value.split()
        while len(words) > 1 and (words[0].lower() in self.modifiers or words[0].lower() == "and"):
            words = words[1:]
        return " ".join(words)

    def _redefined(self, doc: Doc, defined: dict[str, str]) -> set[str]:
        """Lexicon abbreviations the article defines as something sharing no word with the lexicon's name: "more
        intense (MI)", "more intense [MI]" (brackets the abbreviation detector does not read: the words before them
        whose initials spell it)."""
        out = set()
        text = doc_text(doc)
        bracketed = set(re.findall(r"\[([^\[\]]+)\]", text))
        for short in (set(defined) | bracketed) & self.abbreviation_names.keys():  # the others have no long form
            name_words = set(self.abbreviation_names[short].lower().split())
            long_forms = [defined[short]] if short in defined else []
            for m in re.finditer(rf"((?:[A-Za-z][\w-]*\s+){{{len(short)}}})\[{re.escape(short)}\]", text):
                words = m.group(1).split()
                if "".join(w[0] for w in words).lower() == short.lower():
                    long_forms.append(" ".join(words).lower())
            if any(not name_words & set(long_form.split()) for long_form in long_forms):
                out.add(short)
        return out

    @staticmethod
    def _defined(doc: Doc) -> dict[str, str]:
        """Short form → long form, for the abbreviations the article defines."""
        return {short.text: short._.long_form.text.lower() for short in defined_abbreviations(doc)}

    def _value(self, doc: Doc, span: Span, core: Span, m: Match, defined: dict[str, str]) -> str:
        """Modifiers as written, but for grades ("moderate dementia" is dementia), plus the lexicon's name; an
        abbreviation expanded only when the article defines it."""
        cols = m.rule.get("cols") or []
        lead = core.start
        while "phrase" not in m.rule and lead < core.end - 1 and doc[lead].lower_ in self.modifiers:
            lead += 1  # a pattern's own modifiers: "severe chronic kidney disease" matched as "... disease"
        kept = [t for t in doc[span.start : lead] if t.lower_ not in self.grades]
        while kept and kept[0].lower_ == "and":  # "severe and enduring", "mild and moderate": no "and" left alone
            kept = kept[1:]
        while kept and kept[-1].lower_ == "and":  # "chronic and severe"
            kept = kept[:-1]
        modifiers = " ".join(t.lower_ for t in kept)
        written = core.text
        if written in defined:
            name = defined[written]
        elif "abbr" in (m.rule.get("flags") or ()):
            name = written
        else:
            name = (cols[0] if cols and cols[0] else doc[lead : core.end].text).lower()
        return _straight(f"{modifiers} {name}".strip())

    def _abbreviations(self, doc: Doc, found: list[Found]) -> list[tuple[Span, str]]:
        """Short forms whose defined long form is (or ends in, or is qualified "with ...") a found condition, with that
        long form."""
        out = []
        for short in defined_abbreviations(doc):
            long_form = short._.long_form
            if any(
                f[0].end == long_form.end
                and f[0].start >= long_form.start
                and not any(t.is_stop or t.lower_ in self.stopwords for t in doc[long_form.start : f[0].start])
                for f in found
            ) or any(  # "heart failure with reduced ejection fraction (HFrEF)": a condition qualified
                f[0].start == long_form.start and f[0].end < long_form.end and doc[f[0].end].lower_ in ("with", "and")
                for f in found
            ):  # "diabetic gastroparesis (DGP)", not "Behavioral Activation Treatment for Depression (BATD)"
                out.append((short, _straight(long_form.text.lower())))
        return out
