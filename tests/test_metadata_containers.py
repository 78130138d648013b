"""Metadata in every container a camera, phone or editor uses, on files the tests make
(tests/metadata_containers.py), each checked against ExifTool's reading of the same file:

    exiftool -j -a -G1 -n FILE

run by the tests themselves (the oracle; skipped where ExifTool is not installed). Where a test
states a value, it is what ExifTool 12.57 reported for that file."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import metadata_containers as mc
import pytest

from archive.extract import Extracted, extract, xmp
from archive.intake.sniff import sniff

needs_exiftool = pytest.mark.skipif(shutil.which("exiftool") is None,
                                    reason="exiftool not installed")


def read(path: Path) -> Extracted:
    data = path.read_bytes()
    sniffed = sniff(io.BytesIO(data), path.name)
    return extract(sniffed.kind, sniffed.format, lambda: io.BytesIO(data))


def exiftool(path: Path) -> dict[str, Any]:
    out = subprocess.run(["exiftool", "-j", "-a", "-G1", "-n", str(path)],
                         capture_output=True, check=True).stdout
    return json.loads(out)[0]  # type: ignore[no-any-return]


def _clock(value: Any) -> str:
    """'2021:06:07 08:09:10' from ExifTool's or our way of writing a date."""
    return str(value).replace("-", ":").replace("T", " ")[:19]


# --- extended XMP ---------------------------------------------------------------------------

@needs_exiftool
def test_extended_xmp_is_put_together_and_read_as_exiftool_reads_it(tmp_path: Path) -> None:
    path = mc.extended_xmp_jpeg(tmp_path / "extended.jpg")
    found, theirs = read(path), exiftool(path)
    # [XMP-exif] DateTimeOriginal : 2021:06:07 08:09:10+02:00 (only in the extension)
    assert _clock(theirs["XMP-exif:DateTimeOriginal"]) == "2021:06:07 08:09:10"
    assert found.fields["captured_source"] == "XMP-exif:DateTimeOriginal"
    assert _clock(found.fields["captured_local"]) == _clock(theirs["XMP-exif:DateTimeOriginal"])
    assert found.tags["XMP-xmpNote"]["HasExtendedXMP"] == theirs["XMP-xmpNote:HasExtendedXMP"]
    assert "XMP-GImage:ImageData" in theirs  # ExifTool saw the long property too
    assert "characters of data" in found.tags["XMP-GImage"]["Data"]  # named, not kept whole
    assert not found.problems


def test_extension_spread_over_segments_in_any_order(tmp_path: Path) -> None:
    extension = mc.extension_packet("2021-06-07T08:09:10", 150_000)
    guid = hashlib.md5(extension, usedforsecurity=False).hexdigest().upper()
    segments = [p for _, p in mc.extended_segments(extension, guid)]
    assert len(segments) == 3
    assert xmp.extended_packet(reversed(segments), guid) == extension


@pytest.mark.parametrize(("lie", "reason"), [
    ({"offsets": [0, 50_000, 120_000]}, "overlap"),
    ({"offsets": [0, 60_000, 130_000]}, "gap"),
    ({"full": 10 << 20}, "more than"),
    ({"offsets": [0, 60_000, 60_000]}, "same offset"),
])
def test_extension_chunks_that_overlap_leave_gaps_or_grow_are_refused(
        tmp_path: Path, lie: dict[str, Any], reason: str) -> None:
    found = read(mc.extended_xmp_jpeg(tmp_path / "lie.jpg", **lie))
    assert "captured_at" not in found.fields
    assert any("extended XMP" in p and reason in p for p in found.problems), found.problems
    assert found.tags["XMP-xmpNote"]["HasExtendedXMP"]  # the main packet is still read
    assert "XMP-exif" not in found.tags


def test_extension_whose_md5_is_not_its_guid_is_refused(tmp_path: Path) -> None:
    found = read(mc.extended_xmp_jpeg(tmp_path / "md5.jpg", guid="0" * 32))
    assert "captured_at" not in found.fields
    assert any("MD5" in p for p in found.problems), found.problems


def test_extension_larger_than_the_cap_is_refused_before_it_is_joined() -> None:
    guid = "A" * 32
    chunk = mc.EXTENSION + guid.encode()
    payloads = [chunk + (9 << 20).to_bytes(4, "big") + (i * 60000).to_bytes(4, "big")
                + b"x" * 60000 for i in range(3)]
    with pytest.raises(xmp.ExtendedXmpError, match="more than"):
        xmp.extended_packet(payloads, guid)


def test_extension_named_by_no_main_packet_is_not_read(tmp_path: Path) -> None:
    extension = mc.extension_packet("2021-06-07T08:09:10", 1000)
    guid = hashlib.md5(extension, usedforsecurity=False).hexdigest().upper()
    path = mc.ms.jpeg_with(tmp_path / "orphan.jpg",
                           app_segments=mc.extended_segments(extension, guid))
    found = read(path)
    assert "captured_at" not in found.fields
    assert "XMP-exif" not in found.tags


# --- maker notes ----------------------------------------------------------------------------

@needs_exiftool
@pytest.mark.parametrize("layout", ["ultrafire", "hyperfire2"])
def test_trail_camera_maker_note_time_is_the_capture_time(tmp_path: Path, layout: str) -> None:
    clock = (2019, 11, 23, 4, 56, 7)
    note = (mc.reconyx_ultrafire_note(clock) if layout == "ultrafire"
            else mc.reconyx_hyperfire2_note(clock))
    path = mc.jpeg_with_maker_note(tmp_path / f"{layout}.jpg", "RECONYX", "TRAIL", note)
    found, theirs = read(path), exiftool(path)
    # [Reconyx] DateTimeOriginal : 2019:11:23 04:56:07
    assert theirs["Reconyx:DateTimeOriginal"] == "2019:11:23 04:56:07"
    assert found.fields["captured_source"] == "Reconyx:DateTimeOriginal"
    assert found.fields["captured_local"] == theirs["Reconyx:DateTimeOriginal"]
    assert found.fields["captured_is_utc"] is False
    assert found.tags["Reconyx"]["DateTimeOriginal"] == theirs["Reconyx:DateTimeOriginal"]


@needs_exiftool
def test_maker_note_tags_land_in_the_dump_under_exiftools_group(tmp_path: Path) -> None:
    path = mc.jpeg_with_maker_note(tmp_path / "fuji.jpg", "FUJIFILM", "FinePix X",
                                   mc.fujifilm_note(), original="2006:01:02 03:04:05")
    found, theirs = read(path), exiftool(path)
    # [FujiFilm] Version : 0130, Quality : FINE, Sharpness : 3 (Normal)
    assert theirs["FujiFilm:Quality"].strip() == "FINE"
    assert found.tags["FujiFilm"]["Quality"] == theirs["FujiFilm:Quality"].strip()
    assert found.tags["FujiFilm"]["NoteVersion"] == str(theirs["FujiFilm:Version"])
    assert found.tags["FujiFilm"]["Sharpness"] == "Normal"
    assert "MakerNotes" not in found.tags
    # A maker note never changes where the capture time comes from.
    assert found.fields["captured_source"] == "ExifIFD:DateTimeOriginal"
    assert found.fields["captured_local"] == theirs["ExifIFD:DateTimeOriginal"]


def test_a_maker_note_of_garbage_gives_no_unknown_tags_and_no_capture(tmp_path: Path) -> None:
    garbage = bytes(range(7, 250)) * 4
    found = read(mc.jpeg_with_maker_note(tmp_path / "garbage.jpg", "NIKON CORPORATION",
                                         "NIKON D70s", garbage))
    assert "captured_at" not in found.fields
    assert not any(name.startswith("Tag 0x") for name in found.tags.get("Nikon", {}))
    assert found.fields["camera"] == "NIKON CORPORATION NIKON D70s"


# --- XMP and IPTC-IIM in PNG, TIFF, HEIC and MP4 ----------------------------------------------

def _iptc_agrees(found: Extracted, theirs: dict[str, Any]) -> None:
    # [IPTC] DateCreated : 2015:03:14, TimeCreated : 09:26:53+01:00, City : Tartu
    assert theirs["IPTC:City"] == "Tartu"
    assert found.tags["IPTC"]["City"] == theirs["IPTC:City"]
    assert found.tags["IPTC"]["DateCreated"].replace(":", "") == str(
        theirs["IPTC:DateCreated"]).replace(":", "")
    iptc = [d for d in found.meta["dates"] if d["tag"] == "IPTC:DateCreated"]
    assert iptc and _clock(iptc[0]["local"]) == _clock(
        f"{theirs['IPTC:DateCreated']} {theirs['IPTC:TimeCreated']}")


@needs_exiftool
def test_png_xmp_and_iptc_as_exiftool_reads_them(tmp_path: Path) -> None:
    path = mc.png_with_xmp_and_iptc(tmp_path / "scan.png")
    found, theirs = read(path), exiftool(path)
    assert _clock(found.fields["captured_local"]) == _clock(theirs["XMP-exif:DateTimeOriginal"])
    assert found.fields["captured_source"] == "XMP-exif:DateTimeOriginal"
    _iptc_agrees(found, theirs)


@needs_exiftool
def test_tiff_xmp_and_iptc_as_exiftool_reads_them(tmp_path: Path) -> None:
    path = mc.tiff_with_xmp_and_iptc(tmp_path / "scan.tif")
    found, theirs = read(path), exiftool(path)
    assert _clock(found.fields["captured_local"]) == _clock(theirs["XMP-exif:DateTimeOriginal"])
    _iptc_agrees(found, theirs)


@needs_exiftool
def test_heic_xmp_as_exiftool_reads_it(tmp_path: Path) -> None:
    path = mc.heic_with_xmp(tmp_path / "phone.heic")
    found, theirs = read(path), exiftool(path)
    # [XMP-photoshop] DateCreated : 2012:11:12 13:14:15+03:00
    assert _clock(theirs["XMP-photoshop:DateCreated"]) == "2012:11:12 13:14:15"
    assert found.fields["captured_source"] == "XMP-photoshop:DateCreated"
    assert _clock(found.fields["captured_local"]) == _clock(theirs["XMP-photoshop:DateCreated"])
    assert found.tags["XMP-dc"]["subject"] == ", ".join(theirs["XMP-dc:Subject"])


@needs_exiftool
def test_heic_size_is_the_stored_size_when_the_container_turns_it(tmp_path: Path) -> None:
    path = mc.heic_turned_by_container(tmp_path / "nokia.heic")
    found, theirs = read(path), exiftool(path)
    # [Composite] ImageSize : 96 64, [QuickTime] Rotation : 270, [IFD0] Orientation : 1
    assert theirs["QuickTime:Rotation"] == 270 and theirs["IFD0:Orientation"] == 1
    size = str(theirs["Composite:ImageSize"]).replace("x", " ").split()
    assert (found.fields["width"], found.fields["height"]) == tuple(map(int, size))
    assert found.meta["orientation_code"] == theirs["IFD0:Orientation"]


@needs_exiftool
@pytest.mark.parametrize("where", ["uuid", "XMP_"])
def test_mp4_xmp_as_exiftool_reads_it(tmp_path: Path, where: str) -> None:
    path = mc.mp4_with_xmp(tmp_path / f"clip-{where.strip('_')}.mp4", where)
    found, theirs = read(path), exiftool(path)
    # [XMP-photoshop] DateCreated : 2011:02:03 05:05:06+01:00; [XMP-xmp] CreateDate ...Z
    xmp_tags = {k for k in theirs if k.startswith("XMP-")}
    assert "XMP-photoshop:DateCreated" in xmp_tags
    ours = {f"{group}:{name}" for group, names in found.tags.items() for name in names
            if group.startswith("XMP-")}
    assert {"XMP-photoshop:DateCreated", "XMP-xmp:CreateDate"} <= ours
    dates = {d["tag"]: d for d in found.meta["dates"]}
    assert _clock(dates["XMP-photoshop:DateCreated"]["local"]) == _clock(
        theirs["XMP-photoshop:DateCreated"])
    assert dates["XMP-xmp:CreateDate"]["kind"] == "created"
    # The phone's Keys date still outranks an editor's XMP date.
    assert found.fields["captured_source"] == "Keys:CreationDate"


def test_a_canon_camera_info_of_hostile_length_is_not_decoded(tmp_path: Path) -> None:
    from archive.extract.exif import maker_note_is_bounded

    entries = [(0x0001, 3, 2, b"\x01\x00\x02\x00"), (0x000D, 7, 0x7FFFFFF0, b"\x00" * 4)]
    table = mc._ifd(entries, 0)
    assert not maker_note_is_bounded(table, "Canon")
    assert maker_note_is_bounded(mc._ifd(entries[:1], 0), "Canon")
    # The photo is read all the same, without decoding that maker note.
    found = read(mc.jpeg_with_maker_note(tmp_path / "canon.jpg", "Canon", "Canon EOS 5D",
                                         table, original="2010:10:10 10:10:10"))
    assert found.fields["captured_local"] == "2010:10:10 10:10:10"
    assert "Canon" not in found.tags


# --- RIFF (WAV, AVI) --------------------------------------------------------------------------

@needs_exiftool
def test_wav_voice_memo_date_and_time_joined_as_exiftool_joins_them(tmp_path: Path) -> None:
    path = mc.wav_voice_memo(tmp_path / "memo.wav")
    found, theirs = read(path), exiftool(path)
    # [RIFF] DateCreated : 2005-08-08, [RIFF] TimeCreated : 16:23:35,
    # [Composite] DateTimeOriginal : 2005:08:08 16:23:35
    assert found.fields["captured_source"] == "RIFF:DateCreated"
    assert _clock(found.fields["captured_local"]) == _clock(theirs["Composite:DateTimeOriginal"])
    assert found.tags["RIFF"]["Model"] == theirs["RIFF:Model"].strip()
    assert found.fields["camera"] == "PENTAX Optio WP"


@needs_exiftool
def test_wav_date_alone_is_not_a_capture_time(tmp_path: Path) -> None:
    path = mc.wav_voice_memo(tmp_path / "memo.wav", time=None)
    found, theirs = read(path), exiftool(path)
    assert "Composite:DateTimeOriginal" not in theirs and "RIFF:DateCreated" in theirs
    assert "captured_at" not in found.fields
    assert [d["kind"] for d in found.meta["dates"] if d["tag"] == "RIFF:DateCreated"] == [
        "created"]
