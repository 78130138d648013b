"""A vault open read-only cannot store derived data it rebuilds: a damaged extracted text or tag
dump is made again in memory, once, and kept while the vault stays open. Later reads give the
same text without running the readers again; nothing is written in the vault folder; locking
drops what was kept."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from test_derived_objects_heal import _dump_object, _flip, _text_object

import fixtures as fx
from archive import Vault, derived_access
from conftest import PASSPHRASE, WriteRecorder


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p): (p.stat().st_size, p.stat().st_mtime_ns) for p in sorted(folder.rglob("*"))}


def test_a_read_only_vault_heals_derived_data_in_memory_once(
        small_vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        written_files: WriteRecorder) -> None:
    folder = tmp_path / "in"
    fx.transcripts(folder)
    fx.jpeg(folder / "door.jpg")
    report = small_vault.import_paths([folder])
    assert report.ok
    ids = {r.path.name: r.item_id for r in report.results if r.item_id}
    srt, photo = ids["interview.srt"], ids["door.jpg"]
    text, cues = small_vault.item_text(srt)
    tags = small_vault.all_metadata(photo)
    assert text and cues and tags
    _flip(small_vault, _text_object(small_vault, srt))
    _flip(small_vault, _dump_object(small_vault, photo))
    small_vault.lock()

    readings: list[str] = []
    real = derived_access.read_again_in_memory

    def counted(core, item_id):  # type: ignore[no-untyped-def]
        readings.append(item_id)
        return real(core, item_id)

    monkeypatch.setattr(derived_access, "read_again_in_memory", counted)
    before = _snapshot(small_vault.path)
    vault = Vault.open(small_vault.path)
    vault.unlock(PASSPHRASE, read_only=True)
    written_files.paths.clear()  # from here on: the reads (the shared lock opens its file)
    try:
        assert vault.read_only
        for _ in range(3):
            assert vault.item_text(srt) == (text, cues)
            assert vault.all_metadata(photo) == tags
        assert sorted(readings) == sorted([srt, photo])  # the readers ran once per item
        assert vault.search("подвале")  # the snippet's text comes from memory too
        assert sorted(readings) == sorted([srt, photo])
        core = vault.core
    finally:
        vault.lock()
    assert core.healed_in_memory == {}  # dropped at lock
    assert _snapshot(small_vault.path) == before
    assert not [p for p in written_files.paths
                if os.fspath(p).startswith(os.fspath(small_vault.path))]
