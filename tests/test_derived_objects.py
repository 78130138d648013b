"""Nothing on disk follows what was extracted: extracted text and cues live in sealed pack
objects, so the catalog's size is the same for texts of 1, 3 and 7 MB; search still finds their
words; a deleted item leaves no derived object that can be read; an old catalog's text moves into
objects on upgrade."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from alembic import command
from sqlalchemy import select

import fixtures as fx
from archive import Vault
from archive.catalog import engine as catalog
from archive.catalog.models import Item, ItemText, StoredObject
from archive.core import _store_on
from archive.errors import ObjectMissing
from archive.storage.header import read_header
from conftest import PASSPHRASE
from crypto import keys

VECTORS = Path(__file__).parent / "vectors"
MB = 1024 * 1024


def _words(seed: int, size: int, marker: str) -> str:
    """``size`` bytes of made-up words (a fixed vocabulary of 5000) with ``marker`` in the
    middle, so that the text cannot be compressed away and search has a word to find."""
    rng = random.Random(seed)
    vocabulary = ["".join(rng.choice("abcdefghiklmnoprstuvwyz") for _ in range(rng.randint(3, 9)))
                  for _ in range(5000)]
    out: list[str] = []
    length = 0
    while length < size:
        line = " ".join(rng.choice(vocabulary) for _ in range(12))
        if not out or len(out) == 1000:
            line += f" {marker}"
        out.append(line)
        length += len(line) + 1
    return "\n".join(out)[:size]


def _catalog_bytes(folder: Path) -> int:
    """The catalog as it rests on disk: the database and its write-ahead log."""
    return sum(p.stat().st_size for p in folder.glob("catalog.db*"))


def test_catalog_size_does_not_follow_the_size_of_extracted_text(tmp_path: Path) -> None:
    sizes: dict[int, int] = {}
    packs: dict[int, int] = {}
    for megabytes in (1, 3, 7):
        marker = f"needleword{megabytes}x"
        source = tmp_path / f"in{megabytes}" / "statement.txt"
        source.parent.mkdir()
        source.write_text(_words(megabytes, megabytes * MB, marker), encoding="utf-8")
        folder = tmp_path / f"vault{megabytes}"
        vault, _recovery = Vault.create(folder, PASSPHRASE, slots_per_pack=64)
        try:
            report = vault.import_paths([source])
            assert report.ok, [r.message() for r in report.results]
            item_id = report.results[0].item_id
            assert item_id is not None
            body, _cues = vault.item_text(item_id)
            assert body is not None and len(body.encode()) == megabytes * MB  # kept whole
            assert [h.id for h in vault.search(marker)] == [item_id]  # search reads it
        finally:
            vault.lock()
        sizes[megabytes] = _catalog_bytes(folder)
        packs[megabytes] = len(list((folder / "packs").iterdir()))
    # The text went to the packs (more of them for more text), not to the catalog: the three
    # catalogs differ by a few pages, where before they differed by the texts' sizes.
    assert packs[7] > packs[1]
    assert max(sizes.values()) - min(sizes.values()) < 64 * 1024, sizes
    assert max(sizes.values()) < 1 * MB, sizes


def _flip_object(vault: Vault, object_id: str) -> None:
    info = vault.core.objects.info(object_id)
    ext = info.extents[0]
    from archive.storage.packs import PACK_DIR, pack_name
    from crypto.chunks import SLOT_BYTES

    with open(vault.path / PACK_DIR / pack_name(ext.pack), "r+b") as pack:
        pack.seek(ext.first_slot * SLOT_BYTES + 77)
        byte = pack.read(1)
        pack.seek(-1, 1)
        pack.write(bytes([byte[0] ^ 0x10]))
    vault.core.objects.forget_cached()


def _import_transcripts(vault: Vault, tmp_path: Path) -> dict[str, str]:
    folder = tmp_path / "in"
    folder.mkdir()
    fx.transcripts(folder)
    fx.jpeg(folder / "door.jpg")
    report = vault.import_paths([folder])
    assert report.ok
    return {r.path.name: r.item_id for r in report.results if r.item_id}


def test_a_deleted_item_leaves_no_readable_derived_object(small_vault: Vault,
                                                          tmp_path: Path) -> None:
    ids = _import_transcripts(small_vault, tmp_path)
    srt, photo = ids["interview.srt"], ids["door.jpg"]
    core = small_vault.core
    with core.sessions() as session:
        text_object = session.get(ItemText, srt)
        assert text_object is not None
        item = session.get(Item, photo)
        assert item is not None and item.metadata_dump_id and item.thumbnail_id
        doomed = {"text": text_object.object_id, "tags": item.metadata_dump_id, "thumbnail": item.thumbnail_id}
    infos = {what: core.objects.info(object_id) for what, object_id in doomed.items()}
    assert all(b"".join(core.objects.read_chunks(i, 0, i.chunks - 1)) for i in infos.values())
    small_vault.delete_item(srt, "not this case")
    small_vault.delete_item(photo, "not this case")
    core.objects.forget_cached()
    with core.sessions() as session:
        left = set(session.scalars(select(StoredObject.id)))
        keys_left = set(session.scalars(select(StoredObject.data_key)))
        assert session.scalars(select(ItemText).where(ItemText.item_id == srt)).first() is None
    for what, object_id in doomed.items():
        assert object_id not in left, what
        assert infos[what].data_key not in keys_left, what  # the key is gone: crypto-erased
        with pytest.raises(ObjectMissing):
            b"".join(core.objects.iter_plaintext(object_id))
    assert not {h.id for h in small_vault.search("подвале")} & {srt, photo}


def test_text_survives_a_downgrade_to_the_previous_revision_and_back(
        vault_path: Path, tmp_path: Path) -> None:
    """A catalog at the previous revision (text in rows) made from a vault of today's code by
    the migration's downgrade: unlocking moves the text back into objects, word for word."""
    vault, _recovery = Vault.create(vault_path, PASSPHRASE, slots_per_pack=64)
    ids = _import_transcripts(vault, tmp_path)
    before = {name: vault.item_text(item_id) for name, item_id in ids.items()}
    assert before["interview.srt"][1]  # cues
    core = vault.core
    header = read_header(vault_path)
    cfg = catalog.alembic_config(core.engine)
    cfg.attributes["object_store"] = lambda conn: _store_on(vault_path, header, conn)
    catalog_key = core.subkey(keys.Purpose.CATALOG)
    command.downgrade(cfg, "0007_case_work")
    vault.lock()
    with sqlcipher.connect(str(vault_path / "catalog.db")) as conn:
        conn.execute(f"PRAGMA key = \"x'{catalog_key.hex()}'\"")
        rows = dict(conn.execute("SELECT item_id, body FROM item_texts").fetchall())
        assert rows[ids["interview.srt"]] == before["interview.srt"][0]  # back in the rows
        cues = conn.execute("SELECT cues FROM item_texts WHERE item_id = ?",
                            (ids["interview.srt"],)).fetchone()[0]
        assert json.loads(cues) == before["interview.srt"][1]

    again = Vault.open(vault_path)
    again.unlock(PASSPHRASE)
    try:
        assert {name: again.item_text(item_id) for name, item_id in ids.items()} == before
        assert again.search("подвале")
        assert again.verify().ok
    finally:
        again.lock()
    with sqlcipher.connect(str(vault_path / "catalog.db")) as conn:
        conn.execute(f"PRAGMA key = \"x'{catalog_key.hex()}'\"")
        columns = {r[1] for r in conn.execute("PRAGMA table_info(item_texts)")}
        assert "body" not in columns and "cues" not in columns
        assert columns >= {"object_id", "sha256", "cue_count"}


def test_the_committed_old_vector_upgrades_and_reads_its_text_back(tmp_path: Path) -> None:
    """tests/vectors/tiny-vault was written at catalog revision 0003, text in rows."""
    expected = json.loads((VECTORS / "tiny-vault.json").read_text(encoding="utf-8"))
    assert expected["catalog_revision"] < "0008"
    folder = tmp_path / "tiny-vault"
    shutil.copytree(VECTORS / "tiny-vault", folder)
    statement = next(i for i in expected["items"] if i["original_name"] == "statement.txt")
    vault = Vault.open(folder)
    vault.unlock(expected["passphrase"])
    try:
        body, cues = vault.item_text(statement["id"])
        assert body == "Witness statement.\nПоказания свидетеля: мост, 14:05.\n"
        assert cues is None
        assert [h.id for h in vault.search("свидетеля")] == [statement["id"]]
        with vault.core.sessions() as session:
            row = session.get(ItemText, statement["id"])
            assert row is not None
            assert b"".join(vault.core.objects.iter_plaintext(row.object_id)).startswith(b"{")
        # Every older migration kept what hangs off the items (none cascaded a delete).
        for want in expected["items"]:
            detail = vault.item_detail(want["id"])
            assert sorted(detail.tags) == sorted(want["tags"])
            assert sorted(detail.cases) == sorted(want["cases"])
            assert [n.text for n in detail.notes] == [n["body"] for n in want["notes"]]
            assert len(detail.provenance) == want["intakes"]
        assert vault.verify().ok
    finally:
        vault.lock()


def test_the_metadata_summary_kept_in_the_catalog_is_bounded() -> None:
    """What a file's metadata puts in its catalog row is capped as a whole, whatever the file
    claims (every tag still goes to the sealed dump)."""
    from archive.extract import Extracted
    from archive.intake.reading import MAX_META_CHARS, bound

    found = Extracted(meta={"tags": {f"k{i}": "x" * 4000 for i in range(300)},
                            "dates": [{"tag": "y" * 3000}] * 900,
                            "deep": {"a": {"b": {"c": ["z" * 5000] * 50}}}})
    bound(found)
    assert len(json.dumps(found.meta, ensure_ascii=False)) <= MAX_META_CHARS
    assert any("long values were cut" in p for p in found.problems)
    small = Extracted(meta={"make": "Canon", "model": "EOS"})
    assert bound(small).meta == {"make": "Canon", "model": "EOS"} and not small.problems
