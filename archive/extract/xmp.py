"""XMP packets, wherever a file keeps them (JPEG APP1, PNG iTXt, TIFF tag 700, HEIC and MP4
boxes): found by their markers in the bytes, parsed with entity expansion refused."""

from __future__ import annotations

from typing import Any

from defusedxml import ElementTree

MAX_PACKET = 4 << 20  # larger is not metadata any camera writes
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


def _value(element: Any) -> str | None:
    """Text of a simple property, or the items of an rdf:Seq/Bag/Alt joined by ', '."""
    items = [li.text.strip() for li in element.iter(f"{{{RDF}}}li") if li.text and li.text.strip()]
    if items:
        return ", ".join(items)
    text = (element.text or "").strip()
    if text:
        return text
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
                groups.setdefault(group, {}).setdefault(name, value.strip())
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
        for group, values in groups.items():
            target = merged.setdefault(group, {})
            for name, value in values.items():
                target.setdefault(name, value)
    return merged
