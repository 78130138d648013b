"""The real-world corpus beside the project (skipped where it is absent)."""

from __future__ import annotations

import hashlib

import pytest

from archive import Vault
from archive.intake.results import FAILED
from conftest import SHARED_CORPUS, vault_bytes

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason="../shared/corpus is not here"),
]


def test_whole_corpus_imports_and_reads_back(small_vault: Vault) -> None:
    report = small_vault.import_paths([SHARED_CORPUS])
    failed = [r.message() for r in report.results if r.status == FAILED]
    assert failed == []
    files = [p for p in SHARED_CORPUS.rglob("*") if p.is_file()]
    digests = {hashlib.sha256(p.read_bytes()).hexdigest() for p in files if p.stat().st_size}
    assert {i.sha256 for i in small_vault.items()} == digests
    assert small_vault.check_custody() == []


def test_corpus_expected_values(small_vault: Vault) -> None:
    small_vault.import_paths([SHARED_CORPUS / "photos" / "gps" / "DSCN0010.jpg",
                              SHARED_CORPUS / "video" / "courtyard-door.mov",
                              SHARED_CORPUS / "transcripts"])
    items = {i.original_name: small_vault.item_detail(i.id).as_json() for i in small_vault.items()}
    photo = items["DSCN0010.jpg"]
    assert photo["gps"]["lat"] == pytest.approx(43.4674, abs=1e-4)
    assert photo["gps"]["lon"] == pytest.approx(11.8851, abs=1e-4)
    assert photo["captured_local"].startswith("2008:10:22 16:28:39")
    video = items["courtyard-door.mov"]
    assert (video["gps"]["lat"], video["gps"]["lon"]) == (55.8611, 37.5869)
    assert video["captured_at"] == "2024-10-30T03:25:00Z"
    assert items["witness-statement-cp1251.txt"]["text_encoding"] == "cp1251"
    assert items["neighbour-statement-utf16.txt"]["kind"] == "transcript"
    _, cues = small_vault.item_text(items["interview-2024-03-11-ru.srt"]["id"])
    assert cues and cues[0]["start"] == 12.0


def test_corpus_control_markers_never_on_disk(small_vault: Vault) -> None:
    small_vault.import_paths([SHARED_CORPUS / "transcripts"])
    markers = set()
    for path in (SHARED_CORPUS / "transcripts").iterdir():
        raw = path.read_bytes()
        for encoding in ("utf-8", "utf-16", "cp1251"):
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError:
                continue
            markers.update(w.strip(".,;:()") for w in text.split() if w.startswith("KESTREL-"))
    assert markers
    for path, data in vault_bytes(small_vault.path):
        for marker in markers:
            for enc in ("utf-8", "utf-16-le"):
                assert marker.encode(enc) not in data, f"{marker} readable in {path.name}"
