"""Audio and video: pymediainfo (MediaInfo, bundled in its wheels) for technical metadata and
tags; PyAV (FFmpeg) for a poster frame."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from typing import Any, BinaryIO

from . import Extracted, naive_utc

_ISO6709 = re.compile(r"^([+-]\d+(?:\.\d+)?)([+-]\d+(?:\.\d+)?)([+-]\d+(?:\.\d+)?)?")
_TAG_KEYS = {
    "title": "title", "track_name": "title", "performer": "artist", "album": "album",
    "comment": "comment", "description": "description", "genre": "genre",
    "recorded_date": "recorded_date", "encoded_library_name": "encoder",
    "com_apple_quicktime_make": "make", "com_apple_quicktime_model": "model",
    "com_apple_quicktime_software": "software",
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


def parse_media_time(text: str) -> datetime | None:
    """MediaInfo writes 'UTC 2024-10-30 03:25:00', '2024-10-30 03:25:00 UTC' or ISO 8601."""
    cleaned = text.replace("UTC", "").strip().replace("T", " ").rstrip("Z")
    for fmt in ("%Y-%m-%d %H:%M:%S.%f", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M:%S%z",
                "%Y-%m-%d"):
        try:
            moment = datetime.strptime(cleaned, fmt)
        except ValueError:
            continue
        if moment.year < 1971:  # QuickTime's zero epoch (1904) means "not set"
            return None
        return naive_utc(moment)
    return None


def _mediainfo(kind: str, stream: BinaryIO, out: Extracted) -> None:
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
    for key in ("com_apple_quicktime_creationdate", "recorded_date", "encoded_date",
                "tagged_date"):
        value = general.get(key)
        if value:
            moment = parse_media_time(str(value))
            if moment is not None:
                out.fields["captured_at"] = moment
                # MediaInfo's encoded/tagged dates are UTC; a bare date or local time is not.
                out.fields["captured_is_utc"] = "UTC" in str(value) or (
                    key == "com_apple_quicktime_creationdate" and len(str(value)) > 19)
                out.fields["captured_local"] = str(value)
                break
    for key in ("com_apple_quicktime_location_iso6709", "xyz", "location"):
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
    import av
    from PIL import Image

    from .image import THUMBNAIL_EDGE, encode_jpeg

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


def read_media(kind: str, open_stream: Callable[[], BinaryIO], out: Extracted) -> None:
    out.attempt("media metadata", lambda: _mediainfo(kind, open_stream(), out))
    if kind == "video":
        out.attempt("poster frame", lambda: _poster(open_stream(), out))
