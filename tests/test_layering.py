"""The package boundaries of STYLE.md, checked by importing with Qt made unavailable."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_core_packages_import_without_qt() -> None:
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('PySide6', 'PyQt5', 'PyQt6', 'shiboken6'):\n"
        "            raise ImportError('Qt is blocked in this test')\n"
        "sys.meta_path.insert(0, Block())\n"
        "import crypto, archive, archive.cli, search\n"
        "import pkgutil, importlib\n"
        "for pkg in (crypto, archive, search):\n"
        "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        if '.migrations' in m.name: continue\n"
        "        importlib.import_module(m.name)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def _imports(package: str) -> set[str]:
    found: set[str] = set()
    for path in (ROOT / package).rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return found


def test_crypto_imports_nothing_of_ours() -> None:
    assert not _imports("crypto") & {"archive", "search", "desktop"}


def test_only_desktop_imports_qt() -> None:
    for package in ("crypto", "archive", "search"):
        assert not _imports(package) & {"PySide6", "PyQt5", "PyQt6"}, package
    assert "desktop" not in _imports("archive") | _imports("search")


def _module_graph(package: str) -> dict[str, set[str]]:
    """Every module of ``package`` and the modules of ours it imports, wherever the import
    stands (top level, inside a function, or under TYPE_CHECKING)."""
    graph: dict[str, set[str]] = {}
    for path in (ROOT / package).rglob("*.py"):
        if "migrations" in path.parts:
            continue
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        is_init = parts[-1] == "__init__"
        if is_init:
            parts = parts[:-1]
        name = ".".join(parts)
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = parts if is_init else parts[:-1]
                    base = base[: len(base) - (node.level - 1)]
                    module = ".".join(base + ([node.module] if node.module else []))
                else:
                    module = node.module or ""
                found.add(module)
                found.update(f"{module}.{a.name}" for a in node.names)
        graph[name] = found
    names = set(graph)
    return {m: {d for d in deps if d in names and d != m} for m, deps in graph.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    cycles, state, stack = [], dict.fromkeys(graph, 0), []

    def visit(node: str) -> None:
        state[node], _ = 1, stack.append(node)
        for dep in sorted(graph[node]):
            if state[dep] == 1:
                cycles.append(stack[stack.index(dep):] + [dep])
            elif state[dep] == 0:
                visit(dep)
        state[node], _ = 2, stack.pop()

    for node in sorted(graph):
        if state[node] == 0:
            visit(node)
    return cycles


def _without_package_inits(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """An import of ``a.b.c`` passes through ``a/__init__``; only real module edges count."""
    return {m: {d for d in deps if not any(o.startswith(d + ".") for o in graph)}
            for m, deps in graph.items()}


def test_no_import_circles() -> None:
    for package in ("archive", "search", "crypto"):
        graph = _without_package_inits(_module_graph(package))
        assert _cycles(graph) == [], f"import circles in {package}/"


# The services behind the facade: they receive a VaultCore and never import the Vault.
FACADE = {"archive", "archive.vault", "archive.vault_queries", "archive.casework"}
SERVICES = ("archive.core", "archive.items", "archive.indexing", "archive.verify",
            "archive.intake", "archive.exhibits", "archive.storage", "archive.catalog",
            "archive.custody", "archive.extract", "archive.cases", "archive.examiner",
            "archive.pairing")


def test_services_never_import_the_facade() -> None:
    graph = _module_graph("archive")
    for module, deps in graph.items():
        if module.startswith(SERVICES):
            assert not deps & FACADE, f"{module} imports the Vault facade"


def test_core_and_lower_rooms_never_import_upward() -> None:
    graph = _without_package_inits(_module_graph("archive"))
    upward = ("archive.vault", "archive.vault_queries", "archive.casework", "archive.cli",
              "archive.demo", "archive.intake", "archive.exhibits", "archive.indexing",
              "archive.verify", "archive.items", "archive.cases", "archive.examiner",
              "archive.pairing")
    for module in ("archive.core", "archive.storage", "archive.catalog", "archive.custody"):
        for name, deps in graph.items():
            if name == module or name.startswith(module + "."):
                bad = {d for d in deps if d.startswith(upward)}
                assert not bad, f"{name} imports {bad}"
    for package in ("search", "crypto"):
        assert not _imports(package) & {"archive", "desktop"}, package
