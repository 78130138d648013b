"""What is known about the selected item: metadata, hashes, provenance, custody, notes, tags."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from archive.catalog.labels import capture_time
from archive.catalog.records import iso

from .custody_model import CustodyModel
from .edit_saver import NOTE, EditSaver
from .formatting import duration_text, iso_text, kind_text, size_text
from .metadata_view import MetadataView, value_label

if TYPE_CHECKING:
    from archive import Vault
    from archive.catalog.details import ItemDetail

    from .tasks import TaskRunner


class DetailPane(QScrollArea):
    item_changed = Signal(str)  # notes or tags were saved
    open_requested = Signal(str)

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Notes and tags are saved on a task thread (see ``edit_saver``).
        self.saver = EditSaver(tasks, self)
        self.saver.started.connect(self._save_started)
        self.saver.saved.connect(self._saved)
        self.saver.failed.connect(self._save_failed)
        self._focus_after_save: QWidget | None = None
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._vault: Vault | None = None
        self.item_id: str | None = None
        self.detail: ItemDetail | None = None
        self.custody_model = CustodyModel(self)
        body = QWidget(self)
        self._layout = QVBoxLayout(body)
        self.title = QLabel(body)
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold; font-size: 14pt")
        self._layout.addWidget(self.title)
        self.open_button = QPushButton(self.tr("Open"), body)
        self.open_button.clicked.connect(self._open)
        self._layout.addWidget(self.open_button)

        self.facts_box = QGroupBox(self.tr("Facts"), body)
        self.facts = QFormLayout(self.facts_box)
        self._layout.addWidget(self.facts_box)
        self.meta_box = QGroupBox(self.tr("Metadata"), body)
        self.metadata_view = MetadataView(self.meta_box)
        QVBoxLayout(self.meta_box).addWidget(self.metadata_view)
        self._layout.addWidget(self.meta_box)
        self.provenance_box = QGroupBox(self.tr("Provenance"), body)
        self.provenance = QVBoxLayout(self.provenance_box)
        self._layout.addWidget(self.provenance_box)

        tags_box = QGroupBox(self.tr("Tags"), body)
        tags_row = QHBoxLayout(tags_box)
        self.tags_edit = QLineEdit(tags_box)
        self.tags_edit.setPlaceholderText(self.tr("comma-separated"))
        self.tags_save = QPushButton(self.tr("Save tags"), tags_box)
        self.tags_save.clicked.connect(self._save_tags)
        self.tags_edit.returnPressed.connect(self._save_tags)
        tags_row.addWidget(self.tags_edit, 1)
        tags_row.addWidget(self.tags_save)
        self._layout.addWidget(tags_box)

        notes_box = QGroupBox(self.tr("Notes"), body)
        notes_layout = QVBoxLayout(notes_box)
        self.notes_list = QListWidget(notes_box)
        self.notes_list.setWordWrap(True)
        self.note_edit = QPlainTextEdit(notes_box)
        self.note_edit.setPlaceholderText(self.tr("A new note (kept in the custody record)"))
        self.note_edit.setMaximumHeight(80)
        self.note_save = QPushButton(self.tr("Add note"), notes_box)
        self.note_save.clicked.connect(self._save_note)
        self.note_action = QAction(self.tr("Add note"), self.note_edit)
        self.note_action.setShortcut(QKeySequence("Ctrl+Return"))
        self.note_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.note_action.triggered.connect(self._save_note)
        self.note_edit.addAction(self.note_action)
        self.note_save.setToolTip(self.tr("Add the note (Ctrl+Return)"))
        self.save_status = QLabel(notes_box)  # "Saving…", then "Saved"
        self.save_status.setObjectName("save-status")
        notes_layout.addWidget(self.notes_list)
        notes_layout.addWidget(self.note_edit)
        notes_layout.addWidget(self.note_save)
        notes_layout.addWidget(self.save_status)
        self._layout.addWidget(notes_box)

        custody_box = QGroupBox(self.tr("Custody timeline"), body)
        custody_layout = QVBoxLayout(custody_box)
        self.custody_view = QTableView(custody_box)
        self.custody_view.setModel(self.custody_model)
        self.custody_view.verticalHeader().hide()
        self.custody_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.custody_view.horizontalHeader().setStretchLastSection(True)
        self.custody_view.setWordWrap(True)  # long sentences wrap instead of running off
        self.custody_view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.custody_view.setMinimumHeight(160)
        custody_layout.addWidget(self.custody_view)
        self._layout.addWidget(custody_box)
        self._layout.addStretch(1)
        self.setWidget(body)
        self.show_item(None, None)

    # ------------------------------------------------------------------ contents
    def show_item(self, vault: Vault | None, item_id: str | None) -> None:
        if item_id != self.item_id or vault is not self._vault:
            self.save_status.clear()
        if vault is not self._vault:
            self.saver.forget()  # a save for a vault no longer shown reports nothing
        self._vault, self.item_id = vault, item_id
        self.detail = vault.item_detail(item_id) if vault is not None and item_id else None
        while self.facts.rowCount():
            self.facts.removeRow(0)
        while self.provenance.count():
            entry = self.provenance.takeAt(0)
            widget = entry.widget() if entry is not None else None
            if widget is not None:
                widget.hide()  # gone from the picture now, not at the next loop turn
                widget.deleteLater()
        self.notes_list.clear()
        self.note_edit.clear()
        enabled = self.detail is not None
        for part in self.item_parts():
            part.setVisible(enabled)
        for widget in (self.open_button, self.tags_edit, self.note_edit):
            widget.setEnabled(enabled)
        self._enable_saving(enabled and not self.saver.busy())
        d = self.detail
        if d is None:
            self.metadata_view.set_metadata({})
            self.meta_box.hide()
            self.title.setText(self.tr("Nothing selected"))
            self.tags_edit.clear()
            self.custody_model.clear()
            return
        self.title.setText(d.original_name)
        self._fact(self.tr("Kind"), kind_text(d.kind))
        self._fact(self.tr("Size"), f"{size_text(d.size)} ({d.size:,} B)")
        self._fact(self.tr("SHA-256"), d.sha256, copy=True, mono=True, groups=16)
        for name, digest in (("MD5", d.md5), ("SHA1", d.sha1)):
            if digest:
                self._fact(name, digest, copy=True, mono=True, groups=16)
        captured = capture_time(d.captured_at, d.captured_is_utc, d.captured_local)
        if captured:
            self._fact(self.tr("Captured"), captured.replace(
                "(zone unknown)", self.tr("(zone unknown)")).replace(
                "(date only)", self.tr("(date only)")))
        if d.camera:
            self._fact(self.tr("Camera"), d.camera)
        if d.gps:
            text = f"{d.gps.lat:.6f}, {d.gps.lon:.6f}"
            if d.gps.alt is not None:
                text += f" ({d.gps.alt:.1f} m)"
            self._fact(self.tr("GPS"), text, copy=True)
        if d.width and d.height:
            self._fact(self.tr("Dimensions"), f"{d.width} × {d.height}")
        if d.duration:
            self._fact(self.tr("Duration"), duration_text(d.duration))
        if d.text_encoding:
            self._fact(self.tr("Text encoding"), d.text_encoding)
        self._fact(self.tr("Cases"), ", ".join(d.cases) or "—")
        if vault is not None:
            self._linked_facts(vault, d.id)
        self._fact(self.tr("Item id"), d.id, copy=True, mono=True, groups=16)
        for problem in d.problems:
            self._fact(self.tr("Problem"), str(problem))
        item = d.id
        self.metadata_view.set_metadata(d.metadata, lambda: vault.all_metadata(item)
                                        if vault is not None else {}, d.original_name)
        self.meta_box.show()  # "All metadata" is there even when nothing readable was found
        for intake in d.provenance:
            lines = [intake.source_path or intake.original_name,
                     self.tr("imported %1 by %2 on %3")
                     .replace("%1", iso_text(iso(intake.imported_at)))
                     .replace("%2", intake.imported_by or "?")
                     .replace("%3", intake.host or "?"),
                     self.tr("modified %1").replace("%1", iso_text(iso(intake.modified_at)))]
            self.provenance.addWidget(value_label("\n".join(lines), self.provenance_box))
        self.tags_edit.setText(", ".join(d.tags))
        for note in d.notes:
            self.notes_list.addItem(f"{iso_text(iso(note.created_at))} · {note.author}\n"
                                    f"{note.text}")
        if vault is not None and item_id is not None:
            self.custody_model.set_events(
                vault.custody_events(item_id),
                d.provenance[0].source_path if d.provenance else None)

    def item_parts(self) -> list[QWidget]:
        """What is shown only with an item: with nothing selected the pane says so, no more."""
        body = self.widget()
        boxes = body.findChildren(QGroupBox, options=Qt.FindChildOption.FindDirectChildrenOnly) \
            if body is not None else []
        return [self.open_button, *boxes]

    def _linked_facts(self, vault: Vault, item_id: str) -> None:
        """The items linked to this one by hand (a transcript and its recording)."""
        for other in vault.linked_items(item_id):
            linked = vault.item_detail(other)
            label = self.tr("Transcript") if linked.kind == "transcript" else \
                self.tr("Recording")
            self._fact(label, self.tr("%1 (linked by hand)").replace("%1", linked.original_name))

    def _fact(self, label: str, value: str, *, copy: bool = False, mono: bool = False,
              groups: int = 0) -> None:
        """A row of facts; a long hash is shown in groups so it wraps (Copy gives it whole)."""
        text = " ".join(value[i:i + groups] for i in range(0, len(value), groups)) \
            if groups else value
        shown = value_label(text, self.facts_box)
        if mono:
            shown.setStyleSheet("font-family: monospace")
        if not copy:
            self.facts.addRow(label, shown)
            return
        row = QWidget(self.facts_box)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(shown, 1)
        button = QPushButton(self.tr("Copy"), row)
        button.setObjectName(f"copy-{label}")
        button.clicked.connect(lambda: QGuiApplication.clipboard().setText(value))
        line.addWidget(button)
        self.facts.addRow(label, row)

    def clear(self) -> None:
        self.show_item(None, None)

    # ------------------------------------------------------------------ edits
    def _open(self) -> None:
        if self.item_id:
            self.open_requested.emit(self.item_id)

    def _save_tags(self) -> None:
        if self._vault is None or self.item_id is None:
            return
        wanted = [t.strip() for t in self.tags_edit.text().split(",") if t.strip()]
        current = list(self.detail.tags) if self.detail else []
        self.saver.save_tags(self._vault, self.item_id, [t for t in wanted if t not in current],
                             [t for t in current if t not in wanted])

    def _save_note(self) -> None:
        text = self.note_edit.toPlainText()
        if self._vault is None or self.item_id is None or not text.strip():
            return
        self.saver.save_note(self._vault, self.item_id, text)

    def _enable_saving(self, enabled: bool) -> None:
        for widget in (self.tags_save, self.note_save, self.note_action):
            widget.setEnabled(enabled)
        self.note_edit.setReadOnly(not enabled)
        self.tags_edit.setReadOnly(not enabled)

    def _save_started(self, _item_id: str, _what: str) -> None:
        # A button pressed is disabled while it saves, which moves the focus away; it comes
        # back to it afterwards (so the window's shortcuts go on working as before).
        self._focus_after_save = QApplication.focusWidget()
        self._enable_saving(False)
        self.save_status.setText(self.tr("Saving…"))

    def _give_focus_back(self) -> None:
        widget, self._focus_after_save = self._focus_after_save, None
        if widget in (self.note_save, self.tags_save) and widget.isEnabled():
            widget.setFocus()

    def _saved(self, item_id: str, _what: str) -> None:
        if item_id == self.item_id:
            self.show_item(self._vault, item_id)
        else:
            self._enable_saving(self.detail is not None)
        self.save_status.setText(self.tr("Saved"))
        self._give_focus_back()
        self.item_changed.emit(item_id)

    def _save_failed(self, item_id: str, what: str, message: str) -> None:
        self._enable_saving(self.detail is not None)
        self.save_status.setText(self.tr("Not saved"))
        self._give_focus_back()
        title = self.tr("Note not saved") if what == NOTE else self.tr("Tags not saved")
        QMessageBox.warning(self, title, message)
