"""Dates and camera names in RIFF files (WAV, AVI) that MediaInfo does not report as ExifTool
does: the AVI 'IDIT' chunk (DateTimeOriginal), the INFO list's 'ICRD' (DateCreated) and the EXIF
list cameras write into voice memos ('etim' TimeCreated, 'ecor' Make, 'emdl' Model). The chunk
walk is bounded by the bytes given, its depth and the number of chunks."""

from __future__ import annotations

import struct
from datetime import datetime

from .dates import CAPTURE, CREATED, DateFact, make_fact

MAX_CHUNKS = 4096
_INFO = {b"ICRD": "DateCreated", b"INAM": "Title", b"IART": "Artist", b"ICMT": "Comment",
         b"ISFT": "Software", b"ICOP": "Copyright", b"IGNR": "Genre"}
_EXIF = {b"etim": "TimeCreated", b"ecor": "Make", b"emdl": "Model", b"erel": "RelatedImageFile",
         b"ever": "ExifVersion"}


def _text(body: bytes) -> str:
    return body.split(b"\x00")[0].decode("latin-1").strip()


def _walk(data: bytes, start: int, end: int, found: dict[str, str], depth: int,
          budget: list[int]) -> None:
    pos = start
    while pos + 8 <= end and budget[0] > 0:
        budget[0] -= 1
        kind = data[pos:pos + 4]
        size = struct.unpack("<I", data[pos + 4:pos + 8])[0]
        body_end = min(pos + 8 + size, end)
        if kind == b"LIST" and depth < 4 and body_end - pos >= 12:
            listed = data[pos + 8:pos + 12]
            if listed in (b"INFO", b"exif", b"hdrl"):
                _walk(data, pos + 12, body_end, found, depth + 1, budget)
        elif kind == b"IDIT":
            found.setdefault("DateTimeOriginal", _text(data[pos + 8:body_end]))
        elif kind in _INFO:
            found.setdefault(_INFO[kind], _text(data[pos + 8:body_end]))
        elif kind in _EXIF:
            found.setdefault(_EXIF[kind], _text(data[pos + 8:body_end]))
        pos += 8 + size + (size & 1)


def read_riff(data: bytes) -> dict[str, str]:
    """{"DateTimeOriginal": ..., "DateCreated": ..., "Make": ...} as ExifTool's RIFF group."""
    if len(data) < 12 or data[:4] != b"RIFF":
        return {}
    found: dict[str, str] = {}
    _walk(data, 12, len(data), found, 0, [MAX_CHUNKS])
    return {k: v for k, v in found.items() if v}


def _idit(text: str) -> str | None:
    """'Mon Mar 10 15:04:43 2003' (as AVI writers put it) or an EXIF-style date."""
    try:
        return datetime.strptime(" ".join(text.split()), "%a %b %d %H:%M:%S %Y").strftime(
            "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return text


def riff_dates(values: dict[str, str]) -> list[DateFact]:
    """IDIT is the capture time; ICRD with the EXIF list's time is what ExifTool combines into
    its DateTimeOriginal, so it is a capture time too; ICRD alone is kept as a created date."""
    facts = []
    if values.get("DateTimeOriginal"):
        facts.append(make_fact(CAPTURE, "RIFF:DateTimeOriginal",
                               _idit(values["DateTimeOriginal"])))
    created, time = values.get("DateCreated", ""), values.get("TimeCreated", "")
    if created and time and len(created) <= 10:
        facts.append(make_fact(CAPTURE, "RIFF:DateCreated", f"{created} {time}"))
    elif created:  # a date alone: ExifTool makes no DateTimeOriginal of it
        facts.append(make_fact(CREATED, "RIFF:DateCreated", created))
    return [f for f in facts if f is not None]
