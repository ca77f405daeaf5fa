"""Fixtures of the API tests: every database test runs on SQLite and, when ``STUDYSIFT_TEST_POSTGRES_URL`` is set
(CI sets it), on PostgreSQL too, on the same migrations."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from api.app import create_app
from api.auth import create_user
from api.db import make_engine, migrate, session_scope
from api.store import save_article
from api.tables import Base
from extractor.models import (
    Article,
    ArticleResult,
    DesignField,
    Evidence,
    Intervention,
    Outcome,
    SampleSize,
    StudyRecord,
)
from studysift.settings import Settings

POSTGRES_URL = os.environ.get("STUDYSIFT_TEST_POSTGRES_URL")
BACKENDS = ["sqlite", "postgres"]

TEXT = (
    "In a randomized controlled trial, 120 patients with depression received ketamine 0.5 mg/kg intravenously "
    "or placebo. Depression scores improved at 24 hours. A second cohort study of 40 patients took esketamine "
    "intranasally; pain decreased."
)


def _span(fragment: str) -> Evidence:
    start = TEXT.index(fragment)
    return Evidence(start=start, end=start + len(fragment), text=fragment)


def sample_result(raw: str = TEXT, article_id: str = "a1") -> ArticleResult:
    """A hand-made ArticleResult with two records (no extraction needed)."""
    r1 = StudyRecord(
        id="r1",
        label="randomized controlled trial, 120 patients",
        design=DesignField(
            value="randomized_controlled_trial", evidence=_span("randomized controlled trial"), confidence=0.9
        ),
        randomized=True,
        sample_size=SampleSize(value=120, unit="patients", evidence=_span("120 patients"), confidence=0.8),
        interventions=[
            Intervention(name="ketamine", route="intravenous", evidence=_span("ketamine"), confidence=0.9),
            Intervention(name="placebo", confidence=0.5),
        ],
        outcomes=[Outcome(name="depression scores", direction="improved", confidence=0.7)],
    )
    r2 = StudyRecord(
        id="r2",
        label="cohort study, 40 patients",
        design=DesignField(value="cohort_study", confidence=0.6),
        sample_size=SampleSize(value=40, unit="patients", confidence=0.6),
        interventions=[Intervention(name="esketamine", route="intranasal", confidence=0.8)],
        outcomes=[Outcome(name="pain", direction="decreased", confidence=0.6)],
    )
    return ArticleResult(article=Article(id=article_id, sha256="0" * 64), text=TEXT, records=[r1, r2])


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[str]:
    """A throwaway database on the test PostgreSQL server, dropped at the end."""
    if not POSTGRES_URL:
        pytest.skip("STUDYSIFT_TEST_POSTGRES_URL is not set (CI sets it)")
    name = f"studysift_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    migrate(url)
    yield url
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'studysift.db'}"
    url: str = request.getfixturevalue("postgres_database")
    engine = create_engine(url)
    with engine.begin() as conn:
        tables = ", ".join(t.name for t in Base.metadata.sorted_tables)
        conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    engine.dispose()
    return url


@pytest.fixture
def settings(db_url: str) -> Settings:
    return Settings(database_url=db_url, anonymous_read=False, session_secret="test-secret")


@pytest.fixture
def app(settings: Settings) -> Iterator[FastAPI]:
    app = create_app(settings, warm=False)
    yield app
    app.state.engine.dispose()


@pytest.fixture
def engine(app: FastAPI) -> Engine:
    engine: Engine = app.state.engine
    return engine


@pytest.fixture
def client(app: FastAPI) -> TestClient:
    return TestClient(app)


def add_user(engine: Engine, name: str, role: str) -> str:
    with session_scope(engine) as session:
        return create_user(session, name, role)[1]


@pytest.fixture
def keys(engine: Engine) -> dict[str, str]:
    """An API key per role."""
    return {role: add_user(engine, f"{role}-user", role) for role in ("reader", "reviewer", "admin")}


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


@pytest.fixture
def article_id(engine: Engine) -> str:
    """A stored article with two known records: ``a1-r1`` and ``a1-r2``."""
    with session_scope(engine) as session:
        return save_article(session, raw=TEXT, result=sample_result())


__all__ = ["TEXT", "add_user", "bearer", "make_engine", "sample_result"]
