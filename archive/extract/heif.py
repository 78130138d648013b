"""The stored size of a HEIF/HEIC picture, as its primary item's 'ispe' property gives it.

Decoders turn the picture by the container's 'irot'/'imir' properties (and pillow-heif by the
EXIF orientation too); ExifTool, and the examiner comparing with it, report the size as stored.
The box walk is bounded by the bytes given, the depth and the number of boxes it visits."""

from __future__ import annotations

import struct
from collections.abc import Iterator

MAX_BOXES = 4096


def _boxes(data: bytes, start: int, end: int) -> Iterator[tuple[bytes, int, int]]:
    """(type, body start, body end) of each box between ``start`` and ``end``."""
    pos, count = start, 0
    end = min(end, len(data))
    while pos + 8 <= end and count < MAX_BOXES:
        size, kind = struct.unpack(">I4s", data[pos:pos + 8])
        header = 8
        if size == 1:
            if pos + 16 > end:
                return
            size = struct.unpack(">Q", data[pos + 8:pos + 16])[0]
            header = 16
        elif size == 0:
            size = end - pos
        if size < header or pos + size > end:
            return
        yield kind, pos + header, pos + size
        pos += size
        count += 1


def _child(data: bytes, start: int, end: int, kind: bytes) -> tuple[int, int] | None:
    for found, body, stop in _boxes(data, start, end):
        if found == kind:
            return body, stop
    return None


def _primary_item(data: bytes, body: int, stop: int) -> int | None:
    if stop - body < 6:
        return None
    version = data[body]
    if version == 0:
        return int(struct.unpack(">H", data[body + 4:body + 6])[0])
    if stop - body < 8:
        return None
    return int(struct.unpack(">I", data[body + 4:body + 8])[0])


def _associations(data: bytes, body: int, stop: int, item: int) -> list[int]:
    """The 1-based property indices 'ipma' associates with ``item``."""
    if stop - body < 8:
        return []
    version, flags = data[body], int.from_bytes(data[body + 1:body + 4], "big")
    count = struct.unpack(">I", data[body + 4:body + 8])[0]
    pos = body + 8
    id_size, index_size = (2 if version < 1 else 4), (2 if flags & 1 else 1)
    for _ in range(min(count, MAX_BOXES)):
        if pos + id_size + 1 > stop:
            return []
        number = int.from_bytes(data[pos:pos + id_size], "big")
        links = data[pos + id_size]
        pos += id_size + 1
        if pos + links * index_size > stop:
            return []
        if number == item:
            mask = 0x7FFF if index_size == 2 else 0x7F
            return [int.from_bytes(data[pos + i * index_size:pos + (i + 1) * index_size], "big")
                    & mask for i in range(links)]
        pos += links * index_size
    return []


def stored_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) of the primary item before any rotation, or None when not found."""
    meta = _child(data, 0, len(data), b"meta")
    if meta is None:
        return None
    start, end = meta[0] + 4, meta[1]  # 'meta' is a full box: version and flags first
    pitm, iprp = _child(data, start, end, b"pitm"), _child(data, start, end, b"iprp")
    if pitm is None or iprp is None:
        return None
    item = _primary_item(data, *pitm)
    ipco, ipma = _child(data, *iprp, b"ipco"), _child(data, *iprp, b"ipma")
    if item is None or ipco is None or ipma is None:
        return None
    properties = list(_boxes(data, *ipco))
    for index in _associations(data, *ipma, item):
        if not 1 <= index <= len(properties):
            continue
        kind, body, stop = properties[index - 1]
        if kind == b"ispe" and stop - body >= 12:
            width, height = struct.unpack(">II", data[body + 4:body + 12])
            if width and height:
                return int(width), int(height)
    return None
