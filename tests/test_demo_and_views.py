"""The demo vault, the smart-view counts, recordings paired with their transcripts, and the
passphrase strength hint: the archive side of what the desktop app shows."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from archive import Vault
from archive.catalog.records import name_stem
from archive.demo import DEMO_CASE, build_demo_vault
from archive.passphrase import strength_level
from conftest import PASSPHRASE


@pytest.fixture
def demo(tmp_path: Path):  # type: ignore[no-untyped-def]
    vault = build_demo_vault(tmp_path / "demo", PASSPHRASE)
    yield vault
    vault.lock()


def test_demo_vault_has_what_the_readme_promises(demo: Vault) -> None:
    kinds = sorted(s.kind for s in demo.items())
    assert kinds.count("photo") == 4 and kinds.count("audio") == 1
    assert kinds.count("video") == 1 and kinds.count("transcript") == 4
    photos = demo.items(kind="photo")
    assert all(p.has_location and p.thumbnail_id for p in photos)
    assert all(s.cases == (DEMO_CASE,) for s in demo.items())
    assert demo.search("паспорт")[0].timecode == pytest.approx(3.5)
    assert not demo.check_custody()


def test_counts_by_kind_case_and_time(demo: Vault) -> None:
    assert demo.item_count() == 10
    assert demo.item_count(kind="photo") == 4
    assert demo.item_count(case=DEMO_CASE, kind="transcript") == 4
    assert demo.item_count(case="no such case") == 0
    soon = (datetime.now(UTC) + timedelta(minutes=5)).replace(tzinfo=None)
    past = (datetime.now(UTC) - timedelta(days=1)).replace(tzinfo=None)
    assert demo.item_count(since=soon) == 0 and demo.item_count(since=past) == 10
    assert len(demo.items(kind="audio", since=past)) == 1


def test_transcripts_find_their_recordings_and_back(demo: Vault) -> None:
    by_name = {s.original_name: s for s in demo.items()}
    srt, wav = by_name["interview-7.srt"], by_name["interview-7.wav"]
    assert [r.id for r in demo.related_recordings(srt.id)] == [wav.id]
    assert [r.id for r in demo.related_recordings(wav.id)] == [srt.id]
    assert demo.related_recordings(by_name["shop-front.jpg"].id) == []
    assert demo.related_recordings(by_name["kuali-kk.txt"].id) == []


def test_name_stems() -> None:
    assert name_stem("Interview-7.RU.srt") == name_stem("interview-7.m4a") == "interview-7"
    assert name_stem("report.final.docx") == "report.final"
    assert name_stem("README") == "readme"


@pytest.mark.parametrize(("passphrase", "level"), [
    ("", 0), ("1234", 0), ("aaaaaaaaaaaa", 0), ("password", 1),
    ("quiet river under seven bridges", 4), ("Паспорта забрали в подвале", 4)])
def test_strength_hint(passphrase: str, level: int) -> None:
    assert strength_level(passphrase) == level
