"""With 2 workers, results come out in input order by default, and all of them (in any order) with unordered."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipelines.runner import BatchOptions, run_batch
from tests.pipelines.dumps import FAKE, out_ids, write


def test_runner_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAKE_EXTRACT_DELAY_S", "0.002")
    rows = [{"id": f"x{i:03d}", "text": f"article {i} " + "word " * (i * 37 % 300)} for i in range(300)]
    dump = write(tmp_path / "dump.jsonl", "".join(json.dumps(r) + "\n" for r in rows))
    ids = [r["id"] for r in rows]
    for ordered in (True, False):
        out = tmp_path / f"out-{ordered}.jsonl"
        opts = BatchOptions(inputs=[str(dump)], out=str(out), workers=2, ordered=ordered, quiet=True, extract_spec=FAKE)
        stats = run_batch(opts)
        assert stats.results == 300 and stats.words == sum(len(r["text"].split()) for r in rows)
        assert (out_ids(out) if ordered else sorted(out_ids(out))) == ids
