"""While a vault is open, a crash writes no core file and the process is not dumpable (checked
in a fresh interpreter, so the state is the vault's doing)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux prctl")

_PROBE = textwrap.dedent("""
    import ctypes, json, resource, sys
    from archive import Vault
    from crypto.kdf import CHEAP_FOR_TESTS

    def state():
        return (resource.getrlimit(resource.RLIMIT_CORE),
                ctypes.CDLL(None).prctl(3, 0, 0, 0, 0))  # PR_GET_DUMPABLE

    hard = resource.getrlimit(resource.RLIMIT_CORE)[1]
    resource.setrlimit(resource.RLIMIT_CORE, (hard, hard))  # as permissive as allowed
    before = state()
    vault, _ = Vault.create(sys.argv[1], "pass phrase words", kdf_params=CHEAP_FOR_TESTS)
    print(json.dumps([before, state(), hard]))
""")


def test_opening_a_vault_turns_core_dumps_off(tmp_path: Path) -> None:
    out = subprocess.run([sys.executable, "-c", _PROBE, str(tmp_path / "vault")],
                         capture_output=True, text=True, check=True, timeout=120).stdout
    before, after, hard = json.loads(out)
    if hard == 0:
        pytest.skip("core files are already forbidden for every process here")
    assert before == [[hard, hard], 1]  # cores allowed, dumpable: as a fresh process starts
    assert after == [[0, hard], 0]
