"""Witnesses: sealed copies of the latest signed checkpoint, kept outside the vault folder.

A witness remembers how far the custody log had grown, so that a vault put back from an older copy
(its catalog, or the whole folder) is caught at the next unlock. Each witness file is

    nonce (32) || AEGIS-256(witness key, plaintext (512), AD = "strongroom witness v1") || tag (32)

576 bytes, whatever the log holds. The plaintext is

    version (1 byte, 1) || written at (8 bytes, big-endian Unix seconds, UTC)
    || note length (2 bytes, big-endian) || the signed checkpoint note (UTF-8) || zero padding

so a witness shows neither the tree size, the root, nor the vault id without the key. The file is
named by a keyed BLAKE2b of the vault id (32 hex digits), the same name in every witness folder, so
one folder (a USB stick) can hold the witnesses of several vaults.
"""

from __future__ import annotations

import contextlib
import os
import struct
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import nacl.encoding
import nacl.hash

from archive.custody import checkpoint as cp
from archive.storage.fsio import PRIVATE_DIR, atomic_write
from crypto import aead, keys
from crypto.errors import AuthenticationFailed

VERSION = 1
PLAINTEXT_BYTES = 512
FILE_BYTES = PLAINTEXT_BYTES + aead.OVERHEAD
_AD = b"strongroom witness v1"
_CONTEXT = b"SRwitnes"  # crypto_kdf context for the two keys below
_SEAL_ID, _NAME_ID = 1, 2
_HEAD = struct.Struct(">BQH")


class WitnessError(ValueError):
    """A witness file that cannot be read as a witness of this vault."""


@dataclass(frozen=True)
class WitnessKeys:
    """The two keys derived from the vault's witness sub-key."""

    seal: bytes
    name: bytes

    @classmethod
    def from_master(cls, master: bytes) -> WitnessKeys:
        return cls.from_subkey(keys.subkey(master, keys.Purpose.WITNESS))

    @classmethod
    def from_subkey(cls, witness_key: bytes) -> WitnessKeys:
        return cls(keys.kdf_derive(witness_key, _SEAL_ID, _CONTEXT),
                   keys.kdf_derive(witness_key, _NAME_ID, _CONTEXT))

    def file_name(self, vault_id: str) -> str:
        """The witness file's name: reveals nothing about the vault without the key."""
        return nacl.hash.blake2b(vault_id.encode(), digest_size=16, key=self.name,
                                 encoder=nacl.encoding.HexEncoder).decode()


@dataclass(frozen=True)
class Witness:
    """A checkpoint remembered outside the vault; ``where`` says where it was found."""

    where: str
    note: str
    checkpoint: cp.Checkpoint
    written_at: datetime | None  # UTC; None for a checkpoint handed in without a date

    def describe(self) -> str:
        when = self.written_at.strftime("%Y-%m-%d %H:%M UTC") if self.written_at else "undated"
        return f"the witness at {self.where} (tree size {self.checkpoint.size}, {when})"


def seal(witness_keys: WitnessKeys, note: str, written_at: datetime) -> bytes:
    body = note.encode("utf-8")
    seconds = int(written_at.replace(tzinfo=written_at.tzinfo or UTC).timestamp())
    plain = _HEAD.pack(VERSION, max(seconds, 0), len(body)) + body
    if len(plain) > PLAINTEXT_BYTES:
        raise ValueError("the checkpoint is too long for a witness")
    plain += bytes(PLAINTEXT_BYTES - len(plain))
    return aead.seal(witness_keys.seal, plain, _AD)


def unseal(witness_keys: WitnessKeys, blob: bytes, where: str) -> Witness:
    """Open a witness file; the note's signature is checked by the caller (it needs the log)."""
    if len(blob) != FILE_BYTES:
        raise WitnessError(f"{where}: not a witness of this vault (wrong size)")
    try:
        plain = aead.open_sealed(witness_keys.seal, blob, _AD)
    except AuthenticationFailed:
        raise WitnessError(f"{where}: not a witness of this vault, or damaged") from None
    version, seconds, length = _HEAD.unpack_from(plain)
    if version != VERSION or _HEAD.size + length > PLAINTEXT_BYTES:
        raise WitnessError(f"{where}: witness format {version} is not known")
    note = plain[_HEAD.size : _HEAD.size + length].decode("utf-8", "replace")
    try:
        checkpoint = cp.parse(note)
    except cp.CheckpointError as exc:
        raise WitnessError(f"{where}: {exc}") from None
    return Witness(where, note, checkpoint, datetime.fromtimestamp(seconds, UTC))


def read_given(path: Path, witness_keys: WitnessKeys) -> Witness:
    """A witness or an exported checkpoint handed in by the user: a sealed witness file, a signed
    checkpoint note (``checkpoint.txt`` of an exhibit package), or an exhibit package folder."""
    if path.is_dir():
        path = path / "checkpoint.txt"
    try:
        blob = path.read_bytes()
    except OSError as exc:
        raise WitnessError(f"{path}: {exc.strerror or exc}") from None
    if len(blob) == FILE_BYTES:
        with contextlib.suppress(WitnessError):
            return unseal(witness_keys, blob, str(path))
    try:
        note = blob.decode("utf-8")
        checkpoint = cp.parse(note)
    except (UnicodeDecodeError, cp.CheckpointError):
        raise WitnessError(f"{path}: neither a witness of this vault nor a signed "
                           "checkpoint") from None
    return Witness(str(path), note, checkpoint, None)


# ---------------------------------------------------------------------- where witnesses live
def state_folder() -> Path:
    """The user's state folder for Strongroom's own witnesses (XDG on Linux and BSD)."""
    home = Path.home()
    if sys.platform == "darwin":
        base = home / "Library" / "Application Support" / "Strongroom"
    elif os.name == "nt":
        base = Path(os.environ.get("LOCALAPPDATA") or home / "AppData" / "Local") / "Strongroom"
    else:
        xdg = os.environ.get("XDG_STATE_HOME", "")
        root = Path(xdg) if xdg and Path(xdg).is_absolute() else home / ".local" / "state"
        base = root / "strongroom"
    return base / "witnesses"


def write(folder: Path, name: str, blob: bytes, *, create_folder: bool) -> None:
    """Write one witness atomically (temporary name, fsync, rename, fsync the folder)."""
    if create_folder:
        folder.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    elif not folder.is_dir():
        raise FileNotFoundError(2, "the witness folder is not there", str(folder))
    atomic_write(folder / name, blob)


def read(folder: Path, name: str, witness_keys: WitnessKeys) -> Witness | None:
    """The witness in ``folder``, or None when there is none."""
    path = folder / name
    try:
        blob = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise WitnessError(f"{path}: {exc.strerror or exc}") from None
    return unseal(witness_keys, blob, str(path))
