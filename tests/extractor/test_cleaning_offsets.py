"""The offset map: unit checks, and property tests (hypothesis) over random and adversarial text and HTML showing
that every sentence of the cleaned text maps to a raw span that exists, in order, and that cleaning is idempotent."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.cleaning import CleanedText, clean
from extractor.cleaning.offsets import Edit, MappedText, OffsetMap
from extractor.cleaning.unicode import unicode_edits, whitespace_edits
from extractor.errors import InputError

SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")

# Pieces of the things the cleaner rewrites: markers, spun phrases, chrome lines, odd spaces, mojibake, entities.
FRAGMENTS = [
    "doses31", " [86]", "opioids.18 In", "depression.one hundred and one\n", "memories.sixty six Serial", "case93 of",
    "randomized, managed demo", "Command group", "0.five mg/kg", "twenty five mg", "Level 3", "500 mg", "COVID-19",
    "IL6", "\u00a0", "\u200b", "\u00ad", "â€™", "Ã©", "ﬁ", "e\u0301", "\r\n", "\n\n\n", "\t", "  ", "Report this page",
    "Blog Article\n", "TITLE:\n", "Share\n", "We use cookies.\n", "&amp;", "&nbsp;", "<p>", "</p>", "<div>", "</div>",
    "<nav>Home</nav>", "<script>x<y</script>", "<!-- c -->", "<h1>T</h1>", "quality of existence", "periods", ".", ". ",
    "exercise", "locomotor exercise near rearing", "The Title\n", "The Title\n", "İ", "ß", "\U0001f600",
]  # fmt: skip
WORDS = st.sampled_from(["the", "ketamine", "trial", "patients", "We", "randomized", "of", "mg", "3", "2019", "é"])
PIECES = st.one_of(st.sampled_from(FRAGMENTS), WORDS, st.text(max_size=12))
TEXTS = st.lists(PIECES, min_size=1, max_size=40).map(" ".join) | st.lists(PIECES, max_size=40).map("".join)

TAGS = ["p", "div", "span", "nav", "footer", "article", "main", "h1", "h2", "li", "ul", "td", "tr", "table", "a", "b"]
ATTRS = ["", ' class="share-bar"', ' class="content"', ' id="cookie"', " hidden", ' role="navigation"']


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    parts = ["<!DOCTYPE html><html><head><title>A &amp; B</title></head><body>"]
    stack: list[str] = []
    for _ in range(draw(st.integers(1, 40))):
        action = draw(st.integers(0, 2))
        if action == 0:
            tag = draw(st.sampled_from(TAGS))
            parts.append(f"<{tag}{draw(st.sampled_from(ATTRS))}>")
            stack.append(tag)
        elif action == 1 and stack:
            parts.append(f"</{stack.pop()}>")
        else:
            parts.append(draw(PIECES).replace("<", "&lt;") if draw(st.booleans()) else draw(PIECES))
    parts += [f"</{t}>" for t in reversed(stack)] + ["</body></html>"]
    return "".join(parts)


def _check(result: CleanedText, *, exact_copies: bool) -> None:
    text, raw = result.text, result.raw
    last = 0
    for m in SENTENCE.finditer(text):
        a, b = result.to_raw(m.start(), m.end())
        assert 0 <= a <= b <= len(raw)
        assert a >= last  # monotone
        last = a
    offsets = result.offsets
    assert offsets is not None and offsets.length == len(text)
    if exact_copies:  # plain text: an exact segment is a verbatim copy of the raw input
        bounds = [*offsets.starts[1:], len(text)]
        for start, end, raw_start, raw_end, exact in zip(
            offsets.starts, bounds, offsets.raw_starts, offsets.raw_ends, offsets.exact, strict=True
        ):
            if exact:
                assert text[start:end] == raw[raw_start:raw_end]
    for r in result.cleaning.spin.repairs:
        assert text[r.start : r.end] == r.restored
        assert r.raw_start is not None and r.raw_end is not None
        # the spinner reads the raw phrase after the Unicode and space fixes (a zero-width space in it is gone),
        # and HTML renders any run of white space as one space: the phrase read is the fixed, folded one
        spun = _unicode_fixed(raw[r.raw_start : r.raw_end])
        assert spun == r.found if exact_copies else " ".join(spun.split()) == " ".join(r.found.split())
    for c in result.cleaning.citations:
        assert 0 <= c.at <= len(text) and 0 <= c.raw_start <= c.raw_end <= len(raw)


def _unicode_fixed(text: str) -> str:
    fixed = MappedText.identity(text).apply(unicode_edits(text))[0].text
    return MappedText.identity(fixed).apply(whitespace_edits(fixed))[0].text


def _clean_or_none(raw: str, html: bool | None) -> CleanedText | None:
    try:
        return clean(raw, html=html)
    except InputError:
        return None  # empty, binary or chrome only: a clear error is a fine answer


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_cleaning_offsets_text_roundtrip(raw: str) -> None:
    result = _clean_or_none(raw, False)
    if result is None:
        return
    try:
        _check(result, exact_copies=True)
    except AssertionError as e:
        raise AssertionError(repr(raw)) from e
    assert clean(result.text, html=False).text == result.text, repr(raw)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html_pages())
def test_cleaning_offsets_html_roundtrip(raw: str) -> None:
    result = _clean_or_none(raw, True)
    if result is None:
        return
    try:
        _check(result, exact_copies=False)
    except AssertionError as e:
        raise AssertionError(repr(raw)) from e
    assert clean(result.text, html=False).text == result.text, repr(raw)


def test_cleaning_offsets_repair_inside_invisible_characters() -> None:
    raw = "a dose of 3\u200b0.five mg/kg was given"
    result = clean(raw, html=False)
    (repair,) = result.cleaning.spin.repairs
    assert result.text[repair.start : repair.end] == "30.5"
    assert raw[repair.raw_start : repair.raw_end] == "3\u200b0.five"
    _check(result, exact_copies=True)


def test_cleaning_offsets_map_unit() -> None:
    doc = MappedText.identity("abc def ghi")
    edited, shift = doc.apply([Edit(3, 4, ""), Edit(4, 7, "DEFG"), Edit(11, 11, "!")])
    assert edited.text == "abcDEFG ghi!"
    assert edited.map.to_raw(0, 3) == (0, 3)  # copied
    assert edited.map.to_raw(3, 7) == (4, 7)  # a replacement maps to all it replaced
    assert edited.map.to_raw(4, 5) == (4, 7)
    assert edited.map.to_raw(8, 11) == (8, 11)
    assert shift(8, False) == 8 and shift(5, False) == 3 and shift(5, True) == 7
    again, _ = edited.apply([Edit(0, 1, "A")])
    assert again.map.to_raw(0, 2) == (0, 2) and again.map.to_raw(3, 7) == (4, 7)


def test_cleaning_offsets_segments_merge() -> None:
    m = OffsetMap()
    m.add(3, 0, 3, exact=True)
    m.add(4, 3, 7, exact=True)
    m.add(1, 9, 12, exact=False)
    assert len(m) == 2 and m.length == 8
    assert m.to_raw(7, 8) == (9, 12)
    assert m.point(8) == 12


def test_cleaning_offsets_escaped_tag_text_keeps_cursor() -> None:
    # "&lt;p>" is the text "<p>": it must map to its entity, not to the later <p> tag, or the cursor jumps past the
    # text in between and the repair of "managed demo" maps to an empty raw span
    raw = '<html><body>&lt;p><p class="x"></p>randomized, managed demo<p></p></body></html>'
    result = clean(raw, html=True)
    assert result.text == "<p>\n\nrandomized controlled trial"
    (repair,) = result.cleaning.spin.repairs
    assert raw[repair.raw_start : repair.raw_end] == "randomized, managed demo" == repair.found
    assert raw[slice(*result.to_raw(0, 3))] == "&lt;p>"


def test_cleaning_offsets_literal_lt_and_tag_in_text_run() -> None:
    # one text node from "x</p>&lt;p>..." (a stray tag, then an escaped one) and one ending in a literal "<"
    for raw, found in [
        ("<html><body><p></p>doses</p>&lt;p>randomized, managed demo</body></html>", "randomized, managed demo"),
        ("<html><body>randomized, managed demo&amp;<</body></html>", "randomized, managed demo"),
    ]:
        result = clean(raw, html=True)
        (repair,) = result.cleaning.spin.repairs
        assert raw[repair.raw_start : repair.raw_end] == found == repair.found, raw


def test_cleaning_offsets_indented_chrome_lines() -> None:
    # dropping a chrome line must not swallow the indent of the next line (left here by taking " [86]" out),
    # which is dropped too: the two edits overlapped
    raw = "Blog Article\n  [86] Report this page\n\nThe trial randomized patients."
    result = clean(raw, html=False)
    assert result.text == "The trial randomized patients."
    assert [(r.text, raw[r.start : r.end].strip()) for r in result.cleaning.removed] == [
        ("Blog Article", "Blog Article"),
        ("Report this page", "Report this page"),
    ]


def test_cleaning_offsets_html_title_gets_the_body_fixes() -> None:
    # the page title is cleaned like the body (a zero-width space after "doses31" must not shield the marker)
    raw = "<html><body><h1>Ketamine doses31\u200b</h1><p>Ketamine doses were reported in the trial.</p></body></html>"
    text = clean(raw, html=True).text
    assert "\u200b" not in text and "doses31" not in text
    assert clean(text, html=False).text == text
