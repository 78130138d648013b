"""Walkers of their own over JPEG segments, PNG chunks, RIFF chunks and the members of DOCX and
ODT packages, listing every identifying field still present in a publication copy; they share
no code with Pillow or the document rewriters that made the copy."""

from __future__ import annotations

import io
import re
import struct
import zipfile
from xml.etree import ElementTree

_JPEG_ALLOWED = {0xE0}  # APP0 (JFIF) holds only a version and a pixel density
_PNG_ALLOWED = {b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB",
                b"pHYs", b"sBIT", b"bKGD", b"acTL", b"fcTL", b"fdAT"}
_JPEG_NAMES = {0xE1: "EXIF or XMP", 0xE2: "an ICC profile or FlashPix data", 0xED: "IPTC",
               0xEE: "Adobe data", 0xFE: "a comment"}


def jpeg_leftovers(data: bytes) -> list[str]:
    found: list[str] = []
    if data[:2] != b"\xff\xd8":
        return ["not a JPEG"]
    pos = 2
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            return found + ["a damaged JPEG segment list"]
        marker = data[pos + 1]
        if marker == 0xFF:
            pos += 1
            continue
        if marker in (0xD9, 0xDA):  # end of image, or the entropy-coded picture begins
            break
        length = struct.unpack(">H", data[pos + 2:pos + 4])[0]
        if (0xE0 <= marker <= 0xEF and marker not in _JPEG_ALLOWED) or marker == 0xFE:
            found.append(_JPEG_NAMES.get(marker, f"an APP{marker - 0xE0} segment"))
        pos += 2 + length
    return found


def png_leftovers(data: bytes) -> list[str]:
    found: list[str] = []
    pos = 8
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if kind not in _PNG_ALLOWED:
            found.append(f"a {kind.decode('latin-1')} chunk")
        pos += 12 + length
    return found


def riff_chunks(data: bytes, start: int = 12,
                end: int | None = None) -> list[tuple[bytes, int, int]]:
    """(id, payload start, payload length) of each chunk, descending into LIST chunks."""
    chunks = []
    end = len(data) if end is None else end
    pos = start
    while pos + 8 <= end:
        cid, size = struct.unpack("<4sI", data[pos:pos + 8])
        chunks.append((cid, pos + 8, size))
        if cid == b"LIST" and data[pos + 8:pos + 12] != b"movi":
            chunks.append((b"LIST:" + data[pos + 8:pos + 12], pos + 12, size - 4))
            chunks += riff_chunks(data, pos + 12, min(end, pos + 8 + size))
        pos += 8 + size + (size & 1)
    return chunks


_RIFF_ALLOWED = {b"fmt ", b"data", b"fact", b"LIST", b"LIST:hdrl", b"LIST:strl", b"LIST:odml",
                 b"avih", b"strh", b"strf", b"dmlh", b"idx1", b"indx", b"ix00", b"ix01",
                 b"JUNK", b"vprp", b"WEBP", b"VP8 ", b"VP8L", b"VP8X", b"ANIM", b"ANMF",
                 b"ALPH"}


def riff_leftovers(data: bytes) -> list[str]:
    return [f"a RIFF {cid.decode('latin-1').strip()} chunk"
            for cid, _start, _size in riff_chunks(data) if cid not in _RIFF_ALLOWED]


def _xml(data: bytes) -> ElementTree.Element:
    # No DTDs or entities in these parts; refuse them rather than expand them.
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise ValueError("an XML part declares a DTD")
    return ElementTree.fromstring(data)  # noqa: S314 - DTDs refused above


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


_APP_ALLOWED = {"DocSecurity", "ScaleCrop", "LinksUpToDate", "SharedDoc", "HyperlinksChanged",
                "Pages", "Words", "Characters", "Lines", "Paragraphs", "CharactersWithSpaces"}
_PERSON_ATTRS = re.compile(rb'\b(?:w:author|w:initials|w15:userId|w15:providerId)="[^"]+"')


def ooxml_leftovers(data: bytes) -> list[str]:
    found: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = z.namelist()
        for name in names:
            lower = name.lower()
            if lower.startswith("customxml/") or lower == "docprops/custom.xml":
                found.append(f"custom XML ({name})")
            elif re.search(r"(comments\w*|people)\.xml$", lower):
                found.append(f"comments or their authors ({name})")
            elif lower == "docprops/core.xml":
                found += [f"the document property {_local(e.tag)}"
                          for e in _xml(z.read(name)).iter() if (e.text or "").strip()]
            elif lower == "docprops/app.xml":
                found += [f"the application property {_local(e.tag)}"
                          for e in list(_xml(z.read(name)))
                          if _local(e.tag) not in _APP_ALLOWED]
            elif lower.endswith(".xml") and _PERSON_ATTRS.search(z.read(name)):
                found.append(f"a reviewer's name ({name})")
            elif lower.startswith(("word/media/", "ppt/media/", "xl/media/", "pictures/")):
                found += [f"{name}: {f}" for f in image_leftovers(z.read(name), lower)]
    return found


def odf_leftovers(data: bytes) -> list[str]:
    found: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            lower = name.lower()
            if lower == "meta.xml":
                meta = [e for e in _xml(z.read(name)).iter() if _local(e.tag) != "document-meta"
                        and _local(e.tag) != "meta"]
                found += [f"the document property {_local(e.tag)}" for e in meta]
            elif lower.endswith(".xml") and re.search(rb"<(?:office:annotation|dc:creator|"
                                                      rb"dc:date)\b", z.read(name)):
                found.append(f"comments, authors or dates in {name}")
            elif lower.startswith(("pictures/", "thumbnails/")):
                found += [f"{name}: {f}" for f in image_leftovers(z.read(name), lower)]
    return found


def image_leftovers(data: bytes, name: str) -> list[str]:
    if data[:2] == b"\xff\xd8":
        return jpeg_leftovers(data)
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return png_leftovers(data)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return riff_leftovers(data)
    if name.endswith((".xml", ".rels", ".emf", ".wmf", ".svg")):
        return []
    return ["an embedded image in a format that cannot be checked"]
