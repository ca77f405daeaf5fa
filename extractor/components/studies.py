"""Study mentions, the anchors of record assembly: the places that introduce a distinct study.

Rules in ``data/studies.jsonl``, one span group ``study`` with these labels:

- ``design``: a determiner and a study noun, "the first randomized, controlled trial", "a case report",
  "A third larger trial", "Two small cross-over trials", "The recently updated Cochrane review" (not a count a
  review includes, "included 3 RCTs", and not in a sentence that calls for studies, "further trials are needed");
- ``author``: "Zhang and colleagues", "Smith et al. (2019)"; ``case``: "observed in the case of ...";
- ``numbered``: "study 1", "Experiment 2", "Study A", "part B" (``attrs["number"]``);
- ``anaphora_singular`` / ``anaphora_plural`` / ``anaphora_case``: "in this trial", "both trials", "the patient";
- ``self``: the article reports its own study ("we randomized", "the present study", an "ABSTRACT.METHODS:"
  heading);
- ``hedge``: a sentence that calls for studies rather than reports one ("further trials are needed").

``span._.value`` is the design hint (a SPEC design, from the design spans inside the mention) or ``None``;
``attrs["plural"]`` says whether the mention names several studies. Run after ``studysift_design``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractor import spans
from extractor.components.base import RuleComponent

KEYS = (spans.STUDY,)
# When one mention holds several design phrases ("randomized crossover trial"), the more specific one wins.
DESIGN_PRIORITY = ("crossover_trial", "case_series", "case_report", "meta_analysis", "systematic_review")
_NUMBERS = {"one": "1", "two": "2", "three": "3", "four": "4", "i": "1", "ii": "2", "iii": "3", "iv": "4"}


@Language.factory("studysift_study_mentions", assigns=["doc.spans"], default_config={})
def make_studies(nlp: Language, name: str) -> StudiesComponent:
    return StudiesComponent(nlp, name)


def design_hint(mention: Span, designs: list[Span]) -> str | None:
    inside = [d for d in designs if d.start_char >= mention.start_char and d.end_char <= mention.end_char]
    if not inside:
        return None
    labels = {d.label_ for d in inside}
    for label in DESIGN_PRIORITY:
        if label in labels:
            return label
    return str(max(inside, key=lambda d: d._.confidence or 0.0).label_)


class StudiesComponent(RuleComponent):
    data_file = "studies.jsonl"
    keys = KEYS

    def annotate(self, doc: Doc) -> None:
        designs = list(doc.spans[spans.DESIGN]) if spans.DESIGN in doc.spans else []
        counts = {m.span.start_char for m in self.matches(doc, "count")}
        has_sents = doc.has_annotation("SENT_START")
        hedged = {m.span.sent.start for m in self.matches(doc, "hedge")} if has_sents else set()
        for m in self.best(doc, "mention"):
            span = m.span
            if m.label == "design" and span.start_char in counts:
                continue
            if has_sents and span.sent.start in hedged:
                continue
            groups = m.rule.get("groups") or {}
            noun = (groups.get("noun") or "").lower()
            plural = bool(m.rule.get("plural")) or (noun.endswith("s") and noun not in ("analysis", "case series"))
            attrs: dict[str, object] = {"plural": plural}
            if groups.get("num"):
                attrs["number"] = _NUMBERS.get(groups["num"].lower(), groups["num"])
            hint = m.rule.get("design") or design_hint(span, designs)
            self.emit(doc, spans.STUDY, span, m.label, hint, m.rule["confidence"], **attrs)
        for m in self.best(doc, "anaphora"):
            self.emit(doc, spans.STUDY, m.span, f"anaphora_{m.label}", None, m.rule["confidence"])
        for m in self.best(doc, "self"):
            self.emit(doc, spans.STUDY, m.span, "self", None, m.rule["confidence"])
        for m in self.best(doc, "hedge"):
            self.emit(doc, spans.STUDY, m.span, "hedge", None, m.rule["confidence"])
