"""Conflict-of-interest statements: "The authors declare no competing interests", "Competing interests: X has
received fees from Pfizer", "None declared".

Rules in ``data/coi.jsonl``: group ``head`` finds the statement ("conflicts of interest", "competing interests",
"declaration of interest", a "Disclosures:" heading, a lone "None declared"); its sentence is the statement (with
the next sentence when the head is only a heading). The statement is ``declared`` when a ``declared`` cue is in it
("has received", "serves as", "consultant", "declared the following"), else ``none_declared`` when a ``none``
cue is ("no competing interests", "nothing to disclose"), else it is no statement. A funding statement alone
("Funding: NIH grant ...") is not a COI statement: funding is who paid for the study, not an author's interest.
Each span's value is the list of names (people, initials, companies, bodies) a declared statement names.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractor import spans
from extractor.components.base import RuleComponent, lexicon
from extractor.components.rules import doc_text

KEYS = (spans.COI,)
MAX_STATEMENT_CHARS = 1000  # a heading's statement: the paragraph after it, at most this long
INITIAL_END = re.compile(r"(?:^|[\s.-])[A-Z]\.$")
CONNECTORS = ("of", "for", "&", "the", "de", "van", "von", "der")


@Language.factory("studysift_coi", assigns=["doc.spans"], default_config={})
def make_coi(nlp: Language, name: str) -> CoiComponent:
    return CoiComponent(nlp, name)


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(row[0] for row in lexicon("coi_stopwords"))


def _inside(span: Span, start: int, end: int) -> bool:
    return span.start_char >= start and span.end_char <= end


class CoiComponent(RuleComponent):
    data_file = "coi.jsonl"
    keys = KEYS

    def annotate(self, doc: Doc) -> None:
        heads = self.best(doc, "head")
        if not heads:
            return
        has_sents = doc.has_annotation("SENT_START")
        none_cues = [m.span for m in self.matches(doc, "none")]
        declared_cues = [m.span for m in self.matches(doc, "declared")]
        seen: set[tuple[int, int]] = set()
        for head in heads:
            statement = head.span.sent if has_sents else doc[:]
            status = self._status(statement, declared_cues, none_cues)
            if head.label == "none_declared":
                status = "none_declared"
            if status is None and statement.end < len(doc):  # a heading: the statement is the next paragraph
                statement = self._with_next_paragraph(doc, statement)
                status = self._status(statement, declared_cues, none_cues)
            if status is None or (statement.start, statement.end) in seen:
                continue
            seen.add((statement.start, statement.end))
            names = self._names(doc, statement) if status == "declared" else []
            self.emit(doc, spans.COI, statement, status, names, head.rule["confidence"])

    @staticmethod
    def _with_next_paragraph(doc: Doc, heading: Span) -> Span:
        text = doc_text(doc)
        body = heading.end_char + (len(text[heading.end_char :]) - len(text[heading.end_char :].lstrip()))
        end = text.find("\n\n", body)
        end = min(len(text) if end < 0 else end, body + MAX_STATEMENT_CHARS)
        return doc.char_span(heading.start_char, end, alignment_mode="expand") or heading

    @staticmethod
    def _status(statement: Span, declared: list[Span], none: list[Span]) -> str | None:
        start, end = statement.start_char, statement.end_char
        if any(_inside(c, start, end) for c in declared):
            return "declared"
        if any(_inside(c, start, end) for c in none):
            return "none_declared"
        return None

    def _names(self, doc: Doc, statement: Span) -> list[str]:
        names: list[str] = []
        stop = stopwords()
        for m in self.best(statement.as_doc(), "name"):
            words = m.span.text.split()
            while words and (words[0].rstrip(".,:;") in stop or words[0] in CONNECTORS):
                words = words[1:]
            while words and words[-1] in CONNECTORS:
                words = words[:-1]
            name = " ".join(words).rstrip(",:;")
            if name.endswith(".") and not INITIAL_END.search(name):  # the sentence's full stop, not "J.S."
                name = name[:-1]
            if name and name not in names and not all(w in stop or w in CONNECTORS for w in words):
                names.append(name)
        return names
