"""``Stamper``: trusted time-stamps of this vault's checkpoints, opt-in per vault.

Asking an authority reveals that someone is active at that moment (and from which address), so
nothing is sent until the user adds an authority. Then the latest checkpoint is stamped at unlock,
at every export (the package's own checkpoint) and on request (``strongroom timestamp``); when no
authority answers, the checkpoint waits in a queue in the catalog and is sent next time. Every
token is verified before it is kept, and again by ``verify``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from archive.catalog.models import Checkpoint, TimestampAuthority, TimestampRequest, TimestampToken
from archive.custody import timestamp as ts
from archive.custody.log import utc_now
from archive.errors import BadInput

log = logging.getLogger(__name__)

STAMPED, QUEUED, REFUSED = "stamped", "queued", "refused"


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
        self.timeout = timeout

    # ------------------------------------------------------------------ authorities
    def authorities(self) -> list[tuple[str, str]]:
        """(URL, trust roots PEM; empty for the system's roots), in the order they were added."""
        with self._sessions() as session:
            return [(a.url, a.trust_roots) for a in session.scalars(
                select(TimestampAuthority).order_by(TimestampAuthority.id))]

    @property
    def enabled(self) -> bool:
        return bool(self.authorities())

    def add_authority(self, url: str, roots_pem: str = "") -> None:
        url = url.strip()
        if not url.lower().startswith(("http://", "https://")):
            raise BadInput(f"{url}: a time-stamping authority's address starts with https://")
        if roots_pem.strip():
            ts.load_roots(roots_pem)  # refuse what is not PEM before keeping it
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

    def drain(self, include_latest: bool = True) -> list[StampOutcome]:
        """Send every queued checkpoint (and the latest one) to every authority that has not
        stamped it yet. Does nothing when no authority was added."""
        if not self.enabled:
            return []
        sizes = set(self.pending())
        if include_latest:
            with self._sessions() as session:
                latest = self._latest_size(session)
            if latest is not None:
                sizes.add(latest)
        outcomes: list[StampOutcome] = []
        for size in sorted(sizes):
            outcomes += self.stamp(size)
        return outcomes

    def stamp(self, tree_size: int) -> list[StampOutcome]:
        """Ask each authority that has not stamped this checkpoint yet; queue it when one does
        not answer or does not check out, and take it off the queue when all have stamped it."""
        with self._sessions() as session:
            note = session.scalar(select(Checkpoint.note)
                                  .where(Checkpoint.tree_size == tree_size))
            done = set(session.scalars(select(TimestampToken.authority)
                                       .where(TimestampToken.tree_size == tree_size)))
        if note is None:
            with self._sessions.begin() as session:
                session.execute(delete(TimestampRequest)
                                .where(TimestampRequest.tree_size == tree_size))
            return []
        outcomes = []
        for url, roots_pem in self.authorities():
            if url in done:
                continue
            try:
                stamp = ts.request_stamp(url, note, ts.load_roots(roots_pem), self.timeout)
            except ts.AuthorityUnreachable as exc:
                outcomes.append(StampOutcome(url, tree_size, QUEUED,
                                             f"{exc}; the checkpoint waits and is sent at the "
                                             "next unlock or `strongroom timestamp`"))
                continue
            except ts.TimestampError as exc:
                outcomes.append(StampOutcome(url, tree_size, REFUSED, f"refused: {exc}"))
                continue
            with self._sessions.begin() as session:
                session.add(TimestampToken(tree_size=tree_size, imprint=ts.imprint(note),
                                           authority=url, response=stamp.response,
                                           chain=stamp.chain_pem, roots=stamp.roots_pem,
                                           gen_time=stamp.gen_time))
            outcomes.append(StampOutcome(url, tree_size, STAMPED, "time-stamped",
                                         stamp.gen_time))
        waiting = any(o.status != STAMPED for o in outcomes)
        with self._sessions.begin() as session:
            row = session.get(TimestampRequest, tree_size)
            if waiting and row is None:
                session.add(TimestampRequest(tree_size=tree_size, queued_at=utc_now(),
                                             attempts=1))
            elif waiting and row is not None:
                row.attempts += 1
            elif row is not None:
                session.delete(row)
        for o in outcomes:
            if o.status != STAMPED:
                log.info("a checkpoint time-stamp is %s", o.status)
        return outcomes

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

    def package_files(self, tree_size: int) -> dict[str, bytes]:
        """The files an exhibit package carries for its checkpoint: one ``checkpoint-N.tsr``
        per authority, ``tsa-chain.pem`` and ``tsa-roots.pem``. Stamps the checkpoint first."""
        if not self.enabled:
            return {}
        self.stamp(tree_size)
        tokens = self.tokens(tree_size)
        if not tokens:
            return {}
        files = {f"checkpoint-{n}.tsr": t.response for n, t in enumerate(tokens, start=1)}
        files["tsa-chain.pem"] = "".join(dict.fromkeys(t.chain for t in tokens)).encode()
        files["tsa-roots.pem"] = "".join(dict.fromkeys(t.roots for t in tokens)).encode()
        return files
