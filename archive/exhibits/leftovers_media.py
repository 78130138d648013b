"""The second look at a recording: MediaInfo (libmediainfo) and mutagen, neither of which shares
code with FFmpeg, which made the copy. Anything but technical fields is a leftover."""

from __future__ import annotations

import io
import re
from typing import Any

from archive.exhibits.leftovers_files import riff_leftovers

# MediaInfo fields that describe only how the streams are coded and stored.
_TECHNICAL = re.compile(
    r"^(track_type|count|stream|kind|format|codec|commercial|duration|bit_rate|maximum_bit_rate|"
    r"frame|sampl|channel|internet_media_type|file_|complete_name|folder_name|overall|"
    r"proportion|width|height|pixel|display|colou?r|chroma|scan|bits|bit_depth|compression|"
    r"source_duration|delay|stored|track_id|id$|streamorder|language|alternate|default|forced|"
    r"unique_id|header_size|data_size|footer_size|isstreamable|resolution|matrix|rotation|"
    r"other_|video_format|audio_format|audio_codecs|audio_channels|errordetectiontype|"
    r"interleave|alignment|md5_of_the_unencoded|buffer|gop|encoding_settings|conformance|"
    r"muxing_mode|first_packet|samples_count|video_delay|hdr|mastering|maxcll|maxfall|"
    r"minimum_frame|maximum_frame|replay|to_data|encoded_library_settings|dolby|"
    r"service_kind|originalsourcemedium_id|bitdepth|datasize|footersize|headersize|source_|"
    r"nominal_|encoded_library_version|mdhd_duration|original_width|original_height|"
    r"audio_language|video_language|menu_format|stream_identifier)")
# Encoder names that say which free library coded the stream, and nothing about a device.
_GENERIC_WRITER = re.compile(r"^(?:(?:Lavf|Lavc|ffmpeg|x264|libopus|libvorbis|Xiph|"
                             r"reference libFLAC)[\w.\- ]*|LAME.*)$", re.DOTALL)
# (LAME's own header in the first MP3 frame is read as its name followed by binary settings.)
_WRITER_FIELDS = {"writing_library", "writing_application", "encoded_library",
                  "encoded_library_name", "encoded_library_version", "encoder",
                  "encoded_application"}


def _mediainfo(data: bytes) -> list[str]:
    from pymediainfo import MediaInfo

    found = []
    for track in MediaInfo.parse(io.BytesIO(data)).tracks:
        fields: dict[str, Any] = track.to_data()
        for key, value in fields.items():
            if _TECHNICAL.match(key):
                continue
            if key in _WRITER_FIELDS and _GENERIC_WRITER.match(str(value)):
                continue
            found.append(f"the {track.track_type.lower()} field {key}")
    return found


def _mutagen(data: bytes) -> list[str]:
    import mutagen

    try:
        tagged = mutagen.File(io.BytesIO(data))
    except mutagen.MutagenError:
        return []  # not a format mutagen knows; MediaInfo has looked already
    if tagged is None:
        return []
    found = []
    tags = tagged.tags
    if tags is not None:
        keys = [k for k in tags.keys()]  # noqa: SIM118 - some tag types are not iterable
        found += [f"the tag {k}" for k in keys]
    pictures = getattr(tagged, "pictures", None)
    if pictures:
        found.append("an embedded picture")
    return found


def media_leftovers(data: bytes, ext: str) -> list[str]:
    found = _mediainfo(data) + _mutagen(data)
    if data[:4] == b"RIFF":
        found += riff_leftovers(data)
    if data[:3] == b"ID3" or (len(data) > 128 and data[-128:-125] == b"TAG"):
        found.append("an ID3 tag")
    return sorted(set(found))
