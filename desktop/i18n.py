"""The interface language: our own translations (Qt Linguist files beside this module) and Qt's
for its standard dialogs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

TRANSLATIONS = Path(__file__).with_name("translations")


def chosen_locale(language: str) -> QLocale:
    return QLocale.system() if language in ("", "system") else QLocale(language)


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load the translations for the chosen language; returns them (they must stay alive)."""
    locale = chosen_locale(language)
    QLocale.setDefault(locale)
    installed = []
    ours = QTranslator(app)
    if ours.load(locale, "strongroom", "_", str(TRANSLATIONS)):
        app.installTranslator(ours)
        installed.append(ours)
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    return installed
