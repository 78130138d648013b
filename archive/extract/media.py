"""Audio and video: pymediainfo (MediaInfo, bundled in its wheels) for technical metadata and
tags; PyAV (FFmpeg) for a poster frame."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from typing import Any, BinaryIO

from . import Extracted, dates, riff, xmp
from .dates import CAPTURE, MODIFIED, DateFact, make_fact
from .image import xmp_dates

XMP_WINDOW = 4 << 20

_ISO6709 = re.compile(r"^([+-]\d+(?:\.\d+)?)([+-]\d+(?:\.\d+)?)([+-]\d+(?:\.\d+)?)?")
_TAG_KEYS = {
    "title": "title", "track_name": "title", "performer": "artist", "album": "album",
    "comment": "comment", "description": "description", "genre": "genre",
    "recorded_date": "recorded_date", "encoded_library_name": "encoder",
    "com_apple_quicktime_make": "make", "com_apple_quicktime_model": "model",
    "com_apple_quicktime_software": "software", "comapplequicktimemake": "make",
    "comapplequicktimemodel": "model", "comapplequicktimesoftware": "software",
}


def parse_iso6709(text: str) -> tuple[float, float, float | None] | None:
    match = _ISO6709.match(text.strip())
    if not match:
        return None
    lat, lon = float(match.group(1)), float(match.group(2))
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    alt = float(match.group(3)) if match.group(3) else None
    return lat, lon, alt


# MediaInfo's date keys, the tag ExifTool shows for each, what it means, and whether it is UTC.
_DATE_KEYS = (
    ("com_apple_quicktime_creationdate", "Keys:CreationDate", CAPTURE, False),
    ("comapplequicktimecreationdate", "Keys:CreationDate", CAPTURE, False),
    ("recorded_date", "UserData:DateTimeOriginal", CAPTURE, False),
    ("encoded_date", "QuickTime:CreateDate", CAPTURE, True),
    ("tagged_date", "QuickTime:ModifyDate", MODIFIED, True),
)


def _media_time(text: str) -> tuple[str, bool]:
    """MediaInfo writes 'UTC 2024-10-30 03:25:00' or '2024-10-30 03:25:00 UTC' for UTC times."""
    cleaned = text.strip()
    utc = cleaned.startswith("UTC ") or cleaned.endswith(" UTC")
    return cleaned.removeprefix("UTC ").removesuffix(" UTC").strip(), utc


def media_dates(general: dict[str, Any]) -> list[DateFact]:
    facts = []
    id3 = "MPEG Audio" in str(general.get("format", "")) or general.get("format") == "FLAC"
    for key, tag, kind, utc in _DATE_KEYS:
        value = general.get(key)
        if not value:
            continue
        if key == "recorded_date" and id3:
            tag = "ID3:RecordingTime"
        if key == "recorded_date" and general.get("format") in ("Wave", "AVI"):
            continue  # the INFO list's ICRD: read with its time by riff.read_riff
        text, marked_utc = _media_time(str(value).split(" / ")[0])
        fact = make_fact(kind, tag, text, utc=utc or marked_utc)
        if fact is not None:
            facts.append(fact)
    return facts


def _track_dump(tracks: dict[str, list[dict[str, Any]]]) -> dict[str, dict[str, str]]:
    dump: dict[str, dict[str, str]] = {}
    for kind, items in tracks.items():
        for number, track in enumerate(items[:16], 1):
            group = kind if len(items) == 1 else f"{kind}{number}"
            dump[group] = {str(k): str(v)[:2048] for k, v in list(track.items())[:400]
                           if not k.startswith("other_") and v not in (None, "")}
    return dump


def _mediainfo(kind: str, stream: BinaryIO, out: Extracted, facts: list[DateFact]) -> None:
    from pymediainfo import MediaInfo

    info = MediaInfo.parse(stream)
    tracks: dict[str, list[dict[str, Any]]] = {}
    for track in info.tracks:
        tracks.setdefault(track.track_type, []).append(track.to_data())
    general = (tracks.get("General") or [{}])[0]
    videos, audios = tracks.get("Video", []), tracks.get("Audio", [])
    duration = general.get("duration") or (videos or audios or [{}])[0].get("duration")
    if duration:
        out.fields["duration"] = round(float(duration) / 1000, 3)
    out.meta["container"] = general.get("format")
    if general.get("overall_bit_rate"):
        out.meta["bitrate"] = int(float(general["overall_bit_rate"]))
    if videos:
        v = videos[0]
        out.meta["video_codec"] = v.get("format")
        if v.get("width") and v.get("height"):
            out.fields["width"], out.fields["height"] = int(v["width"]), int(v["height"])
        if v.get("frame_rate"):
            out.meta["frame_rate"] = float(v["frame_rate"])
        if v.get("rotation"):
            out.meta["rotation"] = float(v["rotation"])
    if audios:
        a = audios[0]
        out.meta["audio_codec"] = a.get("format")
        for key in ("sampling_rate", "channel_s", "bit_rate"):
            if a.get(key):
                out.meta[{"channel_s": "channels", "bit_rate": "audio_bitrate"}.get(key, key)] = (
                    int(float(str(a[key]).split(" / ")[0])))
    tags = {}
    for key, name in _TAG_KEYS.items():
        value = general.get(key)
        if value:
            tags[name] = str(value)
    if tags:
        out.meta["tags"] = tags
        if "title" in tags:
            out.fields["title"] = tags["title"]
    make = tags.get("make")
    model = tags.get("model")
    if make or model:
        out.fields["camera"] = " ".join(p for p in (make, model) if p)
    facts.extend(media_dates(general))
    out.tags.update(_track_dump(tracks))
    for key in ("com_apple_quicktime_location_iso6709", "comapplequicktimelocationiso6709",
                "xyz", "location"):
        value = general.get(key)
        if value:
            parsed = parse_iso6709(str(value))
            if parsed:
                out.fields["gps_lat"], out.fields["gps_lon"] = parsed[0], parsed[1]
                if parsed[2] is not None:
                    out.fields["gps_alt"] = parsed[2]
                out.meta["location_iso6709"] = str(value)
                break


def _poster(stream: BinaryIO, out: Extracted) -> None:
    from PIL import Image

    from .ffmpeg import load_av
    from .image import THUMBNAIL_EDGE, encode_jpeg

    av = load_av()
    with av.open(stream, mode="r") as container:
        if not container.streams.video:
            return
        vstream = container.streams.video[0]
        vstream.thread_type = "AUTO"
        duration = float(container.duration or 0) / 1_000_000
        if duration > 2:
            container.seek(int(min(1.0, duration / 10) * 1_000_000))
        for frame in container.decode(vstream):
            img = frame.to_image()
            rotation = int(getattr(frame, "rotation", 0) or 0) % 360
            if rotation:
                img = img.rotate(rotation, expand=True)
            img.thumbnail((THUMBNAIL_EDGE, THUMBNAIL_EDGE), Image.Resampling.BILINEAR)
            out.thumbnail = encode_jpeg(img)
            return


def _user_data_location(data: bytes, out: Extracted) -> None:
    """The '\xa9xyz' user-data box (ISO 6709 text), where MediaInfo does not report it."""
    at = data.find(b"\xa9xyz")
    if at < 4 or "gps_lat" in out.fields:
        return
    length = int.from_bytes(data[at + 4:at + 6], "big")
    text = data[at + 8:at + 8 + min(length, 64)].decode("ascii", "replace")
    parsed = parse_iso6709(text)
    if parsed:
        out.fields["gps_lat"], out.fields["gps_lon"] = parsed[0], parsed[1]
        if parsed[2] is not None:
            out.fields["gps_alt"] = parsed[2]
        out.meta["location_iso6709"] = text
        out.tags.setdefault("UserData", {})["GPSCoordinates"] = text


def _boxes(stream: BinaryIO, out: Extracted, facts: list[DateFact]) -> None:
    """XMP and user-data boxes of an MP4/MOV sit near the start or the end of the file."""
    head = stream.read(XMP_WINDOW)
    size = stream.seek(0, io.SEEK_END)
    tail = b""
    if size > XMP_WINDOW:
        stream.seek(max(XMP_WINDOW, size - XMP_WINDOW))
        tail = stream.read(XMP_WINDOW)
    _user_data_location(head, out)
    _user_data_location(tail, out)
    values = riff.read_riff(head)
    if values:
        out.tags["RIFF"] = values
        facts.extend(riff.riff_dates(values))
        for key in ("Make", "Model"):
            if values.get(key):
                out.meta.setdefault(key.lower(), values[key])
        if "camera" not in out.fields and values.get("Model"):
            out.fields["camera"] = values["Model"][:200]
    groups = xmp.read_xmp(head) or xmp.read_xmp(tail)
    out.tags.update(groups)
    facts.extend(xmp_dates(groups))


def read_media(kind: str, open_stream: Callable[[], BinaryIO], out: Extracted) -> None:
    facts: list[DateFact] = []
    out.attempt("media metadata", lambda: _mediainfo(kind, open_stream(), out, facts))
    out.attempt("XMP", lambda: _boxes(open_stream(), out, facts))
    dates.record(facts, out.fields, out.meta)
    if kind == "video":
        out.attempt("poster frame", lambda: _poster(open_stream(), out))
