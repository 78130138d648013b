"""An exhibit package's checkpoint is time-stamped while the export's transaction is still open.
When that transaction then fails, its token goes with it: nothing of the stamp is kept in the
catalog, no package or staging folder is left to carry it, and the next export's checkpoint (of
the same size, another note) gets a token of its own that `openssl ts -verify` accepts."""

from __future__ import annotations

import subprocess
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from tsa_fixtures import LocalCA, LocalTSA, serve

import fixtures as fx
from archive import Vault
from archive.catalog.models_outside import TimestampRequest, TimestampToken
from archive.custody import timestamp as ts
from archive.exhibits import report


def _stored(vault: Vault) -> tuple[list[int], list[int]]:
    with vault.core.sessions() as session:
        return (list(session.scalars(select(TimestampToken.tree_size))),
                list(session.scalars(select(TimestampRequest.tree_size))))


def _openssl_verifies(package: Path) -> None:
    """The package's first token, over its checkpoint, as ``openssl ts -verify`` judges it."""
    done = subprocess.run(["openssl", "ts", "-verify", "-data", str(package / "checkpoint.txt"),
                           "-in", str(package / "checkpoint-1.tsr"), "-CAfile",
                           str(package / "tsa-roots.pem"), "-untrusted",
                           str(package / "tsa-chain.pem")], capture_output=True, text=True)
    assert "Verification: OK" in done.stdout, done.stdout + done.stderr


def test_a_failed_export_keeps_no_token_of_its_checkpoint(
        small_vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ca = LocalCA.make(tmp_path / "ca")
    tsa = LocalTSA.make(tmp_path / "tsa", ca)
    item = small_vault.import_paths([fx.jpeg(tmp_path / "a.jpg")]).results[0].item_id
    size_before = small_vault.custody.size
    package = tmp_path / "package"
    with serve(tsa.reply) as (url, seen):
        small_vault.trust.stamps.add_authority(url, ca.pem.read_text())

        def fails_after_the_stamp(**_kw: object) -> bytes:
            assert len(seen) == 1  # the authority was asked for this package's checkpoint
            raise OSError(28, "No space left on device")

        with monkeypatch.context() as patch:
            patch.setattr(report, "build", fails_after_the_stamp)
            with pytest.raises(OSError, match="No space left"):
                small_vault.export(package, items=[item])
        assert small_vault.custody.size == size_before  # nothing of the export went in
        assert _stored(small_vault) == ([], [])
        assert not package.exists() and not list(tmp_path.glob(".package.partial-*"))

        small_vault.export(package, items=[item])
    assert small_vault.custody.size == size_before + 1  # the same size as the failed one's
    assert _stored(small_vault) == ([size_before + 1], [])
    _openssl_verifies(package)
    assert small_vault.verify().ok


def test_a_token_kept_for_a_checkpoint_that_never_committed_is_replaced(
        small_vault: Vault, tmp_path: Path) -> None:
    """What an older version could leave: a token for the size of the next checkpoint, over
    another note. The next export drops it and stamps its own checkpoint."""
    ca = LocalCA.make(tmp_path / "ca")
    tsa = LocalTSA.make(tmp_path / "tsa", ca)
    item = small_vault.import_paths([fx.jpeg(tmp_path / "a.jpg")]).results[0].item_id
    next_size = small_vault.custody.size + 1
    package = tmp_path / "package"
    with serve(tsa.reply) as (url, seen):
        small_vault.trust.stamps.add_authority(url, ca.pem.read_text())
        with small_vault.core.sessions.begin() as session:
            session.add(TimestampToken(
                tree_size=next_size, imprint=ts.imprint("a checkpoint that never committed"),
                authority=url, response=b"stray", chain="", roots="",
                gen_time=datetime(2026, 1, 1)))
        small_vault.export(package, items=[item])
        assert len(seen) == 1
    [token] = small_vault.trust.stamps.tokens()
    assert token.tree_size == next_size and token.response != b"stray"
    assert (package / "checkpoint-1.tsr").read_bytes() == token.response
    assert not (package / "checkpoint-2.tsr").exists()
    _openssl_verifies(package)
    assert small_vault.verify().ok
