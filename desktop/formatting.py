"""How values look in the interface (sizes, times, durations); presentation only."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication


def size_text(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"


def time_text(moment: datetime | None, utc: bool = True) -> str:
    """A time as stored: UTC marked as such; a camera clock of unknown zone shown as it read."""
    if moment is None:
        return ""
    text = moment.strftime("%Y-%m-%d %H:%M:%S")
    return f"{text} UTC" if utc else text


def iso_text(value: str | None) -> str:
    """An ISO 8601 string from the archive, shown with a space and 'UTC' for 'Z'."""
    if not value:
        return ""
    text = value.replace("T", " ")
    if text.endswith("Z"):
        text = text[:-1] + " UTC"
    return text.split(".")[0] + (" UTC" if value.endswith("Z") and "." in text else "")


def duration_text(seconds: float | None) -> str:
    if seconds is None:
        return ""
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def kind_text(kind: str) -> str:
    names = {
        "photo": QCoreApplication.translate("formatting", "Photo"),
        "audio": QCoreApplication.translate("formatting", "Audio"),
        "video": QCoreApplication.translate("formatting", "Video"),
        "transcript": QCoreApplication.translate("formatting", "Transcript"),
        "document": QCoreApplication.translate("formatting", "Document"),
        "other": QCoreApplication.translate("formatting", "Other"),
    }
    return names.get(kind, kind)
