"""An article over the time limit, one that hangs where SIGALRM cannot reach, one that kills its worker and one
that raises each become one error row; the articles around them go through, in order."""

from __future__ import annotations

from pathlib import Path

from pipelines.runner import BatchOptions, run_batch
from studysift.settings import Settings
from tests.pipelines.dumps import FAKE, out_ids, read_rows, text, write


def test_runner_limits(tmp_path: Path) -> None:
    specials = {3: "SLEEP", 6: "HANG", 9: "CRASH", 12: "BOOM"}
    rows = [f'{{"id": "a{i:02d}", "text": "{text(i)} {specials.get(i, "")}"}}' for i in range(16)]
    dump = write(tmp_path / "dump.jsonl", "\n".join(rows) + "\n")
    out = tmp_path / "out.jsonl"
    settings = Settings(batch_kill_grace_s=1.0)
    opts = BatchOptions(inputs=[str(dump)], out=str(out), workers=2, timeout_s=0.5, quiet=True, extract_spec=FAKE)

    stats = run_batch(opts, settings)

    errors = {str(r["id"]): r for r in read_rows(tmp_path / "out.errors.jsonl")}
    assert {k: (v["stage"], v["error"]) for k, v in errors.items()} == {
        "a03": ("extract", "ArticleTimeout"),
        "a06": ("worker", "ArticleTimeout"),
        "a09": ("worker", "WorkerCrashed"),
        "a12": ("extract", "RuntimeError"),
    }
    assert out_ids(out) == [f"a{i:02d}" for i in range(16) if i not in specials]
    assert stats.results == 12 and sum(stats.errors.values()) == 4
