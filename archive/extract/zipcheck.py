"""Office documents are zip archives: their members are checked before any library reads them.

``zipfile`` never decompresses past a member's declared size, so refusing archives whose declared
sizes are too large (before anything is decompressed) bounds what a zip bomb can cost.
"""

from __future__ import annotations

import zipfile
from typing import BinaryIO

MAX_MEMBER_BYTES = 128 * 1024 * 1024  # one member, decompressed (document.xml, content.xml)
MAX_TOTAL_BYTES = 512 * 1024 * 1024  # all members together, decompressed
MAX_MEMBERS = 10_000
_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)


class ZipRefused(ValueError):
    """The archive is not one our document readers will open; the message says why."""


def _mib(size: int) -> str:
    return f"{size / 1024**2:,.0f} MiB" if size < 1024**3 else f"{size / 1024**3:,.1f} GiB"


def check_zip(stream: BinaryIO) -> None:
    """Raise ``ZipRefused`` for an encrypted member, an unknown compression method, too many
    members, or declared sizes past the caps. The stream is left at its start."""
    stream.seek(0)
    with zipfile.ZipFile(stream) as archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            raise ZipRefused(f"{len(members):,} members in the archive, more than "
                             f"{MAX_MEMBERS:,}; not read")
        total = 0
        for info in members:
            if info.flag_bits & 0x1:
                raise ZipRefused("a member of the archive is encrypted; not read")
            if info.compress_type not in _METHODS:
                raise ZipRefused("a member of the archive uses a compression method that is "
                                 "not read; not read")
            if info.file_size > MAX_MEMBER_BYTES:
                raise ZipRefused(f"a member expands to {_mib(info.file_size)}, more than the "
                                 f"{_mib(MAX_MEMBER_BYTES)} a document may have "
                                 "(a zip bomb?); not read")
            total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise ZipRefused(f"the archive expands to {_mib(total)}, more than the "
                             f"{_mib(MAX_TOTAL_BYTES)} a document may have (a zip bomb?); "
                             "not read")
    stream.seek(0)
