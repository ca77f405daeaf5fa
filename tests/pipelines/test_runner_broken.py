"""Broken inputs (truncated gzip, invalid UTF-8, a zero-byte file, a non-article page, a bad JSON line, a
truncated archive) become error rows while every other article goes through, and the batch exits 0."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from studysift.cli import app
from studysift.settings import get_settings
from tests.pipelines.dumps import FAKE, err_ids, jsonl_bytes, out_ids, read_rows, tar_bytes, text, write


def test_runner_broken(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tree = tmp_path / "tree"
    write(tree / "good.txt", text(1))
    write(tree / "empty.txt", b"")
    write(tree / "latin1.txt", "Caf\xe9 study".encode("latin-1"))
    write(tree / "menu.html", "<html><body><nav>Home | About | Contact</nav></body></html>")
    rows = [{"id": f"r{i}", "text": text(i) + " filler" * 20} for i in range(400)]
    full = jsonl_bytes(rows, gz=True)
    write(tmp_path / "cut.jsonl.gz", full[: len(full) // 2])
    write(
        tmp_path / "mixed.jsonl", b'{"id": "m1", "text": "fine"}\n{"id": "m2", "text": \n{"id": "m3", "text": "\xff"}\n'
    )
    members = {f"in/{i}.txt": (text(i) + " filler" * 50).encode() for i in range(60)}
    archive = tar_bytes(members)
    write(tmp_path / "cut.tar.gz", archive[: len(archive) // 2])
    out = tmp_path / "out.jsonl"

    monkeypatch.setenv("STUDYSIFT_BATCH_EXTRACT_FN", FAKE)
    get_settings.cache_clear()
    try:
        args = ["batch", str(tree), *(str(tmp_path / n) for n in ("cut.jsonl.gz", "mixed.jsonl", "cut.tar.gz"))]
        result = CliRunner().invoke(app, [*args, "--out", str(out), "--workers", "2", "--quiet"])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 0, result.output

    ok, errors = out_ids(out), err_ids(tmp_path / "out.errors.jsonl")
    assert len(ok + errors) == len(set(ok + errors))  # each id once
    by_id = {str(r["id"]): r for r in read_rows(tmp_path / "out.errors.jsonl")}
    assert f"{tree}/good.txt" in ok and "m1" in ok
    for name in ("empty.txt", "latin1.txt", "menu.html"):
        assert by_id[f"{tree}/{name}"]["stage"] == "extract" and by_id[f"{tree}/{name}"]["error"] == "InputError"
    assert by_id[str(tmp_path / "cut.jsonl.gz")]["error"] == "EOFError"
    assert by_id[f"{tmp_path / 'mixed.jsonl'}:2"]["error"] == "JSONDecodeError"
    assert by_id[f"{tmp_path / 'mixed.jsonl'}:3"]["error"] == "UnicodeDecodeError"
    assert any(i.startswith(str(tmp_path / "cut.tar.gz")) for i in by_id)
    good_rows = [i for i in ok if i.startswith("r")]
    assert 0 < len(good_rows) < 400  # the lines before the cut went through
    assert good_rows == [f"r{i}" for i in range(len(good_rows))]  # in input order
    good_members = [i for i in ok if i.startswith(str(tmp_path / "cut.tar.gz"))]
    assert 0 < len(good_members) < 60
    for row in read_rows(tmp_path / "out.errors.jsonl"):
        assert set(row) == {"id", "source", "stage", "error", "message"}
    assert json.loads(gzip.decompress(full).splitlines()[0])["id"] == "r0"
