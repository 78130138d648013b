"""Importing evidence: kinds, metadata against what the fixtures wrote, thumbnails, bit-exact
originals, deduplication, bad input, and the custody events each step leaves."""

from __future__ import annotations

import hashlib
import io
import os
from datetime import datetime
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select, text

import fixtures as fx
from archive import Vault
from archive.intake.results import DUPLICATE, FAILED, IMPORTED, ImportOptions
from conftest import PASSPHRASE


@pytest.fixture
def evidence(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "evidence"
    folder.mkdir()
    files = {
        "gps": fx.jpeg(folder / "DSCN0010.jpg"),
        "upright6": fx.jpeg(folder / "rotated-6.jpg", orientation=6, gps=False, seed=6),
        "upright8": fx.jpeg(folder / "rotated-8.jpg", orientation=8, gps=False, seed=8),
        "upright3": fx.jpeg(folder / "rotated-3.jpg", orientation=3, gps=False, seed=3),
        "wav": fx.wav(folder / "field-recording.wav"),
        "m4a": fx.compressed_audio(folder / "interview-7.m4a"),
        "mp4": fx.mp4(folder / "courtyard.mp4"),
        "docx": fx.docx(folder / "statement.docx"),
        "pdf": fx.pdf(folder / "filing.pdf"),
    }
    files.update(fx.transcripts(folder / "transcripts"))
    heic = fx.heic(folder / "phone.heic")
    if heic is not None:
        files["heic"] = heic
    return files


def _by_name(vault: Vault) -> dict[str, dict]:
    return {i.original_name: vault.item_detail(i.id).as_json() for i in vault.items()}


def _thumb(vault: Vault, item_id: str) -> Image.Image:
    data = vault.thumbnail(item_id)
    assert data is not None
    return Image.open(io.BytesIO(data)).convert("RGB")


def _is_red(px: tuple[int, int, int]) -> bool:
    return px[0] > 150 and px[2] < 100


def _is_blue(px: tuple[int, int, int]) -> bool:
    return px[2] > 150 and px[0] < 100


def test_import_everything_with_metadata(small_vault: Vault, evidence: dict[str, Path]) -> None:
    report = small_vault.import_paths([evidence["gps"].parent],
                                      options=ImportOptions(case="Basement", tags=("rescue",)))
    assert report.ok, [r.message() for r in report.results]
    assert report.count(IMPORTED) == len(evidence)
    items = _by_name(small_vault)

    photo = items["DSCN0010.jpg"]
    assert photo["kind"] == "photo"
    assert photo["gps"]["lat"] == pytest.approx(fx.GPS_LAT, abs=1e-6)
    assert photo["gps"]["lon"] == pytest.approx(fx.GPS_LON, abs=1e-6)
    assert photo["gps"]["alt"] == pytest.approx(fx.GPS_ALT, abs=0.01)
    # 09:41:07 at +03:00 is 06:41:07 UTC.
    assert photo["captured_at"] == "2023-06-14T06:41:07Z"
    assert photo["captured_local"] == "2023:06:14 09:41:07+03:00"
    assert photo["camera"] == "TestCam Field 7"
    assert (photo["width"], photo["height"]) == (640, 480)
    assert photo["case"] == ["Basement"] and photo["tags"] == ["rescue"]
    assert photo["sha256"] == hashlib.sha256(evidence["gps"].read_bytes()).hexdigest()
    assert photo["provenance"][0]["source_path"] == str(evidence["gps"].resolve())

    video = items["courtyard.mp4"]
    assert video["kind"] == "video"
    assert video["captured_at"] == "2024-10-30T03:25:00Z"
    assert video["gps"]["lat"] == pytest.approx(55.8611) and video["gps"]["lon"] == pytest.approx(
        37.5869)
    assert video["duration"] == pytest.approx(1.0, abs=0.15)
    assert (video["width"], video["height"]) == (160, 120)
    assert small_vault.thumbnail(video["id"]) is not None

    audio = items["interview-7.m4a"]
    assert audio["kind"] == "audio" and audio["title"] == "Interview 7"
    assert audio["duration"] == pytest.approx(2.0, abs=0.1)
    assert audio["metadata"]["audio_codec"] == "AAC"
    assert items["field-recording.wav"]["duration"] == pytest.approx(1.5, abs=0.01)

    assert items["witness-cp1251.txt"]["text_encoding"] == "cp1251"
    assert items["note-koi8r.txt"]["text_encoding"] == "koi8-r"
    assert items["neighbour-utf16.txt"]["text_encoding"].startswith("utf-16")
    body, _ = small_vault.item_text(items["witness-cp1251.txt"]["id"])
    assert body == fx.RU_TEXT
    body, _ = small_vault.item_text(items["neighbour-utf16.txt"]["id"])
    assert body == fx.KK_EN_TEXT
    _, cues = small_vault.item_text(items["interview.srt"]["id"])
    assert cues[1] == {"start": 65.25, "end": 69.0, "text": "Нас держали в подвале десять лет."}
    _, cues = small_vault.item_text(items["interview-uz.vtt"]["id"])
    assert cues[0]["speaker"] == "Dilnoza" and cues[0]["text"] == "Men Toshkentdan keldim."
    assert cues[1]["start"] == 12.0 and cues[1]["end"] == 15.5

    docx_text, _ = small_vault.item_text(items["statement.docx"]["id"])
    assert "Заявление адвоката" in docx_text and items["statement.docx"]["kind"] == "document"
    pdf_text, _ = small_vault.item_text(items["filing.pdf"]["id"])
    assert "Exhibit list for the court" in pdf_text
    if "heic" in evidence:
        heic = items["phone.heic"]
        assert heic["kind"] == "photo" and heic["format"] == "image/heic"
        assert heic["camera"] == "TestPhone"
        assert heic["captured_at"].startswith("2023-06-14T09:41:07")


def test_kind_comes_from_content_not_name(small_vault: Vault, tmp_path: Path) -> None:
    disguised = fx.jpeg(tmp_path / "notes.txt")
    report = small_vault.import_paths([disguised])
    detail = small_vault.item_detail(report.results[0].item_id).as_json()
    assert (detail["kind"], detail["format"]) == ("photo", "image/jpeg")
    opaque = tmp_path / "blob.bin"
    opaque.write_bytes(os.urandom(5000))
    report = small_vault.import_paths([opaque])
    assert small_vault.item_detail(report.results[0].item_id).as_json()["kind"] == "other"


@pytest.mark.parametrize("key", ["upright6", "upright8", "upright3", "gps"])
def test_thumbnails_are_upright(small_vault: Vault, evidence: dict[str, Path], key: str) -> None:
    item_id = small_vault.import_paths([evidence[key]]).results[0].item_id
    thumb = _thumb(small_vault, item_id)
    w, h = thumb.size
    assert _is_red(thumb.getpixel((w // 2, h // 5))), "top of the thumbnail should be red"
    assert _is_blue(thumb.getpixel((w // 2, h - h // 5))), "bottom should be blue"
    # Shown upright the photo is landscape; for 6 and 8 the stored pixels are portrait, so
    # an unrotated thumbnail would fail here.
    assert w > h


def test_cat_returns_exact_original(small_vault: Vault, evidence: dict[str, Path]) -> None:
    for path in (evidence["gps"], evidence["mp4"], evidence["utf16"]):
        item_id = small_vault.import_paths([path]).results[0].item_id
        with small_vault.open_original(item_id) as reader:
            assert reader.read() == path.read_bytes()
    opens = [e for e in small_vault.custody_events() if e.action == "open"]
    assert len(opens) == 3


def test_extra_forensic_hashes(small_vault: Vault, evidence: dict[str, Path]) -> None:
    report = small_vault.import_paths([evidence["pdf"]],
                                      options=ImportOptions(extra_digests=("md5", "sha1")))
    detail = small_vault.item_detail(report.results[0].item_id).as_json()
    data = evidence["pdf"].read_bytes()
    assert detail["md5"] == hashlib.md5(data).hexdigest()  # noqa: S324
    assert detail["sha1"] == hashlib.sha1(data).hexdigest()  # noqa: S324


def test_duplicate_is_recorded_not_stored_twice(small_vault: Vault, evidence: dict[str, Path],
                                                tmp_path: Path) -> None:
    first = small_vault.import_paths([evidence["gps"]]).results[0]
    used_before = _evidence_objects(small_vault)
    copy = tmp_path / "copy-from-phone.jpg"
    copy.write_bytes(evidence["gps"].read_bytes())
    again = small_vault.import_paths([copy], options=ImportOptions(case="Second case"))
    result = again.results[0]
    assert result.status == DUPLICATE and result.item_id == first.item_id
    assert _evidence_objects(small_vault) == used_before
    assert len(small_vault.items()) == 1
    detail = small_vault.item_detail(first.item_id).as_json()
    assert [p["original_name"] for p in detail["provenance"]] == ["DSCN0010.jpg",
                                                                  "copy-from-phone.jpg"]
    assert detail["case"] == ["Second case"]
    actions = [e.action for e in small_vault.custody_events(first.item_id)]
    assert actions == ["import", "extract", "intake-again", "case-add"]
    # The very same file from the very same place again: nothing new to record.
    third = small_vault.import_paths([copy], options=ImportOptions(case="Second case"))
    assert third.results[0].status == "already"
    assert len(small_vault.custody_events(first.item_id)) == 4


def _evidence_objects(vault: Vault) -> set[tuple[str, int]]:
    """(object id, size) of every stored object that is not a search index file."""
    from archive.catalog.models import IndexFile, StoredObject

    with vault.core.sessions() as session:
        index = set(session.scalars(select(IndexFile.object_id)))
        return {(o.id, o.size) for o in session.scalars(select(StoredObject))
                if o.id not in index}


def _state(vault: Vault) -> dict[str, tuple[str, bytes]]:
    """Every item's recorded hash and its original's bytes as read back now."""
    out = {}
    for summary in vault.items():
        with vault.core.objects.open_reader(_object_id(vault, summary.id)) as reader:
            out[summary.id] = (summary.sha256, reader.read())
    return out


def _object_id(vault: Vault, item_id: str) -> str:
    from archive.catalog.models import Item

    with vault.core.sessions() as session:
        item = session.get(Item, item_id)
        assert item is not None
        return item.object_id


def test_bad_inputs_get_clear_errors_and_the_batch_goes_on(
        small_vault: Vault, evidence: dict[str, Path], tmp_path: Path) -> None:
    small_vault.import_paths([evidence["gps"], evidence["cp1251"]])
    before = _state(small_vault)
    bad = tmp_path / "bad"
    bad.mkdir()
    fx.truncated_jpeg(bad / "DSCN0042.jpg", fx.jpeg(tmp_path / "whole.jpg", seed=42,
                                                   size=(1200, 900)))
    (bad / "empty.jpg").write_bytes(b"")
    fx.corrupt_exif_jpeg(bad / "corrupt-exif.jpg")
    (bad / "gone.jpg").symlink_to(bad / "does-not-exist.jpg")
    loop = bad / "sub"
    loop.mkdir()
    (loop / "back-up").symlink_to(bad, target_is_directory=True)
    os.mkfifo(bad / "pipe")
    fx.jpeg(bad / "good.jpg", seed=7)

    report = small_vault.import_paths([bad])
    by_name = {r.path.name: r for r in report.results}
    assert by_name["empty.jpg"].status == FAILED
    assert "empty file" in by_name["empty.jpg"].message()
    assert "empty.jpg" in by_name["empty.jpg"].message()
    assert by_name["gone.jpg"].status == FAILED and "broken link" in by_name["gone.jpg"].reason
    assert by_name["back-up"].status == FAILED and "loops back" in by_name["back-up"].reason
    assert by_name["pipe"].status == FAILED and "not a regular file" in by_name["pipe"].reason
    # Broken pictures are still evidence: kept bit-exact, with the reader's complaint recorded.
    truncated = by_name["DSCN0042.jpg"]
    assert truncated.status == IMPORTED
    assert truncated.problems and "DSCN0042.jpg" in truncated.message()
    assert by_name["corrupt-exif.jpg"].status == IMPORTED
    assert by_name["good.jpg"].status == IMPORTED
    assert not report.ok
    after = _state(small_vault)
    assert {k: after[k] for k in before} == before
    with small_vault.open_original(truncated.item_id) as reader:
        assert reader.read() == (bad / "DSCN0042.jpg").read_bytes()
    assert small_vault.check_custody() == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(small_vault: Vault, tmp_path: Path) -> None:
    locked = fx.jpeg(tmp_path / "locked.jpg")
    locked.chmod(0)
    result = small_vault.import_paths([locked]).results[0]
    assert result.status == FAILED and "cannot read" in result.reason


def test_cancel_stops_commits_and_keeps_what_is_done(small_vault: Vault,
                                                     tmp_path: Path) -> None:
    from archive.intake.importer import Importer

    count = 3 * Importer.BATCH  # files are committed a batch at a time
    for i in range(count):
        fx.jpeg(tmp_path / f"p{i}.jpg", seed=i)
    stop = []

    def progress(done: int, total: int, _msg: str) -> None:
        if done >= 2:
            stop.append(done)

    report = small_vault.import_paths([tmp_path], progress=progress, cancel=lambda: bool(stop))
    imported = report.count(IMPORTED)
    assert report.cancelled and 2 <= imported < count
    assert len(small_vault.items()) == imported  # nothing committed after the cancel
    assert small_vault.check_custody() == []
    # Files prepared but not committed gave their slots back.
    from sqlalchemy import func, select

    from archive.catalog.models import ObjectExtent
    with small_vault.core.sessions() as session:
        claimed = session.scalar(select(func.sum(ObjectExtent.slot_count)))
    assert small_vault.core.objects._slots.used_count() == claimed  # noqa: SLF001


def test_vault_itself_is_not_imported(small_vault: Vault, vault_path: Path) -> None:
    report = small_vault.import_paths([vault_path.parent])
    assert any("vault itself" in (r.reason or "") for r in report.results)
    assert all(not str(r.path).startswith(str(vault_path)) or r.status == FAILED
               for r in report.results)


def test_notes_and_tags_are_custody_events(small_vault: Vault, evidence: dict[str, Path]) -> None:
    item_id = small_vault.import_paths([evidence["gps"]]).results[0].item_id
    small_vault.add_note(item_id, "Фото сделано у служебного входа.", actor="lawyer")
    assert small_vault.change_tags(item_id, add=["door", "entrance"]) == (["door", "entrance"], [])
    assert small_vault.change_tags(item_id, remove=["door"]) == ([], ["door"])
    detail = small_vault.item_detail(item_id[:8]).as_json()
    assert detail["notes"][0]["text"] == "Фото сделано у служебного входа."
    assert detail["tags"] == ["entrance"]
    events = small_vault.custody_events(item_id)
    assert [e.action for e in events] == ["import", "extract", "note", "tag", "untag"]
    assert events[2].actor == "lawyer"
    assert all(e.time.endswith("Z") for e in events)
    datetime.strptime(events[0].time, "%Y-%m-%dT%H:%M:%S.%fZ")


def test_passphrase_change_is_a_custody_event(small_vault: Vault) -> None:
    small_vault.change_passphrase("another long phrase")
    assert [e.action for e in small_vault.custody_events()] == ["passphrase-change"]


def test_reopen_keeps_everything(vault_path: Path, small_vault: Vault,
                                 evidence: dict[str, Path]) -> None:
    small_vault.import_paths([evidence["gps"], evidence["srt"]])
    size = small_vault.custody.size
    root = small_vault.custody.root()
    small_vault.lock()
    again = Vault.open(vault_path)
    again.unlock(PASSPHRASE)
    try:
        assert again.custody.size == size and again.custody.root() == root
        assert len(again.items()) == 2
        assert again.check_custody() == []
    finally:
        again.lock()


def test_raw_sql_cannot_edit_history_unnoticed(small_vault: Vault,
                                               evidence: dict[str, Path]) -> None:
    small_vault.import_paths([evidence["gps"], evidence["srt"], evidence["pdf"]])
    assert small_vault.check_custody() == []
    with small_vault.core.sessions.begin() as session:
        session.execute(text("UPDATE custody_events SET entry = replace(entry, 'import', "
                             "'imporT') WHERE seq = 2"))
    problems = small_vault.check_custody()
    assert any("do not hash to the signed root" in p for p in problems)


@pytest.mark.parametrize("tamper", ["edit-bytes", "edit-column", "remove", "reorder", "insert"])
def test_every_kind_of_log_tampering_is_detected(small_vault: Vault, evidence: dict[str, Path],
                                                 tamper: str) -> None:
    small_vault.import_paths([evidence["gps"], evidence["srt"], evidence["pdf"]])
    events = small_vault.custody_events()
    statements = {
        # The entry is changed in place, keeping its type.
        "edit-bytes": ["UPDATE custody_events SET entry = CAST(replace(CAST(entry AS TEXT), "
                       "'\"import\"', '\"imporT\"') AS BLOB) WHERE seq = 2"],
        # Only the queryable column is changed: the signed entry still says otherwise.
        "edit-column": ["UPDATE custody_events SET item_id = NULL WHERE seq = 3"],
        "remove": ["DELETE FROM custody_events WHERE seq = 1"],
        "reorder": ["UPDATE custody_events SET seq = 1000000 WHERE seq = 1",
                    "UPDATE custody_events SET seq = 1 WHERE seq = 2",
                    "UPDATE custody_events SET seq = 2 WHERE seq = 1000000"],
        "insert": [f"INSERT INTO custody_events (seq, occurred_at, action, item_id, entry) "
                   f"SELECT {len(events)}, occurred_at, action, item_id, entry "
                   f"FROM custody_events WHERE seq = 0"],
    }[tamper]
    with small_vault.core.sessions.begin() as session:
        for statement in statements:
            session.execute(text(statement))
    assert small_vault.check_custody(), f"{tamper} went unnoticed"


def test_failed_shared_commit_keeps_the_retried_files_slots(small_vault: Vault,
                                                            tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """When a batch's shared transaction fails and its files are committed one by one, the
    slots of every file that lands must still be marked used (or a later write could reuse
    them and overwrite a committed original)."""
    from sqlalchemy import func

    from archive.catalog.models import ObjectExtent
    from archive.intake import importer as intake

    paths = [fx.jpeg(tmp_path / f"b{i}.jpg", seed=i) for i in range(4)]
    importer = intake.Importer(small_vault.core, ImportOptions())
    prepared = [importer.prepare(p) for p in paths]
    real = intake.Importer._commit_in
    calls = []

    def fails_once_on_the_third(self, tx, item):  # type: ignore[no-untyped-def]
        calls.append(item.path.name)
        if len(calls) == 3:
            raise RuntimeError("simulated failure inside the shared transaction")
        return real(self, tx, item)

    monkeypatch.setattr(intake.Importer, "_commit_in", fails_once_on_the_third)
    results = importer.commit_batch(prepared)  # type: ignore[arg-type]
    assert [r.status for r in results] == [IMPORTED] * 4
    with small_vault.core.sessions() as session:
        claimed = session.scalar(select(func.sum(ObjectExtent.slot_count)))
    assert small_vault.core.objects._slots.used_count() == claimed  # noqa: SLF001
    # And the originals survive more writes into the same packs.
    small_vault.import_paths([fx.jpeg(tmp_path / "later.jpg", seed=99, size=(1600, 1200))])
    for path, result in zip(paths, results, strict=True):
        with small_vault.open_original(result.item_id) as reader:
            assert reader.read() == path.read_bytes()
