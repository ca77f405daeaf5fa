"""The API's own models, built on the extractor's (``extractor.models``): nothing of SPEC is written twice."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator
from pydantic.json_schema import SkipJsonSchema

from extractor.models import ArticleResult, Evidence, StudyRecord


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError("NUL characters are not allowed")
    return value


Str = Annotated[str, AfterValidator(_no_nul)]  # a string a database column can hold (PostgreSQL refuses NUL)

FieldStatus = Literal["accepted", "corrected", "rejected"]
ReviewStatus = Literal["unreviewed", "in_review", "reviewed"]
WHOLE_RECORD = "*"  # the field path that names the whole record in accept / reject and in review.fields
WHOLE_RECORD_ALIASES = {"*", "record"}


class Review(BaseModel):
    status: ReviewStatus = "unreviewed"
    fields: dict[str, FieldStatus] = Field(
        default_factory=dict, description="field path → status; the path '*' is the whole record"
    )


class StoredRecord(StudyRecord):
    """A StudyRecord as stored: its id is unique across articles, ``version`` starts at 1."""

    article_id: str
    version: int = Field(ge=1)
    review: Review = Field(default_factory=Review)
    active: bool = Field(True, description="false once merged into another record or dropped by a re-extraction")


class RecordPatch(BaseModel):
    """A reviewer's change to one record: any of ``set``, ``evidence``, ``accept``, ``reject``.

    Paths name fields as in SPEC (``sample_size``, ``interventions/0/dose``, ``outcomes/1``); ``outcomes/-`` (or the
    index equal to the list's length) appends. ``accept`` / ``reject`` take paths or ``"*"`` (also ``"record"``)
    for the whole record. A rejected field keeps its value in the record but is left out of exports."""

    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
        json_schema_extra={
            "examples": [
                {
                    "set": {"sample_size": {"value": 200, "unit": "participants"}},
                    "accept": ["design"],
                    "reject": ["outcomes/0"],
                    "reason": "Table 1 gives 200 randomised",
                },
                {"accept": ["*"]},
            ]
        },
    )

    set_: dict[Str, Any] = Field(default_factory=dict, alias="set", description="field path → new value")
    evidence: dict[Str, Evidence] = Field(default_factory=dict, description="field path → new evidence span")
    accept: list[Str] = Field(default_factory=list)
    reject: list[Str] = Field(default_factory=list)
    reason: Str | None = Field(None, max_length=10_000)


class NewRecord(StudyRecord):
    """A study record the extractor missed, as a reviewer gives it: a StudyRecord without ``id`` (the store picks
    ``<article>-n<k>``); only ``label`` is required. Every field given is marked ``corrected``; evidence spans must
    be the article's ``text[start:end]``. The record's ``confidence`` is 1.0 (a person's) unless given."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "label": "cohort study, 40 patients",
                    "design": {"value": "cohort_study", "confidence": 1.0},
                    "reason": "the extractor missed the second study",
                }
            ]
        },
    )

    id: SkipJsonSchema[None] = Field(None, exclude=True)  # type: ignore[assignment]  # the store picks the id
    label: str = Field(min_length=1, max_length=500)
    confidence: float = Field(1.0, ge=0.0, le=1.0)
    reason: Str | None = Field(None, max_length=10_000, exclude=True, description="why the record is added")

    def given(self) -> dict[str, Any]:
        """The record's fields as the reviewer gave them (JSON), without ``reason``."""
        return self.model_dump(mode="json", exclude_unset=True)


class HistoryItem(BaseModel):
    version: int
    reviewer: str | None
    at: datetime
    action: str = Field(description="extract, create, set, accept, reject, reextract, merge, merged, split, retire")
    field: str | None
    old: Any = None
    new: Any = None
    reason: str | None = None


class History(BaseModel):
    items: list[HistoryItem]


class RecordPage(BaseModel):
    items: list[StoredRecord]
    next: str | None = Field(None, description="cursor of the next page, or null on the last one")


class ArticleSummary(BaseModel):
    id: str
    sha256: str
    source: str | None
    title: str | None
    spin_score: float
    is_spun: bool
    pipeline_version: str | None
    created_at: datetime
    records: int


class ArticlePage(BaseModel):
    items: list[ArticleSummary]
    next: str | None = None


class ArticleDetail(BaseModel):
    id: str
    raw: str = Field(description="the raw input as received (UTF-8; undecodable bytes replaced)")
    result: ArticleResult = Field(description="the ArticleResult with the current (corrected) records")
    records: list[StoredRecord] = Field(default_factory=list, description="the article's stored records")


class Stored(BaseModel):
    """The answer of ``POST /v1/articles`` and of re-extraction."""

    id: str
    result: ArticleResult
    records: list[StoredRecord] = Field(default_factory=list)
    created: bool = True


class ExtractRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, description="plain text; give this or html")
    html: str | None = Field(None, description="an HTML page; give this or text")
    source: Str | None = Field(None, description="path or url the input came from")
    id: Str | None = Field(None, description="the article's own id, if it has one")


class Conflict(BaseModel):
    current: StoredRecord


class MergeRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"ids": ["a1-r1", "a1-r2"], "versions": {"a1-r1": 3, "a1-r2": 1}, "reason": "one trial"}]
        },
    )

    ids: list[Str] = Field(min_length=2, description="records of one article; the first one's scalars win")
    versions: dict[Str, Annotated[int, Field(ge=1)]] = Field(
        description="record id → the version the caller read, for every id; 409 when any record has moved on"
    )
    reason: Str | None = None

    @model_validator(mode="after")
    def _a_version_per_record(self) -> MergeRequest:
        if set(self.versions) != set(self.ids):
            raise ValueError("versions must give the version read of every record in ids, and no other")
        return self


class MergeConflict(BaseModel):
    """The answer to a stale merge: every record named in it, as it is now."""

    current: list[StoredRecord]
    stale: list[str] = Field(description="ids of the records whose version is not the one given")


class SplitRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    moves: list[Str] = Field(min_length=1, description="list items moved to the new record, e.g. 'interventions/1'")
    reason: Str | None = None


class SplitResult(BaseModel):
    source: StoredRecord
    created: StoredRecord


class UserCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Str = Field(min_length=1, max_length=200)
    role: Literal["reader", "reviewer", "admin"]


class UserOut(BaseModel):
    name: str
    role: str
    created_at: datetime


class NewUser(UserOut):
    key: str = Field(description="the API key; shown once")


class Health(BaseModel):
    status: Literal["ok", "degraded"]
    database: bool
    pipeline_version: str


class ErrorBody(BaseModel):
    detail: Any
