"""The record store: articles, records, review statuses and the append-only audit trail. No HTTP here.

Write functions commit their own transaction (on SQLite a ``BEGIN IMMEDIATE`` one). Every change to a record,
the machine's or a reviewer's, is one ``corrections`` row per field touched, all rows of one change carrying the
record's new version; the first row of a record (``extract``) and every whole-record change (``reextract``,
``merge``, ``merged``, ``split``, ``retire``) carry a snapshot ``{"record", "fields", "active"}``, so replaying the
rows in order rebuilds the record exactly (``replay_history``). A record a reviewer adds (``create_record``) starts
with a ``create`` row whose snapshot already holds the reviewer's field statuses.
"""

from __future__ import annotations

import base64
import binascii
import copy
import functools
import hashlib
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Concatenate, ParamSpec, TypeVar

from pydantic import ValidationError
from sqlalchemy import Select, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from api import paths
from api.db import begin_write
from api.schemas import (
    WHOLE_RECORD,
    WHOLE_RECORD_ALIASES,
    ArticleDetail,
    ArticlePage,
    ArticleSummary,
    HistoryItem,
    RecordPage,
    RecordPatch,
    Review,
    Stored,
    StoredRecord,
)
from api.tables import Article, Correction, Record, RecordField, utcnow
from extractor.models import ArticleResult, StudyRecord

SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._~-]{0,120}")


class BadCursor(ValueError):
    """A pagination cursor this store did not hand out."""


class NotFound(LookupError):
    """No such article or record."""


class PatchError(ValueError):
    """A patch that cannot apply: unknown path, invalid value, evidence that is not in the text."""


class VersionConflict(Exception):
    """The record changed since the version the caller read; ``current`` is the record as it is now."""

    def __init__(self, current: StoredRecord) -> None:
        super().__init__(f"record {current.id} is at version {current.version}")
        self.current = current


class StaleRecords(Exception):
    """Some of several records (a merge's) changed since the versions the caller read: ``current`` holds all of
    them as they are now, ``stale`` the ids of the changed ones."""

    def __init__(self, current: list[StoredRecord], stale: list[str]) -> None:
        super().__init__(f"records changed since read: {', '.join(stale)}")
        self.current, self.stale = current, stale


@dataclass
class RecordFilters:
    article_id: str | None = None
    design: str | None = None
    intervention: str | None = None
    route: str | None = None
    min_sample_size: int | None = None
    reviewed: bool | None = None
    include_inactive: bool = False


# --- helpers --------------------------------------------------------------------------------------------------

P = ParamSpec("P")
T = TypeVar("T")


def _writes(fn: Callable[Concatenate[Session, P], T]) -> Callable[Concatenate[Session, P], T]:
    """A store write: on any error the session is rolled back at once (no transaction, no write lock left open)."""

    @functools.wraps(fn)
    def wrapper(session: Session, *args: P.args, **kwargs: P.kwargs) -> T:
        try:
            return fn(session, *args, **kwargs)
        except BaseException:
            session.rollback()
            raise

    return wrapper


def _aware(at: datetime) -> datetime:
    return at if at.tzinfo else at.replace(tzinfo=UTC)


def encode_cursor(last_id: str) -> str:
    return base64.urlsafe_b64encode(last_id.encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> str:
    try:
        last = base64.b64decode(cursor + "=" * (-len(cursor) % 4), altchars=b"-_", validate=True).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise BadCursor("invalid cursor") from None
    if not last:
        raise BadCursor("invalid cursor")
    return last


def _fields(row: Record) -> dict[str, str]:
    return {f.path: f.status for f in row.fields}


def review_status(fields: dict[str, str]) -> str:
    if WHOLE_RECORD in fields:
        return "reviewed"
    return "in_review" if fields else "unreviewed"


def applied(data: dict[str, Any], fields: Mapping[str, str]) -> dict[str, Any]:
    """The record with its corrections applied: rejected fields dropped."""
    return paths.without(data, [p for p, s in fields.items() if s == "rejected" and p != WHOLE_RECORD])


def _index_columns(row: Record, fields: dict[str, str]) -> None:
    view = applied(row.data, fields)
    design = view.get("design")
    size = view.get("sample_size")
    interventions = view.get("interventions") or []
    row.design = design.get("value") if isinstance(design, dict) else None
    value = size.get("value") if isinstance(size, dict) else None
    row.sample_size = value if isinstance(value, int) and 0 <= value < 2**31 else None  # fits the column
    # NUL is fine inside the JSON but not in a PostgreSQL text column: the filter index leaves it out.
    names = (str(i.get("name", "")).lower().replace("\x00", "") for i in interventions)
    row.interventions = "|" + "|".join(names) + "|"
    row.routes = "|" + "|".join(str(i.get("route")) for i in interventions if i.get("route")) + "|"
    row.review_status = review_status(fields)


def to_stored(row: Record) -> StoredRecord:
    fields = _fields(row)
    return StoredRecord.model_validate(
        {
            **row.data,
            "id": row.id,
            "article_id": row.article_id,
            "version": row.version,
            "review": {"status": review_status(fields), "fields": fields},
            "active": row.active,
        }
    )


def _validate(doc: dict[str, Any]) -> dict[str, Any]:
    """Validate a record's JSON; a confidence the reviewer left out is 1.0 (a person's value)."""
    doc = copy.deepcopy(doc)
    for _ in range(50):
        try:
            return StudyRecord.model_validate(doc).model_dump(mode="json")
        except ValidationError as e:
            missing = [err["loc"] for err in e.errors() if err["type"] == "missing" and err["loc"][-1] == "confidence"]
            if not missing:
                raise PatchError(_validation_message(e)) from None
            for loc in missing:
                node: Any = doc
                for key in loc[:-1]:
                    node = node[key]
                node["confidence"] = 1.0
    raise PatchError("record does not validate")


def _validation_message(e: ValidationError) -> str:
    return "; ".join(f"{'/'.join(str(x) for x in err['loc'])}: {err['msg']}" for err in e.errors()[:10])


def _snapshot(data: dict[str, Any], fields: dict[str, str], active: bool) -> dict[str, Any]:
    return {"record": data, "fields": dict(fields), "active": active}


def _audit(
    session: Session,
    record_id: str,
    version: int,
    reviewer: str | None,
    action: str,
    field: str | None,
    old: Any,
    new: Any,
    reason: str | None,
) -> None:
    session.add(
        Correction(
            record_id=record_id,
            version=version,
            reviewer=reviewer,
            action=action,
            field=field,
            old=old,
            new=new,
            reason=reason,
        )
    )


def _new_record(
    session: Session,
    article_id: str,
    local_id: str,
    data: dict[str, Any],
    reviewer: str | None,
    action: str,
    *,
    fields: dict[str, str] | None = None,
    reason: str | None = None,
) -> Record:
    record_id = f"{article_id}-{local_id}"
    data = {**data, "id": record_id}
    fields = dict(fields or {})
    row = Record(id=record_id, article_id=article_id, local_id=local_id, version=1, active=True, data=data)
    _index_columns(row, fields)
    _set_fields(row, fields, reviewer or "system", 1)
    session.add(row)
    session.flush()  # the record row before its audit row (the foreign key)
    _audit(session, record_id, 1, reviewer, action, None, None, _snapshot(data, fields, True), reason)
    return row


def _local_id(record_id: str) -> str:
    return record_id if SAFE_ID.fullmatch(record_id) else hashlib.sha256(record_id.encode()).hexdigest()[:8]


def _free_local_id(session: Session, article_id: str, prefix: str) -> str:
    taken = set(session.scalars(select(Record.local_id).where(Record.article_id == article_id)))
    n = 1
    while f"{prefix}{n}" in taken:
        n += 1
    return f"{prefix}{n}"


def _get_row(session: Session, record_id: str, *, lock: bool = False) -> Record:
    """The record's row; ``lock`` takes its row lock (PostgreSQL ``FOR UPDATE``) so writers queue, not collide."""
    row = session.get(Record, record_id, populate_existing=True, with_for_update=lock or None)
    if row is None:
        raise NotFound(f"no record {record_id!r}")
    return row


def _check_evidence(session: Session, article_id: str, value: Any) -> None:
    spans: list[dict[str, Any]] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.keys() == {"start", "end", "text"}:  # an Evidence span
                spans.append(node)
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(value)
    if not spans:
        return
    text = session.scalar(select(Article.text).where(Article.id == article_id)) or ""
    for span in spans:
        if not isinstance(span["start"], int) or not isinstance(span["end"], int) or span["start"] > span["end"]:
            raise PatchError(f"evidence {span['text']!r}: start and end must be offsets with start <= end")
        if text[span["start"] : span["end"]] != span["text"]:
            raise PatchError(f"evidence {span['text']!r} is not the article's text[{span['start']}:{span['end']}]")


# --- articles -------------------------------------------------------------------------------------------------


def find_article_by_sha256(session: Session, digest: str) -> str | None:
    return session.scalar(select(Article.id).where(Article.sha256 == digest))


@_writes
def save_article(
    session: Session,
    *,
    raw: bytes | str,
    result: ArticleResult,
    source: str | None = None,
    html: bool | None = None,
    commit: bool = True,
) -> str:
    """Store an article and its records; idempotent on the raw input's sha256 (returns the existing id)."""
    raw_bytes = raw if isinstance(raw, bytes) else raw.encode("utf-8", "surrogatepass")
    digest = hashlib.sha256(raw_bytes).hexdigest()
    begin_write(session)
    existing = find_article_by_sha256(session, digest)
    if existing is not None:
        return existing
    article_id = next(
        c for c in (result.article.id, digest[:16], digest) if SAFE_ID.fullmatch(c) and session.get(Article, c) is None
    )
    source = source or result.article.source
    stored = result.model_copy(deep=True)
    if source and not stored.article.source:
        stored.article.source = source
    try:
        _insert_article(session, article_id, digest, raw_bytes, result, stored, source, html)
        if commit:
            session.commit()
    except IntegrityError:  # a concurrent writer stored the same input first
        session.rollback()
        existing = find_article_by_sha256(session, digest)
        if existing is None:
            raise
        return existing
    return article_id


def _unique_locals(records: list[StudyRecord]) -> list[str]:
    """Record ids usable in URLs and unique within the article."""
    used: set[str] = set()
    locals_ = []
    for record in records:
        local = base = _local_id(record.id)
        n = 2
        while local in used:
            local, n = f"{base}.{n}", n + 1
        used.add(local)
        locals_.append(local)
    return locals_


def _insert_article(
    session: Session,
    article_id: str,
    digest: str,
    raw_bytes: bytes,
    result: ArticleResult,
    stored: ArticleResult,
    source: str | None,
    html: bool | None,
) -> None:
    session.add(
        Article(
            id=article_id,
            sha256=digest,
            source=source,
            title=result.article.title,
            raw=raw_bytes,
            text=result.text,
            result=stored.model_dump(mode="json"),
            spin_score=result.cleaning.spin.score,
            is_spun=result.cleaning.spin.is_spun,
            is_html=html,
            pipeline_version=result.pipeline_version,
        )
    )
    session.flush()
    for local, record in zip(_unique_locals(result.records), result.records, strict=True):
        _new_record(session, article_id, local, record.model_dump(mode="json"), None, "extract")


def _article_row(session: Session, article_id: str) -> Article:
    row = session.get(Article, article_id)
    if row is None:
        raise NotFound(f"no article {article_id!r}")
    return row


def article_records(session: Session, article_id: str, *, include_inactive: bool = False) -> list[StoredRecord]:
    query = select(Record).where(Record.article_id == article_id).order_by(Record.id)
    if not include_inactive:
        query = query.where(Record.active.is_(True))
    return [to_stored(r) for r in session.scalars(query)]


def current_result(row: Article, records: list[StoredRecord]) -> ArticleResult:
    """The article's ArticleResult with the current records (corrections applied, rejected ones left out)."""
    result = ArticleResult.model_validate(row.result)
    result.records = [
        StudyRecord.model_validate(corrected(r))
        for r in records
        if r.active and r.review.fields.get(WHOLE_RECORD) != "rejected"
    ]
    return result


def get_article(session: Session, article_id: str) -> ArticleDetail:
    row = _article_row(session, article_id)
    records = article_records(session, article_id)
    return ArticleDetail(
        id=row.id, raw=row.raw.decode("utf-8", "replace"), result=current_result(row, records), records=records
    )


def get_stored(session: Session, article_id: str, *, created: bool = True) -> Stored:
    row = _article_row(session, article_id)
    records = article_records(session, article_id)
    return Stored(id=row.id, result=current_result(row, records), records=records, created=created)


def list_articles(
    session: Session, *, spun: bool | None = None, q: str | None = None, limit: int = 50, cursor: str | None = None
) -> ArticlePage:
    counts = (
        select(Record.article_id, func.count().label("n"))
        .where(Record.active.is_(True))
        .group_by(Record.article_id)
        .subquery()
    )
    query = (
        select(Article, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.article_id == Article.id)
        .order_by(Article.id)
        .limit(limit + 1)
    )
    if spun is not None:
        query = query.where(Article.is_spun.is_(spun))
    if q:
        needle = q.lower()
        query = query.where(
            func.lower(Article.text).contains(needle, autoescape=True)
            | func.lower(func.coalesce(Article.title, "")).contains(needle, autoescape=True)
        )
    if cursor:
        query = query.where(Article.id > decode_cursor(cursor))
    rows = session.execute(query).all()
    items = [
        ArticleSummary(
            id=a.id,
            sha256=a.sha256,
            source=a.source,
            title=a.title,
            spin_score=a.spin_score,
            is_spun=a.is_spun,
            pipeline_version=a.pipeline_version,
            created_at=_aware(a.created_at),
            records=n,
        )
        for a, n in rows[:limit]
    ]
    return ArticlePage(items=items, next=encode_cursor(items[-1].id) if len(rows) > limit else None)


# --- records --------------------------------------------------------------------------------------------------


def corrected(record: StoredRecord) -> dict[str, Any]:
    """A StudyRecord's JSON with corrections applied (rejected fields dropped), from a StoredRecord."""
    data = record.model_dump(mode="json", exclude={"article_id", "version", "review", "active"})
    return applied(data, record.review.fields)


def get_record(session: Session, record_id: str) -> StoredRecord:
    return to_stored(_get_row(session, record_id))


def record_version(session: Session, record_id: str) -> int:
    """The record's current version (cheaper than ``get_record``)."""
    version = session.scalar(select(Record.version).where(Record.id == record_id))
    if version is None:
        raise NotFound(f"no record {record_id!r}")
    return version


def _filtered(filters: RecordFilters) -> Select[Record]:
    query = select(Record).order_by(Record.id)
    if not filters.include_inactive:
        query = query.where(Record.active.is_(True))
    if filters.article_id is not None:
        query = query.where(Record.article_id == filters.article_id)
    if filters.design is not None:
        query = query.where(Record.design == filters.design)
    if filters.intervention:
        query = query.where(Record.interventions.contains(filters.intervention.lower(), autoescape=True))
    if filters.route is not None:
        query = query.where(Record.routes.contains(f"|{filters.route}|", autoescape=True))
    if filters.min_sample_size is not None:
        query = query.where(Record.sample_size >= filters.min_sample_size)
    if filters.reviewed is not None:
        query = query.where((Record.review_status == "reviewed") == filters.reviewed)
    return query


def list_records(
    session: Session, filters: RecordFilters | None = None, limit: int = 50, cursor: str | None = None
) -> RecordPage:
    query = _filtered(filters or RecordFilters()).limit(limit + 1)
    if cursor:
        query = query.where(Record.id > decode_cursor(cursor))
    rows = list(session.scalars(query))
    items = [to_stored(r) for r in rows[:limit]]
    return RecordPage(items=items, next=encode_cursor(items[-1].id) if len(rows) > limit else None)


def iter_records(session: Session, filters: RecordFilters | None = None, batch: int = 200) -> Iterator[StoredRecord]:
    """Every record matching ``filters``, fetched ``batch`` at a time."""
    cursor: str | None = None
    while True:
        page = list_records(session, filters, batch, cursor)
        yield from page.items
        if page.next is None:
            return
        cursor = page.next


def _commit_change(session: Session, row: Record) -> StoredRecord:
    """Flush and commit a record change guarded by its version; a concurrent change raises VersionConflict."""
    record_id = row.id
    try:
        session.flush()
        stored = to_stored(row)
        session.commit()
    except (StaleDataError, IntegrityError):
        session.rollback()
        raise VersionConflict(get_record(session, record_id)) from None
    return stored


def _set_fields(row: Record, changes: Mapping[str, str | None], reviewer: str, version: int) -> None:
    by_path = {f.path: f for f in row.fields}
    for path, status in changes.items():
        if status is None:
            if path in by_path:
                row.fields.remove(by_path[path])
        elif path in by_path:
            by_path[path].status, by_path[path].reviewer = status, reviewer
            by_path[path].version, by_path[path].at = version, utcnow()
        else:
            row.fields.append(RecordField(path=path, status=status, reviewer=reviewer, version=version))


@_writes
def apply_patch(
    session: Session, record_id: str, *, expected_version: int, patch: RecordPatch, reviewer: str
) -> StoredRecord:
    """Apply a reviewer's patch to the record at ``expected_version``; raises VersionConflict, NotFound, PatchError."""
    begin_write(session)
    row = _get_row(session, record_id, lock=True)
    if row.version != expected_version:
        raise VersionConflict(to_stored(row))
    if not (patch.set_ or patch.evidence or patch.accept or patch.reject):
        raise PatchError("nothing to change: give set, evidence, accept or reject")
    version = row.version + 1
    doc = copy.deepcopy(row.data)
    fields = _fields(row)
    changes: list[tuple[str, str, Any]] = []  # (action, path, old)
    try:
        evidence = [(f"{p}/evidence", e.model_dump()) for p, e in patch.evidence.items()]
        for path, value in [*patch.set_.items(), *evidence]:
            segments = paths.parse(path)
            old = paths.get(doc, segments) if paths.exists(doc, segments) else None
            changes.append(("set", paths.put(doc, segments, copy.deepcopy(value)), old))
        doc = _validate(doc)
        touched = set(patch.accept) & set(patch.reject)
        if touched:
            raise PatchError(f"both accepted and rejected: {', '.join(sorted(touched))}")
        for action, given in (("accept", patch.accept), ("reject", patch.reject)):
            for path in given:
                target = WHOLE_RECORD if path.strip() in WHOLE_RECORD_ALIASES else paths.canonical(doc, path)
                changes.append((action, target, fields.get(target)))
    except paths.PathError as e:
        raise PatchError(str(e)) from None
    status_changes: dict[str, str | None] = {}
    for action, path, _old in changes:
        status = {"set": "corrected", "accept": "accepted", "reject": "rejected"}[action]
        fields[path] = status
        status_changes[path] = status
    if any(a == "set" for a, _, _ in changes):
        _check_evidence(session, row.article_id, [paths.get(doc, paths.parse(p)) for a, p, _ in changes if a == "set"])
    try:
        if patch.reject:
            _validate(applied(doc, fields))
    except PatchError as e:
        raise PatchError(f"cannot reject that field (reject its list item or parent instead): {e}") from None
    doc["id"] = row.id
    row.data = doc
    row.updated_at = utcnow()
    _index_columns(row, fields)
    _set_fields(row, status_changes, reviewer, version)
    for action, path, old in changes:
        new = paths.get(doc, paths.parse(path)) if action == "set" else fields[path]
        _audit(session, row.id, version, reviewer, action, path, old, new, patch.reason)
    return _commit_change(session, row)


ADDED_PREFIX = "n"  # local ids of records a reviewer added: <article>-n1, -n2… (the extractor's are r1, r2…)
NOT_FIELDS = {"id", "confidence"}  # keys of a record that are not review fields


def _given_paths(given: Mapping[str, Any]) -> list[str]:
    """The field paths a reviewer set in a new record: each list item on its own (``outcomes/0``), as a patch
    appending it would mark it; absent, null and empty values are not set."""
    marked: list[str] = []
    for key, value in given.items():
        if key in NOT_FIELDS or value is None or value == []:
            continue
        if key in LIST_FIELDS and isinstance(value, list):
            marked += [f"{key}/{i}" for i in range(len(value))]
        else:
            marked.append(key)
    return marked


@_writes
def create_record(
    session: Session,
    article_id: str,
    *,
    record: Mapping[str, Any] | StudyRecord,
    reviewer: str,
    reason: str | None = None,
) -> StoredRecord:
    """Add a study record the extractor missed to an article: id ``<article>-n<k>``, version 1, every field the
    reviewer gave marked ``corrected`` (so ``in_review``), one ``create`` audit row with the snapshot. ``record`` is a
    partial StudyRecord (``label`` required; ``id`` is chosen here; left-out confidences are 1.0). Raises NotFound,
    PatchError (invalid record, evidence not in the article's text)."""
    given = record.model_dump(mode="json", exclude_unset=True) if isinstance(record, StudyRecord) else dict(record)
    given.pop("id", None)
    begin_write(session)
    # The article's row lock (PostgreSQL FOR NO KEY UPDATE) queues concurrent additions, so ids never collide.
    if session.get(Article, article_id, with_for_update={"key_share": True}, populate_existing=True) is None:
        raise NotFound(f"no article {article_id!r}")
    if not isinstance(given.get("label"), str) or not given["label"].strip():
        raise PatchError("label: a new record needs a label")
    doc = _validate({"confidence": 1.0, **given, "id": "new"})
    _check_evidence(session, article_id, doc)
    fields = dict.fromkeys(_given_paths(given), "corrected")
    local = _free_local_id(session, article_id, ADDED_PREFIX)
    row = _new_record(session, article_id, local, doc, reviewer, "create", fields=fields, reason=reason)
    session.flush()
    stored = to_stored(row)
    session.commit()
    return stored


def record_history(session: Session, record_id: str) -> list[HistoryItem]:
    if session.get(Record, record_id) is None:
        raise NotFound(f"no record {record_id!r}")
    rows = session.scalars(select(Correction).where(Correction.record_id == record_id).order_by(Correction.id))
    return [
        HistoryItem(
            version=c.version,
            reviewer=c.reviewer,
            at=_aware(c.at),
            action=c.action,
            field=c.field,
            old=c.old,
            new=c.new,
            reason=c.reason,
        )
        for c in rows
    ]


def replay(items: list[HistoryItem], *, record_id: str, article_id: str) -> StoredRecord:
    """Rebuild a record from its audit trail alone."""
    data: dict[str, Any] = {}
    fields: dict[str, str] = {}
    active, version = True, 0
    for item in items:
        if item.field is None:
            snapshot = item.new
            data, fields, active = copy.deepcopy(snapshot["record"]), dict(snapshot["fields"]), snapshot["active"]
        elif item.action == "set":
            paths.put(data, paths.parse(item.field), copy.deepcopy(item.new))
            fields[item.field] = "corrected"
        elif item.new is None:
            fields.pop(item.field, None)
        else:
            fields[item.field] = item.new
        version = item.version
    return StoredRecord.model_validate(
        {
            **data,
            "id": record_id,
            "article_id": article_id,
            "version": version,
            "review": Review.model_validate({"status": review_status(fields), "fields": fields}),
            "active": active,
        }
    )


def replay_history(session: Session, record_id: str) -> StoredRecord:
    row = _get_row(session, record_id)
    return replay(record_history(session, record_id), record_id=row.id, article_id=row.article_id)


def _whole_change(
    session: Session,
    row: Record,
    data: dict[str, Any],
    fields: dict[str, str],
    active: bool,
    *,
    action: str,
    reviewer: str | None,
    reason: str | None,
    old: Any = None,
) -> None:
    """Replace a record's whole state (a new version) and audit it with a snapshot."""
    version = row.version + 1
    current = _fields(row)
    data = {**data, "id": row.id}
    row.data, row.active, row.updated_at = data, active, utcnow()
    _index_columns(row, fields)
    _set_fields(row, {p: s for p, s in fields.items() if current.get(p) != s}, reviewer or "system", version)
    _set_fields(row, {p: None for p in current if p not in fields}, reviewer or "system", version)
    _audit(session, row.id, version, reviewer, action, None, old, _snapshot(data, fields, active), reason)


def _relocate(data: dict[str, Any], text: str) -> dict[str, Any]:
    """Point evidence spans at the new cleaned text: found again → new offsets, else dropped."""

    def fix(node: Any) -> Any:
        if isinstance(node, dict):
            if {"start", "end", "text"} <= node.keys() and len(node) <= 3:
                if text[node["start"] : node["end"]] == node["text"]:
                    return node
                at = text.find(node["text"])
                return None if at < 0 else {**node, "start": at, "end": at + len(node["text"])}
            return {k: fix(v) for k, v in node.items()}
        if isinstance(node, list):
            return [x for x in (fix(v) for v in node) if x is not None]
        return node

    fixed: dict[str, Any] = fix(data)
    return fixed


@_writes
def reextract(session: Session, article_id: str, result: ArticleResult, *, reviewer: str | None = None) -> Stored:
    """Replace an article's extraction with ``result`` (a newer pipeline's), keeping reviewers' work: corrected
    fields keep the reviewer's value and status; accepted / rejected statuses stay where the value is unchanged;
    records the new run no longer finds are retired unless a reviewer worked on them."""
    begin_write(session)
    article = _article_row(session, article_id)
    article.text = result.text
    stored = result.model_copy(deep=True)
    stored.article.id, stored.article.source = article.id, article.source
    article.result = stored.model_dump(mode="json")
    article.title = result.article.title
    article.spin_score, article.is_spun = result.cleaning.spin.score, result.cleaning.spin.is_spun
    article.pipeline_version, article.updated_at = result.pipeline_version, utcnow()
    query = select(Record).where(Record.article_id == article_id).order_by(Record.id).with_for_update()
    rows = {r.local_id: r for r in session.scalars(query.execution_options(populate_existing=True))}
    seen: set[str] = set()
    for local, record in zip(_unique_locals(result.records), result.records, strict=True):
        seen.add(local)
        new = record.model_dump(mode="json")
        row = rows.get(local)
        if row is None:
            _new_record(session, article_id, local, new, reviewer, "extract")
            continue
        old_fields, fields = _fields(row), {}
        new["id"] = row.id
        for path, status in sorted(old_fields.items()):
            segments = paths.parse(path) if path != WHOLE_RECORD else []
            if status == "corrected":
                try:
                    paths.put(new, segments, copy.deepcopy(paths.get(row.data, segments)))
                    fields[path] = status
                except paths.PathError:
                    continue
            elif (
                path != WHOLE_RECORD
                and paths.exists(new, segments)
                and paths.get(new, segments) == paths.get(row.data, segments)
            ):
                fields[path] = status
        new = _relocate(new, result.text)
        try:
            new = _validate(new)
        except PatchError:
            new = _validate(record.model_dump(mode="json"))
            fields = {}
        if old_fields.get(WHOLE_RECORD) and new == {**row.data, "id": new["id"]}:
            fields[WHOLE_RECORD] = old_fields[WHOLE_RECORD]
        if new != row.data or fields != old_fields or not row.active:
            _whole_change(session, row, new, fields, True, action="reextract", reviewer=reviewer, reason=None)
    for local, row in rows.items():
        if local not in seen and row.active and not row.fields and local.startswith("r"):
            _whole_change(session, row, row.data, {}, False, action="retire", reviewer=reviewer, reason=None)
    session.commit()
    return get_stored(session, article_id, created=False)


# --- merge and split ------------------------------------------------------------------------------------------

LIST_FIELDS = ("conditions", "interventions", "comparators", "outcomes", "adverse_events")


@_writes
def merge_records(
    session: Session, ids: list[str], reviewer: str, reason: str | None = None, *, versions: Mapping[str, int]
) -> StoredRecord:
    """Merge records of one article into a new record (the first one's scalars win, lists are joined without
    duplicates); the merged records become inactive. All audited. ``versions`` maps every id to the version the
    caller read: when any record has moved on, nothing changes and StaleRecords carries the records as they are."""
    begin_write(session)
    if len(set(ids)) < 2:
        raise PatchError("merge needs at least two different records")
    missing = sorted(set(ids) - set(versions))
    if missing:
        raise PatchError(f"versions: no version given for {', '.join(missing)}")
    rows = [_get_row(session, i, lock=True) for i in sorted(set(ids))]
    rows.sort(key=lambda r: ids.index(r.id))
    stale = [r.id for r in rows if r.version != versions[r.id]]
    if stale:
        raise StaleRecords([to_stored(r) for r in rows], stale)
    if len({r.article_id for r in rows}) > 1:
        raise PatchError("records of different articles cannot be merged")
    if not all(r.active for r in rows):
        raise PatchError("only active records can be merged")
    views = [applied(r.data, _fields(r)) for r in rows]
    merged = copy.deepcopy(views[0])
    for view in views[1:]:
        for key, value in view.items():
            if key in LIST_FIELDS:
                merged[key] += [v for v in value if v not in merged[key]]
            elif merged.get(key) is None and value is not None:
                merged[key] = copy.deepcopy(value)
    article_id = rows[0].article_id
    local = _free_local_id(session, article_id, "m")
    new = _new_record(session, article_id, local, _validate(merged), reviewer, "merge")
    session.flush()
    session.execute(
        update(Correction).where(Correction.record_id == new.id).values(old=[r.id for r in rows], reason=reason)
    )
    for row in rows:
        _whole_change(
            session, row, row.data, _fields(row), False, action="merged", reviewer=reviewer, reason=reason, old=new.id
        )
    return _commit_change(session, new)


@_writes
def split_record(
    session: Session, record_id: str, moves: list[str], reviewer: str, reason: str | None = None
) -> tuple[StoredRecord, StoredRecord]:
    """Move list items (``interventions/1``, ``outcomes/0``…) of a record into a new record of the same article,
    which copies the source's study-level fields. Both records are audited; list review statuses reset."""
    begin_write(session)
    row = _get_row(session, record_id, lock=True)
    if not row.active:
        raise PatchError("only active records can be split")
    data = copy.deepcopy(row.data)
    new = {**copy.deepcopy(data), **{key: [] for key in LIST_FIELDS}}
    try:
        for path in moves:
            segments = paths.parse(path)
            if len(segments) != 2 or segments[0] not in LIST_FIELDS:
                raise PatchError(f"{path!r}: only list items (e.g. 'interventions/1') can be moved")
            new[segments[0]].append(copy.deepcopy(paths.get(data, segments)))
    except paths.PathError as e:
        raise PatchError(str(e)) from None
    kept = paths.without(data, moves)
    fields = {p: s for p, s in _fields(row).items() if p.split("/")[0] not in LIST_FIELDS and p != WHOLE_RECORD}
    local = _free_local_id(session, row.article_id, "s")
    created = _new_record(session, row.article_id, local, _validate(new), reviewer, "split")
    session.flush()
    session.execute(update(Correction).where(Correction.record_id == created.id).values(old=row.id, reason=reason))
    _whole_change(
        session, row, _validate(kept), fields, True, action="split", reviewer=reviewer, reason=reason, old=created.id
    )
    source = _commit_change(session, row)
    return source, get_record(session, created.id)
