"""The direction of imports (design §1): services never see Textual; widgets never see httpx."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "peopletui"


def _loaded_by(module: str, roots: set[str]) -> list[str]:
    """The modules under `roots` that importing `module` and every module in it loads, in a
    fresh interpreter, so nothing imported by other tests can hide an import."""
    code = f"import sys, importlib, pkgutil\nm = importlib.import_module({module!r})\n"
    code += (
        "for info in pkgutil.walk_packages(m.__path__, m.__name__ + '.'):\n"
        "    importlib.import_module(info.name)\n"
        f"bad = sorted(n for n in sys.modules if n.split('.')[0] in {sorted(roots)!r})\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return [name for name in result.stdout.strip().split(",") if name]


@pytest.mark.parametrize(
    "module",
    [
        "peopletui.api",
        "peopletui.auth",
        "peopletui.cache",
        "peopletui.services",
        "peopletui.emulator",
    ],
)
def test_non_ui_layer_does_not_import_textual(module: str) -> None:
    bad = _loaded_by(module, {"textual"})
    assert bad == [], f"{module} imports {','.join(bad)}"


def test_widgets_do_not_load_httpx_or_keyring() -> None:
    # Not only no direct import: nothing a widget module imports, however indirectly, may
    # bring in HTTP or the keyring (the widgets take plain data).
    bad = _loaded_by("peopletui.ui.widgets", {"httpx", "keyring", "keyrings"})
    assert bad == [], f"peopletui.ui.widgets loads {','.join(bad)}"


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_ui_does_not_import_httpx_or_keyring() -> None:
    # Screens may reach httpx through the services (their errors come from peopletui.api), but
    # no ui module imports it, or the keyring, itself.
    ui_files = sorted((PACKAGE / "ui").rglob("*.py"))
    assert ui_files, "the ui package has no modules"
    offenders = {
        str(path.relative_to(PACKAGE)): sorted(
            name
            for name in _imported_modules(path)
            if name.split(".")[0] in {"httpx", "keyring", "keyrings"}
        )
        for path in ui_files
    }
    assert {path: names for path, names in offenders.items() if names} == {}
