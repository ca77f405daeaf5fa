"""The output contract of ../shared/SPEC.md as pydantic models: the JSON Schema and OpenAPI are generated from these."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Design = Literal[
    "randomized_controlled_trial",
    "crossover_trial",
    "non_randomized_trial",
    "cohort_study",
    "case_control_study",
    "cross_sectional_study",
    "case_report",
    "case_series",
    "systematic_review",
    "meta_analysis",
    "narrative_review",
    "guideline",
    "animal_study",
    "in_vitro_study",
    "qualitative_study",
    "other",
]
Route = Literal[
    "intravenous",
    "intramuscular",
    "subcutaneous",
    "oral",
    "sublingual",
    "intranasal",
    "intrathecal",
    "epidural",
    "inhaled",
    "topical",
    "transdermal",
    "rectal",
    "other",
]
Direction = Literal["improved", "worsened", "increased", "decreased", "no_difference", "reported"]
Blinding = Literal["double_blind", "triple_blind", "single_blind", "open_label", "assessor_blind"]
CoiStatus = Literal["declared", "none_declared", "not_reported"]
SampleUnit = Literal["participants", "patients", "animals", "trials", "studies"]
SampleKind = Literal["planned", "enrolled", "analysed"]
Allocation = Literal["parallel", "crossover", "factorial", "cluster"]

Confidence = Field(ge=0.0, le=1.0)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Evidence(_Model):
    """A span of the cleaned text: ``text == result.text[start:end]`` always."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class DesignField(_Model):
    value: Design
    evidence: Evidence | None = None
    confidence: float = Confidence


class SampleSize(_Model):
    value: int = Field(ge=0)
    unit: SampleUnit
    kind: SampleKind | None = Field(None, description="planned, enrolled or analysed, when the text says which")
    evidence: Evidence | None = None
    confidence: float = Confidence


class Condition(_Model):
    value: str
    evidence: Evidence | None = None
    confidence: float = Confidence


class Dose(_Model):
    value: float
    unit: str
    max: float | None = Field(None, description="upper end of a range; value is then the lower end")
    text: str


class Intervention(_Model):
    name: str
    dose: Dose | None = None
    route: Route | None = None
    duration: str | None = None
    frequency: str | None = None
    evidence: Evidence | None = None
    confidence: float = Confidence


class Comparator(_Model):
    name: str
    evidence: Evidence | None = None
    confidence: float = Confidence


class Outcome(_Model):
    name: str
    direction: Direction | None = None
    timepoint: str | None = None
    evidence: Evidence | None = None
    confidence: float = Confidence


class AdverseEvent(_Model):
    name: str
    evidence: Evidence | None = None
    confidence: float = Confidence


class ConflictsOfInterest(_Model):
    status: CoiStatus = "not_reported"
    statements: list[Evidence] = Field(default_factory=list)
    names: list[str] = Field(default_factory=list, description="people or bodies the statements name")


class StudyRecord(_Model):
    id: str
    label: str
    design: DesignField | None = None
    randomized: bool | None = None
    blinding: Blinding | None = None
    allocation: Allocation | None = None
    species: str | None = None
    sample_size: SampleSize | None = None
    conditions: list[Condition] = Field(default_factory=list)
    interventions: list[Intervention] = Field(default_factory=list)
    comparators: list[Comparator] = Field(default_factory=list)
    outcomes: list[Outcome] = Field(default_factory=list)
    adverse_events: list[AdverseEvent] = Field(default_factory=list)
    follow_up: str | None = None
    evidence_level: str | None = None
    conflicts_of_interest: ConflictsOfInterest | None = None
    evidence: Evidence | None = Field(None, description="the study mention that opened this record")
    confidence: float = Field(0.0, ge=0.0, le=1.0)


class Article(_Model):
    id: str
    sha256: str
    source: str | None = None
    title: str | None = None
    language: str = "en"


class Removed(_Model):
    text: str
    reason: str
    start: int | None = Field(None, description="offset in the raw input, when it came from there")
    end: int | None = None


class SpinRepair(_Model):
    found: str
    restored: str
    start: int = Field(ge=0, description="offset of the restored phrase in the cleaned text")
    end: int = Field(ge=0)
    raw_start: int | None = Field(None, description="offset of the spun phrase in the raw input")
    raw_end: int | None = None
    rule: str | None = Field(None, description="which lexicon or generic rule made the repair")


class SpinReport(_Model):
    score: float = Field(0.0, ge=0.0, description="repairs per 1,000 words")
    is_spun: bool = False
    repairs: list[SpinRepair] = Field(default_factory=list)


class Citation(_Model):
    marker: str = Field(description="the marker as found, e.g. '31' of 'doses31' or 'one hundred and one'")
    number: int | None = None
    raw_start: int
    raw_end: int
    at: int = Field(ge=0, description="offset in the cleaned text where the marker stood")


class Cleaning(_Model):
    removed: list[Removed] = Field(default_factory=list)
    spin: SpinReport = Field(default_factory=SpinReport)
    citations: list[Citation] = Field(default_factory=list)


class ArticleResult(_Model):
    article: Article
    text: str
    cleaning: Cleaning = Field(default_factory=Cleaning)
    conflicts_of_interest: ConflictsOfInterest = Field(default_factory=ConflictsOfInterest)
    records: list[StudyRecord] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    pipeline_version: str | None = None
