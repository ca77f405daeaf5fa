"""Shared test fixtures: where ../shared is, and a skip for tests that need its corpora."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = REPO / "seeds" / "ketamine-for-therapy-diaries.txt"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the calling test when it is absent (CI has it; a bare checkout may not)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs {path} (../shared is absent)")
    return path
