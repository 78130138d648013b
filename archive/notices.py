"""What an unlock found and did that the user must be told: an interrupted export cleared or put
in place, a damaged search index rebuilt. Each notice has a kind and the places, numbers and
reason it names, so that an interface can word it in the user's language, and an English
sentence (``message``) for the command line."""

from __future__ import annotations

from dataclasses import dataclass

# An interrupted export's folder is on a disk that is not attached now (``place``).
EXPORT_UNREACHABLE = "export-unreachable"
# An interrupted export's decrypted files (``place``) could not be removed.
EXPORT_NOT_REMOVED = "export-not-removed"
# An export to ``target`` was interrupted; its decrypted files (``place``) were removed.
EXPORT_REMOVED = "export-removed"
# An export recorded in the custody log was interrupted; its package was put at ``place``.
EXPORT_PUT_IN_PLACE = "export-put-in-place"
# A read-only opening: ``count`` interrupted exports wait for a writing one.
EXPORTS_WAITING = "exports-waiting"
# The search index could not be read (``reason``); it is rebuilt from the catalog.
INDEX_REBUILT = "index-rebuilt"


@dataclass(frozen=True)
class Notice:
    kind: str
    message: str
    place: str = ""
    target: str = ""
    count: int = 0
    reason: str = ""

    def __str__(self) -> str:
        return self.message


def export_unreachable(folder: str) -> Notice:
    return Notice(EXPORT_UNREACHABLE,
                  f"an interrupted export left decrypted files in {folder}, which cannot be "
                  "reached now (is its disk attached?); they will be removed at the next "
                  "unlock that finds them, or delete that folder", place=folder)


def export_not_removed(folder: str) -> Notice:
    return Notice(EXPORT_NOT_REMOVED,
                  f"an interrupted export left decrypted files in {folder} that could not be "
                  "removed; delete that folder", place=folder)


def export_removed(folder: str, target: str) -> Notice:
    return Notice(EXPORT_REMOVED,
                  f"an export to {target} was interrupted; the decrypted files it had written "
                  f"({folder}) were removed, and nothing of it was recorded in the custody log",
                  place=folder, target=target)


def export_put_in_place(place: str) -> Notice:
    return Notice(EXPORT_PUT_IN_PLACE,
                  "an export was interrupted after it was recorded in the custody log; its "
                  f"complete package was put in place: {place}", place=place)


def exports_waiting(count: int) -> Notice:
    return Notice(EXPORTS_WAITING,
                  f"{count} interrupted export(s) may have left decrypted files beside their "
                  "target folder; they are removed when the vault is next opened on writable "
                  "media", count=count)


def index_rebuilt(reason: str) -> Notice:
    return Notice(INDEX_REBUILT,
                  f"the search index could not be read ({reason}); it is being rebuilt from "
                  "the catalog, and the originals are not affected", reason=reason)
