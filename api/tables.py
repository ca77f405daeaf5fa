"""The database schema (SQLAlchemy 2 ORM). Migrations in ``api/migrations`` create exactly these tables."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, Float, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON, Any: JSON}


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    key_id: Mapped[str] = mapped_column(String(32), unique=True)
    key_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Article(Base):
    """One input article: the raw bytes as received, the cleaned text, the spin report and the pipeline version."""

    __tablename__ = "articles"
    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    source: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    raw: Mapped[bytes] = mapped_column(LargeBinary)
    text: Mapped[str] = mapped_column(Text)
    result: Mapped[dict[str, Any]] = mapped_column(JSON, doc="the ArticleResult as extracted, records included")
    spin_score: Mapped[float] = mapped_column(Float, default=0.0)
    is_spun: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    is_html: Mapped[bool | None] = mapped_column(Boolean, doc="the raw input is HTML (None: let the extractor sniff)")
    pipeline_version: Mapped[str | None] = mapped_column(String(50))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Record(Base):
    """A study record's current state (corrections applied in ``data``, rejections kept as field statuses)."""

    __tablename__ = "records"
    id: Mapped[str] = mapped_column(String(250), primary_key=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    local_id: Mapped[str] = mapped_column(String(50))
    version: Mapped[int] = mapped_column(Integer, default=1)
    active: Mapped[bool] = mapped_column(Boolean, default=True, index=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    review_status: Mapped[str] = mapped_column(String(20), default="unreviewed", index=True)
    # Denormalised for the record filters (kept in step with ``data`` by the store).
    design: Mapped[str | None] = mapped_column(String(50), index=True)
    sample_size: Mapped[int | None] = mapped_column(Integer, index=True)
    interventions: Mapped[str] = mapped_column(Text, default="", doc="lower-case names, '|'-separated and -framed")
    routes: Mapped[str] = mapped_column(Text, default="", doc="routes, '|'-separated and -framed")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # Optimistic concurrency: every UPDATE says "WHERE version = <the version read>" and bumps it.
    __mapper_args__ = {"version_id_col": version}
    fields: Mapped[list[RecordField]] = relationship(
        back_populates="record", cascade="all, delete-orphan", lazy="selectin", order_by="RecordField.path"
    )


class RecordField(Base):
    """The review status of one field path of a record (``"*"`` is the whole record)."""

    __tablename__ = "record_fields"
    record_id: Mapped[str] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"), primary_key=True)
    path: Mapped[str] = mapped_column(String(200), primary_key=True)
    status: Mapped[str] = mapped_column(String(20))
    reviewer: Mapped[str | None] = mapped_column(String(200))
    version: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    record: Mapped[Record] = relationship(back_populates="fields")


class Correction(Base):
    """The append-only audit trail: every change to a record, machine or human, one row per field touched."""

    __tablename__ = "corrections"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    record_id: Mapped[str] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    reviewer: Mapped[str | None] = mapped_column(String(200))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    action: Mapped[str] = mapped_column(String(20))
    field: Mapped[str | None] = mapped_column(String(200))
    old: Mapped[Any] = mapped_column(JSON, nullable=True)
    new: Mapped[Any] = mapped_column(JSON, nullable=True)
    reason: Mapped[str | None] = mapped_column(Text)
