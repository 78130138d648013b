"""The examiner: the name of the person who works with a vault, kept in the encrypted catalog and
used as the actor of every custody event unless another name is given."""

from __future__ import annotations

import unicodedata

from sqlalchemy import select

from archive.catalog.models import VaultRecord
from archive.core import VaultCore
from archive.errors import BadInput

MAX_NAME = 200


def clean_examiner(name: str) -> str:
    cleaned = unicodedata.normalize("NFC", name).strip()
    if len(cleaned) > MAX_NAME:
        raise BadInput(f"an examiner's name is at most {MAX_NAME} characters")
    if any(unicodedata.category(c) == "Cc" for c in cleaned):
        raise BadInput("an examiner's name cannot contain control characters")
    return cleaned


def set_examiner(core: VaultCore, name: str, actor: str | None = None) -> str:
    """Change the vault's examiner (empty: the login name again); a custody event names the
    new examiner and is made by the one acting now. Returns the name as kept."""
    name = clean_examiner(name)
    with core.transaction(actor) as tx:
        record = tx.session.scalars(select(VaultRecord)).one()
        if record.examiner == name:
            return name
        record.examiner = name
        tx.custody.record("examiner-change", details={"examiner": name})
    core.examiner = name
    return name
