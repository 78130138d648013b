"""Audio and video played from the encrypted original through :class:`ObjectDevice`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
from PySide6.QtMultimediaWidgets import QVideoWidget
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from .formatting import duration_text
from .object_device import ObjectDevice

if TYPE_CHECKING:
    from archive.storage.objects import ObjectReader


class MediaView(QWidget):
    position_seconds = Signal(float)

    def __init__(self, video: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.player = QMediaPlayer(self)
        self.audio = QAudioOutput(self)
        self.player.setAudioOutput(self.audio)
        self._device: ObjectDevice | None = None
        self._pending_ms: int | None = None  # a seek asked for before the media had loaded
        self.video_widget: QVideoWidget | None = None
        layout = QVBoxLayout(self)
        if video:
            self.video_widget = QVideoWidget(self)
            self.video_widget.setMinimumSize(320, 240)
            self.player.setVideoOutput(self.video_widget)
            layout.addWidget(self.video_widget, 1)
        controls = QHBoxLayout()
        self.play_button = QPushButton(self)
        self.play_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MediaPlay))
        self.play_button.setToolTip(self.tr("Play or pause (Space)"))
        self.play_button.setShortcut(Qt.Key.Key_Space)
        self.play_button.clicked.connect(self.toggle)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.sliderMoved.connect(self.player.setPosition)
        self.time_label = QLabel("0:00 / 0:00", self)
        controls.addWidget(self.play_button)
        controls.addWidget(self.slider, 1)
        controls.addWidget(self.time_label)
        layout.addLayout(controls)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout.addWidget(self.error_label)
        self.player.durationChanged.connect(self._duration)
        self.player.positionChanged.connect(self._position)
        self.player.playbackStateChanged.connect(self._state)
        self.player.errorOccurred.connect(self._error)
        self.player.mediaStatusChanged.connect(self._status)

    def load(self, reader: ObjectReader, suffix: str) -> None:
        """Play from the decrypted stream; ``suffix`` only hints the container to the backend."""
        self.stop()
        self._device = ObjectDevice(reader, self)
        self._device.open()
        self.player.setSourceDevice(self._device, QUrl(f"item{suffix}"))

    def toggle(self) -> None:
        if self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            self.player.pause()
        else:
            self.player.play()

    def seek_seconds(self, seconds: float, play: bool = True) -> None:
        ms = int(seconds * 1000)
        if self.player.mediaStatus() in (QMediaPlayer.MediaStatus.NoMedia,
                                         QMediaPlayer.MediaStatus.LoadingMedia):
            self._pending_ms = ms
        else:
            self.player.setPosition(ms)
        if play:
            self.player.play()

    def _status(self, status: QMediaPlayer.MediaStatus) -> None:
        if status == QMediaPlayer.MediaStatus.LoadedMedia and self._pending_ms is not None:
            self.player.setPosition(self._pending_ms)
            self._pending_ms = None

    def stop(self) -> None:
        """Stop and drop the source and its decrypted buffer."""
        self.player.stop()
        self.player.setSource(QUrl())
        if self._device is not None:
            self._device.close()
            self._device.deleteLater()
            self._device = None

    def _duration(self, ms: int) -> None:
        self.slider.setRange(0, ms)
        self._position(self.player.position())

    def _position(self, ms: int) -> None:
        if not self.slider.isSliderDown():
            self.slider.setValue(ms)
        total = duration_text(self.player.duration() / 1000)
        self.time_label.setText(f"{duration_text(ms / 1000)} / {total}")
        self.position_seconds.emit(ms / 1000)

    def _state(self, state: QMediaPlayer.PlaybackState) -> None:
        icon = (QStyle.StandardPixmap.SP_MediaPause
                if state == QMediaPlayer.PlaybackState.PlayingState
                else QStyle.StandardPixmap.SP_MediaPlay)
        self.play_button.setIcon(self.style().standardIcon(icon))

    def _error(self, _error: QMediaPlayer.Error, message: str) -> None:
        self.error_label.setText(self.tr("This recording cannot be played here: %1")
                                 .replace("%1", message))
        self.error_label.show()
