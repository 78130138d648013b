"""Import through the GUI's worker: rows appear, progress arrives, errors are listed with the
file's name, and the UI thread keeps turning over during the import."""

from __future__ import annotations

import os
import time
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QTimer

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


def test_import_worker_progress_errors_and_responsiveness(qtbot, main_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = _evidence(tmp_path / "batch", LARGE_BATCH)
    before = main_window.items.total()
    progress: list[tuple[int, int]] = []
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(tick)
    timer.start()
    task = main_window.import_paths([str(folder)], None)
    assert task is not None
    task.signals.progress.connect(lambda d, t, _n: progress.append((d, t)))
    rows_seen_during = []
    with qtbot.waitSignal(main_window.import_finished, timeout=120000) as finished:
        while main_window.import_task is not None:
            qtbot.wait(100)
            rows_seen_during.append(main_window.items.total())
    timer.stop()
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
    assert any(before < n < before + LARGE_BATCH for n in rows_seen_during)  # rows arrive as it runs
    worst = max(gaps[1:])
    print(f"longest UI stall during import: {worst * 1000:.0f} ms over {len(gaps)} ticks")
    assert worst < 0.5


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
