"""Time-stamps of a vault's checkpoints: opt-in, stamped through the CLI and by a drain, kept in
the catalog, carried by exhibit packages (checked with the README's own `openssl ts -verify`
command), queued while the authority cannot be reached and sent by the next drain (never by
unlock itself)."""

from __future__ import annotations

import re
import shlex
import subprocess
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import update
from tsa_fixtures import LocalCA, LocalTSA, closed_port_url, serve

import fixtures as fx
from archive import Vault
from archive.catalog.models_outside import TimestampAuthority, TimestampToken
from archive.cli.main import main
from archive.custody import timestamp as ts
from archive.errors import BadInput
from archive.exhibits.check import check_package
from conftest import PASSPHRASE


@pytest.fixture
def filled(small_vault: Vault, tmp_path: Path) -> str:
    report = small_vault.import_paths([fx.jpeg(tmp_path / "a.jpg")])
    return report.results[0].item_id


def openssl_ts_verify(data: Path, token: Path, ca: Path) -> str:
    done = subprocess.run(["openssl", "ts", "-verify", "-data", str(data), "-in", str(token),
                           "-CAfile", str(ca)], capture_output=True, text=True)
    return done.stdout + done.stderr


def test_nothing_is_sent_until_an_authority_is_added(
        small_vault: Vault, filled: str, vault_path: Path, ca: LocalCA,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    assert not small_vault.trust.stamps.enabled and small_vault.trust.timestamp() == []
    small_vault.lock()
    monkeypatch.setenv("STRONGROOM_PASSPHRASE", PASSPHRASE)
    assert main(["timestamp", str(vault_path)]) == 2
    assert "opt-in" in capsys.readouterr().err
    assert main(["timestamp", str(vault_path), "--add-authority", "ftp://example",
                 "--roots", str(ca.pem)]) == 6


def test_an_authority_is_added_only_with_its_own_roots(
        small_vault: Vault, filled: str, vault_path: Path, tmp_path: Path, ca: LocalCA,
        tsa: LocalTSA, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    # Nothing is bundled and the system's web roots are never a fallback.
    assert ts.load_roots("") == []
    with pytest.raises(BadInput, match="root certificate"):
        small_vault.trust.stamps.add_authority("https://tsa.example", "")
    small_vault.lock()
    monkeypatch.setenv("STRONGROOM_PASSPHRASE", PASSPHRASE)
    capsys.readouterr()
    assert main(["timestamp", str(vault_path), "--add-authority", "https://tsa.example"]) == 2
    assert "--roots" in capsys.readouterr().err
    (tmp_path / "not-pem").write_bytes(b"\xff\xfe not a certificate")
    assert main(["timestamp", str(vault_path), "--add-authority", "https://tsa.example",
                 "--roots", str(tmp_path / "not-pem")]) == 6
    assert "not PEM" in capsys.readouterr().err
    vault = Vault.open(vault_path)
    vault.unlock(PASSPHRASE)
    assert vault.trust.stamps.authorities() == []
    # An authority kept without roots (as an older version allowed) is not even asked.
    with serve(tsa.reply) as (url, seen):
        with vault.core.sessions.begin() as session:
            session.add(TimestampAuthority(url=url, trust_roots="", added_at=datetime.now()))
        [outcome] = vault.send_pending_stamps()
    assert seen == [] and outcome.status == "refused" and "--roots" in outcome.message
    assert vault.trust.stamps.tokens() == []
    vault.lock()


def test_the_cli_stamps_the_latest_checkpoint_and_openssl_agrees(
        small_vault: Vault, filled: str, vault_path: Path, tmp_path: Path, ca: LocalCA,
        tsa: LocalTSA, monkeypatch: pytest.MonkeyPatch) -> None:
    small_vault.lock()
    monkeypatch.setenv("STRONGROOM_PASSPHRASE", PASSPHRASE)
    with serve(tsa.reply) as (url, seen):
        assert main(["timestamp", str(vault_path), "--add-authority", url,
                     "--roots", str(ca.pem)]) == 0
        assert seen == []  # adding asks nothing yet
        assert main(["timestamp", str(vault_path)]) == 0
        assert len(seen) == 1
    vault = Vault.open(vault_path)
    vault.unlock(PASSPHRASE)  # (the authority is gone now: nothing waits, nothing is asked)
    [token] = vault.trust.stamps.tokens()
    note = vault.checkpoint_at(token.tree_size)
    assert note is not None and token.imprint == ts.imprint(note)
    (tmp_path / "checkpoint.txt").write_text(note, encoding="utf-8")
    (tmp_path / "stored.tsr").write_bytes(token.response)
    assert "Verification: OK" in openssl_ts_verify(tmp_path / "checkpoint.txt",
                                                   tmp_path / "stored.tsr", ca.pem)
    assert vault.trust.stamps.pending() == []
    assert not vault.trust.warnings
    vault.lock()


def test_waiting_checkpoints_are_noted_at_unlock_and_sent_by_the_next_drain(
        small_vault: Vault, filled: str, vault_path: Path, ca: LocalCA, tsa: LocalTSA) -> None:
    url = closed_port_url()  # the authority is offline for now
    small_vault.trust.stamps.add_authority(url, ca.pem.read_text())
    outcomes = small_vault.trust.timestamp()
    assert [o.status for o in outcomes] == ["queued"]
    waiting = small_vault.trust.stamps.pending()
    assert waiting == [small_vault.custody.size]
    assert [w.kind for w in small_vault.trust.warnings] == ["timestamp-waiting"]
    small_vault.add_note(filled, "a later change")  # a newer checkpoint joins the next drain
    small_vault.lock()
    port = int(url.rsplit(":", 1)[1].split("/")[0])
    with serve(tsa.reply, port=port) as (_url, seen):
        vault = Vault.open(vault_path)
        vault.unlock(PASSPHRASE)
        assert seen == []  # unlock only notes what waits
        assert vault.trust.stamps_due == [waiting[0], vault.custody.size]
        outcomes = vault.send_pending_stamps()
    assert [o.status for o in outcomes] == ["stamped", "stamped"]
    assert len(seen) == 2  # the queued checkpoint and the latest
    assert vault.trust.stamps.pending() == [] and vault.trust.stamps_due == []
    assert sorted(t.tree_size for t in vault.trust.stamps.tokens()) == [
        waiting[0], vault.custody.size]
    assert not vault.trust.warnings
    vault.lock()


def test_a_bad_token_is_refused_and_not_kept(small_vault: Vault, filled: str, ca: LocalCA,
                                             tsa: LocalTSA) -> None:
    other = ts.build_request("not this vault's checkpoint").as_bytes()
    with serve(lambda _body: tsa.reply(other)) as (url, _seen):
        small_vault.trust.stamps.add_authority(url, ca.pem.read_text())
        [outcome] = small_vault.trust.timestamp()
    assert outcome.status == "refused" and "another hash" in outcome.message
    assert small_vault.trust.stamps.tokens() == []
    assert small_vault.trust.stamps.pending() == [small_vault.custody.size]  # tried again later
    assert [w.kind for w in small_vault.trust.warnings] == ["timestamp-refused"]


def test_exhibit_packages_carry_the_tokens_and_the_readme_command_checks_them(
        small_vault: Vault, filled: str, tmp_path: Path, ca: LocalCA, tsa: LocalTSA,
        capsys: pytest.CaptureFixture[str]) -> None:
    package = tmp_path / "package"
    with serve(tsa.reply) as (url, _seen):
        small_vault.trust.stamps.add_authority(url, ca.pem.read_text())
        small_vault.export(package, items=[filled])
    for name in ("checkpoint-1.tsr", "tsa-chain.pem", "tsa-roots.pem"):
        assert (package / name).is_file(), name
    readme = (package / "README.txt").read_text(encoding="utf-8")
    # Run the README's own command, as a reader of the package would.
    command = re.search(r"(openssl ts -verify .*?tsa-chain\.pem)", readme.replace("\\\n", " "),
                        re.S)
    assert command is not None
    done = subprocess.run(shlex.split(command.group(1)), cwd=package, capture_output=True,
                          text=True)
    assert "Verification: OK" in done.stdout, done.stderr
    assert check_package(package) == []
    # Another authority's roots in the package: verify-export refuses the token.
    (package / "tsa-roots.pem").write_bytes(LocalCA.make(tmp_path / "x", "Other").pem
                                            .read_bytes())
    problems = check_package(package)
    assert any(p.startswith("checkpoint-1.tsr:") for p in problems)
    capsys.readouterr()
    assert main(["verify-export", str(package)]) == 5


def test_verify_rechecks_the_kept_tokens(small_vault: Vault, filled: str, vault_path: Path,
                                         ca: LocalCA, tsa: LocalTSA,
                                         monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    with serve(tsa.reply) as (url, _seen):
        small_vault.trust.stamps.add_authority(url, ca.pem.read_text())
        small_vault.trust.timestamp()
    [token] = small_vault.trust.stamps.tokens()
    assert small_vault.verify().ok
    tampered = bytearray(token.response)
    tampered[-10] ^= 0xFF
    with small_vault.core.sessions.begin() as session:
        session.execute(update(TimestampToken).values(response=bytes(tampered)))
    small_vault.lock()
    monkeypatch.setenv("STRONGROOM_PASSPHRASE", PASSPHRASE)
    capsys.readouterr()
    assert main(["verify", str(vault_path)]) == 5
    assert "time-stamp of checkpoint" in capsys.readouterr().err
