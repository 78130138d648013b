"""Points too close to tell apart are one marker with their count: a click on it selects those
items, a double click zooms in until they come apart; all with the mouse on the map."""

from __future__ import annotations

from PySide6.QtCore import Qt

from gui_fixtures import *  # noqa: F403


def test_close_points_are_one_marker_until_zoomed(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    w = main_window
    w.resize(1200, 800)
    w.show()
    qtbot.keyClick(w, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    view = w.map_panel.view
    qtbot.waitUntil(lambda: len(view.locations()) >= 4, timeout=5000)
    located = {loc.id for loc in view.locations()}
    names = {s.id: s.original_name for s in w.vault.items()}
    # shown whole, the demo's places (a few kilometres apart) are one marker
    groups = view.groups()
    assert len(groups) == 1 and set(groups[0][0]) == located

    def under(item_id: str) -> list[object]:
        return [item.data(0) for item in view.items(view.point_position(item_id).toPoint())]

    assert all(i not in under(i) for i in located)  # the points themselves are hidden

    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=groups[0][1].toPoint())
    assert set(w.state.selection) == located
    assert w.detail.item_id in located

    # a double click zooms in: the van, kilometres away, comes apart from the shop
    scale = view.transform().m11()
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=groups[0][1].toPoint())
    assert view.transform().m11() > scale
    van = next(i for i in located if names[i] == "van-at-night.jpg")
    shop = {i for i in located if names[i] in ("shop-front.jpg", "basement-stairs.jpg",
                                               "storeroom-door.jpg")}
    grouped = [set(ids) for ids, _pos in view.groups()]
    assert all(van not in ids for ids in grouped)
    assert any(shop <= ids for ids in grouped)  # metres apart: still one marker
    spot = view.point_position(van).toPoint()
    assert view.viewport().rect().contains(spot)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert w.state.selection == [van] and w.detail.item_id == van

    # the shop's marker, clicked, selects the three photos taken there (and what else is there)
    ids, pos = next((ids, pos) for ids, pos in view.groups() if shop <= set(ids))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos.toPoint())
    assert set(w.state.selection) == set(ids)

    # zoomed out to the whole world, everything is one marker again
    w.map_panel.act_world.trigger()
    assert [set(ids) for ids, _pos in view.groups()] == [located]
