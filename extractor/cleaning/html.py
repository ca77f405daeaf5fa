"""HTML pages to article text (beautifulsoup4 + lxml), with every text node located in the raw source.

bs4 gives no source offsets, so each text node is found in the raw HTML in document order from a moving cursor:
verbatim when it can be (``str.find``, refusing hits inside a tag), else by an entity-aware alignment that maps each
decoded entity to its ``&...;`` source. A node that cannot be aligned maps to an empty raw span at the cursor, so the
map stays monotone. Script, style and comment nodes are located too (never emitted) so the cursor never skips ahead.
"""

from __future__ import annotations

import html as htmllib
import re
from dataclasses import dataclass, field
from functools import lru_cache

from bs4 import BeautifulSoup, Tag
from bs4.element import CData, Comment, Declaration, Doctype, NavigableString, ProcessingInstruction

from extractor.cleaning.offsets import Edit, MappedText, OffsetMap
from extractor.lexicons import read_tsv
from extractor.models import Removed

_SNIFF = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|section|h[1-6]|span|table|ul|li|a\s+href|br)\b[^<>]*>",
    re.IGNORECASE,
)
_CLOSING = re.compile(r"</(?:p|div|span|a|li|ul|table|h[1-6]|article|section|title)>", re.IGNORECASE)
_BLOCK = frozenset(
    {"p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "h1", "h2", "h3", "h4", "h5", "h6",
     "ul", "ol", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "blockquote", "pre", "figure", "figcaption",
     "address", "hr", "form", "fieldset", "details", "summary", "caption", "center", "title", "body", "html", "legend"}
)  # fmt: skip
_LINE = frozenset({"tr", "li", "br"})
_CELL = frozenset({"td", "th"})
_SILENT = frozenset({"script", "style", "template", "svg", "canvas", "object", "embed", "video", "audio", "head",
                     "meta", "link", "noscript", "map", "picture", "source"})  # fmt: skip
_CONTENT_IDS = re.compile(
    r"^(article-?body|main-?content|maincontent|content-?body|entry-?content|post-?content)$", re.I
)
_TOKEN_SPLIT = re.compile(r"[\s_\-]+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_SPECIAL = re.compile(r"[&\r<]")
_MARKUP = re.compile(r"<!--.*?-->|<[^<>]*>", re.DOTALL)  # a tag the parser dropped inside a text run
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?")
_HTML_SPACE = str.maketrans("\t\n\r\f", "    ")
_SEARCH_WINDOW = 1_000_000  # how far ahead of the cursor a text node is looked for
_REMOVED_TEXT_MAX = 300
_REMOVED_MAX = 500


def looks_like_html(text: str) -> bool:
    """Sniff: a doctype/html/head/body tag, or at least three common tags and a closing tag, in the first 8 kB."""
    head = text[:8192]
    tags = _SNIFF.findall(head)
    if any(t[:5].lower() in ("<!doc", "<html", "<body", "<head") for t in tags):
        return True
    return len(tags) >= 3 and _CLOSING.search(head) is not None


@dataclass
class DropRules:
    tags: dict[str, str]
    roles: dict[str, str]
    tokens: dict[str, str]


@lru_cache(maxsize=1)
def drop_rules() -> DropRules:
    rules = DropRules({}, {}, {})
    table = {"tag": rules.tags, "role": rules.roles, "token": rules.tokens}
    for kind, value, reason in read_tsv("cleaning/html.tsv"):
        table[kind][value.lower()] = reason
    return rules


def drop_reason(tag: Tag, rules: DropRules) -> str | None:
    """Why this element is page chrome, or None when it may hold article text."""
    name = tag.name.lower()
    if name in rules.tags:
        return rules.tags[name]
    attrs = tag.attrs
    if not attrs:
        return None
    if "hidden" in attrs or str(attrs.get("aria-hidden", "")).lower() == "true":
        return "hidden"
    style = attrs.get("style")
    if style and _HIDDEN_STYLE.search(str(style)):
        return "hidden"
    role = attrs.get("role")
    if role and str(role).lower() in rules.roles:
        return rules.roles[str(role).lower()]
    classes: object = attrs.get("class") or []
    names: list[str] = [
        *(map(str, classes) if isinstance(classes, list) else [str(classes)]),
        str(attrs.get("id") or ""),
    ]
    for value in names:
        for name in value.lower().split():  # class="post sr-only": each class whole, then its words
            if name in rules.tokens:
                return rules.tokens[name]
            for token in _TOKEN_SPLIT.split(name):
                if token in rules.tokens:
                    return rules.tokens[token]
    return None


def _in_tag(raw: str, lo: int, pos: int) -> bool:
    return raw.rfind("<", lo, pos) > raw.rfind(">", lo, pos)


Pieces = list[tuple[int, int, int, bool]]  # (raw_start, raw_end, text_length, exact)


def _align_at(raw: str, i: int, s: str) -> Pieces | None:
    """Match ``s`` against raw HTML at ``i``, decoding entities and skipping carriage returns and stray tags (lxml
    joins "a</p>b" into one text node "ab", and "a</p>&lt;p>" into "a<p>"); None when it differs."""
    pieces: Pieces = []
    j, n = 0, len(s)
    while j < n:
        m = _SPECIAL.search(raw, i, i + n - j)
        stop = m.start() if m else i + n - j
        k = stop - i
        if raw[i:stop] != s[j : j + k]:
            return None
        if k:
            pieces.append((i, stop, k, True))
            i, j = stop, j + k
        if j >= n:
            break
        if raw.startswith("<", i):
            tag = _MARKUP.match(raw, i)
            if tag and not s.startswith(tag.group(), j):  # a tag inside the run, even before a "<" from "&lt;"
                i = tag.end()
                continue
            if s[j] != "<":
                return None
            pieces.append((i, i + 1, 1, True))  # a "<" the parser kept as text ("a < b", "x&amp;<")
            i, j = i + 1, j + 1
            continue
        if raw.startswith("\r", i):
            if s[j] == "\r":
                pieces.append((i, i + 1, 1, True))
                j += 1
            elif s[j] == "\n" and not raw.startswith("\n", i + 1):  # a lone CR the parser made LF
                pieces.append((i, i + 1, 1, False))
                j += 1
            i += 1
            continue
        e = _ENTITY.match(raw, i)
        decoded = htmllib.unescape(e.group()) if e else ""
        if e and decoded != e.group() and s.startswith(decoded, j):
            pieces.append((i, e.end(), len(decoded), False))
            i, j = e.end(), j + len(decoded)
        elif s[j] == "&":
            pieces.append((i, i + 1, 1, True))
            i, j = i + 1, j + 1
        else:
            return None
    return pieces


def _crosses_markup(raw: str, start: int, end: int) -> bool:
    """Whether ``raw[start:end]`` holds the start of a tag or comment (so it is markup, not a text node's source)."""
    q = raw.find("<", start, end)
    while q >= 0:
        if _MARKUP.match(raw, q):
            return True
        q = raw.find("<", q + 1, end)
    return False


def locate(raw: str, s: str, cursor: int) -> Pieces | None:
    """Where text node ``s`` sits in ``raw`` at or after ``cursor`` (outside tags), as aligned pieces.

    The earliest place wins, verbatim or entity-decoded: text nodes come in document order, so the first place after
    the cursor is the node's own. (A text "<p>" decoded from "&lt;p>" must not be placed at a later ``<p>`` tag: the
    cursor would jump past all the text in between, which then maps nowhere.) A verbatim copy that is itself markup
    is taken only when nothing else aligns: the raw text of a script or style element ("a<b && c>d").
    """
    limit = min(len(raw), cursor + _SEARCH_WINDOW + len(s))
    verbatim = markup = -1
    p = raw.find(s, cursor, limit)
    for _ in range(16):
        if p < 0:
            break
        if not _in_tag(raw, cursor, p):
            if "<" not in s or not _crosses_markup(raw, p, p + len(s)):
                verbatim = p
                break
            if markup < 0:
                markup = p
        p = raw.find(s, p + 1, limit)
    first = re.escape(s[0])
    candidates = re.compile(f"{first}|&|\r")
    tries = 0
    for m in candidates.finditer(raw, cursor, verbatim if verbatim >= 0 else limit):
        if tries > 64:
            break
        if _in_tag(raw, cursor, m.start()):
            continue
        tries += 1
        pieces = _align_at(raw, m.start(), s)
        if pieces:
            return pieces
    if verbatim >= 0:
        return [(verbatim, verbatim + len(s), len(s), True)]
    if markup >= 0:
        return [(markup, markup + len(s), len(s), True)]
    return None


@dataclass
class HtmlText:
    doc: MappedText
    removed: list[Removed] = field(default_factory=list)
    title: str | None = None
    title_doc: MappedText | None = None  # the title with its own map into the raw HTML, when it was found there


class _Builder:
    """Accumulates the article text and its offset map, with pending breaks between blocks."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.map = OffsetMap()
        self.pending = ""  # separator owed before the next text: " ", " | ", "\n" or "\n\n"
        self.at_line_start = True

    def brk(self, sep: str) -> None:
        order = {"": 0, " ": 1, " | ": 2, "\n": 3, "\n\n": 4}
        if order[sep] > order[self.pending]:
            self.pending = sep
        if sep in ("\n", "\n\n"):
            self.at_line_start = True

    def emit(self, pieces: Pieces, text: str, raw_pos: int) -> None:
        if self.pending and self.parts:
            self.parts.append(self.pending)
            self.map.add(len(self.pending), raw_pos, raw_pos, exact=False)
        self.pending = ""
        self.at_line_start = False
        self.parts.append(text)
        for raw_start, raw_end, length, exact in pieces:
            self.map.add(length, raw_start, raw_end, exact=exact)


def _collapse(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _REMOVED_TEXT_MAX else text[: _REMOVED_TEXT_MAX - 1] + "…"


@dataclass
class _Survey:
    """What one pass over the tags finds (bs4's find_all would walk the tree once per question)."""

    candidates: list[Tag] = field(default_factory=list)  # elements that may hold the article
    metas: dict[str, str] = field(default_factory=dict)  # citation_title, og:title, dc.title
    h1s: list[Tag] = field(default_factory=list)
    title: Tag | None = None


def _survey(soup: BeautifulSoup) -> _Survey:
    found = _Survey()
    for tag in soup.descendants:
        if not isinstance(tag, Tag):
            continue
        name = tag.name
        if name == "h1":
            found.h1s.append(tag)
        elif name == "title" and found.title is None:
            found.title = tag
        elif name == "meta":
            key = str(tag.get("name") or tag.get("property") or "").lower()
            if key in ("citation_title", "og:title", "dc.title") and str(tag.get("content") or "").strip():
                found.metas.setdefault(key, " ".join(str(tag["content"]).split()))
        if name in ("article", "main") or (
            tag.attrs
            and (
                tag.get("role") == "main"
                or tag.get("itemprop") == "articleBody"
                or _CONTENT_IDS.match(str(tag.get("id") or ""))
            )
        ):
            found.candidates.append(tag)
    return found


def _content_root(soup: BeautifulSoup, survey: _Survey) -> Tag:
    """The element holding the article: the largest <article>/<main>/role=main/articleBody, else <body>."""
    best: Tag | None = None
    best_len = 0
    for c in survey.candidates:
        n = len(c.get_text())
        if n > best_len:
            best, best_len = c, n
    body = soup.body
    if best is not None and (body is None or best_len >= 0.2 * len(body.get_text())):
        return best
    return body or soup


class _Walk:
    """One iterative pass over the tree (pages nest 10,000 deep): article text into the builder, chrome into
    ``removed``, every text node located in the raw HTML on the way."""

    def __init__(self, raw: str, root: Tag, soup: BeautifulSoup, title_tag: Tag | None, watch: set[int]) -> None:
        self.raw, self.root, self.title_tag, self.watch = raw, root, title_tag, watch
        self.rules = drop_rules()
        self.out = _Builder()
        self.removed: list[Removed] = []
        self.cursor = 0  # raw offset after the last located text node
        self.inside = root is soup  # inside the content root
        self.drop_depth = -1  # depth of the element being dropped (-1: none)
        self.drop_reason = ""
        self.silent_depth = -1  # depth of a script/style/head being skipped (-1: none)
        self.pending: list[str] = []  # text of the chrome being dropped, for its Removed entry
        self.pending_span = [0, 0]
        self.watched: dict[int, list[tuple[str, Pieces]]] = {}  # text nodes of the title candidates
        self.watch_stack: list[int] = []

    def run(self, soup: BeautifulSoup, max_depth: int) -> None:
        stack: list[tuple[object, int, bool]] = [(soup, 0, False)]
        while stack:
            node, depth, leaving = stack.pop()
            if isinstance(node, NavigableString):
                self.text(node)
            elif isinstance(node, Tag) and leaving:
                self.leave(node, depth, max_depth)
            elif isinstance(node, Tag):
                self.enter(node, depth, max_depth)
                stack.append((node, depth, True))
                stack.extend((child, depth + 1, False) for child in reversed(node.contents))
        self.flush("outside_article")

    def flush(self, reason: str) -> None:
        if self.pending and len(self.removed) < _REMOVED_MAX:
            text = _collapse(" ".join(self.pending))
            if text:
                self.removed.append(
                    Removed(text=text, reason=reason, start=self.pending_span[0], end=self.pending_span[1])
                )
        self.pending.clear()

    def enter(self, tag: Tag, depth: int, max_depth: int) -> None:
        if tag is self.root:
            self.flush("outside_article")
            self.inside = True
        if id(tag) in self.watch:
            self.watch_stack.append(id(tag))
        if depth > max_depth or self.drop_depth >= 0 or self.silent_depth >= 0:
            return  # flattened (too deep) or inside something skipped already
        name = tag.name
        if name in _SILENT and tag is not self.title_tag:
            self.silent_depth = depth
        elif name != "title" and tag is not self.root and (self.inside or name not in ("html", "body")):
            reason = drop_reason(tag, self.rules)
            if reason:
                self.flush("outside_article")
                self.drop_depth, self.drop_reason = depth, reason
        if self.inside and self.drop_depth < 0 and self.silent_depth < 0:
            self.separate(name)
            if name in _CELL and not self.out.at_line_start:
                self.out.brk(" | ")

    def leave(self, tag: Tag, depth: int, max_depth: int) -> None:
        if depth == self.drop_depth:
            self.flush(self.drop_reason)
            self.drop_depth = -1
        if depth == self.silent_depth:
            self.silent_depth = -1
        if tag is self.root:
            self.inside = False
            self.out.brk("\n\n")
        if self.watch_stack and self.watch_stack[-1] == id(tag):
            self.watch_stack.pop()
        if depth <= max_depth and self.inside:
            self.separate(tag.name)

    def separate(self, name: str) -> None:
        if name in _BLOCK:
            self.out.brk("\n\n")
        elif name in _LINE:
            self.out.brk("\n")

    def text(self, node: NavigableString) -> None:
        if isinstance(node, Doctype | Declaration | ProcessingInstruction):
            return
        s, raw = str(node), self.raw
        if not s.strip():
            if s and self.inside and self.drop_depth < 0 and self.silent_depth < 0:
                self.out.brk(" ")
            return
        if isinstance(node, Comment | CData):  # markup, never text: only move the cursor past it
            source = f"<!--{s}-->" if isinstance(node, Comment) else f"<![CDATA[{s}]]>"
            p = raw.find(source, self.cursor)
            self.cursor = p + len(source) if p >= 0 else self.cursor
            return
        pieces = locate(raw, s, self.cursor)
        if pieces:
            start, self.cursor = pieces[0][0], pieces[-1][1]
        else:  # not found in the source: an empty raw span keeps the map monotone
            start = self.cursor
            pieces = [(start, start, len(s), False)]
        for w in self.watch_stack:
            self.watched.setdefault(w, []).append((s, pieces))
        if self.silent_depth >= 0:
            return
        if self.drop_depth >= 0 or not self.inside:
            if not self.pending:
                self.pending_span[0] = start
            self.pending.append(s)
            self.pending_span[1] = pieces[-1][1]
            return
        self.out.emit(pieces, s.translate(_HTML_SPACE), start)


def html_to_text(raw: str, max_depth: int) -> HtmlText:
    """The visible article text of an HTML page, mapped to ``raw``; chrome goes to ``removed``."""
    soup = BeautifulSoup(raw, "lxml", multi_valued_attributes=None)  # class stays one string: faster
    survey = _survey(soup)
    root = _content_root(soup, survey)
    in_root = [h for h in survey.h1s if root is soup or any(p is root for p in h.parents)]
    h1: Tag | None = (in_root or survey.h1s)[0] if (in_root or survey.h1s) else None
    title_tag = survey.title
    walk = _Walk(raw, root, soup, title_tag, {id(t) for t in (h1, title_tag) if isinstance(t, Tag)})
    walk.run(soup, max_depth)
    out, removed, watched_nodes = walk.out, walk.removed, walk.watched

    text = "".join(out.parts)
    title_doc: MappedText | None = None
    meta = next((survey.metas[k] for k in ("citation_title", "og:title", "dc.title") if k in survey.metas), None)
    if meta:
        title_doc = _attribute_text(raw, meta)
    elif isinstance(h1, Tag) and h1.get_text().strip():
        title_doc = _one_line(_nodes_text(watched_nodes.get(id(h1), [])))
    elif isinstance(title_tag, Tag) and title_tag.get_text().strip():
        title_doc = _one_line(_nodes_text(watched_nodes.get(id(title_tag), [])))
        site = _SITE_SUFFIX.search(title_doc.text)
        if site and site.start() > 0:  # "Article title | Site name"
            title_doc, _ = title_doc.apply([Edit(site.start(), len(title_doc.text), "")])
    if title_doc is not None and not title_doc.text:
        title_doc = None
    title = title_doc.text if title_doc else meta
    return HtmlText(MappedText(text, out.map), removed, title, title_doc)


_SITE_SUFFIX = re.compile(r"\s+[|–—]\s+.*$|\s+-\s+[^-]*$")


def _nodes_text(nodes: list[tuple[str, Pieces]]) -> MappedText:
    m = OffsetMap()
    for _, pieces in nodes:
        for raw_start, raw_end, length, exact in pieces:
            m.add(length, raw_start, raw_end, exact=exact)
    return MappedText("".join(s for s, _ in nodes), m)


def _one_line(doc: MappedText) -> MappedText:
    """Whitespace runs to one space, none at the ends (titles are one line)."""
    text = doc.text
    edits = [
        Edit(m.start(), m.end(), "" if m.start() == 0 or m.end() == len(text) else " ")
        for m in re.finditer(r"\s+", text)
        if m.group() != " " or m.start() == 0 or m.end() == len(text)
    ]
    return doc.apply(edits)[0] if edits else doc


def _attribute_text(raw: str, value: str) -> MappedText | None:
    """A meta tag's content as found in the raw HTML: verbatim, or entity-escaped (then one replaced span)."""
    where = raw.find(value)
    if where >= 0:
        m = OffsetMap()
        m.add(len(value), where, where + len(value), exact=True)
        return MappedText(value, m)
    escaped = htmllib.escape(value, quote=True)
    where = raw.find(escaped)
    if where >= 0:
        m = OffsetMap()
        m.add(len(value), where, where + len(escaped), exact=False)
        return MappedText(value, m)
    return None
