"""The reader sandbox: results through the pipe, and a crash, an overrun of time or memory, or a
cancellation that costs one reading and never the caller."""

from __future__ import annotations

import hashlib
import io
import os
import sys
import threading
import time
from pathlib import Path

import hostile_readers as hr
import pytest

from archive.errors import Cancelled
from archive.intake.sandbox import ReaderFailed, ReaderSandbox

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux limits")
MIB = 1024 * 1024


@pytest.fixture
def sandbox() -> ReaderSandbox:
    box = ReaderSandbox(memory_limit=512 * MIB, time_limit=30)
    yield box
    box.close()


def test_whole_content_and_ranges_served_on_request(sandbox: ReaderSandbox,
                                                    tmp_path: Path) -> None:
    data = os.urandom(3 * MIB + 17)
    assert sandbox.run(hr.digest, what="test reader", content=data) == (
        hashlib.sha256(data).hexdigest(), len(data))
    big = tmp_path / "big.bin"  # served from a file here, as the vault serves a large original
    big.write_bytes(data * 4)
    served = sandbox.run(hr.digest, what="test reader", size=big.stat().st_size,
                         open_source=lambda: open(big, "rb"))  # noqa: SIM115 - closed by run()
    assert served == (hashlib.sha256(data * 4).hexdigest(), 4 * len(data))


def test_a_crash_is_said_and_the_worker_replaced(sandbox: ReaderSandbox) -> None:
    with pytest.raises(ReaderFailed, match=r"the photo reader crashed \(SIGSEGV\)"):
        sandbox.run(hr.segfault, what="photo reader", content=b"x")
    assert sandbox.run(hr.digest, what="photo reader", content=b"abc")[1] == 3


def test_memory_past_the_cap_is_said_and_the_worker_replaced(sandbox: ReaderSandbox) -> None:
    with pytest.raises(ReaderFailed,
                       match=r"the video reader ran out of its memory limit \(512 MiB\)"):
        sandbox.run(hr.allocate, 2048, what="video reader", content=b"x")
    assert sandbox.run(hr.allocate, 64, what="video reader", content=b"x") == 4


def test_time_limit(sandbox: ReaderSandbox) -> None:
    sandbox.time_limit = 1
    with pytest.raises(ReaderFailed, match="the text reader took longer than its limit of 1 s"):
        sandbox.run(hr.sleep, 600, what="text reader", content=b"x")
    assert sandbox.run(hr.digest, what="text reader", content=b"ab")[1] == 2


def test_reader_error_keeps_the_worker(sandbox: ReaderSandbox) -> None:
    with pytest.raises(ReaderFailed, match="the document reader failed: bad header at byte 12"):
        sandbox.run(hr.refuse, what="document reader", content=b"x")
    assert len(sandbox._idle) == 1


def test_cancel_and_close_stop_a_reading(sandbox: ReaderSandbox) -> None:
    flag = threading.Event()
    threading.Timer(0.3, flag.set).start()
    with pytest.raises(Cancelled):
        sandbox.run(hr.sleep, 600, what="video reader", content=b"x", cancel=flag.is_set)
    outcome: list[BaseException] = []

    def read() -> None:
        try:
            sandbox.run(hr.sleep, 600, what="video reader", content=b"x")
        except BaseException as exc:  # noqa: BLE001
            outcome.append(exc)

    reader = threading.Thread(target=read)
    reader.start()
    threading.Timer(0.3, sandbox.close).start()
    reader.join(60)
    assert not reader.is_alive() and isinstance(outcome[0], Cancelled)


def test_workers_are_confined(sandbox: ReaderSandbox) -> None:
    seen = sandbox.run(hr.limits, what="test reader", content=b"x")
    assert seen["core"] == (0, 0)
    assert seen["address_space"] == (512 * MIB, 512 * MIB)
    assert seen["dumpable"] == 0


def test_source_is_never_written_to_a_file(sandbox: ReaderSandbox, tmp_path: Path) -> None:
    """Ranges travel through the pipe: the reader sees the bytes of a stream that has no file."""
    data = os.urandom(2 * MIB)
    served = sandbox.run(hr.digest, what="test reader", size=len(data),
                         open_source=lambda: io.BytesIO(data))
    assert served[0] == hashlib.sha256(data).hexdigest()


def test_a_worker_outlives_the_thread_that_started_it(sandbox: ReaderSandbox) -> None:
    """The kernel sends a worker's parent-death signal when the *thread* that started it ends: an
    import's short-lived thread must not take the pooled worker with it."""
    seen: list[int] = []
    reader = threading.Thread(target=lambda: seen.append(
        sandbox.run(hr.process_id, what="photo reader", content=b"x")))
    reader.start()
    reader.join()
    task = Path(f"/proc/self/task/{reader.native_id}")
    for _ in range(60_000):  # the thread is gone from the kernel, its signals sent
        if not task.exists():
            break
        time.sleep(0.001)
    assert not task.exists()
    assert sandbox.run(hr.process_id, what="photo reader", content=b"x") == seen[0]
