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


def photoshop_iptc(resources: bytes) -> bytes:
    """The IPTC-IIM block (resource 0x0404) of a Photoshop image resource block."""
    pos = 0
    while pos + 12 <= len(resources) and resources[pos:pos + 4] == b"8BIM":
        resource = struct.unpack(">H", resources[pos + 4:pos + 6])[0]
        name_len = resources[pos + 6]
        pos += 7 + name_len + ((name_len + 1) % 2)
        if pos + 4 > len(resources):
            break
        size = struct.unpack(">I", resources[pos:pos + 4])[0]
        pos += 4
        if resource == 0x0404:
            return resources[pos:pos + size]
        pos += size + size % 2
    return b""


def read_iim(block: bytes) -> dict[str, str]:
    """IPTC-IIM record 2 (the application record), by ExifTool's tag names."""
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


def read_iptc(payload: bytes) -> dict[str, str]:
    """IPTC-IIM from a JPEG's Photoshop APP13 payload."""
    if not payload.startswith(b"Photoshop 3.0\x00"):
        return {}
    return read_iim(photoshop_iptc(payload[14:]))


def read_iptc_any(block: bytes) -> dict[str, str]:
    """IPTC-IIM given raw (0x1C first) or inside Photoshop resources ('8BIM' first)."""
    if block.startswith(b"8BIM"):
        return read_iim(photoshop_iptc(block))
    return read_iim(block)


def png_raw_profile(text: str, limit: int = 1 << 20) -> bytes:
    """The bytes of an ImageMagick 'Raw profile type ...' PNG text: a name line, the length in
    decimal, then the bytes in hex over many lines."""
    lines = text.strip().split("\n", 2)
    if len(lines) < 3 or not lines[1].strip().isdigit():
        return b""
    length = int(lines[1].strip())
    if length > limit:
        return b""
    digits = "".join(lines[2].split())[:2 * length]
    try:
        return bytes.fromhex(digits)
    except ValueError:
        return b""


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


def _reconyx_clock(maker_note: bytes) -> tuple[int, ...] | None:
    """(year, month, day, hour, minute, second) from the three Reconyx maker-note layouts:
    HyperFire (starts 01 F1; six 16-bit words at byte 22: s, min, h, month, day, year),
    UltraFire ('RECONYXUF'; seven bytes at 59: s, min, h, day, month, year low, year high) and
    HyperFire 2 ('RECONYXH2'; six 16-bit words at 62: s, min, h, day, month, year)."""
    if maker_note[:2] == b"\x01\xf1" and len(maker_note) >= 34:
        words = list(struct.unpack("<6H", maker_note[22:34]))
        if words[0] & 0xFF00 and not words[0] & 0xFF:  # some firmware writes these big-endian
            words = [((w >> 8) | ((w & 0xFF) << 8)) for w in words]
        second, minute, hour, month, day, year = words
    elif maker_note.startswith(b"RECONYXUF\x00") and len(maker_note) >= 66:
        second, minute, hour, day, month, low, high = maker_note[59:66]
        year = low + 256 * high
    elif maker_note.startswith(b"RECONYXH2\x00") and len(maker_note) >= 74:
        second, minute, hour, day, month, year = struct.unpack("<6H", maker_note[62:74])
    else:
        return None
    return year, month, day, hour, minute, second


def reconyx_dates(maker_note: bytes) -> list[DateFact]:
    """Reconyx trail cameras: the time of the trigger, as ExifTool's Reconyx:DateTimeOriginal."""
    clock = _reconyx_clock(maker_note)
    if clock is None:
        return []
    text = "{:04d}:{:02d}:{:02d} {:02d}:{:02d}:{:02d}".format(*clock)
    fact = make_fact(CAPTURE, "Reconyx:DateTimeOriginal", text)
    return [fact] if fact else []
