"""The batch exits non-zero only when it cannot run: no output directory, a missing input, an existing output
without --resume or --overwrite; --overwrite starts over."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from studysift.cli import app
from studysift.settings import get_settings
from tests.pipelines.dumps import FAKE, out_ids, write


def test_cli_exit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STUDYSIFT_BATCH_EXTRACT_FN", FAKE)
    get_settings.cache_clear()
    dump = write(tmp_path / "in" / "a.txt", "one article")
    runner = CliRunner()
    try:
        missing = runner.invoke(app, ["batch", str(dump), "--out", str(tmp_path / "nope" / "out.jsonl")])
        assert missing.exit_code == 2 and "does not exist" in missing.output
        out = tmp_path / "out.jsonl"
        no_input = runner.invoke(app, ["batch", str(tmp_path / "absent.jsonl"), "--out", str(out)])
        assert no_input.exit_code == 2 and "no such input" in no_input.output and not out.exists()
        out.write_text('{"article":{"id":"old"}}\n')
        exists = runner.invoke(app, ["batch", str(dump), "--out", str(out), "-q"])
        assert exists.exit_code == 2 and "--resume" in exists.output
        assert out_ids(out) == ["old"]
        again = runner.invoke(app, ["batch", str(dump), "--out", str(out), "-q", "--overwrite", "-w", "1"])
        assert again.exit_code == 0, again.output
        assert out_ids(out) == [str(dump)]
    finally:
        get_settings.cache_clear()
