"""--resume leaves error rows alone; --resume --retry-errors redoes them (each id still once across the files)."""

from __future__ import annotations

from pathlib import Path

from pipelines.runner import BatchOptions, run_batch
from tests.pipelines.dumps import FAKE, err_ids, out_ids, write


def test_runner_retry(tmp_path: Path) -> None:
    dump = write(tmp_path / "dump.jsonl", '{"id": "ok", "text": "fine"}\n{"id": "flaky", "text": "BOOM once"}\n')
    out, err = tmp_path / "out.jsonl", tmp_path / "out.errors.jsonl"
    opts = BatchOptions(inputs=[str(dump)], out=str(out), workers=1, quiet=True, extract_spec=FAKE)
    run_batch(opts)
    assert (out_ids(out), err_ids(err)) == (["ok"], ["flaky"])
    opts.resume = True
    assert run_batch(opts).articles == 0  # nothing left to do: the error row counts as done
    write(dump, '{"id": "ok", "text": "fine"}\n{"id": "flaky", "text": "fixed now"}\n')
    opts.retry_errors = True
    stats = run_batch(opts)
    assert (stats.articles, stats.skipped) == (1, 1)
    assert (out_ids(out), err_ids(err)) == (["ok", "flaky"], [])
    assert err.with_name("out.errors.jsonl.retried").read_text().count("flaky") == 1
