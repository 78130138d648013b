"""Import through the GUI's worker: rows appear while it runs, progress arrives, errors are
listed with the file's name. (How long the UI thread is held during an import is measured in
benchmarks/bench_desktop.py.)"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from PIL import Image

from gui_fixtures import *  # noqa: F403

FILES = 240
LARGE_BATCH = 1000


def _evidence(folder: Path, files: int = FILES) -> Path:
    folder.mkdir()
    for i in range(files):
        if i % 3 == 0:
            Image.new("RGB", (640, 480), (i % 256, i // 256, 90)).save(folder / f"p{i:04}.jpg",
                                                                  quality=85)
        else:
            (folder / f"statement-{i:04}.txt").write_text(f"Показания номер {i}. Witness {i}.",
                                                          encoding="utf-8")
    os.mkfifo(folder / "a-pipe")  # refused: not a regular file
    (folder / "loop").symlink_to(folder, target_is_directory=True)  # a loop, reported once
    return folder


def _paused_after_first_results(vault, monkeypatch):  # type: ignore[no-untyped-def]
    """Make the import stop after its first reported results until the test lets it go on,
    so "rows appear while it runs" is seen however fast or slow the machine is."""
    go_on = threading.Event()
    real = vault.import_paths

    def import_paths(paths, *, progress=None, **kw):  # type: ignore[no-untyped-def]
        def pausing(done: int, total: int, name: str) -> None:
            progress(done, total, name)
            report = kw.get("report")
            if report is not None and report.count("imported") > 0:
                go_on.wait(timeout=120)

        return real(paths, progress=pausing, **kw)

    monkeypatch.setattr(vault, "import_paths", import_paths)
    return go_on


def test_import_worker_progress_errors_and_rows_as_it_runs(qtbot, main_window, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                           monkeypatch) -> None:
    folder = _evidence(tmp_path / "batch", LARGE_BATCH)
    before = main_window.items.total()
    progress: list[tuple[int, int]] = []
    go_on = _paused_after_first_results(main_window.vault, monkeypatch)
    task = main_window.import_paths([str(folder)], None)
    assert task is not None
    task.signals.progress.connect(lambda d, t, _n: progress.append((d, t)))
    try:
        # the import is held after its first results: the list takes them in meanwhile
        qtbot.waitUntil(lambda: main_window.items.total() > before, timeout=120000)
        assert main_window.import_task is not None
        assert main_window.items.total() < before + LARGE_BATCH
    finally:
        go_on.set()
    with qtbot.waitSignal(main_window.import_finished, timeout=120000) as finished:
        pass
    report = finished.args[0]
    assert report is not None and not report.cancelled
    assert report.count("imported") == LARGE_BATCH
    panel = main_window.import_panel
    assert panel.imported == LARGE_BATCH
    assert panel.failed == report.count("failed") >= 1
    errors = [panel.errors.item(i).text() for i in range(panel.errors.count())]
    assert any(e.startswith("a-pipe:") for e in errors), errors
    assert progress and progress[-1][0] == progress[-1][1]
    assert main_window.items.total() == before + LARGE_BATCH


def test_cancel_keeps_what_is_in(qtbot, main_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = _evidence(tmp_path / "batch")
    before = main_window.items.total()
    main_window.import_paths([str(folder)], None)
    qtbot.waitUntil(lambda: main_window.import_panel.imported > 0, timeout=60000)
    with qtbot.waitSignal(main_window.import_finished, timeout=60000) as finished:
        main_window.import_panel.cancel_button.click()
    report = finished.args[0]
    assert report.cancelled
    added = report.count("imported")
    assert 0 < added < FILES
    main_window.items.refresh()
    assert main_window.items.total() == before + added
    assert "cancelled" in main_window.import_panel.status.text()


def test_dropping_files_on_a_case_imports_into_it(qtbot, main_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QMimeData, Qt, QUrl

    note = tmp_path / "dropped.txt"
    note.write_text("Записка, брошенная на дело.", encoding="utf-8")
    row = main_window.sidebar_model.row_of_case("Demo: basement shop")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(note))])
    with qtbot.waitSignal(main_window.import_finished, timeout=60000):
        main_window.sidebar_model.dropMimeData(data, Qt.DropAction.CopyAction, -1, -1,
                                               main_window.sidebar_model.index(row, 0))
    vault = main_window.vault
    found = [s for s in vault.items(case="Demo: basement shop") if s.original_name == note.name]
    assert len(found) == 1
