"""Reader processes are started from one long-lived thread.

A worker asks the kernel to kill it when its parent goes (``PR_SET_PDEATHSIG``), so that no reader
outlives a crashed or killed import. The kernel counts as the parent the *thread* that started the
process (prctl(2)), not the whole process: a worker started from an import's short-lived thread
would be killed when that thread ends, while it waits in the pool for the next file. Starting every
worker here keeps that signal tied to the life of the process."""

from __future__ import annotations

import subprocess
from concurrent.futures import ThreadPoolExecutor
from typing import Any

_starter = ThreadPoolExecutor(max_workers=1, thread_name_prefix="reader-start")


def start_process(args: list[str], **options: Any) -> subprocess.Popen[bytes]:
    """``subprocess.Popen(args, **options)``, run on the starting thread."""
    def start() -> subprocess.Popen[bytes]:
        return subprocess.Popen(args, **options)  # noqa: S603 - the caller's fixed arguments

    return _starter.submit(start).result()
