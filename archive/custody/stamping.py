"""``Stamper``: trusted time-stamps of this vault's checkpoints, opt-in per vault.

Asking an authority reveals that someone is active at that moment (and from which address), so
nothing is sent until the user adds an authority. Nothing is sent while a vault unlocks: unlock
only notes which checkpoints are due (:meth:`Stamper.due`); :meth:`Stamper.drain` sends them later,
off the unlock path (a worker thread of the app, the end of a CLI command that wrote, ``strongroom
timestamp``), within a time budget, with no vault lock held while it waits for an answer. An
export stamps its own checkpoint. When no authority answers, the checkpoint waits in a queue in
the catalog and is sent by the next drain. Every token is verified before it is kept, and again by
``verify``.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

from cryptography import x509
from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from archive.catalog.models import Checkpoint
from archive.catalog.models_outside import TimestampAuthority, TimestampRequest, TimestampToken
from archive.custody import timestamp as ts
from archive.custody.log import utc_now
from archive.errors import BadInput

log = logging.getLogger(__name__)

STAMPED, QUEUED, REFUSED = "stamped", "queued", "refused"
DRAIN_SECONDS = 30.0  # the whole of one drain, however many requests wait
POLL_SECONDS = 0.1  # how often a cancellable drain looks at its cancel flag while it waits
WAITS = "the checkpoint waits and is sent later (after a change, or by `strongroom timestamp`)"


class StampingStopped(Exception):
    """The vault locked (or the caller cancelled) while time-stamps were being sent."""


@dataclass(frozen=True)
class StampOutcome:
    authority: str
    tree_size: int
    status: str  # stamped, queued (no answer; sent later) or refused (did not check out)
    message: str
    gen_time: datetime | None = None

    def as_json(self) -> dict[str, object]:
        return {"authority": self.authority, "tree_size": self.tree_size, "status": self.status,
                "message": self.message,
                "time": self.gen_time.strftime("%Y-%m-%dT%H:%M:%SZ") if self.gen_time else None}


class Stamper:
    def __init__(self, sessions: sessionmaker[Session],
                 timeout: float = ts.TIMEOUT_SECONDS) -> None:
        self._sessions = sessions
        self.timeout = timeout  # for one request
        # Every catalog read and write of a drain happens under this lock, and none once the
        # vault has closed; the network is never waited on while it is held.
        self._guard = threading.Lock()
        self._closed = False

    def close(self) -> None:
        """The vault is locking: a drain still running stops before its next catalog access
        (waits for the one under way, never for the network)."""
        with self._guard:
            self._closed = True

    # ------------------------------------------------------------------ authorities
    def authorities(self) -> list[tuple[str, str]]:
        """(URL, trust roots PEM), in the order they were added."""
        with self._sessions() as session:
            return [(a.url, a.trust_roots) for a in session.scalars(
                select(TimestampAuthority).order_by(TimestampAuthority.id))]

    @property
    def enabled(self) -> bool:
        return bool(self.authorities())

    def add_authority(self, url: str, roots_pem: str) -> None:
        """Ask ``url`` from now on; its tokens are checked against ``roots_pem`` only (the
        authority's own root certificate(s), as it publishes them)."""
        url = url.strip()
        if not url.lower().startswith(("http://", "https://")):
            raise BadInput(f"{url}: a time-stamping authority's address starts with https://")
        try:
            roots = ts.load_roots(roots_pem)  # refuse what is not PEM before keeping it
        except ts.TimestampError as exc:
            raise BadInput(f"{url}: {exc}") from None
        if not roots:
            raise BadInput(f"{url}: give the authority's root certificate (PEM) to check its "
                           "time-stamps against; none is bundled")
        with self._sessions.begin() as session:
            if session.scalar(select(TimestampAuthority.id)
                              .where(TimestampAuthority.url == url)) is not None:
                raise BadInput(f"{url}: already a time-stamping authority of this vault")
            session.add(TimestampAuthority(url=url, trust_roots=roots_pem, added_at=utc_now()))

    def remove_authority(self, url: str) -> None:
        with self._sessions.begin() as session:
            gone = session.execute(delete(TimestampAuthority)
                                   .where(TimestampAuthority.url == url.strip()))
            if not gone.rowcount:  # type: ignore[attr-defined]
                raise BadInput(f"{url}: not a time-stamping authority of this vault")

    # ------------------------------------------------------------------ queue
    def pending(self) -> list[int]:
        with self._sessions() as session:
            return list(session.scalars(select(TimestampRequest.tree_size)
                                        .order_by(TimestampRequest.tree_size)))

    def _latest_size(self, session: Session) -> int | None:
        return session.scalar(select(Checkpoint.tree_size)
                              .order_by(Checkpoint.tree_size.desc()).limit(1))

    def due(self, include_latest: bool = True) -> list[int]:
        """The checkpoints a drain would send: the queued ones and (``include_latest``) the
        latest one unless every authority has stamped it. Reads the catalog only."""
        authorities = {url for url, _roots in self.authorities()}
        if not authorities:
            return []
        sizes = set(self.pending())
        if include_latest:
            with self._sessions() as session:
                latest = self._latest_size(session)
                done = set(session.scalars(select(TimestampToken.authority)
                                           .where(TimestampToken.tree_size == latest)))
            if latest is not None and not authorities <= done:
                sizes.add(latest)
        return sorted(sizes)

    def drain(self, include_latest: bool = True, budget: float = DRAIN_SECONDS,
              cancel: Callable[[], bool] | None = None) -> list[StampOutcome]:
        """Send every queued checkpoint (and the latest one) to every authority that has not
        stamped it yet, within ``budget`` seconds in all; what is left waits in the queue.
        ``cancel`` is looked at between requests and while one waits for its answer. Does
        nothing when no authority was added, or once the vault has closed."""
        deadline = time.monotonic() + budget
        try:
            with self._guard:
                if self._closed:
                    return []
                sizes = self.due(include_latest)
            outcomes: list[StampOutcome] = []
            for size in sizes:
                if cancel is not None and cancel():
                    break
                outcomes += self.stamp(size, deadline, cancel)
        except StampingStopped:
            return []
        return outcomes

    @contextmanager
    def _catalog(self) -> Iterator[None]:
        """One short catalog access of a drain; :class:`StampingStopped` once the vault closed."""
        with self._guard:
            if self._closed:
                raise StampingStopped
            yield

    @contextmanager
    def _writing(self, session: Session | None) -> Iterator[Session]:
        """One short write: in a transaction of its own, or in the caller's open one (an
        export's), so that it lands with that transaction's checkpoint or not at all."""
        with self._catalog():
            if session is not None:
                yield session
                return
            with self._sessions.begin() as own:
                yield own

    def stamp(self, tree_size: int, deadline: float | None = None,
              cancel: Callable[[], bool] | None = None,
              note: str | None = None, session: Session | None = None,
              added: list[TimestampToken] | None = None) -> list[StampOutcome]:
        """Ask each authority that has not stamped this checkpoint yet; queue it when one does
        not answer, does not check out or is not asked before ``deadline`` (``time.monotonic``),
        and take it off the queue when all have stamped it. ``note``: the checkpoint itself,
        when its transaction (``session``) is still open (an export): the tokens and the queue
        entry are written in that transaction, so a failed one keeps none of them. ``added``
        receives the tokens written."""
        with self._catalog(), self._sessions() as reading:
            note = note or reading.scalar(select(Checkpoint.note)
                                          .where(Checkpoint.tree_size == tree_size))
            kept = list(reading.execute(
                select(TimestampToken.id, TimestampToken.authority, TimestampToken.imprint)
                .where(TimestampToken.tree_size == tree_size)))
            authorities = [(a.url, a.trust_roots) for a in reading.scalars(
                select(TimestampAuthority).order_by(TimestampAuthority.id))]
        if note is None:
            with self._writing(session) as writing:
                writing.execute(delete(TimestampRequest)
                                .where(TimestampRequest.tree_size == tree_size))
            return []
        imprint = ts.imprint(note)
        done = {row.authority for row in kept if row.imprint == imprint}
        stray = [row.id for row in kept if row.imprint != imprint]
        if stray:  # kept by an older version for an export whose checkpoint never committed
            log.warning("dropped %d time-stamp(s) of a checkpoint that was never committed",
                        len(stray))
            with self._writing(session) as writing:
                writing.execute(delete(TimestampToken).where(TimestampToken.id.in_(stray)))
        outcomes = []
        for url, roots_pem in authorities:
            if url in done:
                continue
            left = self.timeout if deadline is None else min(self.timeout,
                                                             deadline - time.monotonic())
            if left <= 0:
                outcomes.append(StampOutcome(url, tree_size, QUEUED, f"{url}: not asked this "
                                             f"time (out of time); {WAITS}"))
                continue
            roots = ts.load_roots(roots_pem)
            if not roots:  # added before roots were required: nothing to check a token with
                outcomes.append(StampOutcome(url, tree_size, REFUSED, "not asked: no trust "
                                             "roots for this authority; remove it and add it "
                                             "again with --roots"))
                continue
            try:
                stamp = self._ask(url, note, roots, left, cancel)
            except ts.AuthorityUnreachable as exc:
                outcomes.append(StampOutcome(url, tree_size, QUEUED, f"{exc}; {WAITS}"))
                continue
            except ts.TimestampError as exc:
                outcomes.append(StampOutcome(url, tree_size, REFUSED, f"refused: {exc}"))
                continue
            token = TimestampToken(tree_size=tree_size, imprint=imprint, authority=url,
                                   response=stamp.response, chain=stamp.chain_pem,
                                   roots=stamp.roots_pem, gen_time=stamp.gen_time)
            with self._writing(session) as writing:
                writing.add(token)
            if added is not None:
                added.append(token)
            outcomes.append(StampOutcome(url, tree_size, STAMPED, "time-stamped",
                                         stamp.gen_time))
        waiting = any(o.status != STAMPED for o in outcomes)
        with self._writing(session) as writing, writing.no_autoflush:
            row = writing.get(TimestampRequest, tree_size)
            if waiting and row is None:
                writing.add(TimestampRequest(tree_size=tree_size, queued_at=utc_now(),
                                             attempts=1))
            elif waiting and row is not None:
                row.attempts += 1
            elif row is not None:
                writing.delete(row)
        for o in outcomes:
            if o.status != STAMPED:
                log.info("a checkpoint time-stamp is %s", o.status)
        return outcomes

    def _ask(self, url: str, note: str, roots: list[x509.Certificate], timeout: float,
             cancel: Callable[[], bool] | None) -> ts.VerifiedStamp:
        """One request, waited for on a thread of its own so that the vault locking (or
        ``cancel``) is seen within :data:`POLL_SECONDS`; an abandoned request ends by its own
        timeout and what it brings back is dropped."""
        answer: list[ts.VerifiedStamp | BaseException] = []

        def ask() -> None:
            try:
                answer.append(ts.request_stamp(url, note, roots, timeout))
            except BaseException as exc:  # noqa: BLE001 - handed to the waiting thread
                answer.append(exc)

        asking = threading.Thread(target=ask, name="timestamp-request", daemon=True)
        asking.start()
        while asking.is_alive():
            if self._closed or (cancel is not None and cancel()):
                raise StampingStopped
            asking.join(POLL_SECONDS)
        if isinstance(answer[0], BaseException):
            raise answer[0]
        return answer[0]

    # ------------------------------------------------------------------ stored tokens
    def tokens(self, tree_size: int | None = None) -> list[TimestampToken]:
        with self._sessions() as session:
            query = select(TimestampToken).order_by(TimestampToken.tree_size, TimestampToken.id)
            if tree_size is not None:
                query = query.where(TimestampToken.tree_size == tree_size)
            return list(session.scalars(query))

    def check_stored(self) -> list[str]:
        """Re-verify every kept token against its checkpoint note (problems; empty when all
        check out)."""
        problems: list[str] = []
        tokens = self.tokens()
        if not tokens:
            return problems
        with self._sessions() as session:
            notes = {size: note for size, note in session.execute(
                select(Checkpoint.tree_size, Checkpoint.note)
                .where(Checkpoint.tree_size.in_({t.tree_size for t in tokens})))}
        for token in tokens:
            note = notes.get(token.tree_size)
            if note is None:
                problems.append(f"time-stamp of checkpoint {token.tree_size}: the checkpoint "
                                "is gone from the catalog")
                continue
            try:
                ts.verify(token.response, note, ts.load_roots(token.roots))
            except ts.TimestampError as exc:
                problems.append(f"time-stamp of checkpoint {token.tree_size} by "
                                f"{token.authority}: {exc}")
        return problems

    def package_files(self, tree_size: int, note: str | None = None,
                      session: Session | None = None) -> dict[str, bytes]:
        """The files an exhibit package carries for its checkpoint: one ``checkpoint-N.tsr``
        per authority, ``tsa-chain.pem`` and ``tsa-roots.pem``. Stamps the checkpoint first,
        in the export's open transaction (``session``) when given: its tokens are kept only
        if that transaction commits, and the package is removed with it otherwise."""
        if not self.enabled:
            return {}
        fresh: list[TimestampToken] = []
        try:
            self.stamp(tree_size, note=note, session=session, added=fresh)
        except StampingStopped:
            return {}
        kept = self.tokens(tree_size)  # committed before: those of this very checkpoint
        if note is not None:
            kept = [t for t in kept if t.imprint == ts.imprint(note)]
        tokens = kept + [t for t in fresh if t not in kept]
        if not tokens:
            return {}
        files = {f"checkpoint-{n}.tsr": t.response for n, t in enumerate(tokens, start=1)}
        files["tsa-chain.pem"] = "".join(dict.fromkeys(t.chain for t in tokens)).encode()
        files["tsa-roots.pem"] = "".join(dict.fromkeys(t.roots for t in tokens)).encode()
        return files
