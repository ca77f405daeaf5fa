"""Throughput of ``extractor.extract`` on the shared abstracts, against a bare ``spacy.blank("en")`` tokenizer pass
over the same texts in the same run.

usage: python bench/extract.py [--limit N] [--repeat R]
Prints words/s and articles/s of both and their ratio (target: extract >= 10,000 words/s on one core, ratio < 10).
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

import spacy

ABSTRACTS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "evidence-inference" / "abstracts"


def timed(label: str, texts: list[str], fn: object, words: int) -> float:
    start = time.perf_counter()
    for text in texts:
        fn(text)  # type: ignore[operator]
    seconds = time.perf_counter() - start
    print(f"{label:<28} {len(texts) / seconds:10.1f} articles/s {words / seconds:12,.0f} words/s ({seconds:.2f} s)")
    return words / seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=0, help="use only the first N abstracts")
    parser.add_argument("--repeat", type=int, default=1, help="pass over the texts R times")
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
    baseline = timed('spacy.blank("en") tokenizer', texts, blank.tokenizer, words)
    full = timed("studysift extract", texts, extract, words)
    print(f"ratio (baseline / extract):   {baseline / full:.1f}x")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS:                     {peak_mb:.0f} MiB")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
