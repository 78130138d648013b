"""The app's own settings (window layout, recent vaults, language, auto-lock). Kept in the
user's configuration folder, apart from every vault; never evidence, never a passphrase."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

MAX_RECENT = 8
LANGUAGES = ("system", "en", "ru")


class Settings:
    def __init__(self, store: QSettings | None = None) -> None:
        self._s = store if store is not None else QSettings()

    @classmethod
    def at(cls, path: str | Path) -> Settings:
        """Settings kept in one INI file (tests and portable use)."""
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    # vaults
    @property
    def remember_recent(self) -> bool:
        return self._bool("vaults/remember_recent", True)

    @remember_recent.setter
    def remember_recent(self, value: bool) -> None:
        self._s.setValue("vaults/remember_recent", value)
        if not value:
            self._s.remove("vaults/recent")

    @property
    def recent_vaults(self) -> list[str]:
        value = self._s.value("vaults/recent", [])
        if isinstance(value, str):
            return [value]
        return [str(v) for v in value] if isinstance(value, list) else []

    def add_recent(self, path: str | Path) -> None:
        if not self.remember_recent:
            return
        entry = str(Path(path).resolve())
        recent = [entry] + [p for p in self.recent_vaults if p != entry]
        self._s.setValue("vaults/recent", recent[:MAX_RECENT])

    def forget_recent(self, path: str | Path) -> None:
        entry = str(Path(path).resolve())
        self._s.setValue("vaults/recent", [p for p in self.recent_vaults if p != entry])

    # safety
    @property
    def auto_lock_minutes(self) -> int:
        """Minutes without input before the vault locks itself; 0 means never."""
        return self._int("safety/auto_lock_minutes", 10)

    @auto_lock_minutes.setter
    def auto_lock_minutes(self, value: int) -> None:
        self._s.setValue("safety/auto_lock_minutes", max(0, int(value)))

    # map
    @property
    def map_tile_url(self) -> str:
        """The tile server's URL template last agreed to ("" for none). App-wide: it names a
        server the user trusts from this machine, not evidence. Agreeing to contact it is
        asked again for every unlocked vault and never stored."""
        return str(self._s.value("map/tile_url", ""))

    @map_tile_url.setter
    def map_tile_url(self, value: str) -> None:
        self._s.setValue("map/tile_url", value.strip())

    # interface
    @property
    def language(self) -> str:
        value = str(self._s.value("ui/language", "system"))
        return value if value in LANGUAGES else "system"

    @language.setter
    def language(self, value: str) -> None:
        self._s.setValue("ui/language", value if value in LANGUAGES else "system")

    @property
    def view_mode(self) -> str:
        return "table" if self._s.value("ui/view_mode") == "table" else "grid"

    @view_mode.setter
    def view_mode(self, value: str) -> None:
        self._s.setValue("ui/view_mode", value)

    def layout(self, name: str) -> QByteArray | None:
        value = self._s.value(f"layout/{name}")
        return value if isinstance(value, QByteArray) else None

    def set_layout(self, name: str, value: QByteArray) -> None:
        self._s.setValue(f"layout/{name}", value)

    def save_window(self, name: str, window: QMainWindow, splitter: QSplitter) -> None:
        """Keep a window's geometry, docks and splitter (no evidence is in them)."""
        self.set_layout(f"{name}/geometry", window.saveGeometry())
        self.set_layout(f"{name}/state", window.saveState())
        self.set_layout(f"{name}/splitter", splitter.saveState())

    def restore_window(self, name: str, window: QMainWindow, splitter: QSplitter) -> None:
        geometry, state, split = (self.layout(f"{name}/{part}")
                                  for part in ("geometry", "state", "splitter"))
        if geometry is not None:
            window.restoreGeometry(geometry)
        if state is not None:
            window.restoreState(state)
        if split is not None:
            splitter.restoreState(split)

    def sync(self) -> None:
        self._s.sync()

    def _bool(self, key: str, default: bool) -> bool:
        value = self._s.value(key, default)
        if isinstance(value, str):
            return value.lower() in ("true", "1", "yes")
        return bool(value)

    def _int(self, key: str, default: int) -> int:
        try:
            return int(self._s.value(key, default))  # type: ignore[call-overload]
        except (TypeError, ValueError):
            return default
