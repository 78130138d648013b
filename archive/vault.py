"""``Vault``: the one public face of the archive (create, unlock, lock, keys, objects)."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from archive import items as items_service
from archive.casework import CaseWork
from archive.catalog import engine as catalog
from archive.catalog.models import VaultRecord
from archive.core import Transaction, VaultCore, open_core
from archive.custody import passphrase_change
from archive.custody.rollback import TrustWarning
from archive.custody.stamping import DRAIN_SECONDS, StampOutcome
from archive.custody.trust import Trust
from archive.errors import VaultExists, VaultLocked, WrongPassphrase, WrongRecoveryKey
from archive.examiner import clean_examiner
from archive.exhibits.package import ExportResult, write_bag
from archive.exhibits.publication import PublicationCopy, write_publication
from archive.indexing import Indexer
from archive.intake.importer import Importer
from archive.intake.results import ImportOptions, ImportReport
from archive.opening import open_locked, settle_at_unlock
from archive.progress import Progress
from archive.storage.facts import PublicFacts, public_facts
from archive.storage.fsio import fsync_dir, make_private_dir
from archive.storage.header import FORMAT_VERSION, HEADER_NAME, VaultHeader, read_header
from archive.storage.lock import VaultLockFile
from archive.storage.nodump import forbid_core_dumps
from archive.storage.objects import ObjectReader
from archive.storage.packs import NewPack, PackFiles
from archive.vault_queries import VaultQueries
from archive.verify import VerifyReport, verify_vault
from crypto import kdf, keys, signing
from crypto.errors import AuthenticationFailed, MalformedKey
from search import ResultPage

log = logging.getLogger(__name__)

# libsodium MODERATE: 3 passes over 256 MiB, about one second here. Tests set a cheap one.
DEFAULT_KDF = kdf.MODERATE
DEFAULT_SLOTS_PER_PACK = 1024  # 1024 x 65,600 bytes = 64.06 MiB per pack
LOCK_NAME = "lock"


class Vault(VaultQueries, CaseWork):
    def __init__(self, path: Path, header: VaultHeader) -> None:
        forbid_core_dumps()  # before any key is derived or unwrapped in this process
        self.path = path
        self._header = header
        self._lock_file = VaultLockFile(path / LOCK_NAME)
        self._core: VaultCore | None = None
        self._indexer_: Indexer | None = None
        self._notices = []  # typed in VaultQueries
        self._media = False

    # ------------------------------------------------------------------ lifecycle
    @classmethod
    def create(
        cls,
        path: str | os.PathLike[str],
        passphrase: str,
        *,
        kdf_params: kdf.KdfParams | None = None,
        slots_per_pack: int = DEFAULT_SLOTS_PER_PACK,
        examiner: str = "",
    ) -> tuple[Vault, str]:
        """Make a new vault and return it unlocked, with the recovery key to show once.
        ``examiner`` names who works with it (the default actor of its custody events)."""
        forbid_core_dumps()
        examiner = clean_examiner(examiner)
        folder = Path(path)
        if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
            raise VaultExists(f"{folder}: already exists and is not an empty folder")
        params = kdf_params or DEFAULT_KDF
        kdf.normalize_passphrase(passphrase)  # refuse an empty passphrase before any work
        make_private_dir(folder)
        master = keys.new_master_key()
        recovery = keys.new_recovery_secret()
        salt = kdf.new_salt()
        draft = VaultHeader(slots_per_pack, params, salt, b"", b"", b"")
        kek = kdf.derive_key(passphrase, salt, params)
        header = VaultHeader(
            slots_per_pack=slots_per_pack,
            kdf=params,
            salt=salt,
            wrapped_by_passphrase=keys.wrap_key(kek, master, draft.keyslot_ad("passphrase")),
            wrapped_by_recovery=keys.wrap_key(
                keys.recovery_kek(recovery), master, draft.keyslot_ad("recovery")
            ),
            sealed_signing_seed=signing.seal_signing_seed(
                keys.subkey(master, keys.Purpose.SIGNING_WRAP), signing.new_signing_seed()
            ),
        )
        vault = cls(folder, header)
        vault._lock_file.acquire()
        try:
            packs = PackFiles(folder, slots_per_pack)
            packs.ensure_folder()
            NewPack(packs, 0).finish()  # an empty vault already looks like a small full one
            engine = catalog.open_engine(folder / catalog.CATALOG_NAME,
                                         keys.subkey(master, keys.Purpose.CATALOG))
            catalog.upgrade(engine)
            with catalog.session_factory(engine).begin() as session:
                session.add(VaultRecord(id=1, vault_id=os.urandom(16).hex(),
                                        created_at=datetime.now(UTC).replace(tzinfo=None),
                                        format_version=FORMAT_VERSION, examiner=examiner))
            engine.dispose()
            header.write(folder)  # last: a folder without a header is not a vault yet
            fsync_dir(folder)
            vault._core = open_core(folder, header, master)
            vault._finish_unlock()
        except BaseException:
            vault._lock_file.release()
            raise
        return vault, keys.format_recovery_key(recovery)

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> Vault:
        """Read the header; the vault stays locked until :meth:`unlock`."""
        folder = Path(path)
        return cls(folder, read_header(folder))

    def unlock(self, passphrase: str, *, read_only: bool = False) -> None:
        """Open with the passphrase. ``read_only``: nothing in the vault folder is written,
        unless a crash left something to settle (see archive.opening); read-only media too."""
        self._header = read_header(self.path)
        opened = passphrase_change.unwrap_master(self.path, self._header, passphrase)
        if opened is None:
            raise WrongPassphrase("wrong passphrase; nothing was changed")
        self._start(opened[0], read_only)
        if self._settle_passphrase_change() != opened[1]:  # an interrupted change decided
            self.lock()  # against the passphrase given: recorded, and it was the old one
            raise WrongPassphrase("wrong passphrase; nothing was changed")  # or unrecorded

    def _settle_passphrase_change(self) -> bool:
        """Finish or undo an interrupted passphrase change; True when its header went in."""
        core = self._require()
        if core.read_only:
            return passphrase_change.in_force(self.path, core.sessions)
        settled = passphrase_change.settle(self.path, core.sessions)
        self._header = read_header(self.path)
        return settled

    def unlock_with_recovery(self, recovery_key: str, *, read_only: bool = False) -> None:
        self._header = read_header(self.path)
        try:
            secret = keys.parse_recovery_key(recovery_key)
        except MalformedKey as exc:
            raise WrongRecoveryKey(f"{exc}; nothing was changed") from None
        try:
            master = keys.unwrap_key(keys.recovery_kek(secret), self._header.wrapped_by_recovery,
                                     self._header.keyslot_ad("recovery"))
        except AuthenticationFailed:
            raise WrongRecoveryKey("that recovery key does not open this vault") from None
        self._start(master, read_only)
        self._settle_passphrase_change()

    def _start(self, master: bytes, read_only: bool = False) -> None:
        if self._core is not None:
            return
        self._core, self._media = open_locked(self.path, self._header, master,
                                              self._lock_file, read_only)
        self._finish_unlock()

    def _finish_unlock(self) -> None:
        core = self._require()
        try:
            self._notices = settle_at_unlock(core)
            if not core.trust.rollback_found:  # else search waits for the acknowledgement
                self._indexer_ = Indexer.open(core)
                if self._indexer_.healed:
                    self._notices.append(self._indexer_.healed)
        except BaseException:
            self.lock()
            raise

    def lock(self) -> None:
        """Drop every key and cached plaintext, close the catalog and release the lock file."""
        core, self._core, indexer, self._indexer_ = self._core, None, self._indexer_, None
        if indexer is not None:
            indexer.close()  # what a note or a tag saved left to seal
        if core is not None:
            core.close()
        self._lock_file.release()

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, et: type[BaseException] | None, ev: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.lock()

    # ------------------------------------------------------------------ keys
    def change_passphrase(self, new_passphrase: str, kdf_params: kdf.KdfParams | None = None,
                          actor: str | None = None) -> None:
        """Rewrap the master key under a new passphrase; nothing else is re-encrypted."""
        core = self._require()
        params = kdf_params or self._header.kdf
        salt = kdf.new_salt()
        draft = self._header.with_passphrase_slot(params, salt, b"")
        kek = kdf.derive_key(new_passphrase, salt, params)
        wrapped = core.rewrap_master(kek, draft.keyslot_ad("passphrase"))
        header = draft.with_passphrase_slot(params, salt, wrapped)
        digest = passphrase_change.stage(self.path, header)  # staged, recorded, then in place
        cost = {"opslimit": params.opslimit, "memlimit": params.memlimit}
        try:
            with self.transaction(actor) as tx:
                tx.custody.record("passphrase-change",
                                  details={"kdf": cost, "header_sha256": digest})
        except BaseException:
            passphrase_change.discard(self.path)
            raise
        self._settle_passphrase_change()

    # ------------------------------------------------------------------ transactions
    def transaction(self, actor: str | None = None) -> AbstractContextManager[Transaction]:
        """A catalog transaction sealed by a signed checkpoint (:meth:`VaultCore.transaction`)."""
        return self._require().transaction(actor)

    @property
    def trust(self) -> Trust:
        """Witnesses and time-stamps; ``trust.warnings`` is what the user must be shown."""
        return self._require().trust

    def send_pending_stamps(self, timeout: float = DRAIN_SECONDS,
                            cancel: Callable[[], bool] | None = None) -> list[StampOutcome]:
        """Send the checkpoints waiting for a trusted time-stamp (unlock only notes them, in
        ``trust.stamps_due``). For a worker thread: bounded by ``timeout`` seconds in all, no
        vault lock held while it waits on the network, stops when the vault locks or
        ``cancel()`` turns true. Outcomes not stamped also show in ``trust.warnings``."""
        core = self._core
        return [] if core is None else core.trust.send_pending_stamps(timeout, cancel)

    def acknowledge_rollback(self) -> list[TrustWarning]:
        """The user saw the rollback warning: the witnesses follow the log as it is now, changes
        and search come back. Returns the witness places not written."""
        unwritten = self.trust.acknowledge()
        if self._indexer_ is None:  # the index files of a rolled-back catalog may be lost
            self._indexer_ = Indexer.open(self._require(), replace_unreadable=True)
        return unwritten

    # ------------------------------------------------------------------ evidence
    def import_paths(self, paths: Sequence[str | os.PathLike[str]], *,
                     options: ImportOptions | None = None, progress: Progress | None = None,
                     cancel: Callable[[], bool] | None = None,
                     report: ImportReport | None = None) -> ImportReport:
        """Import files and folders (recursively); see :mod:`archive.intake` (and
        :meth:`Importer.run` for watching ``report`` fill up from ``progress``)."""
        self._require_writable()
        self.trust.require_acknowledged()  # before intake writes into any free slot
        importer = Importer(self._require(), options or ImportOptions())
        indexed: set[str] = set()

        def index_batch(item_ids: list[str]) -> None:
            # Each committed batch is searchable while the import goes on. The index is
            # derived data: a batch that cannot be indexed now is tried again at the end, and
            # a crash before that is healed by the full comparison at the next unlock.
            try:
                self._indexer().reindex_items(item_ids)
            except Exception as exc:  # noqa: BLE001 (no traceback: it may quote evidence)
                log.warning("indexing %d imported item(s) failed (%s); tried again after the "
                            "import", len(item_ids), type(exc).__name__)
                return
            indexed.update(item_ids)

        report = importer.run(paths, progress, cancel, report, committed=index_batch)
        touched = {r.item_id for r in report.results if r.item_id is not None}
        # Only what a batch could not index (the rest is searchable already), and the small
        # segments the last batches left.
        self._indexer().import_ended(sorted(touched - indexed))
        return report

    def _indexer(self) -> Indexer:
        self._require()
        indexer = self._indexer_
        if indexer is None:
            self.trust.require_acknowledged()
            raise VaultLocked("the vault is still opening")
        return indexer

    def search(self, query: str, limit: int = 20, offset: int = 0) -> ResultPage:
        """Full-text search: the hits ``offset`` to ``offset + limit`` (a list) with the total
        number of hits (``.total``); raises :class:`search.QueryError` with a readable
        message."""
        return self._indexer().search(query, limit, offset)

    def rebuild_index(self, progress: Progress | None = None) -> int:
        """Throw the search index away and build it again from the catalog (a damaged text
        object met on the way is rebuilt from its original: see :meth:`rebuilt_derived`)."""
        return self._indexer().rebuild(progress)

    def rebuilt_derived(self) -> list[str]:
        """Derived objects found damaged (and rebuilt) while indexing, one sentence each."""
        return list(self._indexer().rebuilt)

    def delete_item(self, ref: str, reason: str, actor: str | None = None) -> None:
        """Crypto-erase an item (see :func:`archive.items.delete_item`); the index forgets it."""
        item_id = items_service.delete_item(self._require(), ref, reason, actor)
        self._indexer().reindex_items([], [item_id])

    def open_original(self, ref: str, *, purpose: str = "open", actor: str | None = None,
                      details: dict[str, Any] | None = None) -> ObjectReader:
        """A seekable reader over the original, after its custody event (``open``/``view``)."""
        return items_service.open_original(self._require(), ref, purpose=purpose, actor=actor,
                                           details=details)

    def thumbnail(self, ref: str) -> bytes | None:
        """The stored JPEG thumbnail, if there is one (derived data; no custody event)."""
        return items_service.thumbnail(self._require(), ref)

    def all_metadata(self, ref: str) -> dict[str, dict[str, str]]:
        """Every tag the readers saw in the original, by group as ExifTool's ``-a -G1`` names
        them (``{"IFD0": {"Make": "Canon", ...}, "XMP-exif": {...}}``); empty if none."""
        return items_service.all_metadata(self._require(), ref)

    def add_note(self, ref: str, text: str, actor: str | None = None) -> int:
        note_id, item_id = items_service.add_note(self._require(), ref, text, actor)
        self._indexer().reindex_items([item_id], seal_later=True)
        return note_id

    def change_tags(self, ref: str, add: Sequence[str] = (), remove: Sequence[str] = (),
                    actor: str | None = None) -> tuple[list[str], list[str]]:
        added, removed, item_id = items_service.change_tags(self._require(), ref, add, remove,
                                                             actor)
        self._indexer().reindex_items([item_id], seal_later=True)
        return added, removed

    def verify(self, progress: Progress | None = None, cancel: Callable[[], bool] | None = None,
               actor: str | None = None, witnesses: Sequence[Path] = ()) -> VerifyReport:
        """Re-hash every original, read every derived object, check the custody log, its
        checkpoints and its witnesses (and those given). A clean run is a custody event."""
        found = self.trust.check([Path(w) for w in witnesses])
        self._require().objects.forget_cached()
        report = verify_vault(self._require(), progress, cancel, [w for w in found if w.damage])
        report.custody_problems += [w.message for w in found]
        if report.ok and not self.read_only:  # a read-only vault records nothing
            with self.transaction(actor) as tx:
                tx.custody.record("verify", details={"items": report.items,
                                                     "bytes": report.bytes, "result": "clean"})
        return report

    def export(self, out: str | os.PathLike[str], *, case: str | Sequence[str] | None = None,
               items: Sequence[str] = (), actor: str | None = None,
               progress: Progress | None = None,
               cancel: Callable[[], bool] | None = None) -> ExportResult:
        """Write an exhibit package (BagIt) for a case or chosen items; see archive.export."""
        self._require_writable()
        return write_bag(self._require(), Path(out), case=case, refs=items, actor=actor,
                         progress=progress, cancel=cancel)

    def publication_copies(self, out: str | os.PathLike[str], *,
                           case: str | Sequence[str] | None = None,
                           items: Sequence[str] = (), actor: str | None = None,
                           progress: Progress | None = None,
                           cancel: Callable[[], bool] | None = None) -> list[PublicationCopy]:
        """Metadata-free derivatives named by exhibit number (see archive.publication)."""
        self._require_writable()
        return write_publication(self._require(), Path(out), case=case, refs=items, actor=actor,
                                 progress=progress, cancel=cancel)

    # ------------------------------------------------------------------ access
    def _require(self) -> VaultCore:
        if self._core is None:
            raise VaultLocked("the vault is locked; unlock it first")
        return self._core

    @property
    def core(self) -> VaultCore:
        """The unlocked parts (object store, sessions, custody log, signer), for the services
        and for tools and tests that look below the facade."""
        return self._require()

    @property
    def is_unlocked(self) -> bool:
        return self._core is not None

    @property
    def header(self) -> VaultHeader:
        return self._header

    def public_facts(self) -> PublicFacts:
        """What the folder shows without a key (``strongroom info``)."""
        return public_facts(self.path, self._header)


def is_vault(path: str | os.PathLike[str]) -> bool:
    return (Path(path) / HEADER_NAME).is_file()
