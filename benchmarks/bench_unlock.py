"""Unlock time at each Argon2id level, against one SHA-256 of 1 GiB as a yardstick.

    python benchmarks/bench_unlock.py
"""

from __future__ import annotations

import hashlib
import tempfile
import time
from pathlib import Path

from _common import sys  # noqa: F401  (puts the project on sys.path)

from archive import Vault
from crypto import kdf


def main() -> None:
    block = bytes(1 << 20)
    start = time.perf_counter()
    h = hashlib.sha256()
    for _ in range(1024):
        h.update(block)
    hash_s = time.perf_counter() - start
    print(f"sha256 of 1 GiB     {hash_s:6.2f} s (yardstick)")
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("INTERACTIVE", "MODERATE", "SENSITIVE"):
            params = getattr(kdf, name)
            path = Path(tmp) / name
            vault, _ = Vault.create(path, "bench passphrase", kdf_params=params)
            vault.lock()
            times = []
            for _ in range(3):
                again = Vault.open(path)
                start = time.perf_counter()
                again.unlock("bench passphrase")
                times.append(time.perf_counter() - start)
                again.lock()
            best = min(times)
            print(f"unlock {name:<12} {best:6.2f} s  ({params.opslimit} passes, "
                  f"{params.memlimit // 2**20} MiB; {best / hash_s:5.2f} x sha256-1GiB)"
                  + ("   <- default" if params == kdf.MODERATE else ""))


if __name__ == "__main__":
    main()
