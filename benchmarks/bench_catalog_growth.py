"""How fast the encrypted catalog grows: bytes per item (texts of different sizes, photos) and
per custody event. What a disk reader comparing two copies of a vault can learn from its size.

    python benchmarks/bench_catalog_growth.py [--items 200] [--events 500]

Texts are plain-text documents of 1 to 256 KiB of made-up words (so their sizes vary a lot);
photos are small JPEGs with EXIF and GPS. Events are views of an item (one transaction each,
as in the app: the event and its signed checkpoint). The catalog is measured as it rests on
disk after locking (database and write-ahead log).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

import _common  # noqa: F401 - puts the project first on the path

from archive import Vault
from crypto.kdf import CHEAP_FOR_TESTS

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
import fixtures as fx  # noqa: E402


def catalog_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.glob("catalog.db*"))


def reopen(folder: Path) -> Vault:
    vault = Vault.open(folder)
    vault.unlock("bench")
    return vault


def texts(folder: Path, count: int, rng: random.Random) -> list[int]:
    folder.mkdir()
    words = ["".join(rng.choice("abcdefghiklmnoprstuvwyz") for _ in range(rng.randint(3, 9)))
             for _ in range(5000)]
    sizes = []
    for i in range(count):
        kib = rng.choice((1, 4, 16, 64, 256))
        body = " ".join(rng.choice(words) for _ in range(kib * 1024 // 6))[: kib * 1024]
        (folder / f"text_{i:05d}.txt").write_text(body, encoding="utf-8")
        sizes.append(kib * 1024)
    return sizes


def measure(label: str, folder: Path, source: Path, count: int) -> None:
    before = catalog_bytes(folder)
    vault = reopen(folder)
    report = vault.import_paths([source])
    assert report.ok
    vault.lock()
    after = catalog_bytes(folder)
    print(f"{label:34} {count:6d} items  {(after - before) / count:8.0f} bytes/item")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--items", type=int, default=200)
    ap.add_argument("--events", type=int, default=500)
    args = ap.parse_args()
    rng = random.Random(3)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        folder = work / "vault"
        vault, _ = Vault.create(folder, "bench", kdf_params=CHEAP_FOR_TESTS)
        vault.lock()
        print(f"empty vault: catalog {catalog_bytes(folder):,} bytes")
        sizes = texts(work / "texts", args.items, rng)
        measure(f"texts ({sum(sizes) / 2**20:.0f} MiB of text)", folder, work / "texts",
                args.items)
        (work / "photos").mkdir()
        for i in range(args.items):
            fx.jpeg(work / "photos" / f"IMG_{i:05d}.jpg", seed=i, size=(320, 240))
        measure("photos", folder, work / "photos", args.items)
        vault = reopen(folder)
        ids = [s.id for s in vault.items()]
        vault.lock()
        before = catalog_bytes(folder)
        vault = reopen(folder)
        for i in range(args.events):
            vault.open_original(ids[i % len(ids)], purpose="view").close()
        vault.lock()
        after = catalog_bytes(folder)
        print(f"{'custody events (views)':34} {args.events:6d} events "
              f"{(after - before) / args.events:7.0f} bytes/event")
        print(f"total: catalog {after:,} bytes for {len(ids)} items")


if __name__ == "__main__":
    main()
