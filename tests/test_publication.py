"""Publication copies carry no location, no device data and no original names, read back with
exifread, Pillow and MediaInfo; each is a recorded derivative."""

from __future__ import annotations

import hashlib
from pathlib import Path

import exifread
import pytest
from PIL import Image
from pymediainfo import MediaInfo

import fixtures as fx
from archive import Vault
from archive.intake.results import ImportOptions


@pytest.fixture
def published(small_vault: Vault, tmp_path: Path) -> tuple[Path, dict[str, str]]:
    folder = tmp_path / "Источник Сафарова"
    folder.mkdir()
    fx.jpeg(folder / "DSCN0010.jpg", orientation=6)
    fx.mp4(folder / "courtyard-door.mp4")
    fx.compressed_audio(folder / "interview-7.m4a")
    fx.docx(folder / "statement.docx")
    small_vault.import_paths([folder], options=ImportOptions(case="Story"))
    out = tmp_path / "for-editor"
    copies = small_vault.publication_copies(out, case="Story", actor="editor")
    names = {c.file: c.item_id for c in copies}
    return out, names


def test_photo_has_no_metadata_and_is_upright(published: tuple[Path, dict[str, str]]) -> None:
    out, names = published
    photo = out / next(n for n in names if n.endswith(".jpg"))
    with open(photo, "rb") as f:
        assert exifread.process_file(f, details=True) == {}
    with Image.open(photo) as img:
        assert not img.getexif()
        assert not {"exif", "icc_profile", "xmp", "comment"} & set(img.info)
        rgb = img.convert("RGB")
        w, h = rgb.size
        assert w > h and rgb.getpixel((w // 2, h // 5))[0] > 150  # shown as it was seen
    raw = photo.read_bytes()
    assert b"TestCam" not in raw and b"Exif" not in raw


def test_video_and_audio_have_no_location_or_tags(
        published: tuple[Path, dict[str, str]]) -> None:
    out, names = published
    for name in (n for n in names if n.endswith((".mp4", ".m4a"))):
        general = MediaInfo.parse(str(out / name)).general_tracks[0].to_data()
        for key in ("xyz", "location", "com_apple_quicktime_location_iso6709", "title",
                    "performer", "recorded_date"):
            assert key not in general, f"{name} still has {key}"
        assert "2024-10-30" not in str(general.get("encoded_date", ""))
        raw = (out / name).read_bytes()
        assert b"+55.8611" not in raw and b"Interview 7" not in raw
        assert general.get("duration")  # still a playable recording


def test_no_original_names_and_each_copy_is_recorded(
        small_vault: Vault, published: tuple[Path, dict[str, str]]) -> None:
    out, names = published
    everything = b"".join(p.read_bytes() for p in out.iterdir())
    for word in ("DSCN0010", "courtyard", "Сафарова", "statement.docx", "Field team"):
        assert word.encode() not in everything
    assert sorted(p.name for p in out.iterdir()) == sorted([*names, "SHA256SUMS"])
    events = [e for e in small_vault.custody_events() if e.action == "publication-copy"]
    assert {e.item for e in events} == set(names.values())
    for event in events:
        copy = out / event.details["file"]
        assert hashlib.sha256(copy.read_bytes()).hexdigest() == event.details["derivative_sha256"]
        assert event.details["derivative_sha256"] != event.sha256


def test_document_properties_are_cleared(published: tuple[Path, dict[str, str]],
                                         tmp_path: Path) -> None:
    import docx

    out, names = published
    copy = docx.Document(str(out / next(n for n in names if n.endswith(".docx"))))
    assert copy.core_properties.title == "" and copy.core_properties.author == ""
    assert "Заявление адвоката" in "\n".join(p.text for p in copy.paragraphs)
    original = docx.Document(str(fx.docx(tmp_path / "again.docx")))
    assert original.core_properties.title == "Statement"  # the fixture did have one


def test_fixture_photo_had_what_the_copy_lacks(tmp_path: Path) -> None:
    with open(fx.jpeg(tmp_path / "x.jpg", orientation=6), "rb") as f:
        tags = exifread.process_file(f, details=True)
    assert "GPS GPSLatitude" in tags and "Image Make" in tags
