"""Publication copies of files whose every metadata field holds a canary word: after
`export --publication` no canary is left anywhere in any copy (raw bytes as UTF-8 and UTF-16,
inside DOCX members, inside decompressed PDF streams), and ExifTool and ffprobe, which share no
code with the program, find no identifying tag; no copy is empty; every file gets a result."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
import zlib
from pathlib import Path

import canary_corpus as cc
import pytest

import fixtures as fx
from archive import Vault
from archive.cli.main import main
from archive.exhibits import scrub_image
from archive.intake.importer import ImportOptions
from conftest import PASSPHRASE

pytestmark = pytest.mark.skipif(not (shutil.which("exiftool") and shutil.which("ffprobe")
                                     and shutil.which("ffmpeg")),
                                reason="needs exiftool and ffmpeg/ffprobe")

# ExifTool groups that only ever hold identifying data.
_BAD_GROUPS = re.compile(r"^(IFD0|IFD1|ExifIFD|GPS|IPTC|XMP.*|ICC.*|MakerNotes|Photoshop|ID3.*|"
                         r"Vorbis|ItemList|UserData|Keys|Lyrics3|APE|Comment)$")
_BAD_NAMES = re.compile(r"(GPS|Make$|Model$|Serial|Artist|Author|Creator|Company|Manager|"
                        r"HyperlinkBase|^Title$|^Comment|Location|DateTimeOriginal|Keywords|"
                        r"Subject|Producer|^Copyright$|By-line|City|LastModifiedBy|Product|DateCreated|"
                        r"Album)")
_ALLOWED_FFPROBE = {"major_brand", "minor_version", "compatible_brands", "language",
                    "handler_name", "vendor_id", "DURATION", "encoder"}


@pytest.fixture
def published(small_vault: Vault, vault_path: Path, tmp_path: Path,
              monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
              ) -> tuple[Path, list[Path], str, int]:
    inputs = cc.everything(tmp_path / "in")
    phone = fx.heic(tmp_path / "in" / "phone.heic")  # when this pillow-heif can encode
    inputs += [phone] if phone is not None else []
    small_vault.import_paths(inputs, options=ImportOptions(case="Story"))
    small_vault.lock()
    monkeypatch.setenv("STRONGROOM_PASSPHRASE", PASSPHRASE)
    out = tmp_path / "for-editor"
    code = main(["export", str(vault_path), "--case", "Story", "--out", str(out),
                 "--publication"])
    return out, inputs, capsys.readouterr().err, code


def _pdf_streams(data: bytes) -> list[bytes]:
    found = []
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.DOTALL):
        try:
            found.append(zlib.decompress(match.group(1)))
        except zlib.error:
            found.append(match.group(1))
    return found


def _all_views(path: Path) -> list[bytes]:
    data = path.read_bytes()
    views = [data]
    if path.suffix in (".docx", ".odt"):
        with zipfile.ZipFile(path) as z:
            views += [z.read(n) for n in z.namelist()]
    if path.suffix == ".pdf":
        views += _pdf_streams(data)
    return views


def test_no_canary_and_no_identifying_tag_survives(
        published: tuple[Path, list[Path], str, int]) -> None:
    out, inputs, printed, code = published
    copies = sorted(p for p in out.iterdir() if p.name != "SHA256SUMS")
    assert code == 0, printed
    assert len(copies) == len(inputs)  # every input has a copy (none refused here)
    assert "0 refused" in printed
    for copy in copies:
        assert copy.stat().st_size > 0, copy.name
        for view in _all_views(copy):
            assert not cc.canaries_in(view), (copy.name, cc.canaries_in(view))
            assert cc.CAPTURE_DAY.encode() not in view and b"2019:07:04" not in view
            assert b"TestPhone" not in view and fx.CAPTURED.encode() not in view

    import docx
    from odf.opendocument import load

    words = "\n".join(p.text for p in docx.Document(str(next(out.glob("*.docx")))).paragraphs)
    assert "The statement, as given." in words  # still the document, only bare
    assert "The statement, as given." in str(load(str(next(out.glob("*.odt")))).text)

    tags = json.loads(subprocess.run(["exiftool", "-j", "-a", "-G1", "-s", *map(str, copies)],
                                     capture_output=True, check=True, text=True).stdout)
    for entry in tags:
        for key, value in entry.items():
            group, _, name = key.partition(":")
            if group in ("System", "File", "ExifTool", "Composite", "ZIP") or not name:
                continue
            if name.endswith(("Date", "Time")) and str(value).startswith("0000:00:00"):
                continue
            if name in ("Vendor", "Encoder") and re.fullmatch(r"(ffmpeg|Lavf|Lavc)[\w. ]*",
                                                              str(value)):
                continue  # the free library that wrote the file, nothing about a device
            assert not _BAD_GROUPS.match(group), (entry["SourceFile"], key, value)
            assert not _BAD_NAMES.search(name), (entry["SourceFile"], key, value)
            assert "2019" not in str(value), (entry["SourceFile"], key, value)

    for copy in copies:
        if copy.suffix not in (".mp4", ".m4a", ".flac", ".wav", ".mp3", ".mkv", ".mka",
                               ".opus", ".ogg", ".webm", ".mov"):
            continue
        probe = json.loads(subprocess.run(
            ["ffprobe", "-v", "error", "-print_format", "json", "-show_format",
             "-show_streams", "-show_chapters", str(copy)],
            capture_output=True, check=True, text=True).stdout)
        assert not probe.get("chapters"), copy.name
        assert float(probe["format"]["duration"]) > 1.0, copy.name
        for where in [probe["format"], *probe["streams"]]:
            extra = set(where.get("tags", {})) - _ALLOWED_FFPROBE
            assert not extra, (copy.name, extra)
            assert where.get("tags", {}).get("encoder", "Lavf") == "Lavf"
            assert where.get("tags", {}).get("handler_name", "VideoHandler") in (
                "VideoHandler", "SoundHandler")


def test_embedded_picture_of_the_pdf_is_clean_and_photo_upright(
        published: tuple[Path, list[Path], str, int], tmp_path: Path) -> None:
    from PIL import Image

    out = published[0]
    pdf = next(out.glob("*.pdf"))
    if shutil.which("pdfimages"):
        subprocess.run(["pdfimages", "-all", str(pdf), str(tmp_path / "img")], check=True)
        pictures = list(tmp_path.glob("img-*"))
        assert pictures
        for picture in pictures:
            assert not cc.canaries_in(picture.read_bytes())
    photo = next(p for p in out.glob("*.jpg"))
    with Image.open(photo) as img:
        w, h = img.size
        assert w > h and img.convert("RGB").getpixel((w // 2, h // 5))[0] > 150
        assert not img.getexif() and "icc_profile" not in img.info


def test_a_copy_that_is_not_clean_is_refused_and_the_others_go_on(
        small_vault: Vault, vault_path: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "photo.jpg").write_bytes(cc.jpeg_bytes("leak"))
    cc.media(folder)
    (folder / "blob.bin").write_bytes(b"\x00\x01unknown format" * 50)
    small_vault.import_paths([folder], options=ImportOptions(case="Story"))
    small_vault.lock()
    # A stripper that forgets its job: the independent check must catch it.
    monkeypatch.setattr("archive.exhibits.publication.clean_photo",
                        lambda src, fmt: (src.read(), ".jpg"))
    monkeypatch.setenv("STRONGROOM_PASSPHRASE", PASSPHRASE)
    out = tmp_path / "copies"
    code = main(["export", str(vault_path), "--case", "Story", "--out", str(out),
                 "--publication"])
    printed = capsys.readouterr()
    assert code == 1
    assert "2 refused" in printed.err
    refusals = [line for line in printed.out.splitlines() if "REFUSED" in line]
    assert len(refusals) == 2
    assert any("EXIF or XMP" in r and "IPTC" in r for r in refusals)
    assert any("no way to make a clean copy" in r for r in refusals)
    made = [p for p in out.iterdir() if p.name != "SHA256SUMS"]
    assert len(made) == 10 and all(p.stat().st_size for p in made)
    assert not any(cc.canaries_in(p.read_bytes()) for p in made)
    assert scrub_image.clean_photo is not None  # the real one is untouched


def test_a_pdf_that_cannot_be_rewritten_cleanly_is_rendered_to_images(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from archive.exhibits import publication

    photo = tmp_path / "inner.jpg"
    photo.write_bytes(cc.jpeg_bytes("inner"))
    original = cc.pdf(tmp_path / "s.pdf", photo).read_bytes()
    monkeypatch.setattr(publication.documents, "rewrite_pdf", lambda data: data)
    data, ext, outcome, how = publication.make_clean_copy("document", "application/pdf",
                                                          io.BytesIO(original))
    assert (ext, outcome) == (".pdf", publication.REENCODED)
    assert "rendered" in how
    assert not any(cc.canaries_in(v) for v in [data, *_pdf_streams(data)])
    info = subprocess.run(["exiftool", "-j", "-PDF:all", "-XMP:all", "-"], input=data,
                          capture_output=True, check=True).stdout
    assert set(json.loads(info)[0]) <= {"SourceFile", "PDFVersion", "PageCount", "Linearized"}
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True,
                              check=True).stdout
        assert b"statement" not in text  # only pictures of the pages are left


def test_every_recording_can_also_be_transcoded(tmp_path: Path) -> None:
    """The fallback is a real path, not a formality: each recording of the corpus, and a voice
    at a sample rate AAC does not have, comes out of it playable, full length and untagged."""
    import io

    from archive.exhibits import scrub_media

    folder = tmp_path / "in"
    folder.mkdir()
    recordings = cc.media(folder)
    odd_rate = folder / "odd-rate.wav"
    subprocess.run(["ffmpeg", "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i",
                    "sine=frequency=300:duration=1.5:sample_rate=7875", "-c:a", "pcm_u8",
                    str(odd_rate)], check=True)
    for original in [*recordings, odd_rate]:
        data, ext = scrub_media.transcode(io.BytesIO(original.read_bytes()))
        copy = tmp_path / f"{original.stem}-{original.suffix[1:]}{ext}"
        copy.write_bytes(data)
        assert not cc.canaries_in(data), copy.name
        probe = json.loads(subprocess.run(
            ["ffprobe", "-v", "error", "-print_format", "json", "-show_format", "-show_streams",
             "-count_frames", str(copy)], capture_output=True, check=True, text=True).stdout)
        assert float(probe["format"]["duration"]) > 1.2, copy.name
        kinds = {s["codec_type"]: s for s in probe["streams"]}
        if "video" in kinds:
            assert int(kinds["video"]["nb_read_frames"]) >= 14, copy.name  # 1.5 s at 10 fps
        assert not set(probe["format"].get("tags", {})) - _ALLOWED_FFPROBE
