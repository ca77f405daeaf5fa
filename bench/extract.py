"""Throughput of ``extractor.extract`` on the shared abstracts, against a bare ``spacy.blank("en")`` tokenizer pass
over the same texts in the same run.

usage: python bench/extract.py [--limit N] [--repeat R] [--rounds ROUNDS]
Prints words/s and articles/s of both and their ratio (target: extract >= 10,000 words/s on one core, ratio < 10).
The two passes alternate, ROUNDS times each (default 3), so that the ratio holds when the machine's speed drifts.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

import spacy

ABSTRACTS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "evidence-inference" / "abstracts"


def alternated(texts: list[str], passes: dict[str, Callable[[str], object]], rounds: int) -> dict[str, float]:
    """Seconds each pass takes over all texts, the whole passes run in turn ``rounds`` times: both then see the same
    machine (its clock speed and what else runs drift over a run, and one tokenizer pass lasts under a second), and
    each stays warm within its own pass (alternating text by text would slow the tokenizer with the extractor's
    cache misses)."""
    seconds = dict.fromkeys(passes, 0.0)
    for _ in range(rounds):
        for label, fn in passes.items():
            start = time.perf_counter()
            for text in texts:
                fn(text)
            seconds[label] += time.perf_counter() - start
    return seconds


def report(label: str, articles: int, words: int, seconds: float) -> float:
    print(f"{label:<28} {articles / seconds:10.1f} articles/s {words / seconds:12,.0f} words/s ({seconds:.2f} s)")
    return words / seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=0, help="use only the first N abstracts")
    parser.add_argument("--repeat", type=int, default=1, help="pass over the texts R times")
    parser.add_argument("--rounds", type=int, default=3, help="alternate the two passes ROUNDS times each")
    args = parser.parse_args()
    if not ABSTRACTS.is_dir():
        print(f"skipped: {ABSTRACTS} is absent")
        return
    paths = sorted(ABSTRACTS.glob("*.txt"))
    if args.limit:
        paths = paths[: args.limit]
    texts = [p.read_text(encoding="utf-8") for p in paths] * args.repeat
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} articles, {words:,} words (whitespace-separated), one core")

    from extractor import extract, load

    load()  # build the pipeline outside the timed loop
    extract(texts[0])  # warm caches
    blank = spacy.blank("en")
    tokenizer, studysift = 'spacy.blank("en") tokenizer', "studysift extract"
    seconds = alternated(texts, {tokenizer: blank.tokenizer, studysift: extract}, args.rounds)
    baseline = report(tokenizer, len(texts) * args.rounds, words * args.rounds, seconds[tokenizer])
    full = report(studysift, len(texts) * args.rounds, words * args.rounds, seconds[studysift])
    print(f"ratio (baseline / extract):   {baseline / full:.1f}x")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS:                     {peak_mb:.0f} MiB")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
