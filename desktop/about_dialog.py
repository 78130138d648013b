"""About: the app's version and the vault format it reads and writes."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from archive.storage.header import FORMAT_VERSION


def app_version() -> str:
    try:
        return version("strongroom")
    except PackageNotFoundError:
        return "unknown"


def about_text(parent: QWidget) -> str:
    return (parent.tr("<h3>Strongroom %1</h3><p>An encrypted evidence archive with a verifiable "
                      "chain of custody.</p><p>Vault format %2 · Qt %3</p>"
                      "<p>Licensed under the GNU GPL, version 3 or later.</p>")
            .replace("%1", app_version()).replace("%2", str(FORMAT_VERSION))
            .replace("%3", qVersion()))


def show_about(parent: QWidget) -> None:
    QMessageBox.about(parent, parent.tr("About Strongroom"), about_text(parent))
