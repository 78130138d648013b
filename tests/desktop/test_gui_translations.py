"""The interface is translatable and the Russian translation is complete and current."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from desktop.i18n import TRANSLATIONS, install_translators
from desktop.start_window import StartWindow
from gui_fixtures import *  # noqa: F403

TS = TRANSLATIONS / "strongroom_ru.ts"
TOOLS = Path(sys.executable).parent


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(TOOLS)) or shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed")
    return found


def test_russian_translation_is_complete() -> None:
    text = TS.read_text(encoding="utf-8")
    assert text.count("<message>") > 150
    assert 'type="unfinished"' not in text
    assert "<translation></translation>" not in text


def test_every_interface_string_is_in_the_translation(tmp_path: Path) -> None:
    copy = tmp_path / "check.ts"
    shutil.copy(TS, copy)
    sources = [str(p) for p in sorted((TRANSLATIONS.parent).glob("*.py"))]
    out = subprocess.run([_tool("pyside6-lupdate"), *sources, "-ts", str(copy), "-no-obsolete"],
                         capture_output=True, text=True, check=True).stdout
    assert "(0 new" in out, out


def test_compiled_translation_matches_the_source(tmp_path: Path) -> None:
    copy = tmp_path / "strongroom_ru.ts"
    shutil.copy(TS, copy)
    subprocess.run([_tool("pyside6-lrelease"), str(copy)], capture_output=True, check=True)
    assert (tmp_path / "strongroom_ru.qm").read_bytes() == \
        (TRANSLATIONS / "strongroom_ru.qm").read_bytes()


def test_the_interface_speaks_russian(qtbot, settings) -> None:  # type: ignore[no-untyped-def]
    app = QCoreApplication.instance()
    translators = install_translators(app, "ru")
    try:
        assert translators
        window = StartWindow(settings)
        qtbot.addWidget(window)
        assert window.unlock_button.text() == "Открыть"
        assert window.create_button.text() == "Создать хранилище…"
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        QLocale.setDefault(QLocale("en"))
