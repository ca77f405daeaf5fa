"""Extraction for the API: read the input from a request (JSON or a multipart upload) and run the extractor off
the event loop. No NLP here: this only calls ``extractor.extract``."""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
from dataclasses import dataclass
from typing import Any

from fastapi import HTTPException, Request
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from api import metrics
from api.schemas import ExtractRequest
from extractor import InputError, InputTooLarge
from extractor.models import ArticleResult
from studysift.settings import Settings

log = logging.getLogger("studysift.api")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_LOCK = threading.Lock()  # one extraction at a time: the shared spaCy pipeline is not documented thread-safe

# The request body of the extraction calls, for OpenAPI: JSON or a multipart upload.
EXTRACT_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": ExtractRequest.model_json_schema()},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {
                        "file": {"type": "string", "format": "binary"},
                        "source": {"type": "string"},
                        "html": {"type": "boolean"},
                    },
                }
            },
        },
    }
}


@dataclass
class Input:
    raw: bytes | str
    html: bool | None
    source: str | None
    article_id: str | None

    @property
    def sha256(self) -> str:
        raw = self.raw if isinstance(self.raw, bytes) else self.raw.encode("utf-8", "surrogatepass")
        return hashlib.sha256(raw).hexdigest()


def _unprocessable(detail: Any) -> HTTPException:
    return HTTPException(422, detail)


async def read_input(request: Request) -> Input:
    """The article in a request: JSON ``{"text"|"html", "source", "id"}`` or a multipart ``file`` field."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "multipart/form-data":
        form = await request.form()
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise _unprocessable("multipart body needs a 'file' field holding the article")
        raw = await upload.read()
        source = form.get("source")
        html_field = form.get("html")
        name = (upload.filename or "").lower()
        html: bool | None = None
        if (
            isinstance(html_field, str)
            and html_field.lower() in ("true", "1", "yes")
            or name.endswith(HTML_SUFFIXES)
            or (upload.content_type or "").startswith("text/html")
        ):
            html = True
        given_source = source if isinstance(source, str) else upload.filename or None
        return Input(raw, html, given_source.replace("\x00", "") if given_source else None, None)
    if content_type not in ("application/json", ""):
        raise HTTPException(415, "send JSON ({'text': ...} or {'html': ...}) or a multipart/form-data file upload")
    body = await request.body()
    try:
        given = ExtractRequest.model_validate(json.loads(body))
    except (ValueError, ValidationError) as e:
        detail = json.loads(e.json()) if isinstance(e, ValidationError) else f"body is not JSON: {e}"
        raise _unprocessable(detail) from None
    if (given.text is None) == (given.html is None):
        raise _unprocessable("give exactly one of 'text' and 'html'")
    article = given.text if given.text is not None else given.html
    assert article is not None
    return Input(article, given.html is not None, given.source, given.id)


def _extract_now(given: Input, settings: Settings) -> ArticleResult:
    from extractor import extract

    size = len(given.raw.encode("utf-8", "surrogatepass") if isinstance(given.raw, str) else given.raw)
    if size > settings.max_input_bytes:
        raise InputTooLarge(f"input of {size} bytes is beyond the limit of {settings.max_input_bytes} bytes")
    if not given.html and len(given.raw) > settings.max_text_chars:
        raise InputTooLarge(
            f"text of {len(given.raw)} characters is beyond the extractor's limit of {settings.max_text_chars}"
            " (STUDYSIFT_MAX_TEXT_CHARS)"
        )
    with _LOCK:
        start = time.perf_counter()
        try:
            return extract(given.raw, html=given.html, source=given.source, article_id=given.article_id)
        finally:
            metrics.EXTRACTION.observe(time.perf_counter() - start)


async def run_extraction(given: Input, settings: Settings) -> ArticleResult:
    """Extract in a worker thread; bad input is 422, too large 413."""
    try:
        return await run_in_threadpool(_extract_now, given, settings)
    except InputTooLarge as e:
        raise HTTPException(413, str(e)) from None
    except InputError as e:
        raise _unprocessable(str(e)) from None
    except RecursionError:
        raise _unprocessable("the input is nested too deeply to read") from None
    except Exception:
        # An extractor bug must not become a 500 for the caller; it is logged with its traceback.
        log.exception("extraction failed")
        raise _unprocessable("the extractor could not read this input (logged on the server)") from None
