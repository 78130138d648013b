"""Hostile files cost one file, never the batch: each test makes its own bad file, imports it
between two good ones, and checks that the batch went on, the bad file is in (bit-exact) with its
problem said in words, and nothing raised out of the import."""

from __future__ import annotations

import hashlib
import io
import json
import struct
import subprocess
import sys
import textwrap
import zipfile
import zlib
from pathlib import Path

import pytest

import fixtures as fx
from archive import Vault
from archive.intake.importer import IMPORTED, ImportOptions
from archive.intake.sniff import sniff

MIB = 1024 * 1024
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux limits")


def _import_between_good_files(vault: Vault, folder: Path, bad: Path,
                               options: ImportOptions | None = None) -> dict:
    """Import ``folder`` (holding ``bad`` and two photos sorted around it); return the bad
    file's item detail after checking the rest of the batch."""
    fx.jpeg(folder / "0-before.jpg", seed=1)
    fx.jpeg(folder / "z-after.jpg", seed=2)
    report = vault.import_paths([folder], options=options)
    by_name = {r.path.name: r for r in report.results}
    assert by_name["0-before.jpg"].status == IMPORTED
    assert by_name["z-after.jpg"].status == IMPORTED, "the batch stopped at the hostile file"
    result = by_name[bad.name]
    assert result.status == IMPORTED, result.message()
    with vault.open_original(result.item_id) as stored:
        assert hashlib.sha256(stored.read()).digest() == hashlib.sha256(
            bad.read_bytes()).digest()
    return vault.item_detail(result.item_id).as_json()


def _mp4_with_huge_edit_list(path: Path) -> Path:
    """A valid small MP4 whose `elst` entry count is set to 0x80000000 (4 bytes changed)."""
    fx.mp4(path, seconds=2.0)
    data = bytearray(path.read_bytes())
    at = data.find(b"elst")
    assert at > 0
    data[at + 8: at + 12] = struct.pack(">I", 0x80000000)  # after version (1) and flags (3)
    path.write_bytes(bytes(data))
    return path


def test_mp4_edit_list_count(small_vault: Vault, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    bad = _mp4_with_huge_edit_list(folder / "m-clip.mp4")
    detail = _import_between_good_files(small_vault, folder, bad,
                                        ImportOptions(reader_memory=768 * MIB))
    assert detail["kind"] == "video"


_HUNGRY_PARENT = textwrap.dedent("""
    import json, resource, sys
    sys.path.insert(0, sys.argv[3])
    from archive import Vault
    from archive.intake import reading
    from archive.intake.importer import ImportOptions
    from crypto.kdf import CHEAP_FOR_TESTS
    import hostile_readers

    reading.read_file = hostile_readers.hungry_read_file  # what the sandbox is handed
    vault, _ = Vault.create(sys.argv[1], "pass phrase", kdf_params=CHEAP_FOR_TESTS)
    report = vault.import_paths([sys.argv[2]],
                                options=ImportOptions(reader_memory=int(sys.argv[4])))
    print(json.dumps({
        "results": {r.path.name: [r.status, list(r.problems)] for r in report.results},
        "peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}))
""")


def test_a_reader_past_the_memory_cap_costs_one_file(tmp_path: Path) -> None:
    """The importing process runs in its own interpreter, so its peak memory is its own."""
    folder = tmp_path / "in"
    folder.mkdir()
    fx.jpeg(folder / "0-before.jpg", seed=1)
    fx.jpeg(folder / "m-middle.jpg", seed=3)
    fx.jpeg(folder / "z-after.jpg", seed=2)
    cap = 768 * MIB
    tests = Path(__file__).resolve().parent
    out = subprocess.run(
        [sys.executable, "-c", _HUNGRY_PARENT, str(tmp_path / "vault"), str(folder),
         str(tests), str(cap)], capture_output=True, text=True, timeout=600, check=True)
    seen = json.loads(out.stdout.splitlines()[-1])
    results = seen["results"]
    assert [results[n][0] for n in ("0-before.jpg", "m-middle.jpg", "z-after.jpg")] == [
        IMPORTED] * 3
    assert results["m-middle.jpg"][1] == [
        "the photo reader ran out of its memory limit (768 MiB)"]
    assert results["0-before.jpg"][1] == []
    assert seen["peak"] < cap


def test_srt_cue_of_a_million_angle_brackets(small_vault: Vault, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    bad = folder / "m-subtitles.srt"
    bad.write_bytes(b"1\n00:00:01,000 --> 00:00:02,000\n" + b"<" * MIB + b"\n\n"
                    b"2\n00:00:03,000 --> 00:00:04,000\n<v Anna>still here</v>\n")
    detail = _import_between_good_files(small_vault, folder, bad,
                                        ImportOptions(reader_seconds=60))
    assert detail["problems"] == []
    text, cues = small_vault.item_text(detail["id"])
    assert cues is not None and len(cues) == 2
    assert cues[0]["text"] == "<" * MIB
    assert cues[1] == {"start": 3.0, "end": 4.0, "text": "still here", "speaker": "Anna"}


def _odt_with_mimetype(method: int, flags: int = 0, payload: bytes | None = None) -> bytes:
    """A tiny ODT whose `mimetype` member is flagged or compressed as asked."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), b"application/vnd.oasis.opendocument.text")
    data = bytearray(buf.getvalue())
    struct.pack_into("<HH", data, 6, flags, method)  # local header: flags, method
    central = data.find(b"PK\x01\x02")
    struct.pack_into("<HH", data, central + 8, flags, method)
    if payload is not None:
        data[30 + len("mimetype"): 30 + len("mimetype") + len(payload)] = payload
    return bytes(data)


@pytest.mark.parametrize(("label", "odt"), [
    ("encrypted", _odt_with_mimetype(zipfile.ZIP_STORED, flags=1)),
    ("unknown method", _odt_with_mimetype(99)),
    ("bad deflate", _odt_with_mimetype(zipfile.ZIP_DEFLATED, payload=b"\xff" * 16)),
])
def test_odt_with_a_hostile_mimetype_member(small_vault: Vault, tmp_path: Path, label: str,
                                            odt: bytes) -> None:
    assert len(odt) < 300
    assert sniff(io.BytesIO(odt), "x.odt").format == "application/zip"  # never raises
    folder = tmp_path / "in"
    folder.mkdir()
    bad = folder / "m-letter.odt"
    bad.write_bytes(odt)
    _import_between_good_files(small_vault, folder, bad)


def _bomb_member(name: str, size: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def _zip_with_huge_member(path: Path, name: str, size: int, mimetype: str | None) -> Path:
    """A small archive whose member expands to ``size`` bytes of zeros (written streaming)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        if mimetype:
            z.writestr(zipfile.ZipInfo("mimetype"), mimetype)
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open(_bomb_member(name, size), "w", force_zip64=True) as member:
            block = b"\0" * MIB
            for _ in range(size // MIB):
                member.write(block)
    return path


@pytest.mark.slow
@pytest.mark.parametrize(("suffix", "member", "mimetype"), [
    (".docx", "word/document.xml", None),
    (".odt", "content.xml", "application/vnd.oasis.opendocument.text"),
])
def test_office_zip_bombs(small_vault: Vault, tmp_path: Path, suffix: str, member: str,
                          mimetype: str | None) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    bad = _zip_with_huge_member(folder / f"m-bomb{suffix}", member, 1024 * MIB, mimetype)
    assert bad.stat().st_size < 2 * MIB
    detail = _import_between_good_files(small_vault, folder, bad)
    assert detail["kind"] == "document"
    assert any("expands to 1.0 GiB" in p and "zip bomb" in p for p in detail["problems"])


def _png_header_only(path: Path, width: int, height: int) -> Path:
    """A bilevel PNG of ``width`` x ``height`` whose rows are all zeros (deflated, so tiny)."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(
            ">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    row = b"\0" * (1 + (width + 7) // 8)
    squeeze = zlib.compressobj(9)
    body = b"".join(squeeze.compress(row) for _ in range(height)) + squeeze.flush()
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(
        ">IIBBBBB", width, height, 1, 0, 0, 0, 0)) + chunk(b"IDAT", body) + chunk(b"IEND", b""))
    return path


@pytest.mark.slow
def test_png_between_the_limit_and_twice_it_is_refused(small_vault: Vault, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    bad = _png_header_only(folder / "m-bomb.png", 19990, 19990)
    from PIL import Image  # second opinion on the file: a valid PNG of that size

    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", None)  # in this process only
    with Image.open(bad) as check:
        assert check.size == (19990, 19990)
        check.verify()
    detail = _import_between_good_files(small_vault, folder, bad)
    assert (detail["width"], detail["height"]) == (19990, 19990)
    assert detail["problems"] == ["image: 399,600,100 pixels, more than the 200,000,000 a photo "
                                  "may have (a decompression bomb?); not decoded"]
    assert small_vault.thumbnail(detail["id"]) is None
