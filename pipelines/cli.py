"""Subcommands of this package, registered on the ``studysift`` app (heavy imports stay inside the commands)."""

from __future__ import annotations

from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    """Add this package's commands to ``app``."""
    app.command("batch")(batch_command)


def batch_command(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="directories, .txt/.html/.htm/.xml files, JSON Lines dumps (.jsonl[.gz]), .tar[.gz]/.zip "
            "archives, .warc[.gz] crawls; local paths or fsspec URLs"
        ),
    ],
    out: Annotated[
        str, typer.Option("--out", "-o", help="OUT.jsonl (local engine); a directory or URL for part files (dask)")
    ],
    workers: Annotated[int, typer.Option("--workers", "-w", help="worker processes (default: the cores)")] = 0,
    unordered: Annotated[bool, typer.Option("--unordered", help="write results as they come, not in input order")] = (
        False
    ),
    resume: Annotated[bool, typer.Option("--resume", help="continue a crashed or stopped batch into OUT")] = False,
    retry_errors: Annotated[
        bool, typer.Option("--retry-errors", help="with --resume: redo the articles of the errors file too")
    ] = False,
    overwrite: Annotated[bool, typer.Option("--overwrite", help="replace an existing OUT")] = False,
    engine: Annotated[str, typer.Option("--engine", help="local or dask")] = "local",
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="Dask scheduler address (default: a LocalCluster)")
    ] = None,
    timeout: Annotated[
        float | None, typer.Option("--timeout", help="per-article time limit in seconds (STUDYSIFT_EXTRACT_TIMEOUT_S)")
    ] = None,
    db: Annotated[str | None, typer.Option("--db", help="also store every result in this database URL")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="no progress bar, log lines only")] = False,
    id_field: Annotated[str | None, typer.Option("--id-field", help="JSON Lines id field")] = None,
    text_field: Annotated[str | None, typer.Option("--text-field", help="JSON Lines text field")] = None,
    html_field: Annotated[str | None, typer.Option("--html-field", help="JSON Lines html field")] = None,
) -> None:
    """Extract many articles: one ArticleResult per line in OUT, error rows in OUT's .errors file."""
    from pipelines.runner import BatchError, BatchOptions, run_batch
    from studysift.cli import fail
    from studysift.settings import get_settings

    settings = get_settings().model_copy()
    for name, value in (
        ("jsonl_id_field", id_field),
        ("jsonl_text_field", text_field),
        ("jsonl_html_field", html_field),
    ):
        if value:
            setattr(settings, name, value)
    if retry_errors and not resume:
        raise fail("--retry-errors goes with --resume")
    if workers < 0:
        raise fail("--workers must be positive")
    options = BatchOptions(
        inputs=inputs,
        out=out,
        workers=workers,
        ordered=not unordered,
        resume=resume,
        retry_errors=retry_errors,
        overwrite=overwrite,
        engine=engine,
        scheduler=scheduler,
        quiet=quiet,
        db_url=db,
        timeout_s=timeout,
    )
    try:
        run_batch(options, settings)
    except BatchError as e:
        raise fail(str(e)) from None
