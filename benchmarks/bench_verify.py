"""verify and export against hashing the same plaintext files (what `sha256sum` does), in the
same run.

    python benchmarks/bench_verify.py [--total-mib 2048] [--files 8]
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from _common import make_file, mib_s

from archive import Vault
from archive.intake.results import ImportOptions
from crypto.kdf import CHEAP_FOR_TESTS


def hash_files(paths: list[Path]) -> float:
    start = time.perf_counter()
    for path in paths:
        h = hashlib.sha256()
        with open(path, "rb") as f:
            while block := f.read(1 << 20):
                h.update(block)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--total-mib", type=int, default=2048)
    ap.add_argument("--files", type=int, default=8)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    size = args.total_mib * 2**20
    with tempfile.TemporaryDirectory(dir=".") as tmp:
        work = Path(tmp)
        (work / "in").mkdir()
        paths = []
        for i in range(args.files):
            path = work / "in" / f"recording-{i}.bin"
            make_file(path, size // args.files)
            paths.append(path)
        vault, _ = Vault.create(work / "vault", "bench", kdf_params=CHEAP_FOR_TESTS)
        vault.import_paths([work / "in"], options=ImportOptions(case="bench"))
        hashing, verifying, exporting = [], [], []
        for r in range(args.rounds):
            hashing.append(hash_files(paths))
            start = time.perf_counter()
            report = vault.verify()
            verifying.append(time.perf_counter() - start)
            assert report.ok
            start = time.perf_counter()
            vault.export(work / f"bag{r}", case="bench")
            exporting.append(time.perf_counter() - start)
            shutil.rmtree(work / f"bag{r}")
        vault.lock()
    h, v = statistics.median(hashing), statistics.median(verifying)
    e = statistics.median(exporting)
    print(f"{args.files} originals, {args.total_mib} MiB, median of {args.rounds}")
    print(f"  sha256 of the files  {mib_s(size, h)}")
    print(f"  verify               {mib_s(size, v)}")
    print(f"  ratio verify/hashing {h / v:.2f}   (goal >= 0.60; per round: "
          f"{', '.join(f'{a / b:.2f}' for a, b in zip(hashing, verifying, strict=True))})")
    print(f"  export (bag, two manifests, fsync) {mib_s(size, e)}   ratio to hashing "
          f"{h / e:.2f} (per round: "
          f"{', '.join(f'{a / b:.2f}' for a, b in zip(hashing, exporting, strict=True))})")


if __name__ == "__main__":
    main()
