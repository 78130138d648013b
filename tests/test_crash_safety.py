"""Kill an importing process at random moments: the vault must always open consistent, and
running the same import again must complete it without duplicates."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import fixtures as fx
from archive import Vault
from archive.catalog.models import Item
from archive.storage.packs import PACK_DIR
from conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parents[1]
IMPORTER = """
import sys
sys.path.insert(0, {root!r})
from archive import Vault
from archive.intake import importer as intake
from crypto import kdf
intake.Importer.BATCH = 4  # small transactions: more commits for a kill to land between
vault = Vault.open({vault!r})
vault.unlock({passphrase!r})
print("unlocked", flush=True)

def progress(done, total, _message):
    print(done, flush=True)
    sys.stdin.readline()  # wait until the test lets this process go on

vault.import_paths([{batch!r}], progress=progress)
vault.lock()
print("done", flush=True)
"""


def _make_batch(folder: Path) -> dict[str, str]:
    folder.mkdir()
    for i in range(24):
        fx.jpeg(folder / f"IMG_{i:04d}.jpg", seed=i, size=(800, 600))
    fx.transcripts(folder / "transcripts")
    (folder / "big.bin").write_bytes(os.urandom(6 * 1024 * 1024))  # spans new packs
    return {hashlib.sha256(p.read_bytes()).hexdigest(): p.name
            for p in folder.rglob("*") if p.is_file()}


def _assert_consistent(vault_path: Path, expected: dict[str, str]) -> int:
    vault = Vault.open(vault_path)
    vault.unlock(PASSPHRASE)
    try:
        assert not list((vault_path / PACK_DIR).glob("*.tmp")), "unfinished packs not swept"
        assert vault.check_custody() == []
        seen = set()
        with vault.core.sessions() as session:
            items = list(session.query(Item))
            for item in items:
                assert item.sha256 in expected, "an item that is not one of the files"
                assert item.sha256 not in seen, "a duplicate item"
                seen.add(item.sha256)
                data = b"".join(vault.core.objects.iter_plaintext(item.object_id))
                assert hashlib.sha256(data).hexdigest() == item.sha256
                if item.thumbnail_id:
                    assert b"".join(vault.core.objects.iter_plaintext(item.thumbnail_id))
        events = vault.custody_events()
        imported = {e.item for e in events if e.action == "import"}
        assert imported == {i.id for i in items}, "an item without its import event, or back"
        return len(items)
    finally:
        vault.lock()


def test_killed_imports_leave_a_consistent_vault(tmp_path: Path) -> None:
    vault_path = tmp_path / "vault"
    vault, _ = Vault.create(vault_path, PASSPHRASE, slots_per_pack=64)
    vault.lock()
    batch = tmp_path / "batch"
    expected = _make_batch(batch)
    script = IMPORTER.format(root=str(ROOT), vault=str(vault_path), passphrase=PASSPHRASE,
                             batch=str(batch))
    rng = random.Random(6962)
    counts = []
    for _trial in range(6):
        proc = subprocess.Popen([sys.executable, "-c", script], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        assert proc.stdout is not None and proc.stdin is not None
        assert proc.stdout.readline().strip() == "unlocked"
        # Let the importer past a random number of progress reports, then kill it at a random
        # moment while it works on the files after the last one.
        for _ in range(rng.randrange(1, 5)):
            if not proc.stdout.readline():
                break
            proc.stdin.write("\n")
            proc.stdin.flush()
        time.sleep(rng.uniform(0.0, 0.08))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        counts.append(_assert_consistent(vault_path, expected))
    assert counts == sorted(counts)  # nothing committed is ever lost
    assert any(0 < c < len(expected) for c in counts), f"no kill landed mid-batch: {counts}"

    vault = Vault.open(vault_path)
    vault.unlock(PASSPHRASE)
    try:
        vault.import_paths([batch])
    finally:
        vault.lock()
    assert _assert_consistent(vault_path, expected) == len(expected)
