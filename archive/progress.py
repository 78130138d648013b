"""How long work talks to whoever started it, the same way in the CLI, the desktop and the
tests: a ``progress(done, total, message)`` callback and a ``cancel()`` flag, both plain Python
(the desktop wraps them for its worker threads)."""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int, str], None]
"""Called with how much is done, the total (0 when unknown) and a short message without names."""

CancelFlag = Callable[[], bool]
"""Returns True once the user has asked to stop; work checks it between steps."""
