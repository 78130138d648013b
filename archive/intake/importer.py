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
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from sqlalchemy import select
from sqlalchemy.orm import Session

from archive.cases import case_details
from archive.catalog.models import (
    Case,
    Intake,
    Item,
    ItemTag,
)
from archive.derived import seal_text
from archive.errors import Cancelled, DiskFull, StrongroomError
from archive.extract import metadata_dump_bytes
from archive.intake.names import shown_name
from archive.intake.pending import Pending, Prepared
from archive.intake.reading import inspect
from archive.intake.results import (
    ALREADY,
    DUPLICATE,
    FAILED,
    IMPORTED,
    FileResult,
    ImportOptions,
    ImportReport,
)
from archive.intake.rows import intake_values, record_new_item, stamp, utc_now
from archive.intake.sandbox import shared_sandbox
from archive.intake.sniff import HEAD_BYTES, sniff_head
from archive.intake.walk import Found, walk
from archive.progress import Progress
from archive.storage.fsio import is_disk_full
from archive.storage.objects import PutResult

if TYPE_CHECKING:
    from archive.core import Transaction, VaultCore

log = logging.getLogger(__name__)

IN_MEMORY_LIMIT = 32 * 1024 * 1024


class Importer:
    """Files are prepared (read, hashed and sealed, metadata and thumbnail extracted) on a small
    pool while the calling thread commits them in order, several to a transaction."""

    PREPARE_WORKERS = 2
    BATCH = 32  # files per transaction: one round of fsyncs and one signed checkpoint
    IN_FLIGHT = 2 * BATCH  # the pool keeps working while a batch is gathered and committed
    GATHER_SECONDS = 0.5  # how long a batch may wait for files still being prepared

    def __init__(self, vault: VaultCore, options: ImportOptions) -> None:
        self.vault = vault
        self.options = options
        self.store = vault.objects
        self.host = socket.gethostname()
        # Hashes already in the vault, so a known file skips extraction. Filled by run(); the
        # commit decides in its own transaction, so a stale answer here only costs time.
        self._known_hashes: set[str] = set()
        self.sandbox = shared_sandbox(options.reader_memory, options.reader_seconds)
        self._stopping = threading.Event()  # set when run() leaves early (Ctrl+C, an error)

    def run(self, paths: Sequence[str | os.PathLike[str]], progress: Progress | None = None,
            cancel: Callable[[], bool] | None = None,
            report: ImportReport | None = None,
            committed: Callable[[list[str]], None] | None = None) -> ImportReport:
        """Import ``paths``. A caller that passes its own (empty) ``report`` can watch results
        arrive from inside ``progress``, which runs on the same thread that adds them.
        ``committed`` is given the items of each batch as soon as the batch is committed
        (new ones, and known ones given a case or tags), before ``progress`` hears of them."""
        report = report if report is not None else ImportReport()
        found = list(walk([Path(p) for p in paths], exclude=self.vault.path))
        with self.vault.sessions() as session:
            self._known_hashes = set(session.scalars(select(Item.sha256)))
        total = len(found)
        window: deque[tuple[Found, Future[Prepared | FileResult] | None]] = deque()
        queue = iter(found)
        self._stopping.clear()

        def stop() -> bool:
            return self._stopping.is_set() or (cancel is not None and cancel())
        with ThreadPoolExecutor(self.PREPARE_WORKERS, thread_name_prefix="sr-intake") as pool:

            def refill() -> None:
                while len(window) < self.IN_FLIGHT and not report.cancelled:
                    entry = next(queue, None)
                    if entry is None:
                        return
                    job = None if entry.problem else pool.submit(self.prepare, entry.path, stop)
                    window.append((entry, job))

            try:
                while True:
                    refill()
                    if not window:
                        break
                    entry, job = window.popleft()
                    if progress is not None:
                        progress(len(report.results), total, entry.path.name)
                    if cancel is not None and cancel():  # checked right before each commit
                        report.cancelled = True
                        self._discard(job)
                        continue
                    if job is None:
                        report.results.append(FileResult(entry.path, FAILED,
                                                         reason=entry.problem))
                        continue
                    try:
                        prepared = job.result()
                    except Cancelled:
                        report.cancelled = True
                        continue
                    if isinstance(prepared, FileResult):
                        report.results.append(prepared)
                        continue
                    batch = self._gather(prepared, window, refill, cancel)
                    if cancel is not None and cancel():
                        report.cancelled = True
                        for prepared_file in batch:
                            self._release(prepared_file.puts)
                        continue
                    results = self.commit_batch(batch)
                    report.results.extend(results)
                    if committed is not None:
                        committed([r.item_id for r in results if r.item_id is not None])
                    if progress is not None and len(batch) > 1:
                        progress(len(report.results), total, "")
            finally:
                self._stopping.set()  # readers still working on files never committed stop
                for _entry, job in window:
                    self._discard(job)
        if progress is not None:
            progress(len(report.results), total, "")
        return report

    def _gather(self, first: Prepared,
                window: deque[tuple[Found, Future[Prepared | FileResult] | None]],
                refill: Callable[[], None],
                cancel: Callable[[], bool] | None) -> list[Prepared]:
        """The files that follow ``first`` and are, or within a short wait become, prepared
        well: committed together, they share one round of fsyncs and one signed checkpoint.
        Anything else (a failure, a cancellation) ends the batch and is handled in order."""
        batch = [first]
        deadline = time.monotonic() + self.GATHER_SECONDS
        while window and len(batch) < self.BATCH and not (cancel is not None and cancel()):
            job = window[0][1]
            if job is None:
                break
            try:
                result = job.result(timeout=max(0.0, deadline - time.monotonic()))
            except Exception:  # noqa: BLE001 - timed out, or its failure is handled in order
                break
            if not isinstance(result, Prepared):
                break
            window.popleft()
            batch.append(result)
            refill()
        return batch

    def _discard(self, job: Future[Prepared | FileResult] | None) -> None:
        if job is None or job.cancel():
            return
        try:
            prepared = job.result()
        except BaseException:  # noqa: BLE001 - its own slots were released where it failed
            return
        if isinstance(prepared, Prepared):
            self._release(prepared.puts)

    # ------------------------------------------------------------------ one file
    def prepare(self, path: Path, cancel: Callable[[], bool] | None = None
                ) -> Prepared | FileResult:
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
                    # A small file is read once: the very bytes that are hashed and sealed are
                    # the ones the readers see. A large one is read back from the vault.
                    source: BinaryIO = handle
                    content = b""
                    if before.st_size <= IN_MEMORY_LIMIT:
                        content = handle.read(IN_MEMORY_LIMIT + 1)
                        source = io.BytesIO(content)  # shares the bytes: no copy
                    head = source.read(HEAD_BYTES)
                    source.seek(0)
                    original = self.store.put_stream(
                        source, extra_digests=self.options.extra_digests,
                        size_hint=before.st_size, cancel=cancel, sync=False)
                except OSError as exc:
                    if is_disk_full(exc):  # every later file would fail alike: stop here
                        raise DiskFull() from exc
                    return FileResult(path, FAILED,
                                      reason=f"cannot read: {exc.strerror or exc}")
                puts.append(original)
                after = os.fstat(handle.fileno())
            if (after.st_size, after.st_mtime_ns) != (before.st_size, before.st_mtime_ns) or (
                    original.size != before.st_size):
                self._release(puts)
                return FileResult(path, FAILED, reason="the file changed while it was being read")
            if original.sha256 in self._known_hashes:
                guess = sniff_head(head, path.name)
                return Prepared(path, before, guess.kind, guess.format, original, None, None)
            # Sniffing and every reader run in the sandbox: the plaintext goes to a worker
            # through a pipe, whole when it is in memory, else in ranges read from the vault.
            sniffed, found = inspect(
                self.sandbox, head, path.name, content=content or None, size=original.size,
                cancel=cancel, open_source=lambda: io.BufferedReader(
                    self.store.reader_for(original), 1 << 16))
            thumb = None
            if found.thumbnail:
                thumb = self.store.put_stream(io.BytesIO(found.thumbnail), sync=False)
                puts.append(thumb)
            dump = None
            if found.tags:
                dump = self.store.put_stream(io.BytesIO(metadata_dump_bytes(found)), sync=False)
                puts.append(dump)
            text = None
            if found.text is not None:
                text = seal_text(self.store, found.text, found.cues)
                puts.append(text)
            return Prepared(path, before, sniffed.kind, sniffed.format, original, thumb, found,
                            dump, text)
        except BaseException:
            self._release(puts)
            raise

    def commit_batch(self, batch: list[Prepared]) -> list[FileResult]:
        """Commit prepared files in one transaction (one round of fsyncs, one checkpoint). If
        that fails, they are committed one by one, so one bad file cannot sink the others."""
        if len(batch) == 1:
            return self._commit_together(batch)
        try:
            # Kept reserved if this fails: the files are retried below with the same slots.
            return self._commit_together(batch, release_on_failure=False)
        except Exception:
            log.warning("a batch of %d files failed together; retrying one by one", len(batch))
        return [r for p in batch for r in self._commit_together([p])]

    def _commit_together(self, batch: list[Prepared],
                         release_on_failure: bool = True) -> list[FileResult]:
        results: list[FileResult] = []
        try:
            with self.vault.transaction(self.options.actor) as tx:
                pending = Pending(tx, batch, self._case)
                for prepared in batch:
                    results.append(self._commit_in(pending, prepared))
                pending.insert()
        except BaseException:
            if release_on_failure:
                for prepared in batch:
                    self._release(prepared.puts)
            raise
        for prepared, result in zip(batch, results, strict=True):
            if result.status != IMPORTED:  # its bytes were already in the vault
                self._release(prepared.puts)
            else:
                self._known_hashes.add(prepared.original.sha256)
                log.info("imported item %s", result.item_id)
        return results

    def _commit_in(self, pending: Pending, prepared: Prepared) -> FileResult:
        existing = pending.known.get(prepared.original.sha256)
        if existing is not None:
            pending.insert()  # the item may be one of this batch's, still waiting to be inserted
            return self._intake_again(pending.tx, prepared.path, prepared.stat, existing)
        if prepared.found is None:  # it was there when prepared, so it must be there now
            raise StrongroomError("the catalog changed during the import; run it again")
        item_id = os.urandom(16).hex()
        self._record(pending, prepared, item_id)
        pending.known[prepared.original.sha256] = item_id
        return FileResult(prepared.path, IMPORTED, item_id=item_id,
                          problems=tuple(prepared.found.problems))

    def _release(self, puts: list[PutResult]) -> None:
        for put in puts:
            self.store.release(put.extents)
        puts.clear()

    def _case(self, session: Session) -> Case | None:
        if not self.options.case:
            return None
        case = session.scalar(select(Case).where(Case.name == self.options.case))
        if case is None:
            case = Case(name=self.options.case, description="", created_at=utc_now())
            session.add(case)
            session.flush()
        return case

    def _record(self, pending: Pending, prepared: Prepared, item_id: str) -> None:
        """The rows and custody events of one new item, inserted with the rest of the batch."""
        record_new_item(pending, prepared, item_id, self.store,
                        sorted(set(self.options.tags)), self.host)

    def _intake_again(self, tx: Transaction, path: Path, st: os.stat_result,
                      item_id: str) -> FileResult:
        """The same bytes presented again: a new intake record (and any new case or tags) on the
        existing item; nothing at all when it is the very same file from the very same place."""
        session = tx.session
        item = session.get(Item, item_id)
        assert item is not None  # noqa: S101 - found by hash in this transaction
        source = shown_name(str(path.resolve()))
        same_place = any(
            i.source_path == source and i.size == st.st_size
            and i.modified_at == stamp(st.st_mtime) for i in item.intakes)
        case = self._case(session)
        new_tags = sorted(set(self.options.tags) - {t.name for t in item.tags})
        adds_case = case is not None and case not in item.cases
        if not same_place:
            session.add(Intake(**intake_values(path, st, item_id, tx.actor, self.host)))
            tx.custody.record("intake-again", item=item_id, sha256=item.sha256, size=item.size,
                              details={"original_name": shown_name(path.name),
                                       "modified_at": stamp(st.st_mtime).isoformat() + "Z"})
        if adds_case or new_tags:
            item.index_rev += 1
        if adds_case and case is not None:
            item.cases.append(case)
            tx.custody.record("case-add", item=item_id, sha256=item.sha256, size=item.size,
                              details=case_details(case.name))
        for tag in new_tags:
            item.tags.append(ItemTag(name=tag))
        if new_tags:
            tx.custody.record("tag", item=item_id, sha256=item.sha256, size=item.size,
                              details={"added": new_tags})
        return FileResult(path, DUPLICATE if not same_place else ALREADY, item_id=item_id)
