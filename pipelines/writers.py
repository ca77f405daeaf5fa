"""The output and errors files of a local batch: appended line by line, flushed and fsynced in small batches, and
on ``--resume`` cut back to their last whole line and read for the ids already done."""

from __future__ import annotations

import contextlib
import json
import os
import time
from pathlib import Path
from typing import IO

_OUT_PREFIX = '{"article":{"id":'
_ERR_PREFIX = '{"id":'
_decoder = json.JSONDecoder()


def errors_path(out: Path) -> Path:
    """``out.jsonl`` → ``out.errors.jsonl`` (``.errors`` before the extension; ``out`` → ``out.errors``)."""
    return out.with_name(f"{out.stem}.errors{out.suffix}") if out.suffix else out.with_name(out.name + ".errors")


def truncate_torn_line(path: Path) -> int:
    """Cut ``path`` back to the end of its last complete line (a kill -9 may leave half a line); bytes cut."""
    if not path.exists():
        return 0
    with path.open("rb+") as f:
        size = f.seek(0, os.SEEK_END)
        end = size
        while end > 0:
            step = min(65536, end)
            f.seek(end - step)
            chunk = f.read(step)
            newline = chunk.rfind(b"\n")
            if newline >= 0:
                end = end - step + newline + 1
                break
            end -= step
        if end != size:
            f.truncate(end)
            f.flush()
            os.fsync(f.fileno())
        return size - end


def line_id(line: str) -> str:
    """The article id of an output or error line (fast path: the id is the first key that each writer writes)."""
    for prefix in (_OUT_PREFIX, _ERR_PREFIX):
        if line.startswith(prefix):
            with contextlib.suppress(ValueError):
                value, _ = _decoder.raw_decode(line, len(prefix))
                return str(value)
    obj = json.loads(line)
    return str(obj["article"]["id"] if "article" in obj else obj["id"])


def read_ids(path: Path) -> set[str]:
    """Ids of the complete lines of ``path`` (call ``truncate_torn_line`` first)."""
    ids: set[str] = set()
    if path.exists():
        with path.open(encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    ids.add(line_id(line))
    return ids


class LineWriter:
    """Append-only JSON Lines file: each line written whole, flushed + fsynced every ``sync_every`` lines or
    ``sync_seconds``, so that after a crash at most the lines of the last unsynced batch are lost (and redone)."""

    def __init__(self, path: Path, *, append: bool, sync_every: int = 64, sync_seconds: float = 1.0) -> None:
        self.path = path
        self._f: IO[str] = path.open("a" if append else "w", encoding="utf-8", newline="\n")
        self._pending = 0
        self._sync_every = sync_every
        self._sync_seconds = sync_seconds
        self._last_sync = time.monotonic()

    def write(self, line: str) -> None:
        self._f.write(line + "\n")
        self._pending += 1
        if self._pending >= self._sync_every or time.monotonic() - self._last_sync >= self._sync_seconds:
            self.sync()

    def sync(self) -> None:
        if self._pending:
            self._f.flush()
            os.fsync(self._f.fileno())
            self._pending = 0
        self._last_sync = time.monotonic()

    def close(self) -> None:
        self.sync()
        self._f.close()
