"""What an import is asked to do and what it reports, file by file: values the CLI, the desktop
and the tests share."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from archive.intake.names import shown_name
from archive.intake.sandbox import DEFAULT_TIME_LIMIT


class ImportStatus(StrEnum):
    """What happened to one file."""

    IMPORTED = "imported"  # a new item
    DUPLICATE = "duplicate"  # the same bytes were already in the vault; this intake recorded
    ALREADY = "already"  # taken in from this very place before; nothing to do
    FAILED = "failed"  # not imported; ``reason`` says why


IMPORTED, DUPLICATE, ALREADY, FAILED = (ImportStatus.IMPORTED, ImportStatus.DUPLICATE,
                                        ImportStatus.ALREADY, ImportStatus.FAILED)


@dataclass(frozen=True)
class FileResult:
    path: Path
    status: ImportStatus
    item_id: str | None = None
    reason: str | None = None
    problems: tuple[str, ...] = ()

    def message(self) -> str:
        name = shown_name(self.path.name)
        if self.status == FAILED:
            return f"{name}: {self.reason}; skipped, nothing else changed"
        if self.status == DUPLICATE:
            return f"{name}: already in the vault as {self.item_id}; intake recorded"
        if self.status == ALREADY:
            return f"{name}: already taken in from this place; nothing to do"
        extra = f" ({'; '.join(self.problems)})" if self.problems else ""
        return f"{name}: imported as {self.item_id}{extra}"


@dataclass
class ImportReport:
    results: list[FileResult] = field(default_factory=list)
    cancelled: bool = False

    def count(self, status: ImportStatus) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def ok(self) -> bool:
        return not self.cancelled and self.count(FAILED) == 0


@dataclass(frozen=True)
class ImportOptions:
    case: str | None = None
    tags: tuple[str, ...] = ()
    actor: str | None = None
    extra_digests: tuple[str, ...] = ()  # "md5", "sha1" for older forensic tools
    reader_memory: int | None = None  # address-space cap of a reader worker (bytes)
    reader_seconds: float = DEFAULT_TIME_LIMIT  # wall-clock limit of one file's readers
