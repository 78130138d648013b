"""The desktop package's shape: no import circle among its modules (TYPE_CHECKING imports
count too), actions that never see the main window, files under 400 lines, and a translated
message for every class of failure the archive raises."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale

from archive import errors
from desktop.error_messages import user_message
from desktop.i18n import install_translators
from gui_fixtures import *  # noqa: F403

DESKTOP = Path(__file__).resolve().parents[2] / "desktop"


def _desktop_imports() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in DESKTOP.glob("*.py"):
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                if node.level == 1 and node.module:
                    found.add(node.module.split(".")[0])
                elif node.level == 1:
                    found.update(alias.name for alias in node.names)
                elif node.module and node.module.startswith("desktop."):
                    found.add(node.module.split(".")[1])
        graph[path.stem] = found
    return graph


def _circle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        state[node] = 2
        path.pop()
        return None

    for start in sorted(graph):
        if start not in state and (found := visit(start)):
            return found
    return None


def test_no_import_circle_in_desktop() -> None:
    graph = _desktop_imports()
    assert "vault_actions" in graph and "main_window" in graph
    assert _circle(graph) is None, _circle(graph)
    assert _circle({"a": {"b"}, "b": {"a"}}) == ["a", "b", "a"]  # the check itself works


def test_actions_take_the_state_not_the_window() -> None:
    graph = _desktop_imports()
    assert "main_window" not in graph["vault_actions"]
    assert "main_window" not in graph["app_state"]


def test_desktop_files_are_small() -> None:
    for path in DESKTOP.glob("*.py"):
        assert len(path.read_text(encoding="utf-8").splitlines()) < 400, path.name


def _error_classes() -> list[type[BaseException]]:
    return [cls for _name, cls in inspect.getmembers(errors, inspect.isclass)
            if issubclass(cls, errors.StrongroomError)]


def test_every_class_of_failure_has_its_own_message_in_russian(qtbot) -> None:  # type: ignore[no-untyped-def]
    classes = _error_classes()
    assert len(classes) >= 10
    english = {cls: user_message(cls.__new__(cls)) for cls in classes}
    generic = english[errors.StrongroomError]
    for cls, text in english.items():
        if cls is not errors.StrongroomError and cls.__bases__ != (errors.StrongroomError,):
            continue  # a subclass of a class with a message may share it
        assert cls is errors.StrongroomError or text != generic, cls.__name__
    app = QCoreApplication.instance()
    translators = install_translators(app, "ru")
    try:
        for cls in classes:
            russian = user_message(cls.__new__(cls))
            assert russian != english[cls], cls.__name__
            assert any("а" <= ch <= "я" for ch in russian.lower()), russian
        assert "Неверная" in user_message(errors.WrongPassphrase("wrong"))
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        QLocale.setDefault(QLocale("en"))
