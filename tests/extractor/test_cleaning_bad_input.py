"""Input that cannot be an article gets a clear InputError; odd but readable input gets a clear result; all in
bounded time (pytest-timeout), never a traceback of some inner library."""

from __future__ import annotations

import pytest

from extractor.cleaning import clean
from extractor.errors import InputError, InputTooLarge
from studysift.settings import Settings

PARAGRAPH = "Patients received 5 mg of the drug daily and were followed for 3 months; pain scores fell by 20%."


@pytest.mark.timeout(10)
@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "empty input"),
        ("  \n\t \u00a0", "empty input"),
        (bytes(range(256)) * 40, "binary"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "PNG"),
        ("<html><body><nav><a href='/'>Home</a></nav><footer>Contact us</footer></body></html>", "no article text"),
        ("<html><head><title>Only a title</title></head><body><script>var a = 1;</script></body></html>",
         "no article text"),
        ("Report this page\n\nBlog Article\n", "no article text"),
    ],
)  # fmt: skip
def test_cleaning_bad_input_refused(raw: str | bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        clean(raw)


@pytest.mark.timeout(10)
def test_cleaning_bad_input_invalid_utf8_decoded_as_cp1252() -> None:
    result = clean("Caf\u00e9 patients received 5 mg in 2019 \u2013 a \u201ctrial\u201d.".encode("cp1252"))
    assert result.encoding == "cp1252"
    assert result.text == "Caf\u00e9 patients received 5 mg in 2019 \u2013 a \u201ctrial\u201d."


@pytest.mark.timeout(10)
def test_cleaning_bad_input_mojibake_repaired() -> None:
    result = clean("The patient\u00e2\u20ac\u2122s caf\u00c3\u00a9 dose was 5\u00c2\u00a0mg.")
    assert result.text == "The patient\u2019s caf\u00e9 dose was 5 mg."
    start = result.text.index("caf\u00e9")
    a, b = result.to_raw(start, start + 4)
    assert result.raw[a:b] == "caf\u00c3\u00a9"


@pytest.mark.timeout(10)
def test_cleaning_bad_input_too_large() -> None:
    with pytest.raises(InputTooLarge, match="max_input_bytes"):
        clean(b"a" * 2048, settings=Settings(max_input_bytes=1024))


@pytest.mark.timeout(20)
def test_cleaning_bad_input_deep_nesting() -> None:
    page = "<html><body>" + "<div>" * 10_000 + "<p>Deep text.</p>" + "</div>" * 10_000 + "<p>After.</p></body></html>"
    assert clean(page).text == "Deep text.\n\nAfter."


@pytest.mark.timeout(120)
def test_cleaning_bad_input_five_megabyte_page() -> None:
    rows = "".join(f"<p>{PARAGRAPH * 10} Row {i}.</p>\n" for i in range(5_200))
    page = f"<html><head><title>Big</title></head><body><article>{rows}</article></body></html>"
    assert len(page.encode()) > 5_000_000
    result = clean(page)
    assert result.text.startswith("Big\n\n" + PARAGRAPH) and result.text.endswith("Row 5199.")
    assert result.text.count("\n\n") == 5_200


@pytest.mark.timeout(10)
def test_cleaning_bad_input_control_characters_removed() -> None:
    assert clean("Dose\x07 was 5\u200b mg\x1b.\ufeff").text == "Dose was 5 mg."
