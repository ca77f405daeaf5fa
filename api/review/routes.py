"""The review UI's pages: sign-in, queue, article view with record forms, record history, raw input.

Pages read through ``api.store``; every change is made by the browser through the API (``PATCH /v1/records/{id}``
with ``If-Match`` and the CSRF header), never here. Templates autoescape everything.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from sqlalchemy.orm import Session

from api import auth, store
from api.db import get_db
from api.review import render
from api.review.queue import Queue, QueueFilters, article_href, build_queue, next_article

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
STATIC_TYPES = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".svg": "image/svg+xml"}
LOGIN_CSRF_COOKIE = "studysift_login_csrf"
QUEUE_MAX = 5000  # records (and articles) read for the queue
QUEUE_SHOWN = 500  # rows shown on the queue page

router = APIRouter(prefix="/review", include_in_schema=False)
templates = Jinja2Templates(directory=str(HERE / "templates"))


@lru_cache
def _static_url(name: str) -> str:
    """The file's URL with a content hash, so browsers cache it and still get a new version at once."""
    digest = hashlib.sha256((STATIC / name).read_bytes()).hexdigest()[:10]
    return f"/review/static/{name}?v={digest}"


templates.env.globals["static"] = _static_url


def _dump(obj: Any) -> dict[str, Any]:
    if hasattr(obj, "model_dump"):
        return obj.model_dump(mode="json")
    return dict(obj)


class SignIn(Exception):
    """Raised by page dependencies when no valid session cookie is present."""


def _session(request: Request) -> tuple[auth.Principal, str]:
    cookie = request.cookies.get(auth.SESSION_COOKIE)
    principal = auth.principal_from_session(cookie) if cookie else None
    csrf = auth.csrf_token_for(cookie) if cookie else None
    if principal is None or csrf is None:
        raise SignIn()
    return principal, csrf


# A page's signed-in reviewer and their CSRF token; without a session the page answers with the sign-in redirect
# (``sign_in_redirect``, registered for ``SignIn`` by the app).
PageSessionDep = Annotated[tuple[auth.Principal, str], Depends(_session)]


def sign_in_redirect(request: Request, exc: Exception) -> RedirectResponse:
    return _login_redirect(request)


def _page(request: Request, name: str, context: dict[str, Any], status_code: int = 200) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def _login_redirect(request: Request) -> RedirectResponse:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse(f"/review/login?next={quote(target, safe='')}", status_code=303)


def _safe_next(value: str | None) -> str:
    if value and value.startswith("/review") and not value.startswith("//") and "\\" not in value:
        return value
    return "/review"


# --- static files ---------------------------------------------------------------------------------------------


@router.get("/static/{name}")
def static_file(name: str) -> FileResponse:
    path = STATIC / name
    if "/" in name or path.suffix not in STATIC_TYPES or not path.is_file():
        raise HTTPException(404, "no such file")
    return FileResponse(path, media_type=STATIC_TYPES[path.suffix], headers={"Cache-Control": "max-age=3600"})


# --- sign in / out --------------------------------------------------------------------------------------------


@router.get("/login", response_model=None)
def login_form(request: Request, next: str | None = None, error: str | None = None) -> HTMLResponse:
    token = secrets.token_urlsafe(24)
    response = _page(
        request,
        "login.html",
        {"principal": None, "csrf": None, "login_csrf": token, "next_url": _safe_next(next), "error": error},
        status_code=401 if error else 200,
    )
    response.set_cookie(LOGIN_CSRF_COOKIE, token, httponly=True, samesite="strict", path="/review", max_age=3600)
    return response


@router.post("/login", response_model=None)
def login(
    request: Request,
    api_key: str = Form(""),
    csrf_token: str = Form(""),
    next: str = Form("/review"),
    db: Session = Depends(get_db),
) -> Response:
    expected = request.cookies.get(LOGIN_CSRF_COOKIE) or ""
    if not expected or not hmac.compare_digest(expected, csrf_token):
        return login_form(request, next, "The sign-in form expired: please try again.")
    principal = auth.principal_for_key(db, api_key.strip()) if api_key.strip() else None
    if principal is None:
        return login_form(request, next, "Unknown API key.")
    cookie, _csrf = auth.issue_session(principal)
    response = RedirectResponse(_safe_next(next), status_code=303)
    response.set_cookie(
        auth.SESSION_COOKIE,
        cookie,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        path="/",
        max_age=auth.SESSION_SECONDS,
    )
    response.delete_cookie(LOGIN_CSRF_COOKIE, path="/review")
    return response


@router.post("/logout", response_model=None)
def logout(request: Request, csrf_token: str = Form("")) -> Response:
    cookie = request.cookies.get(auth.SESSION_COOKIE) or ""
    expected = auth.csrf_token_for(cookie) if cookie else None
    if expected is not None and not hmac.compare_digest(expected, csrf_token):
        raise HTTPException(403, "missing or wrong CSRF token")
    response = RedirectResponse("/review/login", status_code=303)
    response.delete_cookie(auth.SESSION_COOKIE, path="/")
    return response


# --- pages ----------------------------------------------------------------------------------------------------


def _articles(db: Session) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    cursor: str | None = None
    while len(out) < QUEUE_MAX:
        page = _dump(store.list_articles(db, limit=500, cursor=cursor))
        for item in page["items"]:
            out[str(item["id"])] = item
        cursor = page.get("next")
        if not cursor:
            break
    return out


def _records(db: Session) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    cursor: str | None = None
    while len(out) < QUEUE_MAX:
        page = _dump(store.list_records(db, store.RecordFilters(), limit=500, cursor=cursor))
        out += [_dump(r) for r in page["items"]]
        cursor = page.get("next")
        if not cursor:
            break
    return out


def _queue(db: Session, filters: QueueFilters) -> Queue:
    return build_queue(_records(db), _articles(db), filters)


@router.get("", response_model=None)
@router.get("/", response_model=None)
def queue_page(
    request: Request,
    session: PageSessionDep,
    design: str = "",
    spun: str = "",
    unreviewed: str = "",
    sort: str = "confidence",
    db: Session = Depends(get_db),
) -> Response:
    principal, csrf = session
    filters = QueueFilters(
        design=design if design in render.DESIGNS else "",
        spun=bool(spun),
        unreviewed=bool(unreviewed),
        sort=sort if sort in ("confidence", "article") else "confidence",
    )
    queue = _queue(db, filters)
    return _page(
        request,
        "queue.html",
        {
            "principal": principal,
            "csrf": csrf,
            "items": queue.items[:QUEUE_SHOWN],
            "more": max(0, len(queue.items) - QUEUE_SHOWN),
            "counts": queue.counts,
            "filters": filters,
            "designs": render.DESIGNS,
            "articles_without_records": queue.articles_without_records,
            "next_href": "/review/next" if queue.article_order else None,
        },
    )


@router.get("/next", response_model=None)
def next_page(request: Request, session: PageSessionDep, after: str = "", db: Session = Depends(get_db)) -> Response:
    """The next article in queue order after ``after`` (the first one without it)."""
    order = _queue(db, QueueFilters()).article_order
    target = next_article(order, after) if after else (order[0] if order else None)
    return RedirectResponse(article_href(target) if target else "/review", status_code=303)


def _not_found(request: Request, principal: auth.Principal, csrf: str, what: str) -> HTMLResponse:
    context = {"principal": principal, "csrf": csrf, "heading": "Not found", "message": f"There is no {what}."}
    return _page(request, "error.html", context, status_code=404)


def _article(db: Session, article_id: str) -> dict[str, Any] | None:
    try:
        return _dump(store.get_article(db, article_id))
    except LookupError:
        return None


@router.get("/articles/{article_id}", response_model=None)
def article_page(request: Request, session: PageSessionDep, article_id: str, db: Session = Depends(get_db)) -> Response:
    principal, csrf = session
    detail = _article(db, article_id)
    if detail is None:
        return _not_found(request, principal, csrf, f"article {article_id!r}")
    result = detail["result"]
    records = [r for r in detail.get("records") or [] if r.get("active", True)]
    text = result.get("text") or ""
    spans = render.article_spans(result, records)
    present = {s.type for s in spans}
    legend = [(k, v) for k, v in render.FIELD_TYPES.items() if k in present or k != "study"]
    spin = (result.get("cleaning") or {}).get("spin") or {}
    views = []
    for rec in records:
        views.append(
            {
                "id": rec["id"],
                "label": rec.get("label") or rec["id"],
                "version": rec.get("version", 1),
                "status": (rec.get("review") or {}).get("status", "unreviewed"),
                "whole": ((rec.get("review") or {}).get("fields") or {}).get("*"),
                "confidence": rec.get("confidence"),
                "rows": render.record_rows(rec),
                "history_href": f"/review/records/{quote(str(rec['id']), safe='')}/history",
                "lists": [(k, lab, len(rec.get(k) or [])) for k, (_, lab, _) in render.LISTS.items()],
            }
        )
    article = result.get("article") or {}
    return _page(
        request,
        "article.html",
        {
            "principal": principal,
            "csrf": csrf,
            "article": {"id": detail["id"], "source": article.get("source")},
            "title": article.get("title") or article.get("source") or detail["id"],
            "text_html": render.highlight(text, spans, render.repairs_of(result)),
            "legend": legend,
            "removed": (result.get("cleaning") or {}).get("removed") or [],
            "spin": {
                "score": spin.get("score") or 0.0,
                "is_spun": spin.get("is_spun"),
                "repairs": spin.get("repairs") or [],
            },
            "coi_status": (result.get("conflicts_of_interest") or {}).get("status") or "not_reported",
            "records": views,
            "new_inputs": render.new_item_inputs(),
            "raw_href": f"{article_href(detail['id'])}/raw",
            "next_href": f"/review/next?after={quote(detail['id'], safe='')}",
            "can_merge": len(records) > 1,
            "designs": render.DESIGNS,
        },
    )


@router.get("/articles/{article_id}/raw", response_model=None)
def raw_page(request: Request, session: PageSessionDep, article_id: str, db: Session = Depends(get_db)) -> Response:
    principal, csrf = session
    detail = _article(db, article_id)
    if detail is None:
        return _not_found(request, principal, csrf, f"article {article_id!r}")
    context = {
        "principal": principal,
        "csrf": csrf,
        "article": {"id": detail["id"], "source": (detail["result"].get("article") or {}).get("source")},
        "raw": detail.get("raw") or "",
        "article_href": article_href(detail["id"]),
    }
    return _page(request, "raw.html", context)


def _history_view(item: dict[str, Any]) -> dict[str, Any]:
    at = item.get("at")
    when = datetime.fromisoformat(at) if isinstance(at, str) else at
    whole = item.get("field") is None  # extract, merge, split...: a snapshot of the whole record

    def evidence(value: Any) -> str | None:
        ev = value.get("evidence") if isinstance(value, dict) else None
        return str(ev["text"]) if isinstance(ev, dict) and "text" in ev else None

    return dict(
        item,
        whole=whole,
        at_display=when.strftime("%Y-%m-%d %H:%M:%S UTC") if isinstance(when, datetime) else str(at),
        old_display="—" if whole else render.summarize(item.get("old")),
        new_display="—" if whole else render.summarize(item.get("new")),
        new_evidence=None if whole else evidence(item.get("new")),
        snapshot=json.dumps(item.get("new"), indent=1, ensure_ascii=False) if whole else None,
        linked=item.get("old") if whole and item.get("old") else None,
    )


@router.get("/records/{record_id}/history", response_model=None)
def history_page(request: Request, session: PageSessionDep, record_id: str, db: Session = Depends(get_db)) -> Response:
    principal, csrf = session
    try:
        record = _dump(store.get_record(db, record_id))
        history = [_dump(h) for h in store.record_history(db, record_id)]
    except LookupError:
        return _not_found(request, principal, csrf, f"record {record_id!r}")
    items = [_history_view(h) for h in history]
    context = {
        "principal": principal,
        "csrf": csrf,
        "record": {"id": record["id"], "label": record.get("label") or record["id"], "version": record.get("version")},
        "items": items,
        "article_href": f"{article_href(str(record['article_id']))}#record-{record['id']}",
    }
    return _page(request, "history.html", context)
