"""Which mentions speak of the article's own study: section headings (``data/section_headers.tsv``) mark background
and objective sections, which state no facts of the study, and the title names what the study is about.

Shared by the condition, intervention and outcome components, so that a drug or disease named once in passing
("Postprandial lipemia is a risk factor for coronary heart disease") does not become a field of a record.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TypeVar
from weakref import WeakKeyDictionary

from spacy.tokens import Doc, Span

from extractor.components.rules import doc_text
from extractor.lexicons import read_tsv

T = TypeVar("T")
_TITLE_MARK = re.compile(r"^\s*TITLE[:.]\s*", re.IGNORECASE)  # "TITLE:" or "TITLE." (both in PubMed exports)
MAX_TITLE_LINES = 4  # a marked title wraps over a few lines; more, and the mark is followed by the text itself
_KEYWORDS = re.compile(r"^[ \t]*(?:#{1,6}[ \t]*)?key[ -]?words[ \t]*[:.][^\n]*", re.IGNORECASE | re.MULTILINE)


@lru_cache(maxsize=1)
def _headers() -> tuple[re.Pattern[str], dict[str, str]]:
    rows = {row[0].lower(): row[1] for row in read_tsv("section_headers.tsv")}
    names = "|".join(re.escape(h) for h in sorted(rows, key=len, reverse=True))
    pattern = re.compile(
        rf"^[ \t]*(?:#{{1,6}}[ \t]*)?(?:\d+(?:\.\d+)*\.?[ \t]+)?(?:abstract\.[ \t]*)?({names})\b[ \t]*(?::|\.|$)",
        re.IGNORECASE | re.MULTILINE,
    )
    # or run into the paragraph after a sentence, in capitals and with a colon ("... of IL-6. METHODS: Twelve ...")
    inline = "|".join(re.escape(h.upper()) for h in sorted(rows, key=len, reverse=True))
    pattern = re.compile(rf"{pattern.pattern}|(?<=[.!?)\]] )(?-i:({inline}))[ \t]*:", pattern.flags)
    return pattern, rows


_CACHE: WeakKeyDictionary[Doc, Salience] = WeakKeyDictionary()


class Salience:
    """Section and title facts of one doc, computed once."""

    @classmethod
    def of(cls, doc: Doc) -> Salience:
        """The doc's Salience, computed once per doc for every component that asks (kept beside the doc, not in
        ``doc.user_data``, which must stay serialisable)."""
        cached = _CACHE.get(doc)
        if cached is not None and cached.length == len(doc_text(doc)):
            return cached
        _CACHE[doc] = found = cls(doc)
        return found

    def __init__(self, doc: Doc) -> None:
        pattern, kinds = _headers()
        text = doc_text(doc)
        self.length = len(text)
        heads = [(m.start(), (m.group(1) or m.group(2)).lower()) for m in pattern.finditer(text)]
        self.sections = [  # (start, end, kind) of every headed section
            (start, heads[i + 1][0] if i + 1 < len(heads) else len(text), kinds[name])
            for i, (start, name) in enumerate(heads)
        ]
        self.background = [(start, end) for start, end, kind in self.sections if kind == "background"]
        # a full text's body opens with its own background, after the abstract's sections of other kinds
        first_other = next((start for start, _, kind in self.sections if kind != "background"), len(text))
        self.body_background = [(start, end) for start, end in self.background if start > first_other]
        self.title = self._title(text)
        keywords = _KEYWORDS.search(text)  # "Keywords: Visceral leishmaniasis, miltefosine, RCT"
        self.keywords = keywords.span() if keywords else (0, 0)

    @staticmethod
    def _title(text: str) -> tuple[int, int]:
        """Character range of the title: the first non-blank line; after a "TITLE:" mark, every line up to the first
        blank one or heading (a marked title is wrapped there), when that comes within ``MAX_TITLE_LINES``."""
        start = 0
        mark = _TITLE_MARK.match(text)
        if mark:
            start = mark.end()
        while start < len(text) and text[start].isspace():
            start += 1
        first = end = text.find("\n", start)
        lines = 1
        while (
            mark and 0 <= end < len(text) - 1 and text[end + 1] not in "\r\n" and not _headers()[0].match(text, end + 1)
        ):
            end = text.find("\n", end + 1)
            lines += 1
        if lines > MAX_TITLE_LINES or (mark and end < 0):  # no blank line or heading ends it: the mark's line alone
            end = first
        return start, len(text) if end < 0 else end

    def section(self, span: Span) -> str | None:
        """The kind of the headed section holding ``span`` (``data/section_headers.tsv``), if any."""
        for start, end, kind in self.sections:
            if start <= span.start_char < end:
                return kind
        return None

    def in_background(self, span: Span) -> bool:
        return any(start <= span.start_char < end for start, end in self.background)

    def in_body_background(self, span: Span) -> bool:
        """In a full text's background section, after its abstract: other studies' facts and the setting's."""
        return any(start <= span.start_char < end for start, end in self.body_background)

    def in_title(self, span: Span) -> bool:
        return self.title[0] <= span.start_char < self.title[1]

    def in_keywords(self, span: Span) -> bool:
        """In the article's keyword line, which, like the title, names what the study is about."""
        return self.keywords[0] <= span.start_char < self.keywords[1]

    def keep(
        self, items: Iterable[T], span_of: Callable[[T], Span], key_of: Callable[[T], str], strong: Callable[[T], bool]
    ) -> list[T]:
        """Items outside background sections whose name is in the title, named twice or more, or ``strong`` once."""
        kept = [item for item in items if not self.in_background(span_of(item))]
        counts = Counter(key_of(item).lower() for item in kept)
        salient = {key_of(item).lower() for item in kept if strong(item) or self.in_title(span_of(item))}
        return [item for item in kept if counts[key_of(item).lower()] >= 2 or key_of(item).lower() in salient]
