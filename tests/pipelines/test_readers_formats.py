"""Every input format is read into articles with the right ids, raw content and HTML flag."""

from __future__ import annotations

from pathlib import Path

from pipelines.readers import iter_items, sha_id
from tests.pipelines.dumps import JATS, jsonl_bytes, tar_bytes, text, warc_bytes, write, zip_bytes


def test_readers_formats(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    write(tree / "a.txt", text(1))
    write(tree / "sub" / "b.html", "<html><body><p>" + text(2) + "</p></body></html>")
    write(tree / "sub" / "c.htm", "<p>" + text(3) + "</p>")
    write(tree / "sub" / "d.xml", JATS)
    write(tree / "notes.pdf", b"%PDF-1.4 not an input format")  # skipped: not a known suffix
    rows: list[dict[str, object]] = [
        {"id": "j1", "text": text(4), "url": "https://example.org/j1"},
        {"id": 7, "html": "<p>" + text(5) + "</p>"},
        {"text": text(6), "title": "A title"},
    ]
    write(tmp_path / "dump.jsonl", jsonl_bytes(rows))
    write(tmp_path / "dump.jsonl.gz", jsonl_bytes([{"id": "g1", "text": text(7)}], gz=True))
    members = {
        "in/e.txt": text(8).encode(),
        "in/f.html": b"<p>x</p>",
        "in/g.jsonl": jsonl_bytes([{"id": "t1", "text": "y"}]),
    }
    write(tmp_path / "plain.tar", tar_bytes(members, mode="w"))
    write(tmp_path / "dump.tar.gz", tar_bytes(members))
    write(tmp_path / "dump.zip", zip_bytes(members))
    pages = [
        ("https://example.org/a", "text/html; charset=utf-8", b"<p>page a</p>", "200 OK"),
        ("https://example.org/logo.png", "image/png", b"\x89PNG", "200 OK"),
        ("https://example.org/missing", "text/html", b"<p>not found</p>", "404 Not Found"),
        ("https://example.org/a", "text/html", b"<p>page a again</p>", "200 OK"),
    ]
    write(tmp_path / "crawl.warc.gz", warc_bytes(pages))

    inputs = [str(tree), *(str(tmp_path / n) for n in ("dump.jsonl", "dump.jsonl.gz", "plain.tar", "dump.tar.gz"))]
    inputs += [str(tmp_path / "dump.zip"), str(tmp_path / "crawl.warc.gz")]
    items = {item.id: item for item in iter_items(inputs)}

    assert all(item.error is None for item in items.values()), [i.error for i in items.values() if i.error]
    t, jl, tgz, z, w = (
        str(tree),
        str(tmp_path / "dump.jsonl"),
        str(tmp_path / "dump.tar.gz"),
        str(tmp_path / "dump.zip"),
        str(tmp_path / "crawl.warc.gz"),
    )
    title_text = "A title\n\n" + text(6)
    expected = {
        f"{t}/a.txt", f"{t}/sub/b.html", f"{t}/sub/c.htm", f"{t}/sub/d.xml",
        "j1", "7", sha_id(title_text), "g1",
        *(f"{a}:in/{m}" for a in (str(tmp_path / "plain.tar"), tgz, z) for m in ("e.txt", "f.html")), "t1",
        f"{w}:https://example.org/a", f"{w}:https://example.org/a#2",
    }  # fmt: skip
    assert set(items) == expected
    assert items[f"{t}/a.txt"].raw == text(1).encode() and items[f"{t}/a.txt"].html is None
    assert items[f"{t}/sub/b.html"].html is True and items[f"{z}:in/f.html"].html is True
    assert items["j1"].source == "https://example.org/j1" and items["j1"].raw == text(4)
    assert items["7"].html is True and items["7"].source == f"{jl}:2"
    assert items[sha_id(title_text)].raw == title_text
    assert items[f"{tgz}:in/e.txt"].raw == text(8).encode()
    assert items[f"{w}:https://example.org/a"].raw == b"<p>page a</p>"
    assert items[f"{w}:https://example.org/a"].source == "https://example.org/a"
    by_url = [i.id for i in iter_items([f"file://{tmp_path}/dump.jsonl", f"file://{tgz}"])]  # any fsspec URL
    assert by_url == ["j1", "7", sha_id(title_text), f"file://{tgz}:in/e.txt", f"file://{tgz}:in/f.html", "t1"]
    jats = items[f"{t}/sub/d.xml"]
    assert jats.html is False and isinstance(jats.raw, str) and jats.raw.startswith("Ketamine for chronic pain")
