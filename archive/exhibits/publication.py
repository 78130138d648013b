"""Publication copies: derivatives for an editor or the public with every piece of metadata
removed and file names replaced by exhibit numbers. They are never put in a court package; each
is recorded in the custody log as a derivative with its own SHA-256.

A copy is written only when a second reader that shares no code with the one that made it
(:mod:`archive.exhibits.leftovers`) finds no identifying field in it; otherwise the next way of
making it is tried (a recording is transcoded when a remux is not clean, a PDF is rendered to
page images when a rewrite is not), and when none is clean the file is refused with the reason.
One file never stops the others.

Decrypted originals are read from the vault in memory; nothing plaintext is written except the
copies themselves, in the folder the user chose.
"""

from __future__ import annotations

import hashlib
import io
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

from archive.errors import Cancelled
from archive.exhibits import scrub_documents as documents
from archive.exhibits import scrub_media as media
from archive.exhibits.leftovers import find_leftovers
from archive.exhibits.package import _select_items
from archive.exhibits.scrub_image import clean_photo
from archive.exhibits.staging import staged_export
from archive.progress import Progress

if TYPE_CHECKING:
    from archive.core import VaultCore

log = logging.getLogger(__name__)
COPIED, REENCODED, REFUSED = "copied", "copied after re-encoding", "refused"
_TEXT_EXT = {"text/plain": ".txt", "text/vtt": ".vtt", "application/x-subrip": ".srt",
             "text/markdown": ".md"}
_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_ODT = "application/vnd.oasis.opendocument.text"
Maker = Callable[[IO[bytes]], tuple[bytes, str]]


@dataclass(frozen=True)
class PublicationCopy:
    """What became of one item: ``outcome`` is copied, copied after re-encoding or refused;
    ``how`` says how the copy was made, or why there is none (``file`` is then empty)."""

    exhibit: str
    item_id: str
    file: str
    sha256: str
    outcome: str = COPIED
    how: str = ""


def _bytes_maker(convert: Callable[[bytes], bytes], ext: str) -> Maker:
    return lambda src: (convert(src.read()), ext)


def _ways(kind: str, fmt: str) -> list[tuple[Maker, str, str]]:
    """The ways of making a clean copy, best first: (maker, outcome, what it does)."""
    if kind == "photo":
        return [(lambda src: clean_photo(src, fmt), REENCODED,
                 "picture encoded again from its pixels, upright")]
    if kind in ("audio", "video"):
        return [(media.remux, COPIED, "streams copied unchanged into a new container"),
                (media.transcode, REENCODED, "decoded and encoded again (the streams could "
                                             "not be copied cleanly)")]
    if fmt == "application/pdf":
        return [(_bytes_maker(documents.rewrite_pdf, ".pdf"), COPIED,
                 "PDF rewritten page by page, its images encoded again"),
                (_bytes_maker(documents.render_pdf, ".pdf"), REENCODED,
                 "PDF pages rendered to images (a clean rewrite was not possible)")]
    if fmt == _DOCX:
        return [(_bytes_maker(documents.rewrite_docx, ".docx"), COPIED,
                 "document rebuilt without properties, comments or custom XML")]
    if fmt == _ODT:
        return [(_bytes_maker(documents.rewrite_odt, ".odt"), COPIED,
                 "document rebuilt without properties, comments or tracked changes")]
    if kind == "transcript" and fmt in _TEXT_EXT:
        return [(_bytes_maker(lambda b: b, _TEXT_EXT[fmt]), COPIED,
                 "plain text, nothing to remove")]
    return []


def _in_words(exc: Exception) -> str:
    """Why a way of making a copy failed, without echoing what a hostile file put in it."""
    if isinstance(exc, media.EmptyResult):
        return str(exc)
    if isinstance(exc, EOFError):
        return "the file ends before its content does (truncated)"
    name = type(exc).__name__
    if name == "InvalidDataError":
        return "the reader found invalid data in it"
    if isinstance(exc, MemoryError):
        return "it would need more memory than is reasonable"
    return f"the reader gave up ({name})"


def make_clean_copy(kind: str, fmt: str, src: IO[bytes]) -> tuple[bytes, str, str, str]:
    """(data, extension, outcome, how); data is empty and outcome REFUSED when no way works."""
    ways = _ways(kind, fmt)
    if not ways:
        return b"", "", REFUSED, f"no way to make a clean copy of a {fmt} file"
    reasons = []
    for maker, outcome, how in ways:
        try:
            src.seek(0)
            data, ext = maker(src)
            leftovers = find_leftovers(data, ext)
        except Exception as exc:  # noqa: BLE001 - hostile files make parsers raise anything
            reasons.append(f"{how.split(' (')[0]}: {_in_words(exc)}")
            continue
        if leftovers:
            reasons.append(f"{how.split(' (')[0]}: the copy still carries "
                           + ", ".join(leftovers[:6]))
            continue
        return data, ext, outcome, how
    return b"", "", REFUSED, "; ".join(reasons)


def write_publication(vault: VaultCore, out: Path, *, case: str | Sequence[str] | None = None,
                      refs: Sequence[str] = (), actor: str | None = None,
                      progress: Progress | None = None,
                      cancel: Callable[[], bool] | None = None) -> list[PublicationCopy]:
    results: list[PublicationCopy] = []
    items = _select_items(vault, case, refs)
    # Written in a folder the vault knows of, which the next unlock clears if this dies; the
    # custody events are committed only when every copy is written.
    with staged_export(vault.sessions, Path(out), "copies") as staging:
        work = staging.folder
        for n, item in enumerate(items, start=1):
            if cancel is not None and cancel():
                raise Cancelled()
            if progress is not None:
                progress(n - 1, len(items), "")
            number = f"EX-{n:03d}"
            with vault.objects.open_reader(item.object_id) as reader:
                # Recordings are read as they are demuxed (they can be large); the rest at once.
                src: IO[bytes] = io.BufferedReader(reader, 1 << 16) \
                    if item.kind in ("audio", "video") else io.BytesIO(reader.read())
                data, ext, outcome, how = make_clean_copy(item.kind, item.format, src)
            if outcome == REFUSED or not data:
                log.info("publication copy of item %s refused", item.id)
                results.append(PublicationCopy(number, item.id, "", "", REFUSED, how))
                continue
            name = f"{number}{ext}"
            (work / name).write_bytes(data)
            results.append(PublicationCopy(number, item.id, name,
                                           hashlib.sha256(data).hexdigest(), outcome, how))
        made = [r for r in results if r.file]
        sums = "".join(f"{c.sha256}  {c.file}\n" for c in made)
        (work / "SHA256SUMS").write_text(sums, encoding="ascii")
        by_id = {item.id: item for item in items}
        with vault.transaction(actor) as tx:
            for copy in made:
                item = by_id[copy.item_id]
                tx.custody.record("publication-copy", item=item.id, sha256=item.sha256,
                                  size=item.size, details={
                                      "exhibit": copy.exhibit, "file": copy.file,
                                      "derivative_sha256": copy.sha256, "outcome": copy.outcome,
                                      "removed": "all metadata; name replaced"})
            staging.mark_recorded(tx.session)
        if progress is not None:
            progress(len(items), len(items), "")
    return results
