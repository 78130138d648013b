"""Real-format files with dates in every place a camera, phone or editor puts them, made here so
the metadata tests need nothing from outside. Each maker returns the path it wrote."""

from __future__ import annotations

import io
import struct
from fractions import Fraction
from pathlib import Path

from PIL import Image
from PIL.PngImagePlugin import PngInfo

XMP_TEMPLATE = """<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:exif="http://ns.adobe.com/exif/1.0/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    {attributes}>
   <dc:subject><rdf:Bag><rdf:li>courtyard</rdf:li><rdf:li>door</rdf:li></rdf:Bag></dc:subject>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""


def xmp_packet(**properties: str) -> bytes:
    attributes = " ".join(f'{k.replace("_", ":", 1)}="{v}"' for k, v in properties.items())
    return XMP_TEMPLATE.format(attributes=attributes).encode()


def _pixels(size: tuple[int, int] = (64, 48)) -> Image.Image:
    img = Image.new("RGB", size, (90, 120, 30))
    img.paste((10, 10, 160), (0, size[1] // 2, size[0], size[1]))
    return img


def exif_block(ifd0: dict[int, object], exif_ifd: dict[int, object] | None = None,
               gps: dict[int, object] | None = None) -> Image.Exif:
    exif = Image.Exif()
    for tag, value in ifd0.items():
        exif[tag] = value
    if exif_ifd:
        sub = exif.get_ifd(0x8769)
        sub.update(exif_ifd)
    if gps:
        sub = exif.get_ifd(0x8825)
        sub.update(gps)
    return exif


def jpeg_with(path: Path, exif: Image.Exif | bytes | None = None, xmp: bytes | None = None,
              app_segments: list[tuple[int, bytes]] = ()) -> Path:  # type: ignore[assignment]
    buf = io.BytesIO()
    options: dict[str, object] = {"quality": 80}
    if exif is not None:
        options["exif"] = exif if isinstance(exif, bytes) else exif.tobytes()
    if xmp is not None:
        options["xmp"] = xmp
    _pixels().save(buf, "JPEG", **options)
    data = buf.getvalue()
    extra = b"".join(bytes([0xFF, marker]) + struct.pack(">H", len(body) + 2) + body
                     for marker, body in app_segments)
    path.write_bytes(data[:2] + extra + data[2:])
    return path


def xmp_only_jpeg(path: Path) -> Path:
    """Capture time only in XMP (as Lightroom exports without EXIF write it), plus a
    ModifyDate-like xmp:ModifyDate that must not be taken for it."""
    return jpeg_with(path, xmp=xmp_packet(
        exif_DateTimeOriginal="2019-05-04T17:22:09.350+02:00",
        xmp_ModifyDate="2020-01-02T10:00:00+01:00", xmp_CreateDate="2019-06-01T08:00:00"))


def offset_subsec_jpeg(path: Path) -> Path:
    return jpeg_with(path, exif_block(
        {0x010F: "TestCam", 0x0110: "Field 7", 0x0132: "2024:02:01 09:00:00"},
        {0x9003: "2023:11:05 23:59:58", 0x9291: "047", 0x9011: "-04:30",
         0x9004: "2023:11:05 23:59:58", 0x9010: "+00:00"}))


def gps_clock_jpeg(path: Path) -> Path:
    """Camera clock 2 h 03 min ahead of the satellites (camera zone unknown)."""
    return jpeg_with(path, exif_block(
        {0x010F: "TestCam", 0x0110: "Field 7"},
        {0x9003: "2022:08:19 16:44:30"},
        {0: b"\x02\x03\x00\x00", 1: "N", 2: (Fraction(48), Fraction(51), Fraction(2421, 100)),
         3: "E", 4: (Fraction(2), Fraction(21), Fraction(771, 100)),
         7: (Fraction(14), Fraction(41), Fraction(30)), 29: "2022:08:19"}))


def modify_date_only_jpeg(path: Path) -> Path:
    return jpeg_with(path, exif_block({0x010F: "Scanner", 0x0132: "2021:03:03 12:12:12",
                                       0x0131: "PhotoEditor 5"}))


def broken_ifd_jpeg(path: Path) -> Path:
    """An EXIF IFD whose last entries point far outside the segment (as old firmware wrote
    them); the date entry before them is intact."""
    date = b"2004:07:21 11:03:19\x00"
    make, model = b"OLDCAM\x00", b"OLDCAM 3000\x00"
    # TIFF header, IFD0 at 8: Make, Model, ExifIFD pointer.
    ifd0_at, n0 = 8, 3
    data_at = ifd0_at + 2 + n0 * 12 + 4
    exif_at = data_at + len(make) + len(model)
    ifd0 = struct.pack("<H", n0)
    ifd0 += struct.pack("<HHII", 0x010F, 2, len(make), data_at)
    ifd0 += struct.pack("<HHII", 0x0110, 2, len(model), data_at + len(make))
    ifd0 += struct.pack("<HHII", 0x8769, 4, 1, exif_at)
    ifd0 += struct.pack("<I", 0)
    n1 = 3
    date_at = exif_at + 2 + n1 * 12 + 4
    sub = struct.pack("<H", n1)
    sub += struct.pack("<HHII", 0x9003, 2, len(date), date_at)
    sub += struct.pack("<HHII", 0x927C, 7, 0x7FFFFFF0, 0x7FFFFF00)  # maker note beyond the end
    sub += struct.pack("<HHII", 0xA005, 13, 1, 0x7FFFFFFF)  # interop IFD beyond the end
    sub += struct.pack("<I", 0)
    tiff = b"II*\x00" + struct.pack("<I", ifd0_at) + ifd0 + make + model + sub + date
    return jpeg_with(path, b"Exif\x00\x00" + tiff)


def picture_info_jpeg(path: Path) -> Path:
    """An early Olympus: no EXIF, the time in APP12 as seconds of the camera's clock."""
    body = (b"OLYMPUS OPTICAL CO.,LTD.   \x00 713\r\n[picture info]\r\nTimeDate=909698819\r\n"
            b"Shutter=33363\r\n[camera info]\r\nType=SR55\r\n")
    return jpeg_with(path, app_segments=[(0xEC, body)])


def iptc_jpeg(path: Path) -> Path:
    def dataset(number: int, value: bytes) -> bytes:
        return b"\x1c\x02" + bytes([number]) + struct.pack(">H", len(value)) + value
    iim = dataset(55, b"20180412") + dataset(60, b"081530+0200") + dataset(90, b"Tallinn")
    resource = b"8BIM" + struct.pack(">H", 0x0404) + b"\x00\x00" + struct.pack(">I", len(iim)) + iim
    return jpeg_with(path, app_segments=[(0xED, b"Photoshop 3.0\x00" + resource)])


def png_with_xmp(path: Path) -> Path:
    info = PngInfo()
    info.add_itxt("XML:com.adobe.xmp", xmp_packet(
        photoshop_DateCreated="2017-09-30T14:05:00-07:00").decode(), zip=False)
    _pixels().save(path, "PNG", pnginfo=info)
    return path


def tiff_with_xmp(path: Path) -> Path:
    from PIL.TiffImagePlugin import ImageFileDirectory_v2

    ifd = ImageFileDirectory_v2()
    ifd[700] = xmp_packet(exif_DateTimeOriginal="2016-02-29T06:07:08Z")
    ifd.tagtype[700] = 1  # BYTE, as XMP is stored in TIFF
    ifd[0x0132] = "2016:03:01 00:00:00"
    _pixels().save(path, "TIFF", tiffinfo=ifd)
    return path


def heic_with_exif(path: Path) -> Path:
    from pillow_heif import register_heif_opener

    register_heif_opener()
    exif = exif_block({0x010F: "Apple", 0x0110: "iPhone 12", 0x0112: 6,
                       0x0132: "2023:04:05 06:07:09"},
                      {0x9003: "2023:04:05 06:07:08", 0x9011: "+09:00", 0x9291: "120"})
    _pixels((96, 64)).save(path, "HEIF", exif=exif.tobytes(), quality=50)
    return path


def video_with_dates(path: Path, keys: bool) -> Path:
    """A video with the movie header time and a location; without ``keys`` a QuickTime file
    whose location is the UserData '\xa9xyz' box, with ``keys`` an MP4 with the Keys creation
    date a phone writes (local time with its offset). Written through PyAV's FFmpeg muxers."""
    import av

    options = {"movflags": "use_metadata_tags"} if keys else {}
    with av.open(str(path), "w", format="mp4" if keys else "mov", options=options) as out:
        out.metadata["creation_time"] = "2024-10-30T03:25:00Z"
        out.metadata["location"] = "+55.8611+037.5869/"
        if keys:
            out.metadata["com.apple.quicktime.creationdate"] = "2024-10-30T06:24:51+0300"
        stream = out.add_stream("mpeg4", rate=5)
        stream.width, stream.height, stream.pix_fmt = 64, 48, "yuv420p"
        for _ in range(5):
            frame = av.VideoFrame.from_image(_pixels())
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    return path
