"""``studysift batch``: inputs → ``extract`` on an engine (local process pool or Dask) → output and error rows."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipelines.progress import Progress, Stats, log, print_summary
from pipelines.readers import Item, iter_items, missing_inputs
from pipelines.work import BatchError, Outcome, error_outcome
from pipelines.writers import LineWriter, errors_path, read_ids, truncate_torn_line
from studysift.settings import Settings, get_settings


@dataclass
class BatchOptions:
    inputs: list[str]
    out: str
    workers: int = 0  # 0: the machine's cores
    ordered: bool = True
    resume: bool = False
    retry_errors: bool = False
    overwrite: bool = False
    engine: str = "local"
    scheduler: str | None = None
    quiet: bool = False
    db_url: str | None = None
    timeout_s: float | None = None  # None: settings.extract_timeout_s
    extract_spec: str | None = None  # None: settings.batch_extract_fn


def run_batch(opts: BatchOptions, settings: Settings | None = None) -> Stats:
    settings = settings or get_settings()
    if not opts.inputs:
        raise BatchError("no INPUT given")
    try:
        missing = missing_inputs(opts.inputs)
    except (OSError, ValueError, ImportError) as e:
        raise BatchError(f"cannot read the inputs: {e}") from None
    if missing:
        raise BatchError(f"no such input: {', '.join(missing)}")
    if opts.engine not in ("local", "dask"):
        raise BatchError(f"unknown engine {opts.engine!r} (local or dask)")
    workers = opts.workers or default_workers()
    timeout_s = settings.extract_timeout_s if opts.timeout_s is None else opts.timeout_s
    extract_spec = opts.extract_spec or settings.batch_extract_fn
    stats = Stats()
    progress = Progress(stats, quiet=opts.quiet)
    try:
        if opts.engine == "dask":
            from pipelines.dask_engine import run_dask

            run_dask(opts, settings, stats, progress, workers=workers, timeout_s=timeout_s, extract_spec=extract_spec)
        else:
            _run_local(opts, settings, stats, progress, workers=workers, timeout_s=timeout_s, extract_spec=extract_spec)
    finally:
        progress.close()
    stats.elapsed = time.monotonic() - stats.started
    print_summary(stats)
    return stats


def default_workers() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def numbered(items: Iterator[Item], done: set[str], stats: Stats) -> Iterator[tuple[int, Item]]:
    """Consecutive sequence numbers for the items not already done."""
    seq = 0
    for item in items:
        if item.id in done:
            stats.skipped += 1
            continue
        yield seq, item
        seq += 1


def count_in_background(inputs: list[str], settings: Settings, done: set[str], progress: Progress) -> None:
    """Count the articles to do in a daemon thread (a cheap read of the input), for the ETA."""

    def count() -> None:
        try:
            progress.set_total(sum(1 for item in iter_items(inputs, settings) if item.id not in done))
        except Exception:  # noqa: BLE001  (only the ETA is lost)
            return

    threading.Thread(target=count, daemon=True, name="studysift-count").start()


def _prepare_outputs(opts: BatchOptions) -> tuple[Path, Path, set[str]]:
    out = Path(opts.out)
    err = errors_path(out)
    if not out.parent.is_dir():
        raise BatchError(f"output directory {out.parent} does not exist")
    if out.is_dir():
        raise BatchError(f"{out} is a directory (the local engine writes one JSON Lines file)")
    if not os.access(out.parent, os.W_OK):
        raise BatchError(f"cannot write to {out.parent}")
    existing = [p for p in (out, err) if p.exists() and p.stat().st_size > 0]
    if existing and not (opts.resume or opts.overwrite):
        raise BatchError(f"{existing[0]} exists: add --resume to continue that batch or --overwrite to start over")
    done: set[str] = set()
    if opts.resume:
        for path in (out, err):
            cut = truncate_torn_line(path)
            if cut:
                log(f"cut a torn last line ({cut} bytes) from {path}")
        done = read_ids(out)
        if opts.retry_errors and err.exists():
            err.replace(err.with_name(err.name + ".retried"))
        else:
            done |= read_ids(err)
    return out, err, done


def _run_local(
    opts: BatchOptions,
    settings: Settings,
    stats: Stats,
    progress: Progress,
    *,
    workers: int,
    timeout_s: float,
    extract_spec: str,
) -> None:
    from pipelines.local import LocalEngine

    out, err, done = _prepare_outputs(opts)
    if done:
        log(f"resuming: {len(done)} articles already done")
    store = _store(opts.db_url) if opts.db_url else None
    try:
        out_writer = LineWriter(out, append=opts.resume)
        err_writer = LineWriter(err, append=opts.resume and not opts.retry_errors)
    except OSError as e:
        raise BatchError(f"cannot open {out}: {e.strerror or e}") from None

    def emit(outcome: Outcome, item: Item) -> None:
        if outcome.ok and store is not None:
            try:
                store(outcome, item)
            except Exception as e:  # noqa: BLE001  (a failed insert is an error row, not the end of the batch)
                outcome = error_outcome(outcome.seq, item.id, item.source, "store", type(e).__name__, str(e))
        (out_writer if outcome.ok else err_writer).write(outcome.line)
        stats.add(outcome)
        progress.update()

    count_in_background(opts.inputs, settings, done, progress)
    engine = LocalEngine(
        workers,
        extract_spec=extract_spec,
        timeout_s=timeout_s,
        kill_grace_s=settings.batch_kill_grace_s,
        reorder_window=settings.batch_queue_size * workers,
    )
    try:
        engine.run(numbered(iter_items(opts.inputs, settings), done, stats), emit, ordered=opts.ordered)
    finally:
        out_writer.close()
        err_writer.close()


def _store(db_url: str) -> Callable[[Outcome, Item], None]:
    """Save each result through the API's storage layer (idempotent on sha256, so a resumed batch may redo one)."""
    try:
        from api.db import make_engine, migrate, session_scope
        from api.store import save_article
    except ImportError as e:
        raise BatchError(f"--db needs the storage layer (api.db, api.store): {e}") from None
    from extractor.models import ArticleResult

    engine: Any = make_engine(db_url)
    migrate(engine)

    def store(outcome: Outcome, item: Item) -> None:
        result = ArticleResult.model_validate_json(outcome.line)
        with session_scope(engine) as session:
            save_article(session, raw=item.raw, result=result, source=item.source)

    return store
