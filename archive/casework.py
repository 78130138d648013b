"""The part of the :class:`archive.vault.Vault` facade for everyday case work: cases and their
items, the examiner, transcripts linked by hand. ``Vault`` inherits it; each method delegates to
a service (:mod:`archive.cases`, :mod:`archive.examiner`, :mod:`archive.pairing`) and keeps the
search index in step."""

from __future__ import annotations

from collections.abc import Sequence

from archive import cases as cases_service
from archive import examiner as examiner_service
from archive import pairing
from archive.catalog import records
from archive.core import VaultCore
from archive.indexing import Indexer


class CaseWork:
    """Mixed into ``Vault``, which provides :meth:`_require` and :meth:`_indexer`."""

    def _require(self) -> VaultCore:
        raise NotImplementedError

    def _indexer(self) -> Indexer:
        raise NotImplementedError

    # ------------------------------------------------------------------ cases
    def create_case(self, name: str, description: str = "", actor: str | None = None) -> str:
        """Make an empty case; returns its name as kept (trimmed, NFC)."""
        return cases_service.create_case(self._require(), name, description, actor)

    def rename_case(self, name: str, new_name: str, actor: str | None = None) -> str:
        new_name, held = cases_service.rename_case(self._require(), name, new_name, actor)
        self._indexer().reindex_items(held)
        return new_name

    def describe_case(self, name: str, description: str, actor: str | None = None) -> None:
        cases_service.describe_case(self._require(), name, description, actor)

    def delete_case(self, name: str, actor: str | None = None) -> list[str]:
        """Delete a case; its items stay in the vault. Returns the ids it held."""
        held = cases_service.delete_case(self._require(), name, actor)
        self._indexer().reindex_items(held)
        return held

    def add_to_case(self, name: str, refs: Sequence[str],
                    actor: str | None = None) -> cases_service.CaseChange:
        change = cases_service.add_to_case(self._require(), name, refs, actor)
        self._indexer().reindex_items(list(change.changed))
        return change

    def remove_from_case(self, name: str, refs: Sequence[str],
                         actor: str | None = None) -> cases_service.CaseChange:
        change = cases_service.remove_from_case(self._require(), name, refs, actor)
        self._indexer().reindex_items(list(change.changed))
        return change

    # ------------------------------------------------------------------ examiner
    @property
    def examiner(self) -> str:
        """The vault's examiner ("" when none was given: the login name acts)."""
        return self._require().examiner

    def set_examiner(self, name: str, actor: str | None = None) -> str:
        return examiner_service.set_examiner(self._require(), name, actor)

    def actor(self, given: str | None = None) -> str:
        """The name the next custody event would carry (see :meth:`VaultCore.actor`)."""
        return self._require().actor(given)

    # ------------------------------------------------------------------ pairing
    def linked_items(self, ref: str) -> list[str]:
        """The ids of the items linked to this one by hand."""
        with self._require().sessions() as session:
            return records.linked_ids(session, records.resolve_item(session, ref).id)

    def link_items(self, first: str, second: str, actor: str | None = None) -> tuple[str, str]:
        """Link a transcript to its recording by hand; returns (transcript, recording)."""
        return pairing.link(self._require(), first, second, actor)

    def unlink_items(self, first: str, second: str, actor: str | None = None) -> tuple[str, str]:
        return pairing.unlink(self._require(), first, second, actor)

    # ------------------------------------------------------------------ provenance
    def first_source(self, item_id: str) -> str | None:
        """Where an item was first taken in from (None once it is deleted)."""
        with self._require().sessions() as session:
            return records.first_source(session, item_id)
