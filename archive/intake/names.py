"""File names as the system gives them: bytes that need not be UTF-8 (cp1251 names from Windows
archives). Python carries the undecodable bytes as surrogate escapes, which neither the catalog
nor the custody log can store; they are shown with each such byte escaped (``\\xcf``), and the
exact bytes are kept in the custody record."""

from __future__ import annotations

import os


def shown_name(name: str) -> str:
    """``name`` itself when it is valid text, else with each undecodable byte as ``\\xNN``."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", "backslashreplace")
    return name


def name_bytes(name: str) -> str | None:
    """The name's exact bytes in hex when they are not valid UTF-8 (else None)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(name).hex()
    return None
