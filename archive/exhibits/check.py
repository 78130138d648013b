"""Checking an exhibit package with nothing but the package: the bag, the signature over its
tag manifest, the signed checkpoint, every custody event's inclusion proof, and that every
exhibit's hash matches its recorded intake."""

from __future__ import annotations

import csv
import hashlib
import hmac
import json
from pathlib import Path

import bagit

from archive.custody import checkpoint as cp
from archive.custody import merkle
from archive.custody.timestamp import check_package_stamps
from crypto import signing
from crypto.errors import AuthenticationFailed, MalformedKey


def check_package(path: Path) -> list[str]:
    """The problems found (empty when the package checks out)."""
    path = Path(path)
    problems: list[str] = []
    if not (path / "bagit.txt").is_file():
        return [f"{path}: not an exhibit package (no bagit.txt)"]
    try:
        bagit.Bag(str(path)).validate(processes=1)
    except bagit.BagValidationError as exc:
        details = "; ".join(str(d) for d in getattr(exc, "details", [])[:5]) or str(exc)
        problems.append(f"bag does not validate: {details}")
    except bagit.BagError as exc:
        problems.append(f"bag does not validate: {exc}")
    try:
        public_key = signing.public_key_from_pem(
            (path / "public-key.pem").read_text(encoding="ascii"))
    except (OSError, MalformedKey, UnicodeDecodeError) as exc:
        return problems + [f"public-key.pem: {exc}"]
    try:
        signing.verify(public_key, (path / "tagmanifest-sha256.txt").read_bytes(),
                       (path / "tagmanifest-sha256.txt.sig").read_bytes())
    except (OSError, AuthenticationFailed) as exc:
        problems.append(f"signature over tagmanifest-sha256.txt: {exc}")
    try:
        note = (path / "checkpoint.txt").read_text(encoding="utf-8")
        head = cp.verify(note, note.split("\n", 1)[0], public_key)
    except (OSError, cp.CheckpointError) as exc:
        return problems + [f"checkpoint.txt: {exc}"]
    problems += check_package_stamps(path, note)

    events: dict[str, list[dict]] = {}
    try:
        lines = (path / "custody.jsonl").read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        return problems + [f"custody.jsonl: {exc}"]
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            entry = record["entry"].encode("utf-8")
            leaf = merkle.leaf_hash(entry)
            proof = [bytes.fromhex(p) for p in record["inclusion_proof"]]
            fields = json.loads(entry)
        except (ValueError, KeyError, TypeError) as exc:
            problems.append(f"custody.jsonl line {n}: unreadable ({exc})")
            continue
        if record.get("leaf_hash") != leaf.hex() or record.get("tree_size") != head.size or (
                fields.get("seq") != record.get("seq")):
            problems.append(f"custody.jsonl line {n}: does not match its entry")
        if not merkle.verify_inclusion(leaf, int(record["seq"]), head.size, proof, head.root):
            problems.append(f"custody.jsonl line {n}: not included in the signed checkpoint")
        events.setdefault(fields.get("item") or "", []).append(fields)

    try:
        with open(path / "exhibits.csv", encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
    except OSError as exc:
        return problems + [f"exhibits.csv: {exc}"]
    for row in rows:
        number, item = row.get("exhibit", "?"), row.get("item_id", "")
        data = path / row.get("file", "")
        if data.is_file():
            digest = hashlib.sha256()
            with open(data, "rb") as f:
                while block := f.read(1 << 20):
                    digest.update(block)
            if not hmac.compare_digest(digest.hexdigest(), row.get("sha256", "")):
                problems.append(f"{number}: the file does not hash to the listed SHA-256")
        else:
            problems.append(f"{number}: {row.get('file')} is missing")
        history = events.get(item, [])
        intakes = [e for e in history if e.get("action") in ("import", "intake-again")]
        if not intakes:
            problems.append(f"{number}: no intake event in the custody record")
        elif any(e.get("sha256") != row.get("sha256") for e in intakes):
            problems.append(f"{number}: the custody record took in different bytes")
        if not any(e.get("action") == "export" for e in history):
            problems.append(f"{number}: no export event in the custody record")
    return problems
