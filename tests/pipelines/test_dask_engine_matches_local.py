"""The Dask engine on a 2-worker LocalCluster gives the same results as the local engine (the real extractor,
end to end), in part files; --resume redoes only a missing partition; a partition whose worker dies becomes
error rows."""

from __future__ import annotations

from pathlib import Path

import dask
from distributed import LocalCluster

from pipelines.runner import BatchOptions, run_batch
from studysift.settings import Settings
from tests.conftest import shared_path
from tests.pipelines.dumps import FAKE, read_rows, tar_bytes, write


def test_dask_engine_matches_local(tmp_path: Path) -> None:
    abstracts = sorted(shared_path("corpora", "evidence-inference", "abstracts").glob("*.txt"))[:16]
    for path in abstracts[:10]:
        write(tmp_path / "in" / path.name, path.read_bytes())
    write(tmp_path / "in" / "empty.txt", b"")
    write(tmp_path / "in" / "more.tar.gz", tar_bytes({p.name: p.read_bytes() for p in abstracts[10:]}))
    inputs = [str(tmp_path / "in")]
    settings = Settings(batch_partition_size=5)

    local_out = tmp_path / "local.jsonl"
    local = run_batch(BatchOptions(inputs=inputs, out=str(local_out), workers=1, quiet=True), settings)
    assert local.articles == 17 and local.results >= 16

    no_retry = dask.config.set({"distributed.scheduler.allowed-failures": 0})  # a worker death fails its task at once
    with no_retry, LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        parts = tmp_path / "parts"
        opts = BatchOptions(
            inputs=inputs, out=str(parts), engine="dask", scheduler=cluster.scheduler_address, quiet=True
        )
        distributed = run_batch(opts, settings)
        names = sorted(p.name for p in parts.iterdir() if p.name != "_studysift_batch.json")
        assert (parts / "_studysift_batch.json").exists()  # the partition size, for --resume
        assert names == sorted(f"part-{i:05d}{e}.jsonl" for i in range(4) for e in ("", ".errors"))
        dask_rows = [r for i in range(4) for r in read_rows(parts / f"part-{i:05d}.jsonl")]
        dask_errors = [r for i in range(4) for r in read_rows(parts / f"part-{i:05d}.errors.jsonl")]
        assert dask_rows == read_rows(local_out)
        assert dask_errors == read_rows(tmp_path / "local.errors.jsonl")
        assert (distributed.results, distributed.records, distributed.words) == (
            local.results,
            local.records,
            local.words,
        )

        kept = (parts / "part-00000.jsonl").stat().st_mtime_ns
        redo = (parts / "part-00002.jsonl").read_bytes()
        (parts / "part-00002.jsonl").unlink()
        opts.resume = True
        resumed = run_batch(opts, settings)
        assert resumed.articles == 5 and resumed.skipped == 12
        assert (parts / "part-00002.jsonl").read_bytes() == redo
        assert (parts / "part-00000.jsonl").stat().st_mtime_ns == kept

        # a partition whose worker dies becomes error rows; the batch goes on
        crash = write(
            tmp_path / "crash.jsonl",
            "".join(f'{{"id": "c{i}", "text": "{t}"}}\n' for i, t in enumerate(("a", "b", "CRASH", "d"))),
        )
        crashed = BatchOptions(
            [str(crash)],
            str(tmp_path / "crashed"),
            engine="dask",
            scheduler=cluster.scheduler_address,
            quiet=True,
            extract_spec=FAKE,
        )
        stats = run_batch(crashed, Settings(batch_partition_size=2))
        assert stats.results == 2 and stats.errors == {"KilledWorker": 2}
        assert [r["id"] for r in read_rows(tmp_path / "crashed" / "part-00001.errors.jsonl")] == ["c2", "c3"]
