"""`peopletui query` runs as mail clients run it, in a fresh interpreter through the installed
`peopletui` script: it must never open a network connection (an audit hook fails the run on
any socket use) and never import the UI or the network stack (checked in sys.modules and in
`python -X importtime`'s list)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_query import BOOK, fill

FORBIDDEN = (
    "textual",
    "rich",
    "httpx",
    "httpcore",
    "pydantic",
    "keyring",
    "platformdirs",
    "peopletui.ui",
    "peopletui.api",
    "peopletui.auth",
    "peopletui.emulator",
    "peopletui.services",
)

# Installs the hook, runs the script as its own __main__, then reports what was imported.
RUNNER = """
import os, runpy, sys

def refuse_network(event, args):
    if event.startswith("socket."):
        raise RuntimeError(f"network use during peopletui query: {event}")

def report_modules():
    sys.stderr.write("MODULES " + " ".join(sorted(sys.modules)) + "\\n")
    sys.stderr.flush()

# The command ends itself with os._exit once its output is out: report just before.
fast_exit = os._exit
os._exit = lambda status: (report_modules(), fast_exit(status))
sys.addaudithook(refuse_network)
script = sys.argv[1]
sys.argv = [script, *sys.argv[2:]]
try:
    if script == "-m":
        sys.argv[0] = "peopletui"
        runpy.run_module("peopletui", run_name="__main__", alter_sys=True)
    else:
        runpy.run_path(script, run_name="__main__")
    status = 0
except SystemExit as exit:
    status = exit.code
report_modules()
sys.exit(status)
"""


def _script() -> str:
    installed = Path(sys.executable).parent / "peopletui"
    return str(installed) if installed.exists() else "-m"


def _environment() -> dict[str, str]:
    return {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}  # conftest set XDG_CACHE_HOME


def _forbidden_in(names: set[str]) -> list[str]:
    return sorted(
        name for name in names if any(name == f or name.startswith(f + ".") for f in FORBIDDEN)
    )


@pytest.fixture
def filled() -> None:
    fill("ada@example.test", BOOK)


@pytest.mark.usefixtures("filled")
@pytest.mark.parametrize("output_format", ["mutt", "aerc", "tsv", "json"])
def test_query_uses_no_network_and_imports_no_ui(output_format: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", RUNNER, _script(), "query", "--format", output_format, "ada"],
        capture_output=True,
        text=True,
        env=_environment(),
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "ada@example.org" in result.stdout
    modules = set(result.stderr.rsplit("MODULES ", 1)[1].split())
    assert _forbidden_in(modules) == []


@pytest.mark.usefixtures("filled")
def test_importtime_lists_no_ui_or_network_module() -> None:
    script = _script()
    command = ["-m", "peopletui"] if script == "-m" else [script]
    result = subprocess.run(
        [sys.executable, "-X", "importtime", *command, "query", "grace"],
        capture_output=True,
        text=True,
        env=_environment(),
        check=False,
    )
    assert result.returncode == 0, result.stderr
    imported = {
        line.rsplit("|", 1)[1].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }
    assert "peopletui.query" in imported
    assert _forbidden_in(imported) == []


def test_no_match_exits_1_in_a_real_process() -> None:
    fill("ada@example.test", BOOK)
    script = _script()
    command = ["-m", "peopletui"] if script == "-m" else [script]
    result = subprocess.run(
        [sys.executable, *command, "query", "--format", "mutt", "nobody"],
        capture_output=True,
        text=True,
        env=_environment(),
        check=False,
    )
    assert (result.returncode, result.stdout) == (1, "peopletui: no match\n")
