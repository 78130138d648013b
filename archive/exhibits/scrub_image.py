"""Photos for publication: decoded, turned upright, and encoded again from the pixels alone, so
no EXIF, GPS, XMP, IPTC, ICC profile, comment or text chunk can ride along."""

from __future__ import annotations

import io
from typing import IO

from PIL import Image, ImageOps

# Formats kept as they are (lossless stays lossless); everything else becomes a JPEG.
_KEEP = {"image/png": ("PNG", ".png"), "image/webp": ("WEBP", ".webp"),
         "image/gif": ("PNG", ".png"), "image/tiff": ("PNG", ".png")}


def pixels_only(img: Image.Image, kind: str) -> bytes:
    """``img`` encoded as ``kind`` (JPEG, PNG, WEBP) from its pixels and nothing else."""
    if kind == "JPEG" and img.mode not in ("RGB", "L"):
        img = img.convert("RGB")
    elif kind in ("PNG", "WEBP") and img.mode not in ("RGB", "RGBA", "L", "LA", "P", "1"):
        img = img.convert("RGBA" if "A" in img.getbands() else "RGB")
    bare = Image.frombytes(img.mode, img.size, img.tobytes())  # pixels, no info dictionary
    if img.mode == "P":
        palette = img.getpalette()
        if palette is not None:
            bare.putpalette(palette)
    buf = io.BytesIO()
    if kind == "JPEG":
        bare.save(buf, "JPEG", quality=95, subsampling=0)
    elif kind == "WEBP":
        bare.save(buf, "WEBP", quality=95)
    else:
        bare.save(buf, "PNG")
    return buf.getvalue()


def _in_srgb(img: Image.Image) -> Image.Image:
    """The colours as they were meant, converted to sRGB, since the ICC profile that said what
    they meant (and may name a device or a person) is not kept."""
    profile = img.info.get("icc_profile")
    if not profile or img.mode not in ("RGB", "RGBA", "CMYK"):
        return img
    from PIL import ImageCms

    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        target = ImageCms.createProfile("sRGB")
        mode = "RGBA" if img.mode == "RGBA" else "RGB"
        converted = ImageCms.profileToProfile(img, source, target, outputMode=mode)
    except (ImageCms.PyCMSError, OSError, ValueError):
        return img  # an unreadable profile: the pixels as they are
    return converted if converted is not None else img


def clean_photo(src: IO[bytes], fmt: str) -> tuple[bytes, str]:
    """The photo as it was seen (EXIF orientation applied), re-encoded without metadata."""
    from archive.extract import image  # noqa: F401 - registers the HEIC opener

    with Image.open(src) as img:
        img.seek(0)  # the first frame of an animation or a multi-page TIFF
        upright = _in_srgb(ImageOps.exif_transpose(img))
        kind, ext = _KEEP.get(fmt, ("JPEG", ".jpg"))
        return pixels_only(upright, kind), ext
