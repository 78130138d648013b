"""EXIF: every tag exifread sees (grouped as ExifTool's -G1 names them), with Pillow's own EXIF
reader as a second opinion where exifread gives up on a broken IFD. Dates become DateFacts; only
DateTimeOriginal means capture."""

from __future__ import annotations

import contextlib
import logging
import struct
from fractions import Fraction
from typing import Any, BinaryIO

import exifread

from .dates import CAPTURE, DIGITIZED, GPS, MODIFIED, DateFact, make_fact

logging.getLogger("exifread").setLevel(logging.CRITICAL)  # it logs file contents
MAX_VALUE = 2048
# exifread copies a maker note one byte at a time (about 15 us each): larger notes are kept as
# bytes, not decoded, so that a photo's import stays quick.
MAX_MAKER_NOTE = 16 << 10
_GROUPS = {"Image": "IFD0", "EXIF": "ExifIFD", "GPS": "GPS", "Interoperability": "InteropIFD",
           "Thumbnail": "IFD1", "MakerNote": "MakerNotes"}
_MAKER_GROUPS = (("CANON", "Canon"), ("NIKON", "Nikon"), ("OLYMPUS", "Olympus"),
                 ("OM DIGITAL", "Olympus"), ("CASIO", "Casio"), ("SONY", "Sony"),
                 ("FUJIFILM", "FujiFilm"), ("APPLE", "Apple"), ("DJI", "DJI"),
                 ("PANASONIC", "Panasonic"), ("RECONYX", "Reconyx"))
# exifread's names for the dates, as ExifTool calls them (the names a second reader will show).
_RENAMED = {"IFD0:DateTime": "IFD0:ModifyDate", "ExifIFD:DateTimeDigitized": "ExifIFD:CreateDate",
            "ExifIFD:ISOSpeedRatings": "ExifIFD:ISO", "GPS:GPSDate": "GPS:GPSDateStamp"}
# Pillow's numeric tags for the same fields, where exifread found nothing.
_PILLOW_IFD0 = {0x010F: "Make", 0x0110: "Model", 0x0112: "Orientation", 0x0131: "Software",
                0x0132: "ModifyDate", 0x013B: "Artist", 0x010E: "ImageDescription"}
_PILLOW_EXIF = {0x9003: "DateTimeOriginal", 0x9004: "CreateDate", 0x9010: "OffsetTime",
                0x9011: "OffsetTimeOriginal", 0x9012: "OffsetTimeDigitized",
                0x9290: "SubSecTime", 0x9291: "SubSecTimeOriginal",
                0x9292: "SubSecTimeDigitized", 0xA434: "LensModel", 0x829A: "ExposureTime",
                0x829D: "FNumber", 0x8827: "ISO", 0x920A: "FocalLength"}
_PILLOW_GPS = {0: "GPSVersionID", 1: "GPSLatitudeRef", 2: "GPSLatitude", 3: "GPSLongitudeRef",
               4: "GPSLongitude", 5: "GPSAltitudeRef", 6: "GPSAltitude", 7: "GPSTimeStamp",
               29: "GPSDateStamp"}


def _ratio(value: Any) -> float:
    if hasattr(value, "num") and hasattr(value, "den"):
        return float(Fraction(value.num, value.den)) if value.den else 0.0
    return float(value)


def _printable(tag: Any) -> str:
    if isinstance(tag, bytes):
        return f"(binary data {len(tag)} bytes)"
    if isinstance(tag, tuple | list):
        return " ".join(_printable(v) for v in tag[:64])
    text = str(tag.printable if hasattr(tag, "printable") else tag)
    return text.strip().strip("\x00").strip()[:MAX_VALUE]


class ExifReading:
    """Raw values by ExifTool-style "Group:Name", and the printable dump by group."""

    def __init__(self) -> None:
        self.values: dict[str, Any] = {}
        self.dump: dict[str, dict[str, str]] = {}
        self.maker_note: bytes | None = None  # the raw maker-note bytes, for the blocks we read
        self.make = ""  # IFD0 Make as the first reader saw it

    def add(self, key: str, value: Any) -> None:
        key = _RENAMED.get(key, key)
        if key in self.values:
            return
        text = _printable(value)
        if not text:
            return
        self.values[key] = value
        group, _, name = key.partition(":")
        self.dump.setdefault(group, {})[name] = text

    def text(self, key: str) -> str | None:
        value = self.values.get(key)
        if value is None:
            return None
        return _printable(value) or None

    def numbers(self, key: str) -> list[float]:
        value = self.values.get(key)
        if value is None:
            return []
        items = getattr(value, "values", value)
        if not isinstance(items, list | tuple):
            items = [items]
        try:
            return [_ratio(v) for v in items]
        except (TypeError, ValueError, ZeroDivisionError):
            return []


def maker_group(make: str) -> str:
    """ExifTool's family-1 group for the maker notes of a camera by this maker."""
    upper = make.upper()
    for word, group in _MAKER_GROUPS:
        if word in upper:
            return group
    return "MakerNotes"


def maker_note_is_bounded(note: bytes, make: str) -> bool:
    """Whether exifread may decode this maker note: it copies a maker note (and Canon's
    CameraInfo) one value at a time however long its entry says it is, so a hostile count would
    keep it busy for hours. ``note`` is the maker note as Pillow read it (bounded by the file);
    a Canon IFD whose CameraInfo claims more than MAX_MAKER_NOTE is refused."""
    if len(note) > MAX_MAKER_NOTE:
        return False
    if "CANON" not in make.upper():
        return True
    for order in "<>":
        count = struct.unpack(order + "H", note[:2])[0] if len(note) >= 2 else 0
        for i in range(min(count, 512)):
            entry = note[2 + 12 * i:14 + 12 * i]
            if len(entry) < 12:
                break
            tag, _kind, length = struct.unpack(order + "HHI", entry[:8])
            if tag == 0x000D and length > MAX_MAKER_NOTE:
                return False
    return True


def read_exifread(stream: BinaryIO, reading: ExifReading) -> None:
    """The EXIF IFDs, and the maker notes exifread decodes (Canon, Nikon, Olympus, Casio, Sony,
    Fujifilm, Apple, DJI) when Pillow's reading (run first) found one of a bounded size."""
    tags: dict[str, Any] = {}
    if reading.maker_note is not None and maker_note_is_bounded(reading.maker_note,
                                                                 reading.make):
        # A maker note it cannot decode: the rest, read again below, without it.
        with contextlib.suppress(Exception):
            tags = exifread.process_file(stream, details=True, extract_thumbnail=False)
    if not tags:
        tags = exifread.process_file(stream, details=False, extract_thumbnail=False)
    make = str(tags.get("Image Make", "")).strip()
    for name, tag in tags.items():
        prefix, _, rest = name.partition(" ")
        group = _GROUPS.get(prefix)
        if not group or not rest or "Thumbnail" in rest[:9]:
            continue
        if group == "MakerNotes":
            # ExifTool leaves unknown tags out unless asked; a maker note decoded from garbage
            # (a broken IFD) gives mostly those, and empty lists.
            if rest.startswith("Tag 0x") or _printable(tag) in ("", "[]"):
                continue
            group = maker_group(make)
        reading.add(f"{group}:{rest}", tag)


def read_pillow(exif: Any, reading: ExifReading) -> None:
    """Fill what exifread missed from Pillow's ``Image.Exif`` (a separate, tolerant parser)."""
    for number, name in _PILLOW_IFD0.items():
        if number in exif:
            reading.add(f"IFD0:{name}", exif[number])
    for ifd, table, group in ((0x8769, _PILLOW_EXIF, "ExifIFD"), (0x8825, _PILLOW_GPS, "GPS")):
        try:
            sub = exif.get_ifd(ifd)
        except Exception:  # noqa: BLE001, S112 - a broken sub-IFD: keep what IFD0 gave
            continue
        for number, name in table.items():
            if number in sub:
                reading.add(f"{group}:{name}", sub[number])
        if ifd == 0x8769 and 0x927C in sub and isinstance(sub[0x927C], bytes):
            reading.maker_note = sub[0x927C]
            reading.make = str(exif.get(0x010F, "")).strip("\x00 ")


def _degrees(reading: ExifReading, name: str, negative: str) -> float | None:
    parts = reading.numbers(f"GPS:{name}")
    if len(parts) < 3:
        return None
    value = parts[0] + parts[1] / 60 + parts[2] / 3600
    ref = reading.text(f"GPS:{name}Ref") or ""
    return round(-value if ref.upper().startswith(negative) else value, 7)


def gps_fields(reading: ExifReading, fields: dict[str, Any]) -> None:
    lat, lon = _degrees(reading, "GPSLatitude", "S"), _degrees(reading, "GPSLongitude", "W")
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return
    if lat == 0 and lon == 0:
        return  # a receiver without a fix writes zeros
    fields["gps_lat"], fields["gps_lon"] = lat, lon
    alt = reading.numbers("GPS:GPSAltitude")
    if alt:
        below = reading.numbers("GPS:GPSAltitudeRef") == [1.0]
        fields["gps_alt"] = round(-alt[0] if below else alt[0], 2)


def exif_dates(reading: ExifReading) -> list[DateFact]:
    t = reading.text
    facts = [
        make_fact(CAPTURE, "ExifIFD:DateTimeOriginal", t("ExifIFD:DateTimeOriginal"),
                  subsec=t("ExifIFD:SubSecTimeOriginal"), offset=t("ExifIFD:OffsetTimeOriginal")),
        make_fact(DIGITIZED, "ExifIFD:CreateDate", t("ExifIFD:CreateDate"),
                  subsec=t("ExifIFD:SubSecTimeDigitized"),
                  offset=t("ExifIFD:OffsetTimeDigitized")),
        make_fact(MODIFIED, "IFD0:ModifyDate", t("IFD0:ModifyDate"),
                  subsec=t("ExifIFD:SubSecTime"), offset=t("ExifIFD:OffsetTime")),
    ]
    day, clock = t("GPS:GPSDateStamp"), reading.numbers("GPS:GPSTimeStamp")
    if day and len(clock) == 3:
        whole = int(clock[2])
        fraction = round((clock[2] - whole) * 1000)
        text = f"{day[:10]} {int(clock[0]):02d}:{int(clock[1]):02d}:{whole:02d}"
        if fraction:
            text += f".{fraction:03d}"
        facts.append(make_fact(GPS, "GPS:GPSDateTime", text, utc=True))
    return [f for f in facts if f is not None]


def camera_meta(reading: ExifReading, fields: dict[str, Any], meta: dict[str, Any]) -> None:
    make, model = reading.text("IFD0:Make"), reading.text("IFD0:Model")
    camera = model if make and model and model.lower().startswith(make.lower()) else (
        " ".join(p for p in (make, model) if p))
    if camera:
        fields["camera"] = camera[:200]
    for key, name in {
        "make": "IFD0:Make", "model": "IFD0:Model", "software": "IFD0:Software",
        "lens": "ExifIFD:LensModel", "exposure": "ExifIFD:ExposureTime",
        "f_number": "ExifIFD:FNumber", "iso": "ExifIFD:ISO", "focal_length": "ExifIFD:FocalLength",
        "orientation": "IFD0:Orientation", "artist": "IFD0:Artist",
        "description": "IFD0:ImageDescription", "datetime_original": "ExifIFD:DateTimeOriginal",
        "offset_original": "ExifIFD:OffsetTimeOriginal",
    }.items():
        value = reading.text(name)
        if value:
            meta[key] = value[:500]
    code = reading.numbers("IFD0:Orientation")
    if code and 1 <= code[0] <= 8:
        meta["orientation_code"] = int(code[0])
