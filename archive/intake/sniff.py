"""What a file is, judged from its first bytes (never from its name alone)."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from typing import BinaryIO

HEAD_BYTES = 4096


@dataclass(frozen=True)
class Sniffed:
    kind: str  # photo | audio | video | transcript | document | other
    format: str  # a MIME type


_FTYP_PHOTO = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1", b"avif"}
_FTYP_AUDIO = {b"M4A ", b"M4B ", b"M4P ", b"F4A "}
_QT_ATOMS = {b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot"}
_TIMECODE = re.compile(rb"\d{1,2}:\d{2}:\d{2}[,.]\d{3}\s*-->\s*\d{1,2}:\d{2}:\d{2}[,.]\d{3}")


_READABLE_ZIP_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
MIMETYPE_BYTES = 100  # the most of an ODF ``mimetype`` member that is ever decompressed


def _odf_mimetype(z: zipfile.ZipFile) -> str | None:
    """The first bytes of the ``mimetype`` member, or None when it is encrypted, compressed
    with a method we do not read, or its data is bad: only a bounded prefix is decompressed."""
    info = z.getinfo("mimetype")
    if info.flag_bits & 0x1 or info.compress_type not in _READABLE_ZIP_METHODS:
        return None
    try:
        with z.open(info) as member:
            return member.read(MIMETYPE_BYTES).decode("ascii", "replace").strip()
    except Exception:  # noqa: BLE001 - bad compressed data, a lying header: not an ODF file
        return None


def _zip_kind(src: BinaryIO) -> Sniffed | None:
    try:
        src.seek(0)
        with zipfile.ZipFile(src) as z:
            names = set(z.namelist())
            if "word/document.xml" in names:
                return Sniffed("document", "application/vnd.openxmlformats-officedocument."
                                           "wordprocessingml.document")
            if "mimetype" in names:
                mime = _odf_mimetype(z)
                if mime == "application/vnd.oasis.opendocument.text":
                    return Sniffed("document", mime)
    except Exception:  # noqa: BLE001 - a hostile archive may raise anything; it is then "other"
        return None
    return Sniffed("other", "application/zip")


def _ogg_kind(head: bytes) -> Sniffed:
    if b"OpusHead" in head:
        return Sniffed("audio", "audio/ogg; codecs=opus")
    if b"\x01vorbis" in head:
        return Sniffed("audio", "audio/ogg; codecs=vorbis")
    if b"\x80theora" in head:
        return Sniffed("video", "video/ogg")
    if b"\x7fFLAC" in head:
        return Sniffed("audio", "audio/ogg; codecs=flac")
    return Sniffed("audio", "audio/ogg")


def _text_kind(head: bytes, name: str) -> Sniffed | None:
    """Text in any of the encodings we extract (UTF-8/16, cp1251, KOI8-R): no NULs outside
    UTF-16, few control characters."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        sample = head.decode("utf-16", errors="ignore").encode("utf-8")
    elif b"\x00" in head:
        return None
    else:
        sample = head
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    if sample and controls > len(sample) // 100:
        return None
    stripped = sample.lstrip(b"\xef\xbb\xbf").lstrip()
    lower = name.lower()
    if stripped.startswith(b"WEBVTT"):
        return Sniffed("transcript", "text/vtt")
    if _TIMECODE.search(sample):
        return Sniffed("transcript", "application/x-subrip")
    if lower.endswith((".md", ".markdown")):
        return Sniffed("transcript", "text/markdown")
    return Sniffed("transcript", "text/plain")


def _mpeg_frame(head: bytes) -> bool:
    """An MPEG audio frame header with no reserved field values."""
    if len(head) < 4 or head[0] != 0xFF or head[1] & 0xE0 != 0xE0:
        return False
    version, layer = (head[1] >> 3) & 3, (head[1] >> 1) & 3
    bitrate, rate = head[2] >> 4, (head[2] >> 2) & 3
    return version != 1 and layer != 0 and bitrate != 15 and rate != 3


def sniff(src: BinaryIO, name: str = "") -> Sniffed:
    """``src`` must be seekable; it is left at an unspecified position."""
    src.seek(0)
    return sniff_head(src.read(HEAD_BYTES), name, src)


def sniff_head(head: bytes, name: str = "", src: BinaryIO | None = None) -> Sniffed:
    """Judged from the first bytes alone; a zip archive is looked into only when ``src`` is
    given (reading its directory is parsing, which readers do in their sandbox)."""
    if not head:
        return Sniffed("other", "application/x-empty")
    if head.startswith(b"\xff\xd8\xff"):
        return Sniffed("photo", "image/jpeg")
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return Sniffed("photo", "image/png")
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return Sniffed("photo", "image/tiff")
    if head.startswith((b"GIF87a", b"GIF89a")):
        return Sniffed("photo", "image/gif")
    if head[:4] == b"RIFF" and len(head) >= 12:
        sub = head[8:12]
        if sub == b"WEBP":
            return Sniffed("photo", "image/webp")
        if sub == b"WAVE":
            return Sniffed("audio", "audio/wav")
        if sub == b"AVI ":
            return Sniffed("video", "video/x-msvideo")
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in _FTYP_PHOTO:
            return Sniffed("photo", "image/heic" if brand != b"avif" else "image/avif")
        if brand in _FTYP_AUDIO:
            return Sniffed("audio", "audio/mp4")
        if brand.startswith(b"3g"):
            return Sniffed("video", "video/3gpp")
        if brand == b"qt  ":
            return Sniffed("video", "video/quicktime")
        return Sniffed("video", "video/mp4")
    if head[4:8] in _QT_ATOMS:
        return Sniffed("video", "video/quicktime")
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return Sniffed("video", "video/webm" if b"webm" in head[:64] else "video/x-matroska")
    if head.startswith(b"OggS"):
        return _ogg_kind(head)
    if head.startswith(b"fLaC"):
        return Sniffed("audio", "audio/flac")
    if head.startswith(b"ID3"):
        return Sniffed("audio", "audio/mpeg")
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        text = _text_kind(head, name)  # a byte-order mark: text, whatever follows
        if text is not None:
            return text
    if len(head) > 2 and head[0] == 0xFF and head[1] & 0xF6 == 0xF0:
        return Sniffed("audio", "audio/aac")
    if _mpeg_frame(head):
        return Sniffed("audio", "audio/mpeg")
    if head.startswith(b"%PDF-"):
        return Sniffed("document", "application/pdf")
    if head.startswith(b"PK\x03\x04") and src is not None:
        found = _zip_kind(src)
        if found is not None:
            return found
    if head.startswith(b"{\\rtf"):
        return Sniffed("document", "application/rtf")
    text = _text_kind(head, name)
    if text is not None:
        return text
    return Sniffed("other", "application/octet-stream")
