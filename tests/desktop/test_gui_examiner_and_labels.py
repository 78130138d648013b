"""The examiner's name typed at creation and changed in Preferences is who acts in the custody
record; the detail pane shows metadata with labels and units (raw tags one click away) and the
custody timeline as sentences naming where the item came from and who acted."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from desktop.create_dialog import CreateVaultDialog
from desktop.main_window import TABLE
from desktop.preferences_dialog import PreferencesDialog
from desktop.recovery_dialog import RecoveryKeyDialog
from gui_fixtures import *  # noqa: F403

NEW_PASSPHRASE = "quiet river under seven bridges"


def _create_with_name(qtbot, controller, folder: Path, name: str) -> None:  # type: ignore[no-untyped-def]
    def answer_recovery(dialog: RecoveryKeyDialog) -> None:
        def confirm() -> None:
            dialog.confirm.setChecked(True)
            dialog.buttons.buttons()[0].click()
        QTimer.singleShot(0, confirm)

    def fill(dialog: CreateVaultDialog) -> None:
        def go() -> None:
            dialog.recovery_shown.connect(answer_recovery)
            qtbot.keyClicks(dialog.folder, str(folder))
            qtbot.keyClicks(dialog.examiner, name)
            qtbot.keyClicks(dialog.passphrase, NEW_PASSPHRASE)
            qtbot.keyClicks(dialog.repeat, NEW_PASSPHRASE)
            qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
        QTimer.singleShot(0, go)

    controller.start.create_dialog_shown.connect(fill)
    with qtbot.waitSignal(controller.opened, timeout=30000):
        controller.start.create_vault()


def test_the_examiner_named_at_creation_and_in_preferences_acts(  # type: ignore[no-untyped-def]
        qtbot, controller, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("STRONGROOM_ACTOR", raising=False)
    _create_with_name(qtbot, controller, tmp_path / "vault", "Anna Petrova")
    main = controller.main
    assert main.vault.examiner == "Anna Petrova"
    seen: dict[str, object] = {}

    def rename() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, PreferencesDialog) and w.isVisible())
        seen["shown"] = dialog.examiner.text()
        dialog.examiner.selectAll()
        qtbot.keyClicks(dialog.examiner, "Anna Sidorova")
        qtbot.keyClick(dialog.examiner, Qt.Key.Key_Return)  # the dialog's default button

    QTimer.singleShot(50, rename)
    main.act_prefs.trigger()
    assert seen["shown"] == "Anna Petrova"
    assert main.vault.examiner == "Anna Sidorova"
    (event,) = main.vault.custody_events()
    assert (event.action, event.actor, event.details) == (
        "examiner-change", "Anna Petrova", {"examiner": "Anna Sidorova"})


def test_detail_pane_reads_like_a_person_wrote_it(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    main_window.set_view(TABLE)
    table = main_window.table
    proxy = main_window.proxy
    qtbot.waitUntil(lambda: proxy.rowCount() >= 4, timeout=10000)
    row = next(r for r in range(proxy.rowCount())
               if proxy.index(r, 0).data() == "basement-stairs.jpg")
    rect = table.visualRect(proxy.index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    detail = main_window.detail
    qtbot.waitUntil(lambda: detail.title.text() == "basement-stairs.jpg", timeout=5000)

    shown = dict(detail.metadata_view.shown_text())
    assert shown["Orientation"] == "rotated 90° clockwise"
    assert shown["Camera make"] == "DemoPhone"
    assert shown["Taken (as the camera wrote it)"] == "2023-06-14 09:44:52 UTC+03:00"
    assert "orientation_code" not in shown
    qtbot.mouseClick(detail.metadata_view.toggle, Qt.MouseButton.LeftButton)
    raw = dict(detail.metadata_view.shown_text())
    assert raw["orientation_code"] == "6"
    qtbot.mouseClick(detail.metadata_view.toggle, Qt.MouseButton.LeftButton)
    assert "Orientation" in dict(detail.metadata_view.shown_text())

    model = detail.custody_model
    sentences = [model.index(r, 2).data() for r in range(model.rowCount())]
    assert sentences[0].startswith("Imported from ") and "basement-stairs.jpg" in sentences[0]
    assert "into case «Demo: basement shop»" in sentences[0]
    assert sentences[1].startswith("Metadata and text read (")
    assert model.headerData(2, Qt.Orientation.Horizontal) == "What happened"


def test_russian_custody_sentences_keep_every_placeholder(qtbot) -> None:  # type: ignore[no-untyped-def]
    import string

    from PySide6.QtCore import QCoreApplication, QLocale

    from archive.custody.log import Event
    from archive.custody.wording import SENTENCES, event_sentence
    from desktop.custody_text import CustodyText
    from desktop.i18n import install_translators

    def fields(template: str) -> set[str]:
        return {f for _t, f, _s, _c in string.Formatter().parse(template) if f}

    app = QCoreApplication.instance()
    translators = install_translators(app, "ru")
    try:
        russian = CustodyText().templates()
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        QLocale.setDefault(QLocale("en"))
    assert set(russian) == set(SENTENCES)
    for key, template in russian.items():
        assert template != SENTENCES[key] or key == "other", key  # translated
        assert fields(template) == fields(SENTENCES[key]), key
    event = Event(1, "2026-01-01T00:00:00.000000Z", "case-add", "ab" * 16, None, None,
                  "Анна", {"case": "Подвал"})
    assert event_sentence(event, templates=russian) == "Добавлено в дело «Подвал» (Анна)"
