"""CLI commands for evidence: import, list, show, cat, custody, note, tag."""

from __future__ import annotations

import argparse
import shutil
import sys
from typing import Any

from archive.catalog.details import ItemDetail
from archive.catalog.labels import capture_time, readable_metadata
from archive.catalog.records import iso
from archive.cli import common as cli
from archive.cli.progressbar import ProgressBar
from archive.custody.wording import event_sentence
from archive.intake.results import ALREADY, DUPLICATE, FAILED, IMPORTED, ImportOptions


def cmd_import(args: argparse.Namespace) -> int:
    options = ImportOptions(case=args.case, tags=tuple(args.tag or ()), actor=args.actor,
                            extra_digests=tuple(d for d in ("md5", "sha1")
                                                if d in (args.also_hash or [])))
    with cli.open_unlocked(args, changes=True) as vault:
        report = vault.import_paths(args.paths, options=options,
                                    progress=ProgressBar("Importing"))
    for result in report.results:
        if result.status == FAILED or (args.verbose and result.status != IMPORTED) or (
                result.problems):
            cli.say(result.message())
    summary = (f"{report.count(IMPORTED)} imported, {report.count(DUPLICATE)} already in the "
               f"vault (intake recorded), {report.count(ALREADY)} unchanged, "
               f"{report.count(FAILED)} failed")
    if report.cancelled:
        summary += "; cancelled before the end"
    if args.json:
        cli.emit_json({"imported": report.count(IMPORTED), "duplicates": report.count(DUPLICATE),
                       "unchanged": report.count(ALREADY), "failed": report.count(FAILED),
                       "results": [{"path": str(r.path), "status": r.status, "id": r.item_id,
                                    "reason": r.reason, "problems": list(r.problems)}
                                   for r in report.results]})
    cli.say(summary)
    return cli.EXIT_OK if report.ok else cli.EXIT_FAILED


def cmd_list(args: argparse.Namespace) -> int:
    with cli.open_unlocked(args, cli.READ) as vault:
        items = vault.items(case=args.case, kind=args.kind)
    if args.json:
        cli.emit_json([i.as_json() for i in items])
        return cli.EXIT_OK
    for i in items:
        when = iso(i.captured_at, i.captured_is_utc) or "-"
        cli.line(f"{i.id[:12]}  {i.kind:<10} {when:<27} {i.size:>12,}  {i.original_name}")
    cli.say(f"{len(items)} item(s)")
    return cli.EXIT_OK


def _print_detail(d: ItemDetail, raw: bool = False) -> None:
    rows: list[tuple[str, str | None]] = [
        ("id", d.id), ("original name", d.original_name), ("kind", d.kind),
        ("format", d.format), ("size", f"{d.size:,} bytes"), ("SHA-256", d.sha256)]
    rows += [("MD5", d.md5), ("SHA1", d.sha1)]
    captured = iso(d.captured_at, d.captured_is_utc)
    if captured and d.captured_source:
        captured += f"  (from {d.captured_source}" + (
            ")" if d.captured_is_utc else "; time zone unknown)")
    rows += [("captured", captured),
             ("device clock", d.captured_local), ("camera", d.camera), ("title", d.title)]
    # Every date the file states, labelled with what it means (a modification date is not a
    # capture time) and the tag it came from.
    rows += [(f"{date['kind']} date", f"{date['utc'] or date['written']}  ({date['tag']})")
             for date in d.dates]
    rows += [("date conflict", text) for text in d.date_conflicts]
    if d.gps:
        rows.append(("location", f"{d.gps.lat:.6f}, {d.gps.lon:.6f}"
                                 + (f", {d.gps.alt} m" if d.gps.alt is not None else "")))
    if d.width:
        rows.append(("dimensions", f"{d.width} x {d.height}"))
    if d.duration:
        rows.append(("duration", f"{d.duration:.2f} s"))
    rows += [("imported", f"{iso(d.imported_at)} by {d.imported_by}"),
             ("cases", ", ".join(d.cases) or None), ("tags", ", ".join(d.tags) or None)]
    for key, value in rows:
        if value:
            cli.line(f"{key:>14}: {value}")
    if raw:
        for key, value in sorted(d.metadata.items()):
            cli.line(f"{'raw ' + key:>14}: {value}")
    else:
        for line in readable_metadata(d.metadata):
            cli.line(f"{line.label:>14}: {line.value}")
    for p in d.provenance:
        cli.line(f"{'intake':>14}: {iso(p.imported_at)} {p.source_path} (modified "
              f"{iso(p.modified_at)}, {p.size:,} bytes, on {p.host})")
    for problem in d.problems:
        cli.line(f"{'problem':>14}: {problem}")
    for note in d.notes:
        cli.line(f"{'note':>14}: [{iso(note.created_at)} {note.author}] {note.text}")


def cmd_show(args: argparse.Namespace) -> int:
    with cli.open_unlocked(args, cli.READ) as vault:
        detail = vault.item_detail(args.item)
    if args.json:
        cli.emit_json({**detail.as_json(), "readable": {
            "captured": capture_time(detail.captured_at, detail.captured_is_utc,
                                     detail.captured_local),
            "metadata": [vars(line) for line in readable_metadata(detail.metadata)]}})
    else:
        _print_detail(detail, args.raw)
    return cli.EXIT_OK


def cmd_cat(args: argparse.Namespace) -> int:
    if sys.stdout.isatty() and not args.force:
        cli.say("strongroom: refusing to write an original to a terminal; redirect it to a file "
                "or pipe, or give --force")
        return cli.EXIT_USAGE
    with cli.open_unlocked(args, cli.RECORD) as vault:
        reader = vault.open_original(args.item, purpose="open",
                                     details={"via": "cli cat"}, actor=args.actor)
        with reader:
            shutil.copyfileobj(reader, sys.stdout.buffer, 1 << 20)
    sys.stdout.buffer.flush()
    return cli.EXIT_OK


def cmd_custody(args: argparse.Namespace) -> int:
    with cli.open_unlocked(args, cli.READ) as vault:
        events = vault.custody_events(args.item)
        checkpoint = vault.latest_checkpoint()
        examiner = vault.examiner
        sources: dict[str | None, str | None] = {
            e.item: vault.first_source(e.item) for e in events
            if e.action == "import" and e.item}
    if args.json:
        cli.emit_json({"events": [{**e.as_dict(), "sentence": event_sentence(
            e, sources.get(e.item))} for e in events], "checkpoint": checkpoint,
            "examiner": examiner})
        return cli.EXIT_OK
    for e in events:
        target = e.item[:12] if e.item else "vault"
        cli.line(f"{e.seq:>6}  {e.time}  {target:<12}  {event_sentence(e, sources.get(e.item))}")
    if examiner:
        cli.say(f"examiner of this vault: {cli.printable(examiner)}")
    if checkpoint:
        first = checkpoint.splitlines()
        cli.say(f"signed checkpoint: tree size {first[1]}, root {first[2]}")
    return cli.EXIT_OK


def cmd_note(args: argparse.Namespace) -> int:
    text = args.text if args.text != "-" else sys.stdin.read()
    with cli.open_unlocked(args, changes=True) as vault:
        note_id = vault.add_note(args.item, text, actor=args.actor)
    cli.say(f"note {note_id} saved")
    return cli.EXIT_OK


def cmd_tag(args: argparse.Namespace) -> int:
    with cli.open_unlocked(args, changes=True) as vault:
        added, removed = vault.change_tags(args.item, args.add or [], args.remove or [],
                                           actor=args.actor)
    cli.say(f"added: {', '.join(added) or 'none'}; removed: {', '.join(removed) or 'none'}")
    return cli.EXIT_OK


def register(sub: Any) -> None:
    common = cli.add_vault_options
    p = sub.add_parser("import", help="import files and folders")
    common(p)
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--case", help="put the items into this case (made if new)")
    p.add_argument("--tag", action="append", help="tag the items (repeatable)")
    p.add_argument("--also-hash", action="append", choices=["md5", "sha1"],
                   help="also record MD5 or SHA-1, for older forensic tools")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("list", help="list items")
    common(p)
    p.add_argument("--case")
    p.add_argument("--kind", choices=["photo", "audio", "video", "transcript", "document",
                                      "other"])
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("show", help="metadata, hashes and provenance of an item")
    common(p)
    p.add_argument("item", help="item id or a unique prefix")
    p.add_argument("--raw", action="store_true", help="metadata as stored (raw keys and values)")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("cat", help="write the original bytes to stdout (a custody event)")
    common(p, json=False)
    p.add_argument("item")
    p.add_argument("--force", action="store_true", help="write even to a terminal")
    p.set_defaults(func=cmd_cat)

    p = sub.add_parser("custody", help="the custody log, of the vault or one item")
    common(p)
    p.add_argument("item", nargs="?")
    p.set_defaults(func=cmd_custody)

    p = sub.add_parser("note", help="add a note to an item")
    common(p, json=False)
    p.add_argument("item")
    p.add_argument("text", help="the note, or - to read it from stdin")
    p.set_defaults(func=cmd_note)

    p = sub.add_parser("tag", help="add or remove tags")
    common(p, json=False)
    p.add_argument("item")
    p.add_argument("--add", action="append")
    p.add_argument("--remove", action="append")
    p.set_defaults(func=cmd_tag)
