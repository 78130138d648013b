"""Notes and tags saved on a task thread: the window stays responsive while the catalog
records the change and the search index takes it in. One save at a time; what comes back for
a vault that was locked meanwhile is dropped."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from .error_messages import full_message
from .tasks import Task, TaskRunner

if TYPE_CHECKING:
    from archive import Vault

NOTE, TAGS = "note", "tags"


class EditSaver(QObject):
    started = Signal(str, str)  # item id, NOTE or TAGS
    saved = Signal(str, str)  # item id, NOTE or TAGS
    failed = Signal(str, str, str)  # item id, NOTE or TAGS, what the user reads

    def __init__(self, tasks: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._busy = False
        self._generation = 0

    def busy(self) -> bool:
        return self._busy

    def forget(self) -> None:
        """The vault was locked or replaced: a save still under way reports nothing."""
        self._generation += 1
        self._busy = False

    def save_note(self, vault: Vault, item_id: str, text: str) -> bool:
        return self._start(item_id, NOTE, lambda: vault.add_note(item_id, text))

    def save_tags(self, vault: Vault, item_id: str, add: list[str], remove: list[str]) -> bool:
        return self._start(item_id, TAGS, lambda: vault.change_tags(item_id, add=add,
                                                                     remove=remove))

    def _start(self, item_id: str, what: str, change: Callable[[], Any]) -> bool:
        """False when a save is already under way (the caller keeps what was typed)."""
        if self._busy:
            return False
        self._busy = True
        generation = self._generation

        def work(_task: Task) -> None:
            change()

        def done(_result: object) -> None:
            if generation == self._generation:
                self._busy = False
                self.saved.emit(item_id, what)

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self._busy = False
                self.failed.emit(item_id, what, full_message(exc))

        self.started.emit(item_id, what)
        self._tasks.start(work, done=done, failed=failed)
        return True
