"""Files whose every metadata field holds a unique canary word, made with Pillow, fpdf2,
python-docx and the ffmpeg command line, for checking that publication copies carry none."""

from __future__ import annotations

import io
import struct
import subprocess
import zipfile
from fractions import Fraction
from pathlib import Path

from PIL import Image, PngImagePlugin

CAPTURE_DAY = "20190704"  # every capture or creation date in the corpus is on this day


def canary(name: str) -> str:
    return f"CANARY{name.upper()}Q"


def _xmp(tag: str) -> bytes:
    return (
        '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/">'
        f'<dc:creator><rdf:Seq><rdf:li>{canary(tag + "xmpcreator")}</rdf:li></rdf:Seq></dc:creator>'
        f'<photoshop:City>{canary(tag + "xmpcity")}</photoshop:City>'
        '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>').encode()


def _iptc_app13(tag: str) -> bytes:
    def dataset(number: int, value: str) -> bytes:
        raw = value.encode()
        return b"\x1c\x02" + bytes([number]) + struct.pack(">H", len(raw)) + raw

    iptc = dataset(80, canary(tag + "byline")) + dataset(90, canary(tag + "iptccity"))
    block = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(iptc)) + iptc
    payload = b"Photoshop 3.0\x00" + block
    return b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload


def _exif(tag: str) -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = canary(tag + "make")
    exif[0x0110] = canary(tag + "model")
    exif[0x013B] = canary(tag + "artist")
    exif[0x8298] = canary(tag + "copyright")
    exif[0x010E] = canary(tag + "description")
    exif[0x0131] = canary(tag + "software")
    exif[0x0112] = 6
    ifd = exif.get_ifd(0x8769)
    ifd[0x9003] = "2019:07:04 09:41:07"
    ifd[0xA431] = canary(tag + "serial")
    ifd[0x927C] = canary(tag + "makernote").encode()
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (Fraction(55), Fraction(45), Fraction(1234, 100))
    gps[3], gps[4] = "E", (Fraction(37), Fraction(37), Fraction(567, 100))
    return exif


def jpeg_bytes(tag: str, size: tuple[int, int] = (320, 240)) -> bytes:
    """Stored sideways with orientation 6: shown upright it is red above, blue below."""
    w, h = size
    img = Image.new("RGB", (w, h), (200, 30, 30))
    img.paste((30, 30, 200), (0, h // 2, w, h))
    img = img.transpose(Image.Transpose.ROTATE_90)
    buf = io.BytesIO()
    from PIL import ImageCms

    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    img.save(buf, "JPEG", exif=_exif(tag).tobytes(), comment=canary(tag + "comment"),
             xmp=_xmp(tag), icc_profile=icc)
    data = buf.getvalue()
    at = data.index(b"\xff\xdb")  # before the quantisation tables, after the APP segments
    return data[:at] + _iptc_app13(tag) + data[at:]


def png(path: Path) -> Path:
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", canary("pngauthor"))
    info.add_text("Comment", canary("pngcomment"), zip=True)
    info.add_itxt("Location", canary("pnglocation"), lang="en", tkey="Location")
    Image.new("RGB", (64, 48), (10, 120, 10)).save(path, "PNG", pnginfo=info,
                                                   exif=_exif("png").tobytes())
    return path


def pdf(path: Path, photo: Path) -> Path:
    from fpdf import FPDF

    doc = FPDF()
    doc.add_page()
    doc.set_font("Helvetica", size=12)
    doc.cell(text="A statement for the press.")
    doc.image(str(photo), x=10, y=30, w=60)
    doc.set_title(canary("pdftitle"))
    doc.set_author(canary("pdfauthor"))
    doc.set_subject(canary("pdfsubject"))
    doc.set_keywords(canary("pdfkeywords"))
    doc.set_creator(canary("pdfcreator"))
    doc.set_producer(canary("pdfproducer"))
    from datetime import UTC, datetime
    doc.set_creation_date(datetime(2019, 7, 4, 9, 41, 7, tzinfo=UTC))
    packet = _xmp("pdf").decode()
    doc.set_xmp_metadata(packet[packet.index("<x:xmpmeta"):packet.index("<?xpacket end")])
    doc.output(str(path))
    return path


def docx(path: Path, photo: Path) -> Path:
    from datetime import datetime

    import docx as python_docx

    document = python_docx.Document()
    props = document.core_properties
    for field in ("author", "title", "subject", "keywords", "comments", "category",
                  "last_modified_by", "identifier", "content_status", "version"):
        setattr(props, field, canary("docx" + field.replace("_", "")))
    props.created = props.modified = props.last_printed = datetime(2019, 7, 4, 9, 41, 7)
    paragraph = document.add_paragraph("The statement, as given.")
    document.add_picture(str(photo))
    document.add_comment(paragraph.runs, text=canary("docxcommenttext"),
                         author=canary("docxcommentauthor"), initials="QQ")
    raw = io.BytesIO()
    document.save(raw)
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/app.xml":
                data = data.replace(b"</Properties>", (
                    f"<Company>{canary('docxcompany')}</Company>"
                    f"<Manager>{canary('docxmanager')}</Manager>"
                    f"<HyperlinkBase>{canary('docxhyperlinkbase')}</HyperlinkBase>"
                    "</Properties>").encode())
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", (
                    b'<Override PartName="/docProps/custom.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>'))
            if info.filename == "_rels/.rels":
                data = data.replace(b"</Relationships>", (
                    b'<Relationship Id="rIdCustom1" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/custom-properties" '
                    b'Target="docProps/custom.xml"/></Relationships>'))
            out.writestr(info, data)
        out.writestr("docProps/custom.xml", (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
            'custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
            'docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" '
            f'name="Source"><vt:lpwstr>{canary("docxcustom")}</vt:lpwstr></property>'
            '</Properties>'))
        out.writestr("customXml/item9.xml", f"<source>{canary('docxcustomxml')}</source>")
    return path


def odt(path: Path) -> Path:
    from odf import dc, meta, office, text
    from odf.opendocument import OpenDocumentText

    doc = OpenDocumentText()
    doc.meta.addElement(dc.Creator(text=canary("odtcreator")))
    doc.meta.addElement(dc.Title(text=canary("odttitle")))
    doc.meta.addElement(meta.InitialCreator(text=canary("odtinitialcreator")))
    doc.meta.addElement(meta.CreationDate(text="2019-07-04T09:41:07"))
    doc.meta.addElement(meta.UserDefined(name="Source", text=canary("odtuserdefined")))
    paragraph = text.P(text="The statement, as given.")
    note = office.Annotation()
    note.addElement(dc.Creator(text=canary("odtannotator")))
    note.addElement(text.P(text=canary("odtannotation")))
    paragraph.addElement(note)
    doc.text.addElement(paragraph)
    doc.save(str(path))
    return path


def _ffmpeg(path: Path, inputs: list[str], args: list[str], tag: str,
            location: bool = False) -> Path:
    meta = ["-metadata", f"title={canary(tag + 'title')}",
            "-metadata", f"artist={canary(tag + 'artist')}",
            "-metadata", f"comment={canary(tag + 'comment')}",
            "-metadata", f"album={canary(tag + 'album')}",
            "-metadata", "creation_time=2019-07-04T09:41:07Z",
            "-metadata", "date=2019-07-04"]
    if location:
        meta += ["-metadata", "location=+55.7512+037.6184/",
                 "-metadata", f"com.apple.quicktime.make={canary(tag + 'make')}",
                 "-metadata", f"com.apple.quicktime.model={canary(tag + 'model')}"]
    subprocess.run(["ffmpeg", "-hide_banner", "-loglevel", "error", "-y", *inputs, *meta,
                    *args, str(path)], check=True)
    return path


_TONE = ["-f", "lavfi", "-i", "sine=frequency=440:duration=1.5:sample_rate=44100"]
_PICTURE = ["-f", "lavfi", "-i", "testsrc=size=160x120:rate=10:duration=1.5"]


def media(folder: Path) -> list[Path]:
    """MP4 with location, M4A, FLAC, WAV, MP3, MOV, MKV, Ogg/Opus, AVI and raw AAC."""
    av_args = ["-c:v", "mpeg4", "-c:a", "aac", "-shortest"]
    return [
        _ffmpeg(folder / "clip.mp4", _PICTURE + _TONE,
                [*av_args, "-metadata:s:a:0", f"handler_name={canary('mp4handler')}",
                 "-movflags", "use_metadata_tags"], "mp4", location=True),
        _ffmpeg(folder / "voice.m4a", _TONE, ["-c:a", "aac"], "m4a"),
        _ffmpeg(folder / "voice.flac", _TONE, ["-c:a", "flac"], "flac"),
        _ffmpeg(folder / "voice.wav", _TONE, ["-c:a", "pcm_s16le"], "wav"),
        _ffmpeg(folder / "voice.mp3", _TONE, ["-c:a", "libmp3lame"], "mp3"),
        _ffmpeg(folder / "clip.mov", _PICTURE + _TONE,
                [*av_args, "-movflags", "use_metadata_tags"], "mov", location=True),
        _ffmpeg(folder / "clip.mkv", _PICTURE + _TONE,
                [*av_args, "-metadata:s:v:0", f"title={canary('mkvstreamtitle')}"], "mkv"),
        _ffmpeg(folder / "voice.opus", _TONE, ["-c:a", "libopus"], "opus"),
        _ffmpeg(folder / "clip.avi", _PICTURE + _TONE, av_args, "avi"),
        _ffmpeg(folder / "voice.aac", _TONE, ["-c:a", "aac", "-f", "adts"], "aac"),
    ]


def everything(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    photo = folder / "photo.jpg"
    photo.write_bytes(jpeg_bytes("jpeg"))
    inner = folder.parent / "embedded.jpg"
    inner.write_bytes(jpeg_bytes("embedded"))
    return [photo, png(folder / "drawing.png"), pdf(folder / "statement.pdf", inner),
            docx(folder / "statement.docx", inner), odt(folder / "statement.odt"),
            *media(folder)]


def canaries_in(data: bytes) -> set[str]:
    """Canary words found in these bytes as UTF-8 or UTF-16 (either byte order)."""
    found = set()
    for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
        marker = "CANARY".encode(encoding)
        start = data.find(marker)
        while start != -1:
            end = data.find("Q".encode(encoding), start)
            found.add(data[start:end].decode(encoding, "replace"))
            start = data.find(marker, start + 1)
    return found
