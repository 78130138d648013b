"""Readers of hostile files run in worker processes, each with a memory cap and a time limit.

A worker is a fresh interpreter started with its own two pipes (no sockets, no temporary
files, nothing of this process's memory, so never a key): the plaintext it reads comes to it
through a pipe, either whole (small files) or range by range on request (large ones), and its
result goes back through the other. Its own output goes nowhere, so a native library cannot
print what it read. A worker that crashes, runs out of its address space or overruns its time
is killed and replaced; the caller gets a ``ReaderFailed`` whose message says so in words, and
the next file gets a fresh worker.

The sandbox runs any module-level function ``func(open_stream, *args)``, where ``open_stream()``
gives a new seekable binary stream over the file each time it is called.
"""

from __future__ import annotations

import atexit
import contextlib
import io
import logging
import os
import pickle  # noqa: S403 - only between this process and its own workers
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, BinaryIO

from archive.errors import Cancelled, StrongroomError
from archive.intake.starter import start_process
from archive.storage.seekable import SeekableReader

log = logging.getLogger(__name__)

DEFAULT_MEMORY_LIMIT = 2 * 1024**3  # address space of one reader worker (RLIMIT_AS)
DEFAULT_TIME_LIMIT = 120.0  # wall-clock seconds one file's readers may take
MEMORY_LIMIT_ENV = "STRONGROOM_READER_MEMORY_MIB"  # a setting for machines that need another cap
_MAX_RANGE = 8 * 1024 * 1024  # the largest range a worker may ask for at once
_POLL_SECONDS = 0.1  # how often a waiting caller looks at its cancel flag
_START_SECONDS = 60.0  # a new worker must be ready within this (not counted as reading time)
_BOOT = "import sys; from archive.intake.sandbox import worker_boot; worker_boot(sys.argv[1:])"

# Messages from a worker.
_READY, _DONE, _FAILED, _NO_MEMORY, _READ = "ready", "done", "failed", "memory", "read"


class ReaderFailed(StrongroomError):
    """The reader could not finish; ``str()`` says why, in words for the user."""


class _ReaderRaised(ReaderFailed):
    """The reader raised an error and its worker is fine to reuse."""


def memory_limit_setting() -> int:
    """The cap for reader workers: ``STRONGROOM_READER_MEMORY_MIB`` if set (at least 256 MiB),
    otherwise 2 GiB."""
    raw = os.environ.get(MEMORY_LIMIT_ENV, "").strip()
    if raw.isdigit():
        return max(256, int(raw)) * 1024**2
    return DEFAULT_MEMORY_LIMIT


def _size_words(size: int) -> str:
    if size % 1024**3 == 0:
        return f"{size // 1024**3} GiB"
    return f"{size // 1024**2} MiB"


# ---------------------------------------------------------------------------- the worker side
class _Pipes:
    """Two one-way pipes used as one connection: messages framed as ``multiprocessing`` frames
    them (a length, then the bytes)."""

    def __init__(self, read_fd: int, write_fd: int) -> None:
        self._in = Connection(read_fd, writable=False)
        self._out = Connection(write_fd, readable=False)

    def send(self, value: Any) -> None:
        self._out.send_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))

    def send_bytes(self, data: bytes) -> None:
        self._out.send_bytes(data)

    def recv(self) -> Any:
        return pickle.loads(self._in.recv_bytes())  # noqa: S301 - between this pair only

    def recv_bytes(self) -> bytes:
        return self._in.recv_bytes()

    def poll(self, timeout: float) -> bool:
        return self._in.poll(timeout)

    def close(self) -> None:
        self._in.close()
        self._out.close()


class _RemoteFile(SeekableReader):
    """A read-only, seekable view of the file being read, served range by range by the parent."""

    def __init__(self, conn: _Pipes, size: int) -> None:
        super().__init__(size)
        self._conn = conn

    def _read_at(self, position: int, limit: int) -> bytes:
        self._conn.send((_READ, position, min(limit, _MAX_RANGE)))
        return self._conn.recv_bytes()


def _confine(memory_limit: int) -> None:
    """Limits the worker keeps for its whole life: address space, no core files, killed with
    the process that started it, Ctrl+C left to the parent, few malloc arenas (each thread's
    arena reserves address space that would otherwise count against the cap)."""
    import resource

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))
    if sys.platform.startswith("linux"):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
        libc.prctl(4, 0, 0, 0, 0)  # PR_SET_DUMPABLE 0
        libc.mallopt(-8, 2)  # M_ARENA_MAX


def _quiet_natives() -> None:
    """Native libraries in the worker must not print what they read (titles, places)."""
    try:
        import av.logging

        av.logging.set_level(av.logging.PANIC)
    except Exception:  # noqa: BLE001, S110 - PyAV missing or too old: nothing to silence
        pass


def _opener(conn: _Pipes, size: int, holder: list[bytes]) -> Callable[[], BinaryIO]:
    if holder:
        return lambda: io.BytesIO(holder[0])
    return lambda: io.BufferedReader(_RemoteFile(conn, size), 1 << 20)


def worker_boot(argv: list[str]) -> None:
    """The worker's entry point: ``read-fd write-fd memory-limit``; then the parent's module
    search path, so that the readers it names can be imported here too."""
    conn = _Pipes(int(argv[0]), int(argv[1]))
    sys.path[:] = conn.recv()
    _worker_main(conn, int(argv[2]))


def _worker_main(conn: _Pipes, memory_limit: int) -> None:
    _confine(memory_limit)
    _quiet_natives()
    conn.send((_READY, None))
    while True:
        try:
            size, whole = conn.recv()
            job = conn.recv_bytes()
            holder = [conn.recv_bytes()] if whole else []
        except (EOFError, OSError):
            return
        try:
            func, args = pickle.loads(job)  # noqa: S301 - from the process that started us
            result = func(_opener(conn, size, holder), *args)
            holder.clear()
            reply = pickle.dumps((_DONE, result), protocol=pickle.HIGHEST_PROTOCOL)
        except MemoryError:
            holder.clear()
            conn.send((_NO_MEMORY, None))
            return  # a fresh worker is cleaner than one whose heap just ran out
        except Exception as exc:  # noqa: BLE001 - hostile input may raise anything
            text = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
            conn.send((_FAILED, text))
            continue
        conn.send_bytes(reply)


# ---------------------------------------------------------------------------- the parent side
class _Worker:
    def __init__(self, memory_limit: int) -> None:
        to_worker, from_parent = os.pipe()
        to_parent, from_worker = os.pipe()
        # The same modules as here (a source checkout, the tests' folder), few malloc arenas.
        env = dict(os.environ, MALLOC_ARENA_MAX="2",
                   PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
        try:
            self.process = start_process(  # this interpreter, fixed arguments
                [sys.executable, "-c", _BOOT, str(to_worker), str(from_worker),
                 str(memory_limit)], pass_fds=(to_worker, from_worker), env=env,
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        finally:
            os.close(to_worker)
            os.close(from_worker)
        self.conn = _Pipes(to_parent, from_parent)
        self.conn.send([p for p in sys.path if p])
        if not self.conn.poll(_START_SECONDS):
            self.kill()
            raise ReaderFailed("a reader process did not start")
        self.conn.recv()  # ready

    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self) -> None:
        """Kill the process; its pipes stay open for the thread that may be reading them."""
        if self.alive():
            self.process.kill()

    def kill(self) -> None:
        self.stop()
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            log.warning("a reader process did not stop")
        self.conn.close()


def _signal_name(exitcode: int | None) -> str:
    if exitcode is None or exitcode >= 0:
        return f"exit status {exitcode}"
    try:
        return signal.Signals(-exitcode).name
    except ValueError:
        return f"signal {-exitcode}"


class ReaderSandbox:
    """A small pool of reader workers shared by the threads of one process."""

    def __init__(self, memory_limit: int | None = None,
                 time_limit: float = DEFAULT_TIME_LIMIT) -> None:
        self.memory_limit = memory_limit or memory_limit_setting()
        self.time_limit = time_limit
        self._idle: list[_Worker] = []
        self._busy: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False

    def run(self, func: Callable[..., Any], *args: Any, what: str,
            content: bytes | None = None, open_source: Callable[[], BinaryIO] | None = None,
            size: int = 0, cancel: Callable[[], bool] | None = None) -> Any:
        """``func(open_stream, *args)`` in a worker, over ``content`` (sent whole) or over the
        stream ``open_source()`` of ``size`` bytes (served in ranges as the worker asks).
        ``what`` names the reader in messages ("the video reader ...")."""
        worker = self._checkout()
        healthy = False
        source = None
        try:
            job = pickle.dumps((func, args), protocol=pickle.HIGHEST_PROTOCOL)
            if content is not None:
                worker.conn.send((len(content), True))
                worker.conn.send_bytes(job)
                worker.conn.send_bytes(content)
            else:
                source = open_source() if open_source is not None else None
                worker.conn.send((size, False))
                worker.conn.send_bytes(job)
            try:
                result = self._serve(worker, source, what, cancel)
            except _ReaderRaised as exc:
                healthy = True
                raise ReaderFailed(str(exc)) from None
            healthy = True
            return result
        except (EOFError, OSError) as exc:
            with contextlib.suppress(subprocess.TimeoutExpired):
                worker.process.wait(1)
            if isinstance(exc, OSError) and worker.alive():
                raise  # the parent's own source failed, not the worker
            if self._closed:
                raise Cancelled() from None
            raise self._death(worker, what) from None
        finally:
            if source is not None:
                source.close()
            self._checkin(worker, healthy)

    def _serve(self, worker: _Worker, source: BinaryIO | None, what: str,
               cancel: Callable[[], bool] | None) -> Any:
        deadline = time.monotonic() + self.time_limit
        conn = worker.conn
        while True:
            if self._closed or (cancel is not None and cancel()):
                raise Cancelled()
            left = deadline - time.monotonic()
            if left <= 0:
                raise ReaderFailed(f"the {what} took longer than its limit of "
                                   f"{self.time_limit:.0f} s and was stopped")
            if not conn.poll(min(_POLL_SECONDS, left)):
                continue
            message = conn.recv_bytes()
            kind, *rest = pickle.loads(message)  # noqa: S301 - from our own worker
            if kind == _DONE:
                return rest[0]
            if kind == _READ:
                offset, length = rest
                data = b""
                if source is not None and 0 <= length <= _MAX_RANGE:
                    source.seek(offset)
                    data = source.read(length)
                conn.send_bytes(data)
                continue
            if kind == _NO_MEMORY:
                raise ReaderFailed(f"the {what} ran out of its memory limit "
                                   f"({_size_words(self.memory_limit)})")
            raise _ReaderRaised(f"the {what} failed: {rest[0]}")

    def _death(self, worker: _Worker, what: str) -> ReaderFailed:
        code = worker.process.returncode
        if code in (-signal.SIGABRT, -signal.SIGSEGV, -signal.SIGBUS):
            # Native readers abort when an allocation fails under the cap, or crash outright.
            return ReaderFailed(f"the {what} crashed ({_signal_name(code)}); it may have run "
                                f"out of its memory limit ({_size_words(self.memory_limit)})")
        return ReaderFailed(f"the {what} stopped unexpectedly ({_signal_name(code)})")

    def _checkout(self) -> _Worker:
        with self._lock:
            if self._closed:
                raise Cancelled()
            while self._idle:
                worker = self._idle.pop()
                if worker.alive():
                    break
                worker.kill()
            else:
                worker = _Worker(self.memory_limit)
            self._busy.add(worker)
            return worker

    def _checkin(self, worker: _Worker, healthy: bool) -> None:
        with self._lock:
            self._busy.discard(worker)
            if healthy and not self._closed and worker.alive():
                self._idle.append(worker)
                return
        worker.kill()  # crashed, overran, was cancelled or left mid-message: replaced

    def close(self) -> None:
        """Stop every worker, also those still reading; their callers get ``Cancelled``."""
        with self._lock:
            self._closed = True
            idle, busy = list(self._idle), list(self._busy)
            self._idle.clear()
        for worker in idle:
            worker.kill()
        for worker in busy:
            worker.stop()  # the thread waiting on it sees the pipe close, then cleans up


_shared: dict[tuple[int, float], ReaderSandbox] = {}
_shared_lock = threading.Lock()


def shared_sandbox(memory_limit: int | None = None,
                   time_limit: float = DEFAULT_TIME_LIMIT) -> ReaderSandbox:
    """The process's sandbox for these limits: its idle workers are kept between imports, so a
    batch does not pay for starting interpreters. Workers hold no keys, so sharing is safe."""
    key = (memory_limit or memory_limit_setting(), time_limit)
    with _shared_lock:
        sandbox = _shared.get(key)
        if sandbox is None or sandbox._closed:
            sandbox = _shared[key] = ReaderSandbox(*key)
        return sandbox


@atexit.register
def _close_shared() -> None:
    for sandbox in list(_shared.values()):
        sandbox.close()
