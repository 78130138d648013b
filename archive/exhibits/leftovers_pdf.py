"""The second look at a PDF: qpdf (through pikepdf) reads the copy that pypdf wrote and every
object in it is searched for document information, XMP, annotations, attachments and images
that carry their own metadata."""

from __future__ import annotations

import io

from archive.exhibits.leftovers_files import image_leftovers

_KEYS = {"/Metadata": "XMP metadata", "/PieceInfo": "application data (PieceInfo)",
         "/Annots": "annotations (comments and their authors)",
         "/EmbeddedFiles": "attached files", "/AF": "associated files",
         "/Perms": "permissions data", "/AcroForm": "a form", "/StructTreeRoot": "tagging data",
         "/SpiderInfo": "web capture data", "/OCProperties": "layer names",
         "/Outlines": "bookmarks", "/Threads": "article threads", "/Names": "a name tree",
         "/LastModified": "a modification date"}


def pdf_leftovers(data: bytes) -> list[str]:
    import pikepdf

    found: set[str] = set()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        info = pdf.trailer.get("/Info")
        if info is not None and len(info.keys()):
            found |= {f"the document property {k[1:]}" for k in info}
        for obj in pdf.objects:
            if not isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
                continue
            keys = set(obj.keys())
            found |= {_KEYS[k] for k in keys & _KEYS.keys()}
            if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Image" and \
                    "/DCTDecode" in str(obj.get("/Filter")):
                raw = obj.read_raw_bytes()
                found |= {f"an embedded image with {f}" for f in image_leftovers(raw, "x.jpg")}
    return sorted(found)
