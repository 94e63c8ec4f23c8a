"""The direction of imports (design §1): services never see Textual; widgets never see httpx."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "peopletui"


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
    # A fresh interpreter, so nothing imported by other tests can hide an import.
    code = f"import sys, importlib, pkgutil\nm = importlib.import_module({module!r})\n"
    code += (
        "for info in pkgutil.walk_packages(m.__path__, m.__name__ + '.'):\n"
        "    importlib.import_module(info.name)\n"
        "bad = sorted(n for n in sys.modules if n == 'textual' or n.startswith('textual.'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"{module} imports {result.stdout.strip()}"


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
