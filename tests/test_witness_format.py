"""The witness file format: sealed, one fixed size, nothing readable without the vault key."""

from __future__ import annotations

import base64
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from archive.custody import checkpoint as cp
from archive.custody import merkle, witness
from archive.custody.rollback import DIVERGED, FORGED_WITNESS, ROLLBACK, hold_against
from archive.custody.witness import WitnessError, WitnessKeys
from crypto import signing

VAULT_ID = "0123456789abcdef0123456789abcdef"
ORIGIN = f"strongroom/{VAULT_ID}"


def signed_note(size: int, signer: signing.Signer) -> tuple[str, bytes]:
    root = os.urandom(32)
    return cp.sign(cp.Checkpoint(ORIGIN, size, root), ORIGIN, signer), root


@pytest.fixture
def keys() -> WitnessKeys:
    return WitnessKeys.from_master(os.urandom(32))


@pytest.fixture
def signer() -> signing.Signer:
    return signing.Signer(signing.new_signing_seed())


def test_round_trip_keeps_note_and_time(keys: WitnessKeys, signer: signing.Signer) -> None:
    note, root = signed_note(42, signer)
    when = datetime(2026, 11, 30, 12, 34, 56, tzinfo=UTC)
    seen = witness.unseal(keys, witness.seal(keys, note, when), "here")
    assert seen.note == note
    assert (seen.checkpoint.size, seen.checkpoint.root) == (42, root)
    assert seen.written_at == when
    assert "tree size 42" in seen.describe() and "2026-11-30 12:34 UTC" in seen.describe()


@pytest.mark.parametrize("size", [0, 1, 9, 12345, 10**15])
def test_every_witness_has_the_same_size(keys: WitnessKeys, signer: signing.Signer,
                                         size: int) -> None:
    note, _ = signed_note(size, signer)
    assert len(witness.seal(keys, note, datetime.now(UTC))) == witness.FILE_BYTES == 576


def test_nothing_readable_without_the_key(keys: WitnessKeys, signer: signing.Signer) -> None:
    note, root = signed_note(987654, signer)
    blob = witness.seal(keys, note, datetime.now(UTC))
    for secret in (b"987654", root, base64.b64encode(root), VAULT_ID.encode(),
                   bytes.fromhex(VAULT_ID), ORIGIN.encode(), b"strongroom"):
        assert secret not in blob
    # Two witnesses of the same checkpoint share no bytes beyond chance (random nonce).
    again = witness.seal(keys, note, datetime.now(UTC))
    assert sum(a == b for a, b in zip(blob, again, strict=True)) < 20


def test_wrong_key_tampering_and_wrong_size_are_refused(keys: WitnessKeys,
                                                        signer: signing.Signer) -> None:
    note, _ = signed_note(3, signer)
    blob = witness.seal(keys, note, datetime.now(UTC))
    other = WitnessKeys.from_master(os.urandom(32))
    with pytest.raises(WitnessError, match="not a witness of this vault"):
        witness.unseal(other, blob, "x")
    flipped = bytearray(blob)
    flipped[100] ^= 1
    with pytest.raises(WitnessError):
        witness.unseal(keys, bytes(flipped), "x")
    with pytest.raises(WitnessError, match="wrong size"):
        witness.unseal(keys, blob[:-1], "x")


def test_file_name_is_a_keyed_hash_of_the_vault_id(keys: WitnessKeys) -> None:
    name = keys.file_name(VAULT_ID)
    assert len(name) == 32 and VAULT_ID not in name
    assert name == keys.file_name(VAULT_ID)
    assert name != WitnessKeys.from_master(os.urandom(32)).file_name(VAULT_ID)
    assert name != keys.file_name("f" * 32)


def test_state_folder_follows_xdg(state_home: Path) -> None:
    assert witness.state_folder() == state_home / "strongroom" / "witnesses"


def test_write_is_atomic_and_private(tmp_path: Path, keys: WitnessKeys,
                                     signer: signing.Signer) -> None:
    folder = tmp_path / "w" / "nested"
    note, _ = signed_note(5, signer)
    witness.write(folder, "name", witness.seal(keys, note, datetime.now(UTC)),
                  create_folder=True)
    assert [p.name for p in folder.iterdir()] == ["name"]  # no temporary left behind
    assert (folder / "name").stat().st_mode & 0o077 == 0
    assert folder.stat().st_mode & 0o077 == 0
    with pytest.raises(FileNotFoundError):  # a user's folder is never made up
        witness.write(tmp_path / "unplugged", "name", b"x", create_folder=False)
    assert witness.read(folder, "name", keys) is not None
    assert witness.read(folder, "other", keys) is None


def test_a_checkpoint_given_by_hand_is_read_as_text_or_sealed(
        tmp_path: Path, keys: WitnessKeys, signer: signing.Signer) -> None:
    note, _ = signed_note(7, signer)
    (tmp_path / "checkpoint.txt").write_text(note, encoding="utf-8")
    assert witness.read_given(tmp_path / "checkpoint.txt", keys).checkpoint.size == 7
    assert witness.read_given(tmp_path, keys).written_at is None  # a package folder
    (tmp_path / "sealed").write_bytes(witness.seal(keys, note, datetime.now(UTC)))
    assert witness.read_given(tmp_path / "sealed", keys).written_at is not None
    (tmp_path / "junk").write_bytes(os.urandom(witness.FILE_BYTES))
    with pytest.raises(WitnessError, match="neither a witness"):
        witness.read_given(tmp_path / "junk", keys)


def _leaves(n: int, tag: bytes = b"") -> list[bytes]:
    return [merkle.leaf_hash(tag + str(i).encode()) for i in range(n)]


def _witness_of(leaves: list[bytes], signer: signing.Signer) -> witness.Witness:
    note = cp.sign(cp.Checkpoint(ORIGIN, len(leaves), merkle.root(leaves)), ORIGIN, signer)
    return witness.Witness("w", note, cp.parse(note), datetime.now(UTC))


@pytest.mark.parametrize(("seen", "now"), [(1, 1), (1, 2), (5, 5), (5, 6), (7, 64), (8, 9)])
def test_a_log_that_extends_the_witness_passes(signer: signing.Signer, seen: int,
                                               now: int) -> None:
    log = _leaves(now)
    assert hold_against(_witness_of(log[:seen], signer), log, ORIGIN, signer.public_key) is None


@pytest.mark.parametrize(("seen", "now"), [(6, 5), (2, 1), (64, 7)])
def test_a_shorter_log_is_a_rollback_with_the_missing_count(signer: signing.Signer, seen: int,
                                                             now: int) -> None:
    log = _leaves(seen)
    found = hold_against(_witness_of(log, signer), log[:now], ORIGIN, signer.public_key)
    assert found is not None and found.kind == ROLLBACK and found.damage
    assert found.missing_events == seen - now


@pytest.mark.parametrize(("seen", "now", "changed"), [(5, 5, 4), (5, 9, 0), (4, 12, 3)])
def test_a_rewritten_history_diverges(signer: signing.Signer, seen: int, now: int,
                                      changed: int) -> None:
    log = _leaves(now)
    witnessed = _witness_of(log[:seen], signer)
    log[changed] = merkle.leaf_hash(b"rewritten")
    found = hold_against(witnessed, log, ORIGIN, signer.public_key)
    assert found is not None and found.kind == DIVERGED and found.damage


def test_a_witness_signed_by_another_key_is_not_taken(signer: signing.Signer) -> None:
    log = _leaves(3)
    stranger = signing.Signer(signing.new_signing_seed())
    found = hold_against(_witness_of(log, stranger), log, ORIGIN, signer.public_key)
    assert found is not None and found.kind == FORGED_WITNESS
