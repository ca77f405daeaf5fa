"""Subcommands of this package, registered on the ``studysift`` app (heavy imports stay inside the commands):
``serve``, ``users add``, ``ingest`` and ``db upgrade``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

INPUT_SUFFIXES = {".txt", ".html", ".htm", ".xhtml"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}

users_app = typer.Typer(no_args_is_help=True, help="API users and their keys.")
db_app = typer.Typer(no_args_is_help=True, help="The database.")


def _fail(message: str) -> typer.Exit:
    typer.echo(f"studysift: error: {message}", err=True)
    return typer.Exit(2)


@users_app.command("add")
def users_add(
    name: Annotated[str, typer.Argument(help="the user's name (recorded with each correction)")],
    role: Annotated[str, typer.Option("--role", help="reader, reviewer or admin")] = "reviewer",
) -> None:
    """Add a user and print the new API key (its last line; shown only once)."""
    from api.auth import create_user
    from api.db import make_engine, migrate, session_scope
    from studysift.settings import get_settings

    engine = make_engine(get_settings().database_url)
    migrate(engine)
    try:
        with session_scope(engine) as session:
            user, key = create_user(session, name, role)
    except ValueError as e:
        raise _fail(str(e)) from None
    typer.echo(f"added {user.name} ({user.role}); the API key (Authorization: Bearer <key>), shown only once:")
    typer.echo(key)


@users_app.command("list")
def users_list() -> None:
    """List users and roles (keys are stored hashed and cannot be shown)."""
    from sqlalchemy import select

    from api.db import make_engine, migrate, session_scope
    from api.tables import User
    from studysift.settings import get_settings

    engine = make_engine(get_settings().database_url)
    migrate(engine)
    with session_scope(engine) as session:
        for user in session.scalars(select(User).order_by(User.name)):
            typer.echo(f"{user.name}\t{user.role}")


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Migrate the database (STUDYSIFT_DATABASE_URL) to the newest schema."""
    from api.db import migrate
    from studysift.settings import get_settings

    migrate(get_settings().database_url)
    typer.echo("database at the newest schema")


def _inputs(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES and p.name[0] != "."
            )
        elif path.is_file():
            found.append(path)
        else:
            raise _fail(f"no such file or directory: {path}")
    return found


def ingest(
    paths: Annotated[list[Path], typer.Argument(help="article files (.txt, .html) or directories of them")],
) -> None:
    """Extract articles into the database; an input already stored (same sha256) is skipped."""
    import hashlib

    from api import store
    from api.db import make_engine, migrate, session_scope
    from extractor import InputError, extract
    from studysift.settings import get_settings

    engine = make_engine(get_settings().database_url)
    migrate(engine)
    failed = 0
    for path in _inputs(paths):
        raw = path.read_bytes()
        with session_scope(engine) as session:
            existing = store.find_article_by_sha256(session, hashlib.sha256(raw).hexdigest())
        if existing is not None:
            typer.echo(f"{path}: already stored as {existing}")
            continue
        html = True if path.suffix.lower() in HTML_SUFFIXES else None
        try:
            result = extract(raw, html=html, source=str(path))
        except InputError as e:
            typer.echo(f"studysift: error: {path}: {e}", err=True)
            failed += 1
            continue
        except Exception as e:  # an extractor bug on one file must not stop the others
            typer.echo(f"studysift: error: {path}: extraction failed: {type(e).__name__}: {e}", err=True)
            failed += 1
            continue
        with session_scope(engine) as session:
            article_id = store.save_article(session, raw=raw, result=result, source=str(path), html=html)
        typer.echo(f"{path}: stored as {article_id} ({len(result.records)} records)")
    if failed:
        raise typer.Exit(2)


def serve(
    host: Annotated[str | None, typer.Option(help="address to listen on (STUDYSIFT_HOST)")] = None,
    port: Annotated[int | None, typer.Option(help="port (STUDYSIFT_PORT)")] = None,
) -> None:
    """Serve the HTTP API (/v1, docs at /docs) and the review UI (/review). With no users yet, an admin user is
    created and its key printed once."""
    import uvicorn

    from api.app import create_app
    from api.auth import count_users, create_user
    from api.db import make_engine, migrate, session_scope
    from studysift.settings import get_settings

    settings = get_settings()
    engine = make_engine(settings.database_url)
    migrate(engine)
    with session_scope(engine) as session:
        if count_users(session) == 0:
            _, key = create_user(session, "admin", "admin")
            typer.echo("No users yet: created user 'admin' (role admin). Its API key, shown only this once:")
            typer.echo(f"    {key}")
            typer.echo("Use it as 'Authorization: Bearer <key>' or to sign in at /review; add users with")
            typer.echo("'studysift users add NAME --role reviewer'.")
    engine.dispose()
    host, port = host or settings.host, port or settings.port
    typer.echo(f"studysift API on http://{host}:{port} (docs: /docs, review UI: /review)")
    uvicorn.run(create_app(settings), host=host, port=port, log_level="info")


def register(app: typer.Typer) -> None:
    """Add this package's commands to ``app``."""
    app.command("serve")(serve)
    app.command("ingest")(ingest)
    app.add_typer(users_app, name="users")
    app.add_typer(db_app, name="db")
