"""The ICC colour profile's header and description, read from the profile bytes Pillow hands over
(no colour-management library is involved: only fixed offsets and one bounded tag)."""

from __future__ import annotations

import struct

_CLASSES = {b"scnr": "Input Device Profile", b"mntr": "Display Device Profile",
            b"prtr": "Output Device Profile", b"link": "DeviceLink Profile",
            b"spac": "ColorSpace Conversion Profile", b"abst": "Abstract Profile",
            b"nmcl": "NamedColor Profile"}


def _text(raw: bytes) -> str:
    return raw.split(b"\x00")[0].decode("latin-1").strip()


def _description(profile: bytes) -> str | None:
    if len(profile) < 132:
        return None
    count = struct.unpack(">I", profile[128:132])[0]
    for i in range(min(count, 256)):
        entry = profile[132 + 12 * i:144 + 12 * i]
        if len(entry) < 12:
            return None
        signature, offset, size = struct.unpack(">4sII", entry)
        if signature != b"desc":
            continue
        body = profile[offset:offset + min(size, 4096)]
        if body[:4] == b"desc" and len(body) >= 12:  # ICC v2 textDescriptionType
            length = struct.unpack(">I", body[8:12])[0]
            return _text(body[12:12 + length]) or None
        if body[:4] == b"mluc" and len(body) >= 28:  # ICC v4: the first localized record
            length, at = struct.unpack(">II", body[20:28])
            return body[at:at + length].decode("utf-16-be", "replace").strip("\x00 ") or None
        return None
    return None


def read_icc(profile: bytes) -> dict[str, dict[str, str]]:
    """{"ICC-header": {...}, "ICC_Profile": {"ProfileDescription": ...}} as ExifTool groups them."""
    if len(profile) < 128 or profile[36:40] != b"acsp":
        return {}
    year, month, day, hour, minute, second = struct.unpack(">6H", profile[24:36])
    major, minor = profile[8], profile[9] >> 4
    header = {
        "ProfileCMMType": _text(profile[4:8]),
        "ProfileVersion": f"{major}.{minor}.{profile[9] & 0x0F}",
        "ProfileClass": _CLASSES.get(profile[12:16], _text(profile[12:16])),
        "ColorSpaceData": _text(profile[16:20]), "ProfileConnectionSpace": _text(profile[20:24]),
        "ProfileDateTime": f"{year:04d}:{month:02d}:{day:02d} {hour:02d}:{minute:02d}:{second:02d}",
        "ProfileFileSignature": "acsp", "PrimaryPlatform": _text(profile[40:44]),
        "DeviceManufacturer": _text(profile[48:52]), "DeviceModel": _text(profile[52:56]),
        "ProfileCreator": _text(profile[80:84]),
    }
    groups = {"ICC-header": {k: v for k, v in header.items() if v}}
    description = _description(profile)
    if description:
        groups["ICC_Profile"] = {"ProfileDescription": description}
    return groups
