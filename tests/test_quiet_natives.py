"""FFmpeg must not print what it reads (a recording's title, its place) to stderr: not through
Qt's FFmpeg backend while the desktop plays a recording (checked on file descriptor 2 of a child
process, where native code writes), not through PyAV in the main process."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import fixtures as fx
from conftest import PASSPHRASE

MARKER = "TitleMarker7Q3Z"
ROOT = Path(__file__).resolve().parents[1]

# Plays the recording from the vault through the desktop's own player widget (the path of a
# recording's window), for long enough that the backend has opened it.
_PLAYER = textwrap.dedent("""
    import sys
    sys.path.insert(0, sys.argv[3])
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    import desktop  # what the app does first
    from archive import Vault
    from desktop import playback

    app = QApplication([])
    if playback.missing_reason() is not None:
        print("no playback"); sys.exit(0)
    vault = Vault.open(sys.argv[1]); vault.unlock(sys.argv[2])
    item = vault.items()[0].id
    view = playback.media_view(video=False, parent=None)
    view.load(vault.open_original(item, purpose="view"), ".m4a")
    view.toggle()
    QTimer.singleShot(3000, app.quit)
    app.exec()
    print("played", view.player.mediaStatus().name)
""")

# The same file opened by a bare QMediaPlayer, nothing of ours loaded: shows that this machine's
# backend does print the title, so the check above can fail.
_BARE_PLAYER = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QTimer, QUrl
    from PySide6.QtWidgets import QApplication
    from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

    app = QApplication([])
    player = QMediaPlayer(); out = QAudioOutput(); player.setAudioOutput(out)
    player.setSource(QUrl.fromLocalFile(sys.argv[1])); player.play()
    QTimer.singleShot(3000, app.quit)
    app.exec()
""")

def _stderr_of(script: str, *args: str, tmp_path: Path) -> tuple[str, str]:
    """(stdout, what reached file descriptor 2) of a child running ``script``."""
    err_path = tmp_path / f"fd2-{len(list(tmp_path.glob('fd2-*')))}.txt"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("QT_LOGGING_RULES", None)
    with open(err_path, "wb") as err:
        done = subprocess.run([sys.executable, "-c", script, *args], env=env, stdout=subprocess.PIPE,
                              stderr=err, timeout=600, check=False)
    assert done.returncode == 0, err_path.read_text(errors="replace")
    return done.stdout.decode(), err_path.read_text(errors="replace")


def test_playing_a_recording_prints_nothing_it_read(tmp_path: Path) -> None:
    from archive import Vault

    recording = fx.compressed_audio(tmp_path / "interview.m4a", title=MARKER, seconds=2.0)
    vault, _ = Vault.create(tmp_path / "vault", PASSPHRASE)
    try:
        vault.import_paths([recording])
    finally:
        vault.lock()
    out, err = _stderr_of(_PLAYER, str(tmp_path / "vault"), PASSPHRASE, str(ROOT),
                          tmp_path=tmp_path)
    if "no playback" in out:
        pytest.skip("QtMultimedia cannot be loaded on this machine")
    assert "played" in out
    assert MARKER not in err
    _out, bare = _stderr_of(_BARE_PLAYER, str(recording), tmp_path=tmp_path)
    if MARKER not in bare:
        pytest.skip("this Qt does not print container metadata: the check above cannot fail")


def test_pyav_in_the_main_process_keeps_ffmpeg_log_off() -> None:
    """PyAV 18 forwards nothing of what FFmpeg read even at its most verbose (measured: a
    title marker never reached stderr at TRACE), so an fd-level check of it could not fail;
    what can go wrong is its log being turned on, which loading it through load_av undoes."""
    import av.logging

    from archive.extract.ffmpeg import load_av

    before = av.logging.get_level()
    av.logging.set_level(av.logging.INFO)
    try:
        load_av()
        assert av.logging.get_level() is None
    finally:
        av.logging.set_level(before)
