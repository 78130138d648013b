"""Checkpoints in the C2SP tlog-checkpoint format, signed as C2SP signed notes (Ed25519).

    <origin>\\n<tree size>\\n<base64 root hash>\\n
    \\n
    \\u2014 <key name> <base64(key id (4 bytes) || Ed25519 signature (64 bytes))>\\n

The key id is the first 4 bytes of SHA-256(key name || "\\n" || 0x01 || public key).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass

from crypto import signing
from crypto.errors import AuthenticationFailed

_DASH = "\u2014"
_ED25519 = b"\x01"


class CheckpointError(ValueError):
    pass


@dataclass(frozen=True)
class Checkpoint:
    origin: str
    size: int
    root: bytes

    def body(self) -> str:
        return f"{self.origin}\n{self.size}\n{base64.b64encode(self.root).decode()}\n"


def key_id(name: str, public_key: bytes) -> bytes:
    return hashlib.sha256(name.encode() + b"\n" + _ED25519 + public_key).digest()[:4]


def verifier_key(name: str, public_key: bytes) -> str:
    """The note verifier key string: ``<name>+<hex key id>+<base64(0x01 || key)>``."""
    return (f"{name}+{key_id(name, public_key).hex()}+"
            f"{base64.b64encode(_ED25519 + public_key).decode()}")


def sign(checkpoint: Checkpoint, name: str, signer: signing.Signer) -> str:
    body = checkpoint.body()
    sig = signer.sign(body.encode())
    blob = base64.b64encode(key_id(name, signer.public_key) + sig).decode()
    return f"{body}\n{_DASH} {name} {blob}\n"


def parse(note: str) -> Checkpoint:
    body, sep, _sigs = note.partition("\n\n")
    lines = body.split("\n")
    if not sep or len(lines) < 3:
        raise CheckpointError("not a signed checkpoint")
    try:
        size = int(lines[1])
        root = base64.b64decode(lines[2], validate=True)
    except ValueError as exc:
        raise CheckpointError("checkpoint size or root is malformed") from exc
    if size < 0 or len(root) != 32 or lines[1] != str(size):
        raise CheckpointError("checkpoint size or root is malformed")
    return Checkpoint(lines[0], size, root)


def verify(note: str, name: str, public_key: bytes) -> Checkpoint:
    """Return the checkpoint if ``note`` carries a valid signature by this key."""
    checkpoint = parse(note)
    body, _, sigs = note.partition("\n\n")
    body += "\n"
    wanted = key_id(name, public_key)
    for line in sigs.split("\n"):
        if not line.startswith(f"{_DASH} {name} "):
            continue
        try:
            blob = base64.b64decode(line.rsplit(" ", 1)[1], validate=True)
        except ValueError:
            continue
        if len(blob) != 68 or not hmac.compare_digest(blob[:4], wanted):
            continue
        try:
            signing.verify(public_key, body.encode(), blob[4:])
        except AuthenticationFailed:
            raise CheckpointError("the checkpoint signature does not verify") from None
        return checkpoint
    raise CheckpointError("the checkpoint carries no signature by this vault's key")
