"""HTML pages: the article body is kept, page chrome goes to ``removed``, offsets point into the raw HTML."""

from __future__ import annotations

import html

from extractor.cleaning import REMOVED_REASONS, clean
from extractor.cleaning.html import looks_like_html

PAGE = """<!DOCTYPE html><html><head><title>Ketamine &amp; pain | Health Blog</title>
<meta name="citation_title" content="Ketamine for chronic pain: a trial">
<script>var s = "<p>not article text</p>";</script><style>p { color: red }</style></head>
<body><div class="usa-banner">An official website of the United States government</div>
<header><nav><a href="/">Home</a> | <a href="/about">About</a></nav></header>
<div id="cookie-notice">We use cookies to improve your experience. <button>Accept</button></div>
<main><article><h1>Ketamine for chronic pain: a trial</h1>
<div class="share-bar"><a>Share on Facebook</a> <a>Tweet</a></div>
<p>We ran a randomized,
   managed demo in 40&nbsp;patients.</p>
<p>Pain fell by 30&#8201;% &amp; mood improved [12].</p>
<table><tr><th>Dose</th><th>Route</th></tr><tr><td>0.5&nbsp;mg/kg</td><td>IV</td></tr></table>
<ul><li>first &eacute;l&eacute;ment</li><li>second item</li></ul>
<!-- Results hidden in a comment -->
<p hidden>Hidden text</p>
</article></main>
<aside class="related"><h3>Related articles</h3><ul><li>Other story</li></ul></aside>
<footer>Copyright 2024 Health Blog. All rights reserved.</footer></body></html>"""


def test_cleaning_html_keeps_article_body() -> None:
    result = clean(PAGE)
    assert result.html
    assert result.text.split("\n\n") == [
        "Ketamine for chronic pain: a trial",
        "We ran a randomized controlled trial in 40 patients.",
        "Pain fell by 30 % & mood improved.",
        "Dose | Route\n0.5 mg/kg | IV",
        "first élément\nsecond item",
    ]
    assert result.title == "Ketamine for chronic pain: a trial"


def test_cleaning_html_removed_with_reasons() -> None:
    result = clean(PAGE)
    removed = {(r.reason, r.text) for r in result.cleaning.removed}
    assert ("banner", "An official website of the United States government") in removed
    assert ("share", "Share on Facebook Tweet") in removed
    assert ("cookie", "We use cookies to improve your experience. Accept") in removed
    assert ("footer", "Copyright 2024 Health Blog. All rights reserved.") in removed
    assert ("hidden", "Hidden text") in removed
    assert {r.reason for r in result.cleaning.removed} <= set(REMOVED_REASONS)
    for r in result.cleaning.removed:
        assert r.start is not None and r.end is not None
        assert r.text.split()[0] in result.raw[r.start : r.end]
    for gone in ("not article text", "color: red", "Home", "Related articles", "Results hidden"):
        assert gone not in result.text


def test_cleaning_html_offsets_into_raw_html() -> None:
    result = clean(PAGE)
    text, raw = result.text, result.raw
    for word in ("élément", "40 patients", "0.5 mg/kg", "& mood", "30 %"):
        start = text.index(word)
        a, b = result.to_raw(start, start + len(word))
        assert " ".join(html.unescape(raw[a:b]).split()) == word  # the raw slice is the word, entities and all
    repair = result.cleaning.spin.repairs[0]
    assert repair.raw_start is not None and repair.raw_end is not None
    assert raw[repair.raw_start : repair.raw_end] == "randomized,\n   managed demo"
    citation = result.cleaning.citations[0]
    assert raw[citation.raw_start : citation.raw_end] == " [12]"


def test_cleaning_html_title_from_head_when_body_has_none() -> None:
    page = "<html><head><title>Spinal twine injury | Site</title></head><body><p>Body text here.</p></body></html>"
    result = clean(page)
    assert result.text == "Spinal cord injury\n\nBody text here."
    a, b = result.to_raw(0, len("Spinal cord injury"))
    assert result.raw[a:b] == "Spinal twine injury"


def test_cleaning_html_sniffing() -> None:
    assert looks_like_html(PAGE)
    assert looks_like_html("<p>One.</p><p>Two.</p><p>Three.</p>")
    assert not looks_like_html("Ratios were <5 and >3 in 40% of cases [86].")
    assert not clean("Ratios were <5 and >3 in 40% of cases.").html


def test_cleaning_html_deep_nesting_flattened() -> None:
    page = "<html><body>" + "<div>" * 10_000 + "<p>Deep text.</p>" + "</div>" * 10_000 + "</body></html>"
    assert clean(page).text == "Deep text."
