"""Taking evidence in: walk, sniff, store bit-exact, deduplicate, extract, record custody.

Each file lands as a whole or not at all: its object slots are synced before the single catalog
transaction that records the object, the item, its intake, its derived data and its custody
events (with the signed checkpoint). A bad file gets a clear reason and the batch goes on.
"""

from __future__ import annotations

import io
import logging
import os
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from .errors import Cancelled
from .extract import Extracted, extract
from .models import Case, Intake, Item, ItemTag, ItemText
from .objects import PutResult
from .sniff import sniff
from .walk import walk

if TYPE_CHECKING:
    from .vault import Transaction, Vault

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]
IMPORTED, DUPLICATE, ALREADY, FAILED = "imported", "duplicate", "already", "failed"


@dataclass(frozen=True)
class FileResult:
    path: Path
    status: str  # imported | duplicate | already | failed
    item_id: str | None = None
    reason: str | None = None
    problems: tuple[str, ...] = ()

    def message(self) -> str:
        if self.status == FAILED:
            return f"{self.path.name}: {self.reason}; skipped, nothing else changed"
        if self.status == DUPLICATE:
            return f"{self.path.name}: already in the vault as {self.item_id}; intake recorded"
        if self.status == ALREADY:
            return f"{self.path.name}: already taken in from this place; nothing to do"
        extra = f" ({'; '.join(self.problems)})" if self.problems else ""
        return f"{self.path.name}: imported as {self.item_id}{extra}"


@dataclass
class ImportReport:
    results: list[FileResult] = field(default_factory=list)
    cancelled: bool = False

    def count(self, status: str) -> int:
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


def _stamp(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, UTC).replace(tzinfo=None)


def _utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Importer:
    def __init__(self, vault: Vault, options: ImportOptions) -> None:
        self.vault = vault
        self.options = options
        self.store = vault.objects
        self.host = socket.gethostname()

    def run(self, paths: Sequence[str | os.PathLike[str]], progress: Progress | None = None,
            cancel: Callable[[], bool] | None = None) -> ImportReport:
        report = ImportReport()
        found = list(walk([Path(p) for p in paths], exclude=self.vault.path))
        total = len(found)
        for done, entry in enumerate(found):
            if cancel is not None and cancel():
                report.cancelled = True
                break
            if progress is not None:
                progress(done, total, entry.path.name)
            if entry.problem is not None:
                report.results.append(FileResult(entry.path, FAILED, reason=entry.problem))
                continue
            try:
                report.results.append(self.import_file(entry.path, cancel))
            except Cancelled:
                report.cancelled = True
                break
        if progress is not None:
            progress(len(report.results), total, "")
        return report

    # ------------------------------------------------------------------ one file
    def import_file(self, path: Path, cancel: Callable[[], bool] | None = None) -> FileResult:
        try:
            handle = open(path, "rb")  # noqa: SIM115 - closed below, on every path
        except OSError as exc:
            return FileResult(path, FAILED, reason=f"cannot read: {exc.strerror or exc}")
        puts: list[PutResult] = []
        try:
            with handle:
                before = os.fstat(handle.fileno())
                if before.st_size == 0:
                    return FileResult(path, FAILED, reason="empty file (0 bytes); nothing to keep")
                try:
                    sniffed = sniff(handle, path.name)
                    handle.seek(0)
                    original = self.store.put_stream(
                        handle, extra_digests=self.options.extra_digests,
                        size_hint=before.st_size, cancel=cancel, sync=False)
                except OSError as exc:
                    return FileResult(path, FAILED,
                                      reason=f"cannot read: {exc.strerror or exc}")
                puts.append(original)
                after = os.fstat(handle.fileno())
            if (after.st_size, after.st_mtime_ns) != (before.st_size, before.st_mtime_ns) or (
                    original.size != before.st_size):
                self._release(puts)
                return FileResult(path, FAILED, reason="the file changed while it was being read")
            existing = self._find_by_hash(original.sha256)
            if existing is not None:
                self._release(puts)
                return self._intake_again(path, before, existing)
            found = extract(sniffed.kind, sniffed.format,
                            lambda: io.BufferedReader(self.store.reader_for(original), 1 << 16))
            thumb = None
            if found.thumbnail:
                thumb = self.store.put_stream(io.BytesIO(found.thumbnail), sync=False)
                puts.append(thumb)
            item_id = os.urandom(16).hex()
            with self.vault.transaction(self.options.actor) as tx:
                self._record(tx, path, before, sniffed.kind, sniffed.format, original, thumb,
                             found, item_id)
        except BaseException:
            self._release(puts)
            raise
        log.info("imported item %s", item_id)
        return FileResult(path, IMPORTED, item_id=item_id, problems=tuple(found.problems))

    def _release(self, puts: list[PutResult]) -> None:
        for put in puts:
            self.store.release(put.extents)
        puts.clear()

    def _find_by_hash(self, sha256: str) -> str | None:
        with self.vault.sessions() as session:
            return session.scalar(select(Item.id).where(Item.sha256 == sha256))

    def _intake_row(self, path: Path, st: os.stat_result, item_id: str, actor: str) -> Intake:
        return Intake(
            item_id=item_id, source_path=str(path.resolve()), original_name=path.name,
            size=st.st_size, modified_at=_stamp(st.st_mtime), changed_at=_stamp(st.st_ctime),
            accessed_at=_stamp(st.st_atime), imported_at=_utc_now(), imported_by=actor,
            host=self.host,
        )

    def _case(self, session: Session) -> Case | None:
        if not self.options.case:
            return None
        case = session.scalar(select(Case).where(Case.name == self.options.case))
        if case is None:
            case = Case(name=self.options.case, description="", created_at=_utc_now())
            session.add(case)
        return case

    def _record(self, tx: Transaction, path: Path, st: os.stat_result, kind: str, fmt: str,
                original: PutResult, thumb: PutResult | None, found: Extracted,
                item_id: str) -> None:
        session = tx.session
        self.store.attach(session, original)
        if thumb is not None:
            self.store.attach(session, thumb)
        session.flush()  # the object rows first: the item refers to them
        case = self._case(session)
        item = Item(
            id=item_id, object_id=original.object_id, sha256=original.sha256,
            md5=original.digests.get("md5"), sha1=original.digests.get("sha1"),
            size=original.size, kind=kind, format=fmt, original_name=path.name,
            imported_at=_utc_now(), imported_by=tx.actor, meta=found.meta,
            problems=found.problems, thumbnail_id=thumb.object_id if thumb else None,
            **found.fields,
        )
        if case is not None:
            item.cases.append(case)
        item.tags = [ItemTag(name=t) for t in sorted(set(self.options.tags))]
        if found.text is not None:
            item.text = ItemText(body=found.text, encoding=found.encoding, cues=found.cues)
        session.add(item)
        session.add(self._intake_row(path, st, item_id, tx.actor))
        details: dict[str, Any] = {"original_name": path.name, "kind": kind, "format": fmt,
                                   "modified_at": _stamp(st.st_mtime).isoformat() + "Z"}
        details.update({k: v for k, v in original.digests.items()})
        if case is not None:
            details["case"] = case.name
        if self.options.tags:
            details["tags"] = sorted(set(self.options.tags))
        tx.custody.record("import", item=item_id, sha256=original.sha256, size=original.size,
                          details=details)
        extracted = sorted(k for k in found.fields) + (["text"] if found.text is not None else [])
        extract_details: dict[str, Any] = {"fields": extracted, "problems": found.problems}
        if thumb is not None:
            extract_details["thumbnail_sha256"] = thumb.sha256
        tx.custody.record("extract", item=item_id, sha256=original.sha256, size=original.size,
                          details=extract_details)

    def _intake_again(self, path: Path, st: os.stat_result, item_id: str) -> FileResult:
        with self.vault.transaction(self.options.actor) as tx:
            session = tx.session
            item = session.get(Item, item_id)
            assert item is not None  # noqa: S101 - found by hash a moment ago, under the lock
            source = str(path.resolve())
            same_place = any(
                i.source_path == source and i.size == st.st_size
                and i.modified_at == _stamp(st.st_mtime) for i in item.intakes)
            case = self._case(session)
            new_tags = sorted(set(self.options.tags) - {t.name for t in item.tags})
            adds_case = case is not None and case not in item.cases
            if same_place and not adds_case and not new_tags:
                return FileResult(path, ALREADY, item_id=item_id)
            details: dict[str, Any] = {"original_name": path.name,
                                       "modified_at": _stamp(st.st_mtime).isoformat() + "Z"}
            if not same_place:
                session.add(self._intake_row(path, st, item_id, tx.actor))
                tx.custody.record("intake-again", item=item_id, sha256=item.sha256,
                                  size=item.size, details=details)
            if adds_case and case is not None:
                item.cases.append(case)
                tx.custody.record("case-add", item=item_id, sha256=item.sha256, size=item.size,
                                  details={"case": case.name})
            for tag in new_tags:
                item.tags.append(ItemTag(name=tag))
            if new_tags:
                tx.custody.record("tag", item=item_id, sha256=item.sha256, size=item.size,
                                  details={"added": new_tags})
        return FileResult(path, DUPLICATE if not same_place else ALREADY, item_id=item_id)
