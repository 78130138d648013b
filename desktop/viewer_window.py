"""One opened item: a photo, a text, or a recording with its timed transcript. Opening records a
``view`` custody event; closing (or locking) drops every decrypted byte it held."""

from __future__ import annotations

from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QSplitter, QToolBar, QVBoxLayout, QWidget

from .cue_list import CueList
from .photo_view import ZOOM_STEP, PhotoView
from .playback import media_view, unavailable_text
from .text_view import TextView

if TYPE_CHECKING:
    from archive import Vault

    from .media_view import MediaView


class ViewerWindow(QWidget):
    def __init__(self, vault: Vault, item_id: str, *, terms: list[str] | None = None,
                 timecode: float | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.item_id = item_id
        detail = vault.item_detail(item_id)
        self.kind: str = detail.kind
        self.setWindowTitle(detail.original_name)
        self.resize(900, 650)
        self.photo: PhotoView | None = None
        self.text: TextView | None = None
        self.media: MediaView | None = None
        self.cues: CueList | None = None
        self.unavailable: QLabel | None = None  # says why there is no player
        self.toolbar = QToolBar(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        if self.kind == "photo":
            self._photo(vault, layout)
        elif self.kind in ("audio", "video"):
            self._recording(vault, detail.original_name, layout, timecode)
        elif self.kind in ("transcript", "document"):
            self._text(vault, layout, terms or [], timecode)
        else:
            vault.open_original(item_id, purpose="view").close()
            note = QLabel(self.tr("There is no preview for this kind of file. Its original is "
                                  "kept bit-exact; export it to open it elsewhere."), self)
            note.setWordWrap(True)
            layout.addWidget(note)
        self.toolbar.setVisible(bool(self.toolbar.actions()))
        for keys in ("Esc", "Ctrl+W"):  # close like any viewer does
            closing = QAction(self)
            closing.setShortcut(QKeySequence(keys))
            closing.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            closing.triggered.connect(self.close)
            self.addAction(closing)

    # ------------------------------------------------------------------ kinds
    def _photo(self, vault: Vault, layout: QVBoxLayout) -> None:
        with vault.open_original(self.item_id, purpose="view") as reader:
            data = reader.readall()
        self.photo = PhotoView(self)
        layout.addWidget(self.photo, 1)
        if not self.photo.show_bytes(data):
            layout.addWidget(QLabel(self.tr("This photo cannot be shown: %1")
                                    .replace("%1", self.photo.error), self))
        del data
        fit = self.toolbar.addAction(self.tr("Fit"), self.photo.fit)
        fit.setShortcut(QKeySequence("F"))
        self.toolbar.addAction(self.tr("Actual size"), self.photo.actual_size)
        zoom_in = self.toolbar.addAction(self.tr("Zoom in"), lambda: self._zoom(ZOOM_STEP))
        zoom_in.setShortcut(QKeySequence.StandardKey.ZoomIn)
        zoom_out = self.toolbar.addAction(self.tr("Zoom out"), lambda: self._zoom(1 / ZOOM_STEP))
        zoom_out.setShortcut(QKeySequence.StandardKey.ZoomOut)

    def _zoom(self, factor: float) -> None:
        if self.photo is not None:
            self.photo.zoom(factor)

    def _recording(self, vault: Vault, name: str, layout: QVBoxLayout,
                   timecode: float | None) -> None:
        self.media = self._player(vault, self.item_id, self.kind, name)
        player: QWidget = self.media if self.media is not None else self._unavailable()
        transcripts = vault.related_recordings(self.item_id)
        if transcripts:
            _body, cues = vault.item_text(transcripts[0].id)
            if cues:
                splitter = QSplitter(Qt.Orientation.Vertical, self)
                splitter.addWidget(player)
                self._show_cues(cues, splitter)
                layout.addWidget(splitter, 1)
        if self.cues is None:
            layout.addWidget(player, 1)
        if timecode is not None and self.media is not None:
            self.media.seek_seconds(timecode, play=False)

    def _player(self, vault: Vault, item_id: str, kind: str, name: str) -> MediaView | None:
        """A player on a recording, streaming from the vault (a ``view`` custody event); None
        when playback is not available here (nothing is read then)."""
        media = media_view(video=kind == "video", parent=self)
        if media is None:
            return None
        suffix = PurePath(name).suffix or (".mp4" if kind == "video" else ".wav")
        media.load(vault.open_original(item_id, purpose="view"), suffix)
        return media

    def _unavailable(self) -> QLabel:
        self.unavailable = QLabel(unavailable_text(), self)
        self.unavailable.setWordWrap(True)
        self.unavailable.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return self.unavailable

    def _show_cues(self, cues: list[dict[str, Any]], splitter: QSplitter) -> CueList:
        """The cue list, tied both ways to the player when there is one."""
        self.cues = CueList(splitter)
        self.cues.set_cues(cues)
        splitter.addWidget(self.cues)
        if self.media is not None:
            self.cues.cue_activated.connect(self.media.seek_seconds)
            self.media.position_seconds.connect(self.cues.select_at)
        return self.cues

    def _text(self, vault: Vault, layout: QVBoxLayout, terms: list[str],
              timecode: float | None) -> None:
        vault.open_original(self.item_id, purpose="view").close()  # the custody event
        body, cues = vault.item_text(self.item_id)
        self.text = TextView(self)
        self.text.show_text(body or self.tr("No text could be read from this item."), terms)
        if not cues:
            layout.addWidget(self.text, 1)
            return
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        recordings = vault.related_recordings(self.item_id)
        if recordings:
            recording = recordings[0]
            self.media = self._player(vault, recording.id, recording.kind,
                                      recording.original_name)
            splitter.addWidget(self.media if self.media is not None else self._unavailable())
        self.cues = self._show_cues(cues, splitter)
        splitter.addWidget(self.text)
        layout.addWidget(splitter, 1)
        if timecode is not None:
            self.cues.select_at(timecode)
            if self.media is not None:
                self.media.seek_seconds(timecode, play=False)

    # ------------------------------------------------------------------ closing
    def release(self) -> None:
        """Drop every decrypted byte this window holds (used on close and on lock)."""
        if self.media is not None:
            self.media.stop()
        if self.photo is not None:
            self.photo.clear()
        if self.text is not None:
            self.text.clear()
        if self.cues is not None:
            self.cues.clear()

    def closeEvent(self, event: object) -> None:  # noqa: N802
        self.release()
        super().closeEvent(event)  # type: ignore[arg-type]
