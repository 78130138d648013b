"""Every date with its source, checked on files the tests make. The expected values were written
down from ExifTool 12.57's reading of the same files, made with tests/metadata_samples.py:

    exiftool -a -G1 -s -n '-*date*' '-*time*' -Make -Model -GPSLatitude -GPSLongitude \
        -ImageSize -Orientation -IPTC:all FILE

and, where ExifTool is installed, test_exiftool_reads_what_we_read checks them again."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import metadata_samples as ms
from archive import Vault
from archive.cli.main import main
from archive.extract import Extracted, extract
from archive.extract.dates import CAPTURE, DIGITIZED, GPS, MODIFIED, make_fact, record
from archive.intake.sniff import sniff
from conftest import PASSPHRASE


def read(path: Path) -> Extracted:
    data = path.read_bytes()
    sniffed = sniff(io.BytesIO(data), path.name)
    return extract(sniffed.kind, sniffed.format, lambda: io.BytesIO(data))


# (maker, file name, ExifTool's capture tag and value, the capture time in UTC or None when the
# zone is unknown, the device clock as written)
CASES: list[tuple[Callable[[Path], Path], str, str, datetime | None, str]] = [
    # [XMP-exif] DateTimeOriginal : 2019:05:04 17:22:09.350+02:00
    (ms.xmp_only_jpeg, "xmp-only.jpg", "XMP-exif:DateTimeOriginal",
     datetime(2019, 5, 4, 15, 22, 9, 350000), "2019-05-04T17:22:09.350+02:00"),
    # [Composite] SubSecDateTimeOriginal : 2023:11:05 23:59:58.047-04:30
    (ms.offset_subsec_jpeg, "offset.jpg", "ExifIFD:DateTimeOriginal",
     datetime(2023, 11, 6, 4, 29, 58, 47000), "2023:11:05 23:59:58.047-04:30"),
    # [ExifIFD] DateTimeOriginal : 2022:08:19 16:44:30 (no OffsetTimeOriginal)
    (ms.gps_clock_jpeg, "gps.jpg", "ExifIFD:DateTimeOriginal", None, "2022:08:19 16:44:30"),
    # [ExifIFD] DateTimeOriginal : 2004:07:21 11:03:19 (MakerNote and InteropIFD unreadable)
    (ms.broken_ifd_jpeg, "broken.jpg", "ExifIFD:DateTimeOriginal", None, "2004:07:21 11:03:19"),
    # [PictureInfo] DateTimeOriginal : 1998:10:29 22:06:59
    (ms.picture_info_jpeg, "olympus.jpg", "PictureInfo:DateTimeOriginal", None,
     "1998:10:29 22:06:59"),
    # [IPTC] DateCreated : 2018:04:12, TimeCreated : 08:15:30+02:00
    (ms.iptc_jpeg, "iptc.jpg", "IPTC:DateCreated", datetime(2018, 4, 12, 6, 15, 30),
     "2018:04:12 08:15:30+02:00"),
    # [XMP-photoshop] DateCreated : 2017:09:30 14:05:00-07:00
    (ms.png_with_xmp, "xmp.png", "XMP-photoshop:DateCreated", datetime(2017, 9, 30, 21, 5),
     "2017-09-30T14:05:00-07:00"),
    # [XMP-exif] DateTimeOriginal : 2016:02:29 06:07:08Z ([IFD0] ModifyDate 2016:03:01 00:00:00)
    (ms.tiff_with_xmp, "xmp.tif", "XMP-exif:DateTimeOriginal", datetime(2016, 2, 29, 6, 7, 8),
     "2016-02-29T06:07:08Z"),
    # [Composite] SubSecDateTimeOriginal : 2023:04:05 06:07:08.120+09:00
    (ms.heic_with_exif, "phone.heic", "ExifIFD:DateTimeOriginal",
     datetime(2023, 4, 4, 21, 7, 8, 120000), "2023:04:05 06:07:08.120+09:00"),
]


@pytest.mark.parametrize(("make", "name", "tag", "utc", "written"), CASES,
                         ids=[c[1] for c in CASES])
def test_capture_time_and_its_source(tmp_path: Path, make: Callable[[Path], Path], name: str,
                                     tag: str, utc: datetime | None, written: str) -> None:
    found = read(make(tmp_path / name))
    assert found.fields["captured_source"] == tag
    assert found.fields["captured_local"] == written
    assert found.fields["captured_is_utc"] is (utc is not None)
    if utc is not None:
        assert found.fields["captured_at"] == utc
    else:  # zone unknown: the device's wall clock, never presented as UTC
        assert found.fields["captured_at"].strftime("%Y:%m:%d %H:%M:%S") == written[:19]
    assert any(d["tag"] == tag and d["kind"] == CAPTURE for d in found.meta["dates"])


def test_modify_date_alone_is_not_a_capture_time(tmp_path: Path) -> None:
    # [IFD0] ModifyDate : 2021:03:03 12:12:12 is the only date ExifTool finds
    found = read(ms.modify_date_only_jpeg(tmp_path / "scan.jpg"))
    assert "captured_at" not in found.fields and "captured_source" not in found.fields
    assert found.meta["dates"] == [{
        "kind": MODIFIED, "tag": "IFD0:ModifyDate", "written": "2021:03:03 12:12:12",
        "utc": None, "local": "2021-03-03T12:12:12", "zone_known": False}]


def test_xmp_modify_and_create_dates_are_kept_as_what_they_are(tmp_path: Path) -> None:
    found = read(ms.xmp_only_jpeg(tmp_path / "x.jpg"))
    kinds = {d["tag"]: d["kind"] for d in found.meta["dates"]}
    assert kinds == {"XMP-exif:DateTimeOriginal": CAPTURE, "XMP-xmp:ModifyDate": MODIFIED,
                     "XMP-xmp:CreateDate": "created"}
    assert found.tags["XMP-dc"]["subject"] == "courtyard, door"


def test_tiff_modify_date_loses_to_the_xmp_capture_date(tmp_path: Path) -> None:
    found = read(ms.tiff_with_xmp(tmp_path / "x.tif"))
    modified = [d for d in found.meta["dates"] if d["tag"] == "IFD0:ModifyDate"]
    assert modified and modified[0]["kind"] == MODIFIED
    assert found.fields["captured_source"] == "XMP-exif:DateTimeOriginal"


@given(st.lists(st.tuples(st.sampled_from([MODIFIED, DIGITIZED, GPS, "created"]),
                          st.datetimes(min_value=datetime(1971, 1, 1),
                                       max_value=datetime(2100, 1, 1))), max_size=6))
def test_no_date_but_a_capture_tag_ever_becomes_the_capture_time(
        dates: list[tuple[str, datetime]]) -> None:
    facts = [make_fact(kind, f"Test:{kind}{i}", moment.strftime("%Y:%m:%d %H:%M:%S"))
             for i, (kind, moment) in enumerate(dates)]
    fields: dict[str, object] = {}
    record([f for f in facts if f is not None], fields, {})
    assert fields == {}


def test_gps_time_is_utc_and_a_camera_clock_off_by_hours_is_a_conflict(tmp_path: Path) -> None:
    # [Composite] GPSDateTime : 2022:08:19 14:41:30Z; GPSLatitude 48.856725, GPSLongitude 2.352141
    found = read(ms.gps_clock_jpeg(tmp_path / "gps.jpg"))
    assert found.meta["gps_time_utc"] == "2022-08-19T14:41:30Z"
    assert found.fields["gps_lat"] == pytest.approx(48.856725)
    assert found.fields["gps_lon"] == pytest.approx(2.3521417)
    assert found.meta["date_conflicts"] == [
        "camera clock (ExifIFD:DateTimeOriginal) and GPS (GPS:GPSDateTime) differ by "
        "2 h 03 min (camera zone unknown)"]


def test_broken_ifd_is_read_as_far_as_it_goes(tmp_path: Path) -> None:
    found = read(ms.broken_ifd_jpeg(tmp_path / "broken.jpg"))
    # [IFD0] Make : OLDCAM, Model : OLDCAM 3000
    assert found.fields["camera"] == "OLDCAM 3000"
    assert found.meta["make"] == "OLDCAM" and found.meta["model"] == "OLDCAM 3000"


def test_heic_keeps_its_stored_size_and_orientation(tmp_path: Path) -> None:
    # [IFD0] Orientation : 6; [Composite] ImageSize : 96 64; Make Apple, Model iPhone 12
    found = read(ms.heic_with_exif(tmp_path / "p.heic"))
    assert (found.fields["width"], found.fields["height"]) == (96, 64)
    assert found.meta["orientation_code"] == 6
    assert found.fields["camera"] == "Apple iPhone 12"
    assert found.thumbnail  # and it still has a preview


def test_quicktime_user_data_location_and_movie_header_time(tmp_path: Path) -> None:
    # [QuickTime] CreateDate : 2024:10:30 03:25:00 (UTC); [UserData] GPSCoordinates 55.8611 37.5869
    found = read(ms.video_with_dates(tmp_path / "door.mov", keys=False))
    assert found.fields["captured_source"] == "QuickTime:CreateDate"
    assert found.fields["captured_at"] == datetime(2024, 10, 30, 3, 25)
    assert found.fields["captured_is_utc"] is True
    assert (found.fields["gps_lat"], found.fields["gps_lon"]) == (55.8611, 37.5869)
    tagged = {d["tag"]: d["kind"] for d in found.meta["dates"]}
    assert tagged["QuickTime:ModifyDate"] == MODIFIED


def test_keys_creation_date_wins_and_the_header_time_is_a_conflict(tmp_path: Path) -> None:
    # [Keys] CreationDate : 2024:10:30 06:24:51+03:00; [QuickTime] CreateDate 2024:10:30 03:25:00
    found = read(ms.video_with_dates(tmp_path / "phone.mp4", keys=True))
    assert found.fields["captured_source"] == "Keys:CreationDate"
    assert found.fields["captured_at"] == datetime(2024, 10, 30, 3, 24, 51)
    assert found.meta["date_conflicts"] == [
        "Keys:CreationDate and QuickTime:CreateDate differ by 9 s"]


def _exiftool_capture(path: Path) -> str | None:
    out = subprocess.run(["exiftool", "-j", "-n", "-a", "-G1", str(path)], capture_output=True,
                         check=True).stdout
    tags = json.loads(out)[0]
    for key in ("ExifIFD:DateTimeOriginal", "XMP-exif:DateTimeOriginal", "Keys:CreationDate",
                "XMP-photoshop:DateCreated", "Composite:DateTimeCreated",
                "PictureInfo:DateTimeOriginal"):
        if key in tags:
            return str(tags[key])[:19].replace("-", ":").replace("T", " ")
    return None


@pytest.mark.skipif(shutil.which("exiftool") is None, reason="exiftool not installed")
def test_exiftool_reads_what_we_read(tmp_path: Path) -> None:
    makers = [c[0] for c in CASES] + [ms.modify_date_only_jpeg]
    for i, make in enumerate(makers):
        path = make(tmp_path / f"f{i}.{'heic' if make is ms.heic_with_exif else 'jpg'}")
        if make is ms.png_with_xmp:
            path = path.rename(path.with_suffix(".png"))
        if make is ms.tiff_with_xmp:
            path = path.rename(path.with_suffix(".tif"))
        ours = read(path).fields.get("captured_local")
        theirs = _exiftool_capture(path)
        if theirs is None:
            assert ours is None, path.name
        else:
            assert ours is not None and ours[:19].replace("-", ":").replace("T", " ") == theirs


def test_tag_dump_is_sealed_beside_the_original_not_in_the_catalog(small_vault: Vault,
                                                                   tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    big = "x" * 60_000  # as long as one JPEG segment allows
    ms.jpeg_with(folder / "edited.jpg", ms.exif_block({0x010F: "TestCam", 0x0110: "Field 7"},
                                                      {0x9003: "2020:01:01 10:00:00"}),
                 xmp=ms.xmp_packet(exif_DateTimeOriginal="2020-01-01T10:00:00",
                                   photoshop_Instructions=big))
    assert small_vault.import_paths([folder]).ok
    item_id = small_vault.items()[0].id
    dump = small_vault.all_metadata(item_id)
    assert dump["IFD0"]["Make"] == "TestCam"
    assert dump["XMP-photoshop"]["Instructions"] == big
    detail = small_vault.item_detail(item_id).as_json()
    assert detail["captured_source"] == "ExifIFD:DateTimeOriginal"
    assert detail["captured_at"] == "2020-01-01T10:00:00"  # zone unknown: no Z
    assert len(json.dumps(detail["metadata"])) < 4096
    extract_event = next(e for e in small_vault.custody_events(item_id) if e.action == "extract")
    assert len(extract_event.details["metadata_dump_sha256"]) == 64


@pytest.mark.skipif(shutil.which("exiftool") is None, reason="exiftool not installed")
def test_court_package_tag_file_matches_exiftool_on_the_exported_original(
        small_vault: Vault, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    ms.gps_clock_jpeg(folder / "DSCN0042.jpg")
    assert small_vault.import_paths([folder]).ok
    out = small_vault.export(tmp_path / "package", items=[small_vault.items()[0].id]).path
    record = json.loads((out / "tags" / "EX-001.json").read_text(encoding="utf-8"))
    assert "tags/EX-001.json" in (out / "tagmanifest-sha256.txt").read_text()
    assert record["captured_source"] == "ExifIFD:DateTimeOriginal"
    assert record["date_conflicts"] and "2 h 03 min" in record["date_conflicts"][0]
    original = next((out / "data").iterdir())
    theirs = json.loads(subprocess.run(["exiftool", "-j", "-a", "-G1", str(original)],
                                       capture_output=True, check=True).stdout)[0]
    ours = record["tags"]
    for key in ("IFD0:Make", "IFD0:Model", "ExifIFD:DateTimeOriginal", "GPS:GPSDateStamp"):
        group, name = key.split(":")
        assert ours[group][name] == str(theirs[key]), key


def test_show_labels_every_date_and_never_calls_a_modify_date_capture(
        vault_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capfd: pytest.CaptureFixture[str]) -> None:
    Vault.create(vault_path, PASSPHRASE, slots_per_pack=64)[0].lock()
    monkeypatch.setenv("STRONGROOM_PASSPHRASE", PASSPHRASE)
    folder = tmp_path / "in"
    folder.mkdir()
    ms.modify_date_only_jpeg(folder / "scan.jpg")
    ms.gps_clock_jpeg(folder / "gps.jpg")
    assert main(["import", str(vault_path), str(folder)]) == 0
    capfd.readouterr()
    assert main(["list", str(vault_path), "--json"]) == 0
    rows = {r["original_name"]: r for r in json.loads(capfd.readouterr().out)}

    assert main(["show", str(vault_path), rows["scan.jpg"]["id"], "--json"]) == 0
    scan = json.loads(capfd.readouterr().out)
    assert scan["captured_at"] is None and scan["captured_source"] is None
    assert main(["show", str(vault_path), rows["scan.jpg"]["id"]]) == 0
    text = capfd.readouterr().out
    assert "modified date: 2021:03:03 12:12:12  (IFD0:ModifyDate)" in text
    assert "captured:" not in text

    assert main(["show", str(vault_path), rows["gps.jpg"]["id"], "--json"]) == 0
    gps = json.loads(capfd.readouterr().out)
    assert gps["captured_at"] == "2022-08-19T16:44:30"
    assert gps["captured_source"] == "ExifIFD:DateTimeOriginal"
    assert main(["show", str(vault_path), rows["gps.jpg"]["id"]]) == 0
    text = capfd.readouterr().out
    assert "(from ExifIFD:DateTimeOriginal; time zone unknown)" in text
    assert "gps date: 2022-08-19T14:41:30Z  (GPS:GPSDateTime)" in text
    assert "differ by 2 h 03 min" in text


@pytest.mark.skipif(shutil.which("exiftool") is None, reason="exiftool not installed")
def test_icc_profile_header_and_description_as_exiftool_reads_them(tmp_path: Path) -> None:
    from PIL import Image, ImageCms

    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    path = tmp_path / "icc.jpg"
    Image.new("RGB", (32, 32), (10, 200, 30)).save(path, "JPEG", icc_profile=profile)
    ours = read(path).tags
    theirs = json.loads(subprocess.run(["exiftool", "-j", "-n", "-a", "-G1", str(path)],
                                       capture_output=True, check=True).stdout)[0]
    for key in ("ICC_Profile:ProfileDescription", "ICC-header:ProfileDateTime",
                "ICC-header:ProfileVersion", "ICC-header:ColorSpaceData",
                "ICC-header:ProfileClass"):
        group, name = key.split(":")
        want = str(theirs[key]).strip()
        if name == "ProfileClass":  # -n gives the code, our dump the name ExifTool prints
            want = {"mntr": "Display Device Profile"}.get(want, want)
        if name == "ProfileVersion":  # -n gives e.g. 1072 for 4.3.0
            want = f"{int(want) >> 8}.{(int(want) >> 4) & 0xF}.{int(want) & 0xF}"
        assert ours[group][name] == want, key
