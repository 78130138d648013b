"""Documents for publication: PDFs rewritten page by page (or, when that cannot be made clean,
rendered to page images), DOCX and ODT packages rebuilt without properties, custom XML,
comments, reviewer names or metadata inside their pictures."""

from __future__ import annotations

import io
import re
import zipfile
from xml.sax.saxutils import escape

from PIL import Image

from archive.exhibits.scrub_image import pixels_only

_PAGE_KEYS = ("/Annots", "/PieceInfo", "/Metadata", "/LastModified", "/Thumb",
              "/StructParents", "/AA")
_PIL_KIND = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WEBP", "GIF": "PNG", "TIFF": "PNG",
             "BMP": "PNG"}


def rewrite_pdf(data: bytes) -> bytes:
    """Pages copied into a new file with no document information, XMP, annotations, attachments
    or outline; every image re-encoded from its pixels."""
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        raise ValueError("the PDF is encrypted")
    writer = PdfWriter()
    for page in reader.pages:
        writer.add_page(page)
    for page in writer.pages:
        for key in _PAGE_KEYS:
            if key in page:
                del page[key]
        for image in page.images:
            picture = image.image
            if picture is None:
                raise ValueError("an embedded image cannot be read")
            bare = Image.frombytes(picture.mode, picture.size, picture.tobytes())
            if bare.mode not in ("RGB", "L", "CMYK"):
                bare = bare.convert("RGB")
            image.replace(bare, quality=90)
    writer.metadata = None
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def render_pdf(data: bytes, dpi: int = 150) -> bytes:
    """Each page drawn to a picture with PDFium and the pictures bound into a new PDF: nothing
    of the original file survives except what is visible."""
    import pypdfium2

    pages: list[Image.Image] = []
    document = pypdfium2.PdfDocument(data)
    try:
        for index in range(len(document)):
            page = document[index]
            pages.append(page.render(scale=dpi / 72).to_pil().convert("RGB"))
            page.close()
    finally:
        document.close()
    if not pages:
        raise ValueError("the PDF has no pages")
    buf = io.BytesIO()
    first, *rest = (Image.frombytes(p.mode, p.size, p.tobytes()) for p in pages)
    first.save(buf, "PDF", save_all=True, append_images=rest, resolution=dpi, quality=90,
               creationDate=None, modDate=None)
    return rewrite_pdf(buf.getvalue())  # drops the Info dictionary Pillow writes


def _reencode_picture(data: bytes) -> bytes:
    with Image.open(io.BytesIO(data)) as img:
        img.load()
        return pixels_only(img, _PIL_KIND.get(img.format or "", "PNG"))


_DROPPED = re.compile(r"^(customXml/.*|docProps/custom\.xml|docProps/thumbnail\.\w+|"
                      r".*/comments\w*\.xml|.*/people\.xml)$", re.IGNORECASE)
_CORE = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties '
         'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
         'xmlns:dc="http://purl.org/dc/elements/1.1/"/>')
_APP = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://'
        'schemas.openxmlformats.org/officeDocument/2006/extended-properties"/>')
_COMMENT_MARKS = re.compile(rb"<w:commentRangeStart\b[^>]*/>|<w:commentRangeEnd\b[^>]*/>|"
                            rb"<w:r>(?:(?!</w:r>).)*?<w:commentReference\b[^>]*/>\s*</w:r>|"
                            rb"<w:commentReference\b[^>]*/>", re.DOTALL)
_PERSON = re.compile(rb'\b(w:author|w:initials)="[^"]*"')
_PERSON_IDS = re.compile(rb'\s(?:w15:userId|w15:providerId|w:rsid\w*)="[^"]*"')
_RSIDS = re.compile(rb"<w:rsids>.*?</w:rsids>", re.DOTALL)


def _without_relations(xml: bytes, dropped: set[str]) -> bytes:
    for target in dropped:
        leaf = re.escape(target.rsplit("/", 1)[-1].encode())
        xml = re.sub(rb"<Relationship\b[^>]*Target=\"[^\"]*" + leaf + rb"\"[^>]*/>", b"", xml)
        xml = re.sub(rb"<Override\b[^>]*PartName=\"/" + re.escape(target.encode()) +
                     rb"\"[^>]*/>", b"", xml)
    return xml


def rewrite_docx(data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        names = src.namelist()
        dropped = {n for n in names if _DROPPED.match(n)}
        for name in names:
            if name in dropped:
                continue
            body = src.read(name)
            if name == "docProps/core.xml":
                body = _CORE.encode()
            elif name == "docProps/app.xml":
                body = _APP.encode()
            elif name.endswith(".rels") or name == "[Content_Types].xml":
                body = _without_relations(body, dropped)
            elif name.endswith(".xml"):
                body = _COMMENT_MARKS.sub(b"", body)
                body = _PERSON.sub(lambda m: m.group(1) + b'=""', body)
                body = _RSIDS.sub(b"", _PERSON_IDS.sub(b"", body))
            elif name.lower().startswith(("word/media/", "ppt/media/", "xl/media/")) and \
                    not name.lower().endswith((".emf", ".wmf", ".svg")):
                body = _reencode_picture(body)
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(info, body)
    return out.getvalue()


_ODF_META = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-meta xmlns:office='
             '"urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="{v}">'
             '<office:meta/></office:document-meta>')
_ODF_NOTES = re.compile(rb"<office:annotation\b.*?</office:annotation>|"
                        rb"<office:annotation-end\b[^>]*/>", re.DOTALL)
_ODF_TRACKED = re.compile(rb"<text:tracked-changes\b.*?</text:tracked-changes>", re.DOTALL)


def rewrite_odt(data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            body = src.read(name)
            if name == "meta.xml":
                version = re.search(rb'office:version="([\d.]+)"', body)
                body = _ODF_META.format(
                    v=escape(version.group(1).decode() if version else "1.2")).encode()
            elif name.endswith(".xml"):
                body = _ODF_TRACKED.sub(b"", _ODF_NOTES.sub(b"", body))
            elif name.lower().startswith(("pictures/", "thumbnails/")) and \
                    not name.lower().endswith((".svg", ".emf", ".wmf")):
                body = _reencode_picture(body)
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            # the mimetype member must stay first and stored, as ODF requires
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else \
                zipfile.ZIP_DEFLATED
            dst.writestr(info, body)
    return out.getvalue()
