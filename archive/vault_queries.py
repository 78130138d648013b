"""The read-only half of the :class:`archive.vault.Vault` face: lists, details, texts, cases,
the custody record and its proofs, what the last unlock found, whether the vault is read-only.
Nothing here changes the vault or records an event."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from archive.catalog import records
from archive.catalog.details import ItemDetail, item_detail
from archive.catalog.locations import ItemLocation, list_locations
from archive.core import READ_ONLY_REFUSAL, VaultCore
from archive.custody.log import CustodyLog, Event
from archive.derived_access import text_of
from archive.errors import VaultReadOnly
from archive.notices import Notice


class VaultQueries:
    """Mixed into ``Vault``, which provides the unlocked parts."""

    _core: VaultCore | None
    _notices: list[Notice]
    _media: bool

    def _require(self) -> VaultCore:
        raise NotImplementedError

    @property
    def notices(self) -> list[str]:
        """What the last unlock found and did that the user must be told, one sentence each
        (an interrupted export cleared or put in place, a damaged search index rebuilt)."""
        return [notice.message for notice in self._notices]

    @property
    def unlock_notices(self) -> list[Notice]:
        """The same as :attr:`notices`, each with its kind and what it names (see
        :mod:`archive.notices`), for an interface that words them itself."""
        return list(self._notices)

    @property
    def read_only(self) -> bool:
        """Open without writing: nothing is recorded, changes raise VaultReadOnly."""
        return self._core is not None and self._core.read_only

    @property
    def on_read_only_media(self) -> bool:
        """Read-only because its folder cannot be written (what the user is told)."""
        return self.read_only and self._media

    def _require_writable(self) -> None:
        if self._require().read_only:
            raise VaultReadOnly(READ_ONLY_REFUSAL)

    def key_fingerprint(self) -> str:
        """The signing key's fingerprint, in groups to read aloud (see exhibits.fingerprint);
        what recipients of packages compare with the one their package was signed by."""
        from archive.exhibits.fingerprint import key_fingerprint

        return key_fingerprint(self._require().signer.public_key)

    @property
    def custody(self) -> CustodyLog:
        return self._require().custody

    def items(self, case: str | None = None, kind: str | None = None, offset: int = 0,
              limit: int | None = None, since: datetime | None = None,
              ) -> list[records.ItemSummary]:
        """Items in intake order; ``since`` (UTC) keeps those imported at or after it."""
        with self._require().sessions() as session:
            return records.list_items(session, case, kind, offset, limit, since)

    def item_count(self, case: str | None = None, kind: str | None = None,
                   since: datetime | None = None) -> int:
        with self._require().sessions() as session:
            return records.count_items(session, case, kind, since)

    def item_locations(self, case: str | None = None,
                       kind: str | None = None,
                       since: datetime | None = None) -> list[ItemLocation]:
        """Items with GPS (id, name, latitude, longitude), for the map."""
        with self._require().sessions() as session:
            return list_locations(session, case, kind, since)

    def related_recordings(self, ref: str) -> list[records.ItemSummary]:
        """For a transcript, the recordings it belongs to (and the other way round): linked by
        hand first, then found by file name."""
        with self._require().sessions() as session:
            return records.related_recordings(session, records.resolve_item(session, ref))

    def resolve(self, ref: str) -> str:
        with self._require().sessions() as session:
            return records.resolve_item(session, ref).id

    def item_detail(self, ref: str) -> ItemDetail:
        with self._require().sessions() as session:
            return item_detail(records.resolve_item(session, ref))

    def item_text(self, ref: str) -> tuple[str | None, list[dict[str, Any]] | None]:
        core = self._require()
        with core.sessions() as session:
            item_id = records.resolve_item(session, ref).id
        text = text_of(core, item_id)
        return (text.body, text.cues) if text is not None else (None, None)

    def cases(self) -> list[tuple[str, str, int]]:
        with self._require().sessions() as session:
            return records.list_cases(session)

    def custody_events(self, ref: str | None = None) -> list[Event]:
        with self._require().sessions() as session:
            item_id = records.resolve_item(session, ref).id if ref else None
            return records.custody_events(session, item_id)

    def check_custody(self) -> list[str]:
        """Problems in the custody log (empty when whole); see :func:`custody.log.check_log`."""
        return self._require().check_custody()

    def check_checkpoint(self, note: str) -> list[str]:
        """Hold a checkpoint handed out earlier against the log as it is now."""
        return self._require().check_checkpoint(note)

    def inclusion_proof(self, seq: int, tree_size: int | None = None) -> list[bytes]:
        """RFC 6962 audit path of event ``seq`` in the tree of ``tree_size`` events."""
        log = self.custody
        with log.lock:
            return log.inclusion_proof(seq, tree_size)

    def consistency_proof(self, old_size: int, new_size: int | None = None) -> list[bytes]:
        """RFC 6962 proof that the tree of ``new_size`` events extends that of ``old_size``."""
        log = self.custody
        with log.lock:
            return log.consistency_proof(old_size, new_size)

    def checkpoint_at(self, tree_size: int) -> str | None:
        return self._require().checkpoint_at(tree_size)

    def latest_checkpoint(self) -> str | None:
        return self._require().latest_checkpoint()
