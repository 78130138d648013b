"""Searches run on a task thread, a page at a time: the first page for a new query, the next
ones when the results list is scrolled to its end. A page that comes back for a query that was
replaced (or after the vault was locked) is dropped."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from search import QueryError

from .error_messages import full_message
from .tasks import Task, TaskRunner

if TYPE_CHECKING:
    from archive import Vault
    from search import ResultPage


class SearchRunner(QObject):
    page_ready = Signal(object, str)  # the ResultPage, the query it answers
    failed = Signal(str, str)  # what the user reads, the query

    def __init__(self, tasks: TaskRunner, page_size: int = 50,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.page_size = page_size
        self._tasks = tasks
        self._vault: Vault | None = None
        self._query = ""
        self._generation = 0
        self._busy = False

    @property
    def query(self) -> str:
        return self._query

    def busy(self) -> bool:
        return self._busy

    def start(self, vault: Vault, query: str) -> None:
        """A new query: what was asked before is forgotten."""
        self._vault, self._query = vault, query
        self._generation += 1
        self._busy = False
        self._fetch(0)

    def more(self, offset: int) -> None:
        """The page that starts at ``offset``, unless one is on its way already."""
        if self._vault is not None and self._query and not self._busy:
            self._fetch(offset)

    def forget(self) -> None:
        self._vault, self._query = None, ""
        self._generation += 1
        self._busy = False

    def _fetch(self, offset: int) -> None:
        vault, query, generation, limit = self._vault, self._query, self._generation, \
            self.page_size
        if vault is None:
            return
        self._busy = True

        def work(_task: Task) -> ResultPage:
            return vault.search(query, limit=limit, offset=offset)

        def done(page: ResultPage) -> None:
            if generation == self._generation:
                self._busy = False
                self.page_ready.emit(page, query)

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self._busy = False
                message = str(exc) if isinstance(exc, QueryError) else full_message(exc)
                self.failed.emit(message, query)

        self._tasks.start(work, done=done, failed=failed)
