"""Checking an exhibit package with nothing but the package: the bag, the signature over its
tag manifest, the signed checkpoint, every custody event's inclusion proof, every disclosed
value against its commitment, and that every exhibit's hash matches its recorded intake.

All of that proves only that the package was signed by the key in ``public-key.pem``; the
report gives that key's fingerprint, and checks it against one obtained another way when given.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import bagit

from archive.custody import checkpoint as cp
from archive.custody import disclosure, merkle
from archive.custody.timestamp import check_package_stamps
from archive.exhibits.fingerprint import key_fingerprint, same_fingerprint
from crypto import signing
from crypto.errors import AuthenticationFailed, MalformedKey


@dataclass
class PackageReport:
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    fingerprint: str | None = None  # of the key that signed the package
    withheld: int = 0
    undisclosed: int = 0


def check_package(path: Path) -> list[str]:
    """The problems found (empty when the package checks out)."""
    return inspect_package(path).problems


def inspect_package(path: Path, expected_fingerprint: str | None = None) -> PackageReport:
    path = Path(path)
    report = PackageReport()
    problems = report.problems
    if not (path / "bagit.txt").is_file():
        problems.append(f"{path}: not an exhibit package (no bagit.txt)")
        return report
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
        problems.append(f"public-key.pem: {exc}")
        return report
    report.fingerprint = key_fingerprint(public_key)
    if expected_fingerprint is not None and not same_fingerprint(report.fingerprint,
                                                                 expected_fingerprint):
        problems.append(f"the package was signed by the key {report.fingerprint}, not by the "
                        f"key {expected_fingerprint} you expected: it does not come from "
                        "that archive, or it was re-signed")
    try:
        signing.verify(public_key, (path / "tagmanifest-sha256.txt").read_bytes(),
                       (path / "tagmanifest-sha256.txt.sig").read_bytes())
    except (OSError, AuthenticationFailed) as exc:
        problems.append(f"signature over tagmanifest-sha256.txt: {exc}")
    try:
        note = (path / "checkpoint.txt").read_text(encoding="utf-8")
        head = cp.verify(note, note.split("\n", 1)[0], public_key)
    except (OSError, cp.CheckpointError) as exc:
        problems.append(f"checkpoint.txt: {exc}")
        return report
    problems += check_package_stamps(path, note)
    try:
        lines = (path / "custody.jsonl").read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        problems.append(f"custody.jsonl: {exc}")
        return report
    events, withheld = _custody(lines, head, report)
    try:
        with open(path / "exhibits.csv", encoding="utf-8-sig", newline="") as f:
            rows = list(csv.DictReader(f))
    except OSError as exc:
        problems.append(f"exhibits.csv: {exc}")
        return report
    for row in rows:
        _check_exhibit(path, row, events.get(row.get("item_id", ""), []),
                       withheld.get(row.get("item_id", ""), 0), report)
    return report


def _custody(lines: list[str], head: cp.Checkpoint, report: PackageReport
             ) -> tuple[dict[str, list[dict[str, Any]]], dict[str, int]]:
    events: dict[str, list[dict[str, Any]]] = {}
    withheld: dict[str, int] = {}
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            proof = [bytes.fromhex(p) for p in record["inclusion_proof"]]
            if "withheld" in record and "entry" not in record:
                leaf = bytes.fromhex(record["leaf_hash"])
                fields: dict[str, Any] = {}
            else:
                entry = record["entry"].encode("utf-8")
                leaf = merkle.leaf_hash(entry)
                fields = json.loads(entry)
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            report.problems.append(f"custody.jsonl line {n}: unreadable ({exc})")
            continue
        if record.get("leaf_hash") != leaf.hex() or record.get("tree_size") != head.size or (
                fields and fields.get("seq") != record.get("seq")):
            report.problems.append(f"custody.jsonl line {n}: does not match its entry")
        if not merkle.verify_inclusion(leaf, int(record["seq"]), head.size, proof, head.root):
            report.problems.append(f"custody.jsonl line {n}: not included in the signed "
                                   "checkpoint")
        if not fields:
            report.withheld += 1
            withheld[str(record.get("item") or "")] = withheld.get(
                str(record.get("item") or ""), 0) + 1
            continue
        details = fields.get("details") or {}
        disclosed = record.get("disclosed") or {}
        for key, opening in disclosed.items():
            if not disclosure.opening_matches(details.get(key), opening):
                report.problems.append(f"custody.jsonl line {n}: the disclosed {key} does not "
                                       "match its commitment in the signed entry")
        report.undisclosed += sum(1 for k, v in details.items()
                                  if disclosure.is_commitment(v) and k not in disclosed)
        shown = dict(fields)
        shown["details"] = {k: disclosed[k]["value"] if k in disclosed else v
                            for k, v in details.items()}
        events.setdefault(fields.get("item") or "", []).append(shown)
    return events, withheld


def _check_exhibit(path: Path, row: dict[str, str], history: list[dict[str, Any]],
                   withheld: int, report: PackageReport) -> None:
    number = row.get("exhibit", "?")
    data = path / row.get("file", "")
    if data.is_file():
        digest = hashlib.sha256()
        with open(data, "rb") as f:
            while block := f.read(1 << 20):
                digest.update(block)
        if not hmac.compare_digest(digest.hexdigest(), row.get("sha256", "")):
            report.problems.append(f"{number}: the file does not hash to the listed SHA-256")
    else:
        report.problems.append(f"{number}: {row.get('file')} is missing")
    intakes = [e for e in history if e.get("action") in ("import", "intake-again")]
    if not intakes and withheld:
        report.notes.append(f"{number}: its intake is among the withheld older records; the "
                            "package cannot show which bytes were taken in")
    elif not intakes:
        report.problems.append(f"{number}: no intake event in the custody record")
    elif any(e.get("sha256") != row.get("sha256") for e in intakes):
        report.problems.append(f"{number}: the custody record took in different bytes")
    if not any(e.get("action") == "export" for e in history):
        report.problems.append(f"{number}: no export event in the custody record")
