"""FFmpeg through PyAV, loaded on first use (not when the program starts) with its logging off.

FFmpeg's log describes what it reads (a container's title, the place it was recorded) and, when
PyAV's logging is on, it reaches stderr, which a desktop session keeps in its journal. PyAV keeps
it off by default; this says so explicitly, so that no version or other caller turns it on here.
"""

from __future__ import annotations

from types import ModuleType


def load_av() -> ModuleType:
    """The ``av`` module, with FFmpeg's log silenced in this process."""
    import av
    import av.logging

    av.logging.set_level(None)
    return av
