"""Whole lines of page chrome (data file ``cleaning/boilerplate.tsv``) and the title: found once, kept once, on top."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extractor.cleaning.offsets import Edit
from extractor.lexicons import read_tsv

_MAX_LINE = 400  # longer lines are article prose, never chrome
_LINE = re.compile(r"[^\n]+")
_TITLE_LABEL = re.compile(r"title\s*:\s*(.*)", re.IGNORECASE)
_TITLE_WINDOW = 6  # the title is looked for among this many first lines
_TITLE_MIN = 12  # characters: shorter lines (headings) may repeat legitimately
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class _Rules:
    anchored: re.Pattern[str]  # all rules that start with fixed text, as one alternation of named groups
    reasons: list[str]
    floating: list[tuple[tuple[str, ...], re.Pattern[str], str]]  # (needed words, pattern, reason)


@lru_cache(maxsize=1)
def _line_rules() -> _Rules:
    reasons: list[str] = []
    parts: list[str] = []
    floating = []
    for row in read_tsv("cleaning/boilerplate.tsv"):
        reason, pattern = row[0], row[1]
        compiled = re.compile(pattern, re.IGNORECASE)  # a bad pattern fails here, naming itself
        if len(row) > 2 and row[2]:
            floating.append((tuple(row[2].split("|")), compiled, reason))
        else:
            parts.append(f"(?P<r{len(reasons)}>{pattern})")
            reasons.append(reason)
    return _Rules(re.compile("|".join(parts), re.IGNORECASE), reasons, floating)


def boilerplate_reason(line: str) -> str | None:
    """Why this (trimmed) line is chrome, or None."""
    if len(line) > _MAX_LINE:
        return None
    rules = _line_rules()
    line = line.strip()
    m = rules.anchored.fullmatch(line)
    if m and m.lastgroup is not None:
        return rules.reasons[int(m.lastgroup[1:])]
    lower = line.lower()
    for needs, rx, reason in rules.floating:
        if any(word in lower for word in needs) and rx.fullmatch(line):
            return reason
    return None


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str

    @property
    def key(self) -> str:
        return " ".join(self.text.casefold().split())


def lines(text: str) -> list[Line]:
    return [Line(m.start(), m.end(), m.group()) for m in _LINE.finditer(text) if m.group().strip()]


def drop_line(text: str, line: Line) -> Edit:
    """Delete a line with the line breaks (and blank lines) after it, but not the indent of the next line, which
    belongs to that line and may be dropped too (the whitespace pass tidies the seams)."""
    end = line.end
    while end < len(text) and text[end] in "\n ":
        end += 1
    if end < len(text):
        end = max(text.rfind("\n", line.end, end) + 1, line.end)
    return Edit(line.start, end, "")


def _title_like(line: Line) -> bool:
    words = line.text.split()
    text = line.text.strip()
    return 3 <= len(text) <= 300 and 1 <= len(words) <= 40 and bool(_LETTER.search(text)) and not text.endswith(":")


def _is_caps(text: str) -> bool:
    return text.upper() == text


@dataclass
class TitleDecision:
    title: str | None
    keep: Line | None
    duplicates: list[Line]
    recase: Edit | None = None  # an upper-case title line rewritten in the case of its repeat


def find_title(all_lines: list[Line]) -> TitleDecision:
    """The title and its repeats.

    Lines are walked in order, counting only the lines kept so far: a title-like line repeating one of the first
    three kept lines within the first six is a duplicate, as is (anywhere) any later repeat of a line once found
    repeated, or of the first line. Only title-like lines of 12+ characters take part ("Methods" may recur).
    Counting kept lines makes this a fixed point: run on its own output it finds nothing more. The title is the
    first repeated line, else a ``TITLE:`` label's line, else the first line when it looks like a title. An
    upper-case title whose repeat is in mixed case takes that case.
    """
    if not all_lines:
        return TitleDecision(None, None, [])
    first_seen: dict[str, tuple[int, Line]] = {}
    anywhere: set[str] = set()
    duplicates: list[Line] = []
    repeated: list[Line] = []  # kept lines found repeated, in order
    mixed_case: dict[str, Line] = {}
    kept = 0
    for line in all_lines:
        key = line.key
        seen = first_seen.get(key)
        repeatable = len(key) >= _TITLE_MIN and _title_like(line)  # "Methods" may recur; a title does not
        if repeatable and (key in anywhere or (seen is not None and seen[0] < 3 and kept < _TITLE_WINDOW)):
            duplicates.append(line)
            anywhere.add(key)
            if seen is not None and seen[1] not in repeated:
                repeated.append(seen[1])
            if not _is_caps(line.text):
                mixed_case.setdefault(key, line)
            continue
        if seen is None:
            first_seen[key] = (kept, line)
        if kept == 0 and repeatable:
            anywhere.add(key)
        kept += 1
    if repeated:
        keep = repeated[0]
        recase = None
        better = mixed_case.get(keep.key)
        if _is_caps(keep.text) and better is not None:
            recase = Edit(keep.start, keep.end, better.text)
        shown = better if recase and better else keep
        return TitleDecision(shown.text.strip(), keep, duplicates, recase)
    head = all_lines[0]
    label = _TITLE_LABEL.fullmatch(head.text.strip())
    if label:
        if label.group(1).strip():
            return TitleDecision(label.group(1).strip(), head, duplicates)
        if len(all_lines) > 1 and _title_like(all_lines[1]):
            return TitleDecision(all_lines[1].text.strip(), all_lines[1], duplicates)
        return TitleDecision(None, None, duplicates)
    if len(all_lines) > 1 and _title_like(head):
        return TitleDecision(head.text.strip(), head, duplicates)
    return TitleDecision(None, None, duplicates)
