"""Pairing by hand: a transcript linked to the recording it transcribes, or unlinked again. Each
change is recorded on both items. (Pairs found by file name are in
:func:`archive.catalog.records.related_recordings`.)"""

from __future__ import annotations

from archive.catalog import records
from archive.catalog.models import Item, ItemLink
from archive.core import VaultCore
from archive.custody.log import Recorder, utc_now
from archive.errors import BadInput

RECORDINGS = ("audio", "video")


def _transcript_and_recording(first: Item, second: Item) -> tuple[Item, Item]:
    for transcript, recording in ((first, second), (second, first)):
        if transcript.kind == "transcript" and recording.kind in RECORDINGS:
            return transcript, recording
    raise BadInput("a link pairs a transcript with an audio or video recording; "
                   f"these are {first.kind} and {second.kind}")


def link(core: VaultCore, first_ref: str, second_ref: str,
         actor: str | None = None) -> tuple[str, str]:
    """Link a transcript and a recording (in either order); returns (transcript, recording)."""
    with core.transaction(actor) as tx:
        transcript, recording = _transcript_and_recording(
            records.resolve_item(tx.session, first_ref),
            records.resolve_item(tx.session, second_ref))
        if tx.session.get(ItemLink, (transcript.id, recording.id)) is not None:
            raise BadInput("these two items are already linked")
        tx.session.add(ItemLink(transcript_id=transcript.id, recording_id=recording.id,
                                linked_at=utc_now()))
        _record(tx.custody, "link", transcript, recording)
        return transcript.id, recording.id


def unlink(core: VaultCore, first_ref: str, second_ref: str,
           actor: str | None = None) -> tuple[str, str]:
    """Undo a link made by hand; returns (transcript, recording)."""
    with core.transaction(actor) as tx:
        transcript, recording = _transcript_and_recording(
            records.resolve_item(tx.session, first_ref),
            records.resolve_item(tx.session, second_ref))
        row = tx.session.get(ItemLink, (transcript.id, recording.id))
        if row is None:
            raise BadInput("these two items are not linked by hand")
        tx.session.delete(row)
        _record(tx.custody, "unlink", transcript, recording)
        return transcript.id, recording.id


def _record(recorder: Recorder, action: str, transcript: Item, recording: Item) -> None:
    details = {"transcript": transcript.id, "recording": recording.id}
    for item in (transcript, recording):
        recorder.record(action, item=item.id, sha256=item.sha256, size=item.size,
                        details=details)
