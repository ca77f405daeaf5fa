"""--db stores every result through the API's storage layer; a resumed batch does not store anything twice."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, text

from pipelines.runner import BatchOptions, run_batch
from tests.pipelines.dumps import FAKE, out_ids, write


def test_runner_db(tmp_path: Path) -> None:
    for i in range(5):
        write(tmp_path / "in" / f"a{i}.txt", f"article {i} about {i * 10} patients" if i != 3 else "")
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    out = tmp_path / "out.jsonl"
    opts = BatchOptions(
        inputs=[str(tmp_path / "in")], out=str(out), workers=1, quiet=True, extract_spec=FAKE, db_url=url
    )
    stats = run_batch(opts)
    assert stats.results == 4 and len(out_ids(out)) == 4
    lines = out.read_text().splitlines()
    out.write_text("\n".join(lines[:2]) + "\n")  # as if the batch died after storing but before writing two lines
    opts.resume = True
    assert run_batch(opts).results == 2
    with create_engine(url).connect() as connection:
        rows = connection.execute(text("select source, sha256 from articles order by source")).all()
    assert [Path(r[0]).name for r in rows] == ["a0.txt", "a1.txt", "a2.txt", "a4.txt"]
    assert len({r[1] for r in rows}) == 4
