"""External check of sample size, design, blinding and randomization on SPIRIT-CONSORT-TM, which the rules were not
tuned on.

    .venv/bin/python bench/spirit_consort.py [--halves] [--show]

Extracts each trial protocol / results article of ``../shared/corpora/spirit-consort-tm/docs`` that is not in the
gold set (nor the other article of a gold document's protocol/results pair: the same trial, the same numbers) and
compares the first record with the brat annotations:

- sample size: our value is one of the numbers (digits or number words) of a ``14a_Sample_size`` span (a number
  "per group" times 2, 3 or 4 arms too), and our evidence overlaps one (of the documents with such a span). A
  results article's span is mostly its planned size, so its figure is a lower bound; the protocols' is the measure;
- design: ``randomized_controlled_trial``, or ``crossover_trial`` when an ``8a_Design_Type`` span says crossover;
- blinding: our value is what a ``17c_Masking_Type`` span says ("double-blind", "open-label", "assessor-blinded"),
  of the documents with a span that says one;
- randomized: true, of the documents with a ``16b_Randomization_Type`` span.

Protocols and results articles are counted apart (``articles.csv``). ``--halves`` also prints the two halves (crc32
of the PMC id), to see whether a change generalises; ``--show`` lists the sample-size disagreements.
Skips (exit 0) when ../shared is absent.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import time
import zlib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
CORPUS = REPO.parent / "shared" / "corpora" / "spirit-consort-tm"
DOCS = CORPUS / "docs"

from extractor.cleaning import clean  # noqa: E402
from extractor.numbers import parse_int, spelled_number_re  # noqa: E402
from extractor.training.train_ranker import gold_ids  # noqa: E402

DIGITS = re.compile(r"\d[\d,]*")
# the words of a masking span -> our blinding value, most specific first
MASKING = (
    (re.compile(r"triple", re.I), "triple_blind"),
    (re.compile(r"double", re.I), "double_blind"),
    (re.compile(r"single", re.I), "single_blind"),
    (re.compile(r"assessor|evaluator|observer", re.I), "assessor_blind"),
    (re.compile(r"open|un-?blind|non-?blind|not\s+(?:masked|possible)|lack\s+of", re.I), "open_label"),
)
CROSSOVER = re.compile(r"cross-?over", re.I)
PER_GROUP = re.compile(r"\b(?:each|per|every)\b|\brespectively\b", re.I)  # "60 subjects to each group"
GROUPS = (2, 3, 4)  # a per-group size times the usual numbers of arms is the total
CHECKS = ("sample value", "sample evidence", "design", "blinding", "randomized")


@dataclass
class Span:
    label: str
    start: int
    end: int
    text: str


@dataclass
class Tally:
    agree: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    total: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def add(self, check: str, ok: bool) -> None:
        self.total[check] += 1
        self.agree[check] += ok


def annotations(path: Path) -> list[Span]:
    """Text-bound brat annotations; a discontinuous one spans its first start to its last end."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("T"):
            continue
        _, head, text = line.split("\t", 2)
        label, where = head.split(" ", 1)
        bounds = [int(x) for x in re.findall(r"\d+", where)]
        out.append(Span(label, bounds[0], bounds[-1], text))
    return out


def numbers(text: str) -> set[int]:
    found = {parse_int(m.group()) for m in DIGITS.finditer(text)}
    found |= {parse_int(m.group()) for m in spelled_number_re().finditer(text.lower())}
    return {n for n in found if n is not None}


def stated_sizes(spans: list[Span]) -> set[int]:
    """The numbers of the sample-size spans, and a per-group number times 2, 3 or 4 arms."""
    out: set[int] = set()
    for s in spans:
        found = numbers(s.text)
        out |= found
        if PER_GROUP.search(s.text):
            out |= {n * k for n in found for k in GROUPS}
    return out


def masking(text: str) -> str | None:
    return next((value for pattern, value in MASKING if pattern.search(text)), None)


def article_types() -> dict[str, str]:
    with (CORPUS / "articles.csv").open(encoding="utf-8") as f:
        return {row["PMCID"]: row["Protocol/Results"] for row in csv.DictReader(f)}


def documents() -> list[Path]:
    """Articles of pairs with no gold document."""
    with (CORPUS / "articles.csv").open(encoding="utf-8") as f:
        pair_of = {row["PMCID"]: row["PairID"] for row in csv.DictReader(f)}
    gold = gold_ids()
    gold_pairs = {pair_of.get(g) for g in gold} - {None}
    return [p for p in sorted(DOCS.glob("PMC*.txt")) if p.stem not in gold and pair_of.get(p.stem) not in gold_pairs]


def check(path: Path, nlp: object, tally: Tally, show: str | None) -> None:
    from extractor import extract

    raw = path.read_text(encoding="utf-8")
    spans = annotations(path.with_suffix(".ann"))
    result = extract(raw, nlp=nlp)
    record = result.records[0] if result.records else None
    sizes = [s for s in spans if s.label == "14a_Sample_size"]
    if sizes:
        stated = stated_sizes(sizes)
        ours = record.sample_size if record else None
        tally.add("sample value", ours is not None and ours.value in stated)
        overlap = False
        if ours is not None and ours.evidence is not None:
            start, end = clean(raw).to_raw(ours.evidence.start, ours.evidence.end)
            overlap = any(s.start < end and start < s.end for s in sizes)
        tally.add("sample evidence", overlap)
        if show and (ours is None or ours.value not in stated):
            said = f"{ours.value} {ours.evidence.text!r}" if ours and ours.evidence else "none"
            print(f"{path.stem} {show}: ours {said} | spans {[s.text for s in sizes][:6]}")
    crossover = any(s.label == "8a_Design_Type" and CROSSOVER.search(s.text) for s in spans)
    design = record.design.value if record and record.design else None
    tally.add("design", design == ("crossover_trial" if crossover else "randomized_controlled_trial"))
    masked = {m for s in spans if s.label == "17c_Masking_Type" and (m := masking(s.text))}
    if masked:
        tally.add("blinding", record is not None and record.blinding in masked)
    if any(s.label == "16b_Randomization_Type" for s in spans):
        tally.add("randomized", record is not None and record.randomized is True)


def print_table(title: str, tallies: dict[str, Tally]) -> None:
    print(f"\n{title}")
    print(f"{'check':<16}" + "".join(f"{kind:>18}" for kind in tallies))
    for name in CHECKS:
        cells = []
        for t in tallies.values():
            n = t.total[name]
            cells.append(f"{t.agree[name] / n:8.3f} ({t.agree[name]:3d}/{n:3d})" if n else f"{'-':>18}")
        print(f"{name:<16}" + "".join(f"{c:>18}" for c in cells))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--halves", action="store_true", help="also print the two halves of the documents")
    parser.add_argument("--show", action="store_true", help="list the sample-size disagreements")
    args = parser.parse_args()
    if not DOCS.is_dir():
        print(f"skipped: {DOCS} is absent")
        return
    from extractor import load

    nlp = load()
    types = article_types()
    paths = documents()
    start = time.perf_counter()
    tallies: dict[str, dict[str, Tally]] = {h: defaultdict(Tally) for h in ("all", "A", "B")}
    for path in paths:
        half = "AB"[zlib.crc32(path.stem.encode()) % 2]
        one = Tally()
        check(path, nlp, one, types.get(path.stem, "unknown") if args.show else None)
        for where in ("all", half):
            for kind in ("all", types.get(path.stem, "unknown")):
                for name in CHECKS:
                    tallies[where][kind].total[name] += one.total[name]
                    tallies[where][kind].agree[name] += one.agree[name]
    seconds = time.perf_counter() - start
    print(f"{len(paths)} SPIRIT-CONSORT-TM articles outside the gold set and its pairs ({seconds:.0f} s)")
    print_table("all articles (agreement, agreed/annotated)", dict(sorted(tallies["all"].items())))
    if args.halves:
        for half in ("A", "B"):
            print_table(f"half {half}", dict(sorted(tallies[half].items())))


if __name__ == "__main__":
    main()
