"""Salted commitments for the sensitive values of custody events (entry format 2).

A sensitive value in an event's ``details`` (a case name, tags, a note's text, a source path,
an original name, a reason) is written into the signed entry as

    {"commitment": hex(SHA-256(salt || canonical JSON of the value))}

with a fresh 16-byte random salt per value. The salt and the value (the *opening*) are kept
beside the event in the encrypted catalog, never in the entry. An export hands a recipient the
openings of the values that concern the exported case only: the recipient recomputes those
commitments, and learns nothing from the others (the salt makes a guess unconfirmable).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
from typing import Any

SENSITIVE = frozenset({"case", "tags", "added", "removed", "text", "source_path",
                       "original_name", "reason"})
COMMITMENT = "commitment"


def canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"),
                      ensure_ascii=True).encode()


def commitment(salt: bytes, value: Any) -> str:
    return hashlib.sha256(salt + canonical(value)).hexdigest()


def is_commitment(value: Any) -> bool:
    return isinstance(value, dict) and set(value) == {COMMITMENT}


def commit_details(details: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(details with each sensitive value replaced by its commitment, the openings)."""
    committed: dict[str, Any] = {}
    openings: dict[str, Any] = {}
    for key, value in details.items():
        if key in SENSITIVE and value not in (None, "", []):
            salt = os.urandom(16)
            committed[key] = {COMMITMENT: commitment(salt, value)}
            openings[key] = {"salt": base64.b64encode(salt).decode(), "value": value}
        else:
            committed[key] = value
    return committed, openings


def opening_matches(committed: Any, opening: Any) -> bool:
    """Does ``opening`` ({"salt", "value"}) open ``committed`` ({"commitment": hex})?"""
    if not is_commitment(committed) or not isinstance(opening, dict):
        return False
    try:
        salt = base64.b64decode(opening["salt"], validate=True)
    except (KeyError, ValueError, TypeError):
        return False
    if len(salt) != 16 or "value" not in opening:
        return False
    return hmac.compare_digest(commitment(salt, opening["value"]), str(committed[COMMITMENT]))


def opened(details: dict[str, Any], openings: dict[str, Any] | None) -> dict[str, Any]:
    """The details as they were recorded (for showing inside the vault)."""
    if not openings:
        return dict(details)
    return {k: openings[k]["value"] if k in openings and is_commitment(v) else v
            for k, v in details.items()}
