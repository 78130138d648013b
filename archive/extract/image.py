"""Photos: EXIF through exifread, pixels through Pillow (HEIC through pillow-heif)."""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from fractions import Fraction
from typing import Any, BinaryIO

import exifread
from PIL import Image, ImageOps

from . import Extracted, naive_utc

try:
    from pillow_heif import register_heif_opener

    register_heif_opener()
except ImportError:  # pragma: no cover - the dependency is declared
    pass

logging.getLogger("exifread").setLevel(logging.ERROR)  # it warns about file contents
Image.MAX_IMAGE_PIXELS = 200_000_000  # beyond this a "photo" is a decompression bomb
THUMBNAIL_EDGE = 320
_OFFSET = re.compile(r"^([+-])(\d{2}):?(\d{2})$")


def _ratio(value: Any) -> float:
    if hasattr(value, "num") and hasattr(value, "den"):
        return float(Fraction(value.num, value.den)) if value.den else 0.0
    return float(value)


def _tag(tags: dict[str, Any], *names: str) -> str | None:
    for name in names:
        tag = tags.get(name)
        if tag is not None:
            text = str(tag.printable if hasattr(tag, "printable") else tag).strip().strip("\x00")
            if text:
                return text
    return None


def _dms(tags: dict[str, Any], name: str, ref_name: str, negative: str) -> float | None:
    tag = tags.get(name)
    if tag is None or not getattr(tag, "values", None) or len(tag.values) < 3:
        return None
    d, m, s = (_ratio(v) for v in tag.values[:3])
    value = d + m / 60 + s / 3600
    ref = _tag(tags, ref_name)
    if ref and ref.upper().startswith(negative):
        value = -value
    return round(value, 7)


def parse_exif_time(text: str | None, offset: str | None) -> tuple[datetime | None, str | None]:
    """Return (UTC time if the offset is known else the device's local time, text as written)."""
    if not text or text.startswith("0000"):
        return None, None
    try:
        local = datetime.strptime(text[:19], "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None, text
    written = text[:19] + (offset or "")
    match = _OFFSET.match(offset or "")
    if match:
        sign = -1 if match.group(1) == "-" else 1
        tz = timezone(sign * timedelta(hours=int(match.group(2)), minutes=int(match.group(3))))
        return naive_utc(local.replace(tzinfo=tz)), written
    return local, written


def _exif(stream: BinaryIO, out: Extracted) -> None:
    tags = exifread.process_file(stream, details=False)
    if not tags:
        return
    captured, written = parse_exif_time(
        _tag(tags, "EXIF DateTimeOriginal", "EXIF DateTimeDigitized", "Image DateTime"),
        _tag(tags, "EXIF OffsetTimeOriginal", "EXIF OffsetTime"),
    )
    if captured is not None:
        out.fields["captured_at"] = captured
        out.fields["captured_is_utc"] = written is not None and len(written) > 19
    if written:
        out.fields["captured_local"] = written
    make, model = _tag(tags, "Image Make"), _tag(tags, "Image Model")
    camera = " ".join(p for p in (make, model) if p)
    if model and make and model.lower().startswith(make.lower()):
        camera = model
    if camera:
        out.fields["camera"] = camera
    for key, names in {
        "make": ("Image Make",), "model": ("Image Model",), "software": ("Image Software",),
        "lens": ("EXIF LensModel", "EXIF LensMake"),
        "datetime_original": ("EXIF DateTimeOriginal",),
        "offset_original": ("EXIF OffsetTimeOriginal",), "exposure": ("EXIF ExposureTime",),
        "f_number": ("EXIF FNumber",), "iso": ("EXIF ISOSpeedRatings",),
        "focal_length": ("EXIF FocalLength",), "orientation": ("Image Orientation",),
        "artist": ("Image Artist",), "description": ("Image ImageDescription",),
    }.items():
        value = _tag(tags, *names)
        if value:
            out.meta[key] = value
    orientation = tags.get("Image Orientation")
    if orientation is not None and getattr(orientation, "values", None):
        out.meta["orientation_code"] = int(orientation.values[0])
    lat = _dms(tags, "GPS GPSLatitude", "GPS GPSLatitudeRef", "S")
    lon = _dms(tags, "GPS GPSLongitude", "GPS GPSLongitudeRef", "W")
    if lat is not None and lon is not None and -90 <= lat <= 90 and -180 <= lon <= 180:
        out.fields["gps_lat"], out.fields["gps_lon"] = lat, lon
        alt = tags.get("GPS GPSAltitude")
        if alt is not None and getattr(alt, "values", None):
            metres = _ratio(alt.values[0])
            ref = tags.get("GPS GPSAltitudeRef")
            if ref is not None and getattr(ref, "values", None) and ref.values[0] == 1:
                metres = -metres  # below sea level
            out.fields["gps_alt"] = round(metres, 2)


def _exif_from_pillow(img: Image.Image, out: Extracted) -> None:
    """Second opinion where exifread could not parse (some HEIC layouts): Pillow's EXIF."""
    exif = img.getexif()
    if not exif:
        return
    sub = exif.get_ifd(0x8769)
    captured, written = parse_exif_time(sub.get(0x9003) or exif.get(0x0132),
                                        sub.get(0x9011) or sub.get(0x9010))
    if captured is not None and "captured_at" not in out.fields:
        out.fields["captured_at"] = captured
        out.fields["captured_is_utc"] = written is not None and len(written) > 19
        out.fields["captured_local"] = written
    make, model = exif.get(0x010F), exif.get(0x0110)
    if (make or model) and "camera" not in out.fields:
        out.fields["camera"] = " ".join(str(p).strip() for p in (make, model) if p)
    gps = exif.get_ifd(0x8825)
    if gps and "gps_lat" not in out.fields and 2 in gps and 4 in gps:
        lat = sum(float(v) / 60**i for i, v in enumerate(gps[2][:3]))
        lon = sum(float(v) / 60**i for i, v in enumerate(gps[4][:3]))
        lat = -lat if str(gps.get(1, "N")).upper().startswith("S") else lat
        lon = -lon if str(gps.get(3, "E")).upper().startswith("W") else lon
        if -90 <= lat <= 90 and -180 <= lon <= 180:
            out.fields["gps_lat"], out.fields["gps_lon"] = round(lat, 7), round(lon, 7)


def _pixels(stream: BinaryIO, out: Extracted) -> None:
    with Image.open(stream) as img:
        if "captured_at" not in out.fields or "camera" not in out.fields:
            _exif_from_pillow(img, out)
        out.fields["width"], out.fields["height"] = img.size
        out.meta["image_format"] = img.format
        out.meta["mode"] = img.mode
        if img.format == "JPEG":
            # Let libjpeg decode at 1/2, 1/4 or 1/8 scale: still at least the thumbnail's size.
            img.draft("RGB", (THUMBNAIL_EDGE, THUMBNAIL_EDGE))
        upright = ImageOps.exif_transpose(img)
        # Bilinear (antialiased when shrinking, as Pillow filters it) is enough for a preview
        # this size and costs about half of bicubic, which matters at thousands of photos.
        upright.thumbnail((THUMBNAIL_EDGE, THUMBNAIL_EDGE), Image.Resampling.BILINEAR,
                          reducing_gap=2.0)
        out.thumbnail = encode_jpeg(upright)


def encode_jpeg(img: Image.Image) -> bytes:
    if img.mode not in ("RGB", "L"):
        img = img.convert("RGB")
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=82)
    return buf.getvalue()


def read_photo(open_stream: Callable[[], BinaryIO], out: Extracted) -> None:
    out.attempt("EXIF", lambda: _exif(open_stream(), out))
    out.attempt("image", lambda: _pixels(open_stream(), out))
