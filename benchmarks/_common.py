"""Helpers shared by the benchmark scripts (not part of the product)."""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def make_file(path: Path, size: int, block: int = 8 << 20) -> None:
    with open(path, "wb") as f:
        left = size
        while left:
            n = min(block, left)
            f.write(os.urandom(n))
            left -= n


def copy_with_fsync(src: Path, dst: Path) -> float:
    """The baseline: what `cp` plus `sync` costs for the same bytes."""
    start = time.perf_counter()
    with open(src, "rb") as fin, open(dst, "wb") as fout:
        shutil.copyfileobj(fin, fout, 1 << 20)
        fout.flush()
        os.fsync(fout.fileno())
    return time.perf_counter() - start


def mib_s(size: int, seconds: float) -> str:
    return f"{size / seconds / 2**20:8.1f} MiB/s"
