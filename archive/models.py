"""Catalog models (SQLAlchemy 2 typed ORM). The whole database is encrypted by SQLCipher."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    CheckConstraint,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
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
        back_populates="obj", cascade="all, delete-orphan", order_by="ObjectExtent.seq"
    )

    def __repr__(self) -> str:
        return f"StoredObject(id={self.id!r}, size={self.size})"


class ObjectExtent(Base):
    """A run of consecutive slots in one pack holding consecutive chunks of an object."""

    __tablename__ = "object_extents"
    __table_args__ = (
        CheckConstraint("slot_count > 0", name="slot_count_positive"),
        CheckConstraint("first_slot >= 0 AND pack >= 0 AND seq >= 0", name="not_negative"),
    )

    object_id: Mapped[str] = mapped_column(
        ForeignKey("objects.id", ondelete="CASCADE"), primary_key=True
    )
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    pack: Mapped[int] = mapped_column(Integer)
    first_slot: Mapped[int] = mapped_column(Integer)
    slot_count: Mapped[int] = mapped_column(Integer)
    obj: Mapped[StoredObject] = relationship(back_populates="extents")

    def __repr__(self) -> str:
        return (
            f"ObjectExtent(object_id={self.object_id!r}, seq={self.seq}, pack={self.pack}, "
            f"first_slot={self.first_slot}, slot_count={self.slot_count})"
        )
