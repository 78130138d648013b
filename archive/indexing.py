"""Keeps the search index in step with the catalog.

The index lives in memory while the vault is unlocked. After each index commit its changed
files are sealed into the object store and recorded in ``index_files`` (old ones dropped and
their slots freed): at once for imports, removals and rebuilds; for a note or a tag saved a
moment later on a thread of its own, or when the vault locks (see ``index_sealing``), so the
save returns as soon as the change is searchable. At unlock the files are loaded back and the
index is compared with the catalog item by item (id and revision), so an item is searchable
exactly when it is in the catalog, whatever a crash interrupted.

The index is derived data: when its files cannot be read back (a changed byte, a catalog older
than the packs beside it), unlocking says so and rebuilds it from the catalog instead of failing.
"""

from __future__ import annotations

import io
import logging
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from archive.catalog.models import IndexFile, Item, ItemText
from archive.derived import DerivedDamaged, ItemTextContent, read_text_row
from archive.derived_access import text_of
from archive.errors import VaultDamaged
from archive.index_sealing import DeferredSealing
from archive.notices import Notice, index_rebuilt
from archive.storage.slotmap import Extent
from search import IndexDocument, ResultPage, SearchIndex

if TYPE_CHECKING:
    from archive.core import VaultCore

log = logging.getLogger(__name__)
REBUILD_BATCH = 500
RECENT_LIMIT = 2000  # documents kept from small changes (to put their segments together)
_CHANGES = threading.RLock()


def _meta_words(meta: dict[str, Any], *keys: str) -> str:
    return " ".join(str(meta[k]) for k in keys if isinstance(meta.get(k), str | int | float))


def document(item: Item, text: ItemTextContent | None = None) -> IndexDocument:
    """The index's view of an item; ``text`` is its extracted text (see :func:`text_of`)."""
    meta = item.meta or {}
    return IndexDocument(
        id=item.id, rev=item.index_rev, kind=item.kind, title=item.title or "",
        name=item.original_name, text=text.body if text is not None else "",
        notes="\n".join(n.body for n in item.notes), tags=[t.name for t in item.tags],
        cases=[c.name for c in item.cases],
        camera=" ".join(filter(None, [item.camera or "", _meta_words(meta, "make", "model")])),
        lens=_meta_words(meta, "lens"), software=_meta_words(meta, "software"),
        codec=_meta_words(meta, "video_codec", "audio_codec", "container", "image_format"),
        encoding=(item.text.encoding or "") if item.text else "",
        captured=item.captured_at, imported=item.imported_at,
        has_location=item.gps_lat is not None,
        has_cues=bool(item.text and item.text.cue_count),
    )


def _with_everything() -> Any:
    return (selectinload(Item.text), selectinload(Item.notes), selectinload(Item.tags),
            selectinload(Item.cases))


class Indexer:
    def __init__(self, vault: VaultCore) -> None:
        self.vault = vault
        self._sealing = threading.Lock()  # one sealing at a time, on whichever thread
        self._later = DeferredSealing(self._seal_pending)
        self._recent: dict[str, IndexDocument] = {}  # what small changes indexed, by item
        self.healed: Notice | None = None  # what was wrong with the stored index, if anything
        self.rebuilt: list[str] = []  # derived objects found damaged and rebuilt while indexing
        try:
            files = self._load_files()
            self.index = SearchIndex.in_memory(files)
        except Exception as exc:  # noqa: BLE001 - any damage to derived data is healed alike
            self._start_over(exc)
            return
        # Name and length of each file already sealed in the store. Whoosh files are written
        # once under a new name, so this tells what changed without comparing contents.
        self._persisted = {n: len(d) for n, d in self.index.storage.snapshot().items()}
        if self.index.was_reset:
            # Written by another version of the index: started anew (the repair at unlock
            # indexes every item again) and the old files are dropped at the next save.
            self._persisted = dict.fromkeys(files, -1)

    @classmethod
    def open(cls, core: VaultCore, replace_unreadable: bool = False) -> Indexer:
        """Load the index and bring it up to date with the catalog. ``replace_unreadable``:
        start from an empty one when the stored files cannot be read (after a rollback)."""
        try:
            indexer = cls(core)
        except VaultDamaged:
            if not replace_unreadable:
                raise
            indexer = cls.empty(core)
        repaired = indexer.repair()
        if repaired:
            log.info("search index brought up to date (%d item(s))", repaired)
        return indexer

    @classmethod
    def empty(cls, vault: VaultCore) -> Indexer:
        """A new, empty index for when the stored files cannot be read (a vault put back from
        an older copy); they are all replaced at the first persist (see :meth:`rebuild`)."""
        indexer = cls.__new__(cls)
        indexer.vault = vault
        indexer._sealing = threading.Lock()
        indexer._later = DeferredSealing(indexer._seal_pending)
        indexer._recent = {}
        indexer.rebuilt = []
        indexer.index = SearchIndex.in_memory({})
        with vault.sessions() as session:
            indexer._persisted = dict.fromkeys(session.scalars(select(IndexFile.name)), -1)
        return indexer

    def _start_over(self, damage: Exception) -> None:
        """An empty index in place of a damaged one; every stored index file is dropped at the
        next persist and ``repair`` then indexes every item again from the catalog."""
        reason = str(damage).splitlines()[0][:200] if str(damage) else type(damage).__name__
        self.healed = index_rebuilt(reason)
        log.warning("search index damaged (%s); rebuilding it from the catalog",
                    type(damage).__name__)
        self.index = SearchIndex.in_memory()
        with self.vault.sessions() as session:
            names = list(session.scalars(select(IndexFile.name)))
        self._persisted = dict.fromkeys(names, -1)
        self.persist()

    def _load_files(self) -> dict[str, bytes]:
        with self.vault.sessions() as session:
            rows = list(session.scalars(select(IndexFile)))
        return {row.name: b"".join(self.vault.objects.iter_plaintext(row.object_id))
                for row in rows}

    # ------------------------------------------------------------------ keeping in step
    def repair(self, progress: Callable[[int, int, str], None] | None = None) -> int:
        """Index what the catalog has and the index lacks (or has at an older revision);
        remove what the index has and the catalog does not. Returns the number of changes."""
        indexed = self.index.revisions()
        with self.vault.sessions() as session:
            current = {row[0]: row[1] for row in session.execute(select(Item.id, Item.index_rev))}
        stale = [i for i, rev in current.items() if indexed.get(i) != rev]
        gone = [i for i in indexed if i not in current]
        if stale or gone:
            log.info("search index repair: %d to index, %d to remove", len(stale), len(gone))
            self.reindex_items(stale, gone, progress)
        return len(stale) + len(gone)

    def rebuild(self, progress: Callable[[int, int, str], None] | None = None) -> int:
        self._later.flush()
        with self._sealing, _CHANGES:
            self.index.clear()
            # A new index starts its generations again and reuses file names: all files are
            # stale.
            self._persisted = dict.fromkeys(self._persisted, -1)
        with self.vault.sessions() as session:
            ids = list(session.scalars(select(Item.id)))
        self.reindex_items(ids, [], progress)
        return len(ids)

    def reindex_items(self, ids: Iterable[str], remove: Iterable[str] = (),
                      progress: Callable[[int, int, str], None] | None = None,
                      seal_later: bool = False) -> None:
        """Index ``ids`` again from the catalog and remove ``remove``; the new index files are
        sealed before this returns, or with ``seal_later`` (a note or a tag saved: searchable
        at once) a moment later on another thread, with any other small changes made since."""
        todo = list(ids)
        removals = list(remove)
        if todo and not removals:
            # The items of the small segments left by earlier saves, once there are several,
            # indexed again with these: one segment instead of many, without a merge (the
            # sealing that follows small changes does it earlier, away from the save).
            todo = list(dict.fromkeys(todo + self.index.small_segment_ids()))
        if seal_later and not removals:
            with _CHANGES:
                self.index.update(self._known_documents(todo), quick=True)
            self._later.request()
            return
        for item_id in todo + removals:
            self._recent.pop(item_id, None)

        # One change at a time (an import's batches are indexed on its own thread while a note
        # may be saved on another); the sealing that follows includes it.
        with _CHANGES:
            self.index.update(self._documents(todo, progress), removals)
        self.persist()

    def import_ended(self, missed: Iterable[str]) -> None:
        """After an import: what its batches could not index, with the items of the small
        segments left (by its last batches, or earlier saves) put together in one segment.
        (Left, the next note saved would read them from the catalog and index them again
        while the user waits: half a second after an import of 10,000 statements.)"""
        todo = list(missed)
        try:
            left = self.index.small_segment_ids(at=2)
        except Exception as exc:  # noqa: BLE001 - the next change puts them together instead
            log.warning("the index's small segments could not be listed (%s)",
                        type(exc).__name__)
            left = []
        if todo or left:
            self.reindex_items(list(dict.fromkeys(todo + left)))

    def _documents(self, todo: list[str], progress: Callable[[int, int, str], None] | None
                   = None) -> Iterator[IndexDocument]:
        # One writer for the whole run (one segment: many small ones make every query slower),
        # reading the catalog a slice at a time.
        for start in range(0, len(todo), REBUILD_BATCH):
            chunk = todo[start : start + REBUILD_BATCH]
            with self.vault.sessions() as session:
                items = session.scalars(select(Item).where(Item.id.in_(chunk))
                                        .options(*_with_everything())).all()
                rows = [(i, i.text) for i in items]
            yield from [document(i, self._text(row)) for i, row in rows]
            if progress is not None:
                progress(min(start + REBUILD_BATCH, len(todo)), len(todo), "")

    def _known_documents(self, todo: list[str]) -> Iterator[IndexDocument]:
        """The documents of ``todo``, each remembered: the ones small changes indexed earlier
        taken from memory where the catalog still has them at that revision (the small
        segments they are in are put together without reading the catalog again), the
        others read from the catalog."""
        with self.vault.sessions() as session:
            revisions = {row[0]: row[1] for row in session.execute(
                select(Item.id, Item.index_rev).where(Item.id.in_(todo)))}
        if len(self._recent) > RECENT_LIMIT:
            self._recent.clear()
        known = [d for d in map(self._recent.get, todo)
                 if d is not None and d.rev == revisions.get(d.id)]
        have = {d.id for d in known}
        for doc in [*known, *self._documents([i for i in todo if i not in have])]:
            self._recent[doc.id] = doc
            yield doc

    def _seal_pending(self) -> None:
        """What follows small changes: the small segments they left, once there are several,
        put together (their items indexed again as one segment), then the new files sealed."""
        with _CHANGES:
            again = self.index.small_segment_ids(at=2)
            # Only segments of documents the saves indexed (no catalog read while saves wait);
            # an import's last small segments are put together by the next change that
            # reaches ``MERGE_AT`` small segments, as before.
            if again and all(item_id in self._recent for item_id in again):
                self.index.update(self._known_documents(again), quick=True)
        self.persist()

    def flush(self) -> None:
        """Seal now what small changes left to seal later."""
        self._later.flush()

    def close(self) -> None:
        """Before the vault locks: what is pending sealed, the sealing thread stopped."""
        self._later.close()

    def _text(self, row: ItemText | None) -> ItemTextContent | None:
        """An item's text for the index. A damaged text object is rebuilt from the original
        (and said in ``rebuilt``); if it cannot be, the item is indexed without its text."""
        if row is None:
            return None
        try:
            return read_text_row(self.vault.objects, row)
        except DerivedDamaged as damage:
            self.rebuilt.append(f"item {row.item_id}: {damage.what} failed its check "
                                f"({damage.reason})")
            return text_of(self.vault, row.item_id)

    # ------------------------------------------------------------------ persistence
    def persist(self) -> None:
        """Seal new index files into the store, drop the ones Whoosh removed. A read-only
        opening keeps its repairs in memory (the next writing opening makes them again)."""
        if self.vault.read_only:
            return
        with self._sealing:
            self._seal_changed_files()

    def _seal_changed_files(self) -> None:
        with _CHANGES:
            now = self.index.storage.snapshot()
        added = {n: d for n, d in now.items() if self._persisted.get(n) != len(d)}
        removed = [n for n in self._persisted if n not in now or n in added]
        if not added and not removed:
            return
        store = self.vault.objects
        puts = []
        try:
            for name, data in added.items():
                puts.append((name, store.put_stream(io.BytesIO(data), sync=False)))
            # Synced before the transaction, not in it: its commit holds the custody lock,
            # and a note saved meanwhile waited for the fsync of the index files (up to 1 s).
            store.flush()
            freed: list[Extent] = []
            with self.vault.transaction() as tx:
                session: Session = tx.session
                for name in removed:
                    row = session.get(IndexFile, name)
                    if row is not None:
                        object_id = row.object_id
                        session.delete(row)
                        session.flush()
                        freed += store.delete(session, object_id)
                for name, put in puts:
                    session.add(IndexFile(name=name, stored=store.attach(session, put)))
        except BaseException:
            for _name, put in puts:
                store.release(put.extents)
            raise
        store.release(freed)
        self._persisted = {n: len(d) for n, d in now.items()}

    # ------------------------------------------------------------------ queries
    def search(self, query: str, limit: int = 20, offset: int = 0) -> ResultPage:
        def lookup(item_id: str) -> tuple[str | None, list[dict[str, Any]] | None]:
            text = text_of(self.vault, item_id, heal=False)
            return (text.body, text.cues) if text is not None else (None, None)

        return self.index.search(query, limit=limit, lookup=lookup, offset=offset)
