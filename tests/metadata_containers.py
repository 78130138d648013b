"""Files the container tests make: a JPEG whose XMP continues in extended-XMP segments, maker
notes of a known layout, XMP and IPTC-IIM in PNG, TIFF, HEIC and MP4, and a HEIC whose container
turns the picture while its EXIF says "normal" (as some Android phones write). Each maker
returns the path it wrote."""

from __future__ import annotations

import hashlib
import io
import struct
from pathlib import Path

from PIL import Image
from PIL.PngImagePlugin import PngInfo

import metadata_samples as ms

EXTENSION = b"http://ns.adobe.com/xmp/extension/\x00"
MAIN = b"http://ns.adobe.com/xap/1.0/\x00"
XMP_NOTE = "http://ns.adobe.com/xmp/note/"


def _packet(body: str, namespaces: str) -> bytes:
    return (f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
            f'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
            f'<rdf:Description rdf:about="" {namespaces}>{body}</rdf:Description>'
            f"</rdf:RDF></x:xmpmeta>").encode()


def extension_packet(capture: str, filler: int) -> bytes:
    """An extension with a capture date and a long property that needs several segments."""
    data = "QUJD" * (filler // 4)
    return _packet(f"<exif:DateTimeOriginal>{capture}</exif:DateTimeOriginal>"
                   f"<GImage:Data>{data}</GImage:Data>",
                   'xmlns:exif="http://ns.adobe.com/exif/1.0/" '
                   'xmlns:GImage="http://ns.google.com/photos/1.0/image/"')


def extended_segments(extension: bytes, guid: str, chunk: int = 60000,
                      offsets: list[int] | None = None,
                      full: int | None = None) -> list[tuple[int, bytes]]:
    """APP1 segments carrying ``extension``; ``offsets``/``full`` let a test lie about them."""
    starts = list(range(0, len(extension), chunk))
    segments = []
    for number, start in enumerate(starts):
        told = offsets[number] if offsets is not None else start
        header = EXTENSION + guid.encode() + struct.pack(
            ">II", len(extension) if full is None else full, told)
        segments.append((0xE1, header + extension[start:start + chunk]))
    return segments


def extended_xmp_jpeg(path: Path, extension: bytes | None = None, guid: str | None = None,
                      **lies: object) -> Path:
    """A JPEG whose main XMP names the extension by its MD5 (xmpNote:HasExtendedXMP) and whose
    capture date is only in the extension, split over several APP1 segments."""
    extension = extension or extension_packet("2021-06-07T08:09:10+02:00", 150_000)
    guid = guid or hashlib.md5(extension, usedforsecurity=False).hexdigest().upper()
    main = _packet("", f'xmlns:xmpNote="{XMP_NOTE}" xmpNote:HasExtendedXMP="{guid}" '
                   'xmlns:xmp="http://ns.adobe.com/xap/1.0/" '
                   'xmp:ModifyDate="2021-06-08T00:00:00"')
    segments = [(0xE1, MAIN + main), *extended_segments(extension, guid, **lies)]  # type: ignore[arg-type]
    return ms.jpeg_with(path, app_segments=segments)


def _ifd(entries: list[tuple[int, int, int, bytes]], start: int) -> bytes:
    """A little-endian IFD at ``start`` (offsets counted from the TIFF header); values longer
    than four bytes follow the IFD."""
    data_at = start + 2 + 12 * len(entries) + 4
    table, extra = struct.pack("<H", len(entries)), b""
    for tag, kind, count, value in entries:
        if len(value) <= 4:
            table += struct.pack("<HHI", tag, kind, count) + value.ljust(4, b"\x00")
        else:
            table += struct.pack("<HHII", tag, kind, count, data_at + len(extra))
            extra += value + b"\x00" * (len(value) % 2)
    return table + struct.pack("<I", 0) + extra


def jpeg_with_maker_note(path: Path, make: str, model: str, maker_note: bytes,
                         original: str | None = None) -> Path:
    """EXIF (little-endian) with Make, Model and an EXIF IFD holding ``maker_note`` (and
    DateTimeOriginal when given)."""
    make_b, model_b = make.encode() + b"\x00", model.encode() + b"\x00"
    ifd0_len = 2 + 12 * 3 + 4 + len(make_b) + len(make_b) % 2 + len(model_b) + len(model_b) % 2
    exif_at = 8 + ifd0_len
    ifd0 = _ifd([(0x010F, 2, len(make_b), make_b), (0x0110, 2, len(model_b), model_b),
                 (0x8769, 4, 1, struct.pack("<I", exif_at))], 8)
    entries = []
    if original:
        entries.append((0x9003, 2, 20, original.encode() + b"\x00"))
    entries.append((0x927C, 7, len(maker_note), maker_note))
    tiff = b"II*\x00" + struct.pack("<I", 8) + ifd0 + _ifd(entries, exif_at)
    return ms.jpeg_with(path, b"Exif\x00\x00" + tiff)


def reconyx_ultrafire_note(clock: tuple[int, int, int, int, int, int]) -> bytes:
    """An UltraFire maker note: 'RECONYXUF', the trigger time at byte 59 as seconds, minutes,
    hours, day, month and the year low byte first."""
    year, month, day, hour, minute, second = clock
    note = bytearray(b"RECONYXUF\x00".ljust(0x60, b"\x00"))
    note[0x3B:0x42] = bytes([second, minute, hour, day, month, year & 0xFF, year >> 8])
    return bytes(note)


def reconyx_hyperfire2_note(clock: tuple[int, int, int, int, int, int]) -> bytes:
    year, month, day, hour, minute, second = clock
    note = bytearray(b"RECONYXH2\x00".ljust(0x60, b"\x00"))
    note[0x3E:0x4A] = struct.pack("<6H", second, minute, hour, day, month, year)
    return bytes(note)


def fujifilm_note() -> bytes:
    """A Fujifilm maker note: 'FUJIFILM', the IFD offset (12), an IFD whose offsets count from
    the maker note itself: Version '0130', Quality 'FINE', Sharpness normal (3)."""
    quality = b"FINE   \x00"
    entries = [(0x0000, 7, 4, b"0130"), (0x1000, 2, len(quality), quality),
               (0x1001, 3, 1, struct.pack("<H", 3))]
    return b"FUJIFILM" + struct.pack("<I", 12) + _ifd(entries, 12)


def iptc_block(**values: bytes) -> bytes:
    numbers = {"DateCreated": 55, "TimeCreated": 60, "City": 90, "ObjectName": 5}
    return b"".join(b"\x1c\x02" + bytes([numbers[k]]) + struct.pack(">H", len(v)) + v
                    for k, v in values.items())


def photoshop_iptc(iim: bytes) -> bytes:
    return (b"8BIM" + struct.pack(">H", 0x0404) + b"\x00\x00" + struct.pack(">I", len(iim))
            + iim + b"\x00" * (len(iim) % 2))


IPTC_VALUES = {"DateCreated": b"20150314", "TimeCreated": b"092653+0100", "City": b"Tartu"}


def png_with_xmp_and_iptc(path: Path) -> Path:
    """XMP in an iTXt chunk, and IPTC-IIM as ImageMagick writes it: a 'Raw profile type iptc'
    text chunk holding the Photoshop resource block in hex."""
    info = PngInfo()
    info.add_itxt("XML:com.adobe.xmp", ms.xmp_packet(
        exif_DateTimeOriginal="2014-01-02T03:04:05").decode(), zip=False)
    raw = photoshop_iptc(iptc_block(**IPTC_VALUES))
    hexed = raw.hex()
    lines = "\n".join(hexed[i:i + 72] for i in range(0, len(hexed), 72))
    info.add_text("Raw profile type iptc", f"\niptc\n{len(raw):8d}\n{lines}\n", zip=True)
    ms._pixels().save(path, "PNG", pnginfo=info)
    return path


def tiff_with_xmp_and_iptc(path: Path) -> Path:
    """XMP in tag 700 and IPTC-IIM in tag 33723 (IPTC-NAA), as scanners and editors write."""
    from PIL.TiffImagePlugin import ImageFileDirectory_v2

    ifd = ImageFileDirectory_v2()
    ifd[700] = ms.xmp_packet(exif_DateTimeOriginal="2013-05-06T07:08:09")
    ifd.tagtype[700] = 1
    iim = iptc_block(**IPTC_VALUES)
    ifd[33723] = iim + b"\x00" * (-len(iim) % 4)
    ifd.tagtype[33723] = 7
    ms._pixels().save(path, "TIFF", tiffinfo=ifd)
    return path


def heic_with_xmp(path: Path) -> Path:
    from pillow_heif import register_heif_opener

    register_heif_opener()
    ms._pixels((96, 64)).save(path, "HEIF", quality=50, xmp=ms.xmp_packet(
        photoshop_DateCreated="2012-11-12T13:14:15+03:00"))
    return path


def heic_turned_by_container(path: Path) -> Path:
    """The container turns the picture (irot 270) while EXIF says Orientation 1: the stored
    size stays 96 x 64, what a decoder hands over is 64 x 96."""
    from pillow_heif import register_heif_opener

    register_heif_opener()
    exif = ms.exif_block({0x010F: "HMD Global", 0x0110: "Nokia 8.3 5G", 0x0112: 6})
    buf = io.BytesIO()
    ms._pixels((96, 64)).save(buf, "HEIF", exif=exif.tobytes(), quality=50)
    data = buf.getvalue()
    for order in "<>":  # the encoder may write the EXIF block in either byte order
        entry = struct.pack(order + "HHIH", 0x0112, 3, 1, 6)
        if data.count(entry) == 1:
            data = data.replace(entry, struct.pack(order + "HHIH", 0x0112, 3, 1, 1))
            break
    else:
        raise AssertionError("the orientation entry was not found once")
    path.write_bytes(data)
    with Image.open(path) as img:
        assert img.size == (64, 96), "the container rotation did not survive"
    return path


def _box(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", 8 + len(body)) + kind + body


def mp4_with_xmp(path: Path, where: str) -> Path:
    """An MP4 made by PyAV with XMP added where writers put it: ``uuid`` (a top-level uuid box
    with Adobe's XMP identifier, as Adobe's tools write in MP4) or ``XMP_`` (in moov/udta, as
    in QuickTime files). The box is appended after the media data, so no offset moves."""
    ms.video_with_dates(path, keys=True)
    data = path.read_bytes()
    packet = ms.xmp_packet(xmp_CreateDate="2011-02-03T04:05:06Z",
                           photoshop_DateCreated="2011-02-03T05:05:06+01:00")
    if where == "uuid":
        uuid = bytes.fromhex("BE7ACFCB97A942E89C71999491E3AFAC")
        path.write_bytes(data + _box(b"uuid", uuid + packet))
        return path
    # Rewrite moov (the last top-level box PyAV writes) with a udta/XMP_ box added.
    at = data.rfind(b"moov") - 4
    size = struct.unpack(">I", data[at:at + 4])[0]
    assert at + size == len(data), "moov is not the last box"
    body = data[at + 8:] + _box(b"udta", _box(b"XMP_", packet))
    path.write_bytes(data[:at] + _box(b"moov", body))
    return path


def _chunk(kind: bytes, body: bytes) -> bytes:
    return kind + struct.pack("<I", len(body)) + body + b"\x00" * (len(body) % 2)


def wav_voice_memo(path: Path, time: bytes | None = b"16:23:35") -> Path:
    """A WAV as cameras record voice memos: an INFO list with ICRD (the date) and an EXIF list
    with the time ('etim') and the camera ('ecor', 'emdl')."""
    import wave

    buf = io.BytesIO()
    with wave.open(buf, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(1)
        out.setframerate(8000)
        out.writeframes(b"\x80" * 800)
    data = buf.getvalue()
    info = _chunk(b"LIST", b"INFO" + _chunk(b"ICRD", b"2005-08-08\x00"))
    exif = b"exif" + _chunk(b"ever", b"0220") + _chunk(b"ecor", b"PENTAX Corporation\x00") \
        + _chunk(b"emdl", b"PENTAX Optio WP\x00")
    if time is not None:
        exif += _chunk(b"etim", time + b"\x00")
    body = data[12:] + info + _chunk(b"LIST", exif)
    path.write_bytes(b"RIFF" + struct.pack("<I", 4 + len(body)) + b"WAVE" + body)
    return path
