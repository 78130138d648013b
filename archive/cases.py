"""Case work: make, rename, describe and delete cases, and put items in and out of them. Each
change is one transaction with its custody events; deleting a case leaves its items in the vault.

How a case is named inside a custody event's ``details`` is decided in one place,
:func:`case_details`, so that the way names are kept can change without touching the callers.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from archive.catalog import records
from archive.catalog.models import Case, Item
from archive.core import VaultCore
from archive.custody.log import utc_now
from archive.errors import BadInput

MAX_NAME = 500


class CaseNotFound(BadInput):
    pass


def case_details(name: str, previous: str | None = None) -> dict[str, Any]:
    """The ``details`` members that name a case in a custody event (and the name it had before,
    for a rename)."""
    details: dict[str, Any] = {"case": name}
    if previous is not None:
        details["previous_case"] = previous
    return details


@dataclass(frozen=True)
class CaseChange:
    """What a change of membership did: the items it changed and those it left as they were."""

    case: str
    changed: tuple[str, ...]
    unchanged: tuple[str, ...]


def clean_name(name: str) -> str:
    """A case name as it is kept: NFC, without surrounding space; refuses empty, over-long and
    control characters."""
    cleaned = unicodedata.normalize("NFC", name).strip()
    if not cleaned:
        raise BadInput("a case needs a name")
    if len(cleaned) > MAX_NAME:
        raise BadInput(f"a case name is at most {MAX_NAME} characters")
    if any(unicodedata.category(c) == "Cc" for c in cleaned):
        raise BadInput("a case name cannot contain control characters (line breaks, tabs)")
    return cleaned


def find_case(session: Session, name: str) -> Case:
    case = session.scalar(select(Case).where(Case.name == unicodedata.normalize("NFC", name)
                                             .strip()))
    if case is None:
        raise CaseNotFound(f"there is no case {name!r} in this vault")
    return case


def _refuse_taken(session: Session, name: str) -> None:
    if session.scalar(select(Case.id).where(Case.name == name)) is not None:
        raise BadInput(f"there is already a case {name!r}; choose another name")


def create_case(core: VaultCore, name: str, description: str = "",
                actor: str | None = None) -> str:
    """Make an empty case; returns its name as kept."""
    name = clean_name(name)
    with core.transaction(actor) as tx:
        _refuse_taken(tx.session, name)
        tx.session.add(Case(name=name, description=description.strip(), created_at=utc_now()))
        details = case_details(name)
        if description.strip():
            details["description_sha256"] = _digest(description.strip())
        tx.custody.record("case-create", details=details)
    return name


def rename_case(core: VaultCore, name: str, new_name: str,
                actor: str | None = None) -> tuple[str, list[str]]:
    """Give a case another name; returns it and the ids of the case's items (whose search
    entries name the case)."""
    new_name = clean_name(new_name)
    with core.transaction(actor) as tx:
        case = find_case(tx.session, name)
        if case.name == new_name:
            return new_name, []
        _refuse_taken(tx.session, new_name)
        old = case.name
        case.name = new_name
        for item in case.items:
            item.index_rev += 1
        tx.custody.record("case-rename", details=case_details(new_name, previous=old))
        return new_name, [item.id for item in case.items]


def describe_case(core: VaultCore, name: str, description: str,
                  actor: str | None = None) -> None:
    """Replace a case's description (the log keeps its hash, not its words)."""
    with core.transaction(actor) as tx:
        case = find_case(tx.session, name)
        description = description.strip()
        if case.description == description:
            return
        case.description = description
        tx.custody.record("case-describe", details={
            **case_details(case.name), "description_sha256": _digest(description)})


def delete_case(core: VaultCore, name: str, actor: str | None = None) -> list[str]:
    """Delete a case; its items stay in the vault. Each item's leaving is recorded
    (``case-remove``), then the deletion (``case-delete``). Returns the items it held."""
    with core.transaction(actor) as tx:
        case = find_case(tx.session, name)
        held = sorted(case.items, key=lambda i: (i.imported_at, i.id))
        for item in held:
            item.index_rev += 1
            tx.custody.record("case-remove", item=item.id, sha256=item.sha256, size=item.size,
                              details=case_details(case.name))
        tx.custody.record("case-delete", details={**case_details(case.name),
                                                  "items": len(held)})
        tx.session.delete(case)
        return [item.id for item in held]


def add_to_case(core: VaultCore, name: str, refs: Sequence[str],
                actor: str | None = None) -> CaseChange:
    """Put items in a case (all or none: an unknown item refuses the whole change)."""
    return _change_membership(core, name, refs, actor, adding=True)


def remove_from_case(core: VaultCore, name: str, refs: Sequence[str],
                     actor: str | None = None) -> CaseChange:
    """Take items out of a case; they stay in the vault and in their other cases."""
    return _change_membership(core, name, refs, actor, adding=False)


def _change_membership(core: VaultCore, name: str, refs: Sequence[str], actor: str | None,
                       *, adding: bool) -> CaseChange:
    if not refs:
        raise BadInput("name at least one item")
    with core.transaction(actor) as tx:
        case = find_case(tx.session, name)
        items = _distinct(records.resolve_item(tx.session, ref) for ref in refs)
        changed, unchanged = [], []
        for item in items:
            inside = case in item.cases
            if inside == adding:
                unchanged.append(item.id)
                continue
            if adding:
                item.cases.append(case)
            else:
                item.cases.remove(case)
            item.index_rev += 1
            tx.custody.record("case-add" if adding else "case-remove", item=item.id,
                              sha256=item.sha256, size=item.size,
                              details=case_details(case.name))
            changed.append(item.id)
        return CaseChange(case.name, tuple(changed), tuple(unchanged))


def _distinct(items: Any) -> list[Item]:
    seen: dict[str, Item] = {}
    for item in items:
        seen.setdefault(item.id, item)
    return list(seen.values())


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
