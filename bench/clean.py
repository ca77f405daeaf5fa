"""Cleaning speed, with baselines measured in the same run, and the spin-score distribution behind is_spun.

    .venv/bin/python bench/clean.py [--pages N]

Text path: the 852 shared Evidence Inference abstracts and the seed, through ``clean()``; baseline ftfy.fix_text on
the same texts (the one library step every text cleaner runs). HTML path: each abstract wrapped in realistic page
chrome (header, nav, cookie banner, share bar, scripts, styles, related-articles aside, footer), through ``clean()``
and through trafilatura's ``extract()`` (a dev-only comparison, not a runtime dependency). Figures are words of
article text per second. Skips (exit 0) when ../shared is absent.
"""

from __future__ import annotations

import argparse
import html
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
SHARED = REPO.parent / "shared"
ABSTRACTS = SHARED / "corpora" / "evidence-inference" / "abstracts"

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title_attr} | Health Research News</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/static/site.css">
<style>.share-bar a {{ margin: 0 4px; }} .cookie-banner {{ position: fixed; bottom: 0; }}</style>
<script async src="https://www.googletagmanager.com/gtag/js?id=G-XXXX"></script>
<script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}} gtag('js', new Date());
if (document.cookie.indexOf("consent=") < 0) {{ console.log("<p>no consent</p>"); }}</script>
</head><body>
<div class="usa-banner"><p>An official website of the United States government</p><p>Here's how you know</p></div>
<header class="site-header"><a class="logo" href="/">Health Research News</a>
<nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/topics">Topics</a></li><li><a href="/about">About us</a></li>
<li><a href="/contact">Contact</a></li></ul></nav>
<form class="search" action="/search"><input type="text" name="q" placeholder="Search"><button>Search</button></form>
</header>
<div class="cookie-banner" role="dialog"><p>We use cookies to improve your experience on our site. By continuing to
browse you agree to our use of cookies.</p><button>Accept all cookies</button><button>Cookie settings</button></div>
<div class="breadcrumbs"><a href="/">Home</a> &rsaquo; <a href="/news">News</a> &rsaquo; Clinical trials</div>
<main id="main-content"><article class="post">
<h1 class="entry-title">{title}</h1>
<div class="byline">Posted on 12 March 2024 by Staff Writer</div>
<div class="share-bar"><a href="#">Share on Facebook</a><a href="#">Share on Twitter</a><a href="#">Email</a></div>
{body}
<div class="tags">Tags: <a href="#">trials</a>, <a href="#">medicine</a></div>
</article></main>
<aside class="sidebar"><h3>Related articles</h3><ul><li><a href="#">Another trial result</a></li>
<li><a href="#">What a placebo does</a></li></ul><div class="newsletter"><h4>Subscribe to our newsletter</h4>
<form><input type="email" placeholder="Email address"><button>Sign up</button></form></div></aside>
<footer class="site-footer"><p>&copy; 2024 Health Research News. All rights reserved.</p>
<nav><a href="/privacy">Privacy policy</a> | <a href="/terms">Terms of use</a></nav></footer>
<script src="/static/app.js"></script>
</body></html>"""


def abstract_parts(text: str) -> tuple[str, list[str]]:
    """Title and paragraphs of an Evidence Inference abstract ("TITLE:" line, "ABSTRACT.X:" headings)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    title = lines[1] if lines and lines[0].upper().startswith("TITLE") and len(lines) > 1 else lines[0]
    paragraphs = [line for line in lines[2:] if not line.startswith("ABSTRACT.")]
    return title, paragraphs


def make_page(text: str) -> tuple[str, int]:
    title, paragraphs = abstract_parts(text)
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    words = len(title.split()) + sum(len(p.split()) for p in paragraphs)
    return PAGE.format(title=html.escape(title), title_attr=html.escape(title), body=body), words


def rate(words: int, seconds: float) -> str:
    return f"{words / seconds:>10,.0f} words/s  ({words:,} words in {seconds:.2f} s)"


def timed(fn, items) -> float:
    start = time.perf_counter()
    for item in items:
        fn(item)
    return time.perf_counter() - start


def race(ours, theirs, items, rounds: int) -> tuple[float, float]:
    """Best time of each over interleaved rounds, so that both see the same load on a shared machine."""
    best_ours = best_theirs = float("inf")
    for _ in range(rounds):
        best_ours = min(best_ours, timed(ours, items))
        best_theirs = min(best_theirs, timed(theirs, items))
    return best_ours, best_theirs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=0, help="use only the first N abstracts (0: all)")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds; the best time of each counts")
    args = parser.parse_args()
    if not ABSTRACTS.is_dir():
        print(f"skipped: {ABSTRACTS} is absent (../shared is needed for the benchmark corpus)")
        return 0

    import ftfy
    import trafilatura

    from extractor.cleaning import clean
    from extractor.cleaning.despin import builtin_entries

    paths = sorted(ABSTRACTS.glob("*.txt"))
    if args.pages:
        paths = paths[: args.pages]
    texts = [p.read_text(encoding="utf-8") for p in paths] + [
        (REPO / "seeds/ketamine-for-therapy-diaries.txt").read_text()
    ]
    text_words = sum(len(t.split()) for t in texts)
    clean(texts[0])  # load lexicons and compile patterns outside the timing

    print(f"# text path: {len(texts)} texts (shared abstracts + seed); best of {args.rounds} interleaved rounds")
    t_clean, t_ftfy = race(clean, ftfy.fix_text, texts, args.rounds)
    print(f"studysift clean()        {rate(text_words, t_clean)}")
    print(f"baseline ftfy.fix_text() {rate(text_words, t_ftfy)}")
    print(f"ratio clean/ftfy: {t_ftfy / t_clean:.2f}x the baseline's speed")

    pages = [make_page(t) for t in texts[:-1] if abstract_parts(t)[1]]  # a few abstracts are a bare title
    html_words = sum(w for _, w in pages)
    docs = [p for p, _ in pages]
    print(f"\n# HTML path: {len(docs)} generated pages ({sum(map(len, docs)) / len(docs) / 1024:.1f} kB average)")
    t_html, t_traf = race(lambda d: clean(d, html=True), trafilatura.extract, docs, args.rounds)
    print(f"studysift clean()        {rate(html_words, t_html)}")
    print(f"trafilatura.extract()    {rate(html_words, t_traf)}")
    print(f"ratio clean/trafilatura: {t_traf / t_html:.2f}x trafilatura's speed")

    # How much of the page text each keeps: chrome words are not wanted, article words are.
    kept = [clean(d, html=True).text for d in docs[:50]]
    traf = [trafilatura.extract(d) or "" for d in docs[:50]]
    chrome = ("cookies", "Subscribe", "Share on", "Related articles", "All rights reserved", "official website")
    print(f"chrome phrases kept in 50 pages: studysift {sum(any(c in k for c in chrome) for k in kept)}, "
          f"trafilatura {sum(any(c in t for c in chrome) for t in traf)}")  # fmt: skip

    print("\n# spin score (repairs per 1,000 words) and is_spun")
    unspun = [clean(t).cleaning.spin for t in texts[:-1]]
    seed = clean(texts[-1]).cleaning.spin
    # simulated spinning: put the built-in lexicon's unambiguous spun phrases back into the abstracts
    swaps = sorted(((e.restored, e.found) for e in builtin_entries() if not e.gated), key=lambda p: -len(p[0]))
    spun_texts = []
    for t in texts[:-1]:
        s, n = t, 0
        for correct, tortured in swaps:
            if f" {correct} " in s:
                s, n = s.replace(f" {correct} ", f" {tortured} "), n + 1
        if n:
            spun_texts.append(s)
    simulated = [clean(t).cleaning.spin for t in spun_texts]
    for name, reports in (("unspun abstracts", unspun), ("re-spun abstracts", simulated), ("seed", [seed])):
        scores = [r.score for r in reports]
        print(f"{name:18} n={len(scores):4}  mean {statistics.mean(scores):6.2f}  min {min(scores):6.2f}  "
              f"max {max(scores):6.2f}  is_spun {sum(r.is_spun for r in reports)}/{len(reports)}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
