"""On resume, a torn last line is cut off, and the ids of the complete lines of both files are read back."""

from __future__ import annotations

import json
from pathlib import Path

from pipelines.writers import LineWriter, errors_path, line_id, read_ids, truncate_torn_line


def test_writers_resume(tmp_path: Path) -> None:
    assert errors_path(Path("run/out.jsonl")) == Path("run/out.errors.jsonl")
    assert errors_path(Path("out")) == Path("out.errors")
    out = tmp_path / "out.jsonl"
    writer = LineWriter(out, append=False, sync_every=2)
    for i in range(3):
        writer.write(json.dumps({"article": {"id": f"a{i}"}, "text": "x" * 70_000}, separators=(",", ":")))
    writer.close()
    whole = out.read_bytes()
    with out.open("ab") as f:
        f.write(b'{"article":{"id":"torn","text":"never fin')
    assert truncate_torn_line(out) == len(b'{"article":{"id":"torn","text":"never fin')
    assert out.read_bytes() == whole
    assert truncate_torn_line(out) == 0
    assert read_ids(out) == {"a0", "a1", "a2"}
    assert line_id('{"id":"e\\"1","stage":"read"}') == 'e"1'
    assert line_id('{"id": "spaced", "stage": "read"}') == "spaced"
    assert line_id('{"stage":"read","id":"late"}') == "late"
    torn_only = tmp_path / "torn.jsonl"
    torn_only.write_bytes(b'{"id":"half')
    assert truncate_torn_line(torn_only) == 11 and torn_only.read_bytes() == b""
