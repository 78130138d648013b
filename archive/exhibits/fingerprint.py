"""A signing key's fingerprint in a form people can read aloud and compare over the phone:
the first 20 bytes of SHA-256 of the raw Ed25519 public key, in base32 (RFC 4648 alphabet,
A-Z and 2-7, no padding), as eight groups of four separated by dashes, for example
``K7QF-M2XA-...``. Letters compare without regard to case; spaces and dashes are ignored."""

from __future__ import annotations

import base64
import hashlib
import hmac


def key_fingerprint(public_key: bytes) -> str:
    text = base64.b32encode(hashlib.sha256(public_key).digest()[:20]).decode("ascii")
    return "-".join(text[i:i + 4] for i in range(0, len(text), 4))


def normalise(fingerprint: str) -> str:
    return "".join(c for c in fingerprint.upper() if c not in " -\t")


def same_fingerprint(a: str, b: str) -> bool:
    return hmac.compare_digest(normalise(a).encode(), normalise(b).encode())
