"""Ctrl+C during an import whose reader is stuck: the command stops promptly with the
interrupted exit code, the reader process is stopped, and the vault opens again."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import fixtures as fx
from archive import Vault
from archive.errors import ExitCode
from conftest import PASSPHRASE

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="POSIX signals")

_IMPORTER = textwrap.dedent("""
    import sys
    sys.path.insert(0, sys.argv[1])
    import hostile_readers
    from archive.intake import reading
    from archive.cli.main import main

    reading.read_file = hostile_readers.stuck_read_file
    sys.exit(main(["import", sys.argv[2], sys.argv[3]]))
""")


def test_ctrl_c_stops_a_stuck_reader(tmp_path: Path) -> None:
    vault, _ = Vault.create(tmp_path / "vault", PASSPHRASE)
    vault.lock()
    folder = tmp_path / "in"
    folder.mkdir()
    fx.jpeg(folder / "0-first.jpg")
    fx.jpeg(folder / "m-stuck.jpg", seed=4)
    marker = tmp_path / "reading"
    env = dict(os.environ, STUCK_MARKER=str(marker), STRONGROOM_PASSPHRASE=PASSPHRASE)
    child = subprocess.Popen(
        [sys.executable, "-c", _IMPORTER, str(Path(__file__).parent), str(tmp_path / "vault"),
         str(folder)], env=env, stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(1200):  # until the reader is inside the stuck file
            if marker.exists() or child.poll() is not None:
                break
            time.sleep(0.1)
        assert marker.exists()
        child.send_signal(signal.SIGINT)
        _, err = child.communicate(timeout=120)  # a guard: the reader alone would take an hour
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == ExitCode.INTERRUPTED, err
    assert "interrupted" in err and "Traceback" not in err
    again = Vault.open(tmp_path / "vault")
    again.unlock(PASSPHRASE)  # the lock file was released
    again.lock()
