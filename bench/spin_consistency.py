"""Robustness to spun text without gold: per-field agreement of the extraction of a spun abstract with that of its
clean original, and the de-spinner's repair recall on the spinner's own substitutions.

    .venv/bin/python bench/spin_consistency.py [--limit N] [--seeds S] [--table spinner|public] [--halves]

Takes the first N shared Evidence Inference abstracts that no gold document (of any split) names as its source,
spins each with ``corpora/spinner.py`` for seeds 1..S, extracts clean and spun, and scores the spun extraction with
``corpora/scorer.py``'s matching, the clean extraction standing as the reference. So a field's figure is how well
it survives spinning (1.0: the spun text gives what the clean text gives), which is what the held-out split's "spun
variants vs their clean originals" measures, here without gold. ``spin_repairs`` is scored against the phrases the
spinner says it replaced (recall: how many the de-spinner restored); "clean repairs" counts repairs made on the
unspun texts (each one rewrites correct text).

``--table public`` spins with a table made from the public tortured-phrases list (``../shared/data/
tortured-phrases.json``: each correct phrase that ``spin_table.tsv`` does not have, rewritten as its tortured
forms), to check that what the de-spinner does holds beyond our own spinner. ``--halves`` also prints the two halves
of the abstracts (crc32 of the name, as the dev halves), to see whether a change generalises.
Skips (exit 0) when ../shared is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import zlib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
SHARED = REPO.parent / "shared"
ABSTRACTS = SHARED / "corpora" / "evidence-inference" / "abstracts"
TORTURED = SHARED / "data" / "tortured-phrases.json"

from corpora.scorer import FIELDS, GOLD_ROOT, Scores, load_gold, predicted_coi, predicted_records, score_document  # noqa: E402
from corpora.spinner import TABLE, load_table, spin  # noqa: E402


def gold_sources() -> set[str]:
    """File names of the abstracts the gold set uses (any split): the benchmark stays disjoint from it."""
    return {Path(d.source).name for d in load_gold(GOLD_ROOT) if d.source}


def public_table(path: Path) -> Path:
    """A spinner table from the tortured-phrases list: correct phrase -> its tortured forms, leaving out the
    phrases our own table already spins."""
    ours = set(load_table(TABLE))
    table: dict[str, list[str]] = {}
    for p in json.loads(path.read_text(encoding="utf-8"))["phrases"]:
        correct, tortured = str(p["correct"]).strip().lower(), str(p["tortured"]).strip()
        if not correct or "?" in correct or "(" in correct or "\t" in correct or "|" in tortured or correct in ours:
            continue
        table.setdefault(correct, []).append(tortured)
    out = Path(tempfile.mkstemp(suffix=".tsv", prefix="public-spin-")[1])
    out.write_text("".join(f"{c}\t{'|'.join(ts)}\n" for c, ts in sorted(table.items())), encoding="utf-8")
    return out


def reference(result: object) -> dict:
    """A clean extraction in the gold shape, to score the spun extraction against."""
    return {"records": predicted_records(result), "conflicts_of_interest": predicted_coi(result)}


def print_table(title: str, scores: Scores, clean_repairs: int) -> None:
    print(f"\n{title}")
    print(f"{'field':<22} {'agree F1':>8} {'P':>6} {'R':>6} {'n ref':>6}")
    for name in FIELDS:
        c = scores.counts[name]
        print(f"{name:<22} {c.f1:8.3f} {c.precision:6.3f} {c.recall:6.3f} {c.tp + c.fn:6d}")
    print(f"clean repairs (repairs made on the unspun texts): {clean_repairs}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=200, help="number of abstracts (default 200)")
    parser.add_argument("--seeds", type=int, default=3, help="spin each abstract with seeds 1..S (default 3)")
    parser.add_argument("--table", choices=("spinner", "public"), default="spinner", help="substitution table")
    parser.add_argument("--halves", action="store_true", help="also print the two halves of the abstracts")
    args = parser.parse_args()
    if not ABSTRACTS.is_dir():
        print(f"skipped: {ABSTRACTS} is absent")
        return
    table = TABLE
    if args.table == "public":
        if not TORTURED.is_file():
            print(f"skipped: {TORTURED} is absent")
            return
        table = public_table(TORTURED)
    used = gold_sources()
    paths = [p for p in sorted(ABSTRACTS.glob("*.txt")) if p.name not in used][: args.limit]

    from extractor import extract, load

    nlp = load()
    start = time.perf_counter()
    total, halves = Scores(), {"A": Scores(), "B": Scores()}
    clean_repairs = {"all": 0, "A": 0, "B": 0}
    for path in paths:
        text = path.read_text(encoding="utf-8")
        clean = extract(text, nlp=nlp)
        ref = reference(clean)
        half = "AB"[zlib.crc32(path.stem.encode()) % 2]
        made = len(clean.cleaning.spin.repairs)
        clean_repairs["all"] += made
        clean_repairs[half] += made
        for seed in range(1, args.seeds + 1):
            spun = spin(text, seed, table=table)
            scores = score_document(ref, extract(spun.text, nlp=nlp), spun.repairs)
            total.add(scores)
            halves[half].add(scores)
    seconds = time.perf_counter() - start
    print(f"{len(paths)} abstracts not in the gold set x {args.seeds} seeds, table {args.table} ({seconds:.0f} s)")
    print_table("spun vs clean, all abstracts", total, clean_repairs["all"])
    if args.halves:
        for half, scores in halves.items():
            print_table(f"half {half}", scores, clean_repairs[half])
    if args.table == "public":
        table.unlink()


if __name__ == "__main__":
    main()
