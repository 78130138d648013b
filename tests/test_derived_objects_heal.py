"""Derived data heals: a changed bit in the slot of an item's text object or tag dump is reported
by ``verify`` and ``reindex`` and the object is made again from the original through the
sandboxed readers; unlock, ``list`` and ``show`` never fail because of it."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from sqlalchemy import select

import fixtures as fx
from archive import Vault
from archive.catalog.models import CustodyEvent, Item, ItemText
from archive.cli.main import main
from archive.storage.packs import PACK_DIR, pack_name
from conftest import PASSPHRASE
from crypto.chunks import SLOT_BYTES


def _flip(vault: Vault, object_id: str) -> None:
    """Change one bit inside the first sealed chunk of an object, in its pack file."""
    ext = vault.core.objects.info(object_id).extents[0]
    with open(vault.path / PACK_DIR / pack_name(ext.pack), "r+b") as pack:
        pack.seek(ext.first_slot * SLOT_BYTES + 61)
        byte = pack.read(1)
        pack.seek(-1, 1)
        pack.write(bytes([byte[0] ^ 0x04]))
    vault.core.objects.forget_cached()


def _text_object(vault: Vault, item_id: str) -> str:
    with vault.core.sessions() as session:
        row = session.get(ItemText, item_id)
        assert row is not None
        return row.object_id


def _dump_object(vault: Vault, item_id: str) -> str:
    with vault.core.sessions() as session:
        item = session.get(Item, item_id)
        assert item is not None and item.metadata_dump_id is not None
        return item.metadata_dump_id


@pytest.fixture
def imported(small_vault: Vault, tmp_path: Path) -> dict[str, str]:
    folder = tmp_path / "in"
    fx.transcripts(folder)
    fx.jpeg(folder / "door.jpg")
    report = small_vault.import_paths([folder])
    assert report.ok
    return {r.path.name: r.item_id for r in report.results if r.item_id}


def _extract_events(vault: Vault, item_id: str) -> int:
    with vault.core.sessions() as session:
        return len(session.scalars(select(CustodyEvent.seq).where(
            CustodyEvent.item_id == item_id, CustodyEvent.action == "extract")).all())


def test_verify_reports_a_damaged_text_and_rebuilds_it(small_vault: Vault,
                                                       imported: dict[str, str]) -> None:
    srt = imported["interview.srt"]
    body, cues = small_vault.item_text(srt)
    assert body and cues
    damaged = _text_object(small_vault, srt)
    _flip(small_vault, damaged)

    report = small_vault.verify()
    assert not report.ok
    [damage] = report.damaged
    assert damage.item_id == srt
    assert "extracted text (derived, rebuildable)" in damage.problem
    assert "rebuilt from the original" in damage.problem
    assert _text_object(small_vault, srt) != damaged  # a new object in its place
    assert small_vault.item_text(srt) == (body, cues)  # word for word, cue for cue
    assert _extract_events(small_vault, srt) == 2  # intake's, and the rebuild's
    again = small_vault.verify()
    assert again.ok, again.as_json()


def test_a_damaged_tag_dump_is_rebuilt_when_read(small_vault: Vault,
                                                 imported: dict[str, str]) -> None:
    photo = imported["door.jpg"]
    tags = small_vault.all_metadata(photo)
    assert tags
    damaged = _dump_object(small_vault, photo)
    _flip(small_vault, damaged)
    assert small_vault.all_metadata(photo) == tags  # healed on the way
    assert _dump_object(small_vault, photo) != damaged
    assert small_vault.verify().ok


def test_unlock_list_and_show_go_on_over_a_damaged_text(
        small_vault: Vault, imported: dict[str, str], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture) -> None:
    srt = imported["interview.srt"]
    _flip(small_vault, _text_object(small_vault, srt))
    _flip(small_vault, _dump_object(small_vault, imported["door.jpg"]))
    small_vault.lock()
    monkeypatch.setenv("STRONGROOM_PASSPHRASE", PASSPHRASE)
    path = str(small_vault.path)
    with caplog.at_level(logging.WARNING):
        assert main(["list", path]) == 0
        assert main(["show", path, srt]) == 0
        assert main(["search", path, "подвале"]) == 0
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    assert srt in out.out


def test_reindex_reports_and_rebuilds_a_damaged_text(
        small_vault: Vault, imported: dict[str, str], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    srt = imported["interview.srt"]
    body, _cues = small_vault.item_text(srt)
    damaged = _text_object(small_vault, srt)
    _flip(small_vault, damaged)
    small_vault.lock()
    monkeypatch.setenv("STRONGROOM_PASSPHRASE", PASSPHRASE)
    assert main(["reindex", str(small_vault.path)]) == 0
    said = capsys.readouterr().err
    assert f"REBUILT item {srt}: extracted text failed its check" in said
    vault = Vault.open(small_vault.path)
    vault.unlock(PASSPHRASE)
    try:
        assert _text_object(vault, srt) != damaged
        assert vault.item_text(srt)[0] == body
        word = next(w for w in body.split() if len(w) > 6 and w.isalpha())
        assert srt in {h.id for h in vault.search(word)}
        assert vault.verify().ok
    finally:
        vault.lock()


def test_verify_rebuilds_a_damaged_thumbnail(small_vault: Vault,
                                             imported: dict[str, str]) -> None:
    photo = imported["door.jpg"]
    before = small_vault.thumbnail(photo)
    assert before is not None and before.startswith(b"\xff\xd8\xff")
    damaged = small_vault.item_detail(photo).thumbnail_id
    assert damaged is not None
    _flip(small_vault, damaged)
    report = small_vault.verify()
    [damage] = report.damaged
    assert damage.item_id == photo
    assert damage.problem.startswith("thumbnail (derived, rebuildable)")
    assert damage.problem.endswith("rebuilt from the original")
    assert small_vault.item_detail(photo).thumbnail_id != damaged
    assert small_vault.thumbnail(photo) == before  # the readers make the same JPEG again
    assert small_vault.verify().ok
