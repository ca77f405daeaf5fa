"""Subcommands of this package, registered on the ``studysift`` app (heavy imports stay inside the commands)."""

import typer


def register(app: typer.Typer) -> None:
    """Add this package's commands to ``app``."""
