"""Short names for vault folders that still tell them apart: two folders both called "vault"
are shown with as much of their parent path as it takes ("cases/vault", "backup/vault")."""

from __future__ import annotations

from pathlib import PurePath


def distinct_labels(paths: list[str]) -> list[str]:
    """For each path, the shortest tail of it (two parts at least: the folder and its parent)
    that no other path in the list ends with."""
    parts = [PurePath(p).parts for p in paths]
    labels = []
    for index, own in enumerate(parts):
        others = [p for i, p in enumerate(parts) if i != index and p != own]
        length = min(2, len(own))
        while length < len(own) and any(p[-length:] == own[-length:] for p in others):
            length += 1
        tail = own[-length:]
        if length == len(own):
            labels.append(str(PurePath(*own)))
        else:
            labels.append(str(PurePath("…", *tail)))
    return labels
