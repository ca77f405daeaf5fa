"""The FastAPI application: ``create_app(settings)`` (tests build one per temp database); ``app`` for uvicorn."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from sqlalchemy import text
from starlette.concurrency import run_in_threadpool

from api import metrics, store
from api.db import make_engine, migrate, session_scope
from api.middleware import BodyLimit, Metrics, RejectNul, SecurityHeaders
from api.review import SignIn, sign_in_redirect
from api.review import router as review_router
from api.routes import router as v1_router
from api.schemas import Conflict, Health, MergeConflict
from studysift.settings import Settings, get_settings

log = logging.getLogger("studysift.api")


def create_app(settings: Settings | None = None, *, migrate_db: bool = True, warm: bool = True) -> FastAPI:
    """The app on ``settings.database_url``, migrated to the newest schema unless ``migrate_db`` is false."""
    settings = settings or get_settings()
    engine = make_engine(settings.database_url, busy_timeout_ms=settings.sqlite_busy_timeout_ms)
    if migrate_db:
        try:
            migrate(engine)
        except Exception:  # extraction still works without a database; /healthz reports it
            log.exception("database migration failed")

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if warm:
            from extractor import load

            await run_in_threadpool(load)
        yield
        engine.dispose()

    from extractor import PIPELINE_VERSION

    app = FastAPI(
        title="studysift",
        version=PIPELINE_VERSION,
        summary="Scraped research articles in, structured study records out.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.engine = engine

    @app.exception_handler(store.NotFound)
    async def _not_found(request: Request, exc: store.NotFound) -> JSONResponse:
        return JSONResponse({"detail": str(exc.args[0] if exc.args else exc)}, status_code=404)

    @app.exception_handler(store.PatchError)
    @app.exception_handler(store.BadCursor)
    async def _unprocessable(request: Request, exc: ValueError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=422)

    @app.exception_handler(store.VersionConflict)
    async def _conflict(request: Request, exc: store.VersionConflict) -> JSONResponse:
        body = Conflict(current=exc.current).model_dump(mode="json")
        return JSONResponse(body, status_code=409, headers={"ETag": f'"{exc.current.version}"'})

    @app.exception_handler(store.StaleRecords)
    async def _stale(request: Request, exc: store.StaleRecords) -> JSONResponse:
        body = MergeConflict(current=exc.current, stale=exc.stale).model_dump(mode="json")
        return JSONResponse(body, status_code=409)

    @app.get("/healthz", response_model=Health, tags=["ops"])
    def healthz() -> Health:
        try:
            with session_scope(engine) as session:
                session.execute(text("SELECT 1"))
            database = True
        except Exception:
            database = False
        return Health(status="ok" if database else "degraded", database=database, pipeline_version=PIPELINE_VERSION)

    @app.get("/metrics", tags=["ops"], response_class=Response, responses={200: {"content": {"text/plain": {}}}})
    def prometheus_metrics() -> Response:
        body, content_type = metrics.exposition()
        return Response(body, media_type=content_type)

    app.include_router(v1_router)
    app.include_router(review_router)
    app.add_exception_handler(SignIn, sign_in_redirect)  # review pages without a session: to the sign-in page
    app.add_middleware(RejectNul)
    app.add_middleware(Metrics)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)
    return app


def __getattr__(name: str) -> FastAPI:
    """``api.app:app`` for ``uvicorn api.app:app``: built on first use from the environment's settings."""
    if name == "app":
        return create_app()
    raise AttributeError(name)
