"""Vault life cycle and the threat model's promises about the folder on disk."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from archive import (
    NotAVault,
    Vault,
    VaultBusy,
    VaultDamaged,
    VaultExists,
    VaultLocked,
    WrongPassphrase,
    WrongRecoveryKey,
)
from archive.storage.header import HEADER_NAME
from conftest import PASSPHRASE, all_files, vault_bytes

CANARY = "KESTREL-CANARY-7731 Касымова"


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in all_files(folder)}


def test_create_shows_recovery_key_and_refuses_existing(vault_path: Path) -> None:
    vault, recovery = Vault.create(vault_path, PASSPHRASE)
    vault.lock()
    assert len(recovery.replace("-", "")) == 55
    with pytest.raises(VaultExists):
        Vault.create(vault_path, PASSPHRASE)


def test_empty_passphrase_refused(vault_path: Path) -> None:
    with pytest.raises(ValueError, match="empty"):
        Vault.create(vault_path, "")
    assert not vault_path.exists()


def test_not_a_vault(tmp_path: Path) -> None:
    with pytest.raises(NotAVault):
        Vault.open(tmp_path)


def test_wrong_passphrase_writes_nothing(vault_path: Path) -> None:
    vault, _ = Vault.create(vault_path, PASSPHRASE)
    vault.lock()
    before = _snapshot(vault_path)
    again = Vault.open(vault_path)
    with pytest.raises(WrongPassphrase, match="wrong passphrase"):
        again.unlock("correct horse battery stapler")
    assert not again.is_unlocked
    with pytest.raises(VaultLocked):
        _ = again.core
    assert _snapshot(vault_path) == before


def test_recovery_key_and_passphrase_change(vault_path: Path) -> None:
    vault, recovery = Vault.create(vault_path, PASSPHRASE, slots_per_pack=64)
    data = os.urandom(150_000)
    oid = vault.core.objects.put_bytes(data).object_id
    vault.lock()

    again = Vault.open(vault_path)
    with pytest.raises(WrongRecoveryKey):
        again.unlock_with_recovery("AAAA-" * 13 + "AAA")
    again.unlock_with_recovery(recovery)
    again.change_passphrase("новый пароль, new phrase")
    again.lock()

    with pytest.raises(WrongPassphrase):
        Vault.open(vault_path).unlock(PASSPHRASE)
    third = Vault.open(vault_path)
    third.unlock("новый пароль, new phrase")
    assert third.core.objects.open_range(oid, 0, len(data)) == data
    third.lock()
    fourth = Vault.open(vault_path)
    fourth.unlock_with_recovery(recovery)  # the recovery key still works after the change
    fourth.lock()


def test_second_writer_refused(vault_path: Path) -> None:
    vault, _ = Vault.create(vault_path, PASSPHRASE)
    try:
        other = Vault.open(vault_path)
        with pytest.raises(VaultBusy, match="open in another"):
            other.unlock(PASSPHRASE)
        # And from another process, which is what really happens.
        code = (
            f"import sys; sys.path.insert(0, {str(Path(__file__).parents[1])!r})\n"
            "from archive import Vault, VaultBusy\n"
            "from crypto.kdf import CHEAP_FOR_TESTS\n"
            f"v = Vault.open({str(vault_path)!r})\n"
            f"try:\n    v.unlock({PASSPHRASE!r})\nexcept VaultBusy:\n    sys.exit(3)\n"
        )
        assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 3
    finally:
        vault.lock()
    reopened = Vault.open(vault_path)
    reopened.unlock(PASSPHRASE)  # released on lock
    reopened.lock()


@pytest.mark.parametrize("field", ["salt", "opslimit", "wrapped", "pack", "checksum", "syntax"])
def test_tampered_header_refused(vault_path: Path, field: str) -> None:
    vault, _ = Vault.create(vault_path, PASSPHRASE)
    vault.lock()
    path = vault_path / HEADER_NAME
    outer = json.loads(path.read_bytes())
    body = outer["body"]
    recompute = True
    if field == "salt":
        salt = body["passphrase_slot"]["kdf"]["salt"]
        body["passphrase_slot"]["kdf"]["salt"] = ("B" if salt[0] != "B" else "C") + salt[1:]
    elif field == "opslimit":
        body["passphrase_slot"]["kdf"]["opslimit"] += 1
    elif field == "wrapped":
        w = body["passphrase_slot"]["wrapped_master_key"]
        body["passphrase_slot"]["wrapped_master_key"] = w[:10] + ("A" if w[10] != "A" else "B") + w[11:]
    elif field == "pack":
        body["pack"]["slots_per_pack"] += 1
    elif field == "checksum":
        recompute = False
        body["passphrase_slot"]["kdf"]["opslimit"] += 1
    if recompute:
        import hashlib as h

        from archive.storage.header import canonical_json
        outer["sha256"] = h.sha256(canonical_json(body)).hexdigest()
    raw = json.dumps(outer).encode()
    if field == "syntax":
        raw = path.read_bytes()[:-5]
    path.write_bytes(raw)
    # Either the header's own check fails, or (a recomputed checksum) the keyslot refuses it.
    with pytest.raises((VaultDamaged, WrongPassphrase)):
        Vault.open(vault_path).unlock(PASSPHRASE)
    if field in ("checksum", "syntax"):
        with pytest.raises(VaultDamaged, match="header is damaged"):
            Vault.open(vault_path)


def test_hostile_kdf_limits_refused_before_deriving(vault_path: Path) -> None:
    vault, _ = Vault.create(vault_path, PASSPHRASE)
    vault.lock()
    path = vault_path / HEADER_NAME
    outer = json.loads(path.read_bytes())
    outer["body"]["passphrase_slot"]["kdf"]["memlimit"] = 64 * 1024**3
    from archive.storage.header import canonical_json
    outer["sha256"] = hashlib.sha256(canonical_json(outer["body"])).hexdigest()
    path.write_bytes(json.dumps(outer).encode())
    with pytest.raises(VaultDamaged, match="out of range"):
        Vault.open(vault_path)


def test_swapped_catalog_refused(tmp_path: Path) -> None:
    a, _ = Vault.create(tmp_path / "a", PASSPHRASE)
    b, _ = Vault.create(tmp_path / "b", PASSPHRASE)
    a.lock()
    b.lock()
    (tmp_path / "a" / "catalog.db").write_bytes((tmp_path / "b" / "catalog.db").read_bytes())
    with pytest.raises(VaultDamaged, match="catalog cannot be decrypted"):
        Vault.open(tmp_path / "a").unlock(PASSPHRASE)


# ---------------------------------------------------------------------- what the disk shows
def _file_sizes(folder: Path) -> list[tuple[str, int]]:
    return sorted((str(p.relative_to(folder)), p.stat().st_size) for p in all_files(folder)
                  if p.parent.name == "packs")


def test_size_hiding_within_one_pack(tmp_path: Path) -> None:
    a, _ = Vault.create(tmp_path / "a", PASSPHRASE, slots_per_pack=64)
    b, _ = Vault.create(tmp_path / "b", PASSPHRASE, slots_per_pack=64)
    a.core.objects.put_bytes(os.urandom(1_234_567))
    for size in (10, 70_000, 512_000, 33, 999_999):
        b.core.objects.put_bytes(os.urandom(size))
    a.lock()
    b.lock()
    assert _file_sizes(tmp_path / "a") == _file_sizes(tmp_path / "b")
    # Pack files are the only content files; no file name or size follows the items.
    names_a = {p.name for p in all_files(tmp_path / "a")}
    assert names_a <= {"header.json", "catalog.db", "catalog.db-wal", "catalog.db-shm", "lock",
                       "00000000.pack"}


def test_no_plaintext_on_disk(vault_path: Path) -> None:
    vault, _ = Vault.create(vault_path, PASSPHRASE, slots_per_pack=64)
    payloads = [
        (CANARY * 50).encode("utf-8"),
        (CANARY * 50).encode("utf-16-le"),
        (CANARY * 50).encode("utf-16"),
        os.urandom(100_000) + CANARY.encode() + os.urandom(70_000),
    ]
    digests = []
    for payload in payloads:
        digests.append(vault.core.objects.put_bytes(payload).sha256)
    live = vault_bytes(vault_path)  # while unlocked, WAL included
    vault.lock()
    needles = [CANARY.encode("utf-8"), CANARY.encode("utf-16-le"), CANARY.encode("utf-16-be"),
               b"KESTREL"]
    needles += [d.encode() for d in digests] + [bytes.fromhex(d) for d in digests]
    for path, data in live + vault_bytes(vault_path):
        for needle in needles:
            assert needle not in data, f"{needle!r} found in {path.name}"


def test_public_facts_are_only_what_the_model_allows(vault_path: Path) -> None:
    vault, _ = Vault.create(vault_path, PASSPHRASE, slots_per_pack=64)
    vault.core.objects.put_bytes(b"x" * 1000)
    public_key = vault.core.signer.public_key
    vault.lock()
    header = (vault_path / HEADER_NAME).read_bytes()
    body = json.loads(header)["body"]
    assert set(body) == {"magic", "version", "pack", "passphrase_slot", "recovery_slot",
                         "signing_key"}
    # The signing public key must not be on disk in any form (it would link exports to the laptop).
    import base64
    for path, data in vault_bytes(vault_path):
        for form in (public_key, base64.b64encode(public_key), public_key.hex().encode()):
            assert form not in data, path.name


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_vault_files_are_private(vault_path: Path) -> None:
    old = os.umask(0o022)  # even under a permissive umask
    try:
        vault, _ = Vault.create(vault_path, PASSPHRASE, slots_per_pack=64)
        vault.core.objects.put_bytes(b"x" * 100_000)
        vault.lock()
    finally:
        os.umask(old)
    for path in [vault_path, *vault_path.rglob("*")]:
        mode = path.stat().st_mode & 0o777
        assert mode & 0o077 == 0, f"{path.name} is readable by others ({oct(mode)})"
