"""Playback is optional. QtMultimedia loads system libraries (PulseAudio's client among them)
that a machine may lack; then the app still starts, and a recording's window says what is
missing instead of a player."""

from __future__ import annotations

import importlib
import logging
from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLoggingCategory

from .native_logs import QUIET_RULES, quiet_native_logs

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from .media_view import MediaView

log = logging.getLogger(__name__)
MODULES = ("PySide6.QtMultimedia", "PySide6.QtMultimediaWidgets")


@cache
def missing_reason() -> str | None:
    """None when playback can work; otherwise what failed to load and why (e.g.
    ``PySide6.QtMultimedia: libpulse.so.0: cannot open shared object file``)."""
    quiet_native_logs()
    QLoggingCategory.setFilterRules(QUIET_RULES)  # also when Qt read its rules already
    for name in MODULES:
        try:
            importlib.import_module(name)
        except (ImportError, OSError) as exc:
            log.warning("playback unavailable: %s could not be loaded", name)
            return f"{name}: {exc}"
    return None


def unavailable_text() -> str:
    """The sentence a recording's window shows when there is no player."""
    reason = missing_reason() or ""
    return QCoreApplication.translate(
        "playback", "Playback is not available on this computer: Qt Multimedia could not be "
        "loaded (%1). Install the missing system package (see the README, “System packages”) "
        "and start Strongroom again. The original is kept bit-exact.").replace("%1", reason)


def media_view(video: bool, parent: QWidget) -> MediaView | None:
    """A player widget, or None when playback is not available."""
    if missing_reason() is not None:
        return None
    from .media_view import MediaView

    return MediaView(video=video, parent=parent)
