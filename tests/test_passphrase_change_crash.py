"""kill -9 at any point of a passphrase change: afterwards either the old passphrase opens the
vault and no change is recorded, or the new one opens it and its custody event is there; never
one without the other."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from archive import Vault
from archive.errors import WrongPassphrase
from conftest import PASSPHRASE

NEW = "a new passphrase of several words"
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="POSIX signals")

# Kills itself at the named point: "staged" (the new header written beside the old, nothing
# committed), "recorded" (the event committed, the header not yet renamed).
_CHANGER = textwrap.dedent("""
    import os, signal, sys
    from archive import Vault
    from archive.custody import passphrase_change
    from crypto.kdf import CHEAP_FOR_TESTS

    point = sys.argv[2]
    vault = Vault.open(sys.argv[1])
    vault.unlock(sys.argv[3])
    if point == "staged":
        real_stage = passphrase_change.stage
        def stage(folder, header):
            real_stage(folder, header)
            os.kill(os.getpid(), signal.SIGKILL)
        passphrase_change.stage = stage
    else:
        def settle(folder, sessions):
            os.kill(os.getpid(), signal.SIGKILL)
        passphrase_change.settle = settle
    vault.change_passphrase(sys.argv[4], kdf_params=CHEAP_FOR_TESTS)
""")


def _changes(vault: Vault) -> int:
    return sum(1 for e in vault.custody_events() if e.action == "passphrase-change")


@pytest.mark.parametrize(("point", "opens_with", "refused", "recorded"), [
    ("staged", PASSPHRASE, NEW, 0),
    ("recorded", NEW, PASSPHRASE, 1),
])
def test_killed_passphrase_change(small_vault: Vault, point: str, opens_with: str, refused: str,
                                  recorded: int) -> None:
    path = small_vault.path
    small_vault.lock()
    child = subprocess.run([sys.executable, "-c", _CHANGER, str(path), point, PASSPHRASE, NEW],
                           capture_output=True, text=True, timeout=300)
    assert child.returncode == -signal.SIGKILL, child.stderr
    vault = Vault.open(path)
    with pytest.raises(WrongPassphrase):
        vault.unlock(refused)
    vault.unlock(opens_with)
    try:
        assert _changes(vault) == recorded
        assert vault.verify().ok
    finally:
        vault.lock()
    again = Vault.open(path)  # settled for good: the same answer the second time
    with pytest.raises(WrongPassphrase):
        again.unlock(refused)
    again.unlock(opens_with)
    again.lock()
    assert not list(Path(path).glob("*.next"))


def test_a_completed_change_is_recorded_with_its_header(small_vault: Vault) -> None:
    small_vault.change_passphrase(NEW)
    event = [e for e in small_vault.custody_events() if e.action == "passphrase-change"][-1]
    import hashlib

    from archive.storage.header import HEADER_NAME

    assert event.details["header_sha256"] == hashlib.sha256(
        (small_vault.path / HEADER_NAME).read_bytes()).hexdigest()
    small_vault.lock()
    reopened = Vault.open(small_vault.path)
    reopened.unlock(NEW)
    reopened.lock()
