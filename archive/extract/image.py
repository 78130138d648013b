"""Photos: EXIF (exifread, Pillow as a second opinion), XMP, IPTC-IIM and the maker blocks of
older cameras; pixels through Pillow (HEIC through pillow-heif). Every date keeps its source."""

from __future__ import annotations

import io
import logging
import struct
from collections.abc import Callable
from typing import Any, BinaryIO

from PIL import Image, ImageOps

from . import Extracted, dates, exif, heif, icc, legacy, xmp
from .dates import CAPTURE, CREATED, GPS, MODIFIED, DateFact, make_fact

try:
    from pillow_heif import register_heif_opener

    register_heif_opener()
except ImportError:  # pragma: no cover - the dependency is declared
    pass

log = logging.getLogger(__name__)
Image.MAX_IMAGE_PIXELS = 200_000_000  # beyond this a "photo" is a decompression bomb
THUMBNAIL_EDGE = 320
METADATA_WINDOW = 32 << 20  # XMP, IPTC and maker blocks are looked for in the first 32 MiB
# XMP properties that are dates, and what each means.
_XMP_DATES = {
    ("XMP-exif", "DateTimeOriginal"): CAPTURE, ("XMP-photoshop", "DateCreated"): CAPTURE,
    ("XMP-xmp", "CreateDate"): CREATED, ("XMP-exif", "DateTimeDigitized"): dates.DIGITIZED,
    ("XMP-xmp", "ModifyDate"): MODIFIED, ("XMP-xmp", "MetadataDate"): MODIFIED,
    ("XMP-exif", "GPSTimeStamp"): GPS, ("XMP-tiff", "DateTime"): MODIFIED,
}


def xmp_dates(groups: dict[str, dict[str, str]]) -> list[DateFact]:
    facts = []
    for (group, name), kind in _XMP_DATES.items():
        value = groups.get(group, {}).get(name)
        fact = make_fact(kind, f"{group}:{name}", value, utc=False) if value else None
        if fact is not None:
            facts.append(fact)
    return facts


def _iptc_outside_jpeg(img: Image.Image) -> bytes:
    """IPTC-IIM where a TIFF (tag 33723, or Photoshop resources in tag 34377) or a PNG (an
    ImageMagick 'Raw profile type iptc' text chunk) keeps it."""
    tags = getattr(img, "tag_v2", None)
    if tags is not None:
        for number in (33723, 34377):
            value = tags.get(number)
            if isinstance(value, tuple):  # written as LONGs or BYTEs: Pillow gives numbers
                code = "I" if tags.tagtype.get(number) == 4 else "B"
                order = getattr(tags, "_endian", "<")
                value = struct.pack(f"{order}{min(len(value), 1 << 18)}{code}",
                                    *value[:1 << 18])
            if isinstance(value, bytes) and value:
                return value
    for key in ("Raw profile type iptc", "Raw profile type 8bim"):
        text = img.info.get(key)
        if isinstance(text, str):
            return legacy.png_raw_profile(text)
    return b""


def _embedded(data: bytes, img: Image.Image | None, out: Extracted, dump: dict[str, Any],
              facts: list[DateFact]) -> None:
    """XMP, IPTC-IIM, APP12 picture info and CIFF: what EXIF readers do not see."""
    segments = list(legacy.jpeg_segments(data))
    # A JPEG keeps XMP in APP1 segments before the image data: no need to scan the pixels.
    if segments:
        xmp_groups, refused = xmp.read_jpeg_xmp([p for m, p in segments if m == 0xE1])
        if refused:
            out.problems.append(f"extended XMP: {refused}; not read")
    else:
        xmp_groups = xmp.read_xmp(data)
    dump.update(xmp_groups)
    facts.extend(xmp_dates(xmp_groups))
    if not segments and img is not None:
        iptc = legacy.read_iptc_any(_iptc_outside_jpeg(img))
        if iptc:
            dump["IPTC"] = iptc
            facts.extend(legacy.iptc_dates(iptc))
    for marker, payload in segments:
        if marker == 0xED:
            iptc = legacy.read_iptc(payload)
            if iptc:
                dump["IPTC"] = iptc
                facts.extend(legacy.iptc_dates(iptc))
        elif marker == 0xEC:
            info = legacy.read_picture_info(payload)
            if info:
                dump["PictureInfo"] = info
                facts.extend(legacy.picture_info_dates(info))
        elif marker == 0xE0:
            ciff = legacy.read_ciff(payload)
            if ciff:
                dump["CIFF"] = {k: str(v) for k, v in ciff.items()}
                facts.extend(legacy.ciff_dates(ciff))
                for key in ("Make", "Model"):
                    if ciff.get(key):
                        out.meta.setdefault(key.lower(), str(ciff[key]))
                if "camera" not in out.fields and ciff.get("Model"):
                    out.fields["camera"] = str(ciff["Model"])[:200]


def _metadata(data: bytes, img: Image.Image | None, out: Extracted) -> None:
    reading = exif.ExifReading()
    second = exif.ExifReading()  # Pillow's reading: what exifread misses, and the maker note
    if img is not None:
        out.attempt("EXIF (second reader)", lambda: exif.read_pillow(img.getexif(), second))
    reading.maker_note, reading.make = second.maker_note, second.make
    first = Extracted()  # exifread's failure only matters if the second reader fails too
    first.attempt("EXIF", lambda: exif.read_exifread(io.BytesIO(data), reading))
    if img is not None and img.info.get("original_orientation") in range(1, 9):
        # pillow-heif turns the picture upright and resets the tag it returns
        reading.add("IFD0:Orientation", int(img.info["original_orientation"]))
    for key, value in second.values.items():
        reading.add(key, value)
    if first.problems and not reading.values:
        out.problems.extend(first.problems)
    facts = exif.exif_dates(reading)
    dump: dict[str, Any] = dict(reading.dump)
    if reading.maker_note is not None:
        for fact in legacy.reconyx_dates(reading.maker_note):
            facts.append(fact)
            dump.setdefault("Reconyx", {})["DateTimeOriginal"] = fact.written
    out.attempt("XMP and IPTC", lambda: _embedded(data, img, out, dump, facts))
    exif.camera_meta(reading, out.fields, out.meta)
    exif.gps_fields(reading, out.fields)
    dates.record(facts, out.fields, out.meta)
    out.tags.update(dump)


def _refuse_bomb(img: Image.Image) -> None:
    """Pillow only warns between its limit and twice that: refuse at the limit itself."""
    pixels = img.size[0] * img.size[1]
    limit = Image.MAX_IMAGE_PIXELS
    if limit is not None and pixels > limit:
        raise Image.DecompressionBombError(
            f"{pixels:,} pixels, more than the {limit:,} a photo may have "
            "(a decompression bomb?); not decoded")


def _pixels(img: Image.Image, out: Extracted, data: bytes) -> None:
    width, height = img.size
    stored = heif.stored_size(data) if img.format == "HEIF" else None
    if stored is not None:
        # pillow-heif has already turned the picture by the container's rotation and the EXIF
        # orientation; the size is given as stored (as for a JPEG with an Orientation tag).
        width, height = stored
    elif img.info.get("original_orientation") in (5, 6, 7, 8):
        width, height = height, width
    out.fields["width"], out.fields["height"] = width, height
    out.meta["image_format"] = img.format
    out.meta["mode"] = img.mode
    profile = img.info.get("icc_profile")
    if isinstance(profile, bytes):
        out.tags.update(icc.read_icc(profile))
    out.tags["File"] = {"FileType": str(img.format), "ImageWidth": str(width),
                        "ImageHeight": str(height)}
    _refuse_bomb(img)
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


def _open(open_stream: Callable[[], BinaryIO], out: Extracted) -> Image.Image | None:
    opened: list[Image.Image] = []

    def attempt() -> None:
        img = Image.open(open_stream())
        opened.append(img)
        img.getexif()  # parsed now, before a draft decode replaces the header

    out.attempt("image", attempt)
    return opened[0] if opened else None


def read_photo(open_stream: Callable[[], BinaryIO], out: Extracted) -> None:
    data = open_stream().read(METADATA_WINDOW)
    img = _open(open_stream, out)
    _metadata(data, img, out)
    if img is not None:
        with img:
            out.attempt("image", lambda: _pixels(img, out, data))
