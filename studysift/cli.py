"""The ``studysift`` command. Each package registers its own subcommands; none of them holds NLP logic."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(no_args_is_help=True, add_completion=False, help="Scraped research articles in, study records out.")

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


@app.callback()
def _group() -> None:
    """Scraped research articles in, study records out."""


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print a one-line error and return the Exit to raise."""
    typer.echo(f"studysift: error: {message}", err=True)
    return typer.Exit(code)


@app.command("extract")
def extract_command(
    path: Annotated[str, typer.Argument(help="a .txt or .html/.htm file, or - for stdin")],
    html: Annotated[bool, typer.Option("--html", help="input is HTML (else by extension or sniffing)")] = False,
    fmt: Annotated[str, typer.Option("--format", help="output format")] = "json",
    spin_lexicon: Annotated[
        Path | None, typer.Option("--spin-lexicon", help="extra spin lexicon (tortured-phrases JSON format)")
    ] = None,
) -> None:
    """Extract one article and print its ArticleResult as JSON."""
    from extractor import InputError, extract
    from studysift.settings import get_settings

    if fmt != "json":
        raise fail(f"unknown format {fmt!r} (only 'json')")
    if spin_lexicon is not None:
        get_settings().spin_lexicon = spin_lexicon
    try:
        raw = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as e:
        raise fail(f"cannot read {path}: {e.strerror or e}") from None
    is_html = True if html or Path(path).suffix.lower() in HTML_SUFFIXES else None
    try:
        result = extract(raw, html=is_html, source=None if path == "-" else path)
    except InputError as e:
        raise fail(f"{path}: {e}") from None
    typer.echo(result.model_dump_json(indent=2))


# Subcommands owned by the other packages: eval (corpora), batch (pipelines), serve / users / ingest (api).
for _module in ("corpora.cli", "pipelines.cli", "api.cli"):
    importlib.import_module(_module).register(app)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
