"""What the review pages show, computed from plain dicts (a StoredRecord / ArticleResult ``model_dump()``).

No NLP and no storage here: the cleaned text is split at evidence-span boundaries into escaped segments, and every
record is flattened into the field rows of its review form (one row per field path of the API's PATCH).
"""

from __future__ import annotations

import json
import typing
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from extractor import models

# Field types, in legend order, with their human names. One highlight colour each (see review.css).
FIELD_TYPES: dict[str, str] = {
    "study": "Study mention",
    "design": "Design",
    "sample_size": "Sample size",
    "condition": "Condition",
    "intervention": "Intervention",
    "comparator": "Comparator",
    "outcome": "Outcome",
    "adverse_event": "Adverse event",
    "coi": "Conflict of interest",
}

DESIGNS: list[str] = list(typing.get_args(models.Design))
ROUTES: list[str] = list(typing.get_args(models.Route))
DIRECTIONS: list[str] = list(typing.get_args(models.Direction))
BLINDINGS: list[str] = list(typing.get_args(models.Blinding))
ALLOCATIONS: list[str] = list(typing.get_args(models.Allocation))
SAMPLE_UNITS: list[str] = list(typing.get_args(models.SampleUnit))
SAMPLE_KINDS: list[str] = list(typing.get_args(models.SampleKind))
COI_STATUSES: list[str] = list(typing.get_args(models.CoiStatus))

# The list fields of a record: path prefix -> (field type, singular label, name key).
LISTS: dict[str, tuple[str, str, str]] = {
    "conditions": ("condition", "Condition", "value"),
    "interventions": ("intervention", "Intervention", "name"),
    "comparators": ("comparator", "Comparator", "name"),
    "outcomes": ("outcome", "Outcome", "name"),
    "adverse_events": ("adverse_event", "Adverse event", "name"),
}


@dataclass
class Span:
    """One highlightable span of the cleaned text."""

    id: str
    start: int
    end: int
    type: str
    record: str | None = None
    path: str | None = None
    rejected: bool = False


@dataclass
class Repair:
    start: int
    end: int
    found: str
    restored: str


@dataclass
class Input:
    """One control of a field's editor: ``key`` is the sub-key of an object value ('' for a scalar value)."""

    key: str
    label: str
    type: str  # text | int | number | select | bool
    value: Any = None
    options: list[str] = field(default_factory=list)


@dataclass
class FieldRow:
    path: str
    label: str
    type: str  # the field type (highlight colour), or "plain"
    display: str
    value: Any
    inputs: list[Input]
    status: str | None = None
    evidence: dict[str, Any] | None = None
    span_id: str | None = None
    confidence: float | None = None
    child: bool = False  # a sub-field (interventions/0/dose) shown under its parent

    @property
    def value_json(self) -> str:
        return json.dumps(self.value)

    @property
    def shape(self) -> str:
        return "scalar" if len(self.inputs) == 1 and self.inputs[0].key == "" else "object"

    @property
    def is_item(self) -> bool:
        """A list item (``outcomes/1``): what a split can move to a new record."""
        parts = self.path.split("/")
        return len(parts) == 2 and parts[0] in LISTS and parts[1].isdigit()

    @property
    def can_evidence(self) -> bool:
        """Whether the value is an object with its own ``evidence`` (a dose or a scalar has none)."""
        return self.shape == "object" and not self.path.endswith("/dose") and self.path != "conflicts_of_interest"


def span_id(record_id: str, path: str) -> str:
    return f"{record_id}:{path}"


def _evidence_ok(ev: Any, text_len: int) -> bool:
    return (
        isinstance(ev, dict)
        and isinstance(ev.get("start"), int)
        and isinstance(ev.get("end"), int)
        and (0 <= ev["start"] < ev["end"] <= text_len)
    )


def record_spans(record: dict[str, Any], text_len: int) -> list[Span]:
    """Every evidence span of one record, tagged with its field type and field path."""
    rid = str(record["id"])
    rejected = {p for p, s in ((record.get("review") or {}).get("fields") or {}).items() if s == "rejected"}
    found: list[tuple[str, str, Any]] = [("study", "evidence", record.get("evidence"))]
    for key in ("design", "sample_size"):
        if isinstance(record.get(key), dict):
            found.append((key, key, record[key].get("evidence")))
    for key, (ftype, _, _) in LISTS.items():
        for i, item in enumerate(record.get(key) or []):
            if isinstance(item, dict):
                found.append((ftype, f"{key}/{i}", item.get("evidence")))
    coi = record.get("conflicts_of_interest") or {}
    for i, ev in enumerate(coi.get("statements") or []):
        found.append(("coi", f"conflicts_of_interest/statements/{i}", ev))
    return [
        Span(span_id(rid, path), ev["start"], ev["end"], ftype, rid, path, path in rejected)
        for ftype, path, ev in found
        if _evidence_ok(ev, text_len)
    ]


def article_spans(result: dict[str, Any], records: list[dict[str, Any]]) -> list[Span]:
    """The spans of all records plus the article-level conflict-of-interest statements."""
    n = len(result.get("text") or "")
    spans = [s for r in records for s in record_spans(r, n)]
    coi = result.get("conflicts_of_interest") or {}
    for i, ev in enumerate(coi.get("statements") or []):
        if _evidence_ok(ev, n):
            spans.append(Span(f"article:coi/{i}", ev["start"], ev["end"], "coi", None, None))
    return spans


def repairs_of(result: dict[str, Any]) -> list[Repair]:
    n = len(result.get("text") or "")
    repairs = ((result.get("cleaning") or {}).get("spin") or {}).get("repairs") or []
    return [
        Repair(r["start"], r["end"], str(r.get("found", "")), str(r.get("restored", "")))
        for r in repairs
        if isinstance(r, dict) and _evidence_ok(r, n)
    ]


def highlight(text: str, spans: list[Span], repairs: list[Repair]) -> Markup:
    """The cleaned text as escaped segments split at every span boundary.

    A segment covered by spans is a ``<mark>`` coloured by its innermost (shortest) non-rejected span and listing
    every covering span in ``data-spans``; a segment inside a spin repair carries ``title="restored from: …"``.
    Segments are joined without whitespace, so text-node offsets in the browser equal offsets in ``text``.
    """
    cuts = {0, len(text)}
    for s in spans:
        cuts.update((s.start, s.end))
    for r in repairs:
        cuts.update((r.start, r.end))
    bounds = sorted(cuts)
    by_start = sorted(spans, key=lambda s: s.start)
    repairs_by_start = sorted(repairs, key=lambda r: r.start)
    active: list[Span] = []  # spans covering the current segment: a sweep, not a scan of every span per segment
    open_repairs: list[Repair] = []
    i = j = 0
    out: list[str] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        while i < len(by_start) and by_start[i].start <= a:
            active.append(by_start[i])
            i += 1
        while j < len(repairs_by_start) and repairs_by_start[j].start <= a:
            open_repairs.append(repairs_by_start[j])
            j += 1
        active = [s for s in active if s.end >= b]
        open_repairs = [r for r in open_repairs if r.end >= b]
        piece = escape(text[a:b])
        covering = sorted(active, key=lambda s: (s.rejected, s.end - s.start))
        repair = open_repairs[0] if open_repairs else None
        if not covering and repair is None:
            out.append(str(piece))
            continue
        classes = ["hl"]
        attrs: list[str] = []
        if covering:
            top = covering[0]
            classes.append(f"t-{top.type}")
            if top.rejected:
                classes.append("rejected")
            attrs.append(f'data-spans="{escape(" ".join(s.id for s in covering))}"')
            attrs.append(f'data-type="{escape(top.type)}"')
            if top.record:
                attrs.append(f'data-record="{escape(top.record)}"')
            if top.path:
                attrs.append(f'data-path="{escape(top.path)}"')
        if repair is not None:
            classes.append("spin")
            attrs.append(f'title="{escape("restored from: " + repair.found)}"')
            attrs.append(f'data-restored-from="{escape(repair.found)}"')
        out.append(f'<mark class="{" ".join(classes)}" {" ".join(attrs)}>{piece}</mark>')
    return Markup("".join(out))


# --- record form ----------------------------------------------------------------------------------------------


def _dose_text(dose: Any) -> str:
    if not isinstance(dose, dict):
        return ""
    if dose.get("text"):
        return str(dose["text"])
    rng = f"{dose.get('value')}–{dose['max']}" if dose.get("max") is not None else f"{dose.get('value')}"
    return f"{rng} {dose.get('unit') or ''}".strip()


def _show(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _vocab(value: Any) -> Any:
    """A controlled-vocabulary value made readable ('double_blind' → 'double blind'); free text stays as it is."""
    return value.replace("_", " ") if isinstance(value, str) else value


def _unit(value: Any, unit: Any) -> Any:
    return f"{value} {unit}" if value is not None and unit else value


def _join(*parts: Any) -> str:
    return " · ".join(_show(p) for p in parts if p not in (None, ""))


def _sel(key: str, label: str, value: Any, options: list[str]) -> Input:
    return Input(key, label, "select", value, options)


def record_rows(record: dict[str, Any]) -> list[FieldRow]:
    """One row per reviewable field path of a record, in form order."""
    rid = str(record["id"])
    status: dict[str, str] = ((record.get("review") or {}).get("fields")) or {}
    rows: list[FieldRow] = []

    def add(path: str, label: str, ftype: str, display: str, value: Any, inputs: list[Input], **kw: Any) -> None:
        ev = value.get("evidence") if isinstance(value, dict) else None
        conf = value.get("confidence") if isinstance(value, dict) else None
        has_ev = isinstance(ev, dict) and "start" in ev
        rows.append(
            FieldRow(path, label, ftype, display, value, inputs, status.get(path), ev if has_ev else None,
                     span_id(rid, path) if has_ev else None, conf, **kw)
        )  # fmt: skip

    design = record.get("design")
    d = design or {}
    add(
        "design",
        "Design",
        "design",
        _show(_vocab(d.get("value"))),
        design,
        [_sel("value", "Design", d.get("value"), DESIGNS)],
    )
    add("randomized", "Randomized", "plain", _show(record.get("randomized")), record.get("randomized"),
        [Input("", "Randomized", "bool", record.get("randomized"))])  # fmt: skip
    for key, label, options in (("blinding", "Blinding", BLINDINGS), ("allocation", "Allocation", ALLOCATIONS)):
        add(key, label, "plain", _show(_vocab(record.get(key))), record.get(key),
            [_sel("", label, record.get(key), options)])  # fmt: skip
    add("species", "Species", "plain", _show(record.get("species")), record.get("species"),
        [Input("", "Species", "text", record.get("species"))])  # fmt: skip
    ss = record.get("sample_size")
    s = ss or {}
    shown = _join(_unit(s.get("value"), s.get("unit")), s.get("kind")) or "—"
    add("sample_size", "Sample size", "sample_size", shown, ss,
        [Input("value", "Number", "int", s.get("value")), _sel("unit", "Unit", s.get("unit"), SAMPLE_UNITS),
         _sel("kind", "Kind", s.get("kind"), SAMPLE_KINDS)])  # fmt: skip
    for key, (ftype, label, name_key) in LISTS.items():
        for i, item in enumerate(record.get(key) or []):
            item = item if isinstance(item, dict) else {}
            path = f"{key}/{i}"
            name = item.get(name_key)
            if key == "interventions":
                add(path, f"{label} {i + 1}", ftype, _join(name, _vocab(item.get("route")), item.get("duration"),
                    item.get("frequency")), item,
                    [Input("name", "Name", "text", name), _sel("route", "Route", item.get("route"), ROUTES),
                     Input("duration", "Duration", "text", item.get("duration")),
                     Input("frequency", "Frequency", "text", item.get("frequency"))])  # fmt: skip
                dose = item.get("dose")
                ds = dose or {}
                add(f"{path}/dose", "Dose", "plain", _dose_text(dose) or "—", dose,
                    [Input("value", "Value", "number", ds.get("value")),
                     Input("max", "Max", "number", ds.get("max")), Input("unit", "Unit", "text", ds.get("unit")),
                     Input("text", "As written", "text", ds.get("text"))],
                    child=True)  # fmt: skip
            elif key == "outcomes":
                shown = _join(name, _vocab(item.get("direction")), item.get("timepoint"))
                add(path, f"{label} {i + 1}", ftype, shown, item,
                    [Input("name", "Name", "text", name), _sel("direction", "Direction", item.get("direction"),
                     DIRECTIONS), Input("timepoint", "Timepoint", "text", item.get("timepoint"))])  # fmt: skip
            else:
                add(path, f"{label} {i + 1}", ftype, _show(name), item, [Input(name_key, "Name", "text", name)])
    for key, label in (("follow_up", "Follow-up"), ("evidence_level", "Evidence level")):
        add(key, label, "plain", _show(record.get(key)), record.get(key), [Input("", label, "text", record.get(key))])
    coi = record.get("conflicts_of_interest")
    c = coi or {}
    add("conflicts_of_interest", "Conflicts of interest", "coi", _show(_vocab(c.get("status"))), coi,
        [_sel("status", "Status", c.get("status"), COI_STATUSES)])  # fmt: skip
    return rows


def new_item_inputs() -> dict[str, list[Input]]:
    """Blank editors for the 'add a missing …' buttons, keyed by list name."""
    return {
        "conditions": [Input("value", "Name", "text")],
        "interventions": [Input("name", "Name", "text"), _sel("route", "Route", None, ROUTES)],
        "comparators": [Input("name", "Name", "text")],
        "outcomes": [
            Input("name", "Name", "text"),
            _sel("direction", "Direction", None, DIRECTIONS),
            Input("timepoint", "Timepoint", "text"),
        ],  # fmt: skip
        "adverse_events": [Input("name", "Name", "text")],
    }


def record_confidence(record: dict[str, Any]) -> float:
    """The record's confidence, else the lowest of its fields' (for sorting the queue)."""
    if isinstance(record.get("confidence"), int | float) and record["confidence"] > 0:
        return float(record["confidence"])
    confs = [r.confidence for r in record_rows(record) if isinstance(r.confidence, int | float)]
    return float(min(confs)) if confs else 0.0


def summarize(value: Any) -> str:
    """A field value as a reviewer reads it: '500 mg', 'adverse effects · increased', '185 participants'."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str | int | float):
        return str(value)
    if isinstance(value, list):
        return "; ".join(summarize(v) for v in value) or "none"
    if isinstance(value, dict):
        if "unit" in value and "text" in value and "name" not in value:  # a dose
            return _dose_text(value)
        head = value.get("name", value.get("value", value.get("status")))
        if head is not None:
            extras = [value.get(k) for k in ("kind", "route", "direction", "timepoint") if value.get(k)]
            head = _vocab(head) if "value" in value or "status" in value else head
            return _join(_unit(head, value.get("unit")), *map(_vocab, extras))
        if {"start", "end", "text"} <= value.keys():
            return f"“{value['text']}”"
    return json.dumps(value, ensure_ascii=False)
