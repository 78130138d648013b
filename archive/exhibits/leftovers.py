"""The second look at a publication copy: readers that share no code with the ones that made
the copy (their own walkers over JPEG segments, PNG chunks, RIFF chunks and ZIP members; qpdf
through pikepdf for PDFs, made with pypdf; mutagen and MediaInfo for recordings, made with FFmpeg)
list every identifying field still present. An empty list is the only pass.
"""

from __future__ import annotations

from archive.exhibits.leftovers_files import image_leftovers, odf_leftovers, ooxml_leftovers


def find_leftovers(data: bytes, ext: str) -> list[str]:
    """Every identifying field still present in a copy with this extension, in words."""
    if not data:
        return ["the copy is empty"]
    if ext in (".jpg", ".png", ".webp"):
        return image_leftovers(data, ext)
    if ext == ".pdf":
        from archive.exhibits.leftovers_pdf import pdf_leftovers  # qpdf loads only when needed

        return pdf_leftovers(data)
    if ext == ".docx":
        return ooxml_leftovers(data)
    if ext == ".odt":
        return odf_leftovers(data)
    if ext in (".txt", ".srt", ".vtt", ".md"):
        return []
    from archive.exhibits.leftovers_media import media_leftovers

    return media_leftovers(data, ext)
