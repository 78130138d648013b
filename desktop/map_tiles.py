"""Background tiles for the map, from a tile server the user named and agreed to contact (see
:mod:`desktop.tile_consent`). Off until then: nothing here opens a connection while no source is
set. Each request tells the server which tile is wanted (hence the area looked at) and comes from
this machine's address; nothing else is sent (no cookies, no referrer, no item data).

Tiles are kept in memory only, a bounded number of them, and forgotten when the tiles are turned
off or the vault locks; no network cache is set, so nothing is written to disk. Requests run on
Qt's network thread; a reply is decoded (a 256-pixel image) when it arrives.

Servers give Web Mercator tiles ("slippy map" z/x/y); the map is equirectangular, so each tile is
drawn as horizontal strips placed at their own latitudes."""

from __future__ import annotations

import math
from collections import OrderedDict
from dataclasses import dataclass
from typing import NamedTuple

from PySide6.QtCore import QObject, QRectF, QUrl, Signal
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtNetwork import QNetworkAccessManager, QNetworkReply, QNetworkRequest
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

MAX_LATITUDE = 85.0511287798  # where Web Mercator tiles end
TILE_PIXELS = 256
MAX_ZOOM = 19
MAX_TILES_SHOWN = 80  # per paint; a coarser zoom is used rather than more
MAX_PENDING = 24
MAX_KEPT = 192  # tiles kept in memory (about 48 MB at most)
MAX_TILE_BYTES = 2 * 1024 * 1024
MAX_TILE_SIDE = 1024
STRIPS = 8  # horizontal strips per tile, each at its own latitudes
USER_AGENT = b"Strongroom (offline evidence archive; map tiles on request)"


class TileKey(NamedTuple):
    z: int
    x: int
    y: int

    def parent(self) -> TileKey:
        return TileKey(self.z - 1, self.x // 2, self.y // 2)


@dataclass(frozen=True)
class TileSource:
    """A URL template with ``{z}``, ``{x}`` and ``{y}``, over http or https."""

    template: str

    @classmethod
    def parse(cls, text: str) -> TileSource | None:
        """The source ``text`` names, or None when it is not a usable template."""
        template = text.strip()
        if not all(part in template for part in ("{z}", "{x}", "{y}")):
            return None
        url = QUrl(template.replace("{z}", "0").replace("{x}", "0").replace("{y}", "0"))
        if not url.isValid() or url.scheme() not in ("http", "https") or not url.host():
            return None
        return cls(template)

    @property
    def host(self) -> str:
        return QUrl(self.url(TileKey(0, 0, 0))).host()

    @property
    def encrypted(self) -> bool:
        return self.template.lower().startswith("https:")

    def url(self, key: TileKey) -> str:
        return (self.template.replace("{z}", str(key.z)).replace("{x}", str(key.x))
                .replace("{y}", str(key.y)))


# ---------------------------------------------------------------------- tile arithmetic
def tile_latitude(z: int, y: float) -> float:
    """The latitude of the top edge of tile row ``y`` (fractional rows allowed)."""
    return math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * y / 2 ** z))))


def tile_row(z: int, latitude: float) -> int:
    lat = math.radians(max(-MAX_LATITUDE, min(MAX_LATITUDE, latitude)))
    row = (1 - math.asinh(math.tan(lat)) / math.pi) / 2 * 2 ** z
    return max(0, min(2 ** z - 1, int(row)))


def tile_column(z: int, longitude: float) -> int:
    column = (longitude + 180) / 360 * 2 ** z
    return max(0, min(2 ** z - 1, int(column)))


def zoom_for(pixels_per_degree: float) -> int:
    """The tile zoom whose pixels are about the screen's at this scale."""
    if pixels_per_degree <= 0:
        return 0
    return max(0, min(MAX_ZOOM, round(math.log2(pixels_per_degree * 360 / TILE_PIXELS))))


def tiles_in(area: QRectF, z: int) -> list[TileKey]:
    """The tiles of zoom ``z`` over ``area`` (scene coordinates: x longitude, y -latitude)."""
    left, right = max(area.left(), -180.0), min(area.right(), 179.999999)
    north = min(-area.top(), MAX_LATITUDE)
    south = max(-area.bottom(), -MAX_LATITUDE)
    if left > right or south > north:
        return []
    columns = range(tile_column(z, left), tile_column(z, right) + 1)
    rows = range(tile_row(z, north), tile_row(z, south) + 1)
    return [TileKey(z, x, y) for y in rows for x in columns]


def strips_of(key: TileKey, width: int, height: int) -> list[tuple[QRectF, QRectF]]:
    """(scene rectangle, image rectangle) pairs drawing the tile piece by piece."""
    n = 2 ** key.z
    west, east = key.x / n * 360 - 180, (key.x + 1) / n * 360 - 180
    pieces = []
    for i in range(STRIPS):
        top = tile_latitude(key.z, key.y + i / STRIPS)
        bottom = tile_latitude(key.z, key.y + (i + 1) / STRIPS)
        pieces.append((QRectF(west, -top, east - west, top - bottom),
                       QRectF(0, height * i / STRIPS, width, height / STRIPS)))
    return pieces


# ---------------------------------------------------------------------- fetching
class TileFetcher(QObject):
    """Asks the source for tiles and keeps the answers in memory."""

    tile_arrived = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._network: QNetworkAccessManager | None = None  # made at the first request
        self.source: TileSource | None = None
        self._kept: OrderedDict[TileKey, QPixmap] = OrderedDict()
        self._pending: dict[TileKey, QNetworkReply] = {}
        self._failed: set[TileKey] = set()

    def set_source(self, source: TileSource | None) -> None:
        """Start using ``source`` (only once the user agreed), or stop with None: what is
        pending is dropped and every tile kept is forgotten."""
        for reply in list(self._pending.values()):
            reply.abort()
        self._pending.clear()
        self._kept.clear()
        self._failed.clear()
        self.source = source

    def tile(self, key: TileKey) -> QPixmap | None:
        pixmap = self._kept.get(key)
        if pixmap is not None:
            self._kept.move_to_end(key)
        return pixmap

    def kept_count(self) -> int:
        return len(self._kept)

    def want(self, keys: list[TileKey]) -> None:
        """These tiles are in sight: ask for those not kept; give up on those left behind."""
        if self.source is None:
            return
        wanted = set(keys)
        for key in [k for k in self._pending if k not in wanted]:
            self._pending.pop(key).abort()
        for key in keys:
            if len(self._pending) >= MAX_PENDING:
                break
            if key not in self._kept and key not in self._pending and key not in self._failed:
                self._ask(self.source, key)

    def _ask(self, source: TileSource, key: TileKey) -> None:
        request = QNetworkRequest(QUrl(source.url(key)))
        request.setRawHeader(b"User-Agent", USER_AGENT)
        attribute = QNetworkRequest.Attribute
        request.setAttribute(attribute.CacheLoadControlAttribute,
                             QNetworkRequest.CacheLoadControl.AlwaysNetwork)
        request.setAttribute(attribute.CacheSaveControlAttribute, False)
        request.setAttribute(attribute.CookieLoadControlAttribute,
                             QNetworkRequest.LoadControl.Manual)
        request.setAttribute(attribute.CookieSaveControlAttribute,
                             QNetworkRequest.LoadControl.Manual)
        # a redirect may not take the request to a server the user did not agree to
        request.setAttribute(attribute.RedirectPolicyAttribute,
                             QNetworkRequest.RedirectPolicy.SameOriginRedirectPolicy)
        if self._network is None:
            self._network = QNetworkAccessManager(self)  # no cache set: nothing goes to disk
        reply = self._network.get(request)
        self._pending[key] = reply
        reply.downloadProgress.connect(  # an answer too big for a tile is not read to its end
            lambda received, _total, r=reply: r.abort() if received > MAX_TILE_BYTES else None)
        reply.finished.connect(lambda k=key, r=reply: self._answered(k, r))

    def _answered(self, key: TileKey, reply: QNetworkReply) -> None:
        reply.deleteLater()
        if self._pending.get(key) is not reply:
            return  # given up on, or the source changed meanwhile
        del self._pending[key]
        pixmap = self._decode(reply) if reply.error() == QNetworkReply.NetworkError.NoError \
            else None
        if pixmap is None:
            self._failed.add(key)  # not asked again until the tiles are turned on anew
            return
        self._kept[key] = pixmap
        while len(self._kept) > MAX_KEPT:
            self._kept.popitem(last=False)
        self.tile_arrived.emit()

    @staticmethod
    def _decode(reply: QNetworkReply) -> QPixmap | None:
        """A tile image from a server's answer (hostile input: size-limited, any damage means
        no tile)."""
        data = reply.read(MAX_TILE_BYTES + 1)
        if data.isEmpty() or data.size() > MAX_TILE_BYTES:
            return None
        image = QImage.fromData(data)
        if image.isNull() or max(image.width(), image.height()) > MAX_TILE_SIDE:
            return None
        return QPixmap.fromImage(image)


# ---------------------------------------------------------------------- drawing
class TileLayer(QGraphicsItem):
    """Draws the kept tiles of the area in sight, above the bundled outline and under the
    points; where no tile is kept the outline shows through."""

    def __init__(self, fetcher: TileFetcher, world: QRectF) -> None:
        super().__init__()
        self.fetcher = fetcher
        self._world = QRectF(world)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        fetcher.tile_arrived.connect(self.update)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._world

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        if self.fetcher.source is None:
            return
        exposed = option.exposedRect.intersected(self._world)  # type: ignore[attr-defined]
        # what is wanted follows the whole area in sight, not only the part repainted now
        in_sight = exposed if widget is None else painter.worldTransform().inverted()[0] \
            .mapRect(QRectF(widget.rect())).intersected(self._world)
        z = zoom_for(painter.worldTransform().m11())
        wanted = tiles_in(in_sight, z)
        while len(wanted) > MAX_TILES_SHOWN and z > 0:
            z -= 1
            wanted = tiles_in(in_sight, z)
        self.fetcher.want(wanted)
        keys = tiles_in(exposed, z)
        missing = [k for k in keys if self.fetcher.tile(k) is None]
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # no seams between strips
        seam = 0.75 / max(painter.worldTransform().m11(), 1e-9)  # each strip overlaps the next
        # a coarser tile stands in for a missing one until it comes
        stand_ins = dict.fromkeys(k.parent() for k in missing if k.z > 0)
        for key in [*stand_ins, *keys]:
            pixmap = self.fetcher.tile(key)
            if pixmap is None:
                continue
            for target, source in strips_of(key, pixmap.width(), pixmap.height()):
                painter.drawPixmap(target.adjusted(0, 0, seam, seam), pixmap, source)
