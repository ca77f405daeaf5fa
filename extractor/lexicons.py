"""Reading the data files that hold patterns and lexicons (``extractor/data/``), so none live in code literals."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import srsly

DATA_DIR = Path(__file__).parent / "data"


def data_path(name: str) -> Path:
    return DATA_DIR / name


def model_file(name: str) -> Path | None:
    """The model file ``name`` names (relative to ``extractor/data`` unless absolute), or ``None`` when ``name`` is
    empty or the file is not there: a component then runs without its model."""
    if not name:
        return None
    path = Path(name) if Path(name).is_absolute() else data_path(name)
    return path if path.is_file() else None


def read_jsonl(name: str | Path) -> list[dict[str, Any]]:
    path = name if isinstance(name, Path) else data_path(name)
    return list(srsly.read_jsonl(path))


def read_tsv(name: str | Path) -> Iterator[list[str]]:
    """Rows of a tab-separated data file, skipping blank lines and ``#`` comments."""
    path = name if isinstance(name, Path) else data_path(name)
    with path.open(encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row and row[0].strip() and not row[0].startswith("#"):
                yield [cell.strip() for cell in row]
