"""Publication copies: derivatives for an editor or the public with every piece of metadata
removed (EXIF, GPS, XMP, IPTC, maker notes, ICC descriptions, container and stream tags,
document properties) and file names replaced by exhibit numbers. They are never put in a court
package; each is recorded in the custody log as a derivative with its own SHA-256.

Decrypted originals are read from the vault in memory; nothing plaintext is written except the
copies themselves, in the folder the user chose.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from archive.errors import Cancelled, StrongroomError
from archive.exhibits.package import _select_items
from archive.progress import Progress
from archive.storage.fsio import staged_folder

if TYPE_CHECKING:
    from archive.core import VaultCore

_PHOTO_OUT = {"image/png": ("PNG", ".png"), "image/webp": ("WEBP", ".webp")}
_MEDIA_EXT = {"video/mp4": ".mp4", "video/quicktime": ".mov", "video/webm": ".webm",
              "video/x-matroska": ".mkv", "video/x-msvideo": ".avi", "video/3gpp": ".3gp",
              "audio/mp4": ".m4a", "audio/mpeg": ".mp3", "audio/flac": ".flac",
              "audio/wav": ".wav", "audio/ogg; codecs=opus": ".opus",
              "audio/ogg; codecs=vorbis": ".ogg", "audio/ogg": ".ogg"}


@dataclass(frozen=True)
class PublicationCopy:
    exhibit: str
    item_id: str
    file: str
    sha256: str


def _photo(src: BinaryIO, fmt: str) -> tuple[bytes, str]:
    from PIL import Image, ImageOps

    from archive.extract import image  # noqa: F401 - registers the HEIC opener

    with Image.open(src) as img:
        upright = ImageOps.exif_transpose(img)  # the picture as it was seen, tags gone
        kind, ext = _PHOTO_OUT.get(fmt, ("JPEG", ".jpg"))
        if kind == "JPEG" and upright.mode not in ("RGB", "L"):
            upright = upright.convert("RGB")
        clean = upright.copy()
        clean.info = {}  # no ICC description, XMP, comments or text chunks ride along
        buf = io.BytesIO()
        options = {"quality": 95, "subsampling": 0} if kind == "JPEG" else {}
        clean.save(buf, kind, exif=b"", **options)
        return buf.getvalue(), ext


def _media(src: BinaryIO, fmt: str) -> tuple[bytes, str]:
    """Remux the streams untouched (no re-encoding) into a fresh container without tags."""
    import av

    ext = _MEDIA_EXT.get(fmt, ".mkv")
    out_buf = io.BytesIO()
    container_format = {".m4a": "ipod", ".mov": "mov", ".mp4": "mp4", ".3gp": "3gp",
                        ".mkv": "matroska", ".webm": "webm", ".avi": "avi", ".mp3": "mp3",
                        ".flac": "flac", ".wav": "wav", ".opus": "ogg", ".ogg": "ogg"}[ext]
    with av.open(src, "r") as inp, av.open(out_buf, "w", format=container_format,
                                          options={"fflags": "+bitexact"}) as out:
        mapping = {}
        for stream in inp.streams:
            if stream.type not in ("video", "audio"):
                continue  # data, subtitle and timecode tracks may carry GPS or names
            copy = out.add_stream_from_template(stream)
            copy.metadata.clear()
            mapping[stream.index] = copy
        out.metadata.clear()
        for packet in inp.demux(*[inp.streams[i] for i in mapping]):
            if packet.dts is None:
                continue
            packet.stream = mapping[packet.stream.index]
            out.mux(packet)
    return out_buf.getvalue(), ext


def _document(src: BinaryIO, fmt: str) -> tuple[bytes, str]:
    data = src.read()
    if fmt == "application/pdf":
        from pypdf import PdfReader, PdfWriter

        writer = PdfWriter()
        for page in PdfReader(io.BytesIO(data)).pages:
            writer.add_page(page)
        writer.add_metadata({"/Producer": ""})
        buf = io.BytesIO()
        writer.write(buf)
        return buf.getvalue(), ".pdf"
    if fmt.endswith("wordprocessingml.document"):
        import docx

        document = docx.Document(io.BytesIO(data))
        props = document.core_properties
        for name in ("author", "comments", "category", "keywords", "last_modified_by",
                     "subject", "title", "identifier", "content_status", "version"):
            setattr(props, name, "")
        buf = io.BytesIO()
        document.save(buf)
        return buf.getvalue(), ".docx"
    raise StrongroomError(f"no way to remove metadata from {fmt} yet")


def _clean(kind: str, fmt: str, src: BinaryIO) -> tuple[bytes, str]:
    if kind == "photo":
        return _photo(src, fmt)
    if kind in ("audio", "video"):
        return _media(src, fmt)
    if kind == "transcript":
        return src.read(), ".txt" if fmt == "text/plain" else {
            "text/vtt": ".vtt", "application/x-subrip": ".srt", "text/markdown": ".md"}[fmt]
    return _document(src, fmt)


def write_publication(vault: VaultCore, out: Path, *, case: str | None = None,
                      refs: Sequence[str] = (), actor: str | None = None,
                      progress: Progress | None = None,
                      cancel: Callable[[], bool] | None = None) -> list[PublicationCopy]:
    out = Path(out)
    copies: list[PublicationCopy] = []
    with staged_folder(out, "copies") as work:
        items = _select_items(vault, case, refs)
        for n, item in enumerate(items, start=1):
            if cancel is not None and cancel():
                raise Cancelled()
            if progress is not None:
                progress(n - 1, len(items), "")
            number = f"EX-{n:03d}"
            with vault.objects.open_reader(item.object_id) as reader:
                try:
                    data, ext = _clean(item.kind, item.format, io.BufferedReader(reader, 1 << 16))
                except StrongroomError:
                    raise
                except Exception as exc:  # noqa: BLE001 - hostile files raise anything
                    raise StrongroomError(f"{number} ({item.original_name}): cannot make a "
                                          f"clean copy ({type(exc).__name__}); nothing "
                                          "was written") from None
            name = f"{number}{ext}"
            (work / name).write_bytes(data)
            copies.append(PublicationCopy(number, item.id, name,
                                          hashlib.sha256(data).hexdigest()))
        sums = "".join(f"{c.sha256}  {c.file}\n" for c in copies)
        (work / "SHA256SUMS").write_text(sums, encoding="ascii")
        with vault.transaction(actor) as tx:
            for copy, item in zip(copies, items, strict=True):
                tx.custody.record("publication-copy", item=item.id, sha256=item.sha256,
                                  size=item.size, details={
                                      "exhibit": copy.exhibit, "file": copy.file,
                                      "derivative_sha256": copy.sha256,
                                      "removed": "all metadata; name replaced"})
    return copies
