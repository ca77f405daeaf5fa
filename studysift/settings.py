"""Every limit and setting of studysift, in one place (read from ``STUDYSIFT_*`` environment variables)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="STUDYSIFT_", env_file=".env", extra="ignore")

    # --- cleaning -------------------------------------------------------------------------------------------
    max_input_bytes: int = Field(20 * 1024 * 1024, description="raw input larger than this is refused")
    max_text_chars: int = Field(2_000_000, description="cleaned text longer than this is refused by extract")
    max_html_depth: int = Field(400, description="HTML nesting deeper than this is flattened, not recursed")
    spin_lexicon: Path | None = Field(None, description="extra spin lexicon (tortured-phrases JSON format)")
    spin_threshold: float = Field(
        2.0, description="repairs per 1,000 words at or above which an article is reported as spun"
    )
    spin_gate_min_evidence: int = Field(
        2, description="unambiguous spin repairs an article needs before context-dependent repairs may fire"
    )
    spin_gate_per_1000: float = Field(
        1.0, description="...and their density per 1,000 words (see extractor/cleaning/despin.py)"
    )

    # --- extraction -----------------------------------------------------------------------------------------
    nlp_batch_size: int = 32
    extract_timeout_s: float = Field(30.0, description="per-article time limit in batch runs")

    # --- API and storage ------------------------------------------------------------------------------------
    database_url: str = "sqlite:///studysift.db"
    sqlite_busy_timeout_ms: int = 30_000
    max_body_bytes: int = Field(10 * 1024 * 1024, description="request bodies above this get 413")
    anonymous_read: bool = Field(False, description="let callers without a key read and extract")
    page_size_default: int = 50
    page_size_max: int = 500
    host: str = "127.0.0.1"
    port: int = 8000
    session_secret: str | None = Field(None, description="signs review UI session cookies; random per process if unset")

    # --- batch ----------------------------------------------------------------------------------------------
    batch_queue_size: int = Field(256, description="articles in flight per worker, bounds memory")
    jsonl_id_field: str = "id"
    jsonl_text_field: str = "text"
    jsonl_html_field: str = "html"
    batch_partition_size: int = Field(500, description="articles per partition (and part file) of the Dask engine")
    batch_kill_grace_s: float = Field(10.0, description="a worker stuck this long past the time limit is replaced")
    batch_extract_fn: str = Field("extractor:extract", description="module:function that batch workers call")


@lru_cache
def get_settings() -> Settings:
    return Settings()
