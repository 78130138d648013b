"""Catalog rows about what lives outside the catalog: the folders holding witnesses, the
time-stamping authorities with their tokens and queue, and the folders exports are written in
until complete."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    DateTime,
    Integer,
    LargeBinary,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from archive.catalog.models import Base


class WitnessFolder(Base):
    """A folder the user chose to hold a witness of this vault (besides the state folder)."""

    __tablename__ = "witness_folders"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    folder: Mapped[str] = mapped_column(Text, unique=True)
    added_at: Mapped[datetime] = mapped_column(DateTime)

    def __repr__(self) -> str:
        return f"WitnessFolder(id={self.id})"


class TimestampAuthority(Base):
    """An RFC 3161 time-stamping authority this vault asks (opt-in), with the trust roots its
    tokens are checked against (PEM; required, nothing is bundled)."""

    __tablename__ = "timestamp_authorities"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(Text, unique=True)
    trust_roots: Mapped[str] = mapped_column(Text, default="")
    added_at: Mapped[datetime] = mapped_column(DateTime)

    def __repr__(self) -> str:
        return f"TimestampAuthority(id={self.id})"


class TimestampToken(Base):
    """A verified RFC 3161 time-stamp response over SHA-256 of a signed checkpoint note."""

    __tablename__ = "timestamp_tokens"
    __table_args__ = (
        UniqueConstraint("tree_size", "authority"),
        CheckConstraint("length(imprint) = 32", name="imprint_length"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tree_size: Mapped[int] = mapped_column(Integer)
    imprint: Mapped[bytes] = mapped_column(LargeBinary(32))
    authority: Mapped[str] = mapped_column(Text)
    response: Mapped[bytes] = mapped_column(LargeBinary)  # DER TimeStampResp
    chain: Mapped[str] = mapped_column(Text)  # PEM: the certificates in the token
    roots: Mapped[str] = mapped_column(Text)  # PEM: the roots it was verified against
    gen_time: Mapped[datetime] = mapped_column(DateTime)  # UTC, as the authority says

    def __repr__(self) -> str:
        return f"TimestampToken(tree_size={self.tree_size})"


class TimestampRequest(Base):
    """A checkpoint waiting for a time-stamp (the authorities could not be reached)."""

    __tablename__ = "timestamp_queue"

    tree_size: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    queued_at: Mapped[datetime] = mapped_column(DateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)

    def __repr__(self) -> str:
        return f"TimestampRequest(tree_size={self.tree_size}, attempts={self.attempts})"


class ExportStaging(Base):
    """Where an export writes until complete (archive.exhibits.staging); recorded: events in."""

    __tablename__ = "export_stagings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    folder: Mapped[str] = mapped_column(Text)
    target: Mapped[str] = mapped_column(Text)
    started_at: Mapped[datetime] = mapped_column(DateTime)
    recorded: Mapped[bool] = mapped_column(Boolean, default=False)

    def __repr__(self) -> str:
        return f"ExportStaging(id={self.id}, recorded={self.recorded})"
