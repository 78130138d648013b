"""Metadata outside EXIF that a JPEG may carry: IPTC-IIM (APP13), the text block of early Olympus
cameras (APP12), Canon's CIFF heap of the PowerShot era (APP0), and Reconyx trail-camera maker
notes. Every parser is bounded by the bytes it was given and stops at the first inconsistency."""

from __future__ import annotations

import struct
from collections.abc import Iterator
from datetime import datetime, timedelta

from .dates import CAPTURE, DateFact, make_fact

MAX_SEGMENTS = 256
_IPTC_NAMES = {
    5: "ObjectName", 25: "Keywords", 55: "DateCreated", 60: "TimeCreated",
    62: "DigitalCreationDate", 63: "DigitalCreationTime", 80: "By-line", 85: "By-lineTitle",
    90: "City", 92: "Sub-location", 95: "Province-State", 101: "Country-PrimaryLocationName",
    103: "OriginalTransmissionReference", 105: "Headline", 110: "Credit", 115: "Source",
    116: "CopyrightNotice", 120: "Caption-Abstract", 122: "Writer-Editor",
}


def jpeg_segments(data: bytes) -> Iterator[tuple[int, bytes]]:
    """(marker, payload) of each segment before the image data of a JPEG."""
    if data[:2] != b"\xff\xd8":
        return
    pos, count = 2, 0
    while pos + 4 <= len(data) and count < MAX_SEGMENTS:
        if data[pos] != 0xFF:
            return
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker in (0xD9, 0xDA):  # end of image, start of scan
            return
        length = struct.unpack(">H", data[pos + 2:pos + 4])[0]
        if length < 2:
            return
        yield marker, data[pos + 4:pos + 2 + length]
        pos += 2 + length
        count += 1


def read_iptc(payload: bytes) -> dict[str, str]:
    """IPTC-IIM record 2 from a Photoshop APP13 payload."""
    if not payload.startswith(b"Photoshop 3.0\x00"):
        return {}
    pos, block = 14, b""
    while pos + 12 <= len(payload) and payload[pos:pos + 4] == b"8BIM":
        resource = struct.unpack(">H", payload[pos + 4:pos + 6])[0]
        name_len = payload[pos + 6]
        pos += 7 + name_len + ((name_len + 1) % 2)
        size = struct.unpack(">I", payload[pos:pos + 4])[0]
        pos += 4
        if resource == 0x0404:
            block = payload[pos:pos + size]
            break
        pos += size + size % 2
    values: dict[str, str] = {}
    pos = 0
    while pos + 5 <= len(block) and block[pos] == 0x1C:
        record, dataset = block[pos + 1], block[pos + 2]
        size = struct.unpack(">H", block[pos + 3:pos + 5])[0]
        if size & 0x8000:  # an extended length is never metadata a camera writes
            break
        value = block[pos + 5:pos + 5 + size].decode("utf-8", "replace").strip("\x00 ")
        pos += 5 + size
        if record == 2 and dataset in _IPTC_NAMES and value:
            name = _IPTC_NAMES[dataset]
            values[name] = f"{values[name]}, {value}" if name in values else value
    return values


def iptc_dates(values: dict[str, str]) -> list[DateFact]:
    date = values.get("DateCreated", "")
    if len(date) != 8 or not date.isdigit():
        return []
    text = f"{date[:4]}:{date[4:6]}:{date[6:]}"
    time = values.get("TimeCreated", "")
    offset = None
    if len(time) >= 6 and time[:6].isdigit():
        text += f" {time[:2]}:{time[2:4]}:{time[4:6]}"
        if len(time) == 11 and time[6] in "+-":
            offset = f"{time[6:9]}:{time[9:]}"
    fact = make_fact(CAPTURE, "IPTC:DateCreated", text, offset=offset)
    return [fact] if fact else []


def read_picture_info(payload: bytes) -> dict[str, str]:
    """The '[picture info]' text block early Olympus (and some Kodak, Agfa) cameras wrote."""
    start = payload.find(b"[picture info]")
    if start < 0:
        return {}
    values = {}
    for line in payload[start:start + 8192].split(b"\r\n")[1:200]:
        key, sep, value = line.partition(b"=")
        if sep and key.strip():
            values[key.strip().decode("latin-1")] = value.strip(b"\x00 ").decode("latin-1")
    return values


def picture_info_dates(values: dict[str, str]) -> list[DateFact]:
    seconds = values.get("TimeDate", "")
    if not seconds.isdigit() or not 0 < int(seconds) < 2**32:
        return []
    # The camera's own clock counted as if it were UTC: a local time of unknown zone.
    local = datetime(1970, 1, 1) + timedelta(seconds=int(seconds))
    fact = make_fact(CAPTURE, "PictureInfo:DateTimeOriginal", local.strftime("%Y:%m:%d %H:%M:%S"))
    return [fact] if fact else []


def _ciff_directory(heap: bytes, values: dict[str, object], depth: int) -> None:
    if depth > 4 or len(heap) < 6:
        return
    table = struct.unpack("<I", heap[-4:])[0]
    if table + 2 > len(heap):
        return
    count = struct.unpack("<H", heap[table:table + 2])[0]
    for i in range(min(count, 256)):
        entry = heap[table + 2 + 10 * i:table + 12 + 10 * i]
        if len(entry) < 10:
            return
        tag, size, offset = struct.unpack("<HII", entry)
        if tag & 0xC000:  # value stored in the record itself
            continue
        body = heap[offset:offset + size]
        if len(body) != size:
            continue
        if (tag >> 8) & 0x38 in (0x28, 0x30):
            _ciff_directory(body, values, depth + 1)
        elif tag & 0x3FFF == 0x080A:  # MakeModel
            parts = body.split(b"\x00")
            if len(parts) >= 2:
                values["Make"] = parts[0].decode("latin-1").strip()
                values["Model"] = parts[1].decode("latin-1").strip()
        elif tag & 0x3FFF == 0x180E and size >= 4:  # CapturedTime
            values["CapturedTime"] = struct.unpack("<I", body[:4])[0]
        elif tag & 0x3FFF == 0x1810 and size >= 8:  # ImageInfo
            values["ImageWidth"], values["ImageHeight"] = struct.unpack("<II", body[:8])


def read_ciff(payload: bytes) -> dict[str, object]:
    """Make, model, capture time and size from a Canon CIFF heap embedded in APP0."""
    if len(payload) < 26 or payload[:2] != b"II" or payload[6:14] != b"HEAPJPGM":
        return {}
    header = struct.unpack("<I", payload[2:6])[0]
    values: dict[str, object] = {}
    _ciff_directory(payload[header:], values, 0)
    return values


def ciff_dates(values: dict[str, object]) -> list[DateFact]:
    seconds = values.get("CapturedTime")
    if not isinstance(seconds, int) or seconds <= 0:
        return []
    local = datetime(1970, 1, 1) + timedelta(seconds=seconds)
    fact = make_fact(CAPTURE, "CIFF:DateTimeOriginal", local.strftime("%Y:%m:%d %H:%M:%S"))
    return [fact] if fact else []


def reconyx_dates(maker_note: bytes) -> list[DateFact]:
    """HyperFire trail cameras (HC500, HC600, PC900): the time of the trigger."""
    if len(maker_note) < 34 or maker_note[:2] != b"\x01\xf1":
        return []
    words = list(struct.unpack("<6H", maker_note[22:34]))
    if words[0] & 0xFF00 and not words[0] & 0xFF:  # some firmware writes these big-endian
        words = [((w >> 8) | ((w & 0xFF) << 8)) for w in words]
    second, minute, hour, month, day, year = words
    text = f"{year:04d}:{month:02d}:{day:02d} {hour:02d}:{minute:02d}:{second:02d}"
    fact = make_fact(CAPTURE, "Reconyx:DateTimeOriginal", text)
    return [fact] if fact else []
