"""A transcript or document as text, with the words of a search marked."""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget


class TextView(QPlainTextEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self._hits: list[QTextEdit.ExtraSelection] = []

    def show_text(self, text: str, terms: list[str] | None = None) -> int:
        """Show the text and mark every occurrence of the terms; returns how many were marked."""
        self.setPlainText(text)
        return self.highlight(terms or [])

    def highlight(self, terms: list[str]) -> int:
        marks: list[QTextEdit.ExtraSelection] = []
        look = QTextCharFormat()
        look.setBackground(QColor(255, 220, 90))
        look.setForeground(QColor(0, 0, 0))
        document = self.document()
        for term in sorted({t for t in terms if t.strip()}, key=len, reverse=True):
            cursor = QTextCursor(document)
            while True:  # plain, case-insensitive matches
                cursor = document.find(term, cursor, QTextDocument.FindFlag(0))
                if cursor.isNull():
                    break
                mark = QTextEdit.ExtraSelection()
                mark.cursor = cursor  # type: ignore[attr-defined]
                mark.format = look  # type: ignore[attr-defined]
                marks.append(mark)
        self._hits = marks
        self.setExtraSelections(marks)
        if marks:  # scroll to the first mark without selecting it
            first = QTextCursor(marks[0].cursor)  # type: ignore[attr-defined]
            first.setPosition(first.selectionStart())
            self.setTextCursor(first)
            self.ensureCursorVisible()
        return len(marks)

    def marked(self) -> list[str]:
        return [m.cursor.selectedText() for m in self._hits]  # type: ignore[attr-defined]
