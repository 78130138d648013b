"""Metadata as a person reads it: labels and units instead of raw keys and ratios ("Aperture
f/1.5", "Focal length 5.7 mm", "Exposure 1/60 s", "Orientation: rotated 90° clockwise"), times
with their zone or marked "zone unknown", date-only values as dates. It works on the stored
metadata dict (``items.meta``) and the capture-time columns, and changes neither: the raw
values stay what ``show --json`` and the desktop's raw view give."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from fractions import Fraction
from typing import Any

ORIENTATIONS = {
    1: "upright", 2: "mirrored left to right", 3: "rotated 180°",
    4: "mirrored top to bottom", 5: "mirrored and rotated 90° counter-clockwise",
    6: "rotated 90° clockwise", 7: "mirrored and rotated 90° clockwise",
    8: "rotated 90° counter-clockwise",
}
LABELS = {
    "make": "Camera make", "model": "Camera model", "software": "Software", "lens": "Lens",
    "datetime_original": "Taken (as the camera wrote it)", "exposure": "Exposure",
    "f_number": "Aperture", "iso": "ISO speed", "focal_length": "Focal length",
    "orientation_code": "Orientation", "artist": "Artist", "description": "Description",
    "image_format": "Image format", "mode": "Colour mode", "container": "Container",
    "bitrate": "Bit rate", "video_codec": "Video codec", "frame_rate": "Frame rate",
    "rotation": "Rotation", "audio_codec": "Audio codec", "sampling_rate": "Sampling rate",
    "channels": "Channels", "audio_bitrate": "Audio bit rate",
    "location_iso6709": "Location (as recorded)", "cue_count": "Timed cues", "pages": "Pages",
}
SHOWN_ELSEWHERE = {"orientation", "offset_original"}  # folded into another line
_DATE_ONLY = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_EXIF_TIME = re.compile(r"^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}:\d{2}:\d{2})([+-]\d{2}:\d{2})?$")


@dataclass(frozen=True)
class Label:
    """One line: the raw key (to find the raw value, or a translation), its label and value."""

    key: str
    label: str
    value: str


def _number(value: Any) -> Fraction | None:
    try:
        return Fraction(str(value).strip())
    except (ValueError, ZeroDivisionError):
        return None


def _decimal(number: Fraction, places: int = 1) -> str:
    return f"{float(number):.{places}f}".rstrip("0").rstrip(".")


def exposure(value: Any) -> str:
    number = _number(value)
    if number is None or number <= 0:
        return str(value)
    if number < 1:
        return f"1/{round(1 / number)} s"
    return f"{_decimal(number)} s"


def exif_time(written: str, offset: str | None = None) -> str:
    """A camera's "2023:06:14 09:41:07" with its zone, or marked "zone unknown"."""
    match = _EXIF_TIME.match(written.strip())
    if not match:
        return written
    year, month, day, clock, own_offset = match.groups()
    zone = own_offset or offset
    return f"{year}-{month}-{day} {clock} " + (f"UTC{zone}" if zone else "(zone unknown)")


def capture_time(captured_at: datetime | None, is_utc: bool, written: str | None) -> str | None:
    """When the item was made, as a person reads it: a date-only tag stays a date; a time the
    device gave with a zone is shown in that zone; a time without one says so."""
    if written and _DATE_ONLY.match(written.strip()):
        return f"{written.strip()} (date only)"
    if written and _EXIF_TIME.match(written.strip()):
        shown = exif_time(written)
        if is_utc and captured_at is not None:
            shown += f" = {captured_at:%Y-%m-%d %H:%M:%S} UTC"
        return shown
    if captured_at is None:
        return written
    if is_utc:
        return f"{captured_at:%Y-%m-%d %H:%M:%S} UTC"
    return f"{captured_at:%Y-%m-%d %H:%M:%S} (zone unknown)"


def _value(key: str, value: Any, meta: dict[str, Any]) -> str:
    number = _number(value) if not isinstance(value, bool) else None
    if key == "f_number" and number:
        return f"f/{_decimal(number)}"
    if key == "focal_length" and number:
        return f"{_decimal(number)} mm"
    if key == "exposure":
        return exposure(value)
    if key == "orientation_code":
        return ORIENTATIONS.get(int(value), f"unknown ({value})")
    if key == "datetime_original":
        return exif_time(str(value), meta.get("offset_original"))
    if key in ("bitrate", "audio_bitrate") and number:
        return f"{_decimal(number / 1000)} kbit/s"
    if key == "sampling_rate" and number:
        return f"{_decimal(number / 1000)} kHz"
    if key == "frame_rate" and number:
        return f"{_decimal(number, 3)} frames/s"
    if key == "rotation" and number is not None:
        return f"{_decimal(number)}°"
    if key == "channels" and number:
        return {1: "1 (mono)", 2: "2 (stereo)"}.get(int(number), str(int(number)))
    if key == "iso":
        return f"ISO {value}"
    text = str(value)
    return f"{text} (date)" if _DATE_ONLY.match(text.strip()) and len(text.strip()) == 10 \
        else text


def _humane(key: str) -> str:
    return key.replace("_", " ").strip().capitalize()


def readable_metadata(meta: dict[str, Any]) -> list[Label]:
    """Each stored metadata value with a label and unit; nested groups (media tags, document
    properties) flattened as "Tag: title"."""
    lines: list[Label] = []
    for key in sorted(meta, key=lambda k: (k not in LABELS, list(LABELS).index(k)
                                           if k in LABELS else 0, k)):
        value = meta[key]
        if key in SHOWN_ELSEWHERE and ("orientation_code" in meta or key == "offset_original"):
            continue
        if value is None or value == "":
            continue
        if isinstance(value, dict):
            group = "Tag" if key == "tags" else _humane(key)
            lines += [Label(f"{key}.{k}", f"{group}: {_humane(k).lower()}", _value(k, v, {}))
                      for k, v in sorted(value.items()) if v not in (None, "")]
            continue
        lines.append(Label(key, LABELS.get(key, _humane(key)), _value(key, value, meta)))
    return lines
