"""Regenerate the committed test vault (only when the format version changes).

    python tests/vectors/make_vectors.py
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from archive import Vault  # noqa: E402
from crypto.kdf import CHEAP_FOR_TESTS  # noqa: E402

PASSPHRASE = "strongroom test vector / тестовый вектор"  # noqa: S105
OBJECTS = [b"hello, vault\n", bytes(i % 251 for i in range(70_000)), b""]


def main() -> None:
    target = HERE / "tiny-vault"
    shutil.rmtree(target, ignore_errors=True)
    vault, recovery = Vault.create(target, PASSPHRASE, kdf_params=CHEAP_FOR_TESTS,
                                   slots_per_pack=4)
    stored = []
    for data in OBJECTS:
        result = vault.core.objects.put_bytes(data)
        stored.append({"id": result.object_id, "size": len(data),
                       "sha256": hashlib.sha256(data).hexdigest()})
    vault.lock()
    (target / "lock").unlink()
    expected = {"passphrase": PASSPHRASE, "recovery_key": recovery, "objects": stored}
    (HERE / "tiny-vault.json").write_text(json.dumps(expected, indent=1, ensure_ascii=False) + "\n",
                                          encoding="utf-8")


if __name__ == "__main__":
    main()
