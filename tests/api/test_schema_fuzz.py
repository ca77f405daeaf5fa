"""Schemathesis against the app's own OpenAPI schema (in process, ASGI): no 5xx, every answer as documented.

The app runs on a throwaway SQLite file (and, when ``STUDYSIFT_TEST_POSTGRES_URL`` is set, on a throwaway
PostgreSQL database) holding one known article, authenticated as a reviewer."""

from __future__ import annotations

import shutil
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from api.app import create_app
from api.db import session_scope
from api.store import record_version, save_article
from studysift.settings import Settings
from tests.api.conftest import POSTGRES_URL, TEXT, add_user, sample_result

TMP = Path(tempfile.mkdtemp(prefix="studysift-fuzz-"))
PG_DATABASE = f"studysift_fuzz_{uuid.uuid4().hex[:10]}"
KNOWN = {"record_id": ("a1-r1", "a1-r2"), "article_id": ("a1",)}
CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]


def _app(url: str) -> tuple[FastAPI, str]:
    app = create_app(Settings(database_url=url, max_text_chars=2_000), warm=False)
    key = add_user(app.state.engine, "fuzzer", "reviewer")
    with session_scope(app.state.engine) as session:
        save_article(session, raw=TEXT, result=sample_result())
    return app, key


def _postgres_url() -> str:
    assert POSTGRES_URL
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{PG_DATABASE}"'))
    admin.dispose()
    return make_url(POSTGRES_URL).set(database=PG_DATABASE).render_as_string(hide_password=False)


APPS = {"sqlite": _app(f"sqlite:///{TMP / 'studysift.db'}")}
if POSTGRES_URL:
    APPS["postgres"] = _app(_postgres_url())


@pytest.fixture(scope="module", autouse=True)
def _cleanup() -> Iterator[None]:
    yield
    for app, _ in APPS.values():
        app.state.engine.dispose()
    shutil.rmtree(TMP, ignore_errors=True)
    if POSTGRES_URL:
        admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{PG_DATABASE}" WITH (FORCE)'))
        admin.dispose()


def _call(case: schemathesis.Case, backend: str) -> None:
    """Every other case targets the stored records (with their current version), so generated patches, splits and
    re-extractions reach the store instead of stopping at 404."""
    app, key = APPS[backend]
    headers = {"Authorization": f"Bearer {key}"}
    if not len(repr(case.body)) % 2 and case.path_parameters:
        for name, values in KNOWN.items():
            if name in case.path_parameters:
                case.path_parameters[name] = values[len(repr(case.query)) % len(values)]
        record_id = case.path_parameters.get("record_id")
        if case.method == "PATCH" and record_id:
            with session_scope(app.state.engine) as session:
                headers["If-Match"] = str(record_version(session, record_id))
    case.call_and_validate(headers=headers, checks=CHECKS)


schema = schemathesis.openapi.from_asgi("/openapi.json", APPS["sqlite"][0])


@schema.parametrize()
@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
def test_schema_fuzz_sqlite(case: schemathesis.Case) -> None:
    _call(case, "sqlite")


if POSTGRES_URL:
    schema_postgres = schemathesis.openapi.from_asgi("/openapi.json", APPS["postgres"][0])

    @schema_postgres.parametrize()
    @settings(max_examples=5, deadline=None, suppress_health_check=list(HealthCheck))
    def test_schema_fuzz_postgres(case: schemathesis.Case) -> None:
        _call(case, "postgres")
