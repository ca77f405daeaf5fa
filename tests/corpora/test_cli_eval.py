"""``studysift eval``: scoring a gold directory, skipping missing sources, JSON output, digest and floors."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from typer.testing import CliRunner

from studysift.cli import app

TEXT = (
    "Effect of ketamine on pain: a randomized controlled trial.\n\n"
    "Methods: 60 patients with chronic pain were randomly assigned to ketamine 0.5 mg/kg intravenously or placebo.\n"
    "Results: Pain intensity was significantly lower with ketamine than with placebo.\n"
)
GOLD = {
    "records": [
        {
            "design": "randomized_controlled_trial",
            "randomized": True,
            "sample_size": 60,
            "interventions": [{"name": "ketamine", "dose": "0.5 mg/kg", "route": "intravenous"}],
            "comparators": ["placebo"],
            "conditions": ["chronic pain"],
            "outcomes": [{"name": "pain intensity", "direction": "decreased"}],
        }
    ],
    "conflicts_of_interest": "not_reported",
}


def write_gold(root: Path, name: str, gold: Mapping[str, object], text: str | None = None) -> None:
    (root / "dev").mkdir(parents=True, exist_ok=True)
    (root / "dev" / f"{name}.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    if text is not None:
        (root / "dev" / f"{name}.txt").write_text(text, encoding="utf-8")


def test_cli_eval_scores_a_sibling_text(tmp_path: Path) -> None:
    write_gold(tmp_path, "trial", GOLD, TEXT)
    result = CliRunner().invoke(app, ["eval", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["documents"] == 1 and not data["skipped"]
    assert data["fields"]["sample_size"]["n_gold"] == 1
    assert data["fields"]["outcome_direction"]["n_gold"] == 1
    assert set(data["by_split"]) == {"dev"}
    assert data["per_document"]["trial"]["split"] == "dev" and len(data["per_document"]["trial"]["records"]) == 3
    table = CliRunner().invoke(app, ["eval", str(tmp_path), "--split", "dev"])
    assert table.exit_code == 0 and "outcome_direction" in table.stdout and "n gold" in table.stdout


def test_cli_eval_skips_missing_sources(tmp_path: Path) -> None:
    write_gold(tmp_path, "gone", {**GOLD, "source": "shared:no/such/file.txt"})
    result = CliRunner().invoke(app, ["eval", str(tmp_path), "--shared", str(tmp_path)])
    assert result.exit_code == 1
    assert "skipping gone" in result.stderr and "1 skipped" in result.stdout


def test_cli_eval_checks_floors_and_digest(tmp_path: Path) -> None:
    write_gold(tmp_path, "trial", GOLD, TEXT)
    digest = CliRunner().invoke(app, ["eval", str(tmp_path), "--digest"]).stdout.strip()
    assert len(digest) == 64
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"gold_digest": digest, "floors": {"records": 0.0}}), encoding="utf-8")
    assert CliRunner().invoke(app, ["eval", str(tmp_path), "--check-floors", str(floors)]).exit_code == 0
    floors.write_text(json.dumps({"gold_digest": "0" * 64, "floors": {"records": 0.0}}), encoding="utf-8")
    stale = CliRunner().invoke(app, ["eval", str(tmp_path), "--check-floors", str(floors)])
    assert stale.exit_code == 1 and "gold digest" in stale.stderr
    floors.write_text(json.dumps({"gold_digest": digest, "floors": {"spin_repairs": 1.01}}), encoding="utf-8")
    low = CliRunner().invoke(app, ["eval", str(tmp_path), "--check-floors", str(floors)])
    assert low.exit_code == 1 and "below its floor" in low.stderr
