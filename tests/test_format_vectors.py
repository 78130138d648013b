"""An independent reader written from docs/FORMAT.md alone: libsodium (through PyNaCl's raw
bindings), hashlib and SQLCipher. It uses none of Strongroom's code, so if the implementation drifts
from the document, this test fails."""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import unicodedata
from pathlib import Path

import nacl.bindings as sodium
import nacl.pwhash.argon2id as argon2id
import pytest
import sqlcipher3.dbapi2 as sqlcipher

VECTORS = Path(__file__).parent / "vectors"
SLOT = 65600
CHUNK = 65536


def canonical(value: object) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def unseal(key: bytes, sealed: bytes, ad: bytes) -> bytes:
    return sodium.crypto_aead_aegis256_decrypt(sealed[32:], ad, sealed[:32], key)


def crypto_kdf(key: bytes, subkey_id: int, ctx: bytes) -> bytes:
    return hashlib.blake2b(b"", digest_size=32, key=key, salt=subkey_id.to_bytes(8, "little") +
                           bytes(8), person=ctx + bytes(8)).digest()


def keyslot_ad(body: dict, slot: str) -> bytes:
    kdf = body[f"{slot}_slot"]["kdf"]
    return b"strongroom keyslot v1\n" + canonical({
        "magic": body["magic"], "version": body["version"], "pack": body["pack"],
        "slot": slot, "kdf": kdf})


def master_from_passphrase(body: dict, passphrase: str) -> bytes:
    kdf = body["passphrase_slot"]["kdf"]
    assert kdf["alg"] == "argon2id13"
    assert 1 <= kdf["opslimit"] <= 16 and 8192 <= kdf["memlimit"] <= 2**31
    kek = argon2id.kdf(32, unicodedata.normalize("NFC", passphrase).encode(),
                       base64.b64decode(kdf["salt"]), opslimit=kdf["opslimit"],
                       memlimit=kdf["memlimit"])
    return unseal(kek, base64.b64decode(body["passphrase_slot"]["wrapped_master_key"]),
                  keyslot_ad(body, "passphrase"))


def master_from_recovery(body: dict, typed: str) -> bytes:
    cleaned = typed.replace("-", "").upper()
    raw = base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))
    secret, check = raw[:32], raw[32:]
    assert hashlib.blake2b(secret, digest_size=2, person=b"SRrecov1" + bytes(8)).digest() == check
    kek = crypto_kdf(secret, 1, b"SRrecov1")
    return unseal(kek, base64.b64decode(body["recovery_slot"]["wrapped_master_key"]),
                  keyslot_ad(body, "recovery"))


def read_object(folder: Path, size: int, data_key: bytes, object_id: bytes,
                extents: list[tuple[int, int, int]]) -> bytes:
    n = max(1, -(-size // CHUNK))
    slots = [(pack, first + k) for pack, first, count in extents for k in range(count)]
    assert len(slots) == n
    out = []
    for i, (pack, slot) in enumerate(slots):
        with open(folder / "packs" / f"{pack:08d}.pack", "rb") as f:
            f.seek(slot * SLOT)
            raw = f.read(SLOT)
        final = i == n - 1
        ad = b"SRCK" + (1).to_bytes(2, "big") + object_id + i.to_bytes(8, "big") + bytes([final])
        plain = unseal(data_key, raw, ad)
        keep = size - i * CHUNK if final else CHUNK
        assert plain[keep:] == bytes(CHUNK - keep)
        out.append(plain[:keep])
    return b"".join(out)


@pytest.fixture
def vector(tmp_path: Path) -> tuple[Path, dict]:
    folder = tmp_path / "tiny-vault"
    shutil.copytree(VECTORS / "tiny-vault", folder)
    return folder, json.loads((VECTORS / "tiny-vault.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("how", ["passphrase", "recovery"])
def test_decrypt_vector_from_the_spec_alone(vector: tuple[Path, dict], how: str) -> None:
    folder, expected = vector
    outer = json.loads((folder / "header.json").read_bytes())
    body = outer["body"]
    assert hashlib.sha256(canonical(body)).hexdigest() == outer["sha256"]
    assert body["magic"] == "strongroom-vault" and body["version"] == 1
    master = (master_from_passphrase(body, expected["passphrase"]) if how == "passphrase"
              else master_from_recovery(body, expected["recovery_key"]))

    conn = sqlcipher.connect(str(folder / "catalog.db"))
    conn.execute(f"PRAGMA key = \"x'{crypto_kdf(master, 1, b'SRvault1').hex()}'\"")
    for obj in expected["objects"]:
        size, data_key = conn.execute("SELECT size, data_key FROM objects WHERE id = ?",
                                      (obj["id"],)).fetchone()
        extents = conn.execute("SELECT pack, first_slot, slot_count FROM object_extents "
                               "WHERE object_id = ? ORDER BY seq", (obj["id"],)).fetchall()
        data = read_object(folder, size, data_key, bytes.fromhex(obj["id"]), extents)
        assert len(data) == obj["size"]
        assert hashlib.sha256(data).hexdigest() == obj["sha256"]
    conn.close()

    # The signing seed is sealed under sub-key 5.
    seed = unseal(crypto_kdf(master, 5, b"SRvault1"), base64.b64decode(body["signing_key"]),
                  b"strongroom signing key v1")
    assert len(seed) == 32


def test_current_code_still_opens_vector(vector: tuple[Path, dict]) -> None:
    from archive import Vault

    folder, expected = vector
    vault = Vault.open(folder)
    vault.unlock(expected["passphrase"])
    try:
        for obj in expected["objects"]:
            data = b"".join(vault.core.objects.iter_plaintext(obj["id"]))
            assert hashlib.sha256(data).hexdigest() == obj["sha256"]
    finally:
        vault.lock()
