from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from api.auth import principal_for_key
from api.db import make_engine, session_scope
from api.tables import Article, Record
from studysift.cli import app
from studysift.settings import get_settings
from tests.conftest import SEED


@pytest.fixture
def database(db_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("STUDYSIFT_DATABASE_URL", db_url)
    get_settings.cache_clear()
    yield db_url
    get_settings.cache_clear()


def test_cli_commands_users_ingest_upgrade(database: str, tmp_path: Path) -> None:
    runner = CliRunner()
    upgraded = runner.invoke(app, ["db", "upgrade"])
    assert upgraded.exit_code == 0, upgraded.output
    added = runner.invoke(app, ["users", "add", "dana", "--role", "reviewer"])
    assert added.exit_code == 0, added.output
    key = added.output.strip().splitlines()[-1]
    engine = make_engine(database)
    with session_scope(engine) as session:
        principal = principal_for_key(session, key)
    assert principal is not None and (principal.name, principal.role) == ("dana", "reviewer")
    assert runner.invoke(app, ["users", "add", "dana", "--role", "reviewer"]).exit_code == 2
    assert runner.invoke(app, ["users", "add", "eve", "--role", "boss"]).exit_code == 2
    assert "dana\treviewer" in runner.invoke(app, ["users", "list"]).output

    articles = tmp_path / "in"
    articles.mkdir()
    (articles / SEED.name).write_bytes(SEED.read_bytes())
    (articles / "notes.json").write_text("{}")  # not an article: ignored
    first = runner.invoke(app, ["ingest", str(articles)])
    assert first.exit_code == 0, first.output
    assert "stored as" in first.output
    second = runner.invoke(app, ["ingest", str(articles / SEED.name)])
    assert second.exit_code == 0 and "already stored" in second.output
    with session_scope(engine) as session:
        stored = list(session.scalars(select(Article)))
        records = list(session.scalars(select(Record)))
    assert len(stored) == 1 and stored[0].raw == SEED.read_bytes()
    assert all(r.article_id == stored[0].id for r in records)
    assert runner.invoke(app, ["ingest", str(tmp_path / "missing")]).exit_code == 2
    engine.dispose()
