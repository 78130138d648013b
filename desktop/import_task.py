"""The import as a background task: the archive's import, with its results sent to the UI as
they arrive (counts and each failure's message)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from archive import ImportOptions, ImportReport
from archive.intake.results import ImportStatus

from .tasks import Task

if TYPE_CHECKING:
    from archive import Vault


@dataclass
class ImportBatch:
    """Results that arrived since the last report."""

    imported: int = 0
    duplicates: int = 0
    failures: list[str] = field(default_factory=list)
    item_ids: list[str] = field(default_factory=list)


def import_work(vault: Vault, paths: list[str], case: str | None,
                tags: tuple[str, ...] = ()):  # type: ignore[no-untyped-def]
    """A work function for :class:`TaskRunner`: imports and reports as it goes."""

    def work(task: Task) -> ImportReport:
        report = ImportReport()
        seen = 0

        def progress(done: int, total: int, name: str) -> None:
            nonlocal seen
            fresh, seen = report.results[seen:], len(report.results)
            if fresh:
                batch = ImportBatch()
                for result in fresh:
                    if result.status == ImportStatus.IMPORTED:
                        batch.imported += 1
                    elif result.status in (ImportStatus.DUPLICATE, ImportStatus.ALREADY):
                        batch.duplicates += 1
                    else:
                        batch.failures.append(result.message())
                    if result.item_id:
                        batch.item_ids.append(result.item_id)
                task.send(batch)
            task.report(done, total, name)

        vault.import_paths(paths, options=ImportOptions(case=case, tags=tags),
                           progress=progress, cancel=task.cancelled, report=report)
        progress(len(report.results), len(report.results), "")
        return report

    return work
