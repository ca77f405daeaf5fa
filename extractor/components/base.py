"""The base of the rule-driven components of issue 4 (design, sample size, COI, study mentions): one JSONL data file
of rules per component, each rule naming the span ``group`` it feeds, compiled once into a ``RuleSet`` per group.

A rule is a ``rules.RuleSet`` rule (``phrase``, token ``pattern`` or ``regex``) plus ``"group"`` and, optionally,
``"trigger"`` (substrings one of which the text must hold for the rule to run); regexes may use the placeholders
``{NUM}`` (a number in digits), ``{NUMW}`` (a number in words), ``{NUMSTART}`` (a word boundary where a number can
start: put first, it spares the regex engine the other places) and ``{LEX:name}`` (the first column of
``data/name.tsv`` as an alternation), filled in when the rules are compiled, so lexicons stay in TSV files.
``to_disk``/``from_disk`` save and load the rules as JSONL (placeholders unfilled), as spaCy's ``SpanRuler`` does,
and failures go to the pipeline's error handler.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any, ClassVar

import srsly
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extractor import spans
from extractor.components.rules import Match, RuleSet, doc_text
from extractor.lexicons import read_jsonl, read_tsv
from extractor.numbers import NUMBER_RE, WORD_GAP, number_words

_PLACEHOLDER = re.compile(r"\{(NUM|NUMW|NUMSTART|LEX:[a-z_]+)\}")


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first, each escaped."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=32)
def lexicon(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of ``data/<name>.tsv``."""
    return tuple(tuple(row) for row in read_tsv(f"{name}.tsv"))


@lru_cache(maxsize=64)
def _fill(placeholder: str) -> str:
    if placeholder == "NUM":
        return f"(?:{NUMBER_RE})"
    if placeholder == "NUMSTART":  # where a number can start: lets the regex engine skip other places fast
        initials = sorted({w[0] for w, (_, kind) in number_words().items() if kind in ("unit", "scale")})
        return rf"\b(?=[\d½¼¾⅓⅔{''.join(initials)}{''.join(initials).upper()}])"
    if placeholder == "NUMW":
        words = alternation(w for w, (_, kind) in number_words().items() if kind in ("unit", "scale"))
        return rf"(?:(?:{words})(?:(?:{WORD_GAP}and{WORD_GAP}|{WORD_GAP})(?:{words}))*)"
    return f"(?:{alternation(row[0] for row in lexicon(placeholder[4:]))})"


def compile_rule(rule: dict[str, Any]) -> dict[str, Any]:
    if "regex" not in rule:
        return rule
    return {**rule, "regex": _PLACEHOLDER.sub(lambda m: _fill(m.group(1)), str(rule["regex"]))}


class RuleComponent(Pipe):
    """Subclasses set ``data_file`` and ``keys`` (the span groups they write) and implement ``annotate``."""

    data_file: ClassVar[str]
    keys: ClassVar[tuple[str, ...]]

    def __init__(self, nlp: Language, name: str, rules: Iterable[dict[str, Any]] | None = None) -> None:
        self.nlp = nlp
        self.name = name
        self.set_rules(read_jsonl(self.data_file) if rules is None else rules)

    def set_rules(self, rules: Iterable[dict[str, Any]]) -> None:
        """Compile the rules: one ``RuleSet`` per group, and one per group and ``trigger`` for rules that name
        one (a list of lower-case substrings: the rule runs only on texts holding one of them, which keeps
        rarely-needed regexes off most texts)."""
        self.rules = list(rules)
        buckets: dict[tuple[str, tuple[str, ...]], list[dict[str, Any]]] = {}
        for order, rule in enumerate(self.rules):
            key = (str(rule["group"]), tuple(str(t).lower() for t in rule.get("trigger") or ()))
            buckets.setdefault(key, []).append({**compile_rule(rule), "order": order})
        self.sets = {key: RuleSet(self.nlp, bucket) for key, bucket in buckets.items()}

    def _active(self, doc: Doc, group: str) -> list[RuleSet]:
        lower: str | None = None
        active = []
        for (g, trigger), ruleset in self.sets.items():
            if g != group:
                continue
            if trigger:
                lower = doc_text(doc).lower() if lower is None else lower
                if not any(t in lower for t in trigger):
                    continue
            active.append(ruleset)
        return active

    def matches(self, doc: Doc, group: str) -> list[Match]:
        """Every match of a group's rules (overlaps included), in text order."""
        found = [m for ruleset in self._active(doc, group) for m in ruleset.matches(doc)]
        return sorted(found, key=lambda m: (m.span.start, -m.span.end))

    def best(self, doc: Doc, group: str) -> list[Match]:
        """The longest non-overlapping matches of a group's rules; on equal spans the earlier rule wins."""
        active = self._active(doc, group)
        if len(active) == 1:
            return active[0].best(doc)
        by_span: dict[tuple[int, int], Match] = {}
        for m in (m for ruleset in active for m in ruleset.matches(doc)):
            key = (m.span.start, m.span.end)
            if key not in by_span or m.rule["order"] < by_span[key].rule["order"]:
                by_span[key] = m
        kept = {(s.start, s.end) for s in filter_spans([m.span for m in by_span.values()])}
        return sorted((m for k, m in by_span.items() if k in kept), key=lambda m: m.span.start)

    def annotate(self, doc: Doc) -> None:
        raise NotImplementedError

    @staticmethod
    def emit(doc: Doc, group: str, span: Span, label: str, value: object, confidence: float, **attrs: object) -> Span:
        """Add a labelled copy of ``span`` to ``doc.spans[group]`` (span extensions are keyed by offsets and label,
        so every span carries a label)."""
        new = Span(doc, span.start, span.end, label=label)
        return spans.add_span(doc.spans[group], new, value, float(confidence), **attrs)

    def __call__(self, doc: Doc) -> Doc:
        error_handler = self.get_error_handler()
        try:
            for key in self.keys:
                doc.spans[key] = []
            self.annotate(doc)
            return doc
        except Exception as e:
            return error_handler(self.name, self, [doc], e)

    # --- serialization, as spaCy's SpanRuler: the rules as JSONL -------------------------------------------------
    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        directory = Path(path)
        directory.mkdir(parents=True, exist_ok=True)
        srsly.write_jsonl(directory / "rules.jsonl", self.rules)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> RuleComponent:
        self.set_rules(srsly.read_jsonl(Path(path) / "rules.jsonl"))
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return srsly.json_dumps(self.rules).encode("utf-8")

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = ()) -> RuleComponent:
        self.set_rules(srsly.json_loads(bytes_data))
        return self
