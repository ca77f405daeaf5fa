"""Cleaning: raw text or HTML in; cleaned text out, with what was removed and why, the spin report, the citation
markers and an offset map from every span of the cleaned text back to the raw input.

Stages, each a list of offset-preserving edits (``offsets.MappedText.apply``), in this order:

1. decode (bytes -> text; empty or binary input is refused) and, for HTML, the article body (``html.py``);
2. Unicode repair (ftfy: mojibake, ligatures, NFC) and whitespace normalisation (``unicode.py``);
3. citation markers out of the text into ``cleaning.citations`` (``citations.py``);
4. whole lines of page chrome out (``boilerplate.py``), the title kept once at the top;
5. de-spinning (``despin.py``), then whitespace once more.

Raw offsets (``raw_start``/``raw_end``, ``Removed.start``/``end``, ``to_raw``) are character offsets into the decoded
input, ``CleanedText.raw``. ``clean(clean(x).text).text == clean(x).text``.

``Removed.reason`` is one of ``REMOVED_REASONS``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from extractor.cleaning.boilerplate import Line, boilerplate_reason, drop_line, find_title, lines
from extractor.cleaning.citations import find_markers, marker_edits
from extractor.cleaning.despin import Gate, despin, lexicon
from extractor.cleaning.html import html_to_text, looks_like_html
from extractor.cleaning.offsets import Edit, MappedText, OffsetMap
from extractor.cleaning.unicode import decode, unicode_edits, whitespace_edits
from extractor.errors import InputError, InputTooLarge
from extractor.models import Citation, Cleaning, Removed, SpinRepair, SpinReport
from studysift.settings import Settings, get_settings

REMOVED_REASONS = {
    "boilerplate": "page furniture: 'Report this page', 'Blog Article', 'Read more', bylines, copyright lines",
    "navigation": "menus, breadcrumbs, 'browse our home page for more articles', skip links, next/previous links",
    "banner": "site and government banners ('The site is secure. The https:// ensures ...'), page headers",
    "share": "share bars and social-media buttons",
    "cookie": "cookie and consent notices",
    "subscribe": "newsletter and subscription prompts",
    "advertisement": "ads, sponsored content, embedded frames",
    "duplicate_title": "repeats of the title line (the title is kept once, at the top)",
    "footer": "page footers (HTML)",
    "aside": "sidebars, related-content boxes, comments, pop-ups (HTML)",
    "form": "forms, buttons, search boxes (HTML)",
    "hidden": "elements hidden from readers (HTML hidden, aria-hidden, display:none)",
    "outside_article": "page text outside the <article>/<main> element holding the article (HTML)",
}

__all__ = ["REMOVED_REASONS", "CleanedText", "clean"]

_ROUNDS = 5  # stages that can uncover more of their own work repeat, so clean(clean(x)) == clean(x)


@dataclass
class CleanedText:
    text: str
    cleaning: Cleaning = field(default_factory=Cleaning)
    title: str | None = None
    raw: str = ""  # the decoded input that raw offsets point into
    offsets: OffsetMap | None = None
    html: bool = False
    encoding: str = "str"

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """The span of ``raw`` that cleaned ``text[start:end]`` came from (monotone; a repair maps to its spun
        phrase)."""
        if self.offsets is None:
            return start, end
        return self.offsets.to_raw(start, end)


@dataclass
class _Pending:
    """A repair on its way through later stages: positions in the current text, raw span fixed at repair time."""

    start: int
    end: int
    found: str
    restored: str
    rule: str
    raw: tuple[int, int]


class _Work:
    """The text between stages, and the annotations whose cleaned offsets must follow every edit."""

    def __init__(self, doc: MappedText) -> None:
        self.doc = doc
        self.removed: list[Removed] = []
        self.citations: list[Citation] = []
        self.repairs: list[_Pending] = []

    @property
    def text(self) -> str:
        return self.doc.text

    def apply(self, edits: list[Edit]) -> None:
        if not edits:
            return
        self.doc, shift = self.doc.apply(edits)
        self._shift(shift)

    def _shift(self, shift: Callable[[int, bool], int]) -> None:
        for c in self.citations:
            c.at = shift(c.at, False)
        for r in self.repairs:
            r.start, r.end = shift(r.start, False), shift(r.end, True)

    def prepend(self, head: MappedText, sep: str) -> None:
        self.doc, shift = self.doc.prepend(head, sep)
        self._shift(shift)

    def remove_lines(self, found: list[tuple[Line, str]], also: Edit | None = None) -> None:
        edits = [also] if also else []
        for line, reason in found:
            raw_start, raw_end = self.doc.map.to_raw(line.start, line.end)
            self.removed.append(Removed(text=line.text.strip(), reason=reason, start=raw_start, end=raw_end))
            edits.append(drop_line(self.text, line))
        self.apply(edits)


_ALNUM = re.compile(r"[^\W_]")


def _require_text(text: str, is_html: bool, title: str | None = None) -> None:
    """Refuse input with nothing left to read (a title alone is not an article)."""
    if title is None:
        readable = _ALNUM.search(text) is not None
    else:
        title_key = " ".join(title.casefold().split())
        readable = any(line.key != title_key and _ALNUM.search(line.text) for line in lines(text))
    if not readable:
        what = "page" if is_html else "input"
        raise InputError(f"no article text found: nothing is left of the {what} after removing page chrome")


def _put_title_on_top(work: _Work, title: MappedText) -> None:
    """Prepend the title (mapped to its source) unless the text starts with it already, or unless its source comes
    after the start of the text (an <h1> below other text stays where it is, so the map stays monotone)."""
    first = lines(work.text)
    if first and first[0].key == " ".join(title.text.casefold().split()):
        return
    if title.map.point(len(title.text)) > work.doc.map.point(0):
        return
    work.prepend(title, "\n\n" if work.text else "")


def _input_size(raw: str | bytes) -> int:
    return len(raw) if isinstance(raw, bytes) else len(raw.encode("utf-8", "surrogatepass"))


def _take_markers(work: _Work) -> int:
    """Citation markers out of the text, into ``work.citations``; the number of spelled ones (spin evidence).
    Repeated: taking "doses31" out can reveal that the "[86]" after it is a marker, not a range."""
    spelled = 0
    for _ in range(_ROUNDS):
        markers = find_markers(work.text)
        if not markers:
            break
        for mk in markers:
            raw_start, raw_end = work.doc.map.to_raw(mk.start, mk.end)
            citation = Citation(marker=mk.marker, number=mk.number, raw_start=raw_start, raw_end=raw_end, at=mk.start)
            work.citations.append(citation)
        work.apply(marker_edits(markers))
        spelled += sum(mk.spelled for mk in markers)
    return spelled


def _take_chrome(work: _Work) -> bool:
    """Page chrome out, line by line; whether any line went."""
    chrome = [(line, reason) for line in lines(work.text) if (reason := boilerplate_reason(line.text))]
    work.remove_lines(chrome)
    work.apply(whitespace_edits(work.text))
    return bool(chrome)


def clean(raw: str | bytes, *, html: bool | None = None, settings: Settings | None = None) -> CleanedText:
    """Clean one article (``html=None`` sniffs whether it is HTML). ``InputError`` when it cannot be an article."""
    settings = settings or get_settings()
    size = _input_size(raw)
    if size > settings.max_input_bytes:
        raise InputTooLarge(f"input is {size:,} bytes; the limit is {settings.max_input_bytes:,} (max_input_bytes)")
    text, encoding = decode(raw)
    is_html = looks_like_html(text) if html is None else html
    work = _Work(MappedText.identity(text))
    html_title: str | None = None
    html_title_doc: MappedText | None = None
    if is_html:
        page = html_to_text(text, settings.max_html_depth)
        work.doc, work.removed = page.doc, page.removed
        html_title, html_title_doc = page.title, page.title_doc

    work.apply(whitespace_edits(work.text))  # first, so that ftfy sees "Â€" and not "Â\u200b€"
    work.apply(unicode_edits(work.text))
    work.apply(whitespace_edits(work.text))
    _require_text(work.text, is_html)
    if html_title_doc:  # an HTML page's title goes on top now, so later stages treat it as they treat any line
        for edits in (whitespace_edits, unicode_edits, whitespace_edits):  # the same fixes as the body had
            html_title_doc, _ = html_title_doc.apply(edits(html_title_doc.text))
        _put_title_on_top(work, html_title_doc)

    spelled_markers = _take_markers(work)
    for _ in range(_ROUNDS):  # a chrome line gone can leave a marker standing alone ("[86]" after a cookie notice)
        if not _take_chrome(work):
            break
        spelled_markers += _take_markers(work)

    _require_text(work.text, is_html, title=html_title)

    # the title, once, at the top
    decision = find_title(lines(work.text))
    work.remove_lines([(line, "duplicate_title") for line in decision.duplicates], also=decision.recase)
    title = html_title or decision.title  # a page's own title (meta, <h1>, <title>) beats a guess from lines

    # de-spinning
    lex = lexicon(settings.spin_lexicon)
    gate = Gate(settings.spin_gate_min_evidence, settings.spin_gate_per_1000)
    # A repair can uncover another ("exercise and exploratory habits"): repeat until nothing changes, so that
    # cleaning cleaned text changes nothing.
    evidence, spun = spelled_markers, False
    for _ in range(_ROUNDS):
        repairs, spun = despin(work.text, lex, gate, extra_evidence=evidence, spun_known=spun)
        if not repairs:
            break
        evidence += len(repairs)
        for r in repairs:
            raw_span = work.doc.map.to_raw(r.start, r.end)
            work.repairs.append(_Pending(r.start, r.end, r.found, r.restored, r.rule, raw_span))
        work.apply([Edit(r.start, r.end, r.restored) for r in repairs])
    # removals can bring together what the first pass saw apart: one more Unicode and whitespace pass
    work.apply(unicode_edits(work.text))
    work.apply(whitespace_edits(work.text))

    words = max(len(work.text.split()), 1)
    score = round(len(work.repairs) * 1000 / words, 3)
    spin = SpinReport(
        score=score,
        # one stray repair in a short abstract is a high density but no evidence: ask for a few as well
        is_spun=score >= settings.spin_threshold and len(work.repairs) >= settings.spin_gate_min_evidence,
        repairs=[
            SpinRepair(
                found=r.found,
                restored=r.restored,
                start=r.start,
                end=r.end,
                raw_start=r.raw[0],
                raw_end=r.raw[1],
                rule=r.rule,
            )
            for r in work.repairs
        ],
    )
    return CleanedText(
        text=work.text,
        cleaning=Cleaning(removed=work.removed, spin=spin, citations=work.citations),
        title=title,
        raw=text,
        offsets=work.doc.map,
        html=is_html,
        encoding=encoding,
    )
