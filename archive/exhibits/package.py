"""Exhibit packages: a BagIt bag (RFC 8493) a court or a colleague can check with standard tools.

    data/EX-001_<original name> ...   the originals, bit-exact
    manifest-sha256.txt, manifest-sha512.txt, bagit.txt, bag-info.txt, tagmanifest-*.txt
    exhibits.csv        number, original name, SHA-256, kind, capture time, GPS, camera, intake
    tags/EX-001.json    every metadata tag read from each exhibit, and every date with its source
    custody.jsonl       the exported items' custody events, each with its inclusion proof
    checkpoint.txt      the signed checkpoint the proofs lead to (C2SP signed note)
    exhibit-report.pdf  the exhibit list and each exhibit's custody record, for the court
    public-key.pem      the vault's Ed25519 public key
    tagmanifest-sha256.txt.sig   raw Ed25519 signature over tagmanifest-sha256.txt
    README.txt          how to check all this without Strongroom

Only the exported items' events go out (never the whole log: it would reveal other exhibits'
hashes; each entry's random salt keeps a leaf from confirming a guess). The bag is written in a
hidden folder beside the target (see archive.exhibits.staging) and renamed into place only
when complete, after its export events are committed.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import bagit
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from archive.catalog.models import Case, CustodyEvent, Item
from archive.catalog.records import iso
from archive.custody.timestamp import PACKAGE_README
from archive.errors import BadInput, Cancelled
from archive.exhibits.fingerprint import key_fingerprint
from archive.exhibits.staging import staged_export
from archive.progress import Progress
from crypto import signing

if TYPE_CHECKING:
    from archive.core import VaultCore
    from archive.custody.log import Recorder

README = """\
This folder is an exhibit package made by Strongroom, an encrypted evidence archive.

It is a BagIt bag (RFC 8493). The originals are under data/, named by exhibit number and their
original file name, exactly as they were taken in.

FIRST, THE KEY. Everything below proves only that the package was signed by the key in
public-key.pem. Anyone can make a key and sign a doctored package with it. The package was
signed by the key with this fingerprint:

    {fingerprint}

Compare it, group by group, with the fingerprint the archive's keeper gives you another way
(read out on the phone, printed in a filing, shown by `strongroom info --fingerprint` on
their machine). If they differ, nothing below means anything. To compute it yourself: the first
20 bytes of SHA-256 over the 32-byte raw Ed25519 key (the last 32 bytes of the DER form of
public-key.pem), in RFC 4648 base32, in groups of four. Or run
    strongroom verify-export --key-fingerprint "<the fingerprint you were given>" .

How to check the rest with standard tools, without Strongroom:

1. Completeness and integrity of the files:
       bagit.py --validate .
   or  sha256sum -c manifest-sha256.txt     (and sha512sum -c manifest-sha512.txt)
   PROVES: every file listed in the manifests is here and unchanged since the manifests were
   written. It does NOT prove who wrote them: anyone can recompute a manifest.

2. That the manifests were signed with the key in public-key.pem:
       openssl pkeyutl -verify -pubin -inkey public-key.pem -rawin \\
           -in tagmanifest-sha256.txt -sigfile tagmanifest-sha256.txt.sig
   tagmanifest-sha256.txt lists the SHA-256 of manifest-sha256.txt, exhibits.csv,
   custody.jsonl, checkpoint.txt and exhibit-report.pdf, so the signature covers them all.
   PROVES: the holder of that key signed these exact files. Who holds the key is what the
   fingerprint comparison above establishes, and nothing else does.

3. The chain of custody: custody.jsonl has one line per recorded action on an exhibit (intake,
   metadata extraction, viewing, notes, export ...). "entry" is the exact record; its leaf hash
   is SHA-256(0x00 || entry) and "inclusion_proof" is its RFC 6962 audit path to the root hash
   in checkpoint.txt, which is signed with the same key (C2SP signed-note format; verifier key
   in checkpoint-verifier-key.txt).
   PROVES: each action was in the archive's log when that checkpoint was signed, in that order.
   Any later checkpoint from the same archive must extend this one (an RFC 6962 consistency
   proof), which is how a later removal or rewrite would be caught.

   What the custody record discloses: details about other cases, tags and notes are salted
   commitments, "commitment" = hex SHA-256(salt || canonical JSON of the value). For what
   concerns the exported case(s) the line's "disclosed" member gives the value and its salt
   (base64), so you can recompute the commitment; the others read "not disclosed" and cannot be
   confirmed by guessing. Lines marked "withheld" are older records given as their leaf hash
   and inclusion proof only.

exhibits.csv (UTF-8) lists each exhibit with its SHA-256, kind, the capture time and place as
the device recorded them ("zone unknown" where the device did not record its time zone), camera,
and when (UTC) and by whom it was imported into the archive; captured_source names the metadata
tag the capture time was read from. tags/EX-001.json (one per exhibit) holds every metadata tag
read from that original, grouped and named as ExifTool's "exiftool -a -G1 -j" shows them, and
every date found with its source tag and whether its time zone is known, so the readings can be
compared with any other tool. exhibit-report.pdf shows the same list and each exhibit's custody
record for reading; the files above are the authoritative ones.
"""


@dataclass(frozen=True)
class ExportResult:
    path: Path
    exhibits: list[tuple[str, str, str]]  # (number, item id, file name)


MAX_NAME_BYTES = 200  # file systems allow 255 bytes per name; room is left for the number


def _cut_utf8(text: str, limit: int) -> str:
    """At most ``limit`` bytes of ``text`` in UTF-8, never splitting a character."""
    return text.encode("utf-8")[:limit].decode("utf-8", "ignore")


def safe_name(name: str) -> str:
    """A file name that is safe on every file system, keeping letters of any script. Long
    names are cut by their size in UTF-8 bytes (what file systems count), keeping the
    extension."""
    name = unicodedata.normalize("NFC", name)
    name = re.sub(r"[\x00-\x1f\x7f/\\:*?\"<>|]", "_", name).strip(" .")
    if len(name.encode("utf-8")) > MAX_NAME_BYTES:
        stem, dot, ext = name.rpartition(".")
        if dot and stem and 0 < len(ext.encode("utf-8")) <= 16:
            name = _cut_utf8(stem, MAX_NAME_BYTES - 1 - len(ext.encode("utf-8"))) + "." + ext
        else:
            name = _cut_utf8(name, MAX_NAME_BYTES)
    return name or "unnamed"


def _as_cases(case: str | Sequence[str] | None) -> list[str]:
    if case is None:
        return []
    return [case] if isinstance(case, str) else list(case)


def _select_items(vault: VaultCore, case: str | Sequence[str] | None,
                  refs: Sequence[str]) -> list[Item]:
    cases = _as_cases(case)
    with vault.sessions() as session:
        query = select(Item).options(selectinload(Item.cases), selectinload(Item.intakes))
        for name in cases:
            if session.scalar(select(Case.id).where(Case.name == name)) is None:
                raise BadInput(f"there is no case {name!r} in this vault")
        if cases:
            query = query.where(Item.cases.any(Case.name.in_(cases)))
        items = list(session.scalars(query.order_by(Item.captured_at.is_(None),
                                                    Item.captured_at, Item.imported_at)))
        if refs:
            from archive.catalog.records import resolve_item

            wanted = [resolve_item(session, r).id for r in refs]
            by_id = {i.id: i for i in items}
            missing = [w for w in wanted if w not in by_id]
            if missing:
                raise BadInput(f"item {missing[0]} is not in the case being exported")
            items = [by_id[w] for w in wanted]
        session.expunge_all()
    if not items:
        raise BadInput("nothing to export: no items were selected")
    return items


def default_folder_name(case: str | Sequence[str] | None, when: datetime) -> str:
    """A folder name for a package of these cases, safe on every file system."""
    cases = _as_cases(case)
    label = " + ".join(cases) if cases else "selected exhibits"
    return safe_name(f"{label} exhibits {when:%Y-%m-%d %H%M%S}")[:120]


def write_bag(vault: VaultCore, out: Path, *, case: str | Sequence[str] | None = None,
              refs: Sequence[str] = (), actor: str | None = None,
              progress: Progress | None = None,
              cancel: Callable[[], bool] | None = None) -> ExportResult:
    cases = _as_cases(case)
    items = _select_items(vault, cases or None, refs)
    # Written in a folder the vault knows of, which the next unlock clears if this dies.
    with staged_export(vault.sessions, Path(out), "package") as staging:
        work, out = staging.folder, staging.target
        exhibits = []
        total = len(items)
        for n, item in enumerate(items, start=1):
            if cancel is not None and cancel():
                raise Cancelled()
            if progress is not None:
                progress(n - 1, total, item.original_name)
            number = f"EX-{n:03d}"
            filename = f"{number}_{safe_name(item.original_name)}"
            with vault.objects.open_reader(item.object_id) as reader, \
                    open(work / filename, "xb") as target:
                shutil.copyfileobj(reader, target, 1 << 20)
                target.flush()
                os.fsync(target.fileno())
            exhibits.append((number, item.id, filename))
        # The package carries its own export events and the checkpoint that covers them. They
        # are recorded in a transaction that stays open while the rest of the package is
        # written, and committed only when every file is in it.
        with vault.transaction(actor) as tx:
            for (number, _id, filename), item in zip(exhibits, items, strict=True):
                own = sorted({c.name for c in item.cases} & set(cases))
                tx.custody.record("export", item=item.id, sha256=item.sha256, size=item.size,
                                  details={"exhibit": number, "file": filename,
                                           "case": own[0] if own else "", "package": out.name,
                                           "destination": str(out.parent)})
            _finish_bag(vault, work, items, exhibits, cases, actor or tx.actor, tx.custody,
                        tx.session)
            staging.mark_recorded(tx.session)
        if progress is not None:
            progress(total, total, "")
    return ExportResult(out, exhibits)


def _finish_bag(vault: VaultCore, work: Path, items: list[Item],
                exhibits: list[tuple[str, str, str]], cases: list[str], exporter: str,
                recorder: Recorder, open_tx: Session) -> None:
    """The bag's manifests, tag files and signature around the originals already in ``work``;
    ``open_tx`` is the export's open transaction (its time-stamps are kept with it)."""
    exported_at = datetime.now(UTC).replace(microsecond=0)
    bag_info = {
        "Source-Organization": "Strongroom evidence archive",
        "External-Description": (f"Exhibits of case(s) {', '.join(cases)}" if cases
                                 else "Selected exhibits"),
        "Bagging-Date": exported_at.strftime("%Y-%m-%d"),
        "Bag-Count": "1 of 1",
        "Exhibit-Count": str(len(exhibits)),
        "Exported-By": exporter,
        "Exported-At": exported_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "Signing-Key-Fingerprint": key_fingerprint(vault.signer.public_key),
    }
    if cases:
        bag_info["Case"] = "; ".join(cases)
    bagit.make_bag(str(work), bag_info, checksums=["sha256", "sha512"])
    # The library writes version 0.97; the layout it makes is also valid BagIt 1.0
    # (RFC 8493), which it reads and validates, so the declaration is raised to 1.0.
    (work / "bagit.txt").write_text(
        "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n", encoding="utf-8")
    bag = bagit.Bag(str(work))
    _write_tag_files(vault, work, items, exhibits, cases, exporter, exported_at, recorder,
                     open_tx)
    bag.save(manifests=False)  # tag manifests now cover the tag files too
    signer = vault.signer
    (work / "public-key.pem").write_text(signing.public_key_pem(signer.public_key),
                                         encoding="ascii")
    (work / "tagmanifest-sha256.txt.sig").write_bytes(
        signer.sign((work / "tagmanifest-sha256.txt").read_bytes()))


def _write_metadata_files(vault: VaultCore, work: Path, items: list[Item],
                          exhibits: list[tuple[str, str, str]]) -> None:
    """tags/EX-001.json: what the readers saw in each original, for comparison with an
    examiner's own tools (groups and tag names as ExifTool's -a -G1 shows them)."""
    from archive.derived_access import metadata_of

    (work / "tags").mkdir()
    for (number, _item_id, filename), item in zip(exhibits, items, strict=True):
        dump = metadata_of(vault, item)
        meta = item.meta or {}
        record = {
            "exhibit": number, "file": f"data/{filename}", "sha256": item.sha256,
            "captured_at": iso(item.captured_at, bool(item.captured_is_utc)),
            "captured_source": item.captured_source, "captured_local": item.captured_local,
            "dates": meta.get("dates", []), "date_conflicts": meta.get("date_conflicts", []),
            "tags": dump,
        }
        (work / "tags" / f"{number}.json").write_text(
            json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
            encoding="utf-8")


def _when(moment: datetime | None, utc: bool = True) -> str:
    """To the second, with its zone, or saying that the zone is unknown."""
    if moment is None:
        return ""
    text = moment.replace(microsecond=0).isoformat()
    return text + "Z" if utc else f"{text} (zone unknown)"


def _write_tag_files(vault: VaultCore, work: Path, items: list[Item],
                     exhibits: list[tuple[str, str, str]], cases: list[str],
                     exporter: str, exported_at: datetime, recorder: Recorder,
                     open_tx: Session) -> None:
    from archive.custody import checkpoint as cp
    from archive.exhibits.custody_export import describe, package_line, readable

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(["exhibit", "file", "original_name", "sha256", "size", "kind",
                     "captured_at", "gps_lat", "gps_lon", "camera", "imported_at",
                     "imported_by", "item_id", "captured_source"])
    for (number, item_id, filename), item in zip(exhibits, items, strict=True):
        writer.writerow([number, f"data/{filename}", item.original_name, item.sha256, item.size,
                         item.kind, _when(item.captured_at, bool(item.captured_is_utc)),
                         "" if item.gps_lat is None else f"{item.gps_lat:.7f}",
                         "" if item.gps_lon is None else f"{item.gps_lon:.7f}",
                         item.camera or "", _when(item.imported_at), item.imported_by, item_id,
                         item.captured_source or ""])
    # UTF-8 with a byte order mark, so that spreadsheet programs read Cyrillic names right.
    (work / "exhibits.csv").write_text(buf.getvalue(), encoding="utf-8-sig")
    _write_metadata_files(vault, work, items, exhibits)

    log = vault.custody
    names = {item.original_name for item in items}
    note = recorder.checkpoint_note()  # covers the export events of this transaction
    head = cp.parse(note)
    wanted = {item.id for item in items}
    with vault.sessions() as session:
        query = (select(CustodyEvent.seq, CustodyEvent.entry, CustodyEvent.openings)
                 .where(CustodyEvent.item_id.in_(wanted)).order_by(CustodyEvent.seq))
        rows: list[tuple[int, bytes, bytes | None]] = [
            (r.seq, r.entry, r.openings) for r in session.execute(query)]
    rows += [(seq, raw, openings) for seq, item, raw, openings in recorder.pending()
             if item in wanted]
    records = [package_line(seq, raw, openings, recorder.inclusion_proof(seq), head.size,
                            set(cases), names) for seq, raw, openings in rows]
    lines = [json.dumps(r, ensure_ascii=False, sort_keys=True) for r in records]
    (work / "custody.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (work / "checkpoint.txt").write_text(note, encoding="utf-8")
    (work / "checkpoint-verifier-key.txt").write_text(
        cp.verifier_key(log.origin, log.public_key()) + "\n", encoding="ascii")
    # RFC 3161 tokens of the package's checkpoint, when the vault opted in: kept in the
    # catalog only if this transaction commits (else the package goes with it, unsent)
    stamps = vault.trust.package_files(head.size, note, open_tx)
    for name, data in stamps.items():
        (work / name).write_bytes(data)
    fingerprint = key_fingerprint(log.public_key())
    (work / "README.txt").write_text(README.format(fingerprint=fingerprint)
                                     + (PACKAGE_README if stamps else ""), encoding="utf-8")

    from archive.exhibits.report import build

    with open(work / "exhibits.csv", encoding="utf-8-sig", newline="") as f:
        table = list(csv.DictReader(f))
    history: dict[str, list[dict[str, object]]] = {}
    for record in records:
        if "entry" not in record:
            history.setdefault(record["item"] or "", []).append(
                {"seq": record["seq"], "withheld": True})
            continue
        fields = json.loads(record["entry"])
        fields["details_text"] = describe(readable(fields.get("details") or {},
                                                   record.get("disclosed", {})))
        history.setdefault(fields["item"], []).append(fields)
    (work / "exhibit-report.pdf").write_bytes(build(
        case=", ".join(cases) or None, exporter=exporter,
        exported_at=exported_at.strftime("%Y-%m-%d %H:%M:%S UTC"), checkpoint_note=note,
        public_key=log.public_key(), rows=table, events=history))
