"""The Dask engine: the input stream cut into partitions of ``batch_partition_size`` articles, each run on a Dask
worker by ``run_partition`` (the same per-article function as the local engine; the pipeline is loaded once per
worker process), which writes ``OUT/part-00000.jsonl`` and ``OUT/part-00000.errors.jsonl`` through fsspec (a
local directory or any fsspec URL: ``s3://``, ``gcs://``, ...).

A part file is written under a temporary name and then moved into place, so an existing ``part-N.jsonl`` is a
complete partition: ``--resume`` skips those and redoes the others (with the partition size recorded in
``OUT/_studysift_batch.json`` by the first run, so that partitions line up).
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import fsspec

from pipelines.readers import Item, iter_items
from pipelines.runner import BatchOptions, count_in_background, numbered
from pipelines.work import BatchError, Outcome, error_outcome, process_partition

if TYPE_CHECKING:
    from pipelines.progress import Progress, Stats
    from studysift.settings import Settings

MANIFEST = "_studysift_batch.json"
_PART = re.compile(r"part-(\d+)\.jsonl$")


def part_name(part: int, errors: bool = False) -> str:
    return f"part-{part:05d}{'.errors' if errors else ''}.jsonl"


def run_partition(
    part: int, items: list[tuple[int, Item]], out_url: str, extract_spec: str, timeout_s: float
) -> list[Outcome]:
    """Extract one partition on a worker and write its two part files; the outcomes come back without lines."""
    outcomes = list(process_partition(items, extract_spec, timeout_s))
    write_parts(out_url, part, outcomes)
    return [dataclasses.replace(o, line="") for o in outcomes]


def write_parts(out_url: str, part: int, outcomes: list[Outcome]) -> None:
    fs, root = fsspec.core.url_to_fs(out_url)
    for errors in (True, False):  # the output part last: its presence marks the partition done
        final = f"{root}/{part_name(part, errors)}"
        with fs.open(final + ".tmp", "w", encoding="utf-8") as f:
            for o in outcomes:
                if o.ok != errors:
                    f.write(o.line + "\n")
        fs.mv(final + ".tmp", final)


def _partitions(items: Iterator[tuple[int, Item]], size: int) -> Iterator[tuple[int, list[tuple[int, Item]]]]:
    chunk: list[tuple[int, Item]] = []
    part = 0
    for pair in items:
        chunk.append(pair)
        if len(chunk) == size:
            yield part, chunk
            part, chunk = part + 1, []
    if chunk:
        yield part, chunk


def run_dask(
    opts: BatchOptions,
    settings: Settings,
    stats: Stats,
    progress: Progress,
    *,
    workers: int,
    timeout_s: float,
    extract_spec: str,
) -> None:
    from distributed import Client, LocalCluster, wait

    if opts.db_url:
        raise BatchError("--db works with the local engine only")
    out_url = opts.out.rstrip("/")
    try:
        fs, root = fsspec.core.url_to_fs(out_url)
        if fs.isfile(root):
            raise BatchError(f"{opts.out} is a file: the dask engine writes part files into a directory")
        fs.makedirs(root, exist_ok=True)
        existing = sorted(fs.glob(f"{root}/part-*"))
    except OSError as e:
        raise BatchError(f"cannot use {opts.out}: {e}") from None
    if existing and not (opts.resume or opts.overwrite):
        raise BatchError(f"{opts.out} has part files: add --resume to continue that batch or --overwrite")
    done_parts: set[int] = set()
    manifest = f"{root}/{MANIFEST}"
    size = settings.batch_partition_size
    if opts.resume:
        done_parts = {int(m.group(1)) for p in existing if (m := _PART.search(p))}
        if fs.exists(manifest):
            size = int(json.loads(fs.cat_file(manifest))["partition_size"])
    elif existing:
        fs.rm(existing)
    with fs.open(manifest, "w") as f:
        json.dump({"partition_size": size, "inputs": opts.inputs}, f)

    cluster: Any = None
    try:
        if opts.scheduler:
            client = Client(opts.scheduler)
        else:
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True)
            client = Client(cluster)
    except OSError as e:
        raise BatchError(f"cannot reach the Dask scheduler {opts.scheduler}: {e}") from None
    try:
        count_in_background(opts.inputs, settings, set(), progress)
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        inflight: dict[Any, tuple[int, list[tuple[int, Item]]]] = {}

        def collect(futures: set[Any]) -> None:
            for future in futures:
                part, chunk = inflight.pop(future)
                try:
                    outcomes = future.result()
                except Exception as e:  # noqa: BLE001  (e.g. KilledWorker: the partition's articles become error rows)
                    message = f"partition {part} failed on the cluster: {e}"
                    outcomes = [error_outcome(s, i.id, i.source, "worker", type(e).__name__, message) for s, i in chunk]
                    write_parts(out_url, part, outcomes)
                for outcome in outcomes:
                    stats.add(outcome)
            progress.update()

        for part, chunk in _partitions(numbered(iter_items(opts.inputs, settings), set(), stats), size):
            if part in done_parts:
                stats.skipped += len(chunk)
                continue
            future = client.submit(run_partition, part, chunk, out_url, extract_spec, timeout_s, pure=False)
            inflight[future] = (part, chunk)
            if len(inflight) >= 2 * n_workers:
                collect(wait(list(inflight), return_when="FIRST_COMPLETED").done)
        collect(wait(list(inflight)).done)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
