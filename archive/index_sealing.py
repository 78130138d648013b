"""Sealing the search index's new files a moment after a small change, on a thread of its own.

A note or a tag saved changes one document: the in-memory index is updated at once (the change
is searchable when the save returns), and sealing the new index files into the object store,
which is most of what a save used to wait for, follows here, once changes have been quiet for a
moment (or at the latest a few seconds after the first of them). Several saves in a row are
sealed together.

Nothing is lost if the program stops before that: the index is derived data, and the unlock
after compares it with the catalog item by item and indexes again what it lacks.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

log = logging.getLogger(__name__)

QUIET_S = 0.3  # sealed once no change came for this long...
AT_MOST_S = 1.0  # ...or this long after the first change not yet sealed


class DeferredSealing:
    """Runs ``work`` on its own thread after changes (see the module's description); ``flush``
    runs what is pending on the caller's thread, ``close`` does that and stops the thread."""

    def __init__(self, work: Callable[[], None], quiet_s: float = QUIET_S,
                 at_most_s: float = AT_MOST_S) -> None:
        self._work = work
        self._quiet_s = quiet_s
        self._at_most_s = at_most_s
        self._wake = threading.Condition()
        self._first: float | None = None  # when the oldest change not yet sealed came
        self._last = 0.0
        self._closed = False
        self._thread: threading.Thread | None = None
        self._running = threading.Lock()  # held while ``work`` runs, on either thread

    def request(self) -> None:
        """A change to seal."""
        with self._wake:
            if self._closed:
                return
            now = time.monotonic()
            if self._first is None:
                self._first = now
            self._last = now
            if self._thread is None:
                self._thread = threading.Thread(target=self._loop, name="index-sealing",
                                                daemon=True)
                self._thread.start()
            self._wake.notify()

    def pending(self) -> bool:
        with self._wake:
            return self._first is not None

    def _due_in(self) -> float:
        first = self._last if self._first is None else self._first
        return min(self._last + self._quiet_s, first + self._at_most_s) - time.monotonic()

    def _loop(self) -> None:
        while True:
            with self._wake:
                while not self._closed and (self._first is None or self._due_in() > 0):
                    self._wake.wait(None if self._first is None else self._due_in())
                if self._closed:
                    return
            self._run()

    def _run(self) -> None:
        with self._running:
            with self._wake:
                if self._first is None:
                    return
                self._first = None
            try:
                self._work()
            except Exception as exc:  # noqa: BLE001 - healed at the next unlock
                log.warning("sealing the search index failed (%s); it is brought up to date "
                            "at the next unlock", type(exc).__name__)

    def flush(self) -> None:
        """Seal what is pending now, on this thread (or wait for the sealing under way)."""
        self._run()

    def close(self) -> None:
        """Seal what is pending and stop the thread; later requests are ignored."""
        with self._wake:
            self._closed = True
            self._wake.notify()
            thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join()
        self._run()
