"""Audio and video for publication, through FFmpeg (PyAV), entirely in memory.

First choice: the audio and video streams copied untouched into a fresh container chosen for
their codecs, with no container or stream tags, no chapters, data or subtitle tracks and no
creation time. When that fails (a codec the container cannot hold, broken timestamps), the
streams are decoded and encoded again (H.264 and AAC in MP4, or AAC in M4A).
"""

from __future__ import annotations

import io
from fractions import Fraction
from typing import IO, Any

from archive.extract.ffmpeg import load_av

_MUX_OPTIONS = {"fflags": "+bitexact"}  # no encoder name, version or time written
_MP4_VIDEO = {"h264", "hevc", "mpeg4", "av1", "mpeg2video", "mjpeg"}
_MP4_AUDIO = {"aac", "mp3", "alac", "ac3", "eac3"}
_WEBM_VIDEO = {"vp8", "vp9", "av1"}
_WEBM_AUDIO = {"opus", "vorbis"}
_AUDIO_ONLY = {"aac": ("ipod", ".m4a"), "alac": ("ipod", ".m4a"), "mp3": ("mp3", ".mp3"),
               "flac": ("flac", ".flac"), "opus": ("ogg", ".opus"), "vorbis": ("ogg", ".ogg")}


_AAC_RATES = (8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000)


class EmptyResult(ValueError):
    """FFmpeg wrote nothing playable."""


def container_for(video: list[str], audio: list[str]) -> tuple[str, str, dict[str, str]]:
    """(FFmpeg muxer, file extension, muxer options) fitting these codecs."""
    options = dict(_MUX_OPTIONS)
    if not video and len(audio) == 1:
        codec = audio[0]
        if codec.startswith("pcm_"):
            return "wav", ".wav", options
        muxer, ext = _AUDIO_ONLY.get(codec, ("matroska", ".mka"))
        if muxer == "mp3":
            options["id3v2_version"] = "0"  # no ID3 tag at all
            options["write_xing"] = "0"
        return muxer, ext, options
    if video and set(video) <= _MP4_VIDEO and set(audio) <= _MP4_AUDIO:
        return "mp4", ".mp4", options
    if video and set(video) <= _WEBM_VIDEO and set(audio) <= _WEBM_AUDIO:
        return "webm", ".webm", options
    return "matroska", ".mka" if not video else ".mkv", options


def _streams(inp: Any) -> list[Any]:
    av = load_av()  # FFmpeg loads on first use, with its log off

    return [s for s in inp.streams if s.type in ("video", "audio")
            and not (s.type == "video" and s.disposition & av.stream.Disposition.attached_pic)]


def remux(src: IO[bytes]) -> tuple[bytes, str]:
    """Streams copied untouched into a fresh container without tags."""
    av = load_av()  # FFmpeg loads on first use, with its log off

    src.seek(0)
    out_buf = io.BytesIO()
    with av.open(src, "r") as inp:
        streams = _streams(inp)
        if not streams:
            raise EmptyResult("no audio or video stream")
        muxer, ext, options = container_for(
            [s.codec_context.codec.canonical_name for s in streams if s.type == "video"],
            [s.codec_context.codec.canonical_name for s in streams if s.type == "audio"])
        with av.open(out_buf, "w", format=muxer, options=options) as out:
            mapping = {}
            for stream in streams:
                copy = out.add_stream_from_template(stream)
                copy.metadata.clear()
                mapping[stream.index] = copy
            out.metadata.clear()
            written = 0
            for packet in inp.demux(*streams):
                if packet.dts is None or packet.size == 0:
                    continue
                packet.stream = mapping[packet.stream.index]
                out.mux(packet)
                written += 1
            if not written:
                raise EmptyResult("no packets could be copied")
    return _checked(out_buf.getvalue()), ext


def transcode(src: IO[bytes]) -> tuple[bytes, str]:
    """Decoded and encoded again: H.264 + AAC in MP4, or AAC alone in M4A."""
    av = load_av()  # FFmpeg loads on first use, with its log off

    src.seek(0)
    out_buf = io.BytesIO()
    with av.open(src, "r") as inp:
        video = next((s for s in _streams(inp) if s.type == "video"), None)
        audio = next((s for s in _streams(inp) if s.type == "audio"), None)
        if video is None and audio is None:
            raise EmptyResult("no audio or video stream")
        muxer, ext = ("mp4", ".mp4") if video is not None else ("ipod", ".m4a")
        with av.open(out_buf, "w", format=muxer, options=dict(_MUX_OPTIONS)) as out:
            encoders: dict[int, Any] = {}
            frame_time = Fraction(1, 25)
            if video is not None:
                rate = video.average_rate or Fraction(25)
                venc = out.add_stream("libx264" if "libx264" in av.codecs_available
                                      else "mpeg4", rate=rate)
                venc.width = max(2, video.codec_context.width // 2 * 2)
                venc.height = max(2, video.codec_context.height // 2 * 2)
                venc.pix_fmt = "yuv420p"
                # Frames count in 1/rate; the stream's own time base is the muxer's to change.
                frame_time = 1 / Fraction(rate)
                venc.codec_context.time_base = frame_time
                encoders[video.index] = venc
            if audio is not None:
                given = audio.codec_context.sample_rate or 44100
                sample_rate = next((r for r in _AAC_RATES if r >= given), _AAC_RATES[-1])
                layout = "mono" if audio.codec_context.channels == 1 else "stereo"
                aenc = out.add_stream("aac", rate=sample_rate)
                aenc.layout = layout
                encoders[audio.index] = aenc
                resampler = av.AudioResampler(format="fltp", layout=layout, rate=sample_rate)
            out.metadata.clear()
            counts = dict.fromkeys(encoders, 0)
            chosen = [s for s in (video, audio) if s is not None]
            for frame in inp.decode(*chosen):
                pieces: list[Any]
                if isinstance(frame, av.VideoFrame) and video is not None:
                    index, enc = video.index, encoders[video.index]
                    pieces = [frame.reformat(enc.width, enc.height, "yuv420p")]
                elif audio is not None:
                    index, enc = audio.index, encoders[audio.index]
                    pieces = list(resampler.resample(frame))
                else:
                    continue
                for piece in pieces:
                    piece.pts = counts[index]
                    if isinstance(piece, av.VideoFrame):
                        counts[index] += 1
                        piece.time_base = frame_time
                    else:
                        counts[index] += piece.samples
                        piece.time_base = Fraction(1, enc.rate)
                    for packet in enc.encode(piece):
                        out.mux(packet)
            for enc in encoders.values():
                for packet in enc.encode(None):
                    out.mux(packet)
            if not any(counts.values()):
                raise EmptyResult("nothing could be decoded")
    return _checked(out_buf.getvalue()), ext


def _checked(data: bytes) -> bytes:
    """Refuse an empty or unplayable result: it must open and give back at least one frame."""
    av = load_av()  # FFmpeg loads on first use, with its log off

    if not data:
        raise EmptyResult("FFmpeg wrote an empty file")
    with av.open(io.BytesIO(data), "r") as copy:
        streams = _streams(copy)
        if not streams:
            raise EmptyResult("the copy has no audio or video stream")
        for _frame in copy.decode(streams[0]):
            return data
    raise EmptyResult("the copy does not play")
