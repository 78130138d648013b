"""Every date an original carries, with the tag it came from and what it means.

A date is only a capture time when its tag says so (EXIF DateTimeOriginal, XMP
exif:DateTimeOriginal or photoshop:DateCreated, IPTC DateCreated, QuickTime/Keys creation dates,
maker-note dates). ModifyDate, CreateDate/DateTimeDigitized and file system times are recorded as
what they are and never become the capture time. GPS date/time is UTC by definition.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

CAPTURE, DIGITIZED, CREATED, MODIFIED, GPS = "capture", "digitized", "created", "modified", "gps"
# Capture tags in the order they are trusted; a tag not listed ranks after these.
CAPTURE_PRIORITY = (
    "ExifIFD:DateTimeOriginal", "XMP-exif:DateTimeOriginal", "Keys:CreationDate",
    "XMP-photoshop:DateCreated", "IPTC:DateCreated", "UserData:DateTimeOriginal",
    "ID3:RecordingTime", "QuickTime:CreateDate",
)
GPS_CONFLICT = timedelta(minutes=2)  # a fix may lag the shutter by a little
CLOCK_CONFLICT = timedelta(seconds=1)

_DATE = re.compile(
    r"^\s*(\d{4})[:-](\d{2})[:-](\d{2})"  # date
    r"(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:[.,](\d{1,9}))?)?"  # time, optional fraction
    r"\s*(Z|UTC|[+-]\d{2}:?\d{2})?\s*$")
_OFFSET = re.compile(r"^([+-])(\d{2}):?(\d{2})$")


@dataclass(frozen=True)
class DateFact:
    """One date as an original states it."""

    kind: str          # capture, digitized, created, modified or gps
    tag: str           # where it came from, ExifTool's group:name, e.g. "ExifIFD:DateTimeOriginal"
    written: str       # as the file has it (with sub-seconds and offset where the file has them)
    local: datetime    # the wall-clock time written, naive
    utc: datetime | None  # naive UTC when the zone is known, else None

    @property
    def zone_known(self) -> bool:
        return self.utc is not None

    def as_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "tag": self.tag, "written": self.written,
                "utc": self.utc.isoformat() + "Z" if self.utc else None,
                "local": self.local.isoformat(), "zone_known": self.zone_known}


def parse_offset(text: str | None) -> timezone | None:
    match = _OFFSET.match((text or "").strip())
    if not match:
        return None
    minutes = int(match.group(2)) * 60 + int(match.group(3))
    if minutes > 14 * 60:
        return None
    return timezone(timedelta(minutes=-minutes if match.group(1) == "-" else minutes))


def make_fact(kind: str, tag: str, text: Any, *, subsec: Any = None, offset: Any = None,
              utc: bool = False) -> DateFact | None:
    """A DateFact from text such as ``2021:04:11 15:47:53``, ``2013-07-05T03:18:27Z`` or
    ``2024-10-30``; ``subsec``/``offset`` are EXIF's separate SubSecTime*/OffsetTime* values;
    ``utc`` says the tag is UTC by definition (GPS, QuickTime's movie header)."""
    if text is None:
        return None
    written = str(text).strip().strip("\x00").strip()
    match = _DATE.match(written)
    if not match or written.startswith("0000"):
        return None
    year, month, day, hour, minute, second, fraction, zone = match.groups()
    subsec_text = str(subsec).strip().strip("\x00").strip() if subsec is not None else ""
    if not fraction and subsec_text.isdigit():
        fraction = subsec_text
        written += "." + subsec_text
    try:
        local = datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0),
                         int(second or 0), int((fraction or "0")[:6].ljust(6, "0")))
    except ValueError:
        return None
    if local.year < 1971:  # QuickTime's zero epoch and unset clocks mean "not set"
        return None
    tz: timezone | None = None
    if zone in ("Z", "UTC") or utc:
        tz = UTC
    elif zone:
        tz = parse_offset(zone)
    elif offset is not None and parse_offset(str(offset)) is not None:
        tz = parse_offset(str(offset))
        written += str(offset).strip()
    moment = local.replace(tzinfo=tz).astimezone(UTC).replace(tzinfo=None) if tz else None
    return DateFact(kind, tag, written, local, moment)


def _rank(fact: DateFact) -> int:
    if fact.tag in CAPTURE_PRIORITY:
        return CAPTURE_PRIORITY.index(fact.tag)
    return len(CAPTURE_PRIORITY)


def capture_of(facts: list[DateFact]) -> DateFact | None:
    """The capture time: the most trusted capture tag; never a modified, created or GPS date."""
    captures = [f for f in facts if f.kind == CAPTURE]
    return min(captures, key=_rank) if captures else None


def describe_gap(gap: timedelta) -> str:
    minutes = int(abs(gap).total_seconds() // 60)
    seconds = int(abs(gap).total_seconds()) % 60
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    parts = [f"{days} d"] if days else []
    parts += [f"{hours} h"] if hours or days else []
    parts += [f"{minutes:02d} min" if hours or days else f"{minutes} min"]
    if not hours and not days and not minutes:
        parts = [f"{seconds} s"]
    return " ".join(parts)


def conflicts(facts: list[DateFact]) -> list[str]:
    """Where the capture time and another clock (GPS, a second capture tag) disagree."""
    chosen = capture_of(facts)
    if chosen is None:
        return []
    found = []
    for other in facts:
        if other is chosen or other.kind not in (CAPTURE, GPS):
            continue
        if other.kind == GPS:
            # GPS is UTC; a camera clock of unknown zone is compared as it reads.
            gap = (chosen.utc or chosen.local) - (other.utc or other.local)
            if abs(gap) < GPS_CONFLICT:
                continue
            zone = "" if chosen.zone_known else " (camera zone unknown)"
            found.append(f"camera clock ({chosen.tag}) and GPS ({other.tag}) differ by "
                         f"{describe_gap(gap)}{zone}")
        else:
            both_utc = chosen.utc is not None and other.utc is not None
            gap = (chosen.utc - other.utc if both_utc  # type: ignore[operator]
                   else chosen.local - other.local)
            if abs(gap) >= CLOCK_CONFLICT:
                found.append(f"{chosen.tag} and {other.tag} differ by {describe_gap(gap)}")
    return found


def record(facts: list[DateFact], fields: dict[str, Any], meta: dict[str, Any]) -> None:
    """Put the capture time (with its source) into the item's fields, every date and every
    conflict into its metadata."""
    unique: list[DateFact] = []
    for fact in facts:
        if not any(f.tag == fact.tag and f.written == fact.written for f in unique):
            unique.append(fact)
    if not unique:
        return
    meta["dates"] = [f.as_json() for f in unique]
    chosen = capture_of(unique)
    if chosen is not None:
        fields["captured_at"] = chosen.utc if chosen.utc is not None else chosen.local
        fields["captured_is_utc"] = chosen.zone_known
        fields["captured_local"] = chosen.written[:40]
        fields["captured_source"] = chosen.tag
    gps = [f for f in unique if f.kind == GPS]
    if gps:
        meta["gps_time_utc"] = gps[0].as_json()["utc"]
    found = conflicts(unique)
    if found:
        meta["date_conflicts"] = found
