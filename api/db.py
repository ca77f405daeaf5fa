"""Engines, sessions and migrations: SQLite (WAL, synchronous=FULL, busy timeout) by default, PostgreSQL by URL.

SQLite transactions that write start with ``BEGIN IMMEDIATE`` (``write_session``/``begin_write``): a deferred
transaction that reads and then writes can fail with "database is locked" without waiting; an immediate one waits
its turn under the busy timeout instead.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from fastapi import Request
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session, SessionTransaction, sessionmaker

from studysift.settings import get_settings

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
IMMEDIATE = "sqlite_immediate"  # execution option: start this connection's transactions with BEGIN IMMEDIATE


def make_engine(url: str, *, busy_timeout_ms: int | None = None) -> Engine:
    """An engine for ``url``; SQLite gets WAL, synchronous=FULL, a busy timeout and foreign keys."""
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)
    timeout_ms = get_settings().sqlite_busy_timeout_ms if busy_timeout_ms is None else busy_timeout_ms
    engine = create_engine(url, connect_args={"timeout": timeout_ms / 1000, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # SQLAlchemy, not the driver, emits BEGIN (see _on_begin)
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute(f"PRAGMA busy_timeout={int(timeout_ms)}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(IMMEDIATE) else "BEGIN")

    return engine


def is_sqlite(engine_or_session: Engine | Session) -> bool:
    bind = engine_or_session.get_bind() if isinstance(engine_or_session, Session) else engine_or_session
    return bind.dialect.name == "sqlite"


_WRITE_LOCKS: dict[str, threading.Lock] = {}
_WRITE_LOCKS_GUARD = threading.Lock()
_HELD = "studysift_write_lock"


def _write_lock(engine: Engine) -> threading.Lock:
    with _WRITE_LOCKS_GUARD:
        return _WRITE_LOCKS.setdefault(str(engine.url), threading.Lock())


@event.listens_for(Session, "after_transaction_end")
def _release_write_lock(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None and (lock := session.info.pop(_HELD, None)) is not None:
        lock.release()


def begin_write(session: Session) -> None:
    """Make the session's next transaction a write transaction (BEGIN IMMEDIATE on SQLite).

    A transaction the session already has open is committed first when it holds no pending changes (it can only
    have read); one with pending changes is left alone (it already holds SQLite's write lock once flushed).
    Writers of one process also queue on a lock of their own (released when the transaction ends): SQLite's busy
    handler polls with sleeps of up to 100 ms, a lock hands over at once."""
    if not is_sqlite(session) or _HELD in session.info:
        return
    if session.in_transaction():
        if session.new or session.dirty or session.deleted:
            return
        session.commit()
    lock = _write_lock(session.get_bind().engine)
    lock.acquire()
    session.info[_HELD] = lock
    try:
        session.connection(execution_options={IMMEDIATE: True})
    except BaseException:
        session.rollback()
        raise


def migrate(engine_or_url: Engine | str) -> None:
    """Upgrade the database to the newest schema (Alembic ``upgrade head``, programmatic)."""
    from alembic import command
    from alembic.config import Config

    engine = make_engine(engine_or_url) if isinstance(engine_or_url, str) else engine_or_url
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%"))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    if isinstance(engine_or_url, str):
        engine.dispose()


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """A session that commits on success and rolls back on error."""
    with session_factory(engine)() as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


def get_engine(request: Request) -> Engine:
    engine: Engine = request.app.state.engine
    return engine


def get_db(request: Request) -> Iterator[Session]:
    """FastAPI dependency: one session per request (store functions commit their own writes)."""
    with session_scope(get_engine(request)) as session:
        yield session
