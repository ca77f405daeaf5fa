"""Subcommands of this package, registered on the ``studysift`` app (heavy imports stay inside the commands)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    """Add this package's commands to ``app``."""
    app.command("eval")(eval_command)


def eval_command(
    gold_dir: Annotated[
        Path, typer.Argument(help="a directory of NAME.gold.json files (split folders dev/ and test/)")
    ],
    split: Annotated[str, typer.Option("--split", help="dev, test or all")] = "all",
    as_json: Annotated[bool, typer.Option("--json", help="print the scores as JSON")] = False,
    check_floors: Annotated[
        Path | None, typer.Option("--check-floors", help="floors file (corpora/floors.json): exit 1 below a floor")
    ] = None,
    shared: Annotated[
        Path | None,
        typer.Option("--shared", envvar="STUDYSIFT_SHARED_DIR", help="the shared data directory (default ../shared)"),
    ] = None,
    digest: Annotated[bool, typer.Option("--digest", help="print the gold set's digest and exit")] = False,
    per_doc: Annotated[bool, typer.Option("--per-doc", help="also print per-document F1 of the main fields")] = False,
) -> None:
    """Score extraction against a gold corpus and print per-field precision, recall and F1."""
    import json

    from corpora import scorer

    if split not in ("dev", "test", "all"):
        raise _fail(f"unknown split {split!r} (dev, test or all)")
    if not gold_dir.exists():
        raise _fail(f"{gold_dir}: no such gold directory")
    if digest:
        typer.echo(scorer.gold_digest(gold_dir))
        return
    evaluation = scorer.evaluate(gold_dir, split=split, shared=shared or scorer.DEFAULT_SHARED)
    if as_json:
        data = evaluation.as_dict()
        data["gold_digest"] = scorer.gold_digest(gold_dir)
        typer.echo(json.dumps(data, indent=2))
    else:
        typer.echo(scorer.format_report(evaluation))
        if per_doc:
            typer.echo("\n" + scorer.format_per_doc(evaluation))
    if not evaluation.docs:
        raise _fail(f"no gold document could be scored ({len(evaluation.skipped)} skipped)", 1)
    if check_floors is not None:
        problems = scorer.check_floors(evaluation, check_floors, gold_dir)
        for problem in problems:
            typer.echo(f"studysift eval: floor: {problem}", err=True)
        if problems:
            raise typer.Exit(1)


def _fail(message: str, code: int = 2) -> typer.Exit:
    typer.echo(f"studysift eval: error: {message}", err=True)
    return typer.Exit(code)
