"""XMP packets, wherever a file keeps them (JPEG APP1, PNG iTXt, TIFF tag 700, HEIC and MP4
boxes): found by their markers in the bytes, parsed with entity expansion refused. A JPEG's
extended XMP (the part that did not fit in one segment) is put together from its chunks only when
they cover it exactly and its MD5 is the GUID the main packet names."""

from __future__ import annotations

import hashlib
import hmac
import struct
from collections.abc import Iterable
from typing import Any

from defusedxml import ElementTree

MAX_PACKET = 8 << 20  # larger is not metadata any camera writes
MAX_EXTENDED = MAX_PACKET  # an extension (depth maps, history) larger than this is refused
MAX_VALUE = 64 << 10  # longer values (base64 images in extended XMP) are named, not kept
MAIN_SIGNATURE = b"http://ns.adobe.com/xap/1.0/\x00"
EXTENSION_SIGNATURE = b"http://ns.adobe.com/xmp/extension/\x00"
_STARTS = (b"<x:xmpmeta", b"<x:xapmeta", b"<rdf:RDF")
_ENDS = (b"</x:xmpmeta>", b"</x:xapmeta>", b"</rdf:RDF>")
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
# ExifTool's family-1 group names for the namespaces cameras and editors write.
PREFIXES = {
    "http://ns.adobe.com/exif/1.0/": "exif", "http://ns.adobe.com/tiff/1.0/": "tiff",
    "http://ns.adobe.com/xap/1.0/": "xmp", "http://ns.adobe.com/photoshop/1.0/": "photoshop",
    "http://purl.org/dc/elements/1.1/": "dc", "http://ns.adobe.com/xap/1.0/mm/": "xmpMM",
    "http://ns.adobe.com/exif/1.0/aux/": "aux", "http://cipa.jp/exif/1.0/": "exifEX",
    "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/": "iptcCore",
    "http://iptc.org/std/Iptc4xmpExt/2008-02-29/": "iptcExt",
    "http://ns.adobe.com/camera-raw-settings/1.0/": "crs",
    "http://ns.google.com/photos/1.0/camera/": "GCamera",
    "http://ns.apple.com/HDRGainMap/1.0/": "HDRGainMap",
    "http://ns.adobe.com/xap/1.0/rights/": "xmpRights",
    "http://ns.adobe.com/xmp/note/": "xmpNote", "http://ns.google.com/photos/1.0/image/": "GImage",
    "http://ns.google.com/photos/1.0/depthmap/": "GDepth",
    "http://ns.google.com/photos/1.0/audio/": "GAudio",
}


def find_packets(data: bytes) -> list[bytes]:
    """Every XMP packet in ``data`` (a photo usually has one; an edited one sometimes two)."""
    packets: list[bytes] = []
    pos = 0
    while len(packets) < 8:
        # bytes.find is far faster than a regular expression over megabytes of pixels
        found_at = [at for at in (data.find(m, pos) for m in _STARTS) if at >= 0]
        if not found_at:
            break
        start = min(found_at)
        end = -1
        for marker in _ENDS:
            found = data.find(marker, start, start + MAX_PACKET)
            if found >= 0:
                end = found + len(marker)
                break
        if end < 0:
            break
        packets.append(data[start:end])
        pos = end
    return packets


def _group_and_name(qualified: str) -> tuple[str, str]:
    if qualified.startswith("{"):
        uri, _, name = qualified[1:].partition("}")
        prefix = PREFIXES.get(uri) or uri.rstrip("/#").rsplit("/", 1)[-1] or "unknown"
        return "XMP-" + prefix, name
    return "XMP", qualified


def _bounded(text: str) -> str:
    if len(text) <= MAX_VALUE:
        return text
    return f"({len(text):,} characters of data, not kept in the dump)"


def _value(element: Any) -> str | None:
    """Text of a simple property, or the items of an rdf:Seq/Bag/Alt joined by ', '."""
    items = [li.text.strip() for li in element.iter(f"{{{RDF}}}li") if li.text and li.text.strip()]
    if items:
        return _bounded(", ".join(items))
    text = (element.text or "").strip()
    if text:
        return _bounded(text)
    resource = element.get(f"{{{RDF}}}resource")
    return resource.strip() if resource else None


def parse_packet(packet: bytes) -> dict[str, dict[str, str]]:
    """{"XMP-exif": {"DateTimeOriginal": "2013-07-05T03:18:27Z", ...}, ...}"""
    text = packet.decode("utf-8", "replace")
    if not text.startswith("<x:") and not text.startswith("<rdf:RDF"):
        return {}
    if text.startswith("<rdf:RDF") and "xmlns:rdf" not in text[:400]:
        text = text.replace("<rdf:RDF", f'<rdf:RDF xmlns:rdf="{RDF}"', 1)
    root = ElementTree.fromstring(text, forbid_dtd=True, forbid_entities=True,
                                  forbid_external=True)
    groups: dict[str, dict[str, str]] = {}
    for desc in root.iter(f"{{{RDF}}}Description"):
        for qualified, value in desc.attrib.items():
            group, name = _group_and_name(qualified)
            if group.startswith("XMP-") and group != "XMP-22-rdf-syntax-ns" and value.strip():
                groups.setdefault(group, {}).setdefault(name, _bounded(value.strip()))
        for child in desc:
            group, name = _group_and_name(child.tag)
            value = _value(child)
            if value:
                groups.setdefault(group, {}).setdefault(name, value)
    return groups


def read_xmp(data: bytes) -> dict[str, dict[str, str]]:
    """All XMP properties in the bytes; properties in a later packet do not override earlier."""
    merged: dict[str, dict[str, str]] = {}
    for packet in find_packets(data):
        try:
            groups = parse_packet(packet)
        except Exception:  # noqa: BLE001, S112 - a broken packet is skipped, the next may be whole
            continue
        _merge(merged, groups)
    return merged


class ExtendedXmpError(ValueError):
    """The extension's chunks do not make one whole, bounded, GUID-matching packet."""


def _merge(into: dict[str, dict[str, str]], groups: dict[str, dict[str, str]]) -> None:
    for group, values in groups.items():
        target = into.setdefault(group, {})
        for name, value in values.items():
            target.setdefault(name, value)


def extended_packet(payloads: Iterable[bytes], guid: str) -> bytes | None:
    """The extension named by ``guid`` (the main packet's xmpNote:HasExtendedXMP), put together
    from the APP1 payloads that carry it: each is the signature, the 32-character GUID, the full
    length and this chunk's offset (big-endian 32-bit) and the chunk. None when no chunk names
    the GUID; ExtendedXmpError when the chunks overlap, leave a gap, disagree on the length,
    exceed MAX_EXTENDED or do not hash (MD5) to the GUID."""
    wanted = guid.strip().encode("ascii", "replace")
    if len(wanted) != 32:
        raise ExtendedXmpError("the extension's GUID is not 32 characters")
    chunks: dict[int, bytes] = {}
    full: int | None = None
    total = 0
    for payload in payloads:
        if not payload.startswith(EXTENSION_SIGNATURE) or len(payload) < 75:
            continue
        if payload[35:67] != wanted:
            continue
        size, offset = struct.unpack(">II", payload[67:75])
        if full is not None and size != full:
            raise ExtendedXmpError("its chunks disagree on the extension's length")
        full = size
        if size > MAX_EXTENDED:
            raise ExtendedXmpError(f"{size:,} bytes, more than the {MAX_EXTENDED:,} allowed")
        if offset in chunks:
            raise ExtendedXmpError("two chunks at the same offset")
        chunks[offset] = payload[75:]
        total += len(payload) - 75
        if total > MAX_EXTENDED:
            raise ExtendedXmpError(f"chunks larger than the {MAX_EXTENDED:,} bytes allowed")
    if full is None:
        return None
    joined, at = bytearray(), 0
    for offset in sorted(chunks):
        if offset != at:
            raise ExtendedXmpError(f"{'overlap' if offset < at else 'gap'} at byte {at:,}")
        joined += chunks[offset]
        at += len(chunks[offset])
    if at != full:
        raise ExtendedXmpError(f"{at:,} of {full:,} bytes present")
    digest = hashlib.md5(bytes(joined), usedforsecurity=False).hexdigest().upper()
    if not hmac.compare_digest(digest, wanted.decode("ascii").upper()):
        raise ExtendedXmpError("its MD5 is not the GUID the main packet names")
    return bytes(joined)


def read_jpeg_xmp(app1: list[bytes]) -> tuple[dict[str, dict[str, str]], str | None]:
    """The main packet of a JPEG's APP1 segments and, when it names one, its extension; with
    the reason the extension was refused, if it was (the main packet's groups are kept)."""
    main = b"".join(p for p in app1 if p.startswith(MAIN_SIGNATURE[:-1]))
    groups = read_xmp(main)
    guid = groups.get("XMP-xmpNote", {}).get("HasExtendedXMP")
    if not guid:
        return groups, None
    try:
        packet = extended_packet(app1, guid)
    except ExtendedXmpError as exc:
        return groups, str(exc)
    if packet is not None:
        _merge(groups, read_xmp(packet))
    return groups, None
