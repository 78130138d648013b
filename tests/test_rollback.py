"""A vault put back from an older copy (its catalog, the whole folder, or one pack) is caught at
unlock and by `verify` (exit code 5), naming the witness; an untouched vault and a vault opened
where it has no witness yet verify clean."""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path

import pytest
from tsa_fixtures import LocalCA, LocalTSA, serve

import fixtures as fx
from archive import Vault
from archive.catalog.engine import CATALOG_NAME
from archive.cli.main import main
from archive.custody import rollback
from archive.custody.rollback import RollbackFound
from archive.storage.packs import PACK_DIR
from conftest import PASSPHRASE


def unlocked(path: Path) -> Vault:
    vault = Vault.open(path)
    vault.unlock(PASSPHRASE)
    return vault


def witness_file(state_home: Path) -> Path:
    files = list((state_home / "strongroom" / "witnesses").iterdir())
    assert len(files) == 1
    return files[0]


@pytest.fixture
def history(small_vault: Vault, vault_path: Path, tmp_path: Path) -> dict[str, int]:
    """A vault with one photo, copied aside; then a second photo and a note. Returns the log
    sizes of the copy and of the vault now."""
    (tmp_path / "in").mkdir()
    small_vault.import_paths([fx.jpeg(tmp_path / "in" / "first.jpg", seed=1)])
    before = small_vault.custody.size
    small_vault.lock()
    shutil.copytree(vault_path, tmp_path / "old-copy")
    again = unlocked(vault_path)
    report = again.import_paths([fx.jpeg(tmp_path / "in" / "second.jpg", seed=2)])
    again.add_note(report.results[0].item_id, "seen at the door")
    after = again.custody.size
    again.lock()
    return {"before": before, "after": after}


def put_back_catalog(vault_path: Path, old: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        (vault_path / (CATALOG_NAME + suffix)).unlink(missing_ok=True)
        if (old / (CATALOG_NAME + suffix)).exists():
            shutil.copy2(old / (CATALOG_NAME + suffix), vault_path / (CATALOG_NAME + suffix))


def put_back_folder(vault_path: Path, old: Path) -> None:
    shutil.rmtree(vault_path)
    shutil.copytree(old, vault_path)


def put_back_one_pack(vault_path: Path, old: Path) -> None:
    changed = [p for p in sorted((old / PACK_DIR).iterdir())
               if p.read_bytes() != (vault_path / PACK_DIR / p.name).read_bytes()]
    assert len(changed) == 1, "the later import should have written into one older pack"
    shutil.copy2(changed[0], vault_path / PACK_DIR / changed[0].name)


def verify_cli(vault_path: Path, capsys: pytest.CaptureFixture[str],
               *extra: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["verify", str(vault_path), *extra])
    return code, capsys.readouterr().err


@pytest.mark.parametrize("put_back", [put_back_catalog, put_back_folder])
def test_a_rolled_back_log_is_caught_naming_the_witness(
        history: dict[str, int], vault_path: Path, tmp_path: Path, state_home: Path,
        put_back: object, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    remembered = witness_file(state_home)
    kept = remembered.read_bytes()
    put_back(vault_path, tmp_path / "old-copy")  # type: ignore[operator]
    missing = history["after"] - history["before"]

    vault = unlocked(vault_path)
    damage = [w for w in vault.trust.warnings if w.damage]
    assert [w.kind for w in damage] == [rollback.ROLLBACK]
    assert damage[0].where == str(remembered)
    assert damage[0].tree_size == history["after"]
    assert damage[0].missing_events == missing
    assert f"{missing} event(s) are missing" in damage[0].message
    assert str(remembered) in damage[0].message
    vault.lock()
    # The witness was left alone: it is the evidence, and the next unlock sees it again.
    assert remembered.read_bytes() == kept
    monkeypatch.setenv("STRONGROOM_PASSPHRASE", PASSPHRASE)
    code, err = verify_cli(vault_path, capsys)
    assert code == 5
    assert str(remembered) in err and f"tree size {history['after']}" in err
    assert f"{missing} event(s) are missing" in err
    assert err.count("ROLLED BACK") >= 2  # the unlock warning and the verify finding


def test_a_rolled_back_and_reused_vault_is_caught_as_diverging(
        history: dict[str, int], vault_path: Path, tmp_path: Path, state_home: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    put_back_folder(vault_path, tmp_path / "old-copy")
    # The old copy is used where it has no witness, and grows past the witness's size on
    # another history; then it is put in place of the vault.
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "tamperer-state"))
    vault = unlocked(vault_path)
    for n in range(6):
        vault.import_paths([fx.jpeg(tmp_path / "in" / f"later-{n}.jpg", seed=10 + n)])
    assert vault.custody.size > history["after"]
    vault.lock()
    monkeypatch.setenv("XDG_STATE_HOME", str(state_home))
    vault = unlocked(vault_path)
    assert [w.kind for w in vault.trust.warnings if w.damage] == [rollback.DIVERGED]
    vault.lock()
    monkeypatch.setenv("STRONGROOM_PASSPHRASE", PASSPHRASE)
    code, err = verify_cli(vault_path, capsys)
    assert code == 5 and "does not extend" in err and str(witness_file(state_home)) in err


def test_one_pack_put_back_is_caught_at_unlock_and_by_verify(
        history: dict[str, int], vault_path: Path, tmp_path: Path, state_home: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    put_back_one_pack(vault_path, tmp_path / "old-copy")
    vault = unlocked(vault_path)
    damage = [w for w in vault.trust.warnings if w.damage]
    assert [w.kind for w in damage] == [rollback.PACK_ROLLBACK]
    assert damage[0].where == str(witness_file(state_home))  # it vouches for the catalog
    assert "pack 0 is older than the catalog" in damage[0].message
    vault.lock()
    monkeypatch.setenv("STRONGROOM_PASSPHRASE", PASSPHRASE)
    code, err = verify_cli(vault_path, capsys)
    assert code == 5
    assert "second.jpg" in err and "DAMAGED" in err  # the item the old pack lost
    assert "first.jpg" not in err
    assert str(witness_file(state_home)) in err


def test_untouched_vault_and_a_new_machine_verify_clean(
        history: dict[str, int], vault_path: Path, tmp_path: Path, state_home: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("STRONGROOM_PASSPHRASE", PASSPHRASE)
    code, err = verify_cli(vault_path, capsys)
    assert code == 0 and "WARNING" not in err
    # Another machine: no witness of this vault there yet. The copy opens and verifies clean,
    # and from then on that machine keeps a witness too.
    elsewhere = tmp_path / "other-machine-state"
    monkeypatch.setenv("XDG_STATE_HOME", str(elsewhere))
    code, err = verify_cli(vault_path, capsys)
    assert code == 0 and "WARNING" not in err
    assert len(list((elsewhere / "strongroom" / "witnesses").iterdir())) == 1


def test_rollback_warning_stays_until_acknowledged(
        history: dict[str, int], vault_path: Path, tmp_path: Path, state_home: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    remembered = witness_file(state_home)
    kept = remembered.read_bytes()
    put_back_folder(vault_path, tmp_path / "old-copy")
    vault = unlocked(vault_path)
    item = vault.items()[0].id  # reading works
    with pytest.raises(RollbackFound, match="acknowledge") as refused:
        vault.add_note(item, "written after the rollback")
    assert str(witness_file(state_home)) in str(refused.value)
    with pytest.raises(RollbackFound):  # intake is refused before it writes into a free slot
        vault.import_paths([fx.jpeg(tmp_path / "in" / "third.jpg", seed=3)])
    with pytest.raises(RollbackFound):
        vault.search("door")
    assert vault.custody_events()[-1].seq == history["before"] - 1  # nothing was recorded
    assert remembered.read_bytes() == kept
    assert vault.trust.rollback_found
    vault.lock()
    vault = unlocked(vault_path)
    assert vault.trust.rollback_found  # still there in the next session
    vault.lock()
    monkeypatch.setenv("STRONGROOM_PASSPHRASE", PASSPHRASE)
    assert main(["witness", "acknowledge", str(vault_path)]) == 0
    assert remembered.read_bytes() != kept
    code, _err = verify_cli(vault_path, capsys)
    assert code == 0
    vault = unlocked(vault_path)  # changes and search are back
    assert not [w for w in vault.trust.warnings if w.damage]
    vault.add_note(vault.items()[0].id, "after the acknowledgement")
    assert vault.search("acknowledgement")
    vault.lock()


def test_verify_against_a_witness_or_checkpoint_given_by_hand(
        history: dict[str, int], vault_path: Path, tmp_path: Path, state_home: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    saved = tmp_path / "saved-witness"
    shutil.copy2(witness_file(state_home), saved)
    vault = unlocked(vault_path)
    vault.export(tmp_path / "package", items=[vault.items()[0].id])
    vault.lock()
    monkeypatch.setenv("STRONGROOM_PASSPHRASE", PASSPHRASE)
    code, _ = verify_cli(vault_path, capsys, "--witness", str(saved),
                         "--witness", str(tmp_path / "package" / "checkpoint.txt"))
    assert code == 0
    # The whole folder is put back, and the state folder's witness is lost with the laptop.
    put_back_folder(vault_path, tmp_path / "old-copy")
    shutil.rmtree(state_home)
    code, err = verify_cli(vault_path, capsys)
    assert code == 0  # nothing left to remember the history: the documented limit
    code, err = verify_cli(vault_path, capsys, "--witness", str(tmp_path / "package"))
    assert code == 5 and str(tmp_path / "package" / "checkpoint.txt") in err
    code, err = verify_cli(vault_path, capsys, "--witness", str(saved))
    assert code == 5 and str(saved) in err and "event(s) are missing" in err
    (tmp_path / "junk").write_bytes(b"nothing")
    code, err = verify_cli(vault_path, capsys, "--witness", str(tmp_path / "junk"))
    assert code == 6 and "neither a witness" in err


@pytest.mark.parametrize("put_back", [put_back_catalog, put_back_folder])
def test_verify_json_lists_each_rollback_in_its_own_field(
        history: dict[str, int], vault_path: Path, tmp_path: Path, state_home: Path,
        put_back: object, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    remembered = witness_file(state_home)
    put_back(vault_path, tmp_path / "old-copy")  # type: ignore[operator]
    monkeypatch.setenv("STRONGROOM_PASSPHRASE", PASSPHRASE)
    capsys.readouterr()
    assert main(["verify", str(vault_path), "--json"]) == 5
    out = json.loads(capsys.readouterr().out)
    assert out["ok"] is False
    [found] = out["rollbacks"]
    assert found["kind"] == rollback.ROLLBACK
    assert found["where"] == str(remembered)
    assert found["tree_size"] == history["after"]
    assert found["missing_events"] == history["after"] - history["before"]
    assert datetime.strptime(found["written_at"], "%Y-%m-%dT%H:%M:%SZ")
    assert found["message"] in out["custody_problems"]  # still there for older readers


def test_verify_json_of_an_untouched_vault_has_no_rollbacks(
        history: dict[str, int], vault_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("STRONGROOM_PASSPHRASE", PASSPHRASE)
    capsys.readouterr()
    assert main(["verify", str(vault_path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["ok"] is True and out["rollbacks"] == []


@pytest.mark.parametrize(("put_back", "said"), [
    (put_back_catalog, "the catalog is older than a witness"),
    (put_back_one_pack, "a pack is older than the catalog"),
    (put_back_folder, None),  # the old folder is whole: its index matches its catalog
])
def test_after_a_rollback_the_index_finding_does_not_blame_the_index(
        history: dict[str, int], vault_path: Path, tmp_path: Path, put_back: object,
        said: str | None, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    put_back(vault_path, tmp_path / "old-copy")  # type: ignore[operator]
    monkeypatch.setenv("STRONGROOM_PASSPHRASE", PASSPHRASE)
    code, err = verify_cli(vault_path, capsys)
    assert code == 5
    index_lines = [line for line in err.splitlines() if line.startswith("INDEX")]
    if said is None:
        assert index_lines == []
        return
    assert index_lines, "the index files the old record names were overwritten by newer data"
    for line in index_lines:
        assert "reindex" not in line
        assert said in line and "not the problem" in line and "witness acknowledge" in line
    capsys.readouterr()
    assert main(["verify", str(vault_path), "--json"]) == 5
    out = json.loads(capsys.readouterr().out)
    assert out["index_problems"] and all(said in p for p in out["index_problems"])


def test_no_time_stamp_is_sent_for_a_rolled_back_vault(
        history: dict[str, int], vault_path: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    ca = LocalCA.make(tmp_path / "ca")
    tsa = LocalTSA.make(tmp_path / "tsa", ca)
    put_back_folder(vault_path, tmp_path / "old-copy")
    with serve(tsa.reply) as (url, seen):
        vault = unlocked(vault_path)
        vault.trust.stamps.add_authority(url, ca.pem.read_text())
        assert vault.send_pending_stamps() == []
        vault.lock()
        monkeypatch.setenv("STRONGROOM_PASSPHRASE", PASSPHRASE)
        capsys.readouterr()
        assert main(["timestamp", str(vault_path)]) == 5
        assert "acknowledge" in capsys.readouterr().err
        assert seen == []  # a trusted time would vouch for the shortened log
