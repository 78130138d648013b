"""Regenerate the committed test vault with the product itself (after a format or schema change).

    .venv/bin/python tests/vectors/make_vectors.py

The vault gets a few originals (text, a small PNG with its thumbnail, a two-chunk binary, one
to delete), two cases, tags, notes, a second intake, views, an export, a verify run, a
passphrase change and a deletion, so that every table a reader needs holds rows and the custody
log has several checkpoints. Inputs, names, file times, the actor and the host name are fixed;
keys, nonces, ids and times are random or current, as in any vault.
tiny-vault.json holds what a reader must find; its item hashes and note hashes are computed here
from the inputs, not read back from the vault.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import shutil
import socket
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from PIL import Image  # noqa: E402
from sqlalchemy import text  # noqa: E402

from archive import Vault  # noqa: E402
from archive.intake.results import ImportOptions  # noqa: E402
from crypto.kdf import CHEAP_FOR_TESTS  # noqa: E402

PASSPHRASE = "strongroom test vector / тестовый вектор"  # noqa: S105
SLOTS_PER_PACK = 2
ACTOR = "examiner"
FILE_TIME = 1_700_000_000  # 2023-11-14T22:13:20Z, every input file's access and change time
CASE = "Bridge 2024 / Мост"
SECOND_CASE = "Harbour"


def _png() -> bytes:
    out = io.BytesIO()
    image = Image.new("RGB", (24, 16))
    image.putdata([(x * 10, y * 15, 128) for y in range(16) for x in range(24)])
    image.save(out, "PNG")
    return out.getvalue()


INPUTS = {
    "statement.txt": "Witness statement.\nПоказания свидетеля: мост, 14:05.\n".encode(),
    "bridge.png": _png(),
    "recording.bin": bytes((i * 7) % 251 for i in range(70_000)),  # two chunks
    "mistake.bin": b"imported by mistake\n",
}
NOTES = {"bridge.png": ["Seen from the east bank \u2014 14:05", "Second look: no people"]}


def _write_inputs(folder: Path) -> dict[str, Path]:
    paths = {}
    for name, data in INPUTS.items():
        path = folder / name
        path.write_bytes(data)
        os.utime(path, (FILE_TIME, FILE_TIME))
        paths[name] = path
    return paths


def build(target: Path, work: Path) -> dict[str, object]:
    shutil.rmtree(target, ignore_errors=True)
    socket.gethostname = lambda: "vector-host"  # type: ignore[assignment]  # keep ours out
    first, second = work / "evidence", work / "copies"
    first.mkdir()
    second.mkdir()
    paths = _write_inputs(first)
    copy = second / "statement-copy.txt"
    copy.write_bytes(INPUTS["statement.txt"])
    os.utime(copy, (FILE_TIME, FILE_TIME))

    vault, recovery = Vault.create(target, PASSPHRASE, kdf_params=CHEAP_FOR_TESTS,
                                   slots_per_pack=SLOTS_PER_PACK)
    report = vault.import_paths(list(paths.values()), options=ImportOptions(
        case=CASE, tags=("river", "witness"), actor=ACTOR, extra_digests=("md5", "sha1")))
    ids = {Path(r.path).name: r.item_id for r in report.results}
    assert len(ids) == len(INPUTS) and all(ids.values()), report.results  # noqa: S101
    # The same bytes again from another folder, into another case, with another tag.
    vault.import_paths([copy], options=ImportOptions(case=SECOND_CASE, tags=("copy",),
                                                     actor=ACTOR))
    for body in NOTES["bridge.png"]:
        vault.add_note(ids["bridge.png"], body, actor=ACTOR)
    vault.change_tags(ids["bridge.png"], add=["bridge"], remove=["river"], actor=ACTOR)
    vault.open_original(ids["bridge.png"], purpose="view", actor=ACTOR).close()
    vault.open_original(ids["statement.txt"], purpose="open", actor=ACTOR,
                        details={"via": "cli cat"}).close()
    vault.export(work / "package", case=CASE, actor=ACTOR)
    vault.delete_item(ids["mistake.bin"], "imported by mistake", actor=ACTOR)
    assert vault.verify(actor=ACTOR).ok  # noqa: S101
    vault.change_passphrase(PASSPHRASE, CHEAP_FOR_TESTS, actor=ACTOR)

    log = vault.custody
    expected_log = {
        "origin": log.origin,
        "tree_size": log.size,
        "root": log.root().hex(),
        "actions": [e.action for e in vault.custody_events()],
    }
    public_key = log.public_key()
    with vault.core.sessions() as session:  # the one catalog read the generator needs
        revision = session.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
        checkpoints = session.execute(text("SELECT count(*) FROM checkpoints")).scalar_one()
    vault.lock()
    (target / "lock").unlink()

    tags = {"statement.txt": ["copy", "river", "witness"], "bridge.png": ["bridge", "witness"],
            "recording.bin": ["river", "witness"]}
    cases = {name: [CASE] for name in tags}
    cases["statement.txt"] = [CASE, SECOND_CASE]
    items = []
    for name, data in INPUTS.items():
        if name == "mistake.bin":
            continue
        items.append({
            "id": ids[name], "original_name": name, "size": len(data),
            "sha256": hashlib.sha256(data).hexdigest(), "md5": hashlib.md5(data).hexdigest(),  # noqa: S324
            "tags": tags[name], "cases": sorted(cases[name]),
            "notes": [{"body": b, "sha256": hashlib.sha256(b.encode()).hexdigest()}
                      for b in NOTES.get(name, [])],
            "intakes": 2 if name == "statement.txt" else 1,
        })
    deleted = INPUTS["mistake.bin"]
    return {
        "passphrase": PASSPHRASE,
        "recovery_key": recovery,
        "catalog_revision": revision,
        "slots_per_pack": SLOTS_PER_PACK,
        "vault_id": expected_log["origin"].removeprefix("strongroom/"),  # type: ignore[union-attr]
        "public_key": base64.b64encode(public_key).decode(),
        "custody": {**expected_log, "checkpoints": checkpoints},
        "cases": sorted([CASE, SECOND_CASE]),
        "items": items,
        "deleted": [{"id": ids["mistake.bin"], "sha256": hashlib.sha256(deleted).hexdigest()}],
    }


def main() -> None:
    target = HERE / "tiny-vault"
    with tempfile.TemporaryDirectory() as work:
        expected = build(target, Path(work))
    (HERE / "tiny-vault.json").write_text(
        json.dumps(expected, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
