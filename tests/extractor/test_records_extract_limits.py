"""extract(): the text-length limit of the settings, and the article-level warnings about its records."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from extractor import extract
from extractor.errors import InputTooLarge
from extractor.extract import warnings_for
from extractor.models import ConflictsOfInterest, StudyRecord
from studysift.settings import get_settings


@pytest.fixture
def small_limit(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("STUDYSIFT_MAX_TEXT_CHARS", "50")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def test_records_extract_limits_text_too_long(small_limit: None) -> None:
    with pytest.raises(InputTooLarge):
        extract("A randomized controlled trial of ketamine in 40 adults with depression. " * 3)


def test_records_extract_limits_warnings() -> None:
    assert warnings_for([], ConflictsOfInterest()) == ["no study records: the text states no study design"]
    two = [StudyRecord(id="r1", label="a"), StudyRecord(id="r2", label="b")]
    found = warnings_for(two, ConflictsOfInterest(status="declared"))
    assert "r1: no sample size stated" in found
    assert any("several studies" in w for w in found)
