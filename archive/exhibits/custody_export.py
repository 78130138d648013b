"""Which custody records an exhibit package carries, and what of them it discloses.

Each exported item's events go out with their RFC 6962 inclusion proofs. In entries of format 2
the sensitive details are salted commitments (:mod:`archive.custody.disclosure`); the package
discloses a value with its salt only when it concerns what is exported: a case name when it is
one of the exported cases, an original name when it is the exhibit's own. Tags, notes, source
paths, reasons and other cases stay commitments, which the recipient can neither read nor
confirm a guess against. An entry of format 1 holds its details in the clear; it goes out whole
only when everything in it could be disclosed, else as its leaf hash and inclusion proof alone,
marked ``withheld``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from archive.custody import disclosure, merkle
from archive.custody.log import entry_bytes

WITHHELD = ("older record format: its details would name other cases, tags or notes, so only "
            "its leaf hash and inclusion proof are given")


def _may_disclose(key: str, value: Any, cases: set[str], names: set[str]) -> bool:
    if key == "case":
        return value in cases
    if key == "original_name":
        return value in names
    return False


def package_line(seq: int, raw: object, openings: bytes | None, proof: list[bytes],
                 tree_size: int, cases: set[str], names: set[str]) -> dict[str, Any]:
    """One line of custody.jsonl for the event ``seq``."""
    entry = entry_bytes(raw)
    line: dict[str, Any] = {"seq": seq, "tree_size": tree_size,
                            "leaf_hash": merkle.leaf_hash(entry).hex(),
                            "inclusion_proof": [p.hex() for p in proof]}
    fields = json.loads(entry)
    details = fields.get("details") or {}
    if fields.get("v", 1) < 2:
        secret = [k for k, v in details.items() if k in disclosure.SENSITIVE
                  and v not in (None, "", []) and not _may_disclose(k, v, cases, names)]
        if secret:
            line["withheld"] = WITHHELD
            line["item"] = fields.get("item")
            return line
        line["entry"] = entry.decode("utf-8")
        return line
    line["entry"] = entry.decode("utf-8")
    opened = json.loads(openings) if openings else {}
    disclosed = {k: o for k, o in opened.items()
                 if disclosure.is_commitment(details.get(k))
                 and _may_disclose(k, o.get("value"), cases, names)}
    if disclosed:
        line["disclosed"] = disclosed
    return line


NOT_DISCLOSED = {"case": "another case (not disclosed)", "tags": "tags (not disclosed)",
                 "added": "tags (not disclosed)", "removed": "tags (not disclosed)",
                 "text": "note text (not disclosed)", "original_name": "a name (not disclosed)",
                 "source_path": "a path (not disclosed)", "reason": "a reason (not disclosed)"}


def readable(details: dict[str, Any], disclosed: dict[str, Any]) -> dict[str, Any]:
    """Details for reading: disclosed values in place, the rest said to be undisclosed."""
    shown = {}
    for key, value in details.items():
        if disclosure.is_commitment(value):
            shown[key] = disclosed[key]["value"] if key in disclosed else NOT_DISCLOSED.get(
                key, "not disclosed")
        else:
            shown[key] = value
    return shown


_FRACTION = re.compile(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)\.\d+Z")


def describe(details: dict[str, Any]) -> str:
    """One line for the report; times to the second, in UTC."""
    parts = []
    for key, value in details.items():
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        text = _FRACTION.sub(r"\1Z", str(value))
        parts.append(f"{key.replace('_', ' ')}: {text}")
    return "; ".join(parts)


def lines_for(rows: Iterable[tuple[int, object, bytes | None]], proofs: dict[int, list[bytes]],
              tree_size: int, cases: set[str], names: set[str]) -> list[dict[str, Any]]:
    return [package_line(seq, raw, openings, proofs[seq], tree_size, cases, names)
            for seq, raw, openings in rows]
