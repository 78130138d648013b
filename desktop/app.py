"""``strongroom-desktop [VAULT]``: the desktop app. ``--demo`` opens (and on first run builds)
a demo vault of made-up evidence."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QApplication

from archive.demo import DEMO_PASSPHRASE, build_demo_vault
from archive.vault import is_vault

from .controller import AppController
from .crash_dialog import install_excepthook
from .error_messages import full_message
from .i18n import install_translators
from .settings import Settings
from .start_window import StartWindow
from .tasks import Task


def demo_vault_path() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "demo-vault"


def demo_hint() -> str:
    return QCoreApplication.translate("app", "Demo vault (made-up evidence). Passphrase: %1") \
        .replace("%1", DEMO_PASSPHRASE)


def open_demo(start: StartWindow, path: Path) -> None:
    """Show the demo vault's unlock panel, building the vault first if it is not there yet."""
    if is_vault(path):
        start.choose(path, demo_hint())
        return
    start.busy.setFormat(QCoreApplication.translate("app", "Building the demo vault…"))
    start.busy.show()
    start.path_label.setText(str(path))

    def work(_task: Task) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        build_demo_vault(path).lock()
        return path

    def built(folder: Path) -> None:
        start.busy.hide()
        start.busy.setFormat(start.tr("Deriving the key…"))
        start.settings.add_recent(folder)
        start.load_recent()
        start.choose(folder, demo_hint())

    def failed(exc: BaseException) -> None:
        start.busy.hide()
        start.message.setText(QCoreApplication.translate("app", "The demo vault could not be "
                                                         "built: %1").replace("%1",
                                                                              full_message(exc)))

    start.run_in_background(work, done=built, failed=failed)


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="strongroom-desktop",
                                     description="Strongroom, the desktop app")
    parser.add_argument("vault", nargs="?", help="a vault folder to open")
    parser.add_argument("--demo", action="store_true",
                        help="open the demo vault (built on first use)")
    parser.add_argument("--settings", metavar="FILE",
                        help="keep the app's settings in this INI file")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    os.umask(0o077)
    args = parse_args(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("Strongroom")
    app.setApplicationName("Strongroom")
    settings = Settings.at(args.settings) if args.settings else Settings()
    translators = install_translators(app, settings.language)
    install_excepthook()
    controller = AppController(settings)
    if args.demo:
        open_demo(controller.start, demo_vault_path())
    elif args.vault:
        controller.start.choose(args.vault)
    controller.start.show()
    code = app.exec()
    del translators
    return int(code)


if __name__ == "__main__":
    sys.exit(main())
