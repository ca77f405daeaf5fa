"""Exports: records with their corrections applied, streamed as JSON Lines or as CSV with one row per
record-intervention (the shape review tools such as RevMan and Covidence import)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Engine

from api.db import session_scope
from api.schemas import WHOLE_RECORD, StoredRecord
from api.store import RecordFilters, corrected, list_records

CSV_COLUMNS = [
    "article_id", "record_id", "version", "review_status", "corrected_fields", "label", "design", "randomized",
    "blinding", "allocation", "species", "sample_size", "sample_size_unit", "conditions",
    "intervention_index", "intervention", "dose_value", "dose_max", "dose_unit", "dose_text", "route", "duration",
    "frequency", "comparators", "outcomes", "adverse_events", "follow_up", "evidence_level", "conflicts_of_interest",
]  # fmt: skip


def _records(engine: Engine, filters: RecordFilters, batch: int = 200) -> Iterator[StoredRecord]:
    """Every matching record that is not rejected as a whole, one short transaction per batch."""
    cursor: str | None = None
    while True:
        with session_scope(engine) as session:
            page = list_records(session, filters, batch, cursor)
        for record in page.items:
            if record.review.fields.get(WHOLE_RECORD) != "rejected":
                yield record
        if page.next is None:
            return
        cursor = page.next


def _exported(record: StoredRecord) -> dict[str, Any]:
    return {
        **corrected(record),
        "article_id": record.article_id,
        "version": record.version,
        "review": record.review.model_dump(mode="json"),
    }


def jsonl(engine: Engine, filters: RecordFilters) -> Iterator[str]:
    for record in _records(engine, filters):
        yield json.dumps(_exported(record), ensure_ascii=False) + "\n"


def _names(items: list[dict[str, Any]], key: str = "name") -> str:
    return "; ".join(str(i.get(key) or "") for i in items)


def csv_rows(record: StoredRecord) -> list[dict[str, Any]]:
    data = corrected(record)
    design, size, coi = data.get("design") or {}, data.get("sample_size") or {}, data.get("conflicts_of_interest") or {}
    outcomes = "; ".join(
        o["name"] + (f" ({o['direction']})" if o.get("direction") else "") for o in data.get("outcomes") or []
    )
    base = {
        "article_id": record.article_id,
        "record_id": record.id,
        "version": record.version,
        "review_status": record.review.status,
        "corrected_fields": "; ".join(p for p, s in record.review.fields.items() if s == "corrected"),
        "label": data.get("label"),
        "design": design.get("value"),
        "randomized": data.get("randomized"),
        "blinding": data.get("blinding"),
        "allocation": data.get("allocation"),
        "species": data.get("species"),
        "sample_size": size.get("value"),
        "sample_size_unit": size.get("unit"),
        "conditions": _names(data.get("conditions") or [], "value"),
        "comparators": _names(data.get("comparators") or []),
        "outcomes": outcomes,
        "adverse_events": _names(data.get("adverse_events") or []),
        "follow_up": data.get("follow_up"),
        "evidence_level": data.get("evidence_level"),
        "conflicts_of_interest": coi.get("status"),
    }
    interventions = data.get("interventions") or [None]
    rows = []
    for index, item in enumerate(interventions):
        dose = (item or {}).get("dose") or {}
        rows.append(
            {
                **base,
                "intervention_index": index if item else None,
                "intervention": (item or {}).get("name"),
                "dose_value": dose.get("value"),
                "dose_max": dose.get("max"),
                "dose_unit": dose.get("unit"),
                "dose_text": dose.get("text"),
                "route": (item or {}).get("route"),
                "duration": (item or {}).get("duration"),
                "frequency": (item or {}).get("frequency"),
            }
        )
    return rows


def csv_lines(engine: Engine, filters: RecordFilters) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for record in _records(engine, filters):
        writer.writerows(csv_rows(record))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()
