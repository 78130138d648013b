"""Keys and plaintext live in this process's memory while a vault is open: a crash must not
write that memory to disk as a core file, and other processes of the same user must not read it
through ptrace or /proc. Both are switched off for the rest of the process once a vault is
opened (a setting that cannot leak anything is never switched back on)."""

from __future__ import annotations

import logging
import sys

log = logging.getLogger(__name__)
_PR_SET_DUMPABLE = 4


def forbid_core_dumps() -> None:
    """RLIMIT_CORE to 0 and, on Linux, the process made not dumpable (which by itself stops
    core files). Only the soft limit is lowered, so programs this process starts later (a
    viewer, a test tool) keep the limits they would have had."""
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, resource.getrlimit(resource.RLIMIT_CORE)[1]))
    except (ImportError, ValueError, OSError):  # not POSIX: nothing to switch off here
        log.debug("core file limit not set")
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(_PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
                log.warning("could not mark the process as not dumpable")
        except (OSError, AttributeError):
            log.warning("could not mark the process as not dumpable")
