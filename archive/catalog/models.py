"""Catalog models (SQLAlchemy 2 typed ORM). The whole database is encrypted by SQLCipher."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class VaultRecord(Base):
    """One row: facts about the vault that must stay secret (its id, when it was made)."""

    __tablename__ = "vault"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    vault_id: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    format_version: Mapped[int] = mapped_column(Integer)
    # Who works with this vault: the default actor of every custody event (empty: login name).
    examiner: Mapped[str] = mapped_column(String(200), default="", server_default="")

    def __repr__(self) -> str:
        return f"VaultRecord(vault_id={self.vault_id!r}, format_version={self.format_version})"


class StoredObject(Base):
    """Encrypted bytes in the packs. The data key lives only here: deleting the row erases it."""

    __tablename__ = "objects"
    __table_args__ = (
        CheckConstraint("size >= 0", name="size_not_negative"),
        CheckConstraint("length(data_key) = 32", name="data_key_length"),
    )

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    data_key: Mapped[bytes] = mapped_column(LargeBinary(32))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    extents: Mapped[list[ObjectExtent]] = relationship(
        back_populates="obj", cascade="all, delete-orphan", order_by="ObjectExtent.seq")

    def __repr__(self) -> str:
        return f"StoredObject(id={self.id!r}, size={self.size})"


class ObjectExtent(Base):
    """A run of consecutive slots in one pack holding consecutive chunks of an object."""

    __tablename__ = "object_extents"
    __table_args__ = (
        CheckConstraint("slot_count > 0", name="slot_count_positive"),
        CheckConstraint("first_slot >= 0 AND pack >= 0 AND seq >= 0", name="not_negative"),
    )

    object_id: Mapped[str] = mapped_column(ForeignKey("objects.id", ondelete="CASCADE"),
                                           primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    pack: Mapped[int] = mapped_column(Integer)
    first_slot: Mapped[int] = mapped_column(Integer)
    slot_count: Mapped[int] = mapped_column(Integer)
    obj: Mapped[StoredObject] = relationship(back_populates="extents")

    def __repr__(self) -> str:
        return (f"ObjectExtent(object_id={self.object_id!r}, seq={self.seq}, pack={self.pack}, "
                f"first_slot={self.first_slot}, slot_count={self.slot_count})")


KINDS = ("photo", "audio", "video", "transcript", "document", "other")
ACTIONS = (
    "import", "intake-again", "extract", "view", "open", "note", "tag", "untag", "case-add",
    "case-remove", "export", "publication-copy", "verify", "redaction", "deletion-request",
    "passphrase-change", "case-create", "case-rename", "case-describe", "case-delete", "link",
    "unlink", "examiner-change",
)


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


item_cases = Table(
    "item_cases",
    Base.metadata,
    Column("item_id", ForeignKey("items.id", ondelete="CASCADE"), primary_key=True),
    Column("case_id", ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True),
)


class Case(Base):
    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(500), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    items: Mapped[list[Item]] = relationship(secondary=item_cases, back_populates="cases")

    def __repr__(self) -> str:
        return f"Case(id={self.id}, name=<{len(self.name)} chars>)"


class Item(Base):
    """One original, kept bit-exact as an object, with what was learned from it."""

    __tablename__ = "items"
    __table_args__ = (
        CheckConstraint(_in("kind", KINDS), name="kind_known"),
        CheckConstraint("size >= 0", name="size_not_negative"),
        CheckConstraint("length(sha256) = 64", name="sha256_hex"),
        CheckConstraint("gps_lat IS NULL OR (gps_lat BETWEEN -90 AND 90)", name="lat_range"),
        CheckConstraint("gps_lon IS NULL OR (gps_lon BETWEEN -180 AND 180)", name="lon_range"),
    )

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    object_id: Mapped[str] = mapped_column(ForeignKey("objects.id"))
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    md5: Mapped[str | None] = mapped_column(String(32))
    sha1: Mapped[str | None] = mapped_column(String(40))
    size: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(16))
    format: Mapped[str] = mapped_column(String(64))  # sniffed from content, e.g. "image/jpeg"
    original_name: Mapped[str] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    # UTC when the device said which zone it was in; otherwise the device's clock as it read.
    captured_at: Mapped[datetime | None] = mapped_column(DateTime)
    captured_is_utc: Mapped[bool] = mapped_column(Boolean, default=False)
    captured_local: Mapped[str | None] = mapped_column(String(40))  # as the device wrote it
    # The tag the capture time came from, as ExifTool names it ("ExifIFD:DateTimeOriginal").
    captured_source: Mapped[str | None] = mapped_column(String(80))
    imported_at: Mapped[datetime] = mapped_column(DateTime)
    imported_by: Mapped[str] = mapped_column(String(200))
    camera: Mapped[str | None] = mapped_column(String(200))
    gps_lat: Mapped[float | None] = mapped_column(Float)
    gps_lon: Mapped[float | None] = mapped_column(Float)
    gps_alt: Mapped[float | None] = mapped_column(Float)
    width: Mapped[int | None] = mapped_column(Integer)
    height: Mapped[int | None] = mapped_column(Integer)
    duration: Mapped[float | None] = mapped_column(Float)
    meta: Mapped[dict] = mapped_column(JSON, default=dict)  # type: ignore[type-arg]
    problems: Mapped[list] = mapped_column(JSON, default=list)  # type: ignore[type-arg]
    thumbnail_id: Mapped[str | None] = mapped_column(ForeignKey("objects.id"))
    # Every tag the readers saw, as sealed JSON in the object store (it can be large).
    metadata_dump_id: Mapped[str | None] = mapped_column(ForeignKey("objects.id"))
    # Bumped by every change the search index shows (notes, tags, cases); the index stores the
    # revision it saw, so a crash between the two is found and repaired at unlock.
    index_rev: Mapped[int] = mapped_column(Integer, default=1)

    original: Mapped[StoredObject] = relationship(foreign_keys=[object_id])
    thumbnail: Mapped[StoredObject | None] = relationship(foreign_keys=[thumbnail_id])
    metadata_dump: Mapped[StoredObject | None] = relationship(foreign_keys=[metadata_dump_id])
    cases: Mapped[list[Case]] = relationship(secondary=item_cases, back_populates="items")
    tags: Mapped[list[ItemTag]] = relationship(cascade="all, delete-orphan",
                                               order_by="ItemTag.name")
    notes: Mapped[list[Note]] = relationship(cascade="all, delete-orphan",
                                             order_by="Note.created_at")
    intakes: Mapped[list[Intake]] = relationship(cascade="all, delete-orphan",
                                                 order_by="Intake.imported_at")
    text: Mapped[ItemText | None] = relationship(cascade="all, delete-orphan")

    def __repr__(self) -> str:
        return f"Item(id={self.id!r}, kind={self.kind!r}, size={self.size})"


class ItemText(Base):
    """Text extracted from an original (transcripts, documents), with its timed cues if any.
    The text itself is a sealed object (see :mod:`archive.derived`); this row only refers to it,
    so the catalog's size does not follow the size of what was extracted."""

    __tablename__ = "item_texts"
    __table_args__ = (
        CheckConstraint("length(sha256) = 64", name="sha256_hex"),
        CheckConstraint("cue_count >= 0", name="cue_count_not_negative"),
    )

    item_id: Mapped[str] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"),
                                         primary_key=True)
    encoding: Mapped[str | None] = mapped_column(String(40))
    object_id: Mapped[str] = mapped_column(ForeignKey("objects.id"))
    sha256: Mapped[str] = mapped_column(String(64))  # of the object's plaintext
    cue_count: Mapped[int] = mapped_column(Integer, default=0)

    def __repr__(self) -> str:
        return f"ItemText(item_id={self.item_id!r}, object_id={self.object_id!r})"


class ItemTag(Base):
    __tablename__ = "item_tags"

    item_id: Mapped[str] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"),
                                         primary_key=True)
    name: Mapped[str] = mapped_column(String(200), primary_key=True)

    def __repr__(self) -> str:
        return f"ItemTag(item_id={self.item_id!r})"


class Note(Base):
    __tablename__ = "notes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[str] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)
    body: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime)

    def __repr__(self) -> str:
        return f"Note(id={self.id}, item_id={self.item_id!r})"


class Intake(Base):
    """Where and when an original was taken in. A file presented again adds another intake."""

    __tablename__ = "intakes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[str] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)
    source_path: Mapped[str] = mapped_column(Text)
    original_name: Mapped[str] = mapped_column(Text)
    size: Mapped[int] = mapped_column(BigInteger)
    modified_at: Mapped[datetime | None] = mapped_column(DateTime)
    changed_at: Mapped[datetime | None] = mapped_column(DateTime)
    accessed_at: Mapped[datetime | None] = mapped_column(DateTime)
    imported_at: Mapped[datetime] = mapped_column(DateTime)
    imported_by: Mapped[str] = mapped_column(String(200))
    host: Mapped[str] = mapped_column(String(200))

    def __repr__(self) -> str:
        return f"Intake(id={self.id}, item_id={self.item_id!r})"


class CustodyEvent(Base):
    """A leaf of the custody Merkle tree. ``entry`` is the exact canonical bytes that were hashed;
    the other columns repeat parts of it for queries and are checked against it by verify."""

    __tablename__ = "custody_events"
    __table_args__ = (
        CheckConstraint(_in("action", ACTIONS), name="action_known"),
        CheckConstraint("seq >= 0", name="seq_not_negative"),
        Index("ix_custody_events_item", "item_id", "seq"),
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    occurred_at: Mapped[datetime] = mapped_column(DateTime)
    action: Mapped[str] = mapped_column(String(32))
    item_id: Mapped[str | None] = mapped_column(String(32))
    entry: Mapped[bytes] = mapped_column(LargeBinary)
    # Salts and values of the entry's committed details (format 2); never leaves the catalog
    # except for what an export discloses.
    openings: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)

    def __repr__(self) -> str:
        return f"CustodyEvent(seq={self.seq}, action={self.action!r}, item_id={self.item_id!r})"


class Checkpoint(Base):
    """A signed tree head (C2SP signed note) written in the same transaction as its events."""

    __tablename__ = "checkpoints"
    __table_args__ = (UniqueConstraint("tree_size", name="tree_size"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tree_size: Mapped[int] = mapped_column(Integer)
    root_hash: Mapped[bytes] = mapped_column(LargeBinary(32))
    note: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)

    def __repr__(self) -> str:
        return f"Checkpoint(tree_size={self.tree_size})"


class ItemLink(Base):
    """A transcript paired by hand with the recording it transcribes."""

    __tablename__ = "item_links"
    __table_args__ = (CheckConstraint("transcript_id <> recording_id", name="not_itself"),)

    transcript_id: Mapped[str] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"),
                                               primary_key=True)
    recording_id: Mapped[str] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"),
                                              primary_key=True, index=True)
    linked_at: Mapped[datetime] = mapped_column(DateTime)

    def __repr__(self) -> str:
        return f"ItemLink(transcript_id={self.transcript_id!r}, recording_id={self.recording_id!r})"


class IndexFile(Base):
    """One file of the search index, kept sealed as an object (its size hidden in the packs)."""

    __tablename__ = "index_files"

    name: Mapped[str] = mapped_column(String(200), primary_key=True)
    object_id: Mapped[str] = mapped_column(ForeignKey("objects.id"))
    stored: Mapped[StoredObject] = relationship()

    def __repr__(self) -> str:
        return f"IndexFile(name={self.name!r})"
