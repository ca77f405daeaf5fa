"""The /v1 HTTP API: thin routes over ``api.store`` and ``api.extraction`` (see ../shared/SPEC.md, HTTP API)."""

from __future__ import annotations

from typing import Annotated, Any, Literal
from urllib.parse import quote

from fastapi import APIRouter, Depends, Header, HTTPException, Query, Request, Response
from fastapi.responses import StreamingResponse
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from api import export, store
from api.auth import Admin, Principal, Reader, Reviewer, create_user
from api.db import get_db, get_engine, session_scope
from api.extraction import EXTRACT_BODY, Input, read_input, run_extraction
from api.schemas import (
    ArticleDetail,
    ArticlePage,
    Conflict,
    ErrorBody,
    History,
    MergeConflict,
    MergeRequest,
    NewRecord,
    NewUser,
    RecordPage,
    RecordPatch,
    SplitRequest,
    SplitResult,
    Stored,
    StoredRecord,
    UserCreate,
    UserOut,
)
from api.tables import User
from extractor.models import ArticleResult, Design, Route
from studysift.settings import Settings

router = APIRouter(prefix="/v1")
SessionDep = Annotated[Session, Depends(get_db)]
EngineDep = Annotated[Engine, Depends(get_engine)]

AUTH_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorBody, "description": "no or unknown API key"},
    403: {"model": ErrorBody, "description": "the key's role may not do this"},
}
BODY_ERRORS: dict[int | str, dict[str, Any]] = {
    413: {"model": ErrorBody, "description": "body or text too large"},
    415: {"model": ErrorBody, "description": "neither JSON nor multipart"},
    422: {"model": ErrorBody, "description": "malformed input"},
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorBody, "description": "no such article or record"}}


def get_settings_dep(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


SettingsDep = Annotated[Settings, Depends(get_settings_dep)]


def _page_size(limit: int | None, settings: Settings) -> int:
    return min(limit or settings.page_size_default, settings.page_size_max)


def _require_role(principal: Principal, role: Literal["reviewer", "admin"]) -> None:
    if principal.role == "anonymous":
        raise HTTPException(401, "an API key is required", headers={"WWW-Authenticate": "Bearer"})
    if not principal.can(role):
        raise HTTPException(403, f"needs the {role} role")


def _save(engine: Engine, given: Input, result: ArticleResult) -> Stored:
    with session_scope(engine) as session:
        article_id = store.save_article(session, raw=given.raw, result=result, source=given.source, html=given.html)
        return store.get_stored(session, article_id)


def _existing(engine: Engine, digest: str) -> Stored | None:
    with session_scope(engine) as session:
        article_id = store.find_article_by_sha256(session, digest)
        return None if article_id is None else store.get_stored(session, article_id, created=False)


# --- extraction and articles ----------------------------------------------------------------------------------


@router.post(
    "/extract",
    response_model=ArticleResult,
    openapi_extra=EXTRACT_BODY,
    responses={**AUTH_ERRORS, **BODY_ERRORS},
    summary="Extract an article (stored too with ?store=true, which needs the reviewer role)",
)
async def extract_article(
    request: Request,
    principal: Reader,
    settings: SettingsDep,
    engine: EngineDep,
    store_: Annotated[bool, Query(alias="store")] = False,
) -> ArticleResult:
    if store_:
        _require_role(principal, "reviewer")
    given = await read_input(request)
    result = await run_extraction(given, settings)
    if store_:
        await run_in_threadpool(_save, engine, given, result)
    return result


@router.post(
    "/articles",
    response_model=Stored,
    status_code=201,
    openapi_extra=EXTRACT_BODY,
    responses={200: {"model": Stored, "description": "already stored (same raw input)"}, **AUTH_ERRORS, **BODY_ERRORS},
    summary="Store and extract an article (idempotent on the raw input's sha256)",
)
async def create_article(
    request: Request, response: Response, principal: Reviewer, settings: SettingsDep, engine: EngineDep
) -> Stored:
    given = await read_input(request)
    existing = await run_in_threadpool(_existing, engine, given.sha256)
    if existing is not None:
        response.status_code = 200
        return existing
    result = await run_extraction(given, settings)
    return await run_in_threadpool(_save, engine, given, result)


@router.get("/articles", response_model=ArticlePage, responses={**AUTH_ERRORS, 422: {"model": ErrorBody}})
def list_articles(
    db: SessionDep,
    principal: Reader,
    settings: SettingsDep,
    spun: bool | None = None,
    q: Annotated[str | None, Query(max_length=500, description="words in the title or text")] = None,
    limit: Annotated[int | None, Query(ge=1, le=1_000_000)] = None,
    cursor: str | None = None,
) -> ArticlePage:
    return store.list_articles(db, spun=spun, q=q, limit=_page_size(limit, settings), cursor=cursor)


@router.get("/articles/{article_id}", response_model=ArticleDetail, responses={**AUTH_ERRORS, **NOT_FOUND})
def get_article(article_id: str, db: SessionDep, principal: Reader) -> ArticleDetail:
    return store.get_article(db, article_id)


def _reextract(engine: Engine, article_id: str, result: ArticleResult, reviewer: str) -> Stored:
    with session_scope(engine) as session:
        return store.reextract(session, article_id, result, reviewer=reviewer)


def _stored_input(engine: Engine, article_id: str) -> Input:
    with session_scope(engine) as session:
        detail = session.get(store.Article, article_id)
        if detail is None:
            raise store.NotFound(f"no article {article_id!r}")
        return Input(detail.raw, detail.is_html, detail.source, None)


@router.post(
    "/articles/{article_id}/reextract",
    response_model=Stored,
    responses={**AUTH_ERRORS, **NOT_FOUND, 422: {"model": ErrorBody}},
    summary="Re-extract with the current pipeline, keeping reviewers' corrections",
)
async def reextract_article(article_id: str, principal: Reviewer, settings: SettingsDep, engine: EngineDep) -> Stored:
    given = await run_in_threadpool(_stored_input, engine, article_id)
    result = await run_extraction(given, settings)
    return await run_in_threadpool(_reextract, engine, article_id, result, principal.name)


@router.post(
    "/articles/{article_id}/records",
    response_model=StoredRecord,
    status_code=201,
    responses={**AUTH_ERRORS, **NOT_FOUND, 422: {"model": ErrorBody}},
    summary="Add a study record the extractor missed (fields given are marked corrected)",
)
def create_record(
    article_id: str, body: NewRecord, db: SessionDep, principal: Reviewer, response: Response
) -> StoredRecord:
    record = store.create_record(db, article_id, record=body, reviewer=principal.name, reason=body.reason)
    response.headers["ETag"] = f'"{record.version}"'
    response.headers["Location"] = f"/v1/records/{quote(record.id, safe='')}"
    return record


# --- records --------------------------------------------------------------------------------------------------


def record_filters(
    article_id: str | None = None,
    design: Design | None = None,
    intervention: Annotated[str | None, Query(max_length=200, description="part of an intervention's name")] = None,
    route: Route | None = None,
    min_sample_size: Annotated[int | None, Query(ge=0, le=2**31 - 1)] = None,
    reviewed: bool | None = None,
) -> store.RecordFilters:
    return store.RecordFilters(article_id, design, intervention, route, min_sample_size, reviewed)


FiltersDep = Annotated[store.RecordFilters, Depends(record_filters)]


@router.get("/records", response_model=RecordPage, responses={**AUTH_ERRORS, 422: {"model": ErrorBody}})
def list_records(
    db: SessionDep,
    principal: Reader,
    settings: SettingsDep,
    filters: FiltersDep,
    limit: Annotated[int | None, Query(ge=1, le=1_000_000)] = None,
    cursor: str | None = None,
) -> RecordPage:
    return store.list_records(db, filters, _page_size(limit, settings), cursor)


@router.get("/records/{record_id}", response_model=StoredRecord, responses={**AUTH_ERRORS, **NOT_FOUND})
def get_record(record_id: str, db: SessionDep, principal: Reader, response: Response) -> StoredRecord:
    record = store.get_record(db, record_id)
    response.headers["ETag"] = f'"{record.version}"'
    return record


def _version(if_match: str | None) -> int:
    if if_match is None:
        raise HTTPException(428, "If-Match: <version> is required (the version you read, e.g. from the ETag)")
    value = if_match.strip()
    value = value.removeprefix("W/").strip('"')
    if not value.isdigit() or len(value) > 12:
        raise HTTPException(422, 'If-Match must be the record\'s version, e.g. If-Match: "3"')
    return int(value)


@router.patch(
    "/records/{record_id}",
    response_model=StoredRecord,
    responses={
        **AUTH_ERRORS,
        **NOT_FOUND,
        409: {"model": Conflict, "description": "stale version: the current record"},
        422: {"model": ErrorBody},
        428: {"model": ErrorBody, "description": "If-Match missing"},
    },
    summary="Correct, accept or reject fields of a record (optimistic concurrency with If-Match)",
)
def patch_record(
    record_id: str,
    patch: RecordPatch,
    db: SessionDep,
    principal: Reviewer,
    response: Response,
    if_match: Annotated[str | None, Header(description="the record's version, as in its ETag")] = None,
) -> StoredRecord:
    expected = _version(if_match)
    record = store.apply_patch(db, record_id, expected_version=expected, patch=patch, reviewer=principal.name)
    response.headers["ETag"] = f'"{record.version}"'
    return record


@router.get("/records/{record_id}/history", response_model=History, responses={**AUTH_ERRORS, **NOT_FOUND})
def record_history(record_id: str, db: SessionDep, principal: Reader) -> History:
    return History(items=store.record_history(db, record_id))


@router.post(
    "/records/merge",
    response_model=StoredRecord,
    status_code=201,
    responses={
        **AUTH_ERRORS,
        **NOT_FOUND,
        409: {"model": MergeConflict, "description": "a record changed since the version given: the current records"},
        422: {"model": ErrorBody},
    },
    summary="Merge records of one article into a new record (with the version read of each)",
)
def merge_records(body: MergeRequest, db: SessionDep, principal: Reviewer) -> StoredRecord:
    return store.merge_records(db, body.ids, principal.name, body.reason, versions=body.versions)


@router.post(
    "/records/{record_id}/split",
    response_model=SplitResult,
    status_code=201,
    responses={**AUTH_ERRORS, **NOT_FOUND, 409: {"model": Conflict}, 422: {"model": ErrorBody}},
    summary="Move list items of a record into a new record",
)
def split_record(record_id: str, body: SplitRequest, db: SessionDep, principal: Reviewer) -> SplitResult:
    source, created = store.split_record(db, record_id, body.moves, principal.name, body.reason)
    return SplitResult(source=source, created=created)


@router.get(
    "/export",
    responses={
        200: {"content": {"application/x-ndjson": {}, "text/csv": {}}, "description": "a stream of records"},
        **AUTH_ERRORS,
        422: {"model": ErrorBody},
    },
    response_class=StreamingResponse,
    summary="Records with corrections applied, as JSON Lines or CSV (one row per record-intervention)",
)
def export_records(
    principal: Reader, engine: EngineDep, filters: FiltersDep, format: Literal["jsonl", "csv"] = "jsonl"
) -> StreamingResponse:
    if format == "csv":
        headers = {"Content-Disposition": 'attachment; filename="studysift-records.csv"'}
        return StreamingResponse(export.csv_lines(engine, filters), media_type="text/csv", headers=headers)
    headers = {"Content-Disposition": 'attachment; filename="studysift-records.jsonl"'}
    return StreamingResponse(export.jsonl(engine, filters), media_type="application/x-ndjson", headers=headers)


# --- users ----------------------------------------------------------------------------------------------------


@router.get("/me", responses=AUTH_ERRORS, summary="Who the caller is")
def me(principal: Reader) -> dict[str, str]:
    return {"name": principal.name, "role": principal.role}


@router.get("/users", response_model=list[UserOut], responses=AUTH_ERRORS)
def list_users(db: SessionDep, principal: Admin) -> list[UserOut]:
    users = db.scalars(select(User).order_by(User.name))
    return [UserOut(name=u.name, role=u.role, created_at=u.created_at) for u in users]


@router.post(
    "/users",
    response_model=NewUser,
    status_code=201,
    responses={**AUTH_ERRORS, 409: {"model": ErrorBody, "description": "name taken"}, 422: {"model": ErrorBody}},
)
def add_user(body: UserCreate, db: SessionDep, principal: Admin) -> NewUser:
    try:
        user, key = create_user(db, body.name, body.role)
    except ValueError as e:
        raise HTTPException(409, str(e)) from None
    return NewUser(name=user.name, role=user.role, created_at=user.created_at, key=key)
