"""Scores extraction against a gold corpus in the SPEC gold format (``studysift eval``).

Gold documents
    ``NAME.gold.json`` files anywhere under the gold directory (split = the nearest ``dev``/``test`` folder).
    ``"source"`` names the raw input: ``shared:REL`` (relative to ../shared or ``--shared``), ``repo:REL``
    (relative to the repository root), a path relative to the gold file, or, when absent, a sibling
    ``NAME.txt``/``NAME.html``. ``"spin": {"seed": N}`` makes the document a spun variant: its text is
    ``corpora.spinner.spin(source text, N)``. ``"gold_of"`` takes the annotations (records,
    conflicts_of_interest, spin_repairs) from another gold document, by NAME or as ``repo:PATH``. The gold
    spin_repairs of a spun variant are the phrases the spinner says a de-spinner should restore.

Matching
    Strings are normalised (NFKC, lower case, tokens of letters/digits, a final plural "s" dropped).
    Intervention and comparator names match when equal or when one's tokens are a contiguous run of the other's
    ("diclofenac" matches "diclofenac potassium"; "diclofenac alone" does not match "diclofenac potassium alone").
    Outcomes and conditions match when one contains the other (as tokens) or their token overlap (Jaccard over
    tokens without stop words) is at least half. Doses match by value and unit ("0.5 mg/kg"; "5-160 mg" has
    value 5; "400 mg/day" also matches "400 mg", not "400 mg/week"), follow-up by number and time unit
    ("6 months" = "six months" = "6 mo"). Predicted records are matched one-to-one to gold records, greedily by
    the number of fields they share (pairs sharing nothing stay unmatched); list items within a matched pair are
    matched one-to-one, greedily by similarity.

Fields (micro TP/FP/FN over the corpus; P = TP/(TP+FP), R = TP/(TP+FN); "n gold" = TP+FN)
    records            a matched record pair is TP; an unmatched predicted record FP; an unmatched gold record FN.
    design, randomized, blinding, species, sample_size, follow_up
                       per record: equal non-null values TP; a predicted value where gold is null FP; a gold value
                       not predicted FN; two different values FP and FN. Both null counts nothing. Fields
                       of unmatched records count as FP (predicted) or FN (gold).
    interventions, comparators, conditions, outcomes
                       per matched record, list items matched one-to-one: TP per pair, FP/FN per unmatched item.
    dose, route        per intervention pair (unmatched interventions: their non-null doses/routes are FP/FN),
                       compared as the scalar fields are.
    outcome_direction  per outcome pair, the direction compared as a scalar field: a TP needs both the outcome
                       match and the same direction.
    conflicts_of_interest
                       per document: the status (declared, none_declared, not_reported) equal is TP, else FP+FN.
    spin_repairs       per document: the gold phrases against the set of restored phrases of the predicted repairs
                       (a match is equality or token containment); unmatched predicted phrases are FP, so a
                       de-spinner that "repairs" clean text loses precision.

A field that a gold document leaves out (a key absent, as opposed to null or []) is not scored for it.
"""

from __future__ import annotations

import hashlib
import json
import operator
import re
import sys
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
GOLD_ROOT = Path(__file__).resolve().parent / "gold"
FLOORS = Path(__file__).resolve().parent / "floors.json"
DEFAULT_SHARED = REPO.parent / "shared"
SPLITS = ("dev", "test")

SCALARS = ("design", "randomized", "blinding", "species", "sample_size", "follow_up")
FIELDS = (
    "records",
    *SCALARS,
    "interventions",
    "dose",
    "route",
    "comparators",
    "conditions",
    "outcomes",
    "outcome_direction",
    "conflicts_of_interest",
    "spin_repairs",
)
STOP = {"of", "the", "and", "in", "with", "at", "to", "for", "on", "a", "an", "by", "or", "vs", "versus"}

Item = dict[str, Any]


# --- normalisation -----------------------------------------------------------------------------------------


def tokens(text: str | None) -> list[str]:
    text = unicodedata.normalize("NFKC", text or "").lower()
    return [
        t[:-1] if len(t) > 3 and t.endswith("s") and not t.endswith("ss") else t for t in re.findall(r"[a-z0-9]+", text)
    ]


def _contains(big: Sequence[str], small: Sequence[str]) -> bool:
    n = len(small)
    return n > 0 and any(list(big[i : i + n]) == list(small) for i in range(len(big) - n + 1))


def name_similarity(a: str, b: str) -> float:
    """Intervention/comparator names: 2 equal, 1 one inside the other, 0 no match."""
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return 0.0
    if ta == tb:
        return 2.0
    return 1.0 if _contains(ta, tb) or _contains(tb, ta) else 0.0


def loose_similarity(a: str, b: str) -> float:
    """Outcomes/conditions: 2 equal, 1 + overlap when one contains the other or the overlap is at least half."""
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return 0.0
    if ta == tb:
        return 2.0
    sa, sb = set(ta) - STOP or set(ta), set(tb) - STOP or set(tb)
    jaccard = len(sa & sb) / len(sa | sb)
    if _contains(ta, tb) or _contains(tb, ta) or jaccard >= 0.5:
        return 1.0 + jaccard
    return 0.0


_UNIT_ALIASES = {"µg": "mcg", "μg": "mcg", "ug": "mcg", "cc": "ml", "units": "u", "unit": "u", "iu": "u"}


def parse_dose(dose: Any) -> tuple[float, str] | None:
    """(value, unit) of a gold dose string ("0.5 mg/kg", "5-160 mg", "400 mg/d") or a predicted Dose."""
    if dose is None:
        return None
    if isinstance(dose, dict):
        if dose.get("value") is None:
            return parse_dose(dose.get("text"))
        return float(dose["value"]), _unit(str(dose.get("unit", "")))
    m = re.match(r"\s*(\d+(?:[.,]\d+)?)\s*(?:(?:-|–|to)\s*\d+(?:[.,]\d+)?)?\s*(.*)$", str(dose))
    if not m:
        return None
    return float(m.group(1).replace(",", ".")), _unit(m.group(2))


def same_dose(a: tuple[float, str], b: tuple[float, str]) -> bool:
    """Same value and unit; a per-day/per-week rate also matches the bare amount (frequency is its own field)."""
    if abs(a[0] - b[0]) > 1e-9:
        return False
    bare_a, bare_b = re.sub(r"/(day|week)$", "", a[1]), re.sub(r"/(day|week)$", "", b[1])
    return a[1] == b[1] or (bare_a == bare_b and (bare_a == a[1] or bare_b == b[1]))


def _unit(unit: str) -> str:
    unit = unicodedata.normalize("NFKC", unit).lower().strip().replace(" ", "")
    for alias, canonical in _UNIT_ALIASES.items():
        unit = re.sub(rf"(?<![a-z]){re.escape(alias)}(?![a-z])", canonical, unit)
    unit = re.sub(r"/(d|day|daily)$", "/day", unit)
    return re.sub(r"/(wk|week)$", "/week", unit)


_WORD_NUMBERS = {
    w: i
    for i, w in enumerate(
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
    )
}
# the scorer's own reading of time units (not the extractor's lexicon, which it measures); plurals lose their "s"
_TIME_UNITS = {"min": "minute", "minute": "minute", "h": "hour", "hr": "hour", "hour": "hour", "d": "day"}
_TIME_UNITS |= {"day": "day", "wk": "week", "week": "week", "mo": "month", "month": "month"}
_TIME_UNITS |= {"y": "year", "yr": "year", "year": "year"}


_DURATION = re.compile(r"(\d+(?:\.\d+)?|[a-z]+)[\s-]*([a-z]+)")


def norm_duration(text: Any) -> Any:
    """(number, time unit) of the first "N unit" in ``text`` ("4.8 years", "six months", "48 h"), else its tokens."""
    if text is None:
        return None
    for m in _DURATION.finditer(unicodedata.normalize("NFKC", str(text)).lower()):
        number = _WORD_NUMBERS.get(m.group(1)) if m.group(1).isalpha() else float(m.group(1))
        unit = _TIME_UNITS.get(m.group(2).removesuffix("s"))
        if number is not None and unit:
            return (float(number), unit)
    return " ".join(tokens(str(text)))


def norm_scalar(name: str, value: Any) -> Any:
    if value is None:
        return None
    if name == "follow_up":
        return norm_duration(value)
    if name in ("species", "design", "blinding"):
        return " ".join(tokens(str(value))) or None
    return value


# --- documents ---------------------------------------------------------------------------------------------


@dataclass
class GoldDoc:
    name: str
    path: Path
    split: str
    source: str | None
    spin_seed: int | None
    gold: dict[str, Any]
    gold_of: str | None = None


def _split_of(path: Path, root: Path) -> str:
    for parent in [path.parent, *path.parent.parents]:
        if parent.name in SPLITS:
            return parent.name
        if parent == root:
            break
    return root.name if root.name in SPLITS else "none"


def gold_files(root: Path) -> list[Path]:
    return sorted(root.rglob("*.gold.json")) if root.is_dir() else [root]


def load_gold(root: Path, split: str = "all") -> list[GoldDoc]:
    """The gold documents under ``root`` (``split``: dev, test or all), with ``gold_of`` resolved."""
    docs = []
    for path in gold_files(root):
        data = json.loads(path.read_text(encoding="utf-8"))
        spin = data.get("spin") or {}
        docs.append(
            GoldDoc(
                name=path.name.removesuffix(".gold.json"),
                path=path,
                split=_split_of(path, root),
                source=data.get("source"),
                spin_seed=spin.get("seed"),
                gold=data,
                gold_of=data.get("gold_of"),
            )
        )
    by_name = {d.name: d for d in docs}
    for doc in docs:
        if doc.gold_of:
            doc.gold = {
                **_resolve_gold_of(doc.gold_of, by_name),
                **{k: v for k, v in doc.gold.items() if k != "gold_of"},
            }
    return [d for d in docs if split == "all" or d.split == split]


def _resolve_gold_of(ref: str, by_name: dict[str, GoldDoc]) -> dict[str, Any]:
    if ref.startswith("repo:"):
        data: dict[str, Any] = json.loads((REPO / ref[5:]).read_text(encoding="utf-8"))
    elif ref in by_name:
        data = dict(by_name[ref].gold)
    else:
        found = sorted(GOLD_ROOT.rglob(f"{ref}.gold.json"))
        if not found:
            raise ValueError(f"gold_of {ref!r}: no such gold document")
        data = json.loads(found[0].read_text(encoding="utf-8"))
    return {k: data[k] for k in ("records", "conflicts_of_interest", "spin_repairs") if k in data}


def source_path(doc: GoldDoc, shared: Path) -> Path | None:
    """Where the raw input of ``doc`` is, or None when no source can be found."""
    src = doc.source
    if src is None:
        for suffix in (".txt", ".html", ".htm"):
            sibling = doc.path.with_name(doc.name + suffix)
            if sibling.exists():
                return sibling
        return None
    if src.startswith("shared:"):
        return shared / src[7:]
    if src.startswith("repo:"):
        return REPO / src[5:]
    return doc.path.parent / src


def gold_digest(root: Path = GOLD_ROOT) -> str:
    """sha256 over the gold files (sorted by relative path: path and bytes), cited seed golds and the spin table."""
    from corpora.spinner import TABLE

    files = gold_files(root)
    extra = {TABLE}
    for path in files:
        ref = json.loads(path.read_text(encoding="utf-8")).get("gold_of") or ""
        if ref.startswith("repo:"):
            extra.add(REPO / ref[5:])
    h = hashlib.sha256()
    for path in files:
        h.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for path in sorted(extra):
        h.update(path.relative_to(REPO).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


# --- records in one comparable shape ------------------------------------------------------------------------


def gold_records(gold: dict[str, Any]) -> list[Item]:
    records = []
    for rec in gold.get("records", []):
        out: Item = {k: rec[k] for k in SCALARS if k in rec}
        if "interventions" in rec:
            out["interventions"] = [
                {"name": i["name"], **{k: i[k] for k in ("dose", "route") if k in i}} for i in rec["interventions"]
            ]
        for key in ("comparators", "conditions"):
            if key in rec:
                out[key] = [c if isinstance(c, str) else c.get("name") or c.get("value") for c in rec[key]]
        if "outcomes" in rec:
            out["outcomes"] = [{"name": o} if isinstance(o, str) else dict(o) for o in rec["outcomes"]]
        records.append(out)
    return records


def predicted_records(result: Any) -> list[Item]:
    """The records of an ArticleResult (model or its JSON dict) in the gold shape."""
    data = result if isinstance(result, dict) else result.model_dump()
    records = []
    for rec in data.get("records", []):
        records.append(
            {
                "design": (rec.get("design") or {}).get("value"),
                "randomized": rec.get("randomized"),
                "blinding": rec.get("blinding"),
                "species": rec.get("species"),
                "sample_size": (rec.get("sample_size") or {}).get("value"),
                "follow_up": rec.get("follow_up"),
                "interventions": [
                    {"name": i["name"], "dose": i.get("dose"), "route": i.get("route")}
                    for i in rec.get("interventions", [])
                ],
                "comparators": [c["name"] for c in rec.get("comparators", [])],
                "conditions": [c["value"] for c in rec.get("conditions", [])],
                "outcomes": [{"name": o["name"], "direction": o.get("direction")} for o in rec.get("outcomes", [])],
            }
        )
    return records


def predicted_repairs(result: Any) -> list[str]:
    data = result if isinstance(result, dict) else result.model_dump()
    return [r["restored"] for r in data.get("cleaning", {}).get("spin", {}).get("repairs", [])]


def predicted_coi(result: Any) -> str:
    data = result if isinstance(result, dict) else result.model_dump()
    return str((data.get("conflicts_of_interest") or {}).get("status", "not_reported"))


# --- counting ----------------------------------------------------------------------------------------------


@dataclass
class Count:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Count) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else (1.0 if not self.fp else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Scores:
    counts: dict[str, Count] = field(default_factory=lambda: {f: Count() for f in FIELDS})

    def add(self, other: Scores) -> None:
        for name, count in other.counts.items():
            self.counts[name].add(count)

    def as_dict(self) -> dict[str, dict[str, float]]:
        return {
            name: {"tp": c.tp, "fp": c.fp, "fn": c.fn, "precision": c.precision, "recall": c.recall, "f1": c.f1}
            | {"n_gold": c.tp + c.fn}
            for name, c in self.counts.items()
        }


def _scalar(count: Count, gold: Any, pred: Any, equal: Callable[[Any, Any], bool] = operator.eq) -> None:
    if gold is not None and pred is not None and equal(gold, pred):
        count.tp += 1
        return
    if gold is not None:
        count.fn += 1
    if pred is not None:
        count.fp += 1


def greedy_match(
    gold: Sequence[Any], pred: Sequence[Any], similarity: Callable[[Any, Any], float]
) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index), best similarity first; pairs with similarity 0 are left out."""
    scored = [(similarity(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred)]
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for sim, gi, pi in sorted(scored, key=lambda s: (-s[0], s[1], s[2])):
        if sim > 0 and gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def _list_similarity(key: str) -> Callable[[Any, Any], float]:
    if key in ("interventions", "outcomes"):
        sim = name_similarity if key == "interventions" else loose_similarity
        return lambda g, p: sim(g["name"], p["name"])
    return name_similarity if key == "comparators" else loose_similarity


def record_similarity(gold: Item, pred: Item) -> float:
    """How many fields two records share (the record-matching score)."""
    shared = 0.0
    for name in SCALARS:
        g, p = norm_scalar(name, gold.get(name)), norm_scalar(name, pred.get(name))
        shared += g is not None and g == p
    for key in ("interventions", "comparators", "conditions", "outcomes"):
        shared += len(greedy_match(gold.get(key) or [], pred.get(key) or [], _list_similarity(key)))
    return shared


def score_records(gold: list[Item], pred: list[Item]) -> Scores:
    """Scores of one document's predicted records against its gold records."""
    scores = Scores()
    c = scores.counts
    pairs = greedy_match(gold, pred, record_similarity)
    c["records"].tp += len(pairs)
    c["records"].fn += len(gold) - len(pairs)
    c["records"].fp += len(pred) - len(pairs)
    matched_g = {g for g, _ in pairs}
    matched_p = {p for _, p in pairs}
    couples: list[tuple[Item, Item]] = [(gold[g], pred[p]) for g, p in pairs]
    couples += [(gold[g], {}) for g in range(len(gold)) if g not in matched_g]
    couples += [({}, pred[p]) for p in range(len(pred)) if p not in matched_p]
    for g_rec, p_rec in couples:
        scored = set(g_rec) if g_rec else set(SCALARS) | {"interventions", "comparators", "conditions", "outcomes"}
        for name in SCALARS:
            if name in scored:
                _scalar(c[name], norm_scalar(name, g_rec.get(name)), norm_scalar(name, p_rec.get(name)))
        for key in ("interventions", "comparators", "conditions", "outcomes"):
            if key in scored:
                _score_list(scores, key, g_rec.get(key) or [], p_rec.get(key) or [])
    return scores


def _score_list(scores: Scores, key: str, gold: list[Any], pred: list[Any]) -> None:
    c = scores.counts
    pairs = greedy_match(gold, pred, _list_similarity(key))
    c[key].tp += len(pairs)
    c[key].fn += len(gold) - len(pairs)
    c[key].fp += len(pred) - len(pairs)
    if key not in ("interventions", "outcomes"):
        return
    matched_g = {g for g, _ in pairs}
    matched_p = {p for _, p in pairs}
    couples: list[tuple[Item, Item]] = [(gold[g], pred[p]) for g, p in pairs]
    couples += [(gold[g], {}) for g in range(len(gold)) if g not in matched_g]
    couples += [({}, pred[p]) for p in range(len(pred)) if p not in matched_p]
    subfields = (("dose", parse_dose), ("route", None)) if key == "interventions" else (("direction", None),)
    for sub, norm in subfields:
        name = "outcome_direction" if sub == "direction" else sub
        if gold and not any(sub in g for g in gold):
            continue  # not annotated in this gold list (e.g. outcomes given as plain strings)
        for g_item, p_item in couples:
            if g_item and sub not in g_item:
                continue  # not annotated for this gold item
            g_val, p_val = g_item.get(sub), p_item.get(sub)
            if norm is not None:
                g_val, p_val = norm(g_val), norm(p_val)
            _scalar(c[name], g_val, p_val, same_dose if sub == "dose" else operator.eq)


def score_document(gold: dict[str, Any], result: Any, spin_repairs: list[str] | None = None) -> Scores:
    """All fields of one document: ``gold`` is its gold JSON, ``result`` an ArticleResult (or its dict)."""
    scores = score_records(gold_records(gold), predicted_records(result))
    if "conflicts_of_interest" in gold:
        _scalar(scores.counts["conflicts_of_interest"], gold["conflicts_of_interest"], predicted_coi(result))
    expected = spin_repairs if spin_repairs is not None else gold.get("spin_repairs")
    if expected is not None:
        found = list(dict.fromkeys(" ".join(tokens(r)) for r in predicted_repairs(result)))
        wanted = list(dict.fromkeys(" ".join(tokens(r)) for r in expected))
        pairs = greedy_match(wanted, found, _repair_similarity)
        count = scores.counts["spin_repairs"]
        count.tp += len(pairs)
        count.fn += len(wanted) - len(pairs)
        count.fp += len(found) - len(pairs)
    return scores


def _repair_similarity(gold: str, pred: str) -> float:
    g, p = gold.split(), pred.split()
    if g == p:
        return 2.0
    return 1.0 if _contains(g, p) or _contains(p, g) else 0.0


# --- the evaluation ----------------------------------------------------------------------------------------


@dataclass
class DocResult:
    doc: GoldDoc
    scores: Scores
    source_file: Path | None = None


@dataclass
class Evaluation:
    total: Scores
    docs: list[DocResult]
    skipped: list[tuple[str, str]]
    split: str
    failed: list[tuple[str, str]] = field(default_factory=list)

    def by_split(self) -> dict[str, Scores]:
        out: dict[str, Scores] = {}
        for d in self.docs:
            out.setdefault(d.doc.split, Scores()).add(d.scores)
        return out

    def spin_comparison(self) -> dict[str, dict[str, float]]:
        """Per field: F1 over the spun variants vs F1 over the same documents' clean originals (when both ran)."""
        by_source = {d.source_file: d for d in self.docs if d.doc.spin_seed is None}
        spun, clean = Scores(), Scores()
        pairs = 0
        for d in self.docs:
            original = by_source.get(d.source_file)
            if d.doc.spin_seed is not None and original is not None:
                spun.add(d.scores)
                clean.add(original.scores)
                pairs += 1
        if not pairs:
            return {}
        out = {}
        for name in FIELDS:
            if name == "spin_repairs":
                continue
            c, s = clean.counts[name], spun.counts[name]
            if c.tp + c.fn:
                out[name] = {"clean_f1": c.f1, "spun_f1": s.f1, "ratio": s.f1 / c.f1 if c.f1 else 1.0}
        out["_pairs"] = {"clean_f1": float(pairs), "spun_f1": float(pairs), "ratio": 1.0}
        return out

    def as_dict(self) -> dict[str, Any]:
        return {
            "split": self.split,
            "documents": len(self.docs),
            "skipped": [{"name": n, "why": w} for n, w in self.skipped],
            "failed": [{"name": n, "error": e} for n, e in self.failed],
            "fields": self.total.as_dict(),
            "by_split": {k: v.as_dict() for k, v in sorted(self.by_split().items())},
            "spun_vs_clean": self.spin_comparison(),
            "per_document": {
                d.doc.name: {"split": d.doc.split, "spin_seed": d.doc.spin_seed}
                | {n: [c.tp, c.fp, c.fn] for n, c in d.scores.counts.items()}
                for d in self.docs
            },
            "gold_digest": None,
        }


def evaluate(
    root: Path,
    *,
    split: str = "all",
    shared: Path = DEFAULT_SHARED,
    extract: Callable[..., Any] | None = None,
    warn: Callable[[str], None] = lambda m: print(m, file=sys.stderr),
) -> Evaluation:
    """Run the extractor on every gold document under ``root`` and score it. Missing sources are skipped."""
    from corpora.spinner import spin

    run = extract or _default_extract()
    total, results, skipped, failed = Scores(), [], [], []
    for doc in load_gold(root, split):
        path = source_path(doc, shared)
        if path is None or not path.is_file():
            why = f"source not found: {path or doc.source or '(no source)'}"
            warn(f"studysift eval: skipping {doc.name}: {why}")
            skipped.append((doc.name, why))
            continue
        html = path.suffix.lower() in (".html", ".htm")
        raw: str | bytes = path.read_bytes()
        repairs = None
        if doc.spin_seed is not None:
            spun = spin(path.read_text(encoding="utf-8"), doc.spin_seed)
            raw, repairs = spun.text, spun.repairs
        try:
            result = run(raw, html=html or None, source=str(path), article_id=doc.name)
        except Exception as e:  # an extractor crash scores as an empty result and is reported, not fatal
            warn(f"studysift eval: extraction failed on {doc.name}: {type(e).__name__}: {e}")
            failed.append((doc.name, f"{type(e).__name__}: {e}"))
            result = {}
        scores = score_document(doc.gold, result, repairs)
        total.add(scores)
        results.append(DocResult(doc, scores, path.resolve()))
    return Evaluation(total, results, skipped, split, failed)


def _default_extract() -> Callable[..., Any]:
    """``extractor.extract`` with the pipeline loaded once, on the first document (not at all when all are skipped)."""
    nlp: list[Any] = []

    def run(raw: str | bytes, **kwargs: Any) -> Any:
        from extractor import extract, load

        if not nlp:
            nlp.append(load())
        return extract(raw, nlp=nlp[0], **kwargs)

    return run


# --- floors ------------------------------------------------------------------------------------------------


def check_floors(evaluation: Evaluation, floors_path: Path, root: Path) -> list[str]:
    """Problems with the pinned floors: a field whose F1 is below its floor, or a gold set whose digest changed."""
    pinned = json.loads(floors_path.read_text(encoding="utf-8"))
    problems = []
    digest = gold_digest(root)
    if pinned.get("gold_digest") != digest:
        problems.append(
            f"gold digest {digest} differs from the pinned {pinned.get('gold_digest')}: the gold set changed, "
            f"re-measure and update {floors_path.name} (digest, floors and a history entry saying why)"
        )
    for name, floor in pinned.get("floors", {}).items():
        if name not in evaluation.total.counts:
            problems.append(f"{name}: no such field")
            continue
        f1 = evaluation.total.counts[name].f1
        if f1 + 1e-9 < float(floor):
            problems.append(f"{name}: F1 {f1:.3f} is below its floor {float(floor):.3f}")
    return problems


# --- output ------------------------------------------------------------------------------------------------


def format_table(scores: Scores, title: str = "") -> str:
    lines = [title] if title else []
    lines.append(f"{'field':<22}{'TP':>6}{'FP':>6}{'FN':>6}{'P':>8}{'R':>8}{'F1':>8}{'n gold':>8}")
    for name, c in scores.counts.items():
        lines.append(
            f"{name:<22}{c.tp:>6}{c.fp:>6}{c.fn:>6}{c.precision:>8.3f}{c.recall:>8.3f}{c.f1:>8.3f}{c.tp + c.fn:>8}"
        )
    return "\n".join(lines)


def format_report(evaluation: Evaluation) -> str:
    parts = [
        format_table(
            evaluation.total,
            f"studysift eval: {len(evaluation.docs)} documents (split {evaluation.split}), "
            f"{len(evaluation.skipped)} skipped, {len(evaluation.failed)} failed",
        )
    ]
    splits = evaluation.by_split()
    if len(splits) > 1:
        parts += [format_table(s, f"split {name}") for name, s in sorted(splits.items())]
    comparison = evaluation.spin_comparison()
    if comparison:
        pairs = int(comparison.pop("_pairs")["clean_f1"])
        lines = [f"spun variants vs their clean originals ({pairs} pairs; within 5% = ratio >= 0.95)"]
        lines.append(f"{'field':<22}{'clean F1':>10}{'spun F1':>10}{'ratio':>8}")
        for name, row in comparison.items():
            flag = "" if row["ratio"] >= 0.95 else "  below"
            lines.append(f"{name:<22}{row['clean_f1']:>10.3f}{row['spun_f1']:>10.3f}{row['ratio']:>8.3f}{flag}")
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def format_per_doc(evaluation: Evaluation) -> str:
    """One line per document: split, name, and TP/FP/FN summed over the record fields, with F1 per main field."""
    main = ("design", "sample_size", "interventions", "dose", "route", "conditions", "outcomes", "outcome_direction")
    lines = [f"{'split':<6}{'document':<34}" + "".join(f"{n[:9]:>10}" for n in main)]
    for d in sorted(evaluation.docs, key=lambda d: (d.doc.split, d.doc.name)):
        cells = "".join(
            f"{d.scores.counts[n].f1:>10.2f}" if d.scores.counts[n].tp + d.scores.counts[n].fn else f"{'-':>10}"
            for n in main
        )
        lines.append(f"{d.doc.split:<6}{d.doc.name[:33]:<34}{cells}")
    return "\n".join(lines)
