"""A deleted item leaves nothing behind, checked on the disk with SQLCipher and the index files
read back: no catalog row names it or holds its text, its thumbnail's object and slots are
freed, the search index files no longer contain its words, and search finds nothing."""

from __future__ import annotations

from pathlib import Path

from disk_checks import catalog, dump, index_bytes, rows_naming

import fixtures as fx
from archive import Vault
from archive.intake.results import ImportOptions
from conftest import PASSPHRASE
from crypto import keys

WORD = "Zharkentovich"  # in the text, the note and the tag only; never in a file name


def test_a_deleted_item_leaves_nothing_behind(vault_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    photo = fx.jpeg(folder / "door.jpg")
    (folder / "statement.txt").write_text(f"The driver {WORD} kept them in the basement.",
                                          encoding="utf-8")
    fx.jpeg(folder / "kept.jpg", seed=5, gps=False)
    vault, _key = Vault.create(vault_path, PASSPHRASE, slots_per_pack=64)
    report = vault.import_paths([folder], options=ImportOptions(case="Basement"))
    ids = {r.path.name: r.item_id for r in report.results if r.item_id}
    doomed, text_item = ids["door.jpg"], ids["statement.txt"]
    vault.add_note(doomed, f"the back door, as {WORD} said")
    vault.change_tags(doomed, add=[WORD.lower()])
    catalog_key = vault.core.subkey(keys.Purpose.CATALOG)
    thumb = vault.item_detail(doomed).thumbnail_id
    assert thumb is not None

    # the positive control: before deletion the word is in the catalog and in the index
    assert WORD.lower().encode() in index_bytes(vault).lower()
    assert {h.id for h in vault.search(WORD)} == {doomed, text_item}
    vault.lock()
    with catalog(vault_path, catalog_key) as conn:
        before = dump(conn)
        thumb_extents = conn.execute("SELECT pack, first_slot, slot_count FROM object_extents "
                                     "WHERE object_id = ?", (thumb,)).fetchall()
    assert doomed in before and WORD in before and thumb_extents

    vault = Vault.open(vault_path)
    vault.unlock(PASSPHRASE)
    try:
        vault.delete_item(doomed, "imported by mistake")
        vault.delete_item(text_item, "not this case")
        assert vault.search(WORD) == [] and vault.search("door") == []
        assert vault.search("driver") == []
        index = index_bytes(vault)
        assert WORD.lower().encode() not in index.lower()
        assert doomed.encode() not in index and text_item.encode() not in index
        assert [i.original_name for i in vault.items()] == ["kept.jpg"]
    finally:
        vault.lock()

    with catalog(vault_path, catalog_key) as conn:
        assert set(rows_naming(conn, (doomed, text_item)).values()) == {0}
        assert conn.execute("SELECT count(*) FROM objects WHERE id = ?", (thumb,)).fetchone() \
            == (0,)
        # its data key is gone and its slots no longer belong to it (free, or reused since)
        assert conn.execute("SELECT count(*) FROM object_extents WHERE object_id = ?",
                            (thumb,)).fetchone() == (0,)
        owners = {r for (pack, first, _n) in thumb_extents for r in conn.execute(
            "SELECT object_id FROM object_extents WHERE pack = ? AND first_slot <= ? "
            "AND first_slot + slot_count > ?", (pack, first, first))}
        assert all(o[0] != thumb for o in owners)
        after = dump(conn)
        # only the custody record keeps the item: its id, hash and the reason (never its text)
        assert WORD not in after and WORD.lower() not in after
        events = [r[0] for r in conn.execute("SELECT action FROM custody_events "
                                             "WHERE item_id = ? ORDER BY seq", (doomed,))]
        assert events[-1] == "deletion-request"
        assert fx.GPS_LAT not in [r[0] for r in conn.execute("SELECT gps_lat FROM items")]
    assert photo.read_bytes()  # the original file outside the vault is untouched
