"""The vault header: the only plaintext file with content in a vault folder.

It says that the folder is a Strongroom vault, its format version, the pack geometry and the
Argon2id limits, and holds the master key wrapped twice (passphrase, recovery key) and the sealed
Ed25519 seed. docs/FORMAT.md gives the byte-level definition.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from archive.errors import NotAVault, UnsupportedFormat, VaultDamaged
from archive.storage.fsio import atomic_write
from crypto import aead, chunks
from crypto.errors import KdfParametersRejected
from crypto.kdf import KdfParams

HEADER_NAME = "header.json"
MAGIC = "strongroom-vault"
FORMAT_VERSION = 1
AEAD_NAME = "aegis256"
KDF_NAME = "argon2id13"
RECOVERY_KDF_NAME = "blake2b-kdf"
MAX_HEADER_BYTES = 64 * 1024
MAX_SLOTS_PER_PACK = 1 << 16


def canonical_json(value: Any) -> bytes:
    """Sorted keys, no spaces, ASCII only: the form hashed and used as associated data."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object, what: str) -> bytes:
    if not isinstance(text, str):
        raise VaultDamaged(f"the vault header is damaged ({what} is missing)")
    try:
        return base64.b64decode(text, validate=True)
    except ValueError as exc:
        raise VaultDamaged(f"the vault header is damaged ({what} is not base64)") from exc


@dataclass(frozen=True)
class VaultHeader:
    slots_per_pack: int
    kdf: KdfParams
    salt: bytes
    wrapped_by_passphrase: bytes
    wrapped_by_recovery: bytes
    sealed_signing_seed: bytes
    version: int = FORMAT_VERSION

    # Associated data for the two key wraps: everything in the header that a tamperer could change
    # to make a vault behave differently, plus which keyslot this is.
    def _geometry(self) -> dict[str, Any]:
        return {
            "aead": AEAD_NAME,
            "chunk_bytes": chunks.CHUNK_BYTES,
            "slot_bytes": chunks.SLOT_BYTES,
            "slots_per_pack": self.slots_per_pack,
        }

    def _passphrase_kdf(self) -> dict[str, Any]:
        return {
            "alg": KDF_NAME,
            "memlimit": self.kdf.memlimit,
            "opslimit": self.kdf.opslimit,
            "salt": _b64(self.salt),
        }

    def keyslot_ad(self, slot: str) -> bytes:
        kdf = self._passphrase_kdf() if slot == "passphrase" else {"alg": RECOVERY_KDF_NAME}
        return b"strongroom keyslot v1\n" + canonical_json(
            {"magic": MAGIC, "version": self.version, "pack": self._geometry(),
             "slot": slot, "kdf": kdf}
        )

    def body(self) -> dict[str, Any]:
        return {
            "magic": MAGIC,
            "version": self.version,
            "pack": self._geometry(),
            "passphrase_slot": {
                "kdf": self._passphrase_kdf(),
                "wrapped_master_key": _b64(self.wrapped_by_passphrase),
            },
            "recovery_slot": {
                "kdf": {"alg": RECOVERY_KDF_NAME},
                "wrapped_master_key": _b64(self.wrapped_by_recovery),
            },
            "signing_key": _b64(self.sealed_signing_seed),
        }

    def to_bytes(self) -> bytes:
        body = self.body()
        checksum = hashlib.sha256(canonical_json(body)).hexdigest()
        return json.dumps({"body": body, "sha256": checksum}, indent=1, sort_keys=True).encode()

    def with_passphrase_slot(self, kdf: KdfParams, salt: bytes, wrapped: bytes) -> VaultHeader:
        return replace(self, kdf=kdf, salt=salt, wrapped_by_passphrase=wrapped)

    def write(self, folder: Path) -> None:
        atomic_write(folder / HEADER_NAME, self.to_bytes())

    @property
    def pack_bytes(self) -> int:
        return self.slots_per_pack * chunks.SLOT_BYTES


def read_header(folder: Path) -> VaultHeader:
    path = folder / HEADER_NAME
    if not folder.is_dir():
        raise NotAVault(f"{folder}: no such folder")
    if not path.is_file():
        raise NotAVault(f"{folder}: not a Strongroom vault (no {HEADER_NAME})")
    raw = path.read_bytes()
    if len(raw) > MAX_HEADER_BYTES:
        raise VaultDamaged("the vault header is damaged (it is far larger than a header can be)")
    return parse_header(raw)


def parse_header(raw: bytes) -> VaultHeader:
    try:
        outer = json.loads(raw)
        body = outer["body"]
        checksum = outer["sha256"]
    except (ValueError, KeyError, TypeError) as exc:
        raise VaultDamaged("the vault header is damaged (not readable)") from exc
    if not isinstance(body, dict) or not isinstance(checksum, str):
        raise VaultDamaged("the vault header is damaged (not readable)")
    expected = hashlib.sha256(canonical_json(body)).hexdigest()
    if not hmac.compare_digest(expected, checksum):
        raise VaultDamaged("the vault header is damaged (its checksum does not match)")
    if body.get("magic") != MAGIC:
        raise VaultDamaged("the vault header is damaged (wrong magic)")
    version = body.get("version")
    if version != FORMAT_VERSION:
        raise UnsupportedFormat(
            f"this vault has format version {version}; this Strongroom reads version "
            f"{FORMAT_VERSION}"
        )
    try:
        pack = body["pack"]
        pslot = body["passphrase_slot"]
        rslot = body["recovery_slot"]
        kdf = pslot["kdf"]
        params = KdfParams(int(kdf["opslimit"]), int(kdf["memlimit"]))
        slots_per_pack = int(pack["slots_per_pack"])
        geometry_ok = (
            pack.get("aead") == AEAD_NAME
            and pack.get("chunk_bytes") == chunks.CHUNK_BYTES
            and pack.get("slot_bytes") == chunks.SLOT_BYTES
            and 1 <= slots_per_pack <= MAX_SLOTS_PER_PACK
            and kdf.get("alg") == KDF_NAME
            and rslot["kdf"].get("alg") == RECOVERY_KDF_NAME
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise VaultDamaged("the vault header is damaged (fields missing)") from exc
    if not geometry_ok:
        raise VaultDamaged("the vault header is damaged (unknown parameters)")
    try:
        params.check()
    except KdfParametersRejected as exc:
        raise VaultDamaged(f"the vault header is damaged or hostile ({exc})") from exc
    header = VaultHeader(
        slots_per_pack=slots_per_pack,
        kdf=params,
        salt=_unb64(kdf.get("salt"), "salt"),
        wrapped_by_passphrase=_unb64(pslot.get("wrapped_master_key"), "passphrase keyslot"),
        wrapped_by_recovery=_unb64(rslot.get("wrapped_master_key"), "recovery keyslot"),
        sealed_signing_seed=_unb64(body.get("signing_key"), "signing key"),
        version=version,
    )
    for name, blob in (("passphrase keyslot", header.wrapped_by_passphrase),
                       ("recovery keyslot", header.wrapped_by_recovery),
                       ("signing key", header.sealed_signing_seed)):
        if len(blob) != aead.OVERHEAD + 32:
            raise VaultDamaged(f"the vault header is damaged ({name} has the wrong length)")
    return header
